/**
 * paneJsGzipKb: every script of ours that the task pane loads before first paint, gzipped as a
 * web server would send it. Builds the production bundle into a temporary folder, reads the
 * `<script src>` tags of the built taskpane.html and follows nothing else: chunks that webpack
 * loads later (views when their tab opens) are not part of first paint. office.js comes from
 * Microsoft's CDN and is not ours to shrink, so it is not counted.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { gzipSync } from "node:zlib";

export function paneFigures(root: string): { paneJsGzipKb: number; paneJsGzipKbAll: number } {
  const out = mkdtempSync(path.join(os.tmpdir(), "kostnadsansvar-pane-"));
  const webpack = path.join(root, "node_modules", "webpack-cli", "bin", "cli.js");
  const r = spawnSync(process.execPath, [webpack, "--mode", "production", "--env", "url=https://bench.invalid/", "--output-path", out], { cwd: root, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`bench: webpack misslyckades: ${r.stderr || r.stdout}`);
  const html = readFileSync(path.join(out, "taskpane.html"), "utf8");
  const ours = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)].map((m) => m[1]!).filter((src) => !/^https?:/.test(src));
  if (ours.length === 0) throw new Error("bench: taskpane.html laddar inga egna skript");
  const gz = (file: string) => gzipSync(readFileSync(path.join(out, file))).length / 1024;
  const firstPaint = ours.reduce((sum, src) => sum + gz(src), 0);
  // Everything the pane may load later (lazy chunks), for comparison.
  const all = readdirSync(out)
    .filter((f) => f.endsWith(".js"))
    .reduce((sum, f) => sum + gz(f), 0);
  return { paneJsGzipKb: Math.round(firstPaint * 10) / 10, paneJsGzipKbAll: Math.round(all * 10) / 10 };
}
