#!/usr/bin/env bash
# Benchmark (not a test): redis-benchmark and the project's RESP client (bench/RedisBench) against the same
# throwaway redis-server on 127.0.0.1: GET and SET, without pipelining and with 16 commands in flight per client,
# the same number of clients and requests. Requests/s and the ratio go into docs/benchmarks.md.
#   bench/redis.sh [--clients 50] [--requests 200000] [--pipeline 16]
set -euo pipefail
cd "$(dirname "$0")/.."

clients=50; requests=200000; pipeline=16
while [ $# -gt 0 ]; do
  case "$1" in
    --clients) clients=$2; shift 2 ;;
    --requests) requests=$2; shift 2 ;;
    --pipeline) pipeline=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
pipelined_requests=$((requests * 5))

command -v redis-benchmark >/dev/null || eng/install-servers.sh
eng/check-dotnet.sh
dotnet build bench/RedisBench/RedisBench.csproj -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
client=bench/RedisBench/bin/Release/net10.0/ECommerce.RedisBench

work=$(mktemp -d /tmp/bench-redis.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cleanup() {
  [ -f "$work/redis.pid" ] && kill "$(cat "$work/redis.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no --daemonize yes \
  --pidfile "$work/redis.pid" --logfile "$work/redis.log" --dir "$work"
for _ in $(seq 1 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done

# Each run is bounded: a fixed number of requests, and a hard timeout in case the server stalls.
baseline() { # test pipeline requests -> rps
  timeout 120 redis-benchmark -h 127.0.0.1 -p "$port" -t "$1" -c "$clients" -n "$3" -P "$2" -q --csv \
    | awk -F'","' 'NR==2 {print $2}'
}
ours() { timeout 120 "$client" "$port" "$1" "$clients" "$2" "$3" | awk '{print $3}'; }

rows=""; ratios=()
for test in get set; do
  for p in 1 "$pipeline"; do
    n=$requests; [ "$p" -gt 1 ] && n=$pipelined_requests
    b=$(baseline "$test" "$p" "$n"); o=$(ours "$test" "$p" "$n")
    r=$(awk -v o="$o" -v b="$b" 'BEGIN { printf "%.2f", o / b }')
    echo "${test^^} pipeline $p: redis-benchmark $b/s, client $o/s, ratio $r" >&2
    rows+="| ${test^^} | $p | $b | $o | $r |"$'\n'
    ratios+=("$r")
  done
done
worst=$(printf '%s\n' "${ratios[@]}" | sort -n | head -1)

bench/write-section.sh redis <<MD
## RESP client vs redis-benchmark

\`bench/redis.sh\` on $(date -u +%Y-%m-%d), $(nproc) cores, redis-server $(redis-server --version | awk '{print $3}' | cut -d= -f2)
on 127.0.0.1 (no persistence): $clients clients, $requests requests without pipelining and $pipelined_requests with
$pipeline commands in flight per client, the key and 3-byte value redis-benchmark uses. redis-benchmark opens one socket
per client; the project's client (\`bench/RedisBench\`) runs $clients concurrent callers over its one multiplexed
connection, as the services do, so unpipelined callers' commands still travel together on the wire. No telemetry
listener is attached (with one, each command also gets a span and two measurements).

| command | in flight per client | redis-benchmark req/s | client req/s | ratio |
|---|---|---|---|---|
${rows%$'\n'}

Lowest ratio client/redis-benchmark: **$worst** (aim: >= 0.7). Both share the machine's $(nproc) cores with the server
(and with whatever else runs), so run them back to back and read the ratio rather than the absolute numbers.
MD
