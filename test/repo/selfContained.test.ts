import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

/** Every file under `dir`, as paths relative to the repository root (ignored files included). */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(ROOT, dir))) {
    const rel = path.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) out.push(...filesUnder(rel));
    else out.push(rel);
  }
  return out;
}

describe("the repository is self-contained (a plain clone passes its tests)", () => {
  it("no test, script, bench or CI file reads a folder beside the checkout", () => {
    // The agreement's shared folder sits beside the developers' checkout, never beside a user's clone.
    const outside = /\.\.\/shared|KOSTNADSANSVAR_SHARED|["'`]\.\.\/data\//;
    const offenders = ["test", "scripts", "bench", ".ci", "bin", "src"]
      .flatMap(filesUnder)
      .filter((f) => /\.(ts|js|mjs|cjs|sh|json)$/.test(f) || f === path.join(".ci", "run"))
      .filter((f) => f !== path.join("test", "repo", "selfContained.test.ts"))
      .filter((f) => outside.test(readFileSync(path.join(ROOT, f), "utf8")));
    expect(offenders).toEqual([]);
  });

  it("the built-in ISO list is what the generator makes of data/iso9999-sv-partial.csv", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "isolist-"));
    try {
      const out = path.join(dir, "isoList.ts");
      execFileSync(process.execPath, [path.join(ROOT, "scripts/gen-iso-list.mjs"), "data/iso9999-sv-partial.csv", out], { cwd: ROOT, stdio: "pipe" });
      const committed = readFileSync(path.join(ROOT, "src/core/example/isoList.ts"), "utf8");
      expect(readFileSync(out, "utf8")).toBe(committed);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
