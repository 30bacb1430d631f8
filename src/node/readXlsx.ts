import { promises as fs } from "node:fs";
import * as path from "node:path";
import { StringDecoder } from "node:string_decoder";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import type { CellValue, RawSheet, RawWorkbook } from "../core/cells";
import { isDateFormat, serialToDate } from "../core/numberFormat";
import { checkXlsxBytes, corruptMessage, MAX_FILE_BYTES, newBudget, partKey, scanZip, XlsxRefusal, ZipRefusal, type EntrySink, type InflateBudget } from "./zipGuard";

/**
 * The CLI's .xlsx reader: fflate streams the archive (counting what it inflates), saxes streams
 * each part's XML as it is inflated, and cells become the core's values as they are read. Every
 * part is inflated once: the zip-bomb limit is a running count on that one pass, and what saxes
 * may hold is bounded too (a text or tag of at most MAX_XML_RUN characters, MAX_XML_DEPTH open
 * elements), so a part that unpacks to hundreds of megabytes is refused without being held.
 *
 * It gives the same raw model the ExcelJS reader gave (test/node/readXlsx.parity.test.ts holds
 * it to that on every fixture) in a fraction of the time and memory, and refuses files beyond
 * Excel's own limits early with a Swedish message.
 *
 * Where ExcelJS produced garbage, this reader gives the cell's value instead: a hyperlinked
 * number or rich text (ExcelJS: "[object Object]"), a text or error formula result in a date
 * formatted cell (ExcelJS: an invalid date), a text formula result that contains an entity-like
 * text such as "&lt;" (ExcelJS decoded it twice), CDATA text, elements with a namespace prefix,
 * rows without a row number, sheet parts not named sheetN.xml, and sheet names ExcelJS refuses.
 */

/** Excel's own limits (Microsoft: "Excel specifications and limits"). */
export const MAX_ROW = 1_048_576;
export const MAX_COLUMN = 16_384;
export const MAX_CELL_TEXT = 32_767;
/** Filled cells in one workbook (merged areas included); keeps memory well below 2 GB. */
export const MAX_CELLS = 10_000_000;
/** Cell positions the core may walk: the sum over rows of each row's last column. */
export const MAX_CELL_POSITIONS = 50_000_000;
/** Characters of all shared texts together (a hostile list of texts is refused, not held). */
export const MAX_SHARED_TEXT = 100_000_000;
/** Relationship parts are a few hundred bytes each; more than this together is no workbook. */
const MAX_RELS_BYTES = 16 * 1024 * 1024;
/** A gap wider than this inside a row stays a hole (a sparse row) instead of nulls. */
const DENSE_GAP = 1024;
/**
 * Characters of XML that saxes may buffer between two reports (a text, a start tag with its
 * attributes, a comment): well above a 32 767-character cell text written entirely as character
 * references, far below what a zip bomb unpacks to. Checked after every WRITE_BYTES bytes fed to
 * saxes (so it holds at most this plus 32 Ki), and exactly on the texts a cell's value is made of.
 */
export const MAX_XML_RUN = 1_048_576;
/** Elements open at once; a workbook part nests about ten deep. */
export const MAX_XML_DEPTH = 1_000;

export type ReadResult = { readonly ok: true; readonly workbook: RawWorkbook } | { readonly ok: false; readonly message: string };

/** Thousands grouped with a plain space, as Swedish writes them (no hard space in a terminal). */
const nf = (n: number) => n.toLocaleString("sv-SE").replace(/\s/g, " ");

/**
 * Reads an .xlsx file for the core. Never throws: a missing, empty, encrypted, corrupt or
 * oversized file gives a Swedish message instead. The file is only read, never written.
 */
export async function readXlsxFile(file: string): Promise<ReadResult> {
  const loaded = await loadFile(file);
  return loaded.ok ? readXlsxBytes(loaded.bytes, loaded.name) : loaded;
}

export async function readXlsxBytes(bytes: Uint8Array, name: string): Promise<ReadResult> {
  const verdict = checkXlsxBytes(bytes, name);
  if (!verdict.ok) return verdict;
  try {
    return { ok: true, workbook: readWorkbookParts(bytes, name) };
  } catch (e) {
    if (e instanceof XlsxRefusal) return { ok: false, message: e.message };
    return { ok: false, message: corruptMessage(name) };
  }
}

export type RowsResult = { readonly ok: true; readonly sheet: string; readonly merges: readonly string[] } | { readonly ok: false; readonly message: string };

