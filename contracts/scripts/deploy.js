// Deploys the whole PowerVerse suite to the JSON-RPC endpoint in PV_RPC_URL (default http://127.0.0.1:8545), seeds
// the DAO parameters through a real Governor proposal (propose → vote → queue → execute) and writes the manifest
// deployments/<chainId>.json. Run through `npm run deploy`, which builds first.
//
// PV_DEPLOYMENTS_DIR overrides where the manifest goes (the gas report deploys to a throwaway node).
// Governance settings: see GOVERNANCE_SETTINGS (explicit on any chain but the local one).
// Accounts: PV_DEPLOYER_KEY signs when set; otherwise the node's unlocked account #0 deploys (Hardhat node).
// Platform roles: PV_RELAYER, PV_CHALLENGER, PV_SETTLER, defaulting on the local chain (31337) to Hardhat's
// accounts #1, #2 and #3. On the local chain, blocks and time are advanced with hardhat_mine / evm_increaseTime;
// elsewhere the script waits for them.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ContractFactory, JsonRpcProvider, getAddress, NonceManager, Wallet, ZeroAddress, id, parseEther, parseUnits } from "ethers";
import { artifact, root } from "./suite.js";

const LOCAL_CHAIN_ID = 31337n;
// How long a funded dividend epoch's claims stay open before the settler may reclaim what is left.
const DIVIDEND_CLAIM_PERIOD = 365 * 86400;
const env = process.env;
const rpcUrl = env.PV_RPC_URL ?? "http://127.0.0.1:8545";

// Governance settings. The local chain (31337) gets short defaults so the seeding proposal passes in seconds; any
// other chain must be given every one of them explicitly (PV_VOTING_DELAY and PV_VOTING_PERIOD in blocks,
// PV_TIMELOCK_DELAY in seconds, PV_PROPOSAL_THRESHOLD in PVC wei, PV_QUORUM_PERCENT), or the script refuses to deploy.
const GOVERNANCE_SETTINGS = {
  votingDelay: { env: "PV_VOTING_DELAY", local: 1n, min: 0n },
  votingPeriod: { env: "PV_VOTING_PERIOD", local: 10n, min: 1n },
  timelockDelay: { env: "PV_TIMELOCK_DELAY", local: 60n, min: 0n },
  proposalThreshold: { env: "PV_PROPOSAL_THRESHOLD", local: 0n, min: 0n },
  quorumPercent: { env: "PV_QUORUM_PERCENT", local: 4n, min: 1n, max: 100n },
};

function governanceSettings(local, chainId) {
  const missing = Object.values(GOVERNANCE_SETTINGS).filter((s) => env[s.env] === undefined).map((s) => s.env);
  if (!local && missing.length > 0) {
    throw new Error(
      `refusing to deploy to chain ${chainId} with default governance settings: set ${missing.join(", ")} ` +
        "(the defaults — 1-block voting delay, 10-block voting, 60 s timelock, threshold 0 — are for the local chain only)",
    );
  }
  const settings = {};
  for (const [key, s] of Object.entries(GOVERNANCE_SETTINGS)) {
    const raw = env[s.env];
    if (raw !== undefined && !/^[0-9]+$/.test(raw.trim())) throw new Error(`${s.env} must be a non-negative integer`);
    const value = raw === undefined ? s.local : BigInt(raw.trim());
    if (value < s.min || (s.max !== undefined && value > s.max)) {
      throw new Error(`${s.env} must be between ${s.min} and ${s.max ?? "2^256"}, not ${value}`);
    }
    settings[key] = value;
  }
  return settings;
}

// The DAO parameters seeded on a fresh deployment (seed 000: compute types, GPU models, proof parameters and
// revenue weights; seed 002: accepted tokens with fee discounts).
const GPU = 1;
const CPU = 2;
const seed = {
  computeTypes: [
    [GPU, "GPU"],
    [CPU, "CPU"],
  ],
  gpuModels: [
    [1, GPU, "GTX 1050", 2048],
    [2, GPU, "RTX 3080", 10240],
    [3, GPU, "RTX 4090", 24576],
    [4, GPU, "A100", 81920],
    [5, GPU, "H100", 81920],
    [6, GPU, "H200", 143360],
  ],
  // [computeType, difficulty (leading zero bits), shares, deadline seconds]
  proofParams: [
    [GPU, 16, 16, 600],
    [CPU, 12, 16, 600],
  ],
  revenueWeights: [
    [GPU, 1000n],
    [CPU, 100n],
  ],
  fees: [500, 2000], // 5 % platform fee, 20 % of it burned (PVC payments)
  stablecoinDiscountBps: 2000,
  minStakes: [
    [GPU, parseEther("1000")],
    [CPU, parseEther("100")],
  ],
  slashBps: 1000,
  unbondingSeconds: 86400,
  disputeWindowSeconds: 3600, // after a rental ends, only the challenger settles for an hour (>= the proof deadline)
  challengeCooldownSeconds: 600, // per VID and requester, between two challenges
};

