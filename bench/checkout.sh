#!/usr/bin/env bash
# Benchmark (not a test): the whole system under the AppHost (Release) on free ports, then bounded checkout load through
# its gateway; completed checkouts/s and p50/p99 from checkout to Confirmed go into docs/benchmarks.md.
#   bench/checkout.sh [--rate 200] [--seconds 20] [--users 300]
set -euo pipefail
cd "$(dirname "$0")/.."

rate=200; seconds=20; users=300
while [ $# -gt 0 ]; do
  case "$1" in
    --rate) rate=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --users) users=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

eng/check-dotnet.sh
eng/install-servers.sh
eng/build-frontends.sh >/dev/null
dotnet build AppHost/AppHost.csproj -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
dotnet build bench/Checkout.Bench/Checkout.Bench.csproj -c Release -nologo -v q -clp:ErrorsOnly >/dev/null

state=$(mktemp -d /tmp/bench-checkout-XXXX)
out=$(mktemp)
apphost=""
cleanup() {
  [ -n "$apphost" ] && kill -TERM "$apphost" 2>/dev/null && wait "$apphost" 2>/dev/null || true
  rm -rf "$state" "$out" "$out.apphost"
}
trap cleanup EXIT

# The AppHost (Release) with the servers and every port free, limits out of the way (this measures the saga, not
# the limiter) and a saga timeout far beyond any wait here.
export ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development ASPIRE_ALLOW_UNSECURED_TRANSPORT=true
export ASPNETCORE_URLS=http://127.0.0.1:0 ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://127.0.0.1:0 ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL=http://127.0.0.1:0
(cd AppHost && exec dotnet bin/Release/net10.0/ECommerce.AppHost.dll --ports auto --state "$state" --DcpPublisher:RandomizePorts=true \
  --Settings:gateway:RateLimiting__PerUser__PermitLimit=1000000 --Settings:gateway:RateLimiting__PerIp__PermitLimit=1000000 \
  --Settings:order:Order__Saga__Timeout=00:02:00) >"$out.apphost" 2>&1 &
apphost=$!
for _ in $(seq 1 1200); do grep -q "All healthy" "$out.apphost" && break; kill -0 "$apphost" 2>/dev/null || { cat "$out.apphost"; exit 1; }; sleep 0.5; done
gateway=$(sed -n 's/^ *Shop: *//p' "$out.apphost" | head -1)
[ -n "$gateway" ] || { tail -40 "$out.apphost"; exit 1; }
echo "system up; gateway $gateway; load average $(cut -d' ' -f1 /proc/loadavg)"

timeout 900 dotnet bench/Checkout.Bench/bin/Release/net10.0/ECommerce.Checkout.Bench.dll "$gateway" "$rate" "$seconds" "$users" | tee "$out"
bench/write-section.sh checkout < "$out"
