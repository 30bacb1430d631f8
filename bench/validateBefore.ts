/**
 * The validation path as it was before issue 13, for one comparison in the same run: the core of
 * commit BEFORE is taken from git (`git archive`), compiled into a temporary folder and loaded
 * beside today's. Nothing of it ships; only the bench loads it.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { RawWorkbook } from "../src/core/cells";
import { validateWorkbook } from "../src/core/validation/validateWorkbook";

/** main just before issue 13 (the base this branch was rebased on). */
export const BEFORE = "5cf60c6";

export type Validate = (raw: RawWorkbook) => unknown;

/** Today's main's validateWorkbook at commit BEFORE, or null (with the reason) when git cannot give it. */
export function validateBefore(root: string): Validate | string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "kostnadsansvar-before-"));
  const archive = spawnSync("git", ["archive", "--format=tar", BEFORE, "src/core"], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  if (archive.status !== 0) return `git archive ${BEFORE}: ${archive.stderr.toString().trim()}`;
  const tar = spawnSync("tar", ["-x", "-C", dir], { input: archive.stdout });
  if (tar.status !== 0) return `tar: ${tar.stderr.toString().trim()}`;
  symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"), "dir");
  writeFileSync(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { module: "commonjs", target: "es2022", moduleResolution: "node", outDir: "out", rootDir: ".", skipLibCheck: true, esModuleInterop: true, types: [], lib: ["ES2022"] },
      include: ["src/core/**/*.ts"],
    }),
  );
  const tsc = spawnSync(process.execPath, [path.join(root, "node_modules", "typescript", "bin", "tsc"), "-p", dir], { encoding: "utf8" });
  // Type errors do not stop emitting; only a missing output is a failure.
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(dir, "out", "src", "core", "validation", "validateWorkbook.js")) as { validateWorkbook: Validate };
    return (raw) => mod.validateWorkbook(raw);
  } catch (e) {
    return `tsc: ${tsc.stdout.slice(0, 500)} ${(e as Error).message}`;
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Validation of one workbook before and after, interleaved run by run, after checking that both
 * give exactly the same findings (or the comparison means nothing).
 */
export function validateComparison(root: string, raw: RawWorkbook): { validateRows100kMsBefore: number; validateRows100kMsAfter: number } {
  const before = validateBefore(root);
  if (typeof before === "string") throw new Error(`bench: valideringen före nummer 13 kunde inte byggas: ${before}`);
  // The same findings, by code, severity, section and cell: the wording of some messages was
  // changed later (issue 12), which is presentation, not work.
  const key = (findings: unknown) =>
    JSON.stringify((findings as Array<{ code: string; severity: string; section: string; sheet: string; row: number | null; column: string | null }>).map((f) => [f.code, f.severity, f.section, f.sheet, f.row, f.column]));
  const same = key(before(raw)) === key(validateWorkbook(raw));
  if (!same) throw new Error("bench: valideringen före och efter ger olika fynd");
  const samples: [number[], number[]] = [[], []];
  for (let k = 0; k < 5; k++) {
    for (const [i, fn] of [before, (w: RawWorkbook) => validateWorkbook(w)].entries()) {
      (globalThis as { gc?: () => void }).gc?.();
      const start = process.hrtime.bigint();
      fn(raw);
      samples[i as 0 | 1].push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  return { validateRows100kMsBefore: median(samples[0]), validateRows100kMsAfter: median(samples[1]) };
}
