/*
 * The task pane in a real browser (Debian's Chromium) against the strict Office.js stand-in
 * (fakeOffice.js). Expected findings are written by hand from the fixtures (fixtures.ts), never
 * computed by the core: a core regression must fail here too.
 */
import { RULE_SV, payerHeadline } from "../../src/core/editions/guideText";
import { readWorkbook } from "../../src/core/model";
import { buildWhoPaysIndex, whoPays } from "../../src/core/whoPays";
import type { Page } from "playwright-core";
import { exampleWorkbook } from "../../src/core/example/exampleWorkbook";
import { emptyWorkbook } from "../../src/core/template";
import { largeWorkbook } from "../helpers/xlsxFixtures";
import { parseEdition } from "../../src/core/editions/edition";
import { dateCodeWorkbook, DECISION_ROW, FORMULA_ROW, publishableWorkbook, reviewWorkbook, USER_FILL, workbookWithSheets, XSS } from "./fixtures";
import { eventually, screenshot, setupE2E, type Pane } from "./harness";

jest.setTimeout(60_000);

const e2e = setupE2E();

const FLAG_STATUS = "Kräver huvudmannabeslut";
const FLAG_FILL = "#FFF4CE";

let review: Buffer;

beforeAll(async () => {
  review = await reviewWorkbook();
});

interface Expected {
  readonly code: string;
  readonly sheet: string;
  readonly cell: string;
  readonly severity: "error" | "warning" | "info";
  readonly row: number;
  readonly needsDecision: boolean;
}

/** The review fixture's findings, by hand from reviewWorkbook() and docs/rules.md. */
const expected: readonly Expected[] = [
  // Row 2: Giltig från 2026-02-10 only a month after Beslutsdatum 2026-01-10 (both date cells).
  { code: "EFFECTIVE_TOO_EARLY", sheet: "Bilaga 1", cell: "L2", severity: "error", row: 2, needsDecision: false },
  // Row 3: 22 06 06 (hearing aids, a Region area) on Kommun in SÄBO; its Benämning is not the ISO title.
  { code: "REGION_AREA", sheet: "Bilaga 1", cell: "C3", severity: "error", row: 3, needsDecision: true },
  { code: "ISO_TITLE_MISMATCH", sheet: "Bilaga 1", cell: "B3", severity: "info", row: 3, needsDecision: false },
  // Row 4: 12 22 again, with another title.
  { code: "DUPLICATE", sheet: "Bilaga 1", cell: "A4", severity: "error", row: 4, needsDecision: false },
  { code: "ISO_TITLE_MISMATCH", sheet: "Bilaga 1", cell: "B4", severity: "info", row: 4, needsDecision: false },
  // Row 5: the number 93312 (09 33 12 without its zero), which the ISO 9999 sheet lacks.
  { code: "ISO_LEADING_ZERO", sheet: "Bilaga 1", cell: "A5", severity: "error", row: 5, needsDecision: false },
  { code: "ISO_UNKNOWN", sheet: "Bilaga 1", cell: "A5", severity: "warning", row: 5, needsDecision: false },
  // Row 6: no payer in LSS bostad; row 7: "Landstinget".
  { code: "PAYER_MISSING", sheet: "Bilaga 1", cell: "D6", severity: "error", row: 6, needsDecision: false },
  { code: "PAYER_INVALID", sheet: "Bilaga 1", cell: "D7", severity: "error", row: 7, needsDecision: false },
  // Bilaga 2 row 2: 22 03 09 (a Region area) on Kommun in SÄBO and LSS bostad.
  { code: "REGION_AREA", sheet: "Bilaga 2", cell: "C2", severity: "error", row: 2, needsDecision: true },
  { code: "REGION_AREA", sheet: "Bilaga 2", cell: "D2", severity: "error", row: 2, needsDecision: true },
  // Bilaga 4 row 2: 12 36 is not on the ISO 9999 sheet.
  { code: "ISO_UNKNOWN", sheet: "Bilaga 4", cell: "A2", severity: "warning", row: 2, needsDecision: false },
];
/**
 * The summary those findings give, counted by hand in problems (one cause on one row), as every
 * surface counts: Bilaga 2 row 2's two REGION_AREA cells are one problem, so 8 error cells are 7 problems (and 3 cells needing a decision are 2).
 */
const EXPECTED_COUNTS = { errors: 7, warnings: 2, info: 2, needsDecision: 2, decided: 0 };

/** One line per finding, sorted, for comparing the pane's list with the core's. */
const key = (f: { code: string; sheet: string; cell: string | null; severity: string }) => `${f.sheet}!${f.cell ?? ""} ${f.code} ${f.severity}`;

