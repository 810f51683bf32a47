#!/usr/bin/env bash
# Benchmark (not a test): the whole system under DevHost (Release) on free ports, then bounded checkout load through
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
dotnet build ECommerce.Run.slnf -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
dotnet build bench/Checkout.Bench/Checkout.Bench.csproj -c Release -nologo -v q -clp:ErrorsOnly >/dev/null

state=/tmp/bench-checkout-$$   # DevHost makes it (--fresh only wipes folders it made itself)
out=$(mktemp)
devhost=""
cleanup() {
  [ -n "$devhost" ] && kill -TERM "$devhost" 2>/dev/null && wait "$devhost" 2>/dev/null || true
  rm -rf "$state" "$out" "$out.devhost"
}
trap cleanup EXIT

# Limits out of the way (this measures the saga, not the limiter) and a saga timeout far beyond any wait here.
dotnet DevHost/bin/Release/net10.0/ECommerce.DevHost.dll --auto-ports --fresh --quiet --state "$state" \
  --env gateway:RateLimiting__PerUser__PermitLimit=1000000 --env gateway:RateLimiting__PerIp__PermitLimit=1000000 \
  --env order:Order__Saga__Timeout=00:02:00 >"$out.devhost" 2>&1 &
devhost=$!
for _ in $(seq 1 600); do [ -f "$state/devhost.json" ] && break; kill -0 "$devhost" 2>/dev/null || { cat "$out.devhost"; exit 1; }; sleep 0.5; done
gateway=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["gatewayUrl"])' "$state/devhost.json")
echo "system up; gateway $gateway; load average $(cut -d' ' -f1 /proc/loadavg)"

timeout 900 dotnet bench/Checkout.Bench/bin/Release/net10.0/ECommerce.Checkout.Bench.dll "$gateway" "$rate" "$seconds" "$users" | tee "$out"
bench/write-section.sh checkout < "$out"
