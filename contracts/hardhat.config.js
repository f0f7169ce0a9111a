import { fileURLToPath } from "node:url";
import { defineConfig } from "hardhat/config";

// The compiler is solc-js from the npm package `solc` (its soljson.js), so a build never downloads one.
const soljson = fileURLToPath(new URL("./node_modules/solc/soljson.js", import.meta.url));

const compiler = {
  version: "0.8.28",
  path: soljson,
  settings: {
    evmVersion: "cancun",
    optimizer: { enabled: true, runs: 200 },
  },
};

export default defineConfig({
  solidity: {
    profiles: {
      default: compiler,
      production: compiler,
    },
  },
  networks: {
    localhost: {
      type: "http",
      chainType: "l1",
      url: process.env.PV_RPC_URL ?? "http://127.0.0.1:8545",
    },
  },
  paths: {
    sources: "contracts",
    tests: { solidity: "test" },
  },
  test: {
    solidity: {
      // A fixed seed keeps the fuzz and invariant-style tests deterministic; 64 runs keep the suite quick.
      fuzz: { runs: 64, seed: "0x5eed0000" },
      invariant: { runs: 32, depth: 24 },
    },
  },
});
