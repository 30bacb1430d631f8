import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";

/** LibreOffice's CSV import as Swedish Excel reads a file: semicolon, ", UTF-8, Swedish locale (1053). */
export const SWEDISH_CSV = "CSV:59,34,UTF8,1,,1053";

/**
 * Opens files in Debian's LibreOffice (headless, a fresh profile of its own) and saves them in
 * `format` ("xlsx", "ods", "pdf" …) into `outDir`, as a user of another program would; returns
 * the written files, in the order given. Throws with LibreOffice's own words when one is missing.
 */
export function convertWithLibreOffice(files: readonly string[], format: string, outDir: string, infilter?: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const profile = pathToFileURL(mkdtempSync(path.join(tmpdir(), "lo-profile-"))).href;
  const r = spawnSync("soffice", [`-env:UserInstallation=${profile}`, "--headless", ...(infilter ? [`--infilter=${infilter}`] : []), "--convert-to", format, "--outdir", outDir, ...files], { encoding: "utf8", timeout: 90_000 });
  if (r.status !== 0) throw new Error(`soffice: ${r.error?.message ?? ""} ${r.stderr}`);
  return files.map((f) => {
    const out = path.join(outDir, `${path.basename(f, path.extname(f))}.${format.split(":")[0]}`);
    if (!existsSync(out)) throw new Error(`soffice wrote no ${out}: ${r.stdout} ${r.stderr}`);
    return out;
  });
}
