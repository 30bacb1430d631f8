import type { CellValue, RawSheet, RawWorkbook } from "../core/cells";
import { sheetKeyOf } from "../core/model";

/** Cells per `context.sync()` when reading: keeps each round trip well under Excel on the web's payload limit. */
export const CELLS_PER_SYNC = 150_000;

/** Office.js values + valueTypes → the core's cells (errors become `{ error }`). */
export function toCells(values: unknown[][], types: Excel.RangeValueType[][] | string[][]): CellValue[][] {
  return values.map((row, i) =>
    row.map((value, j) => {
      const type = types[i]?.[j];
      if (type === "Error") return { error: String(value) };
      if (type === "Empty" || value === "" || value === null || value === undefined) return null;
      return value as CellValue;
    }),
  );
}

/**
 * Reads the bilagor workbook's known sheets (`workbook.md`) into raw cells. Round trips: one for
 * the sheet list, one for all used-range sizes, then one per chunk of rows (large sheets are read
 * in chunks of about CELLS_PER_SYNC cells). Never one per row. Other sheets are not read.
 */
export async function readBilagorSheets(
  context: Excel.RequestContext,
  onProgress?: (done: number, total: number) => void,
): Promise<RawWorkbook> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const known = worksheets.items.filter((ws) => sheetKeyOf(ws.name) !== null);
  const used = known.map((ws) => {
    const range = ws.getUsedRangeOrNullObject(true);
    range.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
    return { ws, range };
  });
  await context.sync();

  const totalCells = used.reduce((n, u) => n + (u.range.isNullObject ? 0 : u.range.rowCount * u.range.columnCount), 0);
  let doneCells = 0;
  const sheets: RawSheet[] = [];
  for (const { ws, range } of used) {
    if (range.isNullObject) {
      sheets.push({ name: ws.name, rows: [] });
      continue;
    }
    const rowsPerChunk = Math.max(1, Math.floor(CELLS_PER_SYNC / Math.max(1, range.columnCount)));
    const rows: CellValue[][] = [];
    for (let start = 0; start < range.rowCount; start += rowsPerChunk) {
      const count = Math.min(rowsPerChunk, range.rowCount - start);
      const chunk = ws.getRangeByIndexes(range.rowIndex + start, range.columnIndex, count, range.columnCount);
      chunk.load(["values", "valueTypes"]);
      await context.sync();
      for (const row of toCells(chunk.values, chunk.valueTypes)) rows.push(row);
      doneCells += count * range.columnCount;
      onProgress?.(doneCells, totalCells);
    }
    sheets.push({ name: ws.name, rows, firstRow: range.rowIndex + 1, firstColumn: range.columnIndex + 1 });
  }
  return { sheets };
}
