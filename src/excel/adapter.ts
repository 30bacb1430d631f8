import type { CellValue, RawSheet, RawWorkbook } from "../core/cells";
import { normalizeIso } from "../core/iso";
import { sheetCopyOf, sheetKeyOf } from "../core/model";
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
 * the sheet list, one for all used-range sizes, then as few as the payload allows for the cells:
 * the chunks of all sheets share one sync up to the budget (see `readCells`). Never one per row
 * or per sheet. Other sheets are not read.
 */
export async function readBilagorSheets(
  context: Excel.RequestContext,
  onProgress?: (done: number, total: number) => void,
  shouldStop?: () => boolean,
): Promise<RawWorkbook> {
  return (await readCells(context, (name) => sheetKeyOf(name) !== null, onProgress, shouldStop, false)).workbook;
}

/** The bilagor and the editions stored in the workbook, read together. */
export interface BilagorAndEditions {
  readonly workbook: RawWorkbook;
  /** The stored edition JSON texts, one per custom XML part. */
  readonly editions: string[];
  /** Why the stored editions could not be read, or null; the sheets are read even then. */
  readonly editionsError: Error | null;
  /** Every sheet's name, in workbook order (read or not). */
  readonly names: string[];
}

/**
 * The sheets `wanted` accepts and the stored editions, in the round trips of readBilagorAndEditions
 * (e.g. the bilagor and a sheet of cost lines together).
 */
export async function readSheetsAndEditions(
  context: Excel.RequestContext,
  wanted: (name: string) => boolean,
  onProgress?: (done: number, total: number) => void,
  shouldStop?: () => boolean,
): Promise<BilagorAndEditions> {
  return readCells(context, wanted, onProgress, shouldStop, true);
}

/**
 * The bilagor and the stored editions in the same round trips as the bilagor alone: the edition
 * parts are listed with the sheet list and their XML fetched with the used ranges (3 round trips
 * for a workbook of up to about CELLS_PER_SYNC cells, against 5 when read one after the other).
 */
export async function readBilagorAndEditions(
  context: Excel.RequestContext,
  onProgress?: (done: number, total: number) => void,
  shouldStop?: () => boolean,
): Promise<BilagorAndEditions> {
  return readCells(context, (name) => sheetKeyOf(name) !== null, onProgress, shouldStop, true);
}

/** The names of all sheets, in workbook order. One round trip. */
export async function sheetNames(context: Excel.RequestContext): Promise<string[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  return worksheets.items.map((w) => w.name);
}


/**
 * The budget of a response: Excel on the web refuses responses over 5 MB; the next batch is sized
 * from the bytes a cell took in the batches before, aiming at about 3 MB (never more than
 * MAX_CELLS_PER_SYNC cells), so a sheet of short cells needs few round trips and one of long texts
 * stays under the limit. A batch that still passes it is read again in halves.
 */
const TARGET_RESPONSE_BYTES = 3_000_000;
export const MAX_CELLS_PER_SYNC = 250_000;

/** Bytes of the loaded values, types and formats as JSON: what the response carried, near enough. */
const responseBytes = (chunk: Excel.Range) => JSON.stringify(chunk.values).length + JSON.stringify(chunk.valueTypes).length + JSON.stringify(chunk.numberFormat).length;

interface SheetRead {
  readonly ws: Excel.Worksheet;
  readonly range: Excel.Range;
  readonly rows: CellValue[][];
  /** Rows read so far. */
  next: number;
}

