// Writes the ABI of every deployable contract to abi/<Contract>.json (committed: the C# side reads them and must
// build without Node). Run through `npm run abi`, which builds first.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { artifact, deployables, root } from "./suite.js";

const out = join(root, "abi");
mkdirSync(out, { recursive: true });
for (const name of Object.keys(deployables)) {
  writeFileSync(join(out, `${name}.json`), JSON.stringify(artifact(name).abi, null, 2) + "\n");
}
console.log(`wrote ${Object.keys(deployables).length} ABIs to abi/`);
