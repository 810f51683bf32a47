#!/usr/bin/env bash
# Benchmark (not a test): a warm ./run.sh (built, servers installed, .state/ initialised) from start to "All healthy",
# on the fixed ports (stop any running ./run.sh first),
# and the resident memory of the whole system at idle, split into host (AppHost, DCP, dashboard), services and
# servers. Each attempt's figures, the date and the load average go into docs/benchmarks.md (section "startup").
#   bench/startup.sh [--attempts 3] [--idle 20]
set -euo pipefail
cd "$(dirname "$0")/.."

attempts=3; idle=20
while [ $# -gt 0 ]; do
  case "$1" in
    --attempts) attempts=$2; shift 2 ;;
    --idle) idle=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

eng/check-dotnet.sh
eng/install-servers.sh
eng/build-frontends.sh >/dev/null
dotnet build AppHost/AppHost.csproj -c Debug -nologo -v q -clp:ErrorsOnly >/dev/null

log=$(mktemp)
apphost=""
cleanup() {
  if [ -n "$apphost" ] && kill -0 "$apphost" 2>/dev/null; then kill -TERM "$apphost"; wait "$apphost" 2>/dev/null || true; fi
  rm -f "$log"
}
trap cleanup EXIT

start_system() {
  ./run.sh >"$log" 2>&1 &   # run.sh ends in `exec dotnet ...AppHost.dll`: this pid becomes the AppHost
  apphost=$!
  for _ in $(seq 1 2400); do
    grep -q "All healthy" "$log" && return 0
    kill -0 "$apphost" 2>/dev/null || { tail -40 "$log"; exit 1; }
    sleep 0.25
  done
  echo "not healthy after 10 minutes" >&2; tail -40 "$log"; exit 1
}

stop_system() {
  # SIGTERM: a background job of a script starts with SIGINT ignored; the AppHost treats both alike.
  kill -TERM "$apphost"; wait "$apphost" 2>/dev/null || true; apphost=""
}

# Every process under the AppHost, with its RSS (kB) and what it is.
memory_split() {
  python3 - "$apphost" <<'PY'
import os, sys
root = int(sys.argv[1])
parent, rss, cmd = {}, {}, {}
for pid in filter(str.isdigit, os.listdir('/proc')):
    try:
        stat = open(f'/proc/{pid}/stat').read()
        parent[int(pid)] = int(stat[stat.rindex(')') + 2:].split()[1])
        status = open(f'/proc/{pid}/status').read()
        rss[int(pid)] = next((int(l.split()[1]) for l in status.splitlines() if l.startswith('VmRSS:')), 0)
        cmd[int(pid)] = open(f'/proc/{pid}/cmdline').read().replace('\0', ' ')
    except OSError:
        pass
tree, todo = {root}, [root]
while todo:
    p = todo.pop()
    for c, pp in parent.items():
        if pp == p and c not in tree:
            tree.add(c); todo.append(c)
groups = {'host': 0, 'services': 0, 'servers': 0}
for p in tree:
    c = cmd.get(p, '')
    if any(s in c for s in ('/services/', '/gateway/Gateway/')): g = 'services'
    elif any(s in c for s in ('postgres', 'redis-server', 'beam.smp', 'epmd', 'erl_child_setup', 'inet_gethost')): g = 'servers'
    else: g = 'host'
    groups[g] += rss.get(p, 0)
print(' '.join(f"{k}={v // 1024}" for k, v in groups.items()), f"processes={len(tree)}")
PY
}

# The first start initialises the state (initdb, seed data); the attempts measured after it are warm.
echo "first start (initialises .state/ if needed, builds if needed)..."
start_system; stop_system
rows=()
for i in $(seq 1 "$attempts"); do
  load=$(cut -d' ' -f1 /proc/loadavg)
  started=$(date +%s.%N)
  start_system
  seconds=$(python3 -c "print(f'{$(date +%s.%N) - $started:.1f}')")
  reported=$(sed -n 's/.*All healthy in \([0-9.]*\) s.*/\1/p' "$log" | head -1)
  sleep "$idle"   # idle: nothing calls the system
  split=$(memory_split)
  eval "$(sed 's/ processes=[0-9]*//; s/\([a-z]*\)=/\1=/g' <<<"$split")"
  rows+=("| $i | $load | $seconds | $reported | $host | $services | $servers | $((services + servers)) | $(sed 's/.*processes=//' <<<"$split") |")
  echo "attempt $i: healthy after ${seconds}s (AppHost says ${reported}s); RSS MB $split"
  stop_system
done

{
  echo "## Startup and idle memory (AppHost, local-process servers)"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); \`bench/startup.sh\`."
  echo "Warm start: built, servers installed, state initialised by a first start that is not counted. Time from"
  echo "\`./run.sh\` (its install checks and no-op build included) to the \"All healthy\" line; next to it the AppHost's own"
  echo "figure (from the AppHost's start). Then RSS after ${idle} s idle,"
  echo "summed over the AppHost's process tree: host = AppHost, DCP (API server, controllers, one monitor per resource),"
  echo "dashboard; services = six services + gateway; servers = PostgreSQL (all backends), Redis, RabbitMQ (beam + epmd)."
  echo "Aims: under 30 s to healthy; under 2 GB for services plus servers."
  echo
  echo "| attempt | load average at start | to healthy (s) | AppHost's figure (s) | host MB | services MB | servers MB | services + servers MB | processes |"
  echo "|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} | bench/write-section.sh startup