/**
 * Streams one sheet's rows without holding the sheet: `onRow` gets each row that has a value
 * (Excel row number, cells from column A; a wide gap stays a hole) in file order. `pick` chooses
 * the sheet from the workbook's sheet names (undefined: none fits, a Swedish message follows).
 * Merged ranges are not filled in here (the file stores them after the rows); their ranges come
 * back in `merges` so a caller can tell.
 */
export async function forEachRow(
  file: string,
  pick: (sheetNames: readonly string[]) => string | undefined,
  onRow: (row: number, cells: readonly CellValue[]) => void,
): Promise<RowsResult> {
  const loaded = await loadFile(file);
  if (!loaded.ok) return loaded;
  const { bytes, name } = loaded;
  const verdict = checkXlsxBytes(bytes, name);
  if (!verdict.ok) return verdict;
  try {
    const layout = readLayout(bytes, name);
    return zipVerdictFirst(bytes, name, layout, (): RowsResult => {
      const book = readStructure(bytes, name, layout);
      const chosen = pick(book.sheets.map((s) => s.name));
      const sheet = book.sheets.find((s) => s.name === chosen);
      if (!sheet) return { ok: false, message: `${name} har inget blad som kan läsas (bladen: ${book.sheets.map((s) => `”${s.name}”`).join(", ") || "inga"}).` };
      let merges: string[] = [];
      scanZip(bytes, name, book.budget, (key) => {
        if (key !== sheet.part) return null;
        const reader = new SheetReader(sheet.name, name, book, null, (row, cells) => {
          if (cells.length) onRow(row, cells);
        });
        return xmlSink(reader, name, key, () => (merges = reader.merges.map((m) => m.ref)));
      });
      return { ok: true, sheet: sheet.name, merges };
    });
  } catch (e) {
    if (e instanceof XlsxRefusal) return { ok: false, message: e.message };
    return { ok: false, message: corruptMessage(name) };
  }
}

async function loadFile(file: string): Promise<{ ok: true; bytes: Buffer; name: string } | { ok: false; message: string }> {
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
  return { ok: true, bytes: await fs.readFile(file), name };
}

// ---------------------------------------------------------------------------------------------
// Workbook structure: relationships, workbook, styles, shared strings.

interface SheetRef {
  readonly name: string;
  readonly part: string;
  readonly hidden: boolean;
}

interface Structure {
  readonly sheets: readonly SheetRef[];
  readonly sharedStrings: readonly string[];
  /** Per cell style index: does its number format show a date? */
  readonly dateStyles: readonly boolean[];
  readonly date1904: boolean;
  /** What this read has inflated so far, over all its passes. */
  readonly budget: InflateBudget;
}

interface Relationship {
  readonly type: string;
  readonly target: string;
}

function readWorkbookParts(bytes: Uint8Array, fileName: string): RawWorkbook {
  const layout = readLayout(bytes, fileName);
  return zipVerdictFirst(bytes, fileName, layout, () => readSheets(bytes, fileName, readStructure(bytes, fileName, layout)));
}

function readSheets(bytes: Uint8Array, fileName: string, book: Structure): RawWorkbook {
  const counter = { cells: 0, positions: 0 };
  const built = new Map<string, CellValue[][]>();
  const byPart = new Map(book.sheets.map((s) => [s.part, s] as const));
  scanZip(bytes, fileName, book.budget, (key) => {
    const sheet = byPart.get(key);
    if (!sheet) return null;
    const rows: Rows = [];
    const reader = new SheetReader(sheet.name, fileName, book, counter, (row, cells) => {
      rows[row - 1] = cells.length ? (cells as CellValue[]) : undefined;
    });
    return xmlSink(reader, fileName, key, () => {
      applyMerges(reader, rows, counter, fileName);
      built.set(key, denseRows(rows));
    });
  });
  const sheets: RawSheet[] = [];
  for (const s of book.sheets) {
    const rows = built.get(s.part);
    if (rows) sheets.push(s.hidden ? { name: s.name, rows, hidden: true } : { name: s.name, rows });
  }
  if (sheets.length === 0) throw noSheets(fileName);
  return book.date1904 ? { sheets, date1904: true } : { sheets };
}

const EMPTY_ROW: readonly CellValue[] = Object.freeze([]);

/**
 * A sheet's rows with values at Excel row number − 1: a plain array, cheaper than a Map for the
 * usual rows in order (and sparse, a dictionary in V8, for rows far apart).
 */
type Rows = Array<CellValue[] | undefined>;

/** Rows by number → the core's array from row 1, every row without values an empty row. */
function denseRows(rows: Rows): CellValue[][] {
  let count = rows.length;
  while (count > 0 && rows[count - 1] === undefined) count--;
  const out = new Array<CellValue[]>(count);
  for (let i = 0; i < count; i++) out[i] = rows[i] ?? (EMPTY_ROW as CellValue[]);
  return out;
}

