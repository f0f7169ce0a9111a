// Produces expected.json: values computed by ethers v6 from fixed keys and fixed inputs.
// The C# tests compare their own output against this file byte for byte.
// Run: npm ci && node generate.mjs   (output is committed; rerunning gives the same file)
import { writeFileSync } from "node:fs";
import {
  AbiCoder, HDNodeWallet, Interface, Transaction, TypedDataEncoder, Wallet, hashMessage, id,
  keccak256, getBytes, hexlify, toUtf8Bytes,
} from "ethers";

const mnemonic = "test test test test test test test test test test test junk";
const big = (_, v) => (typeof v === "bigint" ? v.toString() : v);

// Hardhat's default accounts #0–#19 plus a few keys used in EIPs.
const accounts = [];
for (let i = 0; i < 20; i++) {
  const w = HDNodeWallet.fromPhrase(mnemonic, undefined, `m/44'/60'/0'/0/${i}`);
  accounts.push({ index: i, privateKey: w.privateKey, address: w.address });
}
const extraKeys = [
  "0x4646464646464646464646464646464646464646464646464646464646464646", // EIP-155
  keccak256(toUtf8Bytes("cow")), // EIP-712 example
  "0x0000000000000000000000000000000000000000000000000000000000000001",
  "0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140", // n - 1
];
const keys = [...accounts.map(a => a.privateKey), ...extraKeys].map(k => ({ privateKey: k, address: new Wallet(k).address }));

// Keccak-256 over lengths around the 136-byte rate.
const keccak = [0, 1, 31, 32, 135, 136, 137, 271, 272, 273, 1000].map(n => {
  const input = new Uint8Array(n).map((_, i) => (i * 7 + n) & 0xff);
  return { input: hexlify(input), hash: keccak256(input) };
});

const signer = new Wallet(accounts[10].privateKey);
const personal = [];
for (const message of ["", "hello", "PowerVerse grant-applied {\"uid\":\"7\"}", "日本語 ✓"]) {
  personal.push({ privateKey: signer.privateKey, message, hash: hashMessage(message), signature: signer.signMessageSync(message) });
}

