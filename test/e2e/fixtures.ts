/* Workbooks for the task pane's browser tests, written with ExcelJS like the CLI's fixtures. */
import ExcelJS from "exceljs";
import { toBuffer } from "../helpers/xlsxFixtures";
import { B3_HEADERS, B4_HEADERS, LIST_HEADERS } from "../helpers/workbooks";

/** Markup that would run script if the pane ever put cell text into innerHTML. */
export const XSS = '<img src=x onerror="window.__xss=1">';

/** A fill the user had set before the add-in flagged the row (must come back exactly). */
export const USER_FILL = "#C6EFCE";

/** The review fixture's row that needs a huvudmän decision, with a Status and a user's fill. */
export const DECISION_ROW = { sheet: "Bilaga 1", row: 3, status: "Gällande", filledCell: "B3" } as const;
/** Its other such row, whose Status is a formula (restoring must bring back the formula). */
export const FORMULA_ROW = { sheet: "Bilaga 2", row: 2, formula: '=IF(TRUE,"Förslag","")', status: "Förslag" } as const;

function addRows(ws: ExcelJS.Worksheet, rows: ReadonlyArray<ReadonlyArray<unknown>>): void {
  rows.forEach((cells, i) =>
    cells.forEach((value, j) => {
      if (value !== null && value !== undefined) ws.getCell(i + 1, j + 1).value = value as ExcelJS.CellValue;
    }),
  );
}

/** A list row (bilaga 1/2) by header name, so the fixture reads like the sheet. */
function listRow(values: Partial<Record<(typeof LIST_HEADERS)[number], unknown>>): unknown[] {
  return LIST_HEADERS.map((h) => values[h] ?? null);
}

/**
 * Bilagor with one finding of each common kind, spread over two sheets: a code under a Region
 * principle on Kommun (REGION_AREA, needs a decision; its row has a Status and a user's fill,
 * and HTML-like text in Benämning and Villkor), a duplicate, a code stored as a number, a
 * missing and an invalid payer, a Giltig från too soon after Beslutsdatum (both date cells), codes
 * missing from the ISO 9999 sheet (warnings), a title that differs from it (info), and a second
 * REGION_AREA row in Bilaga 2 whose Status is a formula.
 */
export async function reviewWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const b1 = wb.addWorksheet("Bilaga 1");
  addRows(b1, [
    [...LIST_HEADERS],
    listRow({
      "ISO-kod": "12 22",
      Benämning: "Manuellt drivna rullstolar",
      SÄBO: "Kommun",
      "LSS bostad": "Kommun",
      "LSS daglig verksamhet": "Kommun",
      "SoL dagverksamhet": "Kommun",
      // Date cells: Office.js hands these to the pane as serial numbers, ExcelJS as Dates.
      Beslutsdatum: new Date(Date.UTC(2026, 0, 10)),
      "Giltig från": new Date(Date.UTC(2026, 1, 10)),
    }),
    listRow({
      "ISO-kod": "22 06 06",
      Benämning: XSS,
      SÄBO: "Kommun",
      "LSS bostad": "Region",
      "LSS daglig verksamhet": "Region",
      "SoL dagverksamhet": "Region",
      Villkor: XSS,
      Status: DECISION_ROW.status,
    }),
    listRow({ "ISO-kod": "12 22", Benämning: "Manuellt drivna rullstolar igen", SÄBO: "Kommun", "LSS bostad": "Kommun", "LSS daglig verksamhet": "Kommun", "SoL dagverksamhet": "Kommun" }),
    listRow({ "ISO-kod": 93312, Benämning: "Hygienhjälpmedel", SÄBO: "Kommun", "LSS bostad": "Kommun", "LSS daglig verksamhet": "Kommun", "SoL dagverksamhet": "Kommun" }),
    listRow({ "ISO-kod": "18 09 03", Benämning: "Stolar", SÄBO: "Kommun", "LSS bostad": null, "LSS daglig verksamhet": "Kommun", "SoL dagverksamhet": "Kommun" }),
    listRow({ "ISO-kod": "18 12 10", Benämning: "Sängar", SÄBO: "Kommun", "LSS bostad": "Landstinget", "LSS daglig verksamhet": "Kommun", "SoL dagverksamhet": "Kommun" }),
  ]);
  const argb = `FF${USER_FILL.slice(1)}`;
  b1.getCell(DECISION_ROW.filledCell).fill = { type: "pattern", pattern: "solid", fgColor: { argb } };

  const b2 = wb.addWorksheet("Bilaga 2");
  addRows(b2, [
    [...LIST_HEADERS],
    listRow({
      "ISO-kod": "22 03 09",
      Benämning: "Förstoringsglas",
      SÄBO: "Kommun",
      "LSS bostad": "Kommun",
      "LSS daglig verksamhet": "Region",
      "SoL dagverksamhet": "Region",
      Status: { formula: FORMULA_ROW.formula.slice(1), result: FORMULA_ROW.status },
    }),
  ]);
  addRows(wb.addWorksheet("Bilaga 3"), [[...B3_HEADERS]]);
  addRows(wb.addWorksheet("Bilaga 4"), [[...B4_HEADERS], ["12 36", "Personlyftar", "Kommun", "Nej"]]);
  addRows(wb.addWorksheet("ISO 9999"), [
    ["ISO-kod", "Benämning", "Utgåva"],
    ["12 22", "Manuellt drivna rullstolar", "2022"],
    ["22 06 06", "Hörapparater", "2022"],
    ["22 03 09", "Förstoringsglas", "2022"],
    ["18 09 03", "Stolar", "2022"],
    ["18 12 10", "Sängar", "2022"],
  ]);
  addRows(wb.addWorksheet("Anteckningar"), [["Detta blad läses inte av tillägget."]]);
  return toBuffer(wb);
}

