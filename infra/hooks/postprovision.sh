#!/bin/sh
# azd postprovision hook (posix): installs the contracts' npm packages when they are missing, then runs the one
# implementation, postprovision.mjs (deploy the contracts or find them; see its header for the settings).
set -eu
cd "$(dirname "$0")/../.."

if ! command -v node >/dev/null 2>&1; then
  echo "[postprovision] Node.js 22 or later is needed on PATH to deploy the contracts" >&2
  exit 1
fi

if [ ! -d contracts/node_modules ]; then
  npm ci --prefix contracts
fi

exec node infra/hooks/postprovision.mjs
