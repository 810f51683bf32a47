#!/usr/bin/env bash
# Runs every test: installs the local servers if missing, builds the offline solution filter, runs each
# test project in turn (integration tests start their own throwaway servers on free ports), and ends
# with the line "N passed, N failed". Exits non-zero on any failure.
#   ./test.sh                      everything
#   ./test.sh Gateway ServiceDefaults   only tests/<name>.Tests
set -uo pipefail
cd "$(dirname "$0")"

eng/check-dotnet.sh || exit 1
eng/install-servers.sh || exit 1
eng/install-browser.sh || exit 1
eng/build-frontends.sh || { echo "0 passed, 1 failed"; exit 1; }
echo "Building..."
dotnet build ECommerce.Offline.slnf -c Debug -nologo -v q -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }

results="artifacts/test-results"
rm -rf "$results"; mkdir -p "$results"

if [ $# -gt 0 ]; then
  projects=(); for name in "$@"; do projects+=("tests/$name.Tests/$name.Tests.csproj"); done
else
  mapfile -t projects < <(ls tests/*/*.Tests.csproj | sort)
fi

passed=0; failed=0; skipped=0; broken=()
for project in "${projects[@]}"; do
  name=$(basename "$project" .csproj)
  echo "=== $name"
  started=$SECONDS
  dotnet test "$project" --no-build -c Debug -nologo --logger "trx;LogFileName=$name.trx" \
    --logger "console;verbosity=normal" --results-directory "$results" --blame-hang-timeout 10m \
    >"$results/$name.log" 2>&1
  code=$?
  trx="$results/$name.trx"
  if [ -f "$trx" ]; then
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
    p=$(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")
    f=$(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")
    n=$(sed -E 's/.* notExecuted="([0-9]+)".*/\1/' <<<"$counters")
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + n))
    printf '    %s passed, %s failed, %s skipped in %ss\n' "$p" "$f" "$n" $((SECONDS - started))
    if [ "$f" -gt 0 ] || [ "$code" -ne 0 ]; then
      grep -E '^\s+(Failed|Error Message:)' -A4 "$results/$name.log" | head -60
      [ "$f" -gt 0 ] || { failed=$((failed + 1)); broken+=("$name"); }
    fi
  else
    echo "    no results: the test run itself failed (see $results/$name.log)"
    tail -30 "$results/$name.log"
    failed=$((failed + 1)); broken+=("$name")
  fi
done

[ ${#broken[@]} -eq 0 ] || echo "Test runs that failed outside a test: ${broken[*]}"
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
