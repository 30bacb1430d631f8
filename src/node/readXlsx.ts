import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { CellValue, RawSheet, RawWorkbook } from "../core/cells";
import { checkXlsxBytes, MAX_FILE_BYTES } from "./zipGuard";

export type ReadResult = { readonly ok: true; readonly workbook: RawWorkbook } | { readonly ok: false; readonly message: string };

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
    sheets.push({ name: ws.name, rows });
  });
  return { sheets };
}

/**
 * Reads an .xlsx file for the core. Never throws: a missing, empty, encrypted, corrupt or
 * oversized file gives a Swedish message instead. The file is only read, never written.
 */
export async function readXlsxFile(file: string): Promise<ReadResult> {
  const name = path.basename(file);
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    return { ok: false, message: `Filen ${file} finns inte.` };
  }
  if (!stat.isFile()) return { ok: false, message: `${file} är ingen fil.` };
  if (stat.size > MAX_FILE_BYTES) {
    return { ok: false, message: `${name} är ${Math.round(stat.size / 1024 / 1024)} MB; gränsen är ${MAX_FILE_BYTES / 1024 / 1024} MB. Dela upp arbetsboken.` };
  }
  const bytes = await fs.readFile(file);
  return readXlsxBytes(bytes, name);
}

export async function readXlsxBytes(bytes: Buffer, name: string): Promise<ReadResult> {
  const verdict = checkXlsxBytes(bytes, name);
  if (!verdict.ok) return verdict;
  const workbook = new ExcelJS.Workbook();
  try {
    // Data validations are skipped: ExcelJS expands a whole-column rule cell by cell.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer, { ignoreNodes: ["dataValidations"] } as never);
  } catch {
    return { ok: false, message: `${name} är skadad eller ingen giltig Excel-arbetsbok (.xlsx) och kan inte läsas.` };
  }
  // Every Excel workbook has at least one sheet; a zip without any is some other file.
  if (workbook.worksheets.length === 0) return { ok: false, message: `${name} är ingen Excel-arbetsbok (arkivet innehåller inga kalkylblad).` };
  return { ok: true, workbook: fromExcelJs(workbook) };
}
