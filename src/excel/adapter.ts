import type { CellValue, RawSheet, RawWorkbook } from "../core/cells";
import { normalizeIso } from "../core/iso";
import { sheetKeyOf } from "../core/model";
import { isDateFormat, serialToDate } from "../core/numberFormat";

/**
 * Cells per `context.sync()` when reading. Each cell costs its value, its type and its number
 * format in the response; at this size a typical bilaga stays well under Excel on the web's 5 MB
 * payload limit, and a chunk of long texts that does not is read again in halves.
 */
export const CELLS_PER_SYNC = 50_000;

/** The error codes Excel uses when a batch's request or response is larger than its payload limit. */
const PAYLOAD_LIMIT_CODES = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"]);

/**
 * Office.js values, valueTypes and number formats → the core's cells, as the CLI's reader gives
 * them: errors become `{ error }`, and a number whose format shows a date becomes a `Date` (Excel
 * keeps dates as serial numbers; only the format says "date"). Formulas arrive as their value,
 * rich text as its plain text, as in the CLI.
 */
export function toCells(values: unknown[][], types: Excel.RangeValueType[][] | string[][], formats?: unknown[][]): CellValue[][] {
  return values.map((row, i) =>
    row.map((value, j) => {
      const type = types[i]?.[j];
      if (type === "Error") return { error: String(value) };
      if (type === "Empty" || value === "" || value === null || value === undefined) return null;
      if (typeof value === "number" && isDateFormat(formats?.[i]?.[j])) return serialToDate(value);
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
  return readSheets(context, (name) => sheetKeyOf(name) !== null, onProgress, shouldStop);
}

/** The names of all sheets, in workbook order. One round trip. */
export async function sheetNames(context: Excel.RequestContext): Promise<string[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  return worksheets.items.map((w) => w.name);
}

/** Reads the sheets whose names `wanted` accepts, in chunks like the bilagor (e.g. a sheet of cost lines). */
export async function readSheets(
  context: Excel.RequestContext,
  wanted: (name: string) => boolean,
  onProgress?: (done: number, total: number) => void,
  shouldStop?: () => boolean,
): Promise<RawWorkbook> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const known = worksheets.items.filter((ws) => wanted(ws.name));
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
    let rowsPerChunk = Math.max(1, Math.floor(CELLS_PER_SYNC / Math.max(1, range.columnCount)));
    const rows: CellValue[][] = [];
    for (let start = 0; start < range.rowCount; ) {
      if (shouldStop?.()) throw new ReadCancelled();
      const count = Math.min(rowsPerChunk, range.rowCount - start);
      const chunk = ws.getRangeByIndexes(range.rowIndex + start, range.columnIndex, count, range.columnCount);
      chunk.load(["values", "valueTypes", "numberFormat"]);
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one round trip per chunk of about CELLS_PER_SYNC cells (never per row): one sync for a whole sheet would pass Excel's payload limit
        await context.sync();
      } catch (e) {
        // Long texts made the chunk too large for one response: read the same rows in halves.
        if (count > 1 && PAYLOAD_LIMIT_CODES.has((e as { code?: string })?.code ?? "")) {
          rowsPerChunk = Math.ceil(count / 2);
          continue;
        }
        throw e;
      }
      for (const row of toCells(chunk.values, chunk.valueTypes, chunk.numberFormat)) rows.push(row);
      start += count;
      doneCells += count * range.columnCount;
      onProgress?.(doneCells, totalCells);
    }
    sheets.push({ name: ws.name, rows, firstRow: range.rowIndex + 1, firstColumn: range.columnIndex + 1 });
  }
  return { sheets };
}

/**
 * Text as Excel should keep it: a leading apostrophe makes Excel store text that starts with
 * = + - @ as text, so cell text from a workbook is never turned into a formula when written.
 */
export function asText<T>(value: T): T | string {
  return typeof value === "string" && /^[=+\-@]/.test(value) ? `'${value}` : value;
}

