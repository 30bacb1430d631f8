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

/** Thrown when the user cancels a read between two chunks. */
export class ReadCancelled extends Error {
  constructor() {
    super("Avbruten");
  }
}

/**
 * Reads the bilagor workbook's known sheets (`workbook.md`) into raw cells. Round trips: one for
 * the sheet list, one for all used-range sizes, then one per chunk of rows (large sheets are read
 * in chunks of about CELLS_PER_SYNC cells). Never one per row. Other sheets are not read.
 */
export async function readBilagorSheets(
  context: Excel.RequestContext,
  onProgress?: (done: number, total: number) => void,
  shouldStop?: () => boolean,
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
      if (shouldStop?.()) throw new ReadCancelled();
      const count = Math.min(rowsPerChunk, range.rowCount - start);
      const chunk = ws.getRangeByIndexes(range.rowIndex + start, range.columnIndex, count, range.columnCount);
      chunk.load(["values", "valueTypes"]);
      // sync-in-loop: one round trip per chunk of ~CELLS_PER_SYNC cells, never per row
      await context.sync();
      for (const row of toCells(chunk.values, chunk.valueTypes)) rows.push(row);
      doneCells += count * range.columnCount;
      onProgress?.(doneCells, totalCells);
    }
    sheets.push({ name: ws.name, rows, firstRow: range.rowIndex + 1, firstColumn: range.columnIndex + 1 });
  }
  return { sheets };
}

/** The Status text the add-in writes when the user flags a row for a huvudmän decision. */
export const FLAG_STATUS = "Kräver huvudmannabeslut";
/** Fluent's warning background: visible, and readable with black text. */
export const FLAG_FILL = "#FFF4CE";

/** A row the user asked to flag: where its Status cell is and which columns the row spans. */
export interface FlagTarget {
  readonly sheet: string;
  readonly row: number;
  /** 1-based column of Status, or null when the sheet has none (then only the fill is set). */
  readonly statusColumn: number | null;
  readonly firstColumn: number;
  readonly lastColumn: number;
}

/** What a flag replaced, so that removing it restores the row exactly. */
export interface FlagRecord extends FlagTarget {
  readonly originalStatus: string | number | boolean | null;
  /** Per cell of the row: its fill colour, or null when it had no fill. */
  readonly originalFills: ReadonlyArray<string | null>;
}

const rowRange = (ws: Excel.Worksheet, t: FlagTarget) => ws.getRangeByIndexes(t.row - 1, t.firstColumn - 1, 1, t.lastColumn - t.firstColumn + 1);

/**
 * Sets Status to "Kräver huvudmannabeslut" and highlights each target row, after remembering
 * what was there. Two round trips for any number of rows: one read, one write.
 */
export async function flagRows(context: Excel.RequestContext, targets: readonly FlagTarget[]): Promise<FlagRecord[]> {
  const sheets = context.workbook.worksheets;
  const reads = targets.map((t) => {
    const ws = sheets.getItem(t.sheet);
    const fills = rowRange(ws, t).getCellProperties({ format: { fill: { color: true, pattern: true } } });
    const status = t.statusColumn === null ? null : ws.getCell(t.row - 1, t.statusColumn - 1);
    status?.load("values");
    return { t, ws, fills, status };
  });
  await context.sync();
  const records = reads.map(({ t, ws, fills, status }) => {
    const record: FlagRecord = {
      ...t,
      originalStatus: status ? ((status.values[0]?.[0] as string | number | boolean | undefined) ?? null) : null,
      originalFills: (fills.value[0] ?? []).map((c) => (c.format?.fill?.pattern === "None" || !c.format?.fill ? null : c.format.fill.color ?? null)),
    };
    if (status) status.values = [[FLAG_STATUS]];
    rowRange(ws, t).format.fill.color = FLAG_FILL;
    return record;
  });
  await context.sync();
  return records;
}

/**
 * Removes flags the add-in set: restores each cell's fill and, when Status still says what the
 * add-in wrote, the original Status. A Status the user has changed since is left alone.
 */