async function shownFindings(page: Page): Promise<string[]> {
  // A card is one cause: the cells of one row with one message (data-cells lists them all).
  const items = await page.$$eval("#findings li.finding", (lis) =>
    lis.flatMap((li) => li.dataset.cells!.split(" ").map((cell) => ({ code: li.dataset.code!, sheet: li.dataset.sheet!, cell, severity: li.dataset.severity! }))),
  );
  return items.map(key).sort();
}

async function counts(page: Page): Promise<Record<string, number>> {
  return page.$$eval("#summary [data-count]", (nodes) => Object.fromEntries(nodes.map((n) => [(n as HTMLElement).dataset.count!, Number(n.textContent)])));
}

/** Clicks Granska and waits until the run has finished and the summary is shown. */
async function validate(page: Page): Promise<void> {
  await page.click("#run-validation");
  await page.waitForFunction(() => !document.querySelector<HTMLElement>("#summary")!.hidden && !document.querySelector<HTMLButtonElement>("#run-validation")!.disabled);
}

const fake = <T>(page: Page, fn: (x: Window["__fakeExcel"]) => T): Promise<T> =>
  page.evaluate(`(${fn.toString()})(window.__fakeExcel)`) as Promise<T>;

/** Columns A..O of bilaga 1/2 in the fixtures (LIST_HEADERS). */
/** The sync count once the pane has gone quiet (no sync for 300 ms): background work finished. */
async function quietSyncs(page: Page): Promise<number> {
  let last = await fake(page, (x) => x.syncCount);
  for (let since = Date.now(); Date.now() - since < 300; ) {
    await new Promise((r) => setTimeout(r, 50));
    const now = await fake(page, (x) => x.syncCount);
    if (now !== last) [last, since] = [now, Date.now()];
  }
  return last;
}

const ROW_COLUMNS = "ABCDEFGHIJKLMNO".split("");

function expectNoErrors(pane: Pane): void {
  expect(pane.pageErrors).toEqual([]);
  expect(pane.consoleErrors).toEqual([]);
}

describe("the fake Excel itself", () => {
  it("batches like Office.js: loads are readable and writes applied only after sync", async () => {
    const pane = await e2e.openPane({ workbook: review });
    const result = await pane.page.evaluate(() =>
      Excel.run(async (context) => {
        const code = (f: () => unknown) => {
          try {
            f();
            return null;
          } catch (e) {
            return (e as { code?: string }).code ?? String(e);
          }
        };
        const ws = context.workbook.worksheets.getItem("bilaga 1"); // any case, as Excel
        const range = ws.getRange("A1:B2");
        range.load(["values", "valueTypes", "address"]);
        const beforeSync = code(() => range.values);
        ws.getRange("P1").values = [["ny"]];
        const writtenEarly = window.__fakeExcel.getValue("Bilaga 1", "P1");
        await context.sync();
        context.workbook.worksheets.getItem("Finns inte");
        const missing = await context.sync().then(
          () => null,
          (e: { code?: string }) => e.code,
        );
        return { beforeSync, writtenEarly, values: range.values, types: range.valueTypes, address: range.address, written: window.__fakeExcel.getValue("Bilaga 1", "P1"), missing };
      }),
    );
    expect(result).toEqual({
      beforeSync: "PropertyNotLoaded",
      writtenEarly: null,
      values: [
        ["ISO-kod", "Benämning"],
        ["12 22", "Manuellt drivna rullstolar"],
      ],
      types: [
        ["String", "String"],
        ["String", "String"],
      ],
      address: "'Bilaga 1'!A1:B2",
      written: "ny",
      missing: "ItemNotFound",
    });
  });
});

