/**
 * Round trips per pane action, as Excel on the web feels them: the production pane in Chromium
 * against the strict Office stand-in (test/e2e/fakeOffice.js), which counts every
 * `context.sync()` and the bytes each carries (the payload limit is Excel on the web's 5 MB). An
 * action's figure is the syncs from the click to the pane going quiet (no sync for QUIET_MS):
 * background work the action starts counts too. Two sizes per action where the size could matter,
 * so that "independent of the number of rows" is a measured claim: below the payload limit it is;
 * above it, the floor is one sync per 5 MB of cells.
 */
import ExcelJS from "exceljs";
import { SHEET_SPECS } from "../src/core/sheets";
import { startE2E, type Pane } from "../test/e2e/browser";
import { B3_HEADERS, LIST_HEADERS } from "../test/helpers/workbooks";
import { generatedCode, toBuffer } from "../test/helpers/xlsxFixtures";

const QUIET_MS = 400;

type Wire = { syncs: number; request: number; response: number };
const wire = async (pane: Pane): Promise<Wire> =>
  (await pane.page.evaluate("({ syncs: window.__fakeExcel.syncCount, ...window.__fakeExcel.wireBytes })")) as Wire;

/** Waits until no sync has happened for QUIET_MS (the pane's background work is done). */
async function quiet(pane: Pane): Promise<void> {
  let last = (await wire(pane)).syncs;
  let since = Date.now();
  for (const end = Date.now() + 120_000; Date.now() < end; ) {
    await new Promise((r) => setTimeout(r, 50));
    const now = (await wire(pane)).syncs;
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= QUIET_MS) return;
  }
  throw new Error("bench: the pane never went quiet");
}

/** The syncs and bytes of `act` (from quiet to quiet). */
async function measure(pane: Pane, act: () => Promise<void>): Promise<Wire> {
  await quiet(pane);
  const before = await wire(pane);
  await act();
  await quiet(pane);
  const after = await wire(pane);
  if (pane.pageErrors.length > 0) throw new Error(`bench: the pane failed: ${pane.pageErrors.join("\n")}`);
  return { syncs: after.syncs - before.syncs, request: after.request - before.request, response: after.response - before.response };
}

/**
 * Bilaga 1 of `rows` generated rows (as the size tests' largeWorkbook), the first `deviating` of
 * them under the Region principle 22 06 with Kommun paying (each needs a huvudmän decision), the
 * other bilagor with headers, an Utgåva sheet ready for 2026:1, and optionally a sheet of
 * `costLines` quarterly cost lines.
 */
async function benchWorkbook(rows: number, { deviating = 0, costLines = 0 } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const b1 = wb.addWorksheet(SHEET_SPECS.B1.name);
  b1.addRow([...LIST_HEADERS]);
  for (let i = 0; i < deviating; i++) b1.addRow([`22 06 ${String(10 + i).padStart(2, "0")}`, `Hörhjälpmedel ${i}`, "Kommun", "Kommun", "Region", "Region"]);
  for (let i = deviating; i < rows; i++) b1.addRow([generatedCode(i), `Produktgrupp ${i}`, "Kommun", "Region", "Kommun", "Kommun"]);
  wb.addWorksheet(SHEET_SPECS.B2.name).addRow([...LIST_HEADERS]);
  wb.addWorksheet(SHEET_SPECS.B3.name).addRow([...B3_HEADERS]);
  wb.addWorksheet(SHEET_SPECS.B4.name).addRow(SHEET_SPECS.B4.columns.map((c) => c.header));
  const utgava = wb.addWorksheet(SHEET_SPECS.UTGAVA.name);
  for (const row of [["Fält", "Värde"], ["Utgåva", "2026:1"], ["Beslutad", "2025-10-01"], ["Giltig från", "2026-01-01"]]) utgava.addRow(row);
  if (costLines > 0) {
    const costs = wb.addWorksheet("Kostnadsrader");
    costs.addRow(["kommun", "kvartal", "iso", "boendeform", "ålder", "belopp"]);
    const kommuner = ["Solna", "Nacka", "Huddinge", "Täby", "Botkyrka"];
    for (let i = 0; i < costLines; i++) costs.addRow([kommuner[i % 5], `2026Q${1 + (i % 4)}`, generatedCode(i % rows), "SÄBO", 80, 100 + (i % 900)]);
  }
  return toBuffer(wb);
}

const click = (pane: Pane, selector: string) => pane.page.click(selector);
/** Waits for `condition` in the page (a function, not a string: the pane's CSP forbids eval). */
const until = (pane: Pane, condition: () => boolean) => pane.page.waitForFunction(condition, undefined, { timeout: 120_000 }).then(() => undefined);
const VALIDATED = () => !document.getElementById("summary")!.hidden && !(document.getElementById("run-validation") as HTMLButtonElement).disabled;

export interface PaneSyncFigures {
  paneSyncsValidate2k: number;
  paneSyncsValidate20k: number;
  paneBytesValidate2k: number;
  paneBytesValidate20k: number;
  paneSyncsFlag50: number;
  paneSyncsFlag5: number;
  paneSyncsUnflag50: number;
  paneSyncsPublish2k: number;
  paneSyncsPublish20k: number;
  paneSyncsCreate: number;
  paneSyncsFollowUp100k: number;
  paneSyncsFollowUp10k: number;
  paneBytesFollowUp100k: number;
}

