# azd postprovision hook (windows): installs the contracts' npm packages when they are missing, then runs the one
# implementation, postprovision.mjs (deploy the contracts or find them; see its header for the settings).
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..' '..')

if (-not (Get-Command node -ErrorAction SilentlyContinue)) {
    Write-Error '[postprovision] Node.js 22 or later is needed on PATH to deploy the contracts'
    exit 1
}

if (-not (Test-Path 'contracts/node_modules')) {
    npm ci --prefix contracts
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

node infra/hooks/postprovision.mjs
exit $LASTEXITCODE