describe("the Granska view", () => {
  it("shows the hand-counted summary and each expected finding at its cell", async () => {
    const pane = await e2e.openPane({ workbook: review });
    const { page } = pane;
    expect(await page.getAttribute("#status", "role")).toBe("status");
    await validate(page);

    expect(await counts(page)).toEqual(EXPECTED_COUNTS);
    expect(await shownFindings(page)).toEqual(expected.map(key).sort());
    // Each sheet with findings is one group.
    const groups = await page.$$eval("#findings section.group", (s) => s.map((g) => (g as HTMLElement).dataset.sheet));
    expect(groups.sort()).toEqual([...new Set(expected.map((f) => f.sheet))].sort());
    // Every finding has a go-to button and a message; those needing a decision a flag button.
    expect(await page.locator("#findings li.finding:not(:has(button.goto))").count()).toBe(0);
    expect(await page.locator("#findings li.finding:not(:has(.message))").count()).toBe(0);
    // One flag button per row that needs a decision.
    expect(await page.locator("#findings li.finding:has(button.flag)").count()).toBe(new Set(expected.filter((f) => f.needsDecision).map((f) => `${f.sheet}!${f.row}`)).size);
    await screenshot(page, "results");
    expectNoErrors(pane);
  });

  it("narrows the list by severity, sheet, decision and text", async () => {
    const pane = await e2e.openPane({ workbook: review });
    const { page } = pane;
    await validate(page);
    const all = expected.map(key).sort();

    // The filters are folded away until asked for.
    expect(await page.isVisible("#filter-severity")).toBe(false);
    await page.click("details.filters-box summary");
    await page.selectOption("#filter-severity", "warning");
    expect(await shownFindings(page)).toEqual(expected.filter((f) => f.severity === "warning").map(key).sort());
    await page.selectOption("#filter-severity", "info");
    expect(await shownFindings(page)).toEqual(expected.filter((f) => f.severity === "info").map(key).sort());
    await page.selectOption("#filter-severity", "");

    const sheetOptions = await page.$$eval("#filter-sheet option", (o) => o.map((x) => (x as HTMLOptionElement).value));
    expect(sheetOptions).toEqual(expect.arrayContaining(["", "Bilaga 1", "Bilaga 2"]));
    await page.selectOption("#filter-sheet", "Bilaga 2");
    expect(await shownFindings(page)).toEqual(expected.filter((f) => f.sheet === "Bilaga 2").map(key).sort());
    await page.selectOption("#filter-sheet", "");

    await page.check("#filter-decision");
    expect(await shownFindings(page)).toEqual(expected.filter((f) => f.needsDecision).map(key).sort());
    await screenshot(page, "filtered");
    await page.uncheck("#filter-decision");
    expect(await shownFindings(page)).toEqual(all);

    // Text search (debounced): every finding with that code stays, and whatever stays mentions it.
    await page.fill("#filter-text", "payer_invalid");
    const withCode = expected.filter((f) => f.code === "PAYER_INVALID").map(key);
    await eventually(async () => expect((await shownFindings(page)).length).toBeLessThan(all.length));
    expect(await shownFindings(page)).toEqual(expect.arrayContaining(withCode));
    for (const text of await page.locator("#findings li.finding").allTextContents()) expect(text.toLowerCase()).toContain("payer_invalid");
    await page.fill("#filter-text", "");
    await eventually(async () => expect(await shownFindings(page)).toEqual(all));
    expectNoErrors(pane);
  });

  it("selects a finding's cell in Excel from its go-to button", async () => {
    const pane = await e2e.openPane({ workbook: review });
    const { page } = pane;
    await validate(page);
    for (const f of [expected.find((x) => x.code === "DUPLICATE")!, expected.find((x) => x.sheet === "Bilaga 2")!]) {
      await page.click(`li.finding[data-code="${f.code}"][data-sheet="${f.sheet}"][data-cells~="${f.cell}"] button.goto`);
      await eventually(async () => expect(await fake(page, (x) => x.selected)).toEqual({ sheet: f.sheet, address: f.cell }));
      expect(await fake(page, (x) => x.activeSheet)).toBe(f.sheet);
    }
    expectNoErrors(pane);
  });

  it("flags every row that needs a decision and restores Status and fill exactly", async () => {
    const pane = await e2e.openPane({ workbook: review });
    const { page } = pane;
    await validate(page);
    const rows = [...new Map(expected.filter((f) => f.needsDecision).map((f) => [`${f.sheet}!${f.row}`, f])).values()];
    expect(rows.length).toBeGreaterThanOrEqual(2);
    const statusCell = (row: number) => `J${row}`; // Status is column J in LIST_HEADERS
    const snapshot = () =>
      page.evaluate(
        ({ rows, cols }) =>
          rows.map(({ sheet, row }) => ({
            status: window.__fakeExcel.getValue(sheet, `J${row}`),
            formula: window.__fakeExcel.getFormula(sheet, `J${row}`),
            fills: cols.map((c) => window.__fakeExcel.getFillDetails(sheet, `${c}${row}`)),
          })),
        { rows: rows.map((f) => ({ sheet: f.sheet, row: f.row! })), cols: ROW_COLUMNS },
      );
    const before = await snapshot();
    // The fixture's own Status and the user's fill, so that "restored" means something.
    expect(await fake(page, (x) => x.getValue("Bilaga 1", "J3"))).toBe(DECISION_ROW.status);
    expect(await fake(page, (x) => x.getFill("Bilaga 1", "B3"))).toBe(USER_FILL);
    expect(await fake(page, (x) => [x.getValue("Bilaga 2", "J2"), x.getFormula("Bilaga 2", "J2")])).toEqual([FORMULA_ROW.status, FORMULA_ROW.formula]);
    expect(statusCell(DECISION_ROW.row)).toBe("J3");

    const beforeFlag = await quietSyncs(page);
    await page.click("#flag-all");
    const flagged = { status: FLAG_STATUS, formula: null, fills: ROW_COLUMNS.map(() => ({ color: FLAG_FILL, pattern: "Solid", patternColor: expect.any(String) })) };
    await eventually(async () => expect(await snapshot()).toEqual(rows.map(() => flagged)));
    // Two round trips for every row at once: read what is there, write the flags.
    expect((await quietSyncs(page)) - beforeFlag).toBe(2);
    // A row without findings is untouched.
    expect(await fake(page, (x) => [x.getValue("Bilaga 1", "J2"), x.getFill("Bilaga 1", "A2")])).toEqual([null, null]);

    await eventually(async () => expect(await page.isEnabled("#unflag-all")).toBe(true));
    await page.click("#unflag-all");
    await eventually(async () => expect(await snapshot()).toEqual(before));
    expect(await fake(page, (x) => x.getFill("Bilaga 1", "B3"))).toBe(USER_FILL);
    expectNoErrors(pane);
  });

  it("shows cell text with markup as text, never as HTML", async () => {
    const pane = await e2e.openPane({ workbook: review });
    const { page } = pane;
    await validate(page);
    await page.click("#tab-decisions");
    await page.locator("#view-decisions").waitFor({ state: "visible" });
    await page.locator("#decision-table").getByText(XSS, { exact: true }).first().waitFor({ state: "visible" });
    await page.click("#tab-validate");
    await page.locator("#findings").getByText(XSS).first().waitFor({ state: "visible" });
    await page.waitForTimeout(200); // an injected <img src=x> would have failed to load by now
    expect(await page.evaluate(() => [window.__xss, document.querySelectorAll("img").length])).toEqual([undefined, 0]);
    expectNoErrors(pane);
  });

  it("reviews a 2 000-row workbook in three round trips (sheets and editions, used ranges, all cells)", async () => {
    const large = await largeWorkbook(2000);
    const pane = await e2e.openPane({ workbook: large });
    const { page } = pane;
    const before = await quietSyncs(page);
    await validate(page);
    expect((await quietSyncs(page)) - before).toBe(3);
    // The generated rows are clean: nothing to report.
    expect(await counts(page)).toEqual({ errors: 0, warnings: 0, info: 0, needsDecision: 0, decided: 0 });
    expect(await page.locator("#findings li.finding").count()).toBe(0);
    // Bilaga 1 (2 001 rows × 15 columns, under CELLS_PER_SYNC) in one load of values, types and formats.
    expect(await fake(page, (x) => x.valueLoads.filter((l) => l.sheet === "Bilaga 1").map((l) => [l.address, l.props.join(",")]))).toEqual([["A1:O2001", "values,valueTypes,numberFormat"]]);
    expectNoErrors(pane);
  });

  it("reports a code Excel turned into a date as that date (ISO_FORMAT), as the CLI does, not as a number", async () => {
    const pane = await e2e.openPane({ workbook: await dateCodeWorkbook() });
    const { page } = pane;
    await validate(page);
    expect(await shownFindings(page)).toEqual(["Bilaga 1!A3 ISO_FORMAT error"]);
    const text = await page.locator('li.finding[data-code="ISO_FORMAT"][data-cell="A3"]').textContent();
    expect(text).toContain("2022-06-15");
    expect(text).not.toContain("44727");
    expectNoErrors(pane);
  });

  it("validates again after an edit of a bilaga when automatic review is on", async () => {
    const pane = await e2e.openPane({ workbook: review });
    const { page } = pane;
    await validate(page);
    await page.check("#auto-validate");
    await page.waitForTimeout(100); // the change handler registers with Excel first
    // The user writes a code that is already on row 2 into a new row 8.
    await fake(page, (x) => {
      x.setValue("Bilaga 1", "A8", "12 22");
      x.setValue("Bilaga 1", "B8", "Manuellt drivna rullstolar");
    });
    await page.locator('li.finding[data-code="DUPLICATE"][data-sheet="Bilaga 1"][data-cell="A8"]').waitFor({ state: "attached", timeout: 10_000 });
    // Row 8 repeats 12 22 and has no payers: one DUPLICATE and four PAYER_MISSING more.
    await eventually(async () =>
      expect((await shownFindings(page)).filter((k) => /^Bilaga 1![A-Z]+8 /.test(k))).toEqual([
        "Bilaga 1!A8 DUPLICATE error",
        "Bilaga 1!C8 PAYER_MISSING error",
        "Bilaga 1!D8 PAYER_MISSING error",
        "Bilaga 1!E8 PAYER_MISSING error",
        "Bilaga 1!F8 PAYER_MISSING error",
      ]),
    );
    // Two problems more: the DUPLICATE, and one PAYER_MISSING naming the row's four cells.
    expect((await counts(page)).errors).toBe(EXPECTED_COUNTS.errors + 2);
    expectNoErrors(pane);
  });
});