const REL_TYPE = (type: string) => type.slice(type.lastIndexOf("/") + 1);

/** What the first pass finds: which parts hold what, and which parts the reader will inflate. */
interface Layout {
  readonly present: ReadonlySet<string>;
  readonly workbookPart: string;
  readonly workbookRels: ReadonlyMap<string, Relationship>;
  readonly stylesPart: string | null;
  readonly stringsPart: string | null;
  /** The parts the later passes may inflate; each .rels part has been inflated already. */
  readonly toParse: ReadonlySet<string | null>;
  readonly budget: InflateBudget;
}

/** The first pass over the archive: every .rels part, and from them where the workbook's parts are. */
function readLayout(bytes: Uint8Array, fileName: string): Layout {
  const budget = newBudget();
  const rels = new Map<string, Uint8Array[]>();
  let relsBytes = 0;
  const names = scanZip(bytes, fileName, budget, (key) => {
    if (!key.endsWith(".rels")) return null;
    const chunks: Uint8Array[] = [];
    rels.set(key, chunks);
    return (chunk) => {
      if ((relsBytes += chunk.length) > MAX_RELS_BYTES) throw new XlsxRefusal(corruptMessage(fileName));
      chunks.push(chunk);
    };
  });
  // A zip has at least one entry; none found means this is no zip at all (a renamed file, say).
  if (names.length === 0) throw new XlsxRefusal(corruptMessage(fileName));
  const present = new Set(names);
  const relsOf = (part: string): Map<string, Relationship> => {
    const slash = part.lastIndexOf("/");
    const relsKey = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
    const chunks = rels.get(relsKey);
    return chunks ? parseRelationships(chunks, part, fileName, relsKey) : new Map();
  };
  const rootDoc = [...relsOf("").values()].find((r) => REL_TYPE(r.type) === "officeDocument")?.target;
  const workbookPart = rootDoc && present.has(rootDoc) ? rootDoc : "xl/workbook.xml";
  if (!present.has(workbookPart)) throw noSheets(fileName);
  const workbookRels = relsOf(workbookPart);
  const partOfType = (type: string, fallback: string) => {
    const target = [...workbookRels.values()].find((r) => REL_TYPE(r.type) === type)?.target;
    return target && present.has(target) ? target : present.has(fallback) ? fallback : null;
  };
  const dir = workbookPart.slice(0, workbookPart.lastIndexOf("/") + 1);
  const stylesPart = partOfType("styles", `${dir}styles.xml`);
  const stringsPart = partOfType("sharedStrings", `${dir}sharedstrings.xml`);
  const toParse = new Set([workbookPart, stylesPart, stringsPart, ...[...workbookRels.values()].filter((r) => REL_TYPE(r.type) === "worksheet").map((r) => r.target)]);
  return { present, workbookPart, workbookRels, stylesPart, stringsPart, toParse, budget };
}

const noSheets = (fileName: string) => new XlsxRefusal(`${fileName} är ingen Excel-arbetsbok (arkivet innehåller inga kalkylblad).`);

/**
 * Runs the passes that parse as they inflate. When they refuse the file, the zip layer's verdict
 * still comes first, as when every part was inflated (and only counted) before any XML was
 * parsed: the parts the reader would inflate are inflated once more, only counted, so a zip
 * bomb or a corrupt part is reported as such even when its XML was refused first (a run of
 * white space too long for saxes to hold, say). This costs time only on the way to a refusal.
 */
function zipVerdictFirst<T>(bytes: Uint8Array, fileName: string, layout: Layout, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (!(e instanceof ZipRefusal)) scanZip(bytes, fileName, newBudget(), (key) => (key.endsWith(".rels") || layout.toParse.has(key) ? () => undefined : null));
    throw e;
  }
}

