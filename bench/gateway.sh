#!/usr/bin/env bash
# Benchmark (not a test): the gateway and nginx side by side in front of the same upstream, loaded by wrk
# on 127.0.0.1 for a bounded time; requests/s, p50/p99 and the ratio go into docs/benchmarks.md.
#   bench/gateway.sh [--duration 15s] [--connections 64]
set -euo pipefail
cd "$(dirname "$0")/.."

duration=15s; connections=64
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

missing=(); command -v nginx >/dev/null || missing+=(nginx); command -v wrk >/dev/null || missing+=(wrk)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
eng/check-dotnet.sh
dotnet build gateway/Gateway/Gateway.csproj -c Release -nologo -v q -clp:ErrorsOnly >/dev/null

work=$(mktemp -d /tmp/bench-gateway.XXXXXX)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
upstream=$(free_port); proxy=$(free_port); gateway=$(free_port); redis=$(free_port)
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

# The gateway in Release, its product cluster pointed at the same upstream; no output cache, limits out of the way.
env ASPNETCORE_URLS="http://127.0.0.1:$gateway" ASPNETCORE_ENVIRONMENT=Production \
  services__product__http__0="http://127.0.0.1:$upstream" \
  Logging__LogLevel__Default=Warning \
  ConnectionStrings__redis="127.0.0.1:$redis" \
  RateLimiting__PerIp__PermitLimit=1000000000 RateLimiting__PerIp__Duration=00:00:01 \
  "ReverseProxy__Routes__products-read__OutputCachePolicy=" \
  ASPNETCORE_CONTENTROOT="$PWD/gateway/Gateway" dotnet gateway/Gateway/bin/Release/net10.0/ECommerce.Gateway.dll >"$work/gateway.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$gateway/alive" >/dev/null && break; sleep 0.1; done
path=/api/products/p1
for port in $proxy $gateway; do
  body=$(curl -s "http://127.0.0.1:$port$path") || { echo "no answer on $port"; cat "$work/gateway.log"; exit 1; }
  [[ "$body" == *'"Bench product"'* ]] || { echo "unexpected body from $port: $body"; exit 1; }
done

run() { # name port -> "rps p50 p99"
  wrk -t2 -c"$connections" -d5s "http://127.0.0.1:$2$path" >/dev/null   # warm-up
  local out; out=$(wrk -t2 -c"$connections" -d"$duration" --latency "http://127.0.0.1:$2$path")
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out"); p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out" | tr '\n' ' ')
  echo "$1: $rps req/s, p50 $p50, p99 $p99 ${errors}" >&2
  echo "$rps $p50 $p99"
}
read -r nginx_rps nginx_p50 nginx_p99 < <(run nginx "$proxy")
read -r gw_rps gw_p50 gw_p99 < <(run gateway "$gateway")
ratio=$(awk -v g="$gw_rps" -v n="$nginx_rps" 'BEGIN { printf "%.2f", g / n }')
echo "gateway/nginx throughput ratio: $ratio"

bench/write-section.sh gateway <<MD
## Gateway vs nginx (reverse proxy)

\`bench/gateway.sh\` on $(date -u +%Y-%m-%d), $(nproc) cores: wrk -t2 -c$connections -d$duration on 127.0.0.1, one small JSON
response from an in-memory nginx upstream, both proxies keeping pooled upstream connections. The gateway runs its
whole edge (correlation ids, security headers, CORS, authentication, per-client rate limiting, access log
filtered at Warning) as in production; output caching is off so every request reaches the upstream.

| proxy | requests/s | p50 | p99 |
|---|---|---|---|
| nginx 1.22 (worker_processes auto) | $nginx_rps | $nginx_p50 | $nginx_p99 |
| gateway (Release) | $gw_rps | $gw_p50 | $gw_p99 |

Throughput ratio gateway/nginx: **$ratio** (aim: >= 1.0, p99 no worse). wrk, both proxies and the upstream share
the machine's $(nproc) cores, so the absolute numbers say more about this machine than about either proxy.
MD