describe("the Beslutsunderlag view", () => {
  it("lists the rows that need a decision and exports them to a new sheet", async () => {
    const pane = await e2e.openPane({ workbook: review });
    const { page } = pane;
    await validate(page);
    await page.click("#tab-decisions");
    await page.locator("#view-decisions").waitFor({ state: "visible" });
    expect(await page.isHidden("#view-validate")).toBe(true);
    const rows = await page.$$eval("#decision-table tr[data-sheet][data-row]", (trs) => trs.map((tr) => `${(tr as HTMLElement).dataset.sheet}!${(tr as HTMLElement).dataset.row}`));
    const wanted = [...new Set(expected.filter((f) => f.needsDecision).map((f) => `${f.sheet}!${f.row}`))];
    expect(rows.sort()).toEqual(wanted.sort());
    await screenshot(page, "decisions");

    await page.click("#export-decisions");
    await eventually(async () => expect(await fake(page, (x) => x.sheetNames())).toContain("Beslutsunderlag"));
    // A header row and one row per decision row, nothing else overwritten.
    const written = await fake(page, (x) => [x.getValue("Beslutsunderlag", "A1"), x.getValue("Beslutsunderlag", "A3"), x.getValue("Beslutsunderlag", "A4")]);
    expect(written[0]).not.toBeNull();
    expect(written[1]).not.toBeNull();
    expect(written[2]).toBeNull();
    expect(await fake(page, (x) => x.getValue("Bilaga 1", "J3"))).toBe(DECISION_ROW.status);
    expectNoErrors(pane);
  });
});

