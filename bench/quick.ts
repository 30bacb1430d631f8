/** Development aid: only the issue-13 figures, without the slow HyperFormula/CLI parts. */
import * as path from "node:path";
import { lookupFigures, rangeFigures100k } from "./speed";
import { paneFigures } from "./pane";
const ROOT = path.resolve(__dirname, "../../..");
async function main() {
  const which = process.argv[2] ?? "lookup,range";
  const r: Record<string, number> = {};
  if (which.includes("lookup")) Object.assign(r, lookupFigures());
  if (which.includes("range")) Object.assign(r, await rangeFigures100k(ROOT));
  if (which.includes("pane")) Object.assign(r, paneFigures(ROOT));
  console.log(r);
  if (r.whoPaysPerSecond) console.log("whoPays/mapGet", (r.whoPaysPerSecond / r.mapGetPerSecond!).toFixed(3), "realistic/floor", (r.whoPaysRealisticPerSecond! / r.floorPerSecond!).toFixed(3));
}
void main();