async function readCells(
  context: Excel.RequestContext,
  wanted: (name: string) => boolean,
  onProgress: ((done: number, total: number) => void) | undefined,
  shouldStop: (() => boolean) | undefined,
  withEditions: boolean,
): Promise<BilagorAndEditions> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  let parts: Excel.CustomXmlPartScopedCollection | null = null;
  let editionsError: Error | null = null;
  if (withEditions) {
    parts = context.workbook.customXmlParts.getByNamespace(EDITION_NAMESPACE);
    parts.load("items/id");
  }
  try {
    await context.sync();
  } catch (e) {
    if (!parts) throw e;
    // The edition parts could not be listed: the sheets are still read, and the caller says why.
    editionsError = e instanceof Error ? e : new Error(String(e));
    parts = null;
    worksheets.load("items/name,items/visibility");
    await context.sync();
  }
  const known = worksheets.items.filter((ws) => wanted(ws.name));
  // Copies of known sheets ("Bilaga 1 (2)") are named, never read: the core says so.
  const copies = new Set(worksheets.items.filter((ws) => !wanted(ws.name) && sheetCopyOf(ws.name) !== null));
  const used = known.map((ws) => {
    const range = ws.getUsedRangeOrNullObject(true);
    range.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
    return { ws, range };
  });
  let xmls: string[] = [];
  try {
    const results = parts ? parts.items.map((p) => p.getXml()) : [];
    await context.sync();
    xmls = results.map((r) => r.value);
  } catch (e) {
    // A large edition is stored in several parts, together more than one response may carry:
    // the used ranges again, then the parts a few at a time.
    if (!parts || !PAYLOAD_LIMIT_CODES.has((e as { code?: string })?.code ?? "")) throw e;
    for (const u of used) u.range.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
    await context.sync();
    try {
      xmls = await partXmlsInGroups(context, parts.items);
    } catch (inner) {
      editionsError = inner instanceof Error ? inner : new Error(String(inner));
    }
  }

  const reads: SheetRead[] = used.filter((u) => !u.range.isNullObject).map(({ ws, range }) => ({ ws, range, rows: [], next: 0 }));
  const totalCells = reads.reduce((n, r) => n + r.range.rowCount * r.range.columnCount, 0);
  let doneCells = 0;
  let budget = CELLS_PER_SYNC;
  let ceiling = MAX_CELLS_PER_SYNC;
  for (let first = 0; first < reads.length; ) {
    if (shouldStop?.()) throw new ReadCancelled();
    // The next batch: from the first unfinished sheet on, whole rows, until the budget is spent.
    const batch: Array<{ read: SheetRead; count: number; chunk: Excel.Range }> = [];
    let cells = 0;
    for (let i = first; i < reads.length && cells < budget; i++) {
      const read = reads[i]!;
      const width = Math.max(1, read.range.columnCount);
      const count = Math.min(read.range.rowCount - read.next, Math.max(1, Math.floor((budget - cells) / width)));
      if (count <= 0) continue;
      if (cells > 0 && count * width > budget - cells && count < read.range.rowCount - read.next) break;
      const chunk = read.ws.getRangeByIndexes(read.range.rowIndex + read.next, read.range.columnIndex, count, read.range.columnCount);
      chunk.load(["values", "valueTypes", "numberFormat"]);
      batch.push({ read, count, chunk });
      cells += count * width;
    }
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one round trip per batch of up to MAX_CELLS_PER_SYNC cells over all sheets (never per row or per sheet): one sync for a large workbook would pass Excel's payload limit
      await context.sync();
    } catch (e) {
      // Long texts made the batch too large for one response: read the same rows in halves.
      if (cells > 1 && PAYLOAD_LIMIT_CODES.has((e as { code?: string })?.code ?? "")) {
        budget = Math.max(1, Math.floor(cells / 2));
        ceiling = budget;
        continue;
      }
      throw e;
    }
    let bytes = 0;
    for (const { read, count, chunk } of batch) {
      for (const row of toCells(chunk.values, chunk.valueTypes, chunk.numberFormat)) read.rows.push(row);
      read.next += count;
      bytes += responseBytes(chunk);
    }
    doneCells += cells;
    onProgress?.(doneCells, totalCells);
    // Grow towards the target from what the cells weighed; never past a size that was refused.
    budget = Math.min(ceiling, Math.max(budget, Math.floor((TARGET_RESPONSE_BYTES * cells) / Math.max(1, bytes))));
    while (first < reads.length && reads[first]!.next >= reads[first]!.range.rowCount) first++;
  }
  const byWs = new Map(reads.map((r) => [r.ws, r]));
  const hidden = (ws: Excel.Worksheet) => (ws.visibility !== "Visible" ? { hidden: true } : {});
  const readSheets: RawSheet[] = used.map(({ ws, range }) => {
    const read = byWs.get(ws);
    return read ? { name: ws.name, rows: read.rows, firstRow: range.rowIndex + 1, firstColumn: range.columnIndex + 1, ...hidden(ws) } : { name: ws.name, rows: [], ...hidden(ws) };
  });
  const sheets = [...readSheets, ...[...copies].map((ws) => ({ name: ws.name, rows: [], ...hidden(ws) }))];
  return { workbook: { sheets }, editions: editionTexts(xmls), editionsError, names: worksheets.items.map((w) => w.name) };
}

