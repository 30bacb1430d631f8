/*
 * Browser tests of the task pane (see test/e2e/browser.ts): one browser per test file.
 *
 *   const e2e = setupE2E();                 // in a test file: builds, serves, launches (beforeAll/afterAll)
 *   const pane = await e2e.openPane({ workbook: await someXlsx() });
 *   await pane.page.click("#run-validation");
 */
import { startE2E, type E2E } from "./browser";

export * from "./browser";

/**
 * Registers beforeAll/afterAll for one test file: builds the bundle once, serves it, launches one
 * Chromium with a fresh profile. Every openPane is a new page (a new fake workbook); pages are
 * closed in afterAll.
 */
export function setupE2E(): E2E {
  let started: (E2E & { close(): Promise<void> }) | null = null;
  let failure: unknown = null;
  // A loaded machine builds slowly: E2E_SETUP_TIMEOUT_MS gives the build more time.
  beforeAll(async () => {
    try {
      started = await startE2E();
    } catch (e) {
      failure = e;
      throw e;
    }
  }, Number(process.env.E2E_SETUP_TIMEOUT_MS ?? 90_000));
  afterAll(async () => {
    await started?.close();
  }, 30_000);
  return {
    openPane: (options) => {
      if (!started) throw new Error(`setupE2E: the browser did not start (see beforeAll)${failure ? `: ${String(failure)}` : ""}`);
      return started.openPane(options);
    },
    get baseUrl() {
      return started?.baseUrl ?? "";
    },
  };
}

