#!/usr/bin/env bash
# Benchmark (not a test): confirmed publishing and the outbox path (commit -> relay -> consumer with inbox) on local
# RabbitMQ and PostgreSQL started for the run; flat-out messages/s and p50/p99 send-to-handled at a fixed rate go
# into docs/benchmarks.md.
#   bench/messaging.sh [--messages 3000] [--writers 16] [--concurrency 8] [--rate 200]
set -euo pipefail
cd "$(dirname "$0")/.."

messages=3000; writers=16; concurrency=8; rate=200
while [ $# -gt 0 ]; do
  case "$1" in
    --messages) messages=$2; shift 2 ;;
    --writers) writers=$2; shift 2 ;;
    --concurrency) concurrency=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

eng/check-dotnet.sh
dotnet build bench/Messaging.Bench/Messaging.Bench.csproj -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
out=$(mktemp)
trap 'rm -f "$out"' EXIT
timeout 600 dotnet bench/Messaging.Bench/bin/Release/net10.0/ECommerce.Messaging.Bench.dll "$messages" "$writers" "$concurrency" "$rate" | tee "$out"
bench/write-section.sh messaging < "$out"