/** Waits for the Skapa view's result text and returns it. */
async function resultShown(page: Page): Promise<string> {
  return eventually(async () => {
    const text = (await page.textContent("#create-result"))?.trim() ?? "";
    expect(text).not.toBe("");
    return text;
  });
}

describe("the Skapa view", () => {
  const emptySheets = emptyWorkbook().sheets.map((s) => s.name);
  const exampleSheets = exampleWorkbook().sheets.map((s) => s.name);

  it("adds empty bilagor sheets with headers and drop-downs to an empty workbook", async () => {
    const pane = await e2e.openPane({ workbook: null });
    const { page } = pane;
    await page.click("#tab-create");
    await page.check('input[name="create-mode"][value="empty"]');
    await page.click("#create-sheets");
    await resultShown(page);
    expect(emptySheets).toEqual(expect.arrayContaining(["Bilaga 1", "Bilaga 2", "Bilaga 3", "Bilaga 4"]));
    expect(await fake(page, (x) => x.sheetNames())).toEqual(["Blad1", ...emptySheets]);
    const b1 = await fake(page, (x) => ({
      header: x.getValue("Bilaga 1", "A1"),
      payer: x.getValue("Bilaga 1", "C1"),
      firstData: x.getValue("Bilaga 1", "A2"),
      list: x.dataValidation("Bilaga 1", "C2"),
      isoFormat: x.numberFormat("Bilaga 1", "A2"),
      bold: x.isBold("Bilaga 1", "A1"),
      frozen: x.frozenRows("Bilaga 1"),
    }));
    expect(b1).toEqual({ header: "ISO-kod", payer: "SÄBO", firstData: null, list: { list: { inCellDropDown: true, source: expect.stringContaining("Kommun") } }, isoFormat: "@", bold: true, frozen: 1 });
    expectNoErrors(pane);
  });

  it("never overwrites a sheet that exists, and adds nothing the second time", async () => {
    const pane = await e2e.openPane({ workbook: await workbookWithSheets(["Bilaga 2", "utgåva"]) });
    const { page } = pane;
    await page.click("#tab-create");
    await page.check('input[name="create-mode"][value="example"]');
    await page.click("#create-sheets");
    expect(await resultShown(page)).toContain("Bilaga 2");
    const names = await fake(page, (x) => x.sheetNames());
    expect(exampleSheets).toEqual(expect.arrayContaining(["Bilaga 2", "Utgåva"]));
    expect(names).toEqual(["Bilaga 2", "utgåva", ...exampleSheets.filter((n) => n !== "Bilaga 2" && n !== "Utgåva")]);
    expect(await fake(page, (x) => [x.getValue("Bilaga 2", "A1"), x.getValue("utgåva", "A1"), x.getValue("Bilaga 2", "A2")])).toEqual([
      "egen text i Bilaga 2",
      "egen text i utgåva",
      null,
    ]);
    // Bilaga 1 was added with the example edition's cells, from A1.
    const exampleB1 = exampleWorkbook().sheets.find((sh) => sh.name === "Bilaga 1")!.rows.slice(0, 6).map((r) => (r[0] === undefined || r[0] === "" ? null : r[0]));
    expect(await page.evaluate((n) => Array.from({ length: n }, (_, i) => window.__fakeExcel.getValue("Bilaga 1", `A${i + 1}`)), exampleB1.length)).toEqual(exampleB1);

    await page.locator("#create-result").evaluate((n) => (n.textContent = ""));
    await page.click("#create-sheets");
    await resultShown(page);
    expect(await fake(page, (x) => x.sheetNames())).toEqual(names);
    expectNoErrors(pane);
  });
});

