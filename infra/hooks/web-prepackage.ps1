# azd prepackage hook of the web service (windows): publishes the dashboard and writes its appsettings.json into the
# publish output's wwwroot, the folder azure.yaml's dist names and azd uploads to the Static Web App. azd's own .NET
# packaging cannot do it: it publishes into a temporary folder, while the staticwebapp host uploads dist resolved
# against the project folder, so dist would name the source tree's wwwroot (no _framework/) instead.
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..' '..')

$project = 'dashboard/PowerVerse.Dashboard'
# Keep in step with azure.yaml: services.web.dist is bin/swa/wwwroot, relative to the project.
$out = "$project/bin/swa"

if (-not (Get-Command node -ErrorAction SilentlyContinue)) {
    Write-Error "[web] Node.js 22 or later is needed on PATH to write the dashboard's configuration"
    exit 1
}
if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) {
    Write-Error '[web] the .NET SDK (global.json) is needed on PATH to publish the dashboard'
    exit 1
}

# The API's address first: a missing one fails now rather than after the publish.
node infra/hooks/web-appsettings.mjs
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }

# A clean folder, so nothing of an earlier publish is uploaded with this one.
if (Test-Path $out) { Remove-Item -Recurse -Force $out }
dotnet publish "$project/PowerVerse.Dashboard.csproj" -c Release -o $out
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }

node infra/hooks/web-appsettings.mjs "$out/wwwroot"
exit $LASTEXITCODE
