#!/usr/bin/env bash
# Starts the whole system here, without containers: installs the local servers if missing, builds,
# then runs DevHost in the foreground (Ctrl+C stops everything). Arguments go to DevHost:
#   ./run.sh --fresh        wipe .devhost/ (databases, queues, logs) first
#   ./run.sh --port 9090    gateway on another port (default 8080)
set -euo pipefail
cd "$(dirname "$0")"

eng/check-dotnet.sh
# The first time, installing the servers (apt) and building (restore + compile) take about as long as each
# other: do them side by side.
eng/install-servers.sh &
install=$!
eng/build-frontends.sh
echo "Building..."
dotnet build ECommerce.Run.slnf -c Debug -nologo -v q -clp:ErrorsOnly
wait "$install" || { echo "Installing the servers failed (see above)." >&2; exit 1; }
exec dotnet DevHost/bin/Debug/net10.0/ECommerce.DevHost.dll "$@"