/** The second pass: the workbook, styles and shared strings, parsed as they are inflated. */
function readStructure(bytes: Uint8Array, fileName: string, layout: Layout): Structure {
  const { present, workbookPart, workbookRels, stylesPart, stringsPart, budget } = layout;
  let workbook: { sheets: Array<{ name: string; rId: string; hidden: boolean }>; date1904: boolean } = { sheets: [], date1904: false };
  let styles: boolean[] = [];
  let strings: string[] = [];
  scanZip(bytes, fileName, budget, (key) => {
    if (key === workbookPart) {
      const reader = new WorkbookReader();
      return xmlSink(reader, fileName, key, () => (workbook = reader.result()));
    }
    if (key === stylesPart) {
      const reader = new StylesReader();
      return xmlSink(reader, fileName, key, () => (styles = reader.result()));
    }
    if (key === stringsPart) {
      const reader = new SharedStringsReader(fileName);
      return xmlSink(reader, fileName, key, () => (strings = reader.strings));
    }
    return null;
  });
  const sheets: SheetRef[] = [];
  for (const s of workbook.sheets) {
    const rel = workbookRels.get(s.rId);
    if (!rel || REL_TYPE(rel.type) !== "worksheet" || !present.has(rel.target)) continue;
    sheets.push({ name: s.name, part: rel.target, hidden: s.hidden });
  }
  if (sheets.length === 0) throw noSheets(fileName);
  return { sheets, sharedStrings: strings, dateStyles: styles, date1904: workbook.date1904, budget };
}

/** Resolves a relationship target against the part that owns it (OPC part names). */
function resolveTarget(source: string, target: string): string {
  const base = target.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") base.pop();
    else base.push(seg);
  }
  return partKey(base.join("/"));
}

// ---------------------------------------------------------------------------------------------
// XML plumbing: saxes over streamed, UTF-8 decoded chunks; element names without their prefix.

interface XmlHandler {
  open(name: string, attributes: Record<string, string>): void;
  text(text: string): void;
  close(name: string): void;
  /**
   * Called when saxes has buffered more than MAX_XML_RUN characters without reporting anything;
   * a handler that knows where it is (inside a cell's value, say) throws its own refusal.
   */
  longRun?(): void;
}

const localName = (name: string) => {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
};

/**
 * Bytes decoded per write to saxes. The strings stay small: V8 allocates a string over 128 KB
 * on pages of its own, which made decoding fflate's chunks (several hundred KB each) whole about
 * 30 times slower than in slices like these. What saxes buffers is checked after every write.
 */
const WRITE_BYTES = 32 * 1024;

/**
 * saxes over one part, holding bounded memory whatever the part contains: saxes buffers a text,
 * a start tag with its attributes, a comment and the like until it ends, and keeps every open
 * element on a stack. A part with a longer run between two reports than MAX_XML_RUN, or nested
 * deeper than MAX_XML_DEPTH, is refused with a Swedish message instead.
 */
class XmlFeed {
  private readonly parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  private readonly decoder = new StringDecoder("utf8");
  private depth = 0;
  /** Characters written since saxes last reported something (an upper bound). */
  private run = 0;
  private reported = false;

  constructor(
    private readonly handler: XmlHandler,
    private readonly fileName: string,
    private readonly part: string,
  ) {
    const { parser } = this;
    parser.on("opentag", (tag: SaxesTagPlain) => {
      this.reported = true;
      if (++this.depth > MAX_XML_DEPTH) throw new XlsxRefusal(`${fileName} har i delen ”${part}” element nästlade i fler än ${nf(MAX_XML_DEPTH)} nivåer. Filen är skadad eller manipulerad och läses inte.`);
      handler.open(localName(tag.name), tag.attributes);
    });
    parser.on("text", (text) => {
      this.reported = true;
      handler.text(text);
    });
    parser.on("cdata", (text) => {
      this.reported = true;
      handler.text(text);
    });
    parser.on("closetag", (tag: SaxesTagPlain) => {
      this.reported = true;
      this.depth--;
      handler.close(localName(tag.name));
    });
    parser.on("error", (e) => {
      throw e;
    });
  }

  /** Decodes the next bytes of the part (UTF-8, a character may span two calls) and parses them. */
  write(bytes: Uint8Array) {
    for (let at = 0; at < bytes.length; at += WRITE_BYTES) this.parse(this.decoder.write(bytes.subarray(at, at + WRITE_BYTES)));
  }

  /** After the part's last byte: the parser checks that the document is complete. */
  end() {
    this.parse(this.decoder.end());
    this.parser.close();
  }

  private parse(text: string) {
    if (!text) return;
    this.reported = false;
    this.parser.write(text);
    // After a report, saxes holds at most what followed it in this text.
    this.run = this.reported ? text.length : this.run + text.length;
    if (this.run > MAX_XML_RUN) {
      this.handler.longRun?.();
      throw new XlsxRefusal(`${this.fileName} har i delen ”${this.part}” en text eller ett XML-element på mer än ${nf(MAX_XML_RUN)} tecken. Filen är skadad eller manipulerad och läses inte.`);
    }
  }
}

