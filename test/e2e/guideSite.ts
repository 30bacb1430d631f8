/*
 * A published Hjälpmedelsguiden for browser tests: publishes fixture workbooks with the real
 * command, opens the site in Debian's Chromium from file:// (and over a local HTTP server), and
 * fails on any request that leaves the site's folder.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { binary, ensureBuiltCli } from "../helpers/cli";
import { CHROMIUM } from "./browser";

export interface PublishedGuide {
  /** The site folder. */
  readonly dir: string;
  readonly work: string;
  /** file:// URL of the folder, ending in /. */
  readonly fileBase: string;
  /** http://127.0.0.1:port/ serving the folder. */
  readonly httpBase: string;
  /** The edition JSON of the published edition. */
  readonly editionJson: string;
  readonly browser: Browser;
  /** Requests that tried to leave the site (each fails the test that made it). */
  readonly outside: string[];
  /** Publishes another workbook into its own folder inside the work folder; returns its file:// base, which pages may then load from. */
  publishAnother(xlsx: Buffer, name: string): Promise<string>;
  newContext(width?: number, height?: number): Promise<BrowserContext>;
  open(context: BrowserContext, url: string): Promise<{ page: Page; errors: string[] }>;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".json": "application/json", ".csv": "text/csv; charset=utf-8" };

function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    const file = path.join(dir, path.normalize(pathname === "/" ? "/index.html" : pathname));
    if (req.method !== "GET" || !file.startsWith(dir + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store" });
    res.end(readFileSync(file));
  });
  server.maxConnections = 32;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}

/** Publishes `previous` then `current` (with --previous) into a temporary folder and starts Chromium. */
export async function publishGuide(previous: Buffer, current: Buffer): Promise<PublishedGuide> {
  ensureBuiltCli();
  const work = mkdtempSync(path.join(tmpdir(), "kostnadsansvar-guide-"));
  const dir = path.join(work, "guide");
  writeFileSync(path.join(work, "previous.xlsx"), previous);
  writeFileSync(path.join(work, "current.xlsx"), current);
  const first = binary(["publish", path.join(work, "previous.xlsx"), "--edition", "2026:1", "--out", path.join(work, "prev")]);
  if (first.code !== 0) throw new Error(`publish 2026:1 failed: ${first.err}`);
  const second = binary(["publish", path.join(work, "current.xlsx"), "--edition", "2026:2", "--out", dir, "--previous", path.join(work, "prev", "2026-1.json")]);
  if (second.code !== 0) throw new Error(`publish 2026:2 failed: ${second.err}`);
  const server = await serve(dir);
  const httpBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const fileBase = pathToFileURL(dir).href + "/";
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=sv-SE"],
    timeout: 30_000,
  });
  const outside: string[] = [];
  const contexts: BrowserContext[] = [];
  const allowed = [fileBase, httpBase];
  return {
    dir,
    work,
    fileBase,
    httpBase,
    editionJson: path.join(dir, "2026-2.json"),
    browser,
    outside,
    async publishAnother(xlsx, name) {
      const input = path.join(work, `${name}.xlsx`);
      writeFileSync(input, xlsx);
      const r = binary(["publish", input, "--edition", "2026:2", "--out", path.join(work, name)]);
      if (r.code !== 0) throw new Error(`publish ${name} failed: ${r.err}`);
      const base = pathToFileURL(path.join(work, name)).href + "/";
      allowed.push(base);
      return base;
    },
    async newContext(width = 1200, height = 900) {
      const context = await browser.newContext({ viewport: { width, height }, locale: "sv-SE" });
      contexts.push(context);
      await context.route("**/*", (route) => {
        const url = route.request().url();
        if (allowed.some((base) => url.startsWith(base))) return route.continue();
        outside.push(url);
        return route.abort("blockedbyclient");
      });
      return context;
    },
    async open(context, url) {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      page.on("console", (m) => {
        if (m.type() === "error" || m.type() === "warning") errors.push(m.text());
      });
      await page.goto(url, { waitUntil: "load" });
      await page.waitForFunction(() => (window as { __guideReady?: boolean }).__guideReady === true, undefined, { timeout: 10_000 });
      return { page, errors };
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(work, { recursive: true, force: true });
    },
  };
}
