/*
 * The browser behind the pane's tests and the bench (no jest here; test/e2e/harness.ts wraps it
 * for a test file). The task pane: the production bundle, served on 127.0.0.1, in Debian's
 * Chromium (playwright-core drives it; Playwright's own browsers are never downloaded), with
 * test/e2e/fakeOffice.js answering in place of Microsoft's office.js.
 *
 *   const e2e = await startE2E();           // builds, serves, launches
 *   const pane = await e2e.openPane({ workbook: await someXlsx() });
 *   await pane.page.click("#run-validation");
 *   await e2e.close();
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

/** The repository root, from test/e2e/ or from the bench's compiled copy in dist/bench/test/e2e/. */
const ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? "../../../.." : "../..");
export const CHROMIUM = "/usr/bin/chromium";
const FAKE_OFFICE = path.join(ROOT, "test", "e2e", "fakeOffice.js");
const SCREENSHOTS = path.join(ROOT, "test", "e2e", "screenshots");
const OFFICE_CDN = "https://appsforoffice.microsoft.com/";
/** The pane's width in Excel is about 350 px. */
const VIEWPORT = { width: 380, height: 900 };

export { toFakeWorkbook, type FakeCell, type FakeWorkbook } from "./fakeWorkbook";
import { toFakeWorkbook, type FakeCell, type FakeWorkbook } from "./fakeWorkbook";

declare global {
  interface Window {
    __FAKE_WORKBOOK__?: FakeWorkbook;
    __FAKE_HOST__?: string;
    __xss?: unknown;
    /** Set by fakeOffice.js: the fake workbook's state, for assertions. */
    __fakeExcel: {
      readonly selected: { sheet: string; address: string } | null;
      readonly activeSheet: string | null;
      readonly syncCount: number;
      readonly wireBytes: { readonly request: number; readonly response: number };
      readonly calculateCount: number;
      /** Every successful load of a range's values, in order. */
      readonly valueLoads: ReadonlyArray<{ sheet: string; address: string; rows: number; cols: number; props: string[] }>;
      readonly functions: Record<string, (...args: unknown[]) => unknown>;
      readonly actions: Record<string, (event: { completed(): void }) => void>;
      sheetNames(): string[];
      getValue(sheet: string, a1: string): FakeCell;
      getFill(sheet: string, a1: string): string | null;
      getFormula(sheet: string, a1: string): string | null;
      getFillDetails(sheet: string, a1: string): { color: string; pattern: string; patternColor: string };
      customXmlParts(): string[];
      charts(sheet: string): Array<{ type: string; seriesBy: string; title: string; source: string | null }>;
      numberFormat(sheet: string, a1: string): unknown;
      isBold(sheet: string, a1: string): boolean;
      frozenRows(sheet: string): number;
      dataValidation(sheet: string, a1: string): unknown;
      setValue(sheet: string, a1: string, value: FakeCell): void;
      /** The user deletes a sheet (onDeleted fires later, as in Excel). */
      deleteSheet(name: string): void;
    };
  }
}

// ------------------------------------------------------------------ build and serve

/** The production build (as `npm run build`) into a temporary folder, in a child process. */
function buildBundle(out: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", out], {
      cwd: ROOT,
      env: { ...process.env, ADDIN_URL: "https://hjalpmedel.example.se/kostnadsansvar/" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    child.stdout.on("data", (d) => (log = (log + d).slice(-20_000)));
    child.stderr.on("data", (d) => (log = (log + d).slice(-20_000)));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`webpack failed (${code}):\n${log}`))));
  });
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
};

/** Serves `dir` read-only on 127.0.0.1 (GET/HEAD, files inside `dir` only, few connections). */
function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    const file = path.join(dir, path.normalize(pathname));
    const inside = file.startsWith(dir + path.sep);
    if ((req.method !== "GET" && req.method !== "HEAD") || !inside || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(pathname === "/favicon.ico" ? 204 : 404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store" });
    res.end(req.method === "HEAD" ? undefined : readFileSync(file));
  });
  server.maxConnections = 32;
  server.requestTimeout = 10_000;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}

// ------------------------------------------------------------------ the browser

export interface OpenPaneOptions {
  /** The open workbook as .xlsx, or null for an empty workbook with one sheet. */
  workbook: Buffer | null;
  host?: "Excel" | "Word";
  /** false: office.js cannot be loaded at all (the page is opened outside Office, or the CDN is blocked). */
  office?: boolean;
  /** Script files (by name, e.g. "kostnader.js") that arrive this many ms late: a slow network. */
  slowScripts?: { readonly names: readonly string[]; readonly ms: number };
}