/** A zip sink that feeds the part to saxes as it streams; `done` runs after the last byte. */
function xmlSink(handler: XmlHandler, fileName: string, part: string, done: () => void): EntrySink {
  const feed = new XmlFeed(handler, fileName, part);
  return (chunk, final) => {
    feed.write(chunk);
    if (final) {
      feed.end();
      done();
    }
  };
}

function parseRelationships(chunks: readonly Uint8Array[], source: string, fileName: string, part: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  const feed = new XmlFeed(
    {
      open(name, a) {
        if (name !== "Relationship" || a.Id === undefined || a.Target === undefined) return;
        if (a.TargetMode === "External") return;
        out.set(a.Id, { type: a.Type ?? "", target: resolveTarget(source, a.Target.trim()) });
      },
      text() {},
      close() {},
    },
    fileName,
    part,
  );
  for (const c of chunks) feed.write(c);
  feed.end();
  return out;
}

const xsdTrue = (v: string | undefined) => v === "1" || v === "true";

class WorkbookReader implements XmlHandler {
  private readonly sheets: Array<{ name: string; rId: string; hidden: boolean }> = [];
  private date1904 = false;
  open(name: string, a: Record<string, string>) {
    if (name === "workbookPr") this.date1904 = xsdTrue(a.date1904);
    if (name === "sheet" && a.name !== undefined) {
      const idKey = Object.keys(a).find((k) => k.endsWith(":id"));
      // ST_SheetState: visible (the default), hidden, veryHidden.
      if (idKey) this.sheets.push({ name: a.name, rId: a[idKey]!, hidden: a.state === "hidden" || a.state === "veryHidden" });
    }
  }
  text() {}
  close() {}
  result() {
    return { sheets: this.sheets, date1904: this.date1904 };
  }
}

/** Built-in number formats with a fixed code (ECMA-376 §18.8.30, as ExcelJS lists them). */
const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
  14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss",
  22: 'm/d/yy "h":mm', 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00 ;(#,##0.00)", 40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
};

class StylesReader implements XmlHandler {
  private readonly custom = new Map<number, string>();
  private readonly xfFormats: number[] = [];
  private inCellXfs = false;
  private inNumFmts = false;
  open(name: string, a: Record<string, string>) {
    if (name === "numFmts") this.inNumFmts = true;
    else if (name === "numFmt" && this.inNumFmts && a.formatCode !== undefined) this.custom.set(parseInt(a.numFmtId ?? "", 10), a.formatCode.replace(/[\\](.)/g, "$1"));
    else if (name === "cellXfs") this.inCellXfs = true;
    else if (name === "xf" && this.inCellXfs) this.xfFormats.push(parseInt(a.numFmtId ?? "", 10));
  }
  text() {}
  close(name: string) {
    if (name === "cellXfs") this.inCellXfs = false;
    else if (name === "numFmts") this.inNumFmts = false;
  }
  result(): boolean[] {
    return this.xfFormats.map((id) => {
      if (!id) return false;
      const format = this.custom.get(id) ?? BUILT_IN_FORMATS[id];
      return format !== undefined && isDateFormat(format);
    });
  }
}

/** `_x000D_` and the like: characters OOXML escapes in shared strings. */
const unescapeOoxml = (text: string) => (text.includes("_x") ? text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text);

/** A text's length for a message: exact, or "mer än …" for one too long to hold. */
const textLength = (length: number | "run") => (length === "run" ? `mer än ${nf(MAX_XML_RUN)}` : nf(length));

const longTextMessage = (fileName: string, where: string, length: number | "run") =>
  `${fileName}: ${where} har en text på ${textLength(length)} tecken; Excel tillåter högst ${nf(MAX_CELL_TEXT)} tecken i en cell. Filen är skadad eller manipulerad och läses inte.`;

