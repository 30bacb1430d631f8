import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import * as path from "node:path";
import { run } from "../../src/cli/main";

export const ROOT = path.resolve(__dirname, "../..");
export const BIN = path.join(ROOT, "bin", "kostnadsansvar.js");

/** Runs the CLI in-process and captures what it prints. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await run(argv, { out: (t) => (out += t.endsWith("\n") ? t : t + "\n"), err: (t) => (err += t.endsWith("\n") ? t : t + "\n") });
  return { code, out, err };
}

/** Makes sure the compiled CLI and the guide's script exist (npm ci builds both; a test run after a clean does too). */
export function ensureBuiltCli(): void {
  if (!existsSync(path.join(ROOT, "dist", "cli", "cli", "main.js"))) {
    execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"], { cwd: ROOT, stdio: "inherit" });
  }
  if (!existsSync(path.join(ROOT, "dist", "guide", "guide.js"))) {
    execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--config", "webpack.guide.config.js"], { cwd: ROOT, stdio: "inherit" });
  }
}

/** Runs the real `kostnadsansvar` command as a user would. */
export function binary(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