/**
 * Number formats for values about to be written: text cells as Text ("@"), so Excel keeps
 * "2026:1" or "06" as written instead of reading a time or a number into them.
 */
export function formatsFor(values: ReadonlyArray<ReadonlyArray<unknown>>, numberFormat = "General"): string[][] {
  return values.map((row) => row.map((v) => (typeof v === "string" ? "@" : numberFormat)));
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
  /**
   * The row's ISO code when it was validated, and its column: checked again before writing, so a
   * row inserted or deleted since never gets someone else's flag.
   */
  readonly iso?: string | null;
  readonly isoColumn?: number | null;
}

/** A cell's fill as it was: null when it had none. */
export interface FillRecord {
  readonly color: string | null;
  readonly pattern: string | null;
  readonly patternColor: string | null;
}

/** What a flag replaced, so that removing it restores the row: Status (its formula, if any) and each cell's fill. */
export interface FlagRecord extends FlagTarget {
  /** The Status cell's formula, or its value when it held no formula. */
  readonly originalStatus: string | number | boolean | null;
  readonly originalFills: ReadonlyArray<FillRecord | null>;
}

const rowRange = (ws: Excel.Worksheet, t: FlagTarget) => ws.getRangeByIndexes(t.row - 1, t.firstColumn - 1, 1, t.lastColumn - t.firstColumn + 1);

/**
 * Sets Status to "Kräver huvudmannabeslut" and highlights each target row, after remembering
 * what was there. Rows whose sheet is gone or whose ISO code has changed since validation are
 * left alone (not in the result). Three round trips for any number of rows.
 */
