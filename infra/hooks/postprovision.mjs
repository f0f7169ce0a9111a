// azd postprovision hook (DESIGN §6): deploys the PowerVerse contracts to the chain the azd environment names, or
// finds the deployment already there and changes nothing, and leaves the manifest where the app's package takes it
// from (contracts/deployments/<chainId>.json, published into the app as deployments/<chainId>.json).
//
// Run from the repository root (azd runs hooks there; postprovision.sh / postprovision.ps1 only install the
// contracts' packages and call this file). Settings, from the azd environment (azd exports its values to hooks):
//   PV_CHAIN_ID, PV_RPC_URL   required: the chain and its JSON-RPC endpoint; eth_chainId must agree.
//   PV_DEPLOYER_KEY           the deployer's private key; else Key Vault secret `deployer-key` in the operators' vault
//                             AZURE_OPS_KEY_VAULT_NAME (the app has no role there); else, on the local chain 31337
//                             only, the node's unlocked account #0.
//   AZURE_KEY_VAULT_NAME      when set, the platform keys relayer-key / challenger-key / settler-key are made sure of
//                             there (created when missing): on a deployment their addresses get the platform roles; on
//                             a found one they must already hold them, or the hook fails naming the grants to make.
//   PV_DEPLOYMENTS_DIR        where manifests go (default contracts/deployments).
//   PV_HOOK_RBAC_WAIT_SECONDS how long az calls that Key Vault refuses for want of a role (ForbiddenByRbac, 403) are
//                             retried, with backoff (default 300): the roles Bicep just granted take minutes to apply.
//   PV_VOTING_DELAY … PV_QUORUM_PERCENT, PV_TREASURY: passed on to contracts/scripts/deploy.js (see its header).
// No key is ever printed; keys reach the az CLI through a file readable only by this user, never on a command line.
// The RPC URL may embed an API key: everything this hook and its children print names only its origin (redact).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const contractsDir = join(root, "contracts");
// ethers comes from the contracts' own packages (the hook has no package.json of its own).
const { Contract, JsonRpcProvider, Network, Wallet, getAddress, id } = createRequire(join(contractsDir, "package.json"))("ethers");

const LOCAL_CHAIN_ID = 31337n;
const PLATFORM_ROLES = [
  ["relayer", "PV_RELAYER"],
  ["challenger", "PV_CHALLENGER"],
  ["settler", "PV_SETTLER"],
];
// The on-chain roles contracts/scripts/deploy.js grants the platform keys; the relayer holds none (it only submits
// signed requests to PowerForwarder, which any account may).
const ON_CHAIN_ROLES = {
  challenger: { role: "CHALLENGER_ROLE", contracts: ["ComputeMarket", "ProofOfCompute", "ProviderStaking"] },
  settler: { role: "SETTLER_ROLE", contracts: ["DividendDistributor"] },
};

class HookError extends Error {}

function log(message) {
  console.log(`[postprovision] ${redact(message)}`);
}

function required(name, hint) {
  const value = process.env[name]?.trim();
  if (!value) throw new HookError(`${name} is not set: ${hint}`);
  return value;
}