export async function unflagRows(context: Excel.RequestContext, records: readonly FlagRecord[]): Promise<number> {
  const sheets = context.workbook.worksheets;
  const reads = records.map((r) => {
    const ws = sheets.getItemOrNullObject(r.sheet);
    return { r, ws };
  });
  await context.sync();
  const statuses = reads
    .filter(({ ws, r }) => !ws.isNullObject && r.statusColumn !== null)
    .map(({ r, ws }) => {
      const cell = ws.getCell(r.row - 1, r.statusColumn! - 1);
      cell.load("values");
      return { r, cell };
    });
  await context.sync();
  let restored = 0;
  for (const { r, ws } of reads) {
    if (ws.isNullObject) continue;
    r.originalFills.forEach((color, i) => {
      const cell = ws.getCell(r.row - 1, r.firstColumn - 1 + i);
      if (color === null) cell.format.fill.clear();
      else cell.format.fill.color = color;
    });
    restored++;
  }
  for (const { r, cell } of statuses) {
    if (cell.values[0]?.[0] === FLAG_STATUS) cell.values = [[r.originalStatus ?? ""]];
  }
  await context.sync();
  return restored;
}

/** Activates a sheet and selects a cell (A1 address), so the user sees the finding. */
export async function selectCell(context: Excel.RequestContext, sheet: string, address: string): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(address).select();
  await context.sync();
}

/** A sheet to write: its cells from A1, and which columns get a drop-down list or text format. */
export interface SheetToWrite {
  readonly name: string;
  readonly rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null>>;
  readonly headerRow: number | null;
  readonly lists?: ReadonlyArray<{ readonly column: number; readonly values: readonly string[] }>;
  readonly textColumns?: readonly number[];
}

/**
 * Adds sheets the add-in creates. An existing sheet with the same name is never touched: it is
 * skipped and reported. One round trip to learn the names, one to write everything.
 */
export async function addSheets(context: Excel.RequestContext, sheetsToWrite: readonly SheetToWrite[], listRows = 2000): Promise<{ added: string[]; skipped: string[] }> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const existing = new Set(worksheets.items.map((w) => w.name.trim().toLowerCase()));
  const added: string[] = [];
  const skipped: string[] = [];
  for (const spec of sheetsToWrite) {
    if (existing.has(spec.name.trim().toLowerCase())) {
      skipped.push(spec.name);
      continue;
    }
    const ws = worksheets.add(spec.name);
    const width = Math.max(1, ...spec.rows.map((r) => r.length));
    const firstDataRow = (spec.headerRow ?? 0) + 1;
    for (const column of spec.textColumns ?? []) ws.getRangeByIndexes(firstDataRow - 1, column - 1, listRows, 1).numberFormat = [["@"]];
    if (spec.rows.length > 0) {
      const values = spec.rows.map((r) => Array.from({ length: width }, (_, j) => r[j] ?? ""));
      ws.getRangeByIndexes(0, 0, values.length, width).values = values;
    }
    if (spec.headerRow !== null) {
      ws.getRangeByIndexes(spec.headerRow - 1, 0, 1, width).format.font.bold = true;
      ws.freezePanes.freezeRows(spec.headerRow);
    }
    for (const list of spec.lists ?? []) {
      ws.getRangeByIndexes(firstDataRow - 1, list.column - 1, listRows, 1).dataValidation.rule = {
        list: { inCellDropDown: true, source: list.values.join(",") },
      };
    }
    ws.getRangeByIndexes(0, 0, 1, width).format.autofitColumns();
    added.push(spec.name);
  }
  await context.sync();
  return { added, skipped };
}

/** Calls `onChange` (with the sheet's name, or null when it was deleted) when a bilagor sheet changes. */
export async function watchBilagorSheets(context: Excel.RequestContext, onChange: (sheet: string | null) => void): Promise<void> {
  const sheets = context.workbook.worksheets;
  const handler = async (event: { worksheetId: string }) => {
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(event.worksheetId);
      ws.load("name");
      await ctx.sync();
      if (ws.isNullObject) onChange(null);
      else if (sheetKeyOf(ws.name) !== null) onChange(ws.name);
    });
  };
  sheets.onChanged.add(handler);
  sheets.onAdded.add(handler);
  sheets.onDeleted.add(handler);
  await context.sync();
}