export interface Pane {
  page: Page;
  /** Uncaught exceptions and unhandled rejections in the page. */
  pageErrors: string[];
  /** console.error messages. */
  consoleErrors: string[];
}

export interface E2E {
  openPane(options: OpenPaneOptions): Promise<Pane>;
  /** The URL the bundle is served from (http://127.0.0.1:port/). */
  readonly baseUrl: string;
}

/**
 * Retries an assertion until it passes (the pane works asynchronously), then returns its value;
 * after `timeout` ms the last failure is thrown.
 */
export async function eventually<T>(check: () => Promise<T> | T, timeout = 5_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > end) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** Saves a full-page PNG to test/e2e/screenshots/<name>.png (that folder is git-ignored). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Builds the bundle, serves it and launches Chromium, outside jest (the bench uses it too);
 * `close()` ends it all and removes the temporary folder.
 */
export async function startE2E(): Promise<E2E & { close(): Promise<void> }> {
  let server: http.Server | null = null;
  let context: BrowserContext | null = null;
  const fakeOffice = readFileSync(FAKE_OFFICE, "utf8");
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium saknas (${CHROMIUM}); webbläsartesterna kräver det. Installera: apt-get install -y chromium`);
  }
  const work = mkdtempSync(path.join(tmpdir(), "kostnadsansvar-e2e-"));
  const out = path.join(work, "addin");
  const close = async () => {
    await context?.close().catch(() => undefined);
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server!.close(() => resolve()));
    }
    rmSync(work, { recursive: true, force: true });
  };
  try {
    // Build and start the browser at the same time: both take a few seconds. Wait for both even
    // when one fails, so that a browser that did start is closed.
    const [built, launched] = await Promise.allSettled([
      buildBundle(out),
      chromium.launchPersistentContext(path.join(work, "profile"), {
        executablePath: CHROMIUM,
        headless: true,
        args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=sv-SE"],
        viewport: VIEWPORT,
        locale: "sv-SE",
        timeout: 30_000,
      }),
    ]);
    if (launched.status === "fulfilled") context = launched.value;
    if (built.status === "rejected") throw built.reason;
    if (launched.status === "rejected") throw launched.reason;
    server = await serve(out);
  } catch (e) {
    await close();
    throw e;
  }
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  async function openPane({ workbook, host = "Excel", office = true, slowScripts }: OpenPaneOptions): Promise<Pane> {
    if (!context) throw new Error("setupE2E: the browser did not start (see beforeAll)");
    const fake: FakeWorkbook = workbook ? await toFakeWorkbook(workbook) : { sheets: [{ name: "Blad1", cells: [] }] };
    const page = await context.newPage();
    const pane: Pane = { page, pageErrors: [], consoleErrors: [] };
    page.on("pageerror", (e) => pane.pageErrors.push(String(e.stack ?? e)));
    page.on("console", (m) => {
      if (m.type() === "error") pane.consoleErrors.push(m.text());
    });
    // office.js comes from the fake; nothing but the local server is reachable.
    await page.route(`${OFFICE_CDN}**`, (route) =>
      office ? route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: fakeOffice }) : route.abort("blockedbyclient"),
    );
    await page.route(
      (url) => !url.href.startsWith(OFFICE_CDN),
      (route) => (new URL(route.request().url()).hostname === "127.0.0.1" ? route.continue() : route.abort("blockedbyclient")),
    );
    if (slowScripts) {
      await page.route(
        (url) => slowScripts.names.some((n) => url.pathname.endsWith(`/${n}`)),
        async (route) => {
          await new Promise((r) => setTimeout(r, slowScripts.ms));
          await route.fallback();
        },
      );
    }
    await page.addInitScript(
      ({ wb, h }) => {
        window.__FAKE_WORKBOOK__ = wb;
        window.__FAKE_HOST__ = h;
      },
      { wb: fake, h: host },
    );
    await page.goto(`${baseUrl}taskpane.html`, { waitUntil: "load" });
    // In Excel the pane has started once Office.onReady's callback has run; it registers the
    // ribbon commands then (shared runtime), which is something the fake can see.
    if (office && host === "Excel") await page.waitForFunction(() => Object.keys(window.__fakeExcel.actions).length > 0, undefined, { timeout: 10_000 });
    return pane;
  }

  return { openPane, baseUrl, close };
}