describe("the Vem betalar? view", () => {
  it("answers 12 22 03, SÄBO, 80 from the list (LIST)", async () => {
    const pane = await e2e.openPane({ workbook: null });
    const { page } = pane;
    await page.click("#tab-lookup");
    await page.fill("#iso", "12 22 03");
    const sabo = await page.$$eval("#boendeform option", (opts) =>
      (opts as HTMLOptionElement[]).find((o) => o.value === "SABO" || /SÄBO|särskilt boende/i.test(o.textContent ?? ""))?.value,
    );
    expect(sabo).toBeDefined();
    await page.selectOption("#boendeform", sabo!);
    await page.fill("#age", "80");
    await page.locator("#lookup-form [type=submit]").click();
    await eventually(async () => expect(await page.getAttribute("#answer", "data-rule")).toBe("LIST"));
    // The empty workbook has no bilagor, so the built-in example edition answers: 12 22 is Kommun's in SÄBO.
    // The verdict and the rule in the guide's words; the code and § beside them.
    expect((await page.textContent("#answer-payer"))?.trim()).toBe(payerHeadline("Kommun", "LIST"));
    expect((await page.textContent("#answer-rule"))?.trim()).toBe(RULE_SV.LIST);
    expect((await page.textContent("#answer-code"))?.trim()).toBe("Regel LIST, §4.3");
    expect((await page.textContent("#answer-explanation"))?.trim()).not.toBe("");
    await screenshot(page, "lookup");
    expectNoErrors(pane);
  });

  it("searches by words as the guide does, each hit saying what answers for it, and a hit answers", async () => {
    const pane = await e2e.openPane({ workbook: null });
    const { page } = pane;
    await page.click("#tab-lookup");
    await page.selectOption("#boendeform", "LSS_BOSTAD");
    await page.fill("#age", "45");
    // Sökord of the example's ISO 9999 sheet: "rullator" is 12 06 06 Rollatorer, covered by 12 06 in Bilaga 1.
    await page.fill("#iso", "rullator");
    await eventually(async () => expect(await page.$$eval("#lookup-hits button", (bs) => bs.map((b) => [(b as HTMLElement).dataset.code, (b as HTMLElement).dataset.coverage]))).toEqual([["12 06 06", "above"]]));
    expect(await page.textContent("#lookup-hits .note")).toBe("Omfattas av 12 06 i Bilaga 1.");
    await page.click('#lookup-hits button[data-code="12 06 06"]');
    expect(await page.inputValue("#iso")).toBe("12 06 06");
    await eventually(async () => expect(await page.getAttribute("#answer", "data-rule")).not.toBeNull());
    // The same answer the core gives from the built-in example (LSS bostad has no payer there: no guess).
    const expected = whoPays({ iso: "12 06 06", boendeform: "LSS_BOSTAD", age: 45 }, buildWhoPaysIndex(readWorkbook(exampleWorkbook())));
    if (!expected.ok) throw new Error(expected.message);
    expect([await page.getAttribute("#answer", "data-rule"), await page.getAttribute("#answer", "data-payer")]).toEqual([expected.rule, expected.payer ?? ""]);
    await page.fill("#iso", "hörapparat");
    await eventually(async () => expect(await page.$$eval("#lookup-hits button", (bs) => bs.map((b) => (b as HTMLElement).dataset.code))).toContain("22 06 15"));
    expectNoErrors(pane);
  });

  it("registers the custom functions and ribbon commands in the same page", async () => {
    const pane = await e2e.openPane({ workbook: null });
    const { page } = pane;
    await page.waitForFunction(() => Object.keys(window.__fakeExcel.actions).length > 0);
    const ids = await page.evaluate(() => Object.keys(window.__fakeExcel.functions).sort());
    expect(ids).toEqual(["COST_SHIFT", "ISO_NORMALIZE", "ISO_TITLE", "WHO_PAYS", "WHO_PAYS_WHY"]);
    // The functions take ranges (2-D arrays) and answer one value per row.
    expect(await page.evaluate(() => window.__fakeExcel.functions.ISO_NORMALIZE!([[93312], ["12.22.03"]]))).toEqual([["09 33 12"], ["12 22 03"]]);
    expect(await page.evaluate(() => Object.keys(window.__fakeExcel.actions).sort())).toEqual(["createBilagor", "validateBilagor"]);
    expectNoErrors(pane);
  });
});

