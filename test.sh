#!/usr/bin/env bash
# Runs every test: installs the local servers if missing, builds the solution, runs each
# test project in turn (integration tests start their own throwaway servers on free ports), and ends
# with the line "N passed, N failed". Exits non-zero on any failure.
#   ./test.sh                      everything
#   ./test.sh Gateway ServiceDefaults   only tests/<name>.Tests ("Frontends": the frontends' Vitest tests)
set -uo pipefail
cd "$(dirname "$0")"

eng/check-dotnet.sh || exit 1
eng/install-servers.sh || exit 1
eng/install-browser.sh || exit 1
eng/build-frontends.sh || { echo "0 passed, 1 failed"; exit 1; }
echo "Building..."
dotnet build ECommerce.sln -c Debug -nologo -v q -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }

results="artifacts/test-results"
rm -rf "$results"; mkdir -p "$results"

units=yes  # the frontends' Vitest unit and contract tests: always with no arguments, else when "Frontends" is named
if [ $# -gt 0 ]; then
  units=no; projects=()
  for name in "$@"; do
    if [ "$name" = Frontends ]; then units=yes; else projects+=("tests/$name.Tests/$name.Tests.csproj"); fi
  done
else
  mapfile -t projects < <(ls tests/*/*.Tests.csproj | sort)
fi

passed=0; failed=0; skipped=0; broken=()
if [ "$units" = yes ]; then
  echo "=== Frontends (Vitest)"
  started=$SECONDS
  (cd frontends && npx vitest run --reporter=default --reporter=json --outputFile="../$results/Frontends.json") \
    >"$results/Frontends.log" 2>&1
  if [ -f "$results/Frontends.json" ]; then
    p=$(node -p "require('./$results/Frontends.json').numPassedTests"); f=$(node -p "require('./$results/Frontends.json').numFailedTests")
    passed=$((passed + p)); failed=$((failed + f))
    printf '    %s passed, %s failed in %ss\n' "$p" "$f" $((SECONDS - started))
    [ "$f" -eq 0 ] || grep -E 'FAIL|AssertionError|Error:' "$results/Frontends.log" | head -40
  else
    echo "    no results: the Vitest run itself failed (see $results/Frontends.log)"; tail -30 "$results/Frontends.log"
    failed=$((failed + 1)); broken+=("Frontends")
  fi
fi
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
