#!/usr/bin/env bash
# Builds the folder the Azure Functions host runs (artifacts/app: host.json, one folder per function, and the
# self-contained linux-x64 `handler` executable) and zips it with the executable bit kept (artifacts/app.zip).
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

out=artifacts/app
rm -rf "$out" artifacts/app.zip
dotnet publish functions/Outreach.Functions -c Release -r linux-x64 --self-contained -o "$out" -nologo -v quiet
chmod +x "$out/handler"

# zip stores Unix permissions, so `handler` stays executable when the host unpacks the package.
(cd "$out" && zip -qr -X ../app.zip .)

echo "published $out ($(find "$out" -name function.json | wc -l) functions) and artifacts/app.zip"