/** The XML of each part, a few parts per round trip (fewer after a response that was too large). */
async function partXmlsInGroups(context: Excel.RequestContext, items: readonly Excel.CustomXmlPart[]): Promise<string[]> {
  const out: string[] = [];
  let group = Math.max(1, Math.floor(TARGET_RESPONSE_BYTES / EDITION_PART_CHARS));
  for (let i = 0; i < items.length; ) {
    const batch = items.slice(i, i + group).map((p) => p.getXml());
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- a few parts per round trip, under Excel's payload limit
      await context.sync();
    } catch (e) {
      if (group > 1 && PAYLOAD_LIMIT_CODES.has((e as { code?: string })?.code ?? "")) {
        group = Math.ceil(group / 2);
        continue;
      }
      throw e;
    }
    for (const r of batch) out.push(r.value);
    i += batch.length;
  }
  return out;
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
 * left alone (not in the result). Two round trips for any number of rows (three when a sheet
 * has been deleted since the validation).
 */
export async function flagRows(context: Excel.RequestContext, targets: readonly FlagTarget[]): Promise<FlagRecord[]> {
  // Usually every sheet is still there: look them up in the same batch as the reads (2 round
  // trips). When one is gone the batch fails as a whole; then look the sheets up first (3).
  const reads = await readOnSheets(context, targets.map((t) => t.sheet), (sheet) => queueFlagReads(targets, sheet));
  return writeFlags(context, reads);
}

/**
 * Queues reads on named sheets and syncs: first with `getItem` in the same batch (one round trip),
 * and when a sheet is gone (the batch fails with ItemNotFound) with the sheets looked up first, a
 * gone sheet given to `queue` as null (two more).
 */
async function readOnSheets<T>(context: Excel.RequestContext, names: readonly string[], queue: (sheet: (name: string) => Excel.Worksheet | null) => T): Promise<T> {
  try {
    const reads = queue((name) => context.workbook.worksheets.getItem(name));
    await context.sync();
    return reads;
  } catch (e) {
    if ((e as { code?: string })?.code !== "ItemNotFound") throw e;
    const byName = new Map<string, Excel.Worksheet>();
    for (const name of names) if (!byName.has(name)) byName.set(name, context.workbook.worksheets.getItemOrNullObject(name));
    await context.sync();
    const reads = queue((name) => {
      const ws = byName.get(name)!;
      return ws.isNullObject ? null : ws;
    });
    await context.sync();
    return reads;
  }
}

interface FlagRead {
  readonly t: FlagTarget;
  readonly ws: Excel.Worksheet;
  readonly fills: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
  readonly status: Excel.Range | null;
  readonly isoCell: Excel.Range | null;
}

/** Queues the reads a flag needs (fills, Status, the ISO cell) on the sheets `sheet` gives; a sheet known to be gone (null) is skipped. */
function queueFlagReads(targets: readonly FlagTarget[], sheet: (name: string) => Excel.Worksheet | null): FlagRead[] {
  const worksheets = new Map<string, Excel.Worksheet | null>();
  return targets.flatMap((t) => {
    if (!worksheets.has(t.sheet)) worksheets.set(t.sheet, sheet(t.sheet));
    const ws = worksheets.get(t.sheet);
    if (!ws) return [];
    const fills = rowRange(ws, t).getCellProperties({ format: { fill: { color: true, pattern: true, patternColor: true } } });
    const status = t.statusColumn === null ? null : ws.getCell(t.row - 1, t.statusColumn - 1);
    status?.load("formulas");
    const isoCell = t.iso && t.isoColumn ? ws.getCell(t.row - 1, t.isoColumn - 1) : null;
    isoCell?.load("values");
    return [{ t, ws, fills, status, isoCell }];
  });
}

/** Records what each row held and writes the flags. One round trip. */
async function writeFlags(context: Excel.RequestContext, reads: readonly FlagRead[]): Promise<FlagRecord[]> {
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
  // As in flagRows: the sheets and the cells in one batch; a deleted sheet costs one more.
  const reads = await readOnSheets(context, records.map((r) => r.sheet), (sheet) => queueUnflagReads(records, sheet));
  return writeUnflags(context, reads);
}

interface UnflagRead {
  readonly r: FlagRecord;
  readonly ws: Excel.Worksheet;
  readonly status: Excel.Range | null;
  readonly isoCell: Excel.Range | null;
}

