import { createHash } from "node:crypto";
import { createReadStream, promises as fs } from "node:fs";
import * as path from "node:path";
import type { CellValue } from "../core/cells";
import { detectDelimiter, parseCsvChecked, type Delimiter } from "../core/csv";
import { hasCostHeader, type CostSource } from "../core/costs/followUp";
import { readXlsxFile } from "../node/readXlsx";
import { TextDecoder } from "node:util";
import { sniffEncoding } from "./io";

/** An input named on the command line, after folders are opened: a file to read, or why not. */
export type CostInput = { readonly file: string; readonly problem: null } | { readonly file: string; readonly problem: string };

/** The files the follow-up reads: CSV (also .tsv and .txt) and Excel workbooks (.xlsx, .xlsm). */
const COST_FILE = /\.(csv|tsv|txt|xlsx|xlsm)$/i;
/** Spreadsheet formats it does not read, each with what to do instead. */
const OTHER_SPREADSHEET = /\.(ods|xls|xlsb|numbers)$/i;

/** A spreadsheet the follow-up does not read (.ods, .xls …): named with notReadReason, never opened. */
export const isOtherSpreadsheet = (file: string): boolean => OTHER_SPREADSHEET.test(file);

/** Why a file found in a folder is not read: every file is read or named, never passed over in silence. */
export function notReadReason(file: string): string {
  const name = path.basename(file);
  const other = OTHER_SPREADSHEET.exec(name);
  return other
    ? `${name} är sparad som .${other[1]!.toLowerCase()}, som uppföljningen inte läser; spara den som .xlsx eller CSV.`
    : `${name} är ingen kostnadsfil (.xlsx, .xlsm, .csv, .tsv eller .txt) och lästes inte.`;
}

const FS_PROBLEMS: Record<string, string> = {
  ENOENT: "finns inte",
  EACCES: "kan inte läsas: behörighet saknas",
  EPERM: "kan inte läsas: behörighet saknas",
  ELOOP: "är en länk i cirkel",
  ENAMETOOLONG: "har för långt namn",
};
const fsProblem = (e: unknown) => FS_PROBLEMS[(e as NodeJS.ErrnoException)?.code ?? ""] ?? `kan inte läsas (${(e as NodeJS.ErrnoException)?.code ?? "okänt fel"})`;

/**
 * The files to read: each file as named, and every file in each folder and its subfolders, in
 * name order: the cost files to read, any other file with the reason it is not read. Hidden files,
 * Excel's lock files (`~$…`) and `skip` (the report being written) are passed over.
 */
export async function expandInputs(names: readonly string[], skip: (file: string) => Promise<boolean>): Promise<CostInput[]> {
  const out: CostInput[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (e) {
      out.push({ file: dir, problem: `Mappen ${dir} ${fsProblem(e)}.` });
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name, "sv"));
    for (const entry of entries) {
      if (entry.name.startsWith(".") || entry.name.startsWith("~$")) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && depth < 8) await walk(full, depth + 1);
      else if ((entry.isFile() || entry.isSymbolicLink()) && !(await skip(full))) out.push({ file: full, problem: COST_FILE.test(entry.name) ? null : notReadReason(full) });
    }
  };
  for (const name of names) {
    let stat;
    try {
      stat = await fs.stat(name);
    } catch (e) {
      out.push({ file: name, problem: `${name} ${fsProblem(e)}.` });
      continue;
    }
    if (stat.isDirectory()) {
      const before = out.length;
      await walk(name, 0);
      if (!out.slice(before).some((i) => i.problem === null)) out.push({ file: name, problem: `Mappen ${name} innehåller inga kostnadsfiler (.xlsx, .xlsm, .csv eller .tsv).` });
    } else if (!stat.isFile()) out.push({ file: name, problem: `${name} är ingen vanlig fil.` });
    else out.push({ file: name, problem: null });
  }
  return out;
}

/** SHA-256 of a file, streamed (never the whole file in memory). */
export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(file)
      .on("data", (chunk) => hash.update(chunk))
      .on("error", reject)
      .on("end", () => resolve(hash.digest("hex")));
  });
}

