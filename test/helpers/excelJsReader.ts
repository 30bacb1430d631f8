/**
 * The CLI's former .xlsx reader (ExcelJS), kept only to prove the new reader gives identical
 * models (test/node/readXlsx.parity.test.ts) and to compare speed in the bench.
 */
import ExcelJS from "exceljs";
import type { CellValue, RawSheet, RawWorkbook } from "../../src/core/cells";

/** ExcelJS cell value → the core's cell value (formulas give their cached result). */
export function toCellValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    if ("error" in value && typeof value.error === "string") return { error: value.error };
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null) return null;
      if (typeof result === "object" && !(result instanceof Date) && "error" in (result as object)) {
        return { error: String((result as { error: unknown }).error) };
      }
      return toCellValue(result as ExcelJS.CellValue);
    }
    if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join("");
    if ("text" in value && typeof (value as { text: unknown }).text === "string") return (value as { text: string }).text;
  }
  return String(value);
}

/** Converts a loaded ExcelJS workbook to raw sheets (every used row, hidden ones included). */
export function fromExcelJs(workbook: ExcelJS.Workbook): RawWorkbook {
  const sheets: RawSheet[] = [];
  workbook.eachSheet((ws) => {
    const rows: CellValue[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values = row.values as ExcelJS.CellValue[];
      const cells: CellValue[] = new Array(Math.max(0, values.length - 1));
      for (let c = 1; c < values.length; c++) cells[c - 1] = toCellValue(values[c]);
      rows[rowNumber - 1] = cells;
    });
    for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
    sheets.push(ws.state === "hidden" || ws.state === "veryHidden" ? { name: ws.name, rows, hidden: true } : { name: ws.name, rows });
  });
  // The workbook's date system, as ExcelJS reads it from workbookPr (its dates are converted already).
  return (workbook.properties as { date1904?: boolean }).date1904 ? { sheets, date1904: true } : { sheets };
}

/** The old reader's model of a workbook's bytes, or the error ExcelJS threw. */
export async function readWithExcelJs(bytes: Buffer): Promise<RawWorkbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer, { ignoreNodes: ["dataValidations"] } as never);
  return fromExcelJs(workbook);
}
