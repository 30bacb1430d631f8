import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

/**
 * The text of a file in the shared contract (`shared/domain/<name>`), which docs/ copies. Found
 * through KOSTNADSANSVAR_SHARED (the shared folder) or in a folder `shared` beside the checkout or
 * above it (a worktree sits deeper). Missing: the test FAILS with the places it looked, never
 * passes silently.
 */
export function sharedContract(name: string): string {
  const candidates: string[] = [];
  if (process.env.KOSTNADSANSVAR_SHARED) candidates.push(path.join(process.env.KOSTNADSANSVAR_SHARED, "domain", name));
  for (let dir = path.dirname(ROOT); ; dir = path.dirname(dir)) {
    candidates.push(path.join(dir, "shared", "domain", name));
    if (path.dirname(dir) === dir) break;
  }
  const found = candidates.find((c) => existsSync(c));
  if (!found) {
    throw new Error(`The shared contract ${name} was not found (looked in ${candidates.join(", ")}). Set KOSTNADSANSVAR_SHARED to the shared folder.`);
  }
  return readFileSync(found, "utf8");
}
