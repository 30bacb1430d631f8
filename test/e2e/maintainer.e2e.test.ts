/*
 * The list maintainer's day in the pane (Chromium, fake Excel): one card per problem, a narrow
 * pane that stays tidy, and the huvudmän decision flow – finding → decision recorded in the
 * Beslut sheet → publishing allowed. Every expectation below is written by hand from the fixture.
 */
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { toBuffer } from "../helpers/xlsxFixtures";
import { B3_HEADERS, B4_HEADERS, LIST_HEADERS, workbook } from "../helpers/workbooks";
import { publishReadiness } from "../../src/core/editions/readiness";
import { readWorkbook } from "../../src/core/model";
import { MATTER_HEADERS, nextMatterId } from "../../src/core/matters";
import { eventually, screenshot, setupE2E, type Pane } from "./harness";

jest.setTimeout(60_000);

const e2e = setupE2E();

const K = "Kommun";
const R = "Region";

function listRow(iso: string, title: string, payers: readonly string[], extra: Record<string, string> = {}): Array<string | null> {
  const values: Record<string, string> = { "ISO-kod": iso, Benämning: title, SÄBO: payers[0]!, "LSS bostad": payers[1]!, "LSS daglig verksamhet": payers[2]!, "SoL dagverksamhet": payers[3]!, ...extra };
  return LIST_HEADERS.map((h) => values[h] ?? null);
}

function addRows(ws: ExcelJS.Worksheet, rows: ReadonlyArray<ReadonlyArray<string | null>>): void {
  rows.forEach((cells, i) => cells.forEach((v, j) => v !== null && (ws.getCell(i + 1, j + 1).value = v)));
}

/**
 * Ready to publish as 2026:1 except for one question for the huvudmän: row 3 puts hearing aids
 * (22 06 15, under the Region principle 22 06) on Kommun in all four housing forms.
 */
async function maintainerWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  addRows(wb.addWorksheet("Bilaga 1"), [
    [...LIST_HEADERS],
    listRow("12 22", "Manuellt drivna rullstolar", [K, K, K, K]),
    listRow("22 06 15", "Hörapparater", [K, K, K, K], { Motivering: "Enklare hörselhjälpmedel i boendet", "Ekonomisk beräkning": "0", Konsekvensanalys: "Ingen" }),
    listRow("12 23", "Eldrivna rullstolar", [R, R, R, R]),
  ]);
  addRows(wb.addWorksheet("Bilaga 2"), [[...LIST_HEADERS]]);
  addRows(wb.addWorksheet("Bilaga 3"), [[...B3_HEADERS]]);
  addRows(wb.addWorksheet("Bilaga 4"), [[...B4_HEADERS]]);
  addRows(wb.addWorksheet("Utgåva"), [
    ["Fält", "Värde"],
    ["Utgåva", "2026:1"],
    ["Beslutad", "2025-10-01"],
    ["Giltig från", "2026-01-01"],
  ]);
  return toBuffer(wb);
}

/** The maintainer's workbook with a register of matters: one open (12 22), one lifted to the huvudmän, one closed. */
async function workbookWithMatters(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await maintainerWorkbook()) as unknown as ArrayBuffer);
  addRows(wb.addWorksheet("Ärenden"), [
    [...MATTER_HEADERS],
    MATTER_HEADERS.map((h) => ({ Ärende: "2026-01", Inkom: "2026-02-01", Typ: "Tolkningsfråga", "ISO-kod": "12 22 03", Beskrivning: "Gäller 12 22 även transportrullstolar?", Status: "Bereds" })[h] ?? null),
    MATTER_HEADERS.map((h) => ({ Ärende: "2026-02", Inkom: "2026-03-01", Typ: "Ändringsförslag", "ISO-kod": "12 23", Status: "Lyft till huvudmännen" })[h] ?? null),
    MATTER_HEADERS.map((h) => ({ Ärende: "2025-07", Inkom: "2025-09-01", Typ: "Avvikelse", Status: "Avslutad", Avslutad: "2025-12-01" })[h] ?? null),
  ]);
  return toBuffer(wb);
}

const fake = <T>(page: Page, fn: (x: Window["__fakeExcel"]) => T): Promise<T> => page.evaluate(`(${fn.toString()})(window.__fakeExcel)`) as Promise<T>;

async function validate(page: Page): Promise<void> {
  await page.click("#tab-validate");
  await page.click("#run-validation");
  await page.waitForFunction(() => !document.querySelector<HTMLElement>("#summary")!.hidden && !document.querySelector<HTMLButtonElement>("#run-validation")!.disabled);
}

