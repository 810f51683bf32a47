#!/usr/bin/env bash
# Benchmark (not a test): nginx, a bare YARP app (bench/BareYarp: one route, nothing else) and the gateway side by
# side in front of the same upstream, loaded by wrk on 127.0.0.1 with the same settings, for a bounded time, in
# several rounds (the machine is shared: load is recorded with each run). Requests/s, p50/p99 and the ratios go
# into docs/benchmarks.md.
#   bench/gateway.sh [--duration 15s] [--connections 64] [--rounds 2]
set -euo pipefail
cd "$(dirname "$0")/.."

duration=15s; connections=64; rounds=2
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

missing=(); command -v nginx >/dev/null || missing+=(nginx); command -v wrk >/dev/null || missing+=(wrk)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
eng/check-dotnet.sh
dotnet build gateway/Gateway/Gateway.csproj -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
dotnet build bench/BareYarp/BareYarp.csproj -c Release -nologo -v q -clp:ErrorsOnly >/dev/null

work=$(mktemp -d /tmp/bench-gateway.XXXXXX)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
upstream=$(free_port); proxy=$(free_port); bare=$(free_port); gateway=$(free_port); redis=$(free_port)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$work/upstream.pid" ] && kill "$(cat "$work/upstream.pid")" 2>/dev/null || true
  [ -f "$work/proxy.pid" ] && kill "$(cat "$work/proxy.pid")" 2>/dev/null || true
  [ -f "$work/redis.pid" ] && kill "$(cat "$work/redis.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# The upstream: nginx answering a small product JSON (and /health) from memory, so the proxies are what is measured.
cat >"$work/upstream.conf" <<CONF
worker_processes 1; pid $work/upstream.pid; error_log $work/upstream-error.log; daemon on;
events { worker_connections 4096; }
http { access_log off;
  server { listen 127.0.0.1:$upstream; default_type application/json;
    location /health { return 200 '{"status":"Healthy"}'; }
    location / { return 200 '{"id":"p1","sku":"SKU-1","name":"Bench product","price":9.99,"currency":"USD"}'; } } }