/** A quoted field may hold line breaks; a quote still open after this many lines was never closed. */
const MAX_RECORD_LINES = 50;
/** The longest line a cost file may have, in characters (a cost line is a few hundred). */
export const MAX_LINE_CHARS = 100_000;

/**
 * Reads a CSV file line by line as a stream, hashing its bytes on the way; each line goes to the
 * source as soon as it is read. UTF-8 (BOM or not), UTF-16 or Windows-1252; `;`, `,` or tab (from
 * the header). Returns the SHA-256.
 */
export async function readCsvCosts(file: string, source: CostSource): Promise<string> {
  const hash = createHash("sha256");
  // Chosen from the first chunk as decodeText chooses for a whole file: UTF-8, UTF-16 or
  // Windows-1252 (Swedish Excel's "CSV (semikolonavgränsad)").
  let decoder: TextDecoder | null = null;
  let rest = "";
  let lineNo = 0;
  let delimiter: Delimiter | null = null;
  let refused = false;
  let pending: string[] = [];
  let pendingStart = 0;

  let width = 0;
  const record = (cells: CellValue[], line: number) => {
    if (delimiter === null) return;
    // More fields than the header (an unquoted "2 450,50" in a comma file): which is the amount
    // cannot be known, so the line is refused, never read with a column shifted.
    for (let i = width; i < cells.length; i++) {
      if (String(cells[i] ?? "").trim() !== "") return source.unparsable(line, "CSV_ROW_WIDTH");
    }
    source.line(cells, line);
  };
  const physical = (text: string, line: number): void => {
    if (refused) return;
    if (delimiter === null) {
      const header = text.replace(/^\ufeff/, "");
      if (header.trim() === "") return;
      delimiter = detectDelimiter(header);
      const headers = parseCsvChecked(header, delimiter).rows[0] ?? [];
      width = headers.length;
      if (source.header(headers).length > 0) refused = true;
      return;
    }
    if (pending.length === 0 && !text.includes('"')) {
      record(text.split(delimiter), line);
      return;
    }
    if (pending.length === 0) pendingStart = line;
    pending.push(text);
    const parsed = parseCsvChecked(pending.join("\n"), delimiter);
    if (parsed.unclosedQuoteLine === null) {
      const start = pendingStart;
      pending = [];
      record(parsed.rows[0] ?? [], start);
    } else if (pending.length >= MAX_RECORD_LINES) flushUnclosed();
  };
  // The quote on the first pending line never closed: that line is left out, the others read again.
  const flushUnclosed = () => {
    const lines = pending;
    const start = pendingStart;
    pending = [];
    source.unparsable(start, "CSV_QUOTE_UNCLOSED");
    lines.slice(1).forEach((t, i) => physical(t, start + 1 + i));
  };
  // Lines end in LF, CRLF or a lone CR (old Mac files): every one is a line end. A CR at the end
  // of a chunk waits for the next, which may begin with its LF.
  // A line longer than MAX_LINE_CHARS is refused as soon as it is seen, and its text dropped
  // until its end: never held whole (a 300 MB line took 87 s and 3.7 GB).
  let overLong = false;
  const text = (chunk: string, last = false) => {
    const all = rest + chunk;
    let from = 0;
    let crWaits = false;
    for (let i = 0; i < all.length; i++) {
      const ch = all.charCodeAt(i);
      if (ch !== 10 && ch !== 13) continue;
      if (ch === 13 && i + 1 >= all.length && !last) {
        crWaits = true;
        break;
      }
      if (overLong) overLong = false;
      else physical(all.slice(from, i), ++lineNo);
      if (ch === 13 && all.charCodeAt(i + 1) === 10) i++;
      from = i + 1;
    }
    rest = all.slice(from);
    if (!overLong && rest.length - (crWaits ? 1 : 0) > MAX_LINE_CHARS) {
      overLong = true;
      if (!refused) source.unparsable(++lineNo, "LINE_TOO_LONG");
    }
    if (overLong) rest = crWaits ? "\r" : "";
  };

  let first = true;
  try {
    // 64 KB pieces: a piece's lines die young, so the heap stays small (1 MB pieces kept 160 MB).
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 16 }) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      let bytes: Uint8Array = chunk;
      if (first) {
        first = false;
        const { encoding, bom } = sniffEncoding(chunk, false);
        decoder = new TextDecoder(encoding);
        bytes = chunk.subarray(bom);
        if (encoding !== "utf-16le" && encoding !== "utf-16be" && chunk.subarray(0, 4096).includes(0)) {
          source.fail("FILE_UNREADABLE", `${path.basename(file)} är ingen textfil (CSV) och ingen .xlsx.`);
          refused = true;
        }
      }
      if (!refused) text(decoder!.decode(bytes, { stream: true }));
    }
  } catch (e) {
    source.fail("FILE_UNREADABLE", `${path.basename(file)} ${fsProblem(e)}.`);
    return hash.digest("hex");
  }
  if (!refused) {
    if (decoder) text(decoder.decode(), true);
    if (rest !== "" && !overLong) physical(rest, ++lineNo);
    while (pending.length > 0) flushUnclosed();
    if (delimiter === null) source.fail("COLUMNS_MISSING", `${path.basename(file)} är tom: ingen rubrikrad.`);
  }
  return hash.digest("hex");
}

