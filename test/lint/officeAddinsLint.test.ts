/**
 * Microsoft's Office add-in rules run over src/ with every rule an error (eslint.config.mjs):
 * code that syncs per row, reads before loading or tests a null object with `=== null` fails lint.
 * Runs ESLint's CLI with the project's config, as `npm run lint` does, on code given on stdin.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const ESLINT = path.join(ROOT, "node_modules", "eslint", "bin", "eslint.js");

/** The rules ESLint reports as errors for `code` as if it were src/excel/probe.ts (read from stdin; nothing is written). */
function lint(code: string): string[] {
  const run = spawnSync(process.execPath, [ESLINT, "--format", "json", "--stdin", "--stdin-filename", "src/excel/probe.ts"], { cwd: ROOT, input: code, encoding: "utf8" });
  if (run.status !== 0 && run.status !== 1) throw new Error(`eslint failed (${run.status}): ${run.stderr}`);
  const [result] = JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string | null; severity: number; message: string }> }>;
  return result!.messages.filter((m) => m.severity === 2).map((m) => m.ruleId ?? `parse: ${m.message}`);
}

describe("eslint-plugin-office-addins over src/", () => {
  it("reports context.sync() in a loop, a read without load, and a null test without isNullObject, as errors", () => {
    const found = lint(`
export async function perRow(context: Excel.RequestContext, rows: number): Promise<unknown[]> {
  const out: unknown[] = [];
  for (let i = 0; i < rows; i++) {
    const cell = context.workbook.worksheets.getItem("Bilaga 1").getCell(i, 0);
    cell.load("values");
    await context.sync();
    out.push(cell.values);
  }
  const ws = context.workbook.worksheets.getItemOrNullObject("Bilaga 2");
  await context.sync();
  if (ws === null) return out;
  return out;
}

export async function unloaded(context: Excel.RequestContext): Promise<unknown> {
  const range = context.workbook.worksheets.getItem("Bilaga 1").getRange("A1");
  await context.sync();
  return range.values;
}
`);
    expect([...new Set(found)].sort()).toEqual(["office-addins/load-object-before-read", "office-addins/no-context-sync-in-loop", "office-addins/test-for-null-using-isNullObject"]);
  });

  it("passes the same work done in one batch", () => {
    expect(
      lint(`
export async function batched(context: Excel.RequestContext, rows: number): Promise<unknown[][]> {
  const range = context.workbook.worksheets.getItem("Bilaga 1").getRangeByIndexes(0, 0, rows, 1);
  range.load("values");
  await context.sync();
  return range.values;
}
`),
    ).toEqual([]);
  });
});
