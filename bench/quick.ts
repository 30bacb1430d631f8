/** Development aid: only the issue-13 figures, without the slow HyperFormula/CLI parts. */
import * as path from "node:path";
import { lookupFigures, rangeFigures100k } from "./speed";
import { paneFigures } from "./pane";
import { validateComparison } from "./validateBefore";
const ROOT = path.resolve(__dirname, "../../..");
async function main() {
  const which = process.argv[2] ?? "lookup,range";
  const r: Record<string, number> = {};
  if (which.includes("lookup")) Object.assign(r, lookupFigures());
  if (which.includes("range")) Object.assign(r, await rangeFigures100k(ROOT));
  if (which.includes("pane")) Object.assign(r, paneFigures(ROOT));
  if (which.includes("validate")) {
    const { workbook } = await import("../test/helpers/workbooks");
    const { generatedCode } = await import("../test/helpers/xlsxFixtures");
    const rows = Array.from({ length: 100_000 }, (_, i) => ({ "ISO-kod": generatedCode(i), Benämning: `Produktgrupp ${i}`, SÄBO: "Kommun", "LSS bostad": i % 3 === 0 ? "Region" : "Kommun", "LSS daglig verksamhet": "Kommun", "SoL dagverksamhet": i % 11 === 0 ? null : "Kommun", Huvudhjälpmedel: i % 13 === 0 ? generatedCode(i + 1) : null }));
    Object.assign(r, validateComparison(ROOT, workbook({ b1: rows })));
  }
  console.log(r);
  if (r.whoPaysPerSecond) console.log("whoPays/mapGet", (r.whoPaysPerSecond / r.mapGetPerSecond!).toFixed(3), "realistic/floor", (r.whoPaysRealisticPerSecond! / r.floorPerSecond!).toFixed(3));
}
void main();