function expectNoErrors(pane: Pane): void {
  expect(pane.pageErrors).toEqual([]);
  expect(pane.consoleErrors).toEqual([]);
}

describe("the register of matters in the pane", () => {
  it("lists open matters by age with the rows they touch, the decided apart, turns a finding into a matter on a click, and makes the annual report sheet", async () => {
    const pane = await e2e.openPane({ workbook: await workbookWithMatters() });
    const { page } = pane;
    await validate(page);
    await page.click("#tab-matters");
    // Open, oldest first (a matter lifted to the huvudmän is open until they decide); the closed one apart.
    expect(await page.$$eval("#matters-open > li", (lis) => lis.map((li) => (li as HTMLElement).dataset.matter))).toEqual(["2026-01", "2026-02"]);
    expect(await page.$$eval("#matters-decided > li", (lis) => lis.map((li) => (li as HTMLElement).dataset.matter))).toEqual(["2025-07"]);
    // 2026-01 names 12 22 03: the 12 22 row above it answers for it; the button goes to its ISO cell.
    await page.click('#matters-open button[data-sheet="Bilaga 1"][data-row="2"]');
    await eventually(async () => expect(await fake(page, (x) => x.selected)).toEqual({ sheet: "Bilaga 1", address: "A2" }));

    // Beslut: the hearing-aid row needs the huvudmän; "Lägg till som ärende" writes one Ärenden row, nothing else.
    await page.click("#tab-decisions");
    const before = await fake(page, (x) => x.getValue("Ärenden", "A5"));
    expect(before).toBeNull();
    await page.click("#record-matter");
    const id = nextMatterId([{ id: "2026-01" }, { id: "2026-02" }, { id: "2025-07" }] as never, new Date().getFullYear());
    await eventually(async () => expect(await page.textContent("#decision-status")).toMatch(new RegExp(`^Ärende ${id} för Bilaga 1 rad 3`)));
    const written = await fake(page, (x) => ["A5", "D5", "E5", "H5"].map((a) => x.getValue("Ärenden", a)));
    expect(written).toEqual([id, "Ändringsförslag", "22 06 15", "Inkommen"]);
    expect(await fake(page, (x) => ["C3", "D3", "E3", "F3"].map((a) => x.getValue("Bilaga 1", a)))).toEqual([K, K, K, K]);
    await page.click("#tab-matters");
    await eventually(async () => expect(await page.$$eval("#matters-open > li", (lis) => lis.map((li) => (li as HTMLElement).dataset.matter))).toContain(id));

    // The annual report as a new sheet, from the same core derivation as the command.
    await page.fill("#annual-year", "2026");
    await page.click("#annual-run");
    await eventually(async () => expect(await page.textContent("#matters-status")).toMatch(/^Skapade bladet Årsrapport 2026/));
    expect(await fake(page, (x) => x.getValue("Årsrapport 2026", "A1"))).toBe("Årsrapport 2026 – kostnadsansvar för hjälpmedel i Stockholms län");
    expectNoErrors(pane);
  });
});

