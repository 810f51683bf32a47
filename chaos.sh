#!/usr/bin/env bash
# Starts the whole system from the AppHost (in-process, Aspire.Hosting.Testing: free ports, fresh state, no dashboard),
# plays fault scenarios against it, checks the invariants afterwards and stops it:
#   ./chaos.sh --list                          the scenarios and what each expects
#   ./chaos.sh --all                           every scenario on one system, then a summary
#   ./chaos.sh payment-outage --report r.json  one scenario; exit 0 passed, 1 failed, 2 could not run
# Options: --duration 30s --settle 90s --users N, --gateway URL to attach to a running system (./chaos.sh --help).
set -euo pipefail
repo="$(cd "$(dirname "$0")" && pwd)"
dll="$repo/tools/Chaos/bin/Debug/net10.0/ECommerce.Chaos.dll"
# Build when missing or older than any of its sources.
if [ ! -f "$dll" ] || [ -n "$(find "$repo/tools/Chaos" -name '*.cs' -newer "$dll" -not -path '*/obj/*' -not -path '*/bin/*' | head -1)" ]; then
  dotnet build "$repo/tools/Chaos/Chaos.csproj" -c Debug -nologo -v q -clp:ErrorsOnly >&2
fi
export ECOMMERCE_REPO_ROOT="$repo"
exec dotnet "$dll" "$@"