/** The sheets of an .xlsx file that have rows, each with its rows numbered as Excel shows them. */
export async function xlsxSheets(file: string): Promise<{ ok: true; sheets: Array<{ name: string; rows: Array<{ line: number; cells: readonly CellValue[] }> }> } | { ok: false; message: string }> {
  const read = await readXlsxFile(file);
  if (!read.ok) return read;
  const sheets = read.workbook.sheets
    .filter((s) => s.rows.some((r) => r.length > 0))
    .map((s) => ({ name: s.name, rows: s.rows.map((cells, i) => ({ line: i + 1, cells })) }));
  if (sheets.length === 0) return { ok: false, message: `${path.basename(file)} har inga rader.` };
  return { ok: true, sheets };
}

/** The first non-empty row of a sheet's rows, and the rows after it. */
function headerAndLines(rows: ReadonlyArray<{ line: number; cells: readonly CellValue[] }>) {
  const at = rows.findIndex((r) => !r.cells.every((c) => c === null || c === undefined || String(c).trim() === ""));
  return at < 0 ? null : { header: rows[at]!.cells, lines: rows.slice(at + 1) };
}

/**
 * Reads the cost lines of an .xlsx (or .xlsm) file: every sheet whose first row has the cost
 * columns, each as its own input (`fil.xlsx, blad Q2` when there are several), so no sheet's
 * money is left out unseen. Sheets without the columns are returned by name (not read). Returns the
 * file's SHA-256.
 */
export async function readXlsxCosts(file: string, sourceFor: (label: string) => CostSource): Promise<{ sha: string; sheetsNotRead: string[] }> {
  const sha = await sha256File(file);
  const read = await xlsxSheets(file);
  if (!read.ok) {
    sourceFor(file).fail("FILE_UNREADABLE", read.message);
    return { sha, sheetsNotRead: [] };
  }
  const withColumns = read.sheets.filter((s) => {
    const h = headerAndLines(s.rows);
    return h !== null && hasCostHeader(h.header);
  });
  // No sheet has the columns: the file is reported as before, from its first sheet.
  if (withColumns.length === 0) {
    const first = headerAndLines(read.sheets[0]!.rows);
    const source = sourceFor(file);
    if (!first) source.fail("COLUMNS_MISSING", `${path.basename(file)} är tom: ingen rubrikrad.`);
    else source.header(first.header);
    return { sha, sheetsNotRead: [] };
  }
  for (const sheet of withColumns) {
    const source = sourceFor(withColumns.length > 1 || read.sheets.length > 1 ? `${file}, blad ${sheet.name}` : file);
    const h = headerAndLines(sheet.rows)!;
    source.header(h.header);
    for (const { line, cells } of h.lines) source.line(cells, line);
  }
  return { sha, sheetsNotRead: read.sheets.filter((s) => !withColumns.includes(s)).map((s) => s.name) };
}