class SharedStringsReader implements XmlHandler {
  readonly strings: string[] = [];
  private plain: string | null = null;
  private runs: string[] | null = null;
  /** The current <t>'s text, null outside one. */
  private buf: string | null = null;
  private depthRun = false;
  private inPhonetic = false;
  private total = 0;
  /** Characters of the current <si> so far, its runs together (bounded before they are joined). */
  private chars = 0;
  constructor(private readonly fileName: string) {}
  open(name: string) {
    if (name === "si") {
      this.plain = null;
      this.runs = null;
      this.chars = 0;
    } else if (name === "r") this.depthRun = true;
    else if (name === "rPh") this.inPhonetic = true;
    else if (name === "t" && !this.inPhonetic) {
      // Each <t> counts as a character, so a text of countless empty runs is bounded too.
      if (++this.chars > MAX_XML_RUN) throw new XlsxRefusal(longTextMessage(this.fileName, "en delad text", "run"));
      this.buf = "";
    }
  }
  text(text: string) {
    if (this.buf === null) return;
    if ((this.chars += text.length) > MAX_XML_RUN) this.longRun();
    this.buf += text;
  }
  longRun() {
    if (this.buf !== null) throw new XlsxRefusal(longTextMessage(this.fileName, "en delad text", "run"));
  }
  close(name: string) {
    if (name === "t" && this.buf !== null) {
      const t = unescapeOoxml(this.buf);
      this.buf = null;
      if (this.depthRun) (this.runs ??= []).push(t);
      else this.plain = t;
    } else if (name === "r") this.depthRun = false;
    else if (name === "rPh") this.inPhonetic = false;
    else if (name === "si") {
      const value = this.runs ? this.runs.join("") : (this.plain ?? "");
      if (value.length > MAX_CELL_TEXT) throw new XlsxRefusal(longTextMessage(this.fileName, "en delad text", value.length));
      if ((this.total += value.length) > MAX_SHARED_TEXT || this.strings.length >= MAX_CELLS) {
        throw new XlsxRefusal(`${this.fileName} har mer delad text än ${nf(MAX_SHARED_TEXT)} tecken eller fler än ${nf(MAX_CELLS)} delade texter och läses inte (gränsen skyddar mot överstora eller manipulerade filer). Dela upp arbetsboken.`);
      }
      this.strings.push(value);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Worksheets.

const enum Target {
  None,
  Value,
  Formula,
  InlineText,
  RunText,
}

/** "AB12" → column 28; beyond XFD → Infinity; not a cell reference → NaN. */
function columnOf(ref: string): number {
  let col = 0;
  let i = ref.charCodeAt(0) === 36 ? 1 : 0; // "$"
  const start = i;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
    if (col > MAX_COLUMN) return Infinity;
  }
  if (i === start) return NaN;
  if (ref.charCodeAt(i) === 36) i++; // "$"
  // Then the row: one digit or more, nothing else.
  if (i === ref.length) return NaN;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return NaN;
  }
  return col;
}

function rowOf(ref: string): number {
  const m = /(\d+)$/.exec(ref);
  return m ? Number(m[1]) : NaN;
}

interface Merge {
  readonly ref: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * An ISO 8601 date cell (`t="d"`, as Excel's Strict format and openpyxl write them) as the calendar
 * date and time written, at UTC like every date the readers give: `2026-05-01T00:00:00` is
 * 2026-05-01 in every time zone. A zone or offset, if any, is not applied (the date written is the
 * date meant). Null when the text is not such a date.
 */
export function isoCellDate(text: string): Date | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?\s*$/.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, sec] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number];
  const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, sec, ms));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? date : null;
}

class SheetReader implements XmlHandler {
  readonly merges: Merge[] = [];
  private inSheetData = false;
  private inInline = false;
  private inRun = false;
  private inPhonetic = false;
  private target = Target.None;
  // The current row.
  private row = 0;
  /** The current row's columns, null while they run 1, 2, 3 … (the value's index + 1). */
  private cols: number[] | null = null;
  private values: CellValue[] = [];
  // The current cell.
  private col = 0;
  private type = "";
  private dateStyle = false;
  private formula = false;
  private raw: string | undefined;
  private runs: string[] | null = null;
  /** Characters of the current cell's value so far, over all its texts and runs. */
  private chars = 0;

  constructor(
    private readonly sheet: string,
    private readonly fileName: string,
    private readonly book: Structure,
    private readonly counter: { cells: number; positions: number } | null,
    private readonly onRow: (row: number, cells: readonly CellValue[]) => void,
  ) {}

  private refuse(message: string): never {
    throw new XlsxRefusal(`${this.fileName}: bladet ”${this.sheet}” ${message}`);
  }

