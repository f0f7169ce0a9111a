#!/bin/sh
# azd prepackage hook of the web service (posix): publishes the dashboard and writes its appsettings.json into the
# publish output's wwwroot, the folder azure.yaml's dist names and azd uploads to the Static Web App. azd's own .NET
# packaging cannot do it: it publishes into a temporary folder, while the staticwebapp host uploads dist resolved
# against the project folder, so dist would name the source tree's wwwroot (no _framework/) instead.
set -eu
cd "$(dirname "$0")/../.."

project=dashboard/PowerVerse.Dashboard
# Keep in step with azure.yaml: services.web.dist is bin/swa/wwwroot, relative to the project.
out="$project/bin/swa"

if ! command -v node >/dev/null 2>&1; then
  echo "[web] Node.js 22 or later is needed on PATH to write the dashboard's configuration" >&2
  exit 1
fi
if ! command -v dotnet >/dev/null 2>&1; then
  echo "[web] the .NET SDK (global.json) is needed on PATH to publish the dashboard" >&2
  exit 1
fi

# The API's address first: a missing one fails now rather than after the publish.
node infra/hooks/web-appsettings.mjs

# A clean folder, so nothing of an earlier publish is uploaded with this one.
rm -rf "$out"
dotnet publish "$project/PowerVerse.Dashboard.csproj" -c Release -o "$out"

exec node infra/hooks/web-appsettings.mjs "$out/wwwroot"
