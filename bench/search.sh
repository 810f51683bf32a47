#!/usr/bin/env bash
# Benchmark (not a test): the product service's search on a 10,000-product seed catalog, a fixed query set
# (typed, prefix, misspelled with didYouMean, filtered, empty) sent over keep-alive HTTP on 127.0.0.1;
# p50/p99 per query kind and overall go into docs/benchmarks.md.
#   bench/search.sh [--products 10000] [--rounds 30]
set -euo pipefail
cd "$(dirname "$0")/.."

products=10000; rounds=30
while [ $# -gt 0 ]; do
  case "$1" in
    --products) products=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

command -v redis-server >/dev/null && [ -x /usr/lib/postgresql/15/bin/initdb ] || eng/install-servers.sh
eng/check-dotnet.sh
dotnet build services/Product/Product.Api/Product.Api.csproj -c Release -nologo -v q -clp:ErrorsOnly >/dev/null

work=$(mktemp -d /tmp/bench-search.XXXXXX); chmod 755 "$work"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
pg=$(free_port); redis=$(free_port); app=$(free_port)
B=/usr/lib/postgresql/15/bin; pw=bench
app_pid=
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  redis-cli -p "$redis" shutdown nosave >/dev/null 2>&1 || true
  runuser -u postgres -- $B/pg_ctl -D "$work/pg/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/pg" "$work/redis"; chown postgres "$work/pg"
echo -n "$pw" >"$work/pg/.pw"; chown postgres "$work/pg/.pw"
runuser -u postgres -- $B/initdb -D "$work/pg/data" -U postgres --pwfile="$work/pg/.pw" --auth-local=trust \
  --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
runuser -u postgres -- $B/pg_ctl -D "$work/pg/data" -l "$work/pg/pg.log" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -p $pg -k $work/pg -c fsync=off -c synchronous_commit=off" start >/dev/null
PGPASSWORD=$pw psql -h 127.0.0.1 -p "$pg" -U postgres -qc "CREATE DATABASE productdb" >/dev/null
redis-server --bind 127.0.0.1 --port "$redis" --dir "$work/redis" --save '' --appendonly no --daemonize yes \
  --pidfile "$work/redis/redis.pid" --logfile "$work/redis/redis.log"

started=$(date +%s.%N)
env ASPNETCORE_URLS="http://127.0.0.1:$app" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  ConnectionStrings__productdb="Host=127.0.0.1;Port=$pg;Username=postgres;Password=$pw;Database=productdb" \
  ConnectionStrings__redis="127.0.0.1:$redis" ConnectionStrings__eventbus="amqp://guest:guest@127.0.0.1:1/" \
  Catalog__SeedSize="$products" ASPNETCORE_CONTENTROOT="$PWD/services/Product/Product.Api" \
  dotnet services/Product/Product.Api/bin/Release/net10.0/ECommerce.Product.Api.dll >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 600); do
  curl -s "http://127.0.0.1:$app/health" | grep -q '"catalog":{"status":"Healthy"' && break
  kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log"; exit 1; }
  sleep 0.2
done
seeded=$(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
count=$(PGPASSWORD=$pw psql -h 127.0.0.1 -p "$pg" -U postgres -d productdb -tAc "SELECT count(*) FROM products")
[ "$count" -ge "$products" ] || { echo "catalog has $count products, expected $products"; cat "$work/app.log"; exit 1; }
echo "catalog: $count products, service ready ${seeded}s after start"

result=$(python3 bench/search_load.py "http://127.0.0.1:$app" "$rounds")
echo "$result"
overall=$(awk '/^overall/ {print $2, $3, $4}' <<<"$result")
read -r n p50 p99 <<<"$overall"
table=$(awk '/^kind/ {printf "| %s | %s | %s ms | %s ms |\n", $2, $3, $4, $5}' <<<"$result")

bench/write-section.sh search <<MD
## Product search (PostgreSQL full-text)

\`bench/search.sh\` on $(date -u +%Y-%m-%d), $(nproc) cores: the product service (Release) on a seed catalog of
$count products (service ready ${seeded}s after start, seeding included), PostgreSQL 15 and Redis on 127.0.0.1.
A fixed set of queries (bench/search_load.py) is sent $rounds times over one keep-alive connection, one request at
a time; latency is measured by the client per request (HTTP included), after one warm-up round.

| query kind | requests | p50 | p99 |
|---|---|---|---|
$table
| **all** | $n | $p50 ms | $p99 ms |

Aim: p99 < 50 ms with 10,000 products.
MD