export async function flagRows(context: Excel.RequestContext, targets: readonly FlagTarget[]): Promise<FlagRecord[]> {
  const byName = new Map<string, Excel.Worksheet>();
  for (const t of targets) if (!byName.has(t.sheet)) byName.set(t.sheet, context.workbook.worksheets.getItemOrNullObject(t.sheet));
  await context.sync();
  const reads = targets.flatMap((t) => {
    const ws = byName.get(t.sheet)!;
    if (ws.isNullObject) return [];
    const fills = rowRange(ws, t).getCellProperties({ format: { fill: { color: true, pattern: true, patternColor: true } } });
    const status = t.statusColumn === null ? null : ws.getCell(t.row - 1, t.statusColumn - 1);
    status?.load("formulas");
    const isoCell = t.iso && t.isoColumn ? ws.getCell(t.row - 1, t.isoColumn - 1) : null;
    isoCell?.load("values");
    return [{ t, ws, fills, status, isoCell }];
  });
  await context.sync();
  const records: FlagRecord[] = [];
  for (const { t, ws, fills, status, isoCell } of reads) {
    if (isoCell && normalizeIso(isoCell.values[0]?.[0] as CellValue) !== t.iso) continue;
    records.push({
      ...t,
      originalStatus: status ? ((status.formulas[0]?.[0] as string | number | boolean | undefined) ?? null) : null,
      originalFills: (fills.value[0] ?? []).map((c) => {
        const fill = c.format?.fill;
        if (!fill || fill.pattern === "None") return null;
        return { color: fill.color ?? null, pattern: fill.pattern ?? null, patternColor: fill.patternColor ?? null };
      }),
    });
    if (status) status.values = [[FLAG_STATUS]];
    rowRange(ws, t).format.fill.color = FLAG_FILL;
  }
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
  const isoCells = new Map(
    reads
      .filter(({ ws, r }) => !ws.isNullObject && r.iso && r.isoColumn)
      .map(({ r, ws }) => {
        const cell = ws.getCell(r.row - 1, r.isoColumn! - 1);
        cell.load("values");
        return [r, cell] as const;
      }),
  );
  await context.sync();
  // A row that moved (its code is no longer there) is not restored: the cells now belong to another row.
  const moved = (r: FlagRecord) => {
    const cell = isoCells.get(r);
    return cell !== undefined && normalizeIso(cell.values[0]?.[0] as CellValue) !== r.iso;
  };
  let restored = 0;
  for (const { r, ws } of reads) {
    if (ws.isNullObject || moved(r)) continue;
    r.originalFills.forEach((fill, i) => {
      const cell = ws.getCell(r.row - 1, r.firstColumn - 1 + i);
      if (fill === null) {
        cell.format.fill.clear();
        return;
      }
      if (fill.color) cell.format.fill.color = fill.color;
      if (fill.pattern && fill.pattern !== "Solid") cell.format.fill.pattern = fill.pattern as Excel.FillPattern;
      if (fill.patternColor && fill.pattern !== "Solid") cell.format.fill.patternColor = fill.patternColor;
    });
    restored++;
  }
  for (const { r, cell } of statuses) {
    if (!moved(r) && cell.values[0]?.[0] === FLAG_STATUS) cell.formulas = [[r.originalStatus ?? ""]];
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
    existing.add(spec.name.trim().toLowerCase());
    const width = spec.rows.reduce((w, r) => Math.max(w, r.length), 1);
    const firstDataRow = (spec.headerRow ?? 0) + 1;
    // Excel applies a 2-D array of exactly the range's size; a 1×1 array is not spread over more cells.
    for (const column of spec.textColumns ?? []) ws.getRangeByIndexes(firstDataRow - 1, column - 1, listRows, 1).numberFormat = Array.from({ length: listRows }, () => ["@"]);
    if (spec.rows.length > 0) {
      const values = spec.rows.map((r) => Array.from({ length: width }, (_, j) => asText(r[j] ?? "")));
      const range = ws.getRangeByIndexes(0, 0, values.length, width);
      range.numberFormat = formatsFor(values);
      range.values = values;
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

/**
 * The name of a sheet that changed, or null when it was deleted: looked up by id in its own batch
 * (the event arrives outside the batch that registered it), and `names` is kept up to date.
 */
async function changedSheet(context: Excel.RequestContext, worksheetId: string, names: Map<string, string>): Promise<{ name: string | null; deleted: boolean }> {
  const ws = context.workbook.worksheets.getItemOrNullObject(worksheetId);
  ws.load("name");
  await context.sync();
  if (ws.isNullObject) {
    const name = names.get(worksheetId) ?? null;
    names.delete(worksheetId);
    return { name, deleted: true };
  }
  names.set(worksheetId, ws.name);
  return { name: ws.name, deleted: false };
}

/** Calls `onChange` (with the sheet's name, or null when it was deleted) when a bilagor sheet changes. */
export async function watchBilagorSheets(context: Excel.RequestContext, onChange: (sheet: string | null) => void): Promise<void> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/id,items/name");
  await context.sync();
  // A deleted sheet can no longer be looked up: remember names by id to tell bilagor from others.
  const names = new Map(sheets.items.map((w) => [w.id, w.name]));
  const handler = async (event: { worksheetId: string; type?: string }) => {
    const { name, deleted } = await Excel.run((batch) => changedSheet(batch, event.worksheetId, names));
    if (name !== null && sheetKeyOf(name) !== null) onChange(deleted ? null : name);
  };
  sheets.onChanged.add(handler);
  sheets.onAdded.add(handler);
  sheets.onDeleted.add(handler);
  await context.sync();
}

/** XML namespace of the custom XML parts that hold published editions inside the workbook. */
export const EDITION_NAMESPACE = "urn:kostnadsansvar:utgava:1";

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const unescapeXml = (text: string) => text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** The edition JSON texts stored in the workbook (one custom XML part each). Two round trips. */
export async function readStoredEditions(context: Excel.RequestContext): Promise<string[]> {
  const parts = context.workbook.customXmlParts.getByNamespace(EDITION_NAMESPACE);
  parts.load("items/id");
  await context.sync();
  const xmls = parts.items.map((p) => p.getXml());
  await context.sync();
  return xmls.map((x) => {
    const match = /<edition[^>]*>([\s\S]*)<\/edition>/.exec(x.value);
    return match ? unescapeXml(match[1]!) : "";
  });
}

/** Stores a published edition in the workbook, so later validations compare against it without a file. */
export async function storeEdition(context: Excel.RequestContext, json: string): Promise<void> {
  context.workbook.customXmlParts.add(`<edition xmlns="${EDITION_NAMESPACE}">${escapeXml(json)}</edition>`);
  await context.sync();
}

/**
 * Appends rows under the header of a sheet the add-in owns (the change log), creating it when
 * missing. Two round trips.
 */
export async function appendToOwnSheet(context: Excel.RequestContext, name: string, headers: readonly string[], rows: ReadonlyArray<ReadonlyArray<string>>): Promise<void> {
  const ws = context.workbook.worksheets.getItemOrNullObject(name);
  const used = ws.getUsedRangeOrNullObject(true);
  used.load(["rowIndex", "rowCount"]);
  await context.sync();
  let target: Excel.Worksheet;
  let next: number;
  if (ws.isNullObject) {
    target = context.workbook.worksheets.add(name);
    target.getRangeByIndexes(0, 0, 1, headers.length).values = [[...headers]];
    target.getRangeByIndexes(0, 0, 1, headers.length).format.font.bold = true;
    target.freezePanes.freezeRows(1);
    next = 1;
  } else {
    target = ws;
    next = used.isNullObject ? 0 : used.rowIndex + used.rowCount;
    if (next === 0) {
      target.getRangeByIndexes(0, 0, 1, headers.length).values = [[...headers]];
      next = 1;
    }
  }
  if (rows.length > 0) {
    const values = rows.map((r) => headers.map((_, j) => asText(r[j] ?? "")));
    const range = target.getRangeByIndexes(next, 0, rows.length, headers.length);
    range.numberFormat = formatsFor(values);
    range.values = values;
  }
  await context.sync();
}

/** A report sheet the add-in creates: a table from A1 and, optionally, a column chart of its first columns. */
export interface ReportSheet {
  readonly name: string;
  readonly rows: ReadonlyArray<ReadonlyArray<string | number>>;
  /** A chart of the first `columns` columns of the first `rows` rows (default: all rows). */
  readonly chart?: { readonly title: string; readonly columns: number; readonly rows?: number };
}

/**
 * Creates a new sheet (named `name`, or `name 2`, `name 3` … when taken) with the table and a
 * clustered column chart, and activates it. Never touches an existing sheet. Two round trips.
 */
export async function addReportSheet(context: Excel.RequestContext, report: ReportSheet): Promise<string> {
  const taken = new Set((await sheetNames(context)).map((n) => n.toLowerCase()));
  let name = report.name;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${report.name} ${n}`;
  const ws = context.workbook.worksheets.add(name);
  const width = report.rows.reduce((w, r) => Math.max(w, r.length), 1);
  const values = report.rows.map((r) => Array.from({ length: width }, (_, j) => asText(r[j] ?? "")));
  const range = ws.getRangeByIndexes(0, 0, values.length, width);
  range.numberFormat = formatsFor(values, "#,##0.00");
  range.values = values;
  ws.getRangeByIndexes(0, 0, 1, width).format.font.bold = true;
  if (report.chart && values.length > 1) {
    const chart = ws.charts.add(Excel.ChartType.columnClustered, ws.getRangeByIndexes(0, 0, Math.min(values.length, report.chart.rows ?? values.length), report.chart.columns), Excel.ChartSeriesBy.columns);
    chart.title.text = report.chart.title;
    chart.setPosition(ws.getRangeByIndexes(0, width + 1, 1, 1), ws.getRangeByIndexes(20, width + 9, 1, 1));
  }
  ws.activate();
  await context.sync();
  return name;
}
