#!/usr/bin/env bash
# Starts the whole system through the Aspire AppHost (dashboard included): installs what is missing, builds, then
# runs the AppHost in the foreground; Ctrl+C stops every process. It prints the dashboard's login URL and the shop's
# URL once everything is healthy. Other arguments go to the AppHost (AppHost/Program.cs lists its switches):
#   ./run.sh --fresh          wipe .state/ (databases, queues, Redis data) first
#   ./run.sh --ports auto     the servers on free ports (when 55432, 56379 or 25672 is taken)
#   ./run.sh --servers container   the servers as containers (needs Docker or Podman)
set -euo pipefail
cd "$(dirname "$0")"

case "${1:-}" in -h|--help) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;; esac

args=()
for arg in "$@"; do
  if [ "$arg" = --fresh ]; then echo "Wiping .state/ (local databases, queues, Redis data)."; rm -rf .state; else args+=("$arg"); fi
done

eng/check-dotnet.sh
# The first time, installing the servers (apt) and building (restore + compile) take about as long as each
# other: do them side by side.
eng/install-servers.sh &
install=$!
eng/build-frontends.sh
# A no-op `dotnet build` of a dozen projects costs ~15 s on two cores: skip it while no source changed since the last
# successful build.
stamp=artifacts/run-build.stamp
changed=yes
if [ -f "$stamp" ] && [ -f AppHost/bin/Debug/net10.0/ECommerce.AppHost.dll ]; then
  changed=$(find AppHost ServiceDefaults libs services gateway Directory.Build.props Directory.Packages.props global.json \
    \( -name bin -o -name obj -o -name node_modules \) -prune -o -newer "$stamp" -type f -print -quit)
fi
if [ -n "$changed" ]; then
  echo "Building..."
  dotnet build AppHost/AppHost.csproj -c Debug -nologo -v q -clp:ErrorsOnly
  mkdir -p artifacts && touch "$stamp"
else
  echo "Build is up to date."
fi
wait "$install" || { echo "Installing the servers failed (see above)." >&2; exit 1; }

# The AppHost's "http" launch profile (AppHost/Properties/launchSettings.json), which F5 and
# `dotnet run --project AppHost` use: plain HTTP, no developer certificate needed.
export ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development ASPIRE_ALLOW_UNSECURED_TRANSPORT=true
export ASPNETCORE_URLS=http://localhost:15000
export ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://localhost:19000
export ASPIRE_DASHBOARD_MCP_ENDPOINT_URL=http://localhost:18000
export ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL=http://localhost:20000
cd AppHost
exec dotnet bin/Debug/net10.0/ECommerce.AppHost.dll "${args[@]}"