describe("outside Excel", () => {
  it("says the add-in is for Excel when opened in Word", async () => {
    const pane = await e2e.openPane({ workbook: null, host: "Word" });
    const { page } = pane;
    await page.locator("#not-in-excel").waitFor({ state: "visible" });
    expect(await page.textContent("#not-in-excel")).toContain("Excel");
    expect(await page.isHidden("#run-validation")).toBe(true);
    await screenshot(page, "not-in-excel");
    expectNoErrors(pane);
  });

  it("says so too when office.js is missing (page opened in a browser)", async () => {
    const pane = await e2e.openPane({ workbook: null, office: false });
    const { page } = pane;
    await page.locator("#not-in-excel").waitFor({ state: "visible" });
    expect(await page.textContent("#not-in-excel")).toContain("Excel");
    expect(pane.pageErrors).toEqual([]);
    // The blocked office.js request itself is logged by the browser; nothing else may be.
    expect(pane.consoleErrors.filter((m) => !/Failed to load resource|ERR_BLOCKED_BY_CLIENT/.test(m))).toEqual([]);
  });
});

describe("the Publicera and Kostnader views", () => {
  it("publishes: change log sheet, edition stored in the workbook, JSON offered; then compares against it", async () => {
    const pane = await e2e.openPane({ workbook: await publishableWorkbook() });
    const { page } = pane;
    await validate(page);
    await page.click("#tab-publish");
    expect(await page.inputValue("#publish-name")).toBe("2026:1");
    expect(await page.inputValue("#publish-effective")).toBe("2026-01-01");
    await eventually(async () => expect(await page.isEnabled("#publish-run")).toBe(true));
    await page.click("#publish-run");
    await page.locator("#publish-download").waitFor({ state: "visible" });
    expect(await page.getAttribute("#publish-download", "download")).toBe("2026-1.json");
    const parts = await fake(page, (x) => x.customXmlParts());
    expect(parts).toHaveLength(1);
    const json = /<edition[^>]*>([\s\S]*)<\/edition>/.exec(parts[0]!)![1]!.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
    expect(parseEdition(json)).toMatchObject({ ok: true, edition: { name: "2026:1", decided: "2025-10-01", effective: "2026-01-01" } });
    expect(await fake(page, (x) => [x.getValue("Ändringslogg", "A1"), x.getValue("Ändringslogg", "J1")])).toEqual(["Utgåva", "Motivering"]);
    // The same name cannot be published twice.
    expect(await page.isDisabled("#publish-run")).toBe(true);
    await screenshot(page, "publish");

    // An undocumented change of payer after publishing: the next review compares against 2026:1.
    await fake(page, (x) => x.setValue("Bilaga 1", "C2", "Region"));
    await page.click("#tab-validate");
    await validate(page);
    expect(await page.textContent("#validate-status")).toContain("Jämfört med utgåva 2026:1");
    await page.locator('li.finding[data-code="CHANGE_UNDOCUMENTED"][data-cell="C2"]').waitFor({ state: "attached" });

    // Its cost shift from last year's costs: the kommun's 400 000 kr for 12 22 03 in SÄBO moves to the Region.
    await page.click("#tab-costs");
    await page.click("#cost-shift-run");
    await eventually(async () => expect(await page.getAttribute("#cost-shift-verdict", "data-neutral")).toBe("false"));
    const cells = await page.$$eval("#cost-shift-table tbody td", (tds) => tds.map((td) => td.textContent));
    expect(cells.slice(0, 5)).toEqual(["1", "12 22", "Särskilt boende för äldre (SoL)", "Kommun", "Region"]);
    expect(cells[5]).toMatch(/^[-−]400\s000 kr$/);
    await screenshot(page, "costs");
    expectNoErrors(pane);
  });

  it("keeps Publicera disabled while the review has errors", async () => {
    const pane = await e2e.openPane({ workbook: review });
    await validate(pane.page);
    await pane.page.click("#tab-publish");
    expect(await pane.page.isDisabled("#publish-run")).toBe(true);
    expect(await pane.page.textContent("#publish-blockers")).toMatch(/fel/);
  });

  it("runs a validation clicked before the Granska view's script has arrived (the view waits inert, the click is not lost)", async () => {
    const pane = await e2e.openPane({ workbook: await publishableWorkbook(), slowScripts: { names: ["granska.js"], ms: 1500 } });
    const { page } = pane;
    expect(await page.evaluate(() => document.querySelector<HTMLElement>("#view-validate")!.inert)).toBe(true);
    await validate(page);
    expect(await page.evaluate(() => document.querySelector<HTMLElement>("#view-validate")!.inert)).toBe(false);
    expect(await page.getAttribute("#view-validate", "aria-busy")).toBeNull();
    expect(await page.textContent('#summary [data-count="errors"]')).toBe("0");
    expectNoErrors(pane);
  });

  it("lists the cost sheets also when the Kostnader view's script arrives after the tab was opened", async () => {
    const pane = await e2e.openPane({ workbook: await publishableWorkbook(), slowScripts: { names: ["kostnader.js"], ms: 1500 } });
    await pane.page.click("#tab-costs");
    await pane.page.locator('#follow-up-sheet option[value="Kostnadsrader"]').waitFor({ state: "attached", timeout: 10_000 });
    expectNoErrors(pane);
  });

  it("lists the cost sheets afresh when the Kostnader tab is reached by arrow key", async () => {
    const pane = await e2e.openPane({ workbook: await publishableWorkbook() });
    const { page } = pane;
    // The view loads in the background after first paint and lists the sheets it finds.
    await page.locator('#follow-up-sheet option[value="Kostnadsrader"]').waitFor({ state: "attached" });
    await fake(page, (x) => x.deleteSheet("Kostnadsrader"));
    await page.focus("#tab-publish");
    await page.keyboard.press("ArrowRight");
    expect(await page.getAttribute("#tab-costs", "aria-selected")).toBe("true");
    await page.locator('#follow-up-sheet option[value="Kostnadsrader"]').waitFor({ state: "detached", timeout: 10_000 });
    expectNoErrors(pane);
  });

  it("follows up quarterly costs onto a new sheet with a chart, accounting for every krona", async () => {
    const pane = await e2e.openPane({ workbook: await publishableWorkbook() });
    const { page } = pane;
    await page.click("#tab-costs");
    await page.locator('#follow-up-sheet option[value="Kostnadsrader"]').waitFor({ state: "attached" });
    await page.selectOption("#follow-up-sheet", "Kostnadsrader");
    await page.click("#follow-up-run");
    await eventually(async () => expect(await fake(page, (x) => x.sheetNames())).toContain("Uppföljning"));
    expect(await fake(page, (x) => x.charts("Uppföljning"))).toEqual([{ type: "ColumnClustered", seriesBy: "Columns", title: "Parternas kostnader per kvartal", valueAxisTitle: "kr", source: "A1:E3" }]);
    expect(await fake(page, (x) => [x.getValue("Uppföljning", "A3"), x.getValue("Uppföljning", "B3"), x.getValue("Uppföljning", "C3"), x.getValue("Uppföljning", "D3"), x.getValue("Uppföljning", "G3")])).toEqual(["2026Q1", 1200, 5000, 1000, 300]);
    expect(await page.textContent("#follow-up-status")).toMatch(/Summa 7\s500 kr = fördelat 7\s200 kr \+ ej fördelat 300 kr – stämmer till öret/);
    // Below the quarter table (the chart's source): summary, reconciliation, left-out lines, missing kommuner.
    // Each label's value beside it, found by the label in column A (the core's layout decides the rows).
    const sheetRows = await page.evaluate(() => Array.from({ length: 60 }, (_, i) => ["A", "B", "C", "D"].map((c) => window.__fakeExcel.getValue("Uppföljning", `${c}${i + 1}`))));
    const beside = (label: string) => sheetRows.find((r) => r[0] === label)?.slice(1);
    expect(beside("Blad")?.[0]).toBe("Kostnadsrader");
    expect(beside("Baslinjeår")?.[0]).toBe("2025");
    expect([beside("Indata")?.[0], beside("Fördelat")?.[0], beside("Ej fördelat")?.[0], beside("Oläsbart")?.[0], beside("Stämmer")?.[0]]).toEqual([7500, 7200, 300, 0, "Ja"]);
    expect(beside("UNLISTED")?.[0]).toBe("1");
    // Missing kommuner as a kommun × quarter grid: Botkyrka has lines in neither quarter.
    const grid = sheetRows.findIndex((r) => r[0] === "Kommun" && r.includes("2026Q1"));
    expect(grid).toBeGreaterThan(0);
    expect(beside("Botkyrka")).toEqual(["saknas", "saknas", "2"]);
    // Nacka's lines are all in 2026Q1; Solna has lines in both quarters, so it is not in the grid.
    expect(sheetRows[grid]).toEqual(["Kommun", expect.stringMatching(/^2025Q\d$/), "2026Q1", "Kvartal utan rader"]);
    expect([beside("Nacka"), beside("Solna")]).toEqual([["saknas", null, "1"], undefined]);
    await screenshot(page, "follow-up");
    expectNoErrors(pane);
  });

  it("follows up every sheet with cost columns when Hela arbetsboken is ticked, passing over the others by name", async () => {
    const pane = await e2e.openPane({ workbook: await publishableWorkbook() });
    const { page } = pane;
    await page.click("#tab-costs");
    await page.check("#follow-up-all");
    await page.click("#follow-up-run");
    await eventually(async () => expect(await fake(page, (x) => x.sheetNames())).toContain("Uppföljning"));
    expect(await page.textContent("#follow-up-status")).toMatch(/Summa 7\s500 kr = fördelat 7\s200 kr \+ ej fördelat 300 kr – stämmer till öret/);
    const blad = await page.evaluate(() => Array.from({ length: 30 }, (_, i) => [window.__fakeExcel.getValue("Uppföljning", `A${i + 1}`), window.__fakeExcel.getValue("Uppföljning", `B${i + 1}`)]).find((r) => r[0] === "Blad")?.[1]);
    expect(blad).toBe("Kostnadsrader");
    expectNoErrors(pane);
  });
});
