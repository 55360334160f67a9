#!/usr/bin/env bash
# Runs every test project. Sets up what the tests need (npm ci for Azurite and maildev; Debian's chromium
# for the dashboard test where apt is available); the tests themselves start Azurite and maildev on free
# loopback ports and stop them by process id. Ends with one line: "Tests: N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

npm ci --no-audit --no-fund --loglevel=error || { echo "npm ci failed"; echo "Tests: 0 passed, 1 failed"; exit 1; }

if ! command -v chromium >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null) \
    || echo "warning: could not install chromium; the browser test will fail"
fi

if ! dotnet build Outreach.sln -c Release -nologo -v quiet -clp:ErrorsOnly; then
  echo "build failed"
  echo "Tests: 0 passed, 1 failed"
  exit 1
fi

results="TestResults"
rm -rf "$results"
status=0
for project in tests/*.Tests/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  echo "== $name"
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" -- RunConfiguration.TestSessionTimeout=1500000 || status=1
done

passed=0; failed=0; skipped=0; executed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  total=$(value total); run=$(value executed); ok=$(value passed); bad=$(value failed)
  passed=$((passed + ${ok:-0})); failed=$((failed + ${bad:-0})); executed=$((executed + ${run:-0}))
  skipped=$((skipped + ${total:-0} - ${run:-0}))
done

# A project whose test host crashed leaves no counts behind; never let that read as green.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$executed" -eq 0 ]; then echo "no test ran"; status=1; fi

echo "Tests: $passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