  open(name: string, a: Record<string, string>) {
    if (!this.inSheetData) {
      if (name === "sheetData") this.inSheetData = true;
      else if (name === "mergeCell" && a.ref !== undefined) this.addMerge(a.ref);
      return;
    }
    switch (name) {
      case "row": {
        const r = a.r === undefined ? this.row + 1 : Number(a.r);
        if (!Number.isInteger(r) || r < 1) this.refuse(`har ett ogiltigt radnummer (”${a.r}”). Filen är skadad och läses inte.`);
        if (r > MAX_ROW) this.refuse(`har en rad med nummer ${nf(r)}, men Excel har högst ${nf(MAX_ROW)} rader. Filen är skadad eller manipulerad och läses inte.`);
        this.row = r;
        this.cols = null;
        this.values = [];
        this.col = 0;
        return;
      }
      case "c": {
        let col = this.col + 1;
        if (a.r !== undefined) {
          col = columnOf(a.r);
          if (col === Infinity) this.refuse(`har en cell (”${a.r}”) bortom kolumn XFD, Excels sista kolumn. Filen är skadad eller manipulerad och läses inte.`);
          if (Number.isNaN(col)) this.refuse(`har en ogiltig cellreferens (”${a.r}”). Filen är skadad och läses inte.`);
        }
        if (col > MAX_COLUMN) this.refuse(`har en cell bortom kolumn XFD, Excels sista kolumn. Filen är skadad eller manipulerad och läses inte.`);
        this.col = col;
        this.type = a.t ?? "";
        const style = a.s === undefined ? NaN : parseInt(a.s, 10);
        this.dateStyle = style >= 0 && this.book.dateStyles[style] === true;
        this.formula = false;
        this.raw = undefined;
        this.runs = null;
        this.chars = 0;
        return;
      }
      case "f":
        this.target = Target.Formula;
        if (a.t) this.formula = true;
        return;
      case "v":
        this.target = Target.Value;
        return;
      case "is":
        this.inInline = true;
        return;
      case "r":
        if (this.inInline) {
          // Each run counts as a character, so a cell of countless empty runs is bounded too.
          if (++this.chars > MAX_XML_RUN) this.refuseLongText("run");
          this.inRun = true;
          (this.runs ??= []).push("");
        }
        return;
      case "rPh":
        this.inPhonetic = true;
        return;
      case "t":
        if (this.inInline && !this.inPhonetic) this.target = this.inRun ? Target.RunText : Target.InlineText;
        return;
    }
  }

  text(text: string) {
    switch (this.target) {
      case Target.None:
        return;
      case Target.Formula:
        if (text) this.formula = true;
        return;
    }
    // A value may come in many pieces (CDATA sections, runs): bounded before they are joined.
    if ((this.chars += text.length) > MAX_XML_RUN) this.refuseLongText("run");
    switch (this.target) {
      case Target.Value:
      case Target.InlineText:
        this.raw = this.raw === undefined ? text : this.raw + text;
        return;
      case Target.RunText: {
        const runs = this.runs!;
        runs[runs.length - 1] += text;
        return;
      }
    }
  }

  close(name: string) {
    if (!this.inSheetData) return;
    switch (name) {
      case "sheetData":
        this.inSheetData = false;
        return;
      case "f":
      case "v":
      case "t":
        this.target = Target.None;
        return;
      case "is":
        this.inInline = false;
        return;
      case "r":
        this.inRun = false;
        return;
      case "rPh":
        this.inPhonetic = false;
        return;
      case "c":
        this.endCell();
        return;
      case "row":
        this.endRow();
        return;
    }
  }

  private number(raw: string): CellValue {
    const n = parseFloat(raw);
    return this.dateStyle ? serialToDate(n, this.book.date1904) : n;
  }

  private text32k(value: string): string {
    if (value.length > MAX_CELL_TEXT) this.refuseLongText(value.length);
    return value;
  }

  private refuseLongText(length: number | "run"): never {
    this.refuse(`har i cell ${cellRef(this.row, this.col)} en text på ${textLength(length)} tecken; Excel tillåter högst ${nf(MAX_CELL_TEXT)} tecken i en cell. Filen är skadad eller manipulerad och läses inte.`);
  }

  /** A value or inline text too long for saxes to hold: refused as the cell's text. */
  longRun() {
    if (this.inSheetData && this.target !== Target.None && this.target !== Target.Formula) this.refuseLongText("run");
  }

  /** The cell's value as ExcelJS gave it (formulas give their cached result). */
  private endCell() {
    const { raw, type } = this;
    let value: CellValue;
    if (this.formula) {
      if (!raw) value = null;
      else if (type === "str") value = this.text32k(raw);
      else if (type === "b") value = parseInt(raw, 10) !== 0;
      else if (type === "e") value = { error: raw };
      else value = this.number(raw);
    } else if (raw !== undefined || this.runs) {
      switch (type) {
        case "s": {
          const s = this.book.sharedStrings[parseInt(raw ?? "", 10)];
          if (s === undefined) this.refuse(`hänvisar i cell ${cellRef(this.row, this.col)} till en delad text som saknas. Filen är skadad och läses inte.`);
          value = s;
          break;
        }
        case "str":
          value = this.text32k(raw ?? "");
          break;
        case "inlineStr":
          value = this.text32k(this.runs ? this.runs.map(unescapeOoxml).join("") : (raw ?? ""));
          break;
        case "b":
          value = parseInt(raw ?? "", 10) !== 0;
          break;
        case "e":
          value = { error: raw ?? "" };
          break;
        case "d": {
          const date = isoCellDate(raw ?? "");
          value = date ?? (raw ?? "");
          break;
        }
        default:
          value = this.number(raw ?? "");
      }
    } else return; // no value: Excel keeps such a cell only for its style
    if (this.cols === null && this.col !== this.values.length + 1) this.cols = this.values.map((_, i) => i + 1);
    this.cols?.push(this.col);
    this.values.push(value);
    if (this.counter && ++this.counter.cells > MAX_CELLS) throw new XlsxRefusal(tooManyCells(this.fileName));
  }

