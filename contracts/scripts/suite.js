// The deployable contracts of the suite, where their Hardhat artifacts are, and how to read them.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Contract name → source path under contracts/ (the name is also the manifest key and the abi/ file name). */
export const deployables = {
  PowerForwarder: "PowerForwarder.sol",
  PowerVerseCoin: "tokens/PowerVerseCoin.sol",
  TestStablecoin: "mocks/TestStablecoin.sol",
  PowerTimelock: "governance/PowerTimelock.sol",
  PowerGovernor: "governance/PowerGovernor.sol",
  PowerParams: "governance/PowerParams.sol",
  HardwareRegistry: "assets/HardwareRegistry.sol",
  ResourceRegistry: "assets/ResourceRegistry.sol",
  UsageRights: "assets/UsageRights.sol",
  RevenueRights: "assets/RevenueRights.sol",
  ComputeMarket: "market/ComputeMarket.sol",
  ProofOfCompute: "proof/ProofOfCompute.sol",
  ProviderStaking: "staking/ProviderStaking.sol",
  DividendDistributor: "dividends/DividendDistributor.sol",
};

export function artifact(name) {
  const path = join(root, "artifacts", "contracts", deployables[name], `${name}.json`);
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`No artifact for ${name} at ${path}; run 'npx hardhat build' first`, { cause: error });
  }
}

/** The artifact of a test-only reference contract under test/reference/. */
artifact.reference = (name) => {
  const path = join(root, "artifacts", "test", "reference", `${name}.sol`, `${name}.json`);
  return JSON.parse(readFileSync(path, "utf8"));
};