function chainSettings() {
  const hint = "set it in the azd environment (azd env set PV_CHAIN_ID 31337; azd env set PV_RPC_URL http://…) and run the hook again";
  const chainText = required("PV_CHAIN_ID", hint);
  if (!/^[0-9]+$/.test(chainText)) throw new HookError(`PV_CHAIN_ID must be a decimal chain id, not '${chainText}'`);
  const rpcUrl = required("PV_RPC_URL", hint);
  let parsed;
  try {
    parsed = new URL(rpcUrl);
  } catch {
    throw new HookError("PV_RPC_URL is not a URL");
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new HookError("PV_RPC_URL must be an http(s) URL");
  hideRpcUrl(rpcUrl);
  return { chainId: BigInt(chainText), rpcUrl };
}

// The RPC URL may embed an API key: messages name only its origin.
function shown(rpcUrl) {
  return new URL(rpcUrl).origin;
}

// What of the RPC URL may carry its secret, longest first, each with what is printed in its place: the URL as given and
// as URL normalises it become its origin; its path and query, user and password alone become "<redacted>".
const hidden = [];

function hideRpcUrl(rpcUrl) {
  const url = new URL(rpcUrl);
  const rest = url.href.slice(url.href.indexOf("/", url.protocol.length + 2));
  const parts = [
    [rpcUrl, url.origin],
    [url.href, url.origin],
    [rest, "<redacted>"],
    [url.username, "<redacted>"],
    [url.password, "<redacted>"],
  ];
  hidden.push(...parts.filter(([text]) => text.length > 1 && text !== url.origin && text !== `${url.origin}/`));
  hidden.sort((a, b) => b[0].length - a[0].length);
}

/** text with every secret-bearing part of the RPC URL replaced (see hideRpcUrl). */
function redact(text) {
  let result = String(text);
  for (const [secret, shownInstead] of hidden) result = result.split(secret).join(shownInstead);
  return result;
}

async function connect({ chainId, rpcUrl }) {
  // A static network: ethers never probes on its own, so an unreachable node fails once with a clear message.
  const provider = new JsonRpcProvider(rpcUrl, Network.from(chainId), { staticNetwork: true, batchMaxCount: 1 });
  let served;
  try {
    served = BigInt(await provider.send("eth_chainId", []));
  } catch (error) {
    throw new HookError(`cannot reach the JSON-RPC endpoint PV_RPC_URL (${shown(rpcUrl)}): ${error.shortMessage ?? error.message}`);
  }
  if (served !== chainId) {
    throw new HookError(
      `PV_RPC_URL (${shown(rpcUrl)}) serves chain ${served}, but PV_CHAIN_ID is ${chainId}: refusing to deploy. ` +
        "Point PV_RPC_URL at the chain you mean, or set PV_CHAIN_ID to it.",
    );
  }
  return provider;
}

/** The manifest if it names a deployment whose every contract has code on this chain; else why not. */
async function existingDeployment(provider, file, chainId) {
  if (!existsSync(file)) return { found: false, why: `no manifest at ${file}` };
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return { found: false, why: `${file} is not valid JSON` };
  }
  if (String(manifest.chainId) !== chainId.toString()) return { found: false, why: `${file} is for chain ${manifest.chainId}` };
  const contracts = Object.entries(manifest.contracts ?? {});
  if (contracts.length === 0) return { found: false, why: `${file} names no contracts` };
  for (const [name, address] of contracts) {
    if ((await provider.getCode(address)) === "0x") {
      return { found: false, why: `${name} at ${address} (from ${file}) has no code on chain ${chainId}` };
    }
  }
  return { found: true, manifest, count: contracts.length };
}

// Key Vault's data plane refuses a caller whose role assignment has not propagated yet (minutes after Bicep made it).
const RBAC_REFUSAL = /ForbiddenByRbac|\(Forbidden\)|Code: Forbidden|status(?: code)?:? 403\b|\b403 Forbidden/i;