/** A workbook whose only sheets are `names`, each with a marker value in A1 (so an overwrite shows). */
export async function workbookWithSheets(names: readonly string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const name of names) wb.addWorksheet(name).getCell("A1").value = `egen text i ${name}`;
  return toBuffer(wb);
}

/**
 * A clean workbook ready to publish as 2026:1 (Utgåva filled in), with last year's costs in
 * Kostnader and a sheet of quarterly cost lines for the follow-up.
 */
export async function publishableWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  addRows(wb.addWorksheet("Bilaga 1"), [
    [...LIST_HEADERS],
    listRow({ "ISO-kod": "12 22", Benämning: "Manuellt drivna rullstolar", SÄBO: "Kommun", "LSS bostad": "Kommun", "LSS daglig verksamhet": "Kommun", "SoL dagverksamhet": "Kommun" }),
    listRow({ "ISO-kod": "12 23", Benämning: "Eldrivna rullstolar", SÄBO: "Region", "LSS bostad": "Region", "LSS daglig verksamhet": "Region", "SoL dagverksamhet": "Region" }),
  ]);
  addRows(wb.addWorksheet("Bilaga 2"), [[...LIST_HEADERS]]);
  addRows(wb.addWorksheet("Bilaga 3"), [[...B3_HEADERS]]);
  addRows(wb.addWorksheet("Bilaga 4"), [[...B4_HEADERS]]);
  addRows(wb.addWorksheet("Utgåva"), [
    ["Fält", "Värde"],
    ["Utgåva", "2026:1"],
    ["Beslutad", "2025-10-01"],
    ["Giltig från", "2026-01-01"],
    ["Tolerans kostnadsneutralitet", "100 000"],
  ]);
  addRows(wb.addWorksheet("Kostnader"), [
    ["ISO-kod", "Boendeform", "Kommun", "Region", "År", "Källa"],
    ["12 22 03", "SÄBO", 400_000, 0, "2025", "Referenskommun"],
    ["12 23", "SÄBO", 0, 900_000, "2025", "HSF"],
  ]);
  addRows(wb.addWorksheet("Kostnadsrader"), [
    ["kommun", "kvartal", "iso", "boendeform", "ålder", "belopp"],
    ["Solna", "2025Q1", "12 22 03", "SÄBO", 80, 1000],
    ["Solna", "2026Q1", "12 22 03", "SÄBO", 80, 1200],
    ["Nacka", "2026Q1", "12 23 06", "SÄBO", 80, 5000],
    ["Nacka", "2026Q1", "15 09", "SÄBO", 80, 300],
  ]);
  return toBuffer(wb);
}

/**
 * Bilaga 1 with one code Excel turned into a date when it was typed as 22-06-15: the cell holds
 * the serial 44727 with the format yy-mm-dd, as Excel keeps it.
 */
export async function dateCodeWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const b1 = wb.addWorksheet("Bilaga 1");
  addRows(b1, [
    [...LIST_HEADERS],
    listRow({ "ISO-kod": "12 22", Benämning: "Manuellt drivna rullstolar", SÄBO: "Kommun", "LSS bostad": "Kommun", "LSS daglig verksamhet": "Kommun", "SoL dagverksamhet": "Kommun" }),
    listRow({ "ISO-kod": new Date(Date.UTC(2022, 5, 15)), Benämning: "Hörapparater", SÄBO: "Region", "LSS bostad": "Region", "LSS daglig verksamhet": "Region", "SoL dagverksamhet": "Region" }),
  ]);
  b1.getCell("A3").numFmt = "yy-mm-dd";
  addRows(wb.addWorksheet("Bilaga 2"), [[...LIST_HEADERS]]);
  addRows(wb.addWorksheet("Bilaga 3"), [[...B3_HEADERS]]);
  addRows(wb.addWorksheet("Bilaga 4"), [[...B4_HEADERS]]);
  return toBuffer(wb);
}