export async function paneSyncFigures(): Promise<PaneSyncFigures> {
  const e2e = await startE2E();
  try {
    const validate = async (rows: number) => {
      const pane = await e2e.openPane({ workbook: await benchWorkbook(rows) });
      const w = await measure(pane, async () => {
        await click(pane, "#run-validation");
        await until(pane, VALIDATED);
      });
      await pane.page.close();
      return w;
    };
    const flag = async (deviating: number) => {
      const pane = await e2e.openPane({ workbook: await benchWorkbook(2_000, { deviating }) });
      await click(pane, "#run-validation");
      await until(pane, VALIDATED);
      const flagged = await measure(pane, async () => {
        await click(pane, "#flag-all");
        await until(pane, () => !(document.getElementById("unflag-all") as HTMLButtonElement).disabled);
      });
      const status = (await pane.page.evaluate(`Array.from({ length: ${deviating} }, (_, i) => window.__fakeExcel.getValue("Bilaga 1", "J" + (i + 2)))`)) as unknown[];
      if (status.some((s) => s !== "Kräver huvudmannabeslut")) throw new Error(`bench: not every deviating row was flagged: ${JSON.stringify(status)}`);
      const unflagged = await measure(pane, async () => {
        await click(pane, "#unflag-all");
        await until(pane, () => (document.getElementById("unflag-all") as HTMLButtonElement).disabled);
      });
      await pane.page.close();
      return { flagged, unflagged };
    };
    const publish = async (rows: number) => {
      const pane = await e2e.openPane({ workbook: await benchWorkbook(rows) });
      await click(pane, "#run-validation");
      await until(pane, VALIDATED);
      await click(pane, "#tab-publish");
      try {
        await until(pane, () => !(document.getElementById("publish-run") as HTMLButtonElement).disabled);
      } catch {
        throw new Error(`bench: Publicera stays disabled: ${await pane.page.textContent("#publish-blockers")}`);
      }
      const w = await measure(pane, async () => {
        await click(pane, "#publish-run");
        await until(pane, () => !document.getElementById("publish-download")!.hidden || /avbröts|Kunde inte/.test(document.getElementById("publish-status")!.textContent ?? ""));
        if (await pane.page.isHidden("#publish-download")) throw new Error(`bench: publishing failed: ${await pane.page.textContent("#publish-status")} ${await pane.page.textContent("#publish-blockers")}`);
      });
      await pane.page.close();
      return w;
    };
    const create = async () => {
      const pane = await e2e.openPane({ workbook: null });
      await click(pane, "#tab-create");
      const w = await measure(pane, async () => {
        await click(pane, "#create-sheets");
        await until(pane, () => window.__fakeExcel.sheetNames().includes("Bilaga 1"));
      });
      await pane.page.close();
      return w;
    };
    const followUp = async (lines: number) => {
      const pane = await e2e.openPane({ workbook: await benchWorkbook(200, { costLines: lines }) });
      await click(pane, "#tab-costs");
      await until(pane, () => document.querySelector('#follow-up-sheet option[value="Kostnadsrader"]') !== null);
      await pane.page.selectOption("#follow-up-sheet", "Kostnadsrader");
      const w = await measure(pane, async () => {
        await click(pane, "#follow-up-run");
        await until(pane, () => window.__fakeExcel.sheetNames().includes("Uppföljning"));
      });
      await pane.page.close();
      return w;
    };
    // One after the other (one browser, one machine); BENCH_VERBOSE=1 prints each as it is measured.
    const step = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
      const w = await run();
      if (process.env.BENCH_VERBOSE) console.error(what, JSON.stringify(w));
      return w;
    };
    const v2k = await step("Granska 2 000", () => validate(2_000));
    const v20k = await step("Granska 20 000", () => validate(20_000));
    const f50 = await step("Markera 50", () => flag(50));
    const f5 = await step("Markera 5", () => flag(5));
    const p2k = await step("Publicera 2 000", () => publish(2_000));
    const p20k = await step("Publicera 20 000", () => publish(20_000));
    const c = await step("Skapa", create);
    const u10k = await step("Uppföljning 10 000", () => followUp(10_000));
    const u100k = await step("Uppföljning 100 000", () => followUp(100_000));
    return {
      paneSyncsValidate2k: v2k.syncs,
      paneSyncsValidate20k: v20k.syncs,
      paneBytesValidate2k: v2k.request + v2k.response,
      paneBytesValidate20k: v20k.request + v20k.response,
      paneSyncsFlag50: f50.flagged.syncs,
      paneSyncsFlag5: f5.flagged.syncs,
      paneSyncsUnflag50: f50.unflagged.syncs,
      paneSyncsPublish2k: p2k.syncs,
      paneSyncsPublish20k: p20k.syncs,
      paneSyncsCreate: c.syncs,
      paneSyncsFollowUp10k: u10k.syncs,
      paneSyncsFollowUp100k: u100k.syncs,
      paneBytesFollowUp100k: u100k.request + u100k.response,
    };
  } finally {
    await e2e.close();
  }
}

if (require.main === module) {
  paneSyncFigures().then(
    (f) => console.log(JSON.stringify(f, null, 2)),
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
