#!/usr/bin/env bash
# Benchmark (not a test): appends/s and latency of libs/EventStore on a dedicated durable PostgreSQL on 127.0.0.1,
# with concurrent writers for a bounded time, plus projection catch-up and rebuild rates; written to docs/benchmarks.md.
#   bench/eventstore.sh [--seconds 10] [--writers 16]
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=10; writers=16
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --writers) writers=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

eng/check-dotnet.sh
dotnet build bench/EventStore.Bench/EventStore.Bench.csproj -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
section=$(dotnet bench/EventStore.Bench/bin/Release/net10.0/ECommerce.EventStore.Bench.dll "$seconds" "$writers")
echo "$section"
bench/write-section.sh eventstore <<<"$section"
