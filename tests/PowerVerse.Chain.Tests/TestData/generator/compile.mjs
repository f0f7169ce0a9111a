// Compiles the test contract, OpenZeppelin's ERC2771Forwarder and the project's own PowerForwarder
// (contracts/contracts/PowerForwarder.sol, against the OpenZeppelin version contracts/ pins) with solc-js
// 0.8.28 (optimizer on, evmVersion cancun) and writes contracts.json: { name: { abi, bytecode } }. Output is committed.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const solc = require("solc");

const sources = {
  "EthereumTestMarket.sol": { content: readFileSync(new URL("./contracts/EthereumTestMarket.sol", import.meta.url), "utf8") },
  "PowerForwarder.sol": { content: readFileSync(new URL("../../../../contracts/contracts/PowerForwarder.sol", import.meta.url), "utf8") },
  "Forwarder.sol": { content: 'pragma solidity 0.8.28;\nimport {ERC2771Forwarder} from "@openzeppelin/contracts/metatx/ERC2771Forwarder.sol";\n' },
};
const input = {
  language: "Solidity",
  sources,
  settings: {
    optimizer: { enabled: true, runs: 200 },
    evmVersion: "cancun",
    outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } },
  },
};
// OpenZeppelin as contracts/ installs it (./pv setup), so PowerForwarder is compiled as deployed.
const contractsRequire = createRequire(new URL("../../../../contracts/package.json", import.meta.url));
const findImports = path => {
  try {
    return { contents: readFileSync(contractsRequire.resolve(path), "utf8") };
  } catch {
    return { error: "not found: " + path };
  }
};
const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
const errors = (output.errors ?? []).filter(e => e.severity === "error");
if (errors.length) {
  console.error(errors.map(e => e.formattedMessage).join("\n"));
  process.exit(1);
}
const pick = (file, name) => ({ abi: output.contracts[file][name].abi, bytecode: "0x" + output.contracts[file][name].evm.bytecode.object });
const out = {
  compiler: "solc " + solc.version(),
  EthereumTestMarket: pick("EthereumTestMarket.sol", "EthereumTestMarket"),
  ERC2771Forwarder: pick("@openzeppelin/contracts/metatx/ERC2771Forwarder.sol", "ERC2771Forwarder"),
  PowerForwarder: pick("PowerForwarder.sol", "PowerForwarder"),
};
writeFileSync(new URL("../contracts.json", import.meta.url), JSON.stringify(out, null, 2) + "\n");
console.log("wrote contracts.json with " + out.compiler);
