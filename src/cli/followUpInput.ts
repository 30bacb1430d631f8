import { createHash } from "node:crypto";
import { createReadStream, promises as fs } from "node:fs";
import * as path from "node:path";
import type { CellValue } from "../core/cells";
import { detectDelimiter, parseCsvChecked, type Delimiter } from "../core/csv";
import type { CostSource } from "../core/costs/followUp";
import { readXlsxFile } from "../node/readXlsx";
import { TextDecoder } from "node:util";
import { sniffEncoding } from "./io";

/** An input named on the command line, after folders are opened: a file to read, or why not. */
export type CostInput = { readonly file: string; readonly problem: null } | { readonly file: string; readonly problem: string };

const COST_FILE = /\.(csv|txt|xlsx)$/i;

const FS_PROBLEMS: Record<string, string> = {
  ENOENT: "finns inte",
  EACCES: "kan inte läsas: behörighet saknas",
  EPERM: "kan inte läsas: behörighet saknas",
  ELOOP: "är en länk i cirkel",
  ENAMETOOLONG: "har för långt namn",
};
const fsProblem = (e: unknown) => FS_PROBLEMS[(e as NodeJS.ErrnoException)?.code ?? ""] ?? `kan inte läsas (${(e as NodeJS.ErrnoException)?.code ?? "okänt fel"})`;

/**
 * The files to read: each file as named, and the cost files (.csv, .txt, .xlsx) in each folder
 * and its subfolders, in name order. Hidden files, Excel's lock files (`~$…`) and `skip` (the
 * report being written) are passed over.
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
      else if ((entry.isFile() || entry.isSymbolicLink()) && COST_FILE.test(entry.name) && !(await skip(full))) out.push({ file: full, problem: null });
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
      if (out.length === before) out.push({ file: name, problem: `Mappen ${name} innehåller inga kostnadsfiler (.csv eller .xlsx).` });
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

  const record = (cells: CellValue[], line: number) => {
    if (delimiter === null) return;
    source.line(cells, line);
  };
  const physical = (text: string, line: number): void => {
    if (refused) return;
    if (delimiter === null) {
      const header = text.replace(/^\ufeff/, "");
      if (header.trim() === "") return;
      delimiter = detectDelimiter(header);
      if (source.header(parseCsvChecked(header, delimiter).rows[0] ?? []).length > 0) refused = true;
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
  const text = (chunk: string) => {
    const all = rest + chunk;
    let from = 0;
    for (let nl = all.indexOf("\n", from); nl >= 0; nl = all.indexOf("\n", from)) {
      const end = nl > from && all.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      physical(all.slice(from, end), ++lineNo);
      from = nl + 1;
    }
    rest = all.slice(from);
  };

  let first = true;
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
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
    if (decoder) text(decoder.decode());
    if (rest !== "") physical(rest.replace(/\r$/, ""), ++lineNo);
    while (pending.length > 0) flushUnclosed();
    if (delimiter === null) source.fail("COLUMNS_MISSING", `${path.basename(file)} är tom: ingen rubrikrad.`);
  }
  return hash.digest("hex");
}

/**
 * The cost lines of an .xlsx file: the first sheet with content, its first non-empty row the
 * header, with row numbers as Excel shows them. The one place the follow-up reads .xlsx rows, so
 * a streaming reader can take over here without touching anything else.
 */
export async function xlsxCostRows(file: string): Promise<{ ok: true; rows: Iterable<{ line: number; cells: readonly CellValue[] }> } | { ok: false; message: string }> {
  const read = await readXlsxFile(file);
  if (!read.ok) return read;
  const sheet = read.workbook.sheets.find((s) => s.rows.some((r) => r.length > 0));
  if (!sheet) return { ok: false, message: `${path.basename(file)} har inga rader.` };
  function* rows() {
    for (let i = 0; i < sheet!.rows.length; i++) yield { line: i + 1, cells: sheet!.rows[i]! };
  }
  return { ok: true, rows: rows() };
}

/** Reads an .xlsx file of cost lines into the source. Returns the file's SHA-256. */
export async function readXlsxCosts(file: string, source: CostSource): Promise<string> {
  const sha = await sha256File(file);
  const read = await xlsxCostRows(file);
  if (!read.ok) {
    source.fail("FILE_UNREADABLE", read.message);
    return sha;
  }
  let header = true;
  for (const { line, cells } of read.rows) {
    if (header) {
      if (cells.every((c) => c === null || c === undefined || String(c).trim() === "")) continue;
      header = false;
      if (source.header(cells).length > 0) break;
      continue;
    }
    source.line(cells, line);
  }
  if (header) source.fail("COLUMNS_MISSING", `${path.basename(file)} är tom: ingen rubrikrad.`);
  return sha;
}