CONF
# The baseline: nginx as a reverse proxy with pooled upstream connections.
cat >"$work/proxy.conf" <<CONF
worker_processes auto; pid $work/proxy.pid; error_log $work/proxy-error.log; daemon on;
events { worker_connections 4096; }
http { access_log off; upstream up { server 127.0.0.1:$upstream; keepalive 128; }
  server { listen 127.0.0.1:$proxy;
    location / { proxy_pass http://up; proxy_http_version 1.1; proxy_set_header Connection ""; } } }
CONF
nginx -p "$work" -c "$work/upstream.conf"
nginx -p "$work" -c "$work/proxy.conf"
# The gateway counts its rate limits in Redis (a throwaway server, nothing persisted).
redis-server --bind 127.0.0.1 --port "$redis" --save '' --appendonly no --daemonize yes \
  --pidfile "$work/redis.pid" --logfile "$work/redis.log" --dir "$work"
for _ in $(seq 1 50); do redis-cli -p "$redis" ping >/dev/null 2>&1 && break; sleep 0.1; done

# YARP alone, one route to the upstream.
env ASPNETCORE_URLS="http://127.0.0.1:$bare" ASPNETCORE_ENVIRONMENT=Production BareYarp__Destination="http://127.0.0.1:$upstream" \
  dotnet bench/BareYarp/bin/Release/net10.0/ECommerce.BareYarp.dll >"$work/bare.log" 2>&1 &
bare_pid=$!; pids+=($bare_pid)
# The gateway in Release, its product cluster pointed at the same upstream; no output cache, limits out of the way
# (still counted in Redis for every request).
env ASPNETCORE_URLS="http://127.0.0.1:$gateway" ASPNETCORE_ENVIRONMENT=Production \
  services__product__http__0="http://127.0.0.1:$upstream" \
  Logging__LogLevel__Default=Warning \
  ConnectionStrings__redis="127.0.0.1:$redis" \
  RateLimiting__PerIp__PermitLimit=1000000000 RateLimiting__PerIp__Duration=00:00:01 \
  "ReverseProxy__Routes__products-read__OutputCachePolicy=" \
  ${GATEWAY_BENCH_ENV:-} \
  ASPNETCORE_CONTENTROOT="$PWD/gateway/Gateway" dotnet gateway/Gateway/bin/Release/net10.0/ECommerce.Gateway.dll >"$work/gateway.log" 2>&1 &
gateway_pid=$!; pids+=($gateway_pid)
for port in $bare $gateway; do
  for _ in $(seq 1 300); do curl -sf -o /dev/null "http://127.0.0.1:$port/api/products/p1" && break; sleep 0.2; done
done
path=/api/products/p1
for port in $proxy $bare $gateway; do
  body=$(curl -s "http://127.0.0.1:$port$path") || { echo "no answer on $port"; cat "$work/gateway.log"; exit 1; }
  [[ "$body" == *'"Bench product"'* ]] || { echo "unexpected body from $port: $body"; cat "$work/gateway.log"; exit 1; }
done

cpu_ticks() { local t=0 p; for p in "$@"; do t=$((t + $(awk '{print $14+$15}' "/proc/$p/stat"))); done; echo "$t"; }
# name port [pids whose CPU is counted...] -> "rps p50 p99 cpu_us_per_request"
run() {
  local name=$1 port=$2; shift 2
  wrk -t2 -c"$connections" -d5s "http://127.0.0.1:$port$path" >/dev/null   # warm-up
  local c0 out c1; c0=$(cpu_ticks "$@")
  out=$(wrk -t2 -c"$connections" -d"$duration" --latency "http://127.0.0.1:$port$path")
  c1=$(cpu_ticks "$@")
  local rps p50 p99 errors requests cpu
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out"); requests=$(awk '/requests in/ {print $1}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out"); p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out" | tr '\n' ' ')
  cpu=$(awk -v c=$((c1 - c0)) -v n="$requests" -v t="$(getconf CLK_TCK)" 'BEGIN { if (c == 0) print "-"; else printf "%.0f", c / t * 1e6 / n }')
  echo "$name: $rps req/s, p50 $p50, p99 $p99, CPU $cpu us/request ${errors}" >&2
  echo "$rps $p50 $p99 $cpu"
}
ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.3f", v/1000; else if (v ~ /ms$/) printf "%.3f", v+0; else printf "%.3f", v*1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

rows=""; summary=""
for round in $(seq 1 "$rounds"); do
  load_before=$(uptime | sed 's/.*load average: //')
  read -r n_rps n_p50 n_p99 _ < <(run nginx "$proxy")
  read -r b_rps b_p50 b_p99 b_cpu < <(run bare-yarp "$bare" "$bare_pid")
  read -r g_rps g_p50 g_p99 g_cpu < <(run gateway "$gateway" "$gateway_pid")
  load_after=$(uptime | sed 's/.*load average: //')
  gb=$(ratio "$g_rps" "$b_rps"); gn=$(ratio "$g_rps" "$n_rps"); bn=$(ratio "$b_rps" "$n_rps")
  p99r=$(ratio "$(ms "$g_p99")" "$(ms "$b_p99")")
  echo "round $round: gateway/bare-yarp $gb, gateway/nginx $gn, bare-yarp/nginx $bn, p99 gateway/bare-yarp $p99r (load $load_before -> $load_after)" >&2
  cpur=$(ratio "$g_cpu" "$b_cpu")
  rows+="| $round | $load_before → $load_after | $n_rps ($n_p50 / $n_p99) | $b_rps ($b_p50 / $b_p99) | $g_rps ($g_p50 / $g_p99) | $gb | $p99r | $gn | $b_cpu / $g_cpu ($cpur) |"$'\n'
done

bench/write-section.sh gateway <<MD
## Gateway vs bare YARP vs nginx (reverse proxy)

\`bench/gateway.sh\` on $(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores shared with other engineers' builds (load average
from \`uptime\` before → after each round): wrk -t2 -c$connections -d$duration (after a 5 s warm-up) on 127.0.0.1 against
\`GET $path\`, one small JSON response from an in-memory nginx upstream, every proxy keeping pooled upstream
connections. nginx: worker_processes auto. Bare YARP: \`bench/BareYarp\`, one route and nothing else. Gateway
(Release): its whole edge as in production (correlation ids, security headers, CORS, authentication, the per-client
rate limit counted in Redis for every request, authorization, request timeouts, telemetry, access log filtered at
Warning); output caching off so every request reaches the upstream. Cells: requests/s (p50 / p99).

| round | load | nginx | bare YARP | gateway | gateway / bare YARP req/s | gateway / bare YARP p99 | gateway / nginx req/s | CPU µs per request, bare YARP / gateway (ratio) |
|---|---|---|---|---|---|---|---|---|
${rows}
Aims: gateway >= 0.9x bare YARP in requests/s, p99 within 1.3x of bare YARP, >= 0.5x nginx. wrk, the proxies, the
upstream and Redis share the machine's $(nproc) cores with everything else running on it, so absolute numbers say more
about the machine's load than about any proxy; compare within a round. The last column is the process's own CPU time
(user + system, from /proc) over the measured run divided by the requests it served: it does not depend on how much
of the machine the process was given, so it is the steadier comparison on a loaded machine (the gateway's excludes
Redis, which spends its own CPU on every request's rate-limit script).
MD
