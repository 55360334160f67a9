#!/usr/bin/env bash
# The main job: starts Azurite (data kept in .local/azurite), maildev and the function app with its local trigger
# runner (which polls the queues and fires the timers as the Functions host would), and prints the URLs.
# It also creates a demo owner (id "demo") and prints its API key, kept in .local/demo-key for later starts, and
# plays the demo (scripts/demo.mjs) through the public API: imports the bundled sample files, enrols the class-visit
# contacts in the default campaign, waits for the first thank-you notes to reach the local inbox, and shows the
# response model (the synthetic prior on a first start). A second start duplicates nothing.
# Ctrl-C stops everything this script started, by process id.
# Ports default to the usual ones; override with AZURITE_BLOB_PORT, AZURITE_QUEUE_PORT, AZURITE_TABLE_PORT,
# SMTP_PORT, INBOX_PORT, APP_PORT. A port already in use stops the script before anything starts.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

blob_port=${AZURITE_BLOB_PORT:-10000}
queue_port=${AZURITE_QUEUE_PORT:-10001}
table_port=${AZURITE_TABLE_PORT:-10002}
smtp_port=${SMTP_PORT:-1025}
inbox_port=${INBOX_PORT:-1080}
app_port=${APP_PORT:-7071}

in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
taken=0
for entry in "$blob_port:Azurite blob:AZURITE_BLOB_PORT" "$queue_port:Azurite queue:AZURITE_QUEUE_PORT" \
             "$table_port:Azurite table:AZURITE_TABLE_PORT" "$smtp_port:maildev SMTP:SMTP_PORT" \
             "$inbox_port:maildev inbox:INBOX_PORT" "$app_port:function app:APP_PORT"; do
  IFS=: read -r port what variable <<<"$entry"
  if in_use "$port"; then
    echo "port $port ($what) is already in use on 127.0.0.1; stop what holds it or set $variable to a free port." >&2
    taken=1
  fi
done
[ "$taken" -eq 0 ] || exit 1

[ -d node_modules/azurite ] && [ -d node_modules/maildev ] || npm ci --no-audit --no-fund --loglevel=error
echo "building the function app..."
if ! build=$(dotnet build functions/Outreach.Functions -c Release -nologo -v quiet -clp:ErrorsOnly 2>&1); then
  echo "$build" >&2; exit 1
fi
mkdir -p .local/azurite .local/logs

pids=()
cleanup() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  echo "stopped."
  exit 0
}
trap cleanup INT TERM EXIT

wait_for_port() { # port, name, pid
  for _ in $(seq 1 150); do
    in_use "$1" && return 0
    kill -0 "$3" 2>/dev/null || { echo "$2 exited; see .local/logs" >&2; exit 1; }
    sleep 0.2
  done
  echo "$2 did not start within 30 s; see .local/logs" >&2; exit 1
}

node node_modules/azurite/dist/src/azurite.js --location .local/azurite --disableTelemetry --silent \
  --blobHost 127.0.0.1 --blobPort "$blob_port" --queueHost 127.0.0.1 --queuePort "$queue_port" \
  --tableHost 127.0.0.1 --tablePort "$table_port" >.local/logs/azurite.log 2>&1 &
pids+=($!)
azurite=$!
node node_modules/maildev/bin/maildev --smtp "$smtp_port" --web "$inbox_port" --ip 127.0.0.1 --silent >.local/logs/maildev.log 2>&1 &
pids+=($!)
maildev=$!
for port in "$blob_port" "$queue_port" "$table_port"; do wait_for_port "$port" Azurite "$azurite"; done
wait_for_port "$inbox_port" maildev "$maildev"

account=devstoreaccount1
key='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
export AzureWebJobsStorage="DefaultEndpointsProtocol=http;AccountName=$account;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob_port/$account;QueueEndpoint=http://127.0.0.1:$queue_port/$account;TableEndpoint=http://127.0.0.1:$table_port/$account;"
export ASPNETCORE_URLS="http://127.0.0.1:$app_port" DOTNET_ENVIRONMENT=Development
# Mail goes to maildev; links in it point at this app. The token-signing key and the inbound-webhook secret are
# made once per checkout and kept in .local (gitignored); in Azure they come from Key Vault.
[ -s .local/token-key ] || node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("base64"))' >.local/token-key
[ -s .local/webhook-secret ] || node -e 'process.stdout.write(require("crypto").randomBytes(24).toString("base64url"))' >.local/webhook-secret
[ -s .local/secrets-key ] || node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("base64"))' >.local/secrets-key
export Mail__Transport=Smtp Smtp__Host=127.0.0.1 Smtp__Port="$smtp_port" Smtp__EnableSsl=false Smtp__AllowPrivateServers=true \
  Mail__PublicBaseUrl="http://127.0.0.1:$app_port/" \
  Tokens__CurrentKeyId=local Tokens__Keys__local="$(cat .local/token-key)" \
  Secrets__CurrentKeyId=local Secrets__Keys__local="$(cat .local/secrets-key)" \
  Outcomes__WebhookSecret="$(cat .local/webhook-secret)"
handler=functions/Outreach.Functions/bin/Release/net10.0/handler
# The demo owner and its key: created on the first start, reused after (the key is kept in .local/demo-key,
# which is gitignored), so a second start duplicates nothing.
"$handler" accounts create-owner --id demo --name "Demo Student"
demo_key=$("$handler" accounts issue-key --id demo --name demo --reuse-file .local/demo-key)
# The apphost itself (not `dotnet run`), so the pid we stop is the app's; the content root is the project folder,
# from where the app finds host.json and the function folders at the repository root.
"$handler" --contentRoot "$PWD/functions/Outreach.Functions" >.local/logs/functions.log 2>&1 &
pids+=($!)
wait_for_port "$app_port" "the function app" "$!"

echo "playing the demo for owner 'demo'..."
node scripts/demo.mjs "http://127.0.0.1:$app_port" "$demo_key" "http://127.0.0.1:$inbox_port" \
  || echo "the demo did not finish (see above and .local/logs/functions.log); the app keeps running" >&2

echo "Outreach is running (logs in .local/logs)."
echo "  dashboard: http://127.0.0.1:$app_port/api/dashboard  (paste the demo key below)"
echo "  app:    http://127.0.0.1:$app_port/api/health"
echo "  inbox:  http://127.0.0.1:$inbox_port/"
echo "  demo:   owner 'demo', API key $demo_key"
echo "          curl -H \"Authorization: Bearer \$(cat .local/demo-key)\" http://127.0.0.1:$app_port/api/account"
echo "  queues: http://127.0.0.1:$queue_port/$account (Azurite; data in .local/azurite)"
echo "Ctrl-C stops everything."
wait -n "${pids[@]}" || true
echo "a service stopped on its own; see .local/logs" >&2
exit 1
