#!/usr/bin/env bash
# The main job: starts the local stack (Azurite with data kept in .local/azurite, maildev) and the function app
# with its local trigger runner, and prints the URLs. Ctrl-C stops everything it started.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

npm ci --no-audit --no-fund --loglevel=error
mkdir -p .local/azurite .local/logs

pids=()
cleanup() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "stopped."
}
trap cleanup INT TERM EXIT

wait_for() { # url, name
  for _ in $(seq 1 150); do curl -fs -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.2; done
  echo "$2 did not start; see .local/logs" >&2; exit 1
}

node node_modules/azurite/dist/src/azurite.js --location .local/azurite --disableTelemetry --silent \
  --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 >.local/logs/azurite.log 2>&1 &
pids+=($!)
node node_modules/maildev/bin/maildev --smtp 1025 --web 1080 --ip 127.0.0.1 --silent >.local/logs/maildev.log 2>&1 &
pids+=($!)
wait_for http://127.0.0.1:1080/healthz maildev
for port in 10000 10001 10002; do
  for _ in $(seq 1 150); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.2; done
done

export AzureWebJobsStorage="UseDevelopmentStorage=true"
export ASPNETCORE_URLS="http://127.0.0.1:7071"
dotnet run -c Release --project functions/Outreach.Functions >.local/logs/functions.log 2>&1 &
pids+=($!)
wait_for http://127.0.0.1:7071/ "the function app"

echo "Outreach is running."
echo "  app:   http://127.0.0.1:7071/"
echo "  inbox: http://127.0.0.1:1080/"
echo "Ctrl-C stops everything."
wait "${pids[@]}"
