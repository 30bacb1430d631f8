/*
 * An .xlsx as the workbook JSON fakeOffice.js serves: what Office.js would report for each cell.
 * Used by the browser tests (harness.ts) and by the Node tests that run the adapter over the fake.
 */
import ExcelJS from "exceljs";

/** What fakeOffice.js reads from window.__FAKE_WORKBOOK__ (or createFakeOffice's first argument). */
export type FakeCell = string | number | boolean | null | { error: string };
export interface FakeWorkbook {
  sheets: Array<{ name: string; cells: FakeCell[][]; fills?: Record<string, string>; formulas?: Record<string, string>; formats?: Record<string, string> }>;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * ExcelJS cell value → what Office.js `values` gives: formulas as their cached result, rich text
 * as its text, dates as serial numbers (the number format, kept apart, is what says "date").
 */
function fakeCell(value: ExcelJS.CellValue | undefined): FakeCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return (value.getTime() - EXCEL_EPOCH_MS) / 86_400_000;
  if (typeof value === "object") {
    if ("error" in value && typeof value.error === "string") return { error: value.error };
    if ("formula" in value || "sharedFormula" in value) return fakeCell((value as { result?: ExcelJS.CellValue }).result);
    if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join("");
    if ("text" in value && typeof value.text === "string") return value.text;
  }
  return String(value);
}

/** "FFC6EFCE" (ExcelJS ARGB) → "#C6EFCE" for a solid fill, else null. */
function fillColor(fill: ExcelJS.Fill | undefined): string | null {
  if (!fill || fill.type !== "pattern" || fill.pattern !== "solid") return null;
  const argb = fill.fgColor?.argb;
  return argb && /^[0-9A-F]{8}$/i.test(argb) ? `#${argb.slice(2).toUpperCase()}` : null;
}

/** Reads an .xlsx in Node (ExcelJS) into the fake's JSON: values, formulas, number formats and solid fills. */
export async function toFakeWorkbook(xlsx: Buffer): Promise<FakeWorkbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
  const sheets: FakeWorkbook["sheets"] = [];
  wb.eachSheet((ws) => {
    const cells: FakeCell[][] = [];
    const fills: Record<string, string> = {};
    const formulas: Record<string, string> = {};
    const formats: Record<string, string> = {};
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const line: FakeCell[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        line[col - 1] = fakeCell(cell.value);
        const color = fillColor(cell.fill);
        if (color) fills[cell.address] = color;
        if (cell.formula) formulas[cell.address] = `=${cell.formula}`;
        if (cell.numFmt && cell.numFmt !== "General") formats[cell.address] = cell.numFmt;
      });
      cells[rowNumber - 1] = Array.from(line, (v) => v ?? null);
    });
    sheets.push({ name: ws.name, cells: Array.from(cells, (r) => r ?? []), fills, formulas, formats });
  });
  return { sheets };
}