const typed = [];
const mail = {
  domain: { name: "Ether Mail", version: "1", chainId: 1, verifyingContract: "0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC" },
  types: { Person: [{ name: "name", type: "string" }, { name: "wallet", type: "address" }],
           Mail: [{ name: "from", type: "Person" }, { name: "to", type: "Person" }, { name: "contents", type: "string" }] },
  primaryType: "Mail",
  message: { from: { name: "Cow", wallet: "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826" },
             to: { name: "Bob", wallet: "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB" }, contents: "Hello, Bob!" },
};
const group = {
  domain: { name: "Nested", version: "2", chainId: 31337, verifyingContract: "0x5FbDB2315678afecb367f032d93F642f64180aa3", salt: "0x" + "ab".repeat(32) },
  types: {
    Person: [{ name: "name", type: "string" }, { name: "wallets", type: "address[]" }],
    Group: [{ name: "name", type: "string" }, { name: "members", type: "Person[]" }, { name: "scores", type: "int64[3]" },
            { name: "tags", type: "bytes32[]" }, { name: "blob", type: "bytes" }, { name: "open", type: "bool" }, { name: "grid", type: "uint8[][]" }],
  },
  primaryType: "Group",
  message: {
    name: "Ops",
    members: [{ name: "A", wallets: ["0x70997970C51812dc3A010C7d01b50e0d17dc79C8"] },
              { name: "B", wallets: ["0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC", "0x90F79bf6EB2c4f870365E785982E1f101E93b906"] }],
    scores: ["-5", "0", "9223372036854775807"],
    tags: ["0x" + "11".repeat(32)],
    blob: "0xdeadbeef",
    open: true,
    grid: [["1", "2"], [], ["255"]],
  },
};
const proof = {
  domain: { name: "PowerVerse ProofOfCompute", version: "1", chainId: 31337, verifyingContract: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512" },
  types: { ProofResult: [{ name: "challengeId", type: "uint256" }, { name: "vid", type: "uint256" }, { name: "seed", type: "bytes32" },
    { name: "nonces", type: "uint64[]" }, { name: "startedAt", type: "uint64" }, { name: "finishedAt", type: "uint64" }] },
  primaryType: "ProofResult",
  message: { challengeId: "42", vid: "7", seed: keccak256(toUtf8Bytes("seed")), nonces: ["1", "99", "18446744073709551615"], startedAt: "1700000000", finishedAt: "1700000012" },
};
const forward = {
  domain: { name: "PowerVerse Forwarder", version: "1", chainId: 31337, verifyingContract: "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0" },
  types: { ForwardRequest: [{ name: "from", type: "address" }, { name: "to", type: "address" }, { name: "value", type: "uint256" },
    { name: "gas", type: "uint256" }, { name: "nonce", type: "uint256" }, { name: "deadline", type: "uint48" }, { name: "data", type: "bytes" }] },
  primaryType: "ForwardRequest",
  message: { from: signer.address, to: "0x5FbDB2315678afecb367f032d93F642f64180aa3", value: "0", gas: "100000", nonce: "3", deadline: "1900000000", data: "0xd09de08a" },
};
for (const [name, t, key] of [["mail", mail, extraKeys[1]], ["nested", group, signer.privateKey], ["proofResult", proof, signer.privateKey], ["forwardRequest", forward, signer.privateKey]]) {
  const w = new Wallet(key);
  typed.push({
    name, privateKey: key, data: t,
    encodedType: TypedDataEncoder.from(t.types).encodeType(t.primaryType),
    domainSeparator: TypedDataEncoder.hashDomain(t.domain),
    structHash: TypedDataEncoder.from(t.types).hash(t.message),
    hash: TypedDataEncoder.hash(t.domain, t.types, t.message),
    signature: w.signingKey.sign(TypedDataEncoder.hash(t.domain, t.types, t.message)).serialized,
  });
}

const txs = [];
const txInputs = [
  { type: 0, chainId: 31337, nonce: 0, gasPrice: "1000000000", gasLimit: 21000, to: accounts[11].address, value: "1000000000000000000", data: "0x" },
  { type: 0, chainId: 1, nonce: 255, gasPrice: "20000000000", gasLimit: 100000, to: accounts[12].address, value: "0", data: "0xa9059cbb" + "00".repeat(64) },
  { type: 2, chainId: 31337, nonce: 7, maxPriorityFeePerGas: "1500000000", maxFeePerGas: "30000000000", gasLimit: 50000, to: accounts[13].address, value: "12345", data: "0x" },
  { type: 2, chainId: 8453, nonce: 1024, maxPriorityFeePerGas: "0", maxFeePerGas: "1", gasLimit: 3000000, to: null, value: "0", data: "0x6080604052" },
  { type: 2, chainId: 1, nonce: 0, maxPriorityFeePerGas: "2", maxFeePerGas: "2", gasLimit: 60000, to: accounts[14].address, value: "0", data: "0x01",
    accessList: [{ address: accounts[15].address, storageKeys: ["0x" + "00".repeat(31) + "01", "0x" + "ff".repeat(32)] }, { address: accounts[16].address, storageKeys: [] }] },
];
for (const input of txInputs) {
  const tx = Transaction.from(input);
  const unsignedSerialized = tx.unsignedSerialized;
  const unsignedHash = tx.unsignedHash;
  tx.signature = signer.signingKey.sign(unsignedHash);
  txs.push({ privateKey: signer.privateKey, input, unsignedSerialized, unsignedHash, raw: tx.serialized, hash: tx.hash, from: tx.from });
}

const coder = AbiCoder.defaultAbiCoder();
const abiCases = [
  [["uint8", "uint256", "int8", "int256", "int24"], ["255", "115792089237316195423570985008687907853269984665640564039457584007913129639935", "-128", "-57896044618658097711785492504343953926634992332820282019728792003956564819968", "-1"]],
  [["address", "bool", "bool", "bytes1", "bytes32"], [accounts[10].address, true, false, "0x01", "0x" + "ab".repeat(32)]],
  [["bytes", "string"], ["0x" + "cd".repeat(33), "PowerVerse ✓ compute"]],
  [["uint256[]", "string[]", "bytes[2]"], [["1", "2", "3"], ["a", "", "ccc"], ["0x", "0x00ff"]]],
  [["(address,uint256,(bytes,bool)[])", "uint64[3]"], [[accounts[11].address, "7", [["0x1234", true], ["0x", false]]], ["1", "2", "18446744073709551615"]]],
  [["uint256[][]", "(string,uint8[2])"], [[["1"], [], ["2", "3"]], ["x", ["4", "5"]]]],
  [[], []],
];
const abi = abiCases.map(([types, values]) => ({ types, values, encoded: coder.encode(types, values) }));

const iface = new Interface([
  "function transfer(address to, uint256 amount) returns (bool)",
  "function execute((address from,address to,uint256 value,uint256 gas,uint48 deadline,bytes data,bytes signature) request) payable",
  "event Transfer(address indexed from, address indexed to, uint256 value)",
  "event Noted(string indexed topic, bytes indexed blob, uint256 indexed id, string text)",
  "error ComputeMarketListingNotActive(uint256 uid)",
  "error InsufficientBalance(address account, uint256 needed, string why)",
]);
const fwdData = [signer.address, accounts[11].address, "0", "100000", "1900000000", "0xd09de08a", "0x" + "11".repeat(65)];
const functions = [
  { signature: "transfer(address,uint256)", selector: iface.getFunction("transfer").selector, args: [accounts[11].address, "1000"],
    calldata: iface.encodeFunctionData("transfer", [accounts[11].address, "1000"]) },
  { signature: "execute((address,address,uint256,uint256,uint48,bytes,bytes))", selector: iface.getFunction("execute").selector, args: [fwdData],
    calldata: iface.encodeFunctionData("execute", [fwdData]) },
];
const transferLog = iface.encodeEventLog("Transfer", [accounts[10].address, accounts[11].address, "5"]);
const notedLog = iface.encodeEventLog("Noted", ["gpu", "0xbeef", "9", "hello"]);
const events = [
  { signature: "Transfer(address,address,uint256)", topic0: iface.getEvent("Transfer").topicHash, topics: transferLog.topics, data: transferLog.data },
  { signature: "Noted(string,bytes,uint256,string)", topic0: iface.getEvent("Noted").topicHash, topics: notedLog.topics, data: notedLog.data },
];
const errors = [
  { signature: "ComputeMarketListingNotActive(uint256)", selector: iface.getError("ComputeMarketListingNotActive").selector,
    data: iface.encodeErrorResult("ComputeMarketListingNotActive", ["7"]), text: "ComputeMarketListingNotActive(uid=7)" },
  { signature: "InsufficientBalance(address,uint256,string)", selector: iface.getError("InsufficientBalance").selector,
    data: iface.encodeErrorResult("InsufficientBalance", [accounts[12].address, "10", "low"]), text: `InsufficientBalance(account=${accounts[12].address}, needed=10, why="low")` },
  { signature: "Error(string)", selector: id("Error(string)").slice(0, 10), data: "0x08c379a0" + coder.encode(["string"], ["not owner"]).slice(2), text: "Error(message=\"not owner\")" },
];

const out = { generator: "ethers " + (await import("ethers")).version, accounts, keys, keccak, personal, typed, transactions: txs, abi, functions, events, errors };
writeFileSync(new URL("../expected.json", import.meta.url), JSON.stringify(out, big, 2) + "\n");
console.log("wrote expected.json");
