# Watches a test process and, once it is gone (however it ended), kills the servers it started and deletes
# its run folder. Started detached by TestRun with: sh -c "<this script>" reap-run <run folder> <owner pid>.
run=$1
owner=$2

# The owner is identified by pid and start time, so a reused pid does not keep us waiting; a zombie is gone.
started() { sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1,20; }
start=$(started "$owner" | cut -d' ' -f2)
[ -n "$start" ] || exit 0
while :; do
  set -- $(started "$owner")
  [ "$1" != Z ] && [ "$1" != X ] && [ "$2" = "$start" ] || break
  sleep 0.5
done

# Each server's pid files name a process that works in its folder; it goes with its process group.
for file in "$run"/*/*.pid "$run"/*/*/*.pid; do
  [ -f "$file" ] || continue
  server="$run/$(printf '%s' "${file#"$run"/}" | cut -d/ -f1)"
  pid=$(head -n 1 "$file")
  case $(readlink "/proc/$pid/cwd" 2>/dev/null) in
    "$server" | "$server"/*)
      kill -9 "-$pid" 2>/dev/null # its group, when it leads one
      kill -9 "$pid" 2>/dev/null
      ;;
  esac
done

# A broker's epmd daemonizes, and refuses -kill while its dying broker is still registered.
for file in "$run"/*/epmd.port; do
  [ -f "$file" ] || continue
  tries=0
  while [ $tries -lt 50 ] && ! epmd -port "$(cat "$file")" -kill >/dev/null 2>&1; do
    tries=$((tries + 1))
    sleep 0.1
  done
done

rm -rf "$run"
