// azd prepackage hook of the web service: writes the dashboard's configuration, wwwroot/appsettings.json, into the
// published site azd uploads to the Static Web App. The file is never committed and never written into the source
// tree's wwwroot: whoever serves the dashboard serves it, and here that is the Static Web App, with
//   {"Api":"https://<function app>/api"}
// and no LocalChain (that is the local stack's test wallet only).
//
// Run by web-prepackage.sh / web-prepackage.ps1 from the repository root:
//   node infra/hooks/web-appsettings.mjs            checks AZURE_FUNCTION_URI only (before the publish, which is slow)
//   node infra/hooks/web-appsettings.mjs WWWROOT    writes WWWROOT/appsettings.json; WWWROOT is a publish output's
//                                                   wwwroot (index.html and _framework/), not the source tree's
// AZURE_FUNCTION_URI comes from the azd environment (main.bicep's output, https://<host>/api). A URI without a path
// gets /api appended; any other path, a query, a fragment or credentials are refused, and so is plain http except
// to a loopback host (a local API).
// It also writes the site's staticwebapp.config.json (routing and headers) into the published site, from
// dashboard/staticwebapp.config.json — kept outside the project folder, because the Static Web Apps CLI takes any such
// file it finds under the project (a build output's copy too) — with the sha256 of index.html's inline scripts (the
// import map dotnet publish fills with fingerprinted names, different on every build) added to script-src of its
// Content-Security-Policy, which otherwise blocks them, and the API's origin added to its connect-src (the only other
// origin the dashboard calls; the wallet's RPC goes through the wallet).
import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const sourceWwwroot = join(root, "dashboard", "PowerVerse.Dashboard", "wwwroot");
const siteConfig = join(root, "dashboard", "staticwebapp.config.json");
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

class HookError extends Error {}

function apiBase(text) {
  const hint = "run `azd provision` (it sets AZURE_FUNCTION_URI from the deployment's outputs), or `azd env set AZURE_FUNCTION_URI https://<app>.azurewebsites.net/api`";
  if (!text?.trim()) throw new HookError(`AZURE_FUNCTION_URI is not set: ${hint}`);
  let uri;
  try {
    uri = new URL(text.trim());
  } catch {
    throw new HookError(`AZURE_FUNCTION_URI '${text.trim()}' is not an absolute URL: ${hint}`);
  }
  const shown = `AZURE_FUNCTION_URI '${uri.origin}${uri.pathname}'`;
  if (uri.protocol !== "https:" && !(uri.protocol === "http:" && LOOPBACK.has(uri.hostname))) {
    throw new HookError(`${shown} must use https (plain http only to a loopback host): the dashboard is served over https and browsers block its calls to an http API`);
  }
  if (uri.username || uri.password || uri.search || uri.hash) {
    throw new HookError(`${shown} must not carry credentials, a query or a fragment: the dashboard's configuration is public`);
  }
  const path = uri.pathname.replace(/\/+$/, "");
  if (path !== "" && path !== "/api") {
    throw new HookError(`${shown} must be the function app's address, optionally ending in /api (its route prefix), not '${uri.pathname}'`);
  }
  return `${uri.origin}/api`;
}

function write(wwwroot, api) {
  const folder = resolve(wwwroot);
  if (folder === sourceWwwroot) {
    throw new HookError(`${folder} is the dashboard's source wwwroot, which never holds appsettings.json: pass the publish output's wwwroot`);
  }
  if (!existsSync(join(folder, "index.html")) || !existsSync(join(folder, "_framework"))) {
    throw new HookError(`${folder} is not a published dashboard (no index.html and _framework/): run dotnet publish first`);
  }
  const file = join(folder, "appsettings.json");
  writeFileSync(file, `${JSON.stringify({ Api: api })}\n`);
  dropCompressed(file);
  writeSiteConfig(folder, new URL(api).origin);
  return file;
}

// Precompressed copies of an older file would be served instead of the new one by hosts that honour them.
function dropCompressed(file) {
  for (const stale of [`${file}.br`, `${file}.gz`]) rmSync(stale, { force: true });
}

function writeSiteConfig(folder, apiOrigin) {
  const configFile = join(folder, "staticwebapp.config.json");
  const config = JSON.parse(readFileSync(siteConfig, "utf8"));
  const html = readFileSync(join(folder, "index.html"), "utf8");
  const hashes = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .filter(([, body]) => body.length > 0)
    .map(([, body]) => `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
  const policy = config.globalHeaders?.["Content-Security-Policy"];
  for (const directive of ["script-src", "connect-src"]) {
    if (!policy?.includes(`${directive} `)) throw new HookError(`${siteConfig} has no ${directive} in its Content-Security-Policy`);
  }
  config.globalHeaders["Content-Security-Policy"] = policy
    .replace(/script-src ([^;]*)/, (_, sources) => [`script-src ${sources}`, ...hashes].join(" "))
    .replace(/connect-src ([^;]*)/, (_, sources) => `connect-src ${sources} ${apiOrigin}`);
  writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`);
  dropCompressed(configFile);
}

try {
  const api = apiBase(process.env.AZURE_FUNCTION_URI);
  const [wwwroot] = process.argv.slice(2);
  if (wwwroot === undefined) {
    console.log(`[web] the dashboard will call ${api}`);
  } else {
    console.log(`[web] wrote ${write(wwwroot, api)}: Api ${api}`);
  }
} catch (error) {
  if (!(error instanceof HookError)) throw error;
  console.error(`[web] ${error.message}`);
  process.exit(1);
}