function queueUnflagReads(records: readonly FlagRecord[], sheet: (name: string) => Excel.Worksheet | null): UnflagRead[] {
  const worksheets = new Map<string, Excel.Worksheet | null>();
  return records.flatMap((r) => {
    if (!worksheets.has(r.sheet)) worksheets.set(r.sheet, sheet(r.sheet));
    const ws = worksheets.get(r.sheet);
    if (!ws) return [];
    const status = r.statusColumn === null ? null : ws.getCell(r.row - 1, r.statusColumn - 1);
    status?.load("values");
    const isoCell = r.iso && r.isoColumn ? ws.getCell(r.row - 1, r.isoColumn - 1) : null;
    isoCell?.load("values");
    return [{ r, ws, status, isoCell }];
  });
}

/** Restores fills and Status where the row is still the flagged one. One round trip. */
async function writeUnflags(context: Excel.RequestContext, reads: readonly UnflagRead[]): Promise<number> {
  // A row that moved (its code is no longer there) is not restored: the cells now belong to another row.
  const moved = ({ r, isoCell }: UnflagRead) => isoCell !== null && normalizeIso(isoCell.values[0]?.[0] as CellValue) !== r.iso;
  let restored = 0;
  for (const read of reads) {
    if (moved(read)) continue;
    const { r, ws, status } = read;
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
    if (status && status.values[0]?.[0] === FLAG_STATUS) status.formulas = [[r.originalStatus ?? ""]];
    restored++;
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

/** The edition JSON inside a stored part's XML, or "" when the part is not one of ours. */
function editionJsonOf(xml: string): string {
  const match = /<edition[^>]*>([\s\S]*)<\/edition>/.exec(xml);
  return match ? unescapeXml(match[1]!) : "";
}

/**
 * Characters of edition JSON per custom XML part, and per batch: a batch's request must stay
 * under Excel on the web's 5 MB payload limit, so a large edition (a 20 000-row edition is about
 * 13 MB) is stored as numbered parts over several batches and joined again when read.
 */
export const EDITION_PART_CHARS = 1_000_000;
const EDITION_BATCH_CHARS = 3_500_000;

/** The XML of each part of an edition: one part, or numbered parts sharing an id. */
export function editionParts(json: string, id: string): string[] {
  const text = escapeXml(json);
  if (text.length <= EDITION_PART_CHARS) return [`<edition xmlns="${EDITION_NAMESPACE}">${text}</edition>`];
  const chunks: string[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + EDITION_PART_CHARS);
    // Never split an entity (&amp; …) between two parts.
    const amp = text.lastIndexOf("&", end - 1);
    if (end < text.length && amp >= start && text.indexOf(";", amp) >= end) end = amp;
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks.map((c, i) => `<edition xmlns="${EDITION_NAMESPACE}" id="${id}" part="${i + 1}" of="${chunks.length}">${c}</edition>`);
}

/**
 * The stored editions from their parts' XML: a whole part as it is; numbered parts joined by id in
 * order. A set with a part missing gives "" (a damaged edition, which the reader reports).
 */
export function editionTexts(xmls: readonly string[]): string[] {
  const out: string[] = [];
  const sets = new Map<string, { of: number; parts: Map<number, string>; at: number }>();
  for (const xml of xmls) {
    const head = /^\s*<edition\b([^>]*)>/.exec(xml);
    const attr = (name: string) => (head ? new RegExp(`\\s${name}="([^"]*)"`).exec(head[1]!)?.[1] : undefined);
    const id = attr("id");
    if (id === undefined) {
      out.push(editionJsonOf(xml));
      continue;
    }
    const set = sets.get(id) ?? { of: Number(attr("of")), parts: new Map(), at: out.push("") - 1 };
    sets.set(id, set);
    const body = /<edition[^>]*>([\s\S]*)<\/edition>/.exec(xml)?.[1] ?? "";
    set.parts.set(Number(attr("part")), body);
  }
  for (const set of sets.values()) {
    const complete = Number.isInteger(set.of) && set.of > 0 && Array.from({ length: set.of }, (_, i) => set.parts.has(i + 1)).every(Boolean) && set.parts.size === set.of;
    out[set.at] = complete ? unescapeXml(Array.from({ length: set.of }, (_, i) => set.parts.get(i + 1)!).join("")) : "";
  }
  return out;
}

/** Stores a published edition in the workbook, so later validations compare against it without a file. */
export async function storeEdition(context: Excel.RequestContext, json: string): Promise<void> {
  await publishInWorkbook(context, json, null);
}

/** Rows to append to a sheet the add-in owns, under its header (the change log, the Beslut sheet). */
export interface OwnSheetRows {
  readonly name: string;
  readonly headers: readonly string[];
  readonly rows: ReadonlyArray<ReadonlyArray<string>>;
}

/**
 * Publishing's writes: the edition's parts and the change-log rows. Two round trips for an edition
 * of up to EDITION_BATCH_CHARS (one more per further batch of parts). When a batch fails, the
 * parts stored since the start are removed again; the change log is written with the last parts.
 */
export async function publishInWorkbook(context: Excel.RequestContext, json: string, log: OwnSheetRows | null): Promise<void> {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const parts = editionParts(json, id);
  // First the parts already there (ids only: a small response) and where the log rows go.
  const before = context.workbook.customXmlParts.getByNamespace(EDITION_NAMESPACE);
  before.load("items/id");
  const appending = log ? queueOwnSheetLookup(context, log.name) : null;
  await context.sync();
  const existing = new Set(before.items.map((p) => p.id));
  try {
    for (let i = 0; i < parts.length; ) {
      let chars = 0;
      for (; i < parts.length && (chars === 0 || chars + parts[i]!.length <= EDITION_BATCH_CHARS); i++) {
        chars += parts[i]!.length;
        context.workbook.customXmlParts.add(parts[i]!);
      }
      // The change log goes with the last parts: both are stored, or (after the rollback) neither.
      if (i === parts.length && log && appending) writeOwnSheetRows(context, appending, log);
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one batch per EDITION_BATCH_CHARS of the edition: one for all would pass Excel's payload limit
      await context.sync();
    }
  } catch (e) {
    await removePartsNotIn(context, existing).catch(() => undefined);
    throw e;
  }
}

/** Removes the edition parts added since `existing` was listed (after a failed publication). */
async function removePartsNotIn(context: Excel.RequestContext, existing: ReadonlySet<string>): Promise<void> {
  const stored = context.workbook.customXmlParts.getByNamespace(EDITION_NAMESPACE);
  stored.load("items/id");
  await context.sync();
  const added = stored.items.filter((p) => !existing.has(p.id));
  for (const p of added) p.delete();
  await context.sync();
}

interface OwnSheetLookup {
  readonly ws: Excel.Worksheet;
  readonly used: Excel.Range;
}

const queueOwnSheetLookup = (context: Excel.RequestContext, name: string): OwnSheetLookup => {
  const ws = context.workbook.worksheets.getItemOrNullObject(name);
  const used = ws.getUsedRangeOrNullObject(true);
  used.load(["rowIndex", "rowCount"]);
  return { ws, used };
};

/** Queues the rows under the header, creating the sheet with its header when missing. */
function writeOwnSheetRows(context: Excel.RequestContext, { ws, used }: OwnSheetLookup, { name, headers, rows }: OwnSheetRows): void {
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
}

/**
 * Appends rows under the header of a sheet the add-in owns (the change log), creating it when
 * missing. Two round trips.
 */
export async function appendToOwnSheet(context: Excel.RequestContext, name: string, headers: readonly string[], rows: ReadonlyArray<ReadonlyArray<string>>): Promise<void> {
  const lookup = queueOwnSheetLookup(context, name);
  await context.sync();
  writeOwnSheetRows(context, lookup, { name, headers, rows });
  await context.sync();
}

/** A report sheet the add-in creates: a table from A1 and, optionally, a column chart of its first columns. */
export interface ReportSheet {
  readonly name: string;
  readonly rows: ReadonlyArray<ReadonlyArray<string | number>>;
  /** A chart of the first `columns` columns of the first `rows` rows (default: all rows). */
  readonly chart?: { readonly title: string; readonly columns: number; readonly rows?: number; readonly valueAxisTitle?: string };
}

/**
 * Creates a new sheet (named `name`, or `name 2`, `name 3` … when taken) with the table and a
 * clustered column chart, and activates it. Never touches an existing sheet. Two round trips; one
 * when the caller has just read the sheet names (`names`; a name taken since makes the add fail,
 * and nothing is written).
 */
export async function addReportSheet(context: Excel.RequestContext, report: ReportSheet, names?: readonly string[]): Promise<string> {
  const taken = new Set((names ?? (await sheetNames(context))).map((n) => n.toLowerCase()));
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
    if (report.chart.valueAxisTitle) chart.axes.valueAxis.title.text = report.chart.valueAxisTitle;
    chart.setPosition(ws.getRangeByIndexes(0, width + 1, 1, 1), ws.getRangeByIndexes(20, width + 9, 1, 1));
  }
  ws.activate();
  await context.sync();
  return name;
}