describe("the pane at 320–350 px", () => {
  it.each([320, 350])("keeps the seven tabs on one row and the filters collapsed at %i px", async (width) => {
    const pane = await e2e.openPane({ workbook: await maintainerWorkbook() });
    const { page } = pane;
    await page.setViewportSize({ width, height: 800 });
    const tabs = await page.$$eval(".tabs [role=tab]", (buttons) =>
      buttons.map((b) => {
        const r = b.getBoundingClientRect();
        return { text: b.textContent, top: r.top, right: r.right };
      }),
    );
    expect(tabs.map((t) => t.text)).toEqual(["Granska", "Beslut", "Ärenden", "Publicera", "Kostnader", "Fråga", "Skapa"]);
    expect(new Set(tabs.map((t) => t.top)).size).toBe(1);
    // Every tab is fully visible without scrolling.
    expect(Math.max(...tabs.map((t) => t.right))).toBeLessThanOrEqual(width);
    expect(await page.$eval("details.filters-box", (d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await page.isVisible("#filter-text")).toBe(false);
    // The help page is one click away.
    expect(await page.getAttribute("#help-link", "href")).toBe("hjalp.html");
    expectNoErrors(pane);
  });
});

describe("findings grouped by cause", () => {
  it("shows the hearing-aid row once, naming its four cells, with one flag button", async () => {
    const pane = await e2e.openPane({ workbook: await maintainerWorkbook() });
    const { page } = pane;
    await validate(page);
    const cards = await page.$$eval("#findings li.finding", (lis) =>
      lis.map((li) => ({ code: li.dataset.code, cells: li.dataset.cells, flags: li.querySelectorAll("button.flag").length })),
    );
    expect(cards).toEqual([{ code: "REGION_AREA", cells: "C3 D3 E3 F3", flags: 1 }]);
    expect(await page.textContent("#findings li.finding .message")).toMatch(/står här på Kommun för SÄBO, LSS bostad, LSS daglig verksamhet och SoL dagverksamhet\./);
    // The review's status belongs to its view; other views do not show it.
    // One problem, counted alike by the status line, the tile and the list's heading.
    expect(await page.textContent("#validate-status")).toMatch(/^Granskat .*: 1 fel, 0 varningar, 0 upplysningar \(i 4 celler\), varav 1 kräver huvudmannabeslut\./);
    expect(await page.textContent('#summary [data-count="errors"]')).toBe("1");
    expect(await page.textContent('#summary [data-count="needsDecision"]')).toBe("1");
    expect(await page.$$eval("#findings h4", (hs) => hs.map((h) => h.textContent))).toEqual(["Fel (1)"]);
    expect(await page.textContent("#status")).toBe("");
    await page.click("#tab-publish");
    expect(await page.isVisible("#validate-status")).toBe(false);
    expectNoErrors(pane);
  });
});

describe("huvudmän decisions in the pane", () => {
  it("blocks publishing until the decision is recorded in the Beslut sheet, then publishes", async () => {
    const pane = await e2e.openPane({ workbook: await maintainerWorkbook() });
    const { page } = pane;
    await validate(page);

    // Publicera: blocked, with the row that must be decided.
    await page.click("#tab-publish");
    expect(await page.inputValue("#publish-name")).toBe("2026:1");
    expect(await page.isDisabled("#publish-run")).toBe(true);
    const blockers = await page.$$eval("#publish-blockers > li", (lis) => lis.map((li) => li.firstChild!.textContent));
    expect(blockers).toEqual([
      "1 problem väntar på huvudmännens beslut (§6.3). För in besluten i bladet Beslut (datum, beslutsreferens, ISO-kod, bilaga, boendeform, beslut) – eller ändra raderna – innan utgåvan publiceras:",
    ]);
    expect(await page.$$eval("#publish-blockers li li", (lis) => lis.map((li) => li.textContent))).toEqual(["Bilaga 1 rad 3: 22 06 15 Hörapparater (REGION_AREA §2.2)"]);

    // Beslutsunderlag: the row waits for a decision; nothing is decided yet.
    await page.click("#tab-decisions");
    expect(await page.$$eval("#decision-table tbody tr", (trs) => trs.map((tr) => `${(tr as HTMLElement).dataset.sheet}!${(tr as HTMLElement).dataset.row}`))).toEqual(["Bilaga 1!3"]);
    expect(await page.textContent("#undecided-heading")).toBe("Väntar på beslut (1)");
    expect(await page.isVisible("#decided-table")).toBe(false);
    expect(await fake(page, (x) => x.sheetNames())).not.toContain("Beslut");

    // A decision without a date writes nothing.
    await page.fill("#record-reference", "HSN 2025/88");
    await page.fill("#record-decision-text", "Kommunen bekostar enklare hörselhjälpmedel i boendet");
    await page.click("#record-run");
    await eventually(async () => expect(await page.textContent("#decision-status")).toBe("Fyll i beslutsdatum (ÅÅÅÅ-MM-DD). Inget skrevs."));
    expect(await fake(page, (x) => x.sheetNames())).not.toContain("Beslut");

    await page.fill("#record-date", "2025-09-15");
    await page.fill("#record-by", "Huvudmännen");
    await page.click("#record-run");
    await eventually(async () => expect(await page.textContent("#decision-status")).toBe("Beslutet för Bilaga 1 rad 3: 22 06 15 Hörapparater är infört i bladet Beslut."));

    // Only the Beslut sheet was written: its header and the one decision.
    const beslut = await fake(page, (x) => ["A", "B", "C", "D", "E", "F", "G"].map((c) => [x.getValue("Beslut", `${c}1`), x.getValue("Beslut", `${c}2`)]));
    expect(beslut).toEqual([
      ["Datum", "2025-09-15"],
      ["Beslutsreferens", "HSN 2025/88"],
      ["ISO-kod", "22 06 15"],
      ["Bilaga", "Bilaga 1"],
      ["Boendeform", null],
      ["Beslut", "Kommunen bekostar enklare hörselhjälpmedel i boendet"],
      ["Beslutat av", "Huvudmännen"],
    ]);
    expect(await fake(page, (x) => ["C3", "D3", "E3", "F3"].map((a) => x.getValue("Bilaga 1", a)))).toEqual([K, K, K, K]);

    // The row now shows as decided, apart from what still waits.
    expect(await page.$$eval("#decision-table tbody tr", (trs) => trs.length)).toBe(0);
    expect(await page.$$eval("#decided-table tbody td", (tds) => tds.map((td) => td.textContent))).toEqual([
      "Bilaga 1",
      "3",
      "22 06 15",
      "Hörapparater",
      "REGION_AREA §2.2",
      "Kommunen bekostar enklare hörselhjälpmedel i boendet",
      "2025-09-15",
      "HSN 2025/88",
    ]);
    await screenshot(page, "beslut");

    // Granska keeps the finding visible, marked as decided, without a flag button.
    await page.click("#tab-validate");
    expect(await page.textContent('#findings li.finding[data-code="REGION_AREA"] .badge')).toBe("Beslutat 2025-09-15, HSN 2025/88");
    expect(await page.locator("#findings button.flag").count()).toBe(0);
    expect(await page.textContent('#summary [data-count="errors"]')).toBe("0");
    expect(await page.textContent('#summary [data-count="decided"]')).toBe("1");

    // Publicera: allowed now.
    await page.click("#tab-publish");
    await eventually(async () => expect(await page.isEnabled("#publish-run")).toBe(true));
    await page.click("#publish-run");
    await eventually(async () => expect(await page.textContent("#publish-status")).toMatch(/^Publicerade utgåva 2026:1/));

    // Fråga answers as decided (rule 2a), the same as the CLI and the guide: Kommun, DECIDED_EXCEPTION.
    await page.click("#tab-lookup");
    await page.fill("#iso", "22 06 15");
    await page.selectOption("#boendeform", "SABO");
    await page.fill("#age", "80");
    await page.locator("#lookup-form [type=submit]").click();
    await eventually(async () => expect(await page.textContent("#answer-code")).toBe("Regel DECIDED_EXCEPTION, §6.3"));
    expect([await page.getAttribute("#answer", "data-payer"), (await page.textContent("#answer-payer"))?.trim()]).toEqual(["Kommun", "Kommunen betalar"]);
    expect(await page.textContent("#answer-explanation")).toContain("HSN 2025/88");
    expectNoErrors(pane);
  });

  it("refuses dates that are not ÅÅÅÅ-MM-DD in Publicera, in Swedish", async () => {
    const pane = await e2e.openPane({ workbook: await maintainerWorkbook() });
    const { page } = pane;
    await validate(page);
    await page.click("#tab-publish");
    await page.fill("#publish-decided", "1/10/2025");
    expect(await page.$$eval("#publish-blockers > li", (lis) => lis.map((li) => li.firstChild!.textContent))).toContain("Beslutad ”1/10/2025” är inget datum. Ange ÅÅÅÅ-MM-DD.");
    // Empty dates: the core's DATE_MISSING blockers, word for word as publicera gets them.
    await page.fill("#publish-decided", "");
    await page.fill("#publish-effective", "");
    const missing = publishReadiness(readWorkbook(workbook({})), [], { name: "x", decided: "", effective: "" }).blockers.filter((b) => b.code === "DATE_MISSING");
    expect(missing).toHaveLength(2);
    expect(await page.$$eval("#publish-blockers > li", (lis) => lis.map((li) => li.firstChild!.textContent))).toEqual(expect.arrayContaining(missing.map((b) => b.message)));
    expect(await page.isDisabled("#publish-run")).toBe(true);
    expect(await page.textContent("#publish-previous-file-name")).toBe("Ingen fil vald");
    expect(await page.textContent('label[for="publish-previous-file"]')).toBe("Välj fil …");
    expectNoErrors(pane);
  });
});

describe("the help page", () => {
  it("covers every function, the datum argument, KOSTNADSFÖRSKJUTNING and every view of the pane", async () => {
    const pane = await e2e.openPane({ workbook: null });
    const { page } = pane;
    await page.goto(`${e2e.baseUrl}hjalp.html`);
    const text = (await page.textContent("main"))!;
    for (const fn of ["HJM.VEM_BETALAR(", "HJM.VEM_BETALAR_VARFÖR(", "HJM.ISO_BENÄMNING(", "HJM.ISO_NORMALISERA(", "HJM.KOSTNADSFÖRSKJUTNING("]) expect(text).toContain(fn);
    expect(text).toMatch(/datum – svara enligt den utgåva som gällde/);
    for (const view of ["Granska", "Beslut (beslutsunderlag)", "Publicera", "Kostnader", "Fråga (vem betalar?)", "Skapa"]) {
      expect(await page.locator("main dt", { hasText: view }).count()).toBeGreaterThan(0);
    }
  });
});