function log(message) {
  console.log(`[deploy] ${message}`);
}

async function main() {
  const provider = new JsonRpcProvider(rpcUrl, undefined, { staticNetwork: true, pollingInterval: 250 });
  const { chainId } = await provider.getNetwork();
  const local = chainId === LOCAL_CHAIN_ID;
  const governance = governanceSettings(local, chainId);
  const accounts = await provider.send("eth_accounts", []);
  const baseSigner = env.PV_DEPLOYER_KEY ? new Wallet(env.PV_DEPLOYER_KEY, provider) : await provider.getSigner(0);
  const deployer = new NonceManager(baseSigner);
  const deployerAddress = await baseSigner.getAddress();
  const role = (name, index) => {
    const value = env[name] ?? (local ? accounts[index] : undefined);
    if (!value) throw new Error(`${name} must be set on chain ${chainId}`);
    return getAddress(value);
  };
  const roles = { relayer: role("PV_RELAYER", 1), challenger: role("PV_CHALLENGER", 2), settler: role("PV_SETTLER", 3) };
  // The RPC URL may embed an API key in its path or query: the log names only its origin.
  log(`chain ${chainId} at ${new URL(rpcUrl).origin}, deployer ${deployerAddress}`);

  const deploymentBlock = await provider.getBlockNumber() + 1;
  const contracts = {};
  const deploy = async (name, ...args) => {
    const { abi, bytecode } = artifact(name);
    const contract = await new ContractFactory(abi, bytecode, deployer).deploy(...args);
    await contract.waitForDeployment();
    contracts[name] = await contract.getAddress();
    log(`${name} ${contracts[name]}`);
    return contract;
  };
  const send = async (promise) => (await promise).wait();

  const forwarder = await deploy("PowerForwarder");
  const fwd = await forwarder.getAddress();
  const pvc = await deploy("PowerVerseCoin", deployerAddress, fwd);
  const stable = local ? await deploy("TestStablecoin") : undefined;
  const timelock = await deploy("PowerTimelock", governance.timelockDelay, [], [ZeroAddress], deployerAddress);
  const governor = await deploy(
    "PowerGovernor",
    contracts.PowerVerseCoin,
    contracts.PowerTimelock,
    governance.votingDelay,
    governance.votingPeriod,
    governance.proposalThreshold,
    governance.quorumPercent,
  );
  const treasury = env.PV_TREASURY ?? contracts.PowerTimelock;
  const params = await deploy("PowerParams", contracts.PowerTimelock, treasury);
  await deploy("HardwareRegistry", contracts.PowerParams, fwd);
  const resources = await deploy("ResourceRegistry", contracts.HardwareRegistry, fwd);
  const usage = await deploy("UsageRights", contracts.ResourceRegistry, fwd);
  const revenue = await deploy("RevenueRights", fwd);
  const proof = await deploy("ProofOfCompute", contracts.PowerParams, contracts.UsageRights, deployerAddress, fwd);
  const staking = await deploy(
    "ProviderStaking", contracts.PowerVerseCoin, contracts.PowerParams, contracts.UsageRights, contracts.ProofOfCompute,
    deployerAddress, fwd,
  );
  const market = await deploy(
    "ComputeMarket", contracts.PowerParams, contracts.UsageRights, contracts.RevenueRights, contracts.PowerVerseCoin,
    contracts.ProviderStaking, deployerAddress, fwd,
  );
  const dividends = await deploy("DividendDistributor", deployerAddress, fwd, DIVIDEND_CLAIM_PERIOD);

  // Links bound once by the deployer: VIDs ask UsageRights whether they are bound; UIDs and RIDs obey only the
  // market contract (no role that governance could grant to another address). Then the platform keys, and the
  // timelock becomes every admin.
  const CHALLENGER_ROLE = id("CHALLENGER_ROLE");
  const SETTLER_ROLE = id("SETTLER_ROLE");
  const ADMIN = "0x" + "00".repeat(32);
  await send(resources.bindUsageRights(contracts.UsageRights));
  await send(usage.bindMarket(contracts.ComputeMarket));
  await send(revenue.bindMarket(contracts.ComputeMarket));
  for (const c of [market, proof, staking]) await send(c.grantRole(CHALLENGER_ROLE, roles.challenger));
  await send(dividends.grantRole(SETTLER_ROLE, roles.settler));
  for (const c of [market, proof, staking, dividends]) {
    await send(c.grantRole(ADMIN, contracts.PowerTimelock));
    await send(c.renounceRole(ADMIN, deployerAddress));
  }
  await send(timelock.grantRole(id("PROPOSER_ROLE"), contracts.PowerGovernor));
  await send(timelock.grantRole(id("CANCELLER_ROLE"), contracts.PowerGovernor));
  await send(timelock.renounceRole(ADMIN, deployerAddress));
  log("roles granted; the timelock is the only admin");

  // Votes: the deployer holds the PVC supply until it is distributed; it delegates to itself to vote.
  await send(pvc.delegate(deployerAddress));
  if (local) {
    // Local accounts #4..#9 get PVC and test dollars to play every role of the seed scenarios.
    for (const account of accounts.slice(4, 10)) {
      await send(pvc.transfer(account, parseEther("1000000")));
      await send(stable.mint(account, parseUnits("1000000", 6)));
    }
    for (const account of Object.values(roles)) await send(stable.mint(account, parseUnits("1000000", 6)));
    await send(pvc.transfer(roles.settler, parseEther("1000000")));
  }

  const proposalId = await seedThroughGovernance({ provider, local, governor, params, contracts });
  const manifest = {
    chainId: Number(chainId),
    rpcUrl,
    deploymentBlock,
    deployer: deployerAddress,
    roles,
    treasury,
    contracts,
    governance: {
      votingDelay: Number(governance.votingDelay),
      votingPeriod: Number(governance.votingPeriod),
      timelockDelay: Number(governance.timelockDelay),
      proposalThreshold: governance.proposalThreshold.toString(),
      quorumPercent: Number(governance.quorumPercent),
      seedProposalId: proposalId.toString(),
    },
  };
  const dir = env.PV_DEPLOYMENTS_DIR ?? join(root, "deployments");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${chainId}.json`);
  writeFileSync(file, JSON.stringify(manifest, null, 2) + "\n");
  log(`manifest written to ${file}`);
}

async function seedThroughGovernance({ provider, local, governor, params, contracts }) {
  const calls = [];
  const add = (fn, ...args) => calls.push(params.interface.encodeFunctionData(fn, args));
  for (const [typeId, name] of seed.computeTypes) add("addComputeType", typeId, name);
  for (const [modelId, typeId, name, memory] of seed.gpuModels) add("addGpuModel", modelId, typeId, name, memory);
  for (const [typeId, difficulty, shares, deadline] of seed.proofParams) {
    add("addProofParams", typeId, difficulty, shares, deadline);
  }
  for (const [typeId, weight] of seed.revenueWeights) add("setRevenueWeight", typeId, weight);
  add("setFees", ...seed.fees);
  add("setAcceptedToken", contracts.PowerVerseCoin, true, 0);
  if (contracts.TestStablecoin) add("setAcceptedToken", contracts.TestStablecoin, true, seed.stablecoinDiscountBps);
  for (const [typeId, amount] of seed.minStakes) add("setMinStake", typeId, amount);
  add("setSlashRate", seed.slashBps);
  add("setUnbondingPeriod", seed.unbondingSeconds);
  add("setDisputeWindow", seed.disputeWindowSeconds);
  add("setChallengeCooldown", seed.challengeCooldownSeconds);

  const targets = calls.map(() => contracts.PowerParams);
  const values = calls.map(() => 0n);
  const description = "Seed the PowerVerse DAO parameters";
  const descriptionHash = id(description);
  await (await governor.propose(targets, values, calls, description)).wait();
  const proposalId = await governor.hashProposal(targets, values, calls, descriptionHash);
  log(`proposal ${proposalId} with ${calls.length} calls`);

  const snapshot = await governor.proposalSnapshot(proposalId);
  await untilBlock(provider, local, snapshot + 1n);
  await (await governor.castVote(proposalId, 1)).wait();
  const deadline = await governor.proposalDeadline(proposalId);
  await untilBlock(provider, local, deadline + 1n);
  await (await governor.queue(targets, values, calls, descriptionHash)).wait();
  const eta = await governor.proposalEta(proposalId);
  await untilTime(provider, local, eta);
  await (await governor.execute(targets, values, calls, descriptionHash)).wait();
  const [version] = await params.latestProofParams(GPU);
  if ((await params.revenueWeight(GPU)) !== seed.revenueWeights[0][1] || version !== 1n) {
    throw new Error("the seeding proposal executed but PowerParams does not hold the seeded values");
  }
  log("proposal executed: DAO parameters seeded");
  return proposalId;
}

async function untilBlock(provider, local, target) {
  const current = BigInt(await provider.getBlockNumber());
  if (current >= target) return;
  if (local) {
    await provider.send("hardhat_mine", ["0x" + (target - current).toString(16)]);
    return;
  }
  log(`waiting for block ${target}`);
  while (BigInt(await provider.getBlockNumber()) < target) await new Promise((r) => setTimeout(r, 5000));
}

async function untilTime(provider, local, target) {
  const now = BigInt((await provider.getBlock("latest")).timestamp);
  if (now >= target) return;
  if (local) {
    await provider.send("evm_increaseTime", [Number(target - now)]);
    await provider.send("evm_mine", []);
    return;
  }
  log(`waiting until ${new Date(Number(target) * 1000).toISOString()}`);
  while (BigInt((await provider.getBlock("latest")).timestamp) < target) await new Promise((r) => setTimeout(r, 5000));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
