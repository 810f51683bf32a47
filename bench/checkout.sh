#!/usr/bin/env bash
# Benchmark (not a test): the whole system from the AppHost (Release) on free ports, then bounded checkout load through
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
dotnet build bench/Checkout.Bench/Checkout.Bench.csproj -c Release -nologo -v q -clp:ErrorsOnly >/dev/null

out=$(mktemp)
trap 'rm -f "$out"' EXIT
# --start: the bench starts the whole system from the AppHost itself (free ports, fresh state) and stops it after.
timeout 900 dotnet bench/Checkout.Bench/bin/Release/net10.0/ECommerce.Checkout.Bench.dll --start "$rate" "$seconds" "$users" | tee "$out"
bench/write-section.sh checkout < "$out"
