import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";

const DIR = path.resolve(__dirname, "../baselines");

/**
 * Compares a report with its golden file `test/baselines/<name>.txt` (or `<name>` when it has an
 * extension). With UPDATE_BASELINES=1
 * the file is (re)written instead, so a change in any finding shows as a readable diff in git.
 */
export function expectBaseline(name: string, actual: string): void {
  const file = path.join(DIR, path.extname(name) ? name : `${name}.txt`);
  const text = actual.endsWith("\n") ? actual : actual + "\n";
  if (process.env.UPDATE_BASELINES === "1") {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(file, text);
    return;
  }
  if (!existsSync(file)) throw new Error(`Baseline ${file} saknas. Kör UPDATE_BASELINES=1 npx jest och granska filen.`);
  expect(text).toBe(readFileSync(file, "utf8"));
}
