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
  -o "-c listen_addresses=127.0.0.1 -p $pg -k $work/pg -c fsync=off -c synchronous_commit=off -c shared_preload_libraries=pg_stat_statements" start >/dev/null
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
  curl -s "http://127.0.0.1:$app/health" | tr -d ' \n' | grep -q '"catalog":{"status":"Healthy"' && break
  kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log"; exit 1; }
  sleep 0.2
done
seeded=$(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
count=$(PGPASSWORD=$pw psql -h 127.0.0.1 -p "$pg" -U postgres -d productdb -tAc "SELECT count(*) FROM products")
[ "$count" -ge "$products" ] || { echo "catalog has $count products, expected $products"; cat "$work/app.log"; exit 1; }
echo "catalog: $count products, service ready ${seeded}s after start"

psql_app() { PGPASSWORD=$pw psql -h 127.0.0.1 -p "$pg" -U postgres -d productdb -tA "$@"; }
psql_app -qc "CREATE EXTENSION pg_stat_statements" && psql_app -qc "SELECT pg_stat_statements_reset()" >/dev/null
load_before=$(cut -d' ' -f1 /proc/loadavg)
result=$(python3 bench/search_load.py "http://127.0.0.1:$app" "$rounds")
load_after=$(cut -d' ' -f1 /proc/loadavg)
echo "$result"
overall=$(awk '/^overall/ {print $2, $3, $4}' <<<"$result")
read -r n p50 p99 <<<"$overall"
# Time inside PostgreSQL per statement kind (execution only), apart from HTTP and the service.
db_time() { psql_app -F' ' -c "SELECT sum(calls), round((sum(total_exec_time) / sum(calls))::numeric, 2), round(max(max_exec_time)::numeric, 2)
  FROM pg_stat_statements WHERE query LIKE '$1'"; }
read -r s_calls s_mean s_max <<<"$(db_time '%WITH m AS MATERIALIZED%')"
read -r g_calls g_mean g_max <<<"$(db_time '%WHERE name_words @@%')"
read -r c_calls c_mean c_max <<<"$(db_time '%FROM catalog_words%')"
echo "db: search $s_calls x mean $s_mean max $s_max; suggest $g_calls x mean $g_mean max $g_max; spelling $c_calls x mean $c_mean max $c_max"
table=$(awk '/^kind/ {printf "| %s | %s | %s ms | %s ms |\n", $2, $3, $4, $5}' <<<"$result")

bench/write-section.sh search <<MD
## Product search (PostgreSQL full-text)

\`bench/search.sh\` on $(date -u +%Y-%m-%d), $(nproc) cores: the product service (Release) on a seed catalog of
$count products (service ready ${seeded}s after start, seeding included), PostgreSQL 15 and Redis on 127.0.0.1.
A fixed set of queries (bench/search_load.py) is sent $rounds times over one keep-alive connection, one request at
a time; latency is measured by the client per request (HTTP included), after one warm-up round. The machine's
1-minute load average was $load_before before and $load_after after the run (other work shares the cores).

| query kind | requests | p50 | p99 |
|---|---|---|---|
$table
| **all** | $n | $p50 ms | $p99 ms |

Inside PostgreSQL (pg_stat_statements, execution time per statement, same run):

| statement | calls | mean | max |
|---|---|---|---|
| search (page + total + facets in one statement) | $s_calls | $s_mean ms | $s_max ms |
| suggest | $g_calls | $g_mean ms | $g_max ms |
| spelling correction (pg_trgm) | $c_calls | $c_mean ms | $c_max ms |

Aim: p99 < 50 ms with 10,000 products.
MD