  private endRow() {
    const { cols, values } = this;
    let cells: CellValue[] = EMPTY_ROW as CellValue[];
    if (!cols) {
      // Columns 1…n in order, the usual row: the values are the row. Copied to an array of
      // exactly their length (grown by pushes, `values` has room for 17), which later GCs copy.
      if (values.length) cells = values.slice();
    } else {
      let ordered = true;
      for (let i = 1; i < cols.length; i++) if (cols[i]! <= cols[i - 1]!) ordered = false;
      const order = cols.map((_, i) => i);
      if (!ordered) order.sort((x, y) => cols[x]! - cols[y]! || x - y);
      cells = [];
      for (const i of order) putCell(cells, cols[i]!, values[i]!);
    }
    if (this.counter && (this.counter.positions += cells.length) > MAX_CELL_POSITIONS) this.refuse(spreadMessage());
    this.onRow(this.row, cells);
  }

  private addMerge(ref: string) {
    const [from, to = from] = ref.split(":");
    const c1 = columnOf(from!);
    const c2 = columnOf(to!);
    const r1 = rowOf(from!);
    const r2 = rowOf(to!);
    if (![c1, c2, r1, r2].every((n) => Number.isFinite(n) && n >= 1) || r1 > MAX_ROW || r2 > MAX_ROW) {
      this.refuse(`har ett ogiltigt sammanslaget område (”${ref}”). Filen är skadad och läses inte.`);
    }
    this.merges.push({ ref, top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) });
  }

  /** Budget check for the merged areas, before any of them is filled in. */
  mergedArea(): number {
    return this.merges.reduce((sum, m) => sum + (m.bottom - m.top + 1) * (m.right - m.left + 1), 0);
  }

  refuseSpread(): never {
    this.refuse(spreadMessage());
  }
}

const spreadMessage = () => `har innehåll spritt över fler än ${nf(MAX_CELL_POSITIONS)} cellpositioner (till exempel värden långt ut till höger, som i kolumn XFD, på många rader) och läses inte. Ta bort innehållet i de kolumnerna eller dela upp arbetsboken.`;

const tooManyCells = (fileName: string) =>
  `${fileName} har fler än ${nf(MAX_CELLS)} ifyllda celler och läses inte (gränsen skyddar mot överstora eller manipulerade filer). Dela upp arbetsboken.`;

function cellRef(row: number, col: number): string {
  let letters = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}

/** Sets column `col` (1-based) of a row: a short gap fills with null as before, a wide one stays a hole. */
function putCell(cells: CellValue[], col: number, value: CellValue) {
  const at = col - 1;
  if (at > cells.length && at - cells.length <= DENSE_GAP) for (let j = cells.length; j < at; j++) cells[j] = null;
  cells[at] = value;
}

/**
 * Every cell of a merged range shows its top-left cell's value, as the ExcelJS reader gave it
 * (a range without a value there gives empty cells, and its rows count as used). Overlapping
 * ranges make the file corrupt, as in Excel.
 */
function applyMerges(reader: SheetReader, rows: Rows, counter: { cells: number; positions: number }, fileName: string) {
  if (reader.merges.length === 0) return;
  counter.cells += reader.mergedArea();
  if (counter.cells > MAX_CELLS) throw new XlsxRefusal(tooManyCells(fileName));
  const covered = new Set<number>();
  for (const m of reader.merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        const key = r * (MAX_COLUMN + 1) + c;
        if (covered.has(key)) throw new XlsxRefusal(corruptMessage(fileName));
        covered.add(key);
      }
    }
    const master = rows[m.top - 1]?.[m.left - 1] ?? null;
    for (let r = m.top; r <= m.bottom; r++) {
      let cells = rows[r - 1];
      if (!cells || cells === EMPTY_ROW) rows[r - 1] = cells = [];
      const before = cells.length;
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) putCell(cells, c, master);
      counter.positions += cells.length - before;
    }
    if (counter.positions > MAX_CELL_POSITIONS) reader.refuseSpread();
  }
}
