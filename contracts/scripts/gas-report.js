// Transaction gas of the user actions, measured on a fresh Hardhat node as receipts' gasUsed (what a user pays,
// 21,000 base included), next to the reference measured in the same run: Uniswap's MerkleDistributor claim
// (test/reference). Run through `npm run gas:tx`; `npm run gas` is the per-function report of the Solidity tests.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  Contract, ContractFactory, HDNodeWallet, JsonRpcProvider, NonceManager, Signature, keccak256, parseEther,
  solidityPacked, toBeHex, toUtf8Bytes, zeroPadValue,
} from "ethers";
import { artifact, root } from "./suite.js";

const MNEMONIC = "test test test test test test test test test test test junk";
const wallet = (i, provider) => HDNodeWallet.fromPhrase(MNEMONIC, undefined, `m/44'/60'/0'/0/${i}`).connect(provider);

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

function run(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(" ")} exited with ${code}`))));
  });
}

async function waitForNode(url) {
  for (let i = 0; i < 300; i++) {
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      });
      if (response.ok) return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`no node at ${url}`);
}

const rows = [];
async function measure(label, txPromise, reference) {
  const receipt = await (await txPromise).wait();
  rows.push({ action: label, gasUsed: Number(receipt.gasUsed), reference: reference ?? "" });
  return receipt;
}

function merkle(leaves) {
  const hashPair = (a, b) => (a < b ? keccak256(a + b.slice(2)) : keccak256(b + a.slice(2)));
  const level1 = [hashPair(leaves[0], leaves[1]), hashPair(leaves[2], leaves[3])];
  return {
    root: hashPair(level1[0], level1[1]),
    proof: (i) => [leaves[i ^ 1], level1[(i >> 1) ^ 1]],
  };
}

async function main() {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const node = spawn(process.execPath, [join(root, "node_modules/hardhat/dist/src/cli.js"), "node", "--hostname", "127.0.0.1", "--port", String(port)], { cwd: root, stdio: "ignore" });
  try {
    await waitForNode(url);
    const dir = mkdtempSync(join(tmpdir(), "pv-gas-"));
    await run(process.execPath, [join(root, "scripts/deploy.js")], { PV_RPC_URL: url, PV_DEPLOYMENTS_DIR: dir });
    const manifest = JSON.parse(readFileSync(join(dir, "31337.json"), "utf8"));
    await report(new JsonRpcProvider(url, undefined, { staticNetwork: true, pollingInterval: 100 }), manifest);
  } finally {
    node.kill();
  }
}

async function report(provider, manifest) {
  const at = (name, signer) => new Contract(manifest.contracts[name], artifact(name).abi, signer);
  const relayer = new NonceManager(wallet(1, provider));
  const challenger = new NonceManager(wallet(2, provider));
  const settler = new NonceManager(wallet(3, provider));
  const provider4 = new NonceManager(wallet(4, provider));
  const buyerWallet = wallet(5, provider);
  const buyer = new NonceManager(buyerWallet);
  const agentWallet = wallet(6, provider);
  const holder = wallet(7, provider).address;
  const buyerAddress = buyerWallet.address;
  const providerAddress = await provider4.getAddress();

  const hardware = at("HardwareRegistry", provider4);
  const resources = at("ResourceRegistry", provider4);
  const usage = at("UsageRights", provider4);
  const market = at("ComputeMarket", provider4);
  const pvc = at("PowerVerseCoin", buyer);
  const proof = at("ProofOfCompute", buyer);
  const forwarder = at("PowerForwarder", relayer);
  const pvcAddress = manifest.contracts.PowerVerseCoin;

  const send = async (p) => (await p).wait();
  // After a rental ends, only the challenger settles during the dispute window: the settler waits it out.
  const disputeWindow = Number(await at("PowerParams", provider4).disputeWindow());
  // The gpu-agent attests its device for the provider: EIP-712 DeviceAttestation on the HardwareRegistry's domain.
  const deviceHash = keccak256("0x01");
  const attestation = await agentWallet.signTypedData(
    { name: "PowerVerse HardwareRegistry", version: "1", chainId: 31337, verifyingContract: manifest.contracts.HardwareRegistry },
    { DeviceAttestation: [{ name: "deviceHash", type: "bytes32" }, { name: "owner", type: "address" }] },
    { deviceHash, owner: providerAddress },
  );
  await measure("register HID", hardware.register(1, deviceHash, agentWallet.address, 32, 131072, attestation));
  await send(at("PowerVerseCoin", provider4).approve(manifest.contracts.ProviderStaking, 2n ** 255n));
  await measure("stake (the minimum, on a fresh HID)", at("ProviderStaking", provider4).stake(1, parseEther("1000")));
  await measure("create VID", resources.create(1, 2500, 8, 16384, 200));
  await measure("create UID", usage.create(1, 86400));
  await measure(
    "first listing (with RID mint)",
    market.listWithRevenueRights(1, pvcAddress, parseEther("100"), [providerAddress, holder], [600, 400]),
  );
  await send(pvc.approve(manifest.contracts.ComputeMarket, 2n ** 255n));
  await measure("buy (direct), first purchase the market ever escrows in PVC", market.connect(buyer).buy(1, pvcAddress, parseEther("100")));

  // More VIDs on the same HID: one bought directly, one through the forwarder (an ERC-2771 ForwardRequest signed by
  // the buyer, submitted by the relayer), both with the market already holding PVC (the usual case).
  for (const vid of [2, 3, 4]) {
    await send(resources.create(1, 2500, 2, 4096, 50));
    await send(usage.create(vid, 86400));
    await send(market.listWithRevenueRights(vid, pvcAddress, parseEther("100"), [providerAddress], [1000]));
  }
  await measure("buy (direct)", market.connect(buyer).buy(2, pvcAddress, parseEther("100")), "Seaport ERC-721→ERC-20 purchase 108,556");
  const relayBuy = async (uid, label) => {
    const data = market.interface.encodeFunctionData("buy", [uid, pvcAddress, parseEther("100")]);
    const deadline = (await provider.getBlock("latest")).timestamp + 3600;
    const request = {
      from: buyerAddress, to: manifest.contracts.ComputeMarket, value: 0n, gas: 300000n,
      nonce: await forwarder.nonces(buyerAddress), deadline, data,
    };
    const signature = await buyerWallet.signTypedData(
      { name: "PowerVerse Forwarder", version: "1", chainId: 31337, verifyingContract: manifest.contracts.PowerForwarder },
      { ForwardRequest: [
        { name: "from", type: "address" }, { name: "to", type: "address" }, { name: "value", type: "uint256" },
        { name: "gas", type: "uint256" }, { name: "nonce", type: "uint256" }, { name: "deadline", type: "uint48" },
        { name: "data", type: "bytes" },
      ] },
      request,
    );
    await measure(label, forwarder.execute({ ...request, signature }), "Seaport ERC-721→ERC-20 purchase 108,556");
  };
  await relayBuy(3, "buy (relayed), the buyer's first forwarded request");
  await relayBuy(4, "buy (relayed), a later request");

  // Proof: the user requests, the challenger dispatches with a committed salt, the agent solves 16 shares at the
  // seeded GPU difficulty (here, as the agent does) and the challenger submits, revealing the salt.
  await measure("challenge request (by the user)", proof.requestChallenge(1));
  const challengeId = 1n;
  const salt = keccak256(toUtf8Bytes("challenger salt"));
  await measure("challenge dispatch (by the challenger)", proof.connect(challenger).dispatch(challengeId, keccak256(salt)));
  const challenge = await proof.challengeOf(challengeId);
  const seed = keccak256(solidityPacked(["bytes32", "bytes32"], [challenge.entropy, salt]));
  const nonces = [];
  const prefix = solidityPacked(["bytes32", "address"], [seed, agentWallet.address]);
  const limit = 1n << (256n - BigInt(challenge.difficulty));
  for (let n = 0n; nonces.length < Number(challenge.shares); n++) {
    if (BigInt(keccak256(prefix + zeroPadValue(toBeHex(n), 8).slice(2))) < limit) nonces.push(n);
  }
  const result = { challengeId, vid: 1n, seed, nonces, startedAt: 1n, finishedAt: 2n };
  const proofSignature = await agentWallet.signTypedData(
    { name: "PowerVerse ProofOfCompute", version: "1", chainId: 31337, verifyingContract: manifest.contracts.ProofOfCompute },
    { ProofResult: [
      { name: "challengeId", type: "uint256" }, { name: "vid", type: "uint256" }, { name: "seed", type: "bytes32" },
      { name: "nonces", type: "uint64[]" }, { name: "startedAt", type: "uint64" }, { name: "finishedAt", type: "uint64" },
    ] },
    result,
  );
  await measure(
    `proof submit (${nonces.length} shares, difficulty ${challenge.difficulty})`,
    proof.connect(challenger).submitResult(challengeId, salt, nonces, 1, 2, 1500, Signature.from(proofSignature).serialized),
  );

  await provider.send("evm_increaseTime", [86400 + disputeWindow]);
  await provider.send("evm_mine", []);
  await measure("settle, the first one the suite ever does", market.connect(settler).settle(1));
  await measure("settle, a later rental (first income of its VID)", market.connect(settler).settle(2));
  // Settled income is released to RID holders over the rental's duration: claim once it all is.
  await provider.send("evm_increaseTime", [86400]);
  await provider.send("evm_mine", []);
  await measure("RID claim, the holder's first", at("RevenueRights", provider4).claim(1, pvcAddress));
  await measure("RID claim, the holder's first on another VID", at("RevenueRights", provider4).claim(2, pvcAddress));

  // A second rental of VID 1 (free again after expiry), so that its holders claim a second time.
  await send(usage.create(1, 86400));
  await send(market.list(5, pvcAddress, parseEther("100")));
  await send(market.connect(buyer).buy(5, pvcAddress, parseEther("100")));
  await provider.send("evm_increaseTime", [86400 + disputeWindow]);
  await provider.send("evm_mine", []);
  await measure("settle, a later rental of the same VID", market.connect(settler).settle(5));
  await provider.send("evm_increaseTime", [86400]);
  await provider.send("evm_mine", []);
  await measure("RID claim, a later one on the same VID", at("RevenueRights", provider4).claim(1, pvcAddress));

  // The same later rental of VID 1 paid in the test stablecoin, a plain ERC-20: no part of the fee is burned and no
  // vote checkpoint moves, so its difference to the PVC row above is PVC's own work. The first tUSD rental brings
  // the VID's first tUSD income (and its holder claims it); the second one is measured.
  const stableAddress = manifest.contracts.TestStablecoin;
  await send(at("TestStablecoin", buyer).approve(manifest.contracts.ComputeMarket, 2n ** 255n));
  for (const uid of [6, 7]) {
    await send(usage.create(1, 86400));
    await send(market.list(uid, stableAddress, 100n * 10n ** 6n));
    await send(market.connect(buyer).buy(uid, stableAddress, 100n * 10n ** 6n));
    await provider.send("evm_increaseTime", [86400 + disputeWindow]);
    await provider.send("evm_mine", []);
    if (uid === 7) {
      await measure("settle, a later rental of the same VID, paid in tUSD (no burn)", market.connect(settler).settle(uid));
    } else {
      await send(market.connect(settler).settle(uid));
      await provider.send("evm_increaseTime", [86400]);
      await provider.send("evm_mine", []);
      await send(at("RevenueRights", provider4).claim(1, stableAddress));
    }
  }

  // Dividends: the same 4-account tree for DividendDistributor and for the Uniswap reference, paid in the
  // same plain ERC-20 (the test stablecoin) so that only the distributors differ.
  const stable = at("TestStablecoin", settler);
  const accounts = [8, 9, 10, 11].map((i) => wallet(i, provider).address);
  const amounts = [400n, 300n, 200n, 100n].map((a) => a * 10n ** 6n);
  const ours = merkle(accounts.map((a, i) => keccak256(solidityPacked(["address", "uint256"], [a, amounts[i]]))));
  const dividends = at("DividendDistributor", settler);
  await send(stable.approve(manifest.contracts.DividendDistributor, 2n ** 255n));
  await send(dividends.postEpoch(202611, ours.root, manifest.contracts.TestStablecoin, 1000n * 10n ** 6n));
  await send(dividends.fundEpoch(1));
  await measure("dividend claim", dividends.connect(relayer).claim(1, accounts[0], amounts[0], ours.proof(0)));
  const uniswap = merkle(accounts.map((a, i) => keccak256(solidityPacked(["uint256", "address", "uint256"], [i, a, amounts[i]]))));
  const ref = artifact.reference("UniswapMerkleDistributor");
  const distributor = await new ContractFactory(ref.abi, ref.bytecode, settler).deploy(manifest.contracts.TestStablecoin, uniswap.root);
  await distributor.waitForDeployment();
  await send(stable.mint(await distributor.getAddress(), 1000n * 10n ** 6n));
  await measure("reference: Uniswap MerkleDistributor claim (same run)", distributor.connect(relayer).claim(0, accounts[0], amounts[0], uniswap.proof(0)));
  // The next month's epoch (same tree): the account's claims of both months share one storage slot.
  await send(dividends.postEpoch(202612, ours.root, manifest.contracts.TestStablecoin, 1000n * 10n ** 6n));
  await send(dividends.fundEpoch(2));
  await measure("dividend claim, the same account's next epoch", dividends.connect(relayer).claim(2, accounts[0], amounts[0], ours.proof(0)));

  console.log("\nTransaction gas (receipt gasUsed, 21,000 base included), fresh Hardhat node, optimizer 200 runs:\n");
  console.table(rows);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