function rbacWaitSeconds() {
  const text = process.env.PV_HOOK_RBAC_WAIT_SECONDS?.trim();
  if (!text) return 300;
  if (!/^[0-9]+$/.test(text)) throw new HookError(`PV_HOOK_RBAC_WAIT_SECONDS must be a number of seconds, not '${text}'`);
  return Number(text);
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Runs the az CLI and returns its stdout; null when allowMissing and the secret does not exist; throws otherwise.
 * Refusals for want of a role are retried with backoff (1 s doubling to 30 s) for PV_HOOK_RBAC_WAIT_SECONDS.
 */
function az(args, { allowMissing = false } = {}) {
  // On Windows az is a .cmd script, which Node starts only through a shell: quote each argument for it.
  const windows = process.platform === "win32";
  const argv = [...args, "--only-show-errors"].map((a) => (windows ? `"${a}"` : a));
  const deadline = Date.now() + rbacWaitSeconds() * 1000;
  for (let delay = 1000, told = false; ; delay = Math.min(delay * 2, 30_000)) {
    const result = spawnSync("az", argv, { encoding: "utf8", shell: windows });
    if (result.error) throw new HookError(`cannot run the az CLI (${result.error.message}): install it and 'az login', or unset AZURE_KEY_VAULT_NAME`);
    if (result.status === 0) return result.stdout;
    if (allowMissing && /SecretNotFound|was not found|\(NotFound\)/i.test(result.stderr)) return null;
    const what = `az ${args.slice(0, 3).join(" ")} ${args[args.indexOf("--name") + 1] ?? ""} in ${args[args.indexOf("--vault-name") + 1] ?? "?"}`;
    if (!RBAC_REFUSAL.test(result.stderr)) throw new HookError(`${what} failed: ${result.stderr.trim()}`);
    if (Date.now() + delay > deadline) {
      throw new HookError(
        `${what}: Key Vault still refuses this user (${result.stderr.trim()}) after waiting ${rbacWaitSeconds()} s. The deploying ` +
          "user needs Key Vault Secrets Officer on the vault (Bicep grants it to AZURE_PRINCIPAL_ID; a new role assignment " +
          "can take several minutes to apply): check it, then run 'azd hooks run postprovision' again.",
      );
    }
    if (!told) {
      log(`Key Vault refused ${what} for want of a role (a new role assignment takes minutes to apply); retrying for up to ${rbacWaitSeconds()} s`);
      told = true;
    }
    sleep(delay);
  }
}

function readSecret(vault, name) {
  const value = az(["keyvault", "secret", "show", "--vault-name", vault, "--name", name, "--query", "value", "--output", "tsv"], { allowMissing: true });
  return value === null ? null : value.trim();
}

function writeSecret(vault, name, value) {
  const dir = mkdtempSync(join(tmpdir(), "pv-hook-"));
  const file = join(dir, "secret");
  try {
    writeFileSync(file, value, { mode: 0o600 });
    az(["keyvault", "secret", "set", "--vault-name", vault, "--name", name, "--file", file, "--encoding", "utf-8", "--output", "none"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * relayer-key, challenger-key, settler-key in the vault (created when missing) → the env deploy.js reads roles from;
 * created lists the secrets this call had to create.
 */
function platformRoles(vault, created = []) {
  const env = {};
  for (const [role, variable] of PLATFORM_ROLES) {
    const secret = `${role}-key`;
    let key = readSecret(vault, secret);
    if (key === null) {
      key = Wallet.createRandom().privateKey;
      writeSecret(vault, secret, key);
      created.push(secret);
      log(`created Key Vault secret ${secret} in ${vault}`);
    }
    let address;
    try {
      address = new Wallet(key.startsWith("0x") ? key : `0x${key}`).address;
    } catch {
      throw new HookError(`Key Vault secret ${secret} in ${vault} is not a private key (64 hex digits)`);
    }
    env[variable] = getAddress(address);
    log(`${role}: ${env[variable]} (Key Vault secret ${secret})`);
  }
  return env;
}

function deployerKey(chainId) {
  if (process.env.PV_DEPLOYER_KEY?.trim()) {
    log("deployer: PV_DEPLOYER_KEY");
    return process.env.PV_DEPLOYER_KEY.trim();
  }
  const opsVault = process.env.AZURE_OPS_KEY_VAULT_NAME?.trim();
  if (opsVault) {
    const key = readSecret(opsVault, "deployer-key");
    if (key !== null) {
      log(`deployer: Key Vault secret deployer-key in ${opsVault}`);
      return key;
    }
  }
  if (chainId === LOCAL_CHAIN_ID) {
    log("deployer: the local node's unlocked account #0");
    return undefined;
  }
  throw new HookError(
    `no deployer key for chain ${chainId}: set PV_DEPLOYER_KEY in the environment, or store it as Key Vault secret ` +
      "deployer-key in the operators' vault AZURE_OPS_KEY_VAULT_NAME (az keyvault secret set --vault-name <ops vault> --name deployer-key --file <key file>)",
  );
}

/**
 * The found deployment's roles against the vault's platform keys (created when missing): fails, naming what to do,
 * unless each key's address holds its role on every contract deploy.js granted it on. The hook cannot grant them:
 * deploy.js hands every admin role to the timelock, so only a governance proposal (or the keys that hold the roles,
 * put back in the vault) can repair it.
 */
async function keysHoldTheirRoles(provider, vault, manifest) {
  const created = [];
  const env = platformRoles(vault, created);
  const missing = [];
  for (const [holder, { role, contracts }] of Object.entries(ON_CHAIN_ROLES)) {
    const address = env[PLATFORM_ROLES.find(([r]) => r === holder)[1]];
    for (const name of contracts) {
      const at = manifest.contracts?.[name];
      const holds = at && (await new Contract(at, ["function hasRole(bytes32 role, address account) view returns (bool)"], provider).hasRole(id(role), address));
      if (!holds) missing.push({ holder, role, name, at, address });
    }
  }
  if (created.includes("relayer-key")) {
    log(`relayer: a new key, ${env.PV_RELAYER}: it needs no role, but gas to relay with: fund it on chain ${manifest.chainId}`);
  }
  if (missing.length === 0) {
    log("the platform keys in the vault hold their roles on chain");
    return;
  }
  const grants = missing.map((m) => `${m.role} to ${m.address} (${m.holder}-key) on ${m.name} ${m.at ?? "(not in the manifest)"}`);
  const recorded = Object.keys(ON_CHAIN_ROLES).map((r) => `${r} ${manifest.roles?.[r] ?? "?"}`).join(", ");
  throw new HookError(
    `the platform keys in Key Vault ${vault} do not hold their roles on the deployment this manifest records` +
      (created.length > 0 ? ` (created just now: ${created.join(", ")})` : "") +
      `. The app cannot challenge or settle until either: the timelock grants, through a governance proposal, ` +
      `${grants.join("; ")}; or the keys of the addresses the deployment was made with (${recorded}) are stored ` +
      `again as those secrets. Then run 'azd hooks run postprovision' again.`,
  );
}

/** Runs node with args in contracts/, its output passed on line by line through redact (the child sees PV_RPC_URL). */
async function run(args, env) {
  const child = spawn(process.execPath, args, { cwd: contractsDir, stdio: ["ignore", "pipe", "pipe"], env });
  const pass = (from, to) =>
    new Promise((done) => createInterface({ input: from, crlfDelay: Infinity }).on("line", (line) => to.write(`${redact(line)}\n`)).on("close", done));
  const exited = new Promise((done, fail) => child.on("error", fail).on("close", (code, signal) => done(code ?? signal)));
  const [status] = await Promise.all([exited, pass(child.stdout, process.stdout), pass(child.stderr, process.stderr)]);
  if (status !== 0) throw new HookError(`'node ${args.join(" ")}' failed (exit ${status})`);
}

async function main() {
  // Hardhat 3 and the deploy script need Node 22 (contracts/package.json engines).
  if (Number(process.versions.node.split(".")[0]) < 22) {
    throw new HookError(`Node.js 22 or later is needed, not ${process.versions.node}`);
  }
  const settings = chainSettings();
  const provider = await connect(settings);
  try {
    await deployOrFind(provider, settings);
  } finally {
    provider.destroy();
  }
}

async function deployOrFind(provider, settings) {
  const { chainId, rpcUrl } = settings;
  const dir = resolve(process.env.PV_DEPLOYMENTS_DIR?.trim() || join(contractsDir, "deployments"));
  const file = join(dir, `${chainId}.json`);
  log(`chain ${chainId} at ${shown(rpcUrl)}; manifest ${file}`);

  const vault = process.env.AZURE_KEY_VAULT_NAME?.trim() || undefined;
  const existing = await existingDeployment(provider, file, chainId);
  if (existing.found) {
    log(`found the PowerVerse deployment on chain ${chainId}: ${existing.count} contracts with code, as ${file} records`);
    // A vault made afresh (azd down --purge, then azd up) has no platform keys yet: make sure of them and that they
    // are the ones the contracts know, or the app would fail at run time.
    if (vault) await keysHoldTheirRoles(provider, vault, existing.manifest);
    log("nothing to deploy");
    return;
  }
  log(`deploying: ${existing.why}`);

  const env = { ...process.env, PV_RPC_URL: rpcUrl, PV_DEPLOYMENTS_DIR: dir };
  const key = deployerKey(chainId);
  if (key === undefined) delete env.PV_DEPLOYER_KEY;
  else env.PV_DEPLOYER_KEY = key;
  if (vault) Object.assign(env, platformRoles(vault));

  await run([join("node_modules", "hardhat", "dist", "src", "cli.js"), "build", "--quiet"], env);
  await run([join("scripts", "deploy.js")], env);

  const written = await existingDeployment(provider, file, chainId);
  if (!written.found) throw new HookError(`deploy.js finished but the deployment is not complete: ${written.why}`);
  // The manifest travels in the app's package: keep an API key that the RPC URL may embed out of it.
  if (written.manifest.rpcUrl !== shown(rpcUrl)) {
    writeFileSync(file, JSON.stringify({ ...written.manifest, rpcUrl: shown(rpcUrl) }, null, 2) + "\n");
  }
  log(`deployed ${written.count} contracts on chain ${chainId}; manifest ${file}`);
}

// Never a stack: errors of ethers carry the request's URL (info.requestUrl), so only the short message, redacted.
main().catch((error) => {
  console.error(`[postprovision] ${redact(error?.shortMessage ?? error?.message ?? error)}`);
  process.exitCode = 1;
});
