import type { CellValue } from "../cells";
import { firstDated, inForce, type DatedLists } from "../editions/inForce";
import type { Payer } from "../payer";
import { COLUMN_HEADERS, duplicateColumnsSv, matchHeader, type HeaderMatch } from "../columnHeaders";
import { MAX_AMOUNT_SEK, readAmount, readAmountText, readDate } from "../values";
import { parseAge, whoPays, type WhoPaysInputError, type WhoPaysResult } from "../whoPays";
import { matchKommun, STOCKHOLM_KOMMUNER } from "./kommuner";
import { quarterOfDate, quarterStart, readQuarter, type Quarter } from "./quarter";

export type { Quarter } from "./quarter";

/** Sums per party, in öre, so that totals reconcile exactly. */
export interface PartyTotals {
  kommun: number;
  region: number;
  egenansvar: number;
  /** Lines that got no payer (UNLISTED, AMBIGUOUS, NOT_IN_SCOPE, AGE_MISSING, NO_EDITION, input errors). */
  unassigned: number;
}

/**
 * How a left-out line counts in the reconciliation `indata = fördelat + ej fördelat + oläsbart`:
 * `unassigned` (read, no payer), `unreadable` (amount read, quarter or date not), `uncounted`
 * (no amount could be read: the line or the whole file is listed, with no sum).
 */
export type LeftOutKind = "unassigned" | "unreadable" | "uncounted";

/** Codes for lines and files left out for their input (whoPays' codes cover the rest). */
export type FollowUpInputCode = "AMOUNT_INVALID" | "QUARTER_INVALID" | "DATE_INVALID" | "DATE_OUTSIDE_QUARTER" | "AGE_MISSING" | "CSV_QUOTE_UNCLOSED" | "CSV_ROW_WIDTH" | "LINE_TOO_LONG" | "KOMMUN_LIMIT" | "FILE_UNREADABLE" | "COLUMNS_MISSING" | "COLUMNS_DUPLICATE";

/** The codes for a whole file left out (its line is null): what the console counts in files, not lines. */
export const FILE_CODES = ["FILE_UNREADABLE", "COLUMNS_MISSING", "COLUMNS_DUPLICATE"] as const satisfies readonly FollowUpInputCode[];
export type FileCode = (typeof FILE_CODES)[number];
/** Whether a left-out code is a whole file's. */
export const isFileCode = (code: string): code is FileCode => (FILE_CODES as readonly string[]).includes(code);

/** Every code a line or file can be left out with: the follow-up's own, whoPays' input errors and its answers without a payer. */
export type LeftOutCode = FollowUpInputCode | WhoPaysInputError | "UNLISTED" | "AMBIGUOUS" | "NOT_IN_SCOPE";

/** Every reason a line can be left out, in Swedish, for the console and the report (one per code, the type sees to it). */
// Stryker disable all: a table read when the module loads; "gives every left-out code a reason of its own" kills these (docs/utveckling.md).
export const LEFT_OUT_REASONS_SV: Readonly<Record<LeftOutCode, string>> = {
  UNLISTED: "Bilagorna ger ingen betalare för koden på radens datum och ingen princip avgör den (koden saknas, raden saknar betalare, gäller inte än eller har en cell som inte kan läsas; förklaringen per rad säger vilket).",
  AMBIGUOUS: "Bilagorna anger olika betalare för koden; betalaren kan inte avgöras.",
  NOT_IN_SCOPE: "Boendeformen omfattas inte av överenskommelsen.",
  AGE_MISSING: "Åldern saknas och betalaren beror på den (barn eller vuxen). Fyll i åldern eller kör med --ålder-saknas vuxen.",
  AGE_INVALID: "Åldern kan inte läsas (ange år, 0–130).",
  NO_EDITION: "Ingen utgåva av bilagorna gällde radens datum. Lägg till den utgåva som gällde då med --utgåva.",
  ISO_FORMAT: "ISO-koden saknas eller är ingen ISO 9999-kod.",
  BOENDEFORM_UNKNOWN: "Boendeformen saknas eller är okänd.",
  SPECIALANPASSAD_INVALID: "Specialanpassad kan inte läsas.",
  DATE_INVALID: "Datumet kan inte läsas (skriv ÅÅÅÅ-MM-DD).",
  AMOUNT_INVALID: "Beloppet kan inte läsas (skriv t.ex. 2 450,00: kronor med högst två decimaler, högst 1 000 miljarder kr).",
  CSV_ROW_WIDTH: "Raden har fler fält än rubrikraden (t.ex. ett belopp med decimalkomma i en kommaseparerad fil utan citattecken); vilket fält som är beloppet går inte att veta.",
  QUARTER_INVALID: "Kvartalet kan inte läsas (skriv t.ex. 2026Q3, Kv 3 2026 eller ett datum 2026-07-15).",
  DATE_OUTSIDE_QUARTER: "Datumet ligger utanför radens kvartal.",
  CSV_QUOTE_UNCLOSED: "Ett citattecken på raden stängs aldrig; raden kan inte läsas.",
  KOMMUN_LIMIT: "Filerna har fler än 10 000 olika kommunnamn; rader med ytterligare namn fördelas inte. Kontrollera kommunkolumnen (länet har 26 kommuner).",
  LINE_TOO_LONG: "Raden är längre än 100 000 tecken (en kostnadsrad är några hundra); den läses inte. Filen är troligen inte en kostnadsfil eller är skadad.",
  FILE_UNREADABLE: "Filen kan inte läsas.",
  COLUMNS_MISSING: "Filen saknar kolumner som behövs.",
  COLUMNS_DUPLICATE: "Filen har två kolumner för samma sak; vilken som gäller går inte att veta.",
};
// Stryker restore all

/** The reason for a code a line was left out with, or undefined for a code the table lacks. */
export const reasonOfCode = (code: string): string | undefined => (LEFT_OUT_REASONS_SV as Readonly<Record<string, string>>)[code];

/** A line (or a whole file, `line` null) that is not attributed to a party. */
export interface LeftOutLine {
  readonly file: string;
  readonly line: number | null;
  readonly kommun: string;
  readonly quarter: Quarter | null;
  readonly iso: string;
  readonly boendeform: string;
  /** Öre; null when no amount could be read. */
  readonly ore: number | null;
  readonly code: string;
  readonly kind: LeftOutKind;
  /** A specific Swedish message (file problems); otherwise LEFT_OUT_REASONS_SV[code]. */
  readonly message: string | null;
}

export interface FollowUpSource {
  readonly file: string;
  /** Data lines read (blank lines not counted). */
  lines: number;
  /** Öre of every readable amount in the file. */
  ore: number;
  /** Null when the file was read; otherwise why it was not (Swedish). */
  problem: string | null;
}

export interface FollowUpOptions {
  /** Given: the baseline year; otherwise the earliest year with lines. */
  readonly baselineYear?: number | null;
  /** `adult`: a line without age whose payer depends on age is answered for an adult (--ålder-saknas vuxen). */
  readonly ageMissing?: "adult" | null;
}

/**
 * A quarter against the same quarter of the baseline year, over the kommuner of the county that
 * have lines in both (so a kommun whose file is missing in one period cannot make the change):
 * the kommun and region totals of those kommuner then and now, and the kommuner left out.
 */
export interface QuarterComparison {
  /** Kommuner of the 26 with lines in both quarters. */
  readonly kommuner: number;
  readonly kommun: number;
  readonly region: number;
  readonly baseKommun: number;
  readonly baseRegion: number;
  /** Kommuner of the 26 with lines now but not in the baseline quarter, and the other way round. */
  readonly onlyNow: readonly string[];
  readonly onlyBaseline: readonly string[];
}

export interface FollowUpQuarter {
  readonly quarter: Quarter;
  /** Every line of the quarter, unknown kommun names included. */
  readonly totals: PartyTotals;
  /** The same quarter of the baseline year, all lines (null in the baseline year itself or when it has none). */
  readonly baseline: PartyTotals | null;
  /** The change is computed over these kommuner only (null without a baseline quarter). */
  readonly comparison: QuarterComparison | null;
  /** The part of `totals` from kommun names that are none of the 26 (null when there is none). */
  readonly unknown: PartyTotals | null;
}

export interface FollowUp {
  readonly baselineYear: number | null;
  readonly quarters: readonly FollowUpQuarter[];
  readonly byKommun: ReadonlyArray<{ readonly kommun: string; readonly known: boolean; readonly totals: PartyTotals }>;
  readonly byKommunQuarter: ReadonlyArray<{ readonly kommun: string; readonly quarter: Quarter; readonly known: boolean; readonly totals: PartyTotals }>;
  /** For each quarter with lines: the kommuner of Stockholms län with none. */
  readonly missingKommuner: ReadonlyArray<{ readonly quarter: Quarter; readonly kommuner: readonly string[] }>;
  /** Kommun names that are none of the 26, kept as written. */
  readonly unknownKommuner: ReadonlyArray<{ readonly name: string; readonly lines: number; readonly ore: number }>;
  /** Every left-out line (up to `maxLeftOutLines`); `leftOutNotListed` more were counted but not kept. */
  readonly leftOut: LeftOutList;
  readonly leftOutNotListed: number;
  readonly leftOutByCode: ReadonlyArray<{ readonly code: string; readonly kind: LeftOutKind; readonly lines: number; readonly ore: number; readonly examples: readonly LeftOutLine[] }>;
  /** Lines dated before the first edition's Giltig från; `baselineLines` of them in the baseline year. */
  readonly beforeFirstEdition: { readonly lines: number; readonly ore: number; readonly baselineLines: number; readonly firstEffective: string } | null;
  /**
   * Lines dated before the Giltig från of a working workbook that answered them alone (no edition
   * in force then was given): answered by rules stated to apply later. `baselineLines` of them lie
   * in the baseline year.
   */
  readonly answeredByLaterRules: { readonly lines: number; readonly ore: number; readonly baselineLines: number; readonly statedEffective: string } | null;
  /** Lines answered as for an adult because their age was missing (only with ageMissing: adult). */
  readonly assumedAdult: { readonly lines: number; readonly ore: number };
  readonly sources: readonly FollowUpSource[];
  /** The lists that answered at least one line, in the order given. */
  readonly editionsUsed: readonly DatedLists[];
  readonly lines: number;
  /** Öre: input = assigned + unassigned + unreadable, exactly. */
  readonly inputOre: number;
  readonly assignedOre: number;
  readonly unassignedOre: number;
  readonly unreadableOre: number;
  readonly balanced: boolean;
  /** False when the sums passed 2^53 öre and can no longer be exact (never for real data). */
  readonly exact: boolean;
}

const zero = (): PartyTotals => ({ kommun: 0, region: 0, egenansvar: 0, unassigned: 0 });

/** Counts a line outside the lists' time: its amount and its date's year (`YYYY-MM-DD`). */
const tally = (c: { lines: number; ore: number; years: Map<number, number> }, ore: number, date: string) => {
  c.lines++;
  c.ore += ore;
  const y = Number(date.slice(0, 4));
  c.years.set(y, (c.years.get(y) ?? 0) + 1);
};

/** Lines outside the lists' time, and how many of them lie in the baseline year. */
const outside = (c: { lines: number; ore: number; years: ReadonlyMap<number, number> }, base: number | null) => ({ lines: c.lines, ore: c.ore, baselineLines: base === null ? 0 : (c.years.get(base) ?? 0) });

/** The columns a cost file reads, in the order a duplicate is reported. */
const COST_FIELDS = ["kommun", "quarter", "iso", "boendeform", "age", "amount", "date"] as const;
type CostField = (typeof COST_FIELDS)[number];
const label = (field: CostField): string => COLUMN_HEADERS[field].labelSv;

/** The columns a cost file needs, by their Swedish header as people write it. */
export const REQUIRED_COLUMNS_SV = `${label("kommun")}, ${label("quarter")} (eller ${label("date")}), ${label("iso")}, ${label("boendeform")}, ${label("amount")} (${label("age")} och ${label("date")} valfria)`;

const text = (v: CellValue): string => (v === null || v === undefined ? "" : v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === "object" ? "" : String(v).trim());
const isBlank = (v: CellValue) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");
const keyOf = (v: CellValue): string => (typeof v === "string" ? v : v === null || v === undefined ? "" : `\u0002${text(v)}`);

/** `1234`, `1234,5`, `1 234,50`: the common shapes, read without a regular expression. Null: ask readAmount. */
// Stryker disable all: a fast path. A change that gives null leaves the text to readAmount (the
// same answer, slower); one that gives another number fails "agrees with readAmount" in
// followUp.test.ts (docs/utveckling.md, equivalent mutants).
function plainOre(t: string): number | null {
  let kr = 0;
  let i = 0;
  let digits = 0;
  let group = -1;
  for (; i < t.length; i++) {
    const ch = t.charCodeAt(i);
    if (ch >= 48 && ch <= 57) {
      kr = kr * 10 + (ch - 48);
      digits++;
      if (group >= 0) group++;
    } else if (ch === 32 || ch === 0xa0 || ch === 0x202f) {
      // A thousands separator: after 1–3 digits first, then after exactly 3.
      if (digits === 0 || (group < 0 ? digits > 3 : group !== 3)) return null;
      group = 0;
    } else break;
  }
  if (digits === 0 || digits > 13 || (group >= 0 && group !== 3)) return null;
  if (i === t.length) return kr * 100;
  if (t.charCodeAt(i) !== 44 || i + 2 < t.length - 1) return null;
  const a = t.charCodeAt(i + 1);
  const b = i + 2 < t.length ? t.charCodeAt(i + 2) : 48;
  if (i + 1 >= t.length || a < 48 || a > 57 || b < 48 || b > 57) return null;
  return kr * 100 + (a - 48) * 10 + (b - 48);
}
// Stryker restore all

/** Öre of an amount cell (readAmount, rounded to the öre), or null. */
export function readOre(raw: CellValue): number | null {
  // Stryker disable all: the fast path's gate, equivalent as plainOre is (past the largest amount readAmount refuses the text).
  if (typeof raw === "string") {
    const fast = plainOre(raw);
    if (fast !== null && fast <= MAX_AMOUNT_SEK * 100) return fast;
  }
  // Stryker restore all
  // Kronor and öre: a third decimal ("1,234", 12.505) is refused, never rounded away. Text is
  // judged by its digits; a number cell by its value (relative to its size: 9 999 009 990,20 kr
  // is 999 900 999 019.9999 öre in floating point).
  if (typeof raw === "string") {
    const a = readAmountText(raw);
    return a === null || a.fraction.replace(/0+$/, "").length > 2 ? null : Math.round(a.value * 100);
  }
  // readAmount reads a number and nothing else here (a flag, a date, an error).
  if (raw === null || raw === undefined) return null;
  const amount = readAmount(raw);
  if (amount === null) return null;
  const cents = amount * 100;
  const ore = Math.round(cents);
  // Stryker disable next-line EqualityOperator: > and >= differ only when the error equals the tolerance to the last bit.
  return Math.abs(cents - ore) > 1e-9 + 2e-15 * Math.abs(cents) ? null : ore;
}

interface KommunEntry {
  readonly name: string;
  readonly known: boolean;
  readonly quarters: Map<Quarter, PartyTotals>;
}

interface Answer {
  readonly payer: Payer | null;
  readonly code: string;
  readonly assumedAdult: boolean;
  /** For an answer without a payer: the answer's own explanation (which row or cell is the cause), one string per distinct answer. */
  readonly message?: string;
}

const NO_EDITION: Answer = { payer: null, code: "NO_EDITION", assumedAdult: false };
const CHILD_AGE = 17;
const ADULT_AGE = 65;
const CACHE_LIMIT = 200_000;
/**
 * Distinct kommun names (as matched; unknown names as written) one run keeps totals for: the
 * county has 26, so past this the files are not cost files by kommun, and lines with a further
 * name are left out (KOMMUN_LIMIT) instead of the run growing without end.
 */
export const MAX_KOMMUN_NAMES = 10_000;
/** Excel's last row less the header: the most left-out lines a report sheet can list. */
export const MAX_LEFT_OUT_LINES = 1_048_575;

/** The longest text a listed left-out line keeps of one cell; the file and line number find the rest. */
export const LEFT_OUT_TEXT_CHARS = 256;

/** The left-out lines of a run, read back one by one. */
export interface LeftOutList extends Iterable<LeftOutLine> {
  readonly length: number;
  at(index: number): LeftOutLine;
}

const KINDS: readonly LeftOutKind[] = ["unassigned", "unreadable", "uncounted"];
const BLOCK = 65_536;
/** The text columns of a kept line: file, kommun, quarter, iso, boendeform, code, message. */
const TEXTS = 7;

/**
 * Left-out lines kept compactly: a million of them are listed in a report, so each is held as a few
 * numbers (45 bytes, in fixed blocks that are never copied) with its texts interned once, not as an
 * object of its own. A run's memory is then bounded by the list's limit and the distinct texts.
 */
export class LeftOutLines implements LeftOutList {
  /** Id 0 is null (a quarter or message); every other text has its own id. */
  private readonly strings: Array<string | null> = [null];
  private readonly ids = new Map<string, number>();
  private readonly blocks: Array<{ texts: Uint32Array; kinds: Uint8Array; numbers: Float64Array }> = [];
  length = 0;

  /** The id of a text, interned; a cell's text (`cut`) is kept up to LEFT_OUT_TEXT_CHARS. */
  private id(value: string | null, cut = false): number {
    if (value === null) return 0;
    const t = cut && value.length > LEFT_OUT_TEXT_CHARS ? `${value.slice(0, LEFT_OUT_TEXT_CHARS)}…` : value;
    let id = this.ids.get(t);
    // Stryker disable next-line ConditionalExpression: a cache (equivalent: without it the value is computed again).
    if (id === undefined) {
      id = this.strings.push(t) - 1;
      this.ids.set(t, id);
    }
    return id;
  }

  push(l: LeftOutLine): void {
    const i = this.length % BLOCK;
    if (i === 0) this.blocks.push({ texts: new Uint32Array(TEXTS * BLOCK), kinds: new Uint8Array(BLOCK), numbers: new Float64Array(2 * BLOCK) });
    const b = this.blocks[this.blocks.length - 1]!;
    const t = b.texts;
    t[TEXTS * i] = this.id(l.file);
    t[TEXTS * i + 1] = this.id(l.kommun, true);
    t[TEXTS * i + 2] = this.id(l.quarter);
    t[TEXTS * i + 3] = this.id(l.iso, true);
    t[TEXTS * i + 4] = this.id(l.boendeform, true);
    t[TEXTS * i + 5] = this.id(l.code);
    t[TEXTS * i + 6] = this.id(l.message);
    b.kinds[i] = KINDS.indexOf(l.kind);
    b.numbers[2 * i] = l.line ?? NaN;
    b.numbers[2 * i + 1] = l.ore ?? NaN;
    this.length++;
  }

  at(index: number): LeftOutLine {
    if (!Number.isInteger(index) || index < 0 || index >= this.length) throw new RangeError(`left-out line ${index} of ${this.length}`);
    const b = this.blocks[Math.floor(index / BLOCK)]!;
    const i = index % BLOCK;
    const s = (k: number) => this.strings[b.texts[TEXTS * i + k]!]!;
    const line = b.numbers[2 * i]!;
    const ore = b.numbers[2 * i + 1]!;
    return {
      file: s(0)!,
      line: Number.isNaN(line) ? null : line,
      kommun: s(1)!,
      quarter: s(2) as Quarter | null,
      iso: s(3)!,
      boendeform: s(4)!,
      ore: Number.isNaN(ore) ? null : ore,
      code: s(5)!,
      kind: KINDS[b.kinds[i]!]!,
      message: s(6),
    };
  }

  *[Symbol.iterator](): Iterator<LeftOutLine> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }
}

/** The columns of one source, once its header is read. */
/** Each cost column's place in the header row (0-based; -1 when absent), from matchHeader. */
type Columns = HeaderMatch<CostField>["at"];

/**
 * One file or sheet of cost lines inside a follow-up run: give it the header, then each line as
 * it is read. Nothing of the line is kept unless it is left out.
 */
export class CostSource {
  private columns: Columns | null = null;

  constructor(
    private readonly run: FollowUpRun,
    readonly info: FollowUpSource,
  ) {}

  /** Reads the header row; returns the missing columns (then the file is reported and nothing else is read). */
  header(cells: ReadonlyArray<CellValue>): string[] {
    const { at, duplicates } = matchHeader(cells.map(text), COST_FIELDS);
    // Two columns for one thing (two belopp, two kommun): which one is meant cannot be known.
    const twice = duplicates[0];
    if (twice) {
      this.fail("COLUMNS_DUPLICATE", duplicateColumnsSv(this.info.file, twice.field, twice.columns));
      return [COLUMN_HEADERS[twice.field].labelSv];
    }
    const c = at;
    // A quarter is read from the kvartal column, or else from the date.
    const required: ReadonlyArray<readonly CostField[]> = [["kommun"], ["quarter", "date"], ["iso"], ["boendeform"], ["amount"]];
    const missing = required.filter((alternatives) => alternatives.every((f) => c[f] < 0)).map((alternatives) => label(alternatives[0]!));
    if (missing.length > 0) {
      this.fail("COLUMNS_MISSING", `${this.info.file} saknar kolumnerna ${missing.join(", ")} i rubrikraden (behövs: ${REQUIRED_COLUMNS_SV}).`);
      return missing;
    }
    this.columns = c;
    return [];
  }

  /** Whether the header has been read and accepted. */
  get ready(): boolean {
    return this.columns !== null;
  }

  /** Marks the whole source as unreadable (its lines read so far still count). */
  fail(code: FileCode, message: string): void {
    this.info.problem = message;
    this.columns = null;
    this.run.leftOutLine({ file: this.info.file, line: null, kommun: "", quarter: null, iso: "", boendeform: "", ore: null, code, kind: "uncounted", message });
  }

  /** A physical line that could not be parsed into cells (e.g. an unclosed quote). */
  unparsable(line: number, code: "CSV_QUOTE_UNCLOSED" | "CSV_ROW_WIDTH" | "LINE_TOO_LONG"): void {
    this.info.lines++;
    this.run.countLine();
    this.run.leftOutLine({ file: this.info.file, line, kommun: "", quarter: null, iso: "", boendeform: "", ore: null, code, kind: "uncounted", message: null });
  }

  /** One data line: counted, answered and summed at once. */
  line(cells: ReadonlyArray<CellValue>, line: number): void {
    const c = this.columns;
    if (!c) return;
    let blank = true;
    // Stryker disable next-line EqualityOperator: cells[length] is undefined, which is blank.
    for (let i = 0; i < cells.length; i++) {
      if (!isBlank(cells[i])) {
        blank = false;
        break;
      }
    }
    if (blank) return;
    this.info.lines++;
    this.run.countLine();
    const kommunText = text(cells[c.kommun]);
    const kommun = this.run.kommunName(kommunText);
    const iso = cells[c.iso] ?? null;
    const boendeform = cells[c.boendeform] ?? null;
    const ore = readOre(cells[c.amount] ?? null);
    if (ore === null) return this.leave(line, kommun?.name ?? kommunText, iso, boendeform, null, null, "AMOUNT_INVALID", "uncounted");
    this.info.ore += ore;
    this.run.addInput(ore);
    if (!kommun) return this.leave(line, kommunText, iso, boendeform, null, ore, "KOMMUN_LIMIT", "unreadable");
    // Stryker disable next-line ConditionalExpression: a missing column is -1, and cells[-1] is undefined, read as blank.
    const dateCell = c.date >= 0 ? (cells[c.date] ?? null) : null;
    const date = isBlank(dateCell) ? null : readDate(dateCell as Exclude<CellValue, null | undefined>);
    if (!isBlank(dateCell) && (date === null || Number(date.slice(0, 4)) < 1900)) return this.leave(line, kommun.name, iso, boendeform, null, ore, "DATE_INVALID", "unreadable");
    // A quarter from its column; a line whose kvartal cell is blank takes its date's quarter.
    // Stryker disable next-line ConditionalExpression: a missing column is -1, and cells[-1] is undefined, read as blank.
    const quarterCell = c.quarter >= 0 ? (cells[c.quarter] ?? null) : null;
    const q = !isBlank(quarterCell) ? this.run.quarterOf(quarterCell) : date ? { quarter: quarterOfDate(date), date } : null;
    if (!q) return this.leave(line, kommun.name, iso, boendeform, null, ore, "QUARTER_INVALID", "unreadable");
    if (date && quarterOfDate(date) !== q.quarter) return this.leave(line, kommun.name, iso, boendeform, null, ore, "DATE_OUTSIDE_QUARTER", "unreadable");
    const on = date ?? q.date ?? quarterStart(q.quarter);
    // Stryker disable next-line ConditionalExpression: a missing column is -1, and cells[-1] is undefined, read as blank.
    const answer = this.run.answer(on, iso, boendeform, c.age >= 0 ? (cells[c.age] ?? null) : null);
    this.run.addLine(kommun, q.quarter, ore, answer, on);
    if (answer.payer === null) this.leave(line, kommun.name, iso, boendeform, q.quarter, ore, answer.code, "unassigned", answer.message);
  }

  private leave(line: number, kommun: string, iso: CellValue, boendeform: CellValue, quarter: Quarter | null, ore: number | null, code: string, kind: LeftOutKind, message?: string): void {
    this.run.leftOutLine({ file: this.info.file, line, kommun, quarter, iso: text(iso), boendeform: text(boendeform), ore, code, kind, message: message ?? null });
  }
}

/**
 * Storsthlm's quarterly follow-up, streaming: each cost line gets its payer with whoPays from the
 * edition in force on its date and is summed at once per party, quarter and kommun; only the lines
 * left out are kept, to be listed. `finish` sets each quarter against the same quarter of the
 * baseline year and checks that every öre is accounted for.
 * @example const run = new FollowUpRun(lists); const s = run.source("solna.csv"); s.header(h); s.line(cells, 2); run.finish()
 */
export class FollowUpRun {
  private readonly sources: FollowUpSource[] = [];
  private readonly perQuarter = new Map<Quarter, PartyTotals>();
  private readonly unknown = new Map<string, { lines: number; ore: number }>();
  private readonly leftOut = new LeftOutLines();
  private leftOutNotListed = 0;
  private readonly byCode = new Map<string, { kind: LeftOutKind; lines: number; ore: number; examples: LeftOutLine[] }>();
  private readonly answers = new Map<string, Map<string, Map<string, Map<string, Answer>>> & { listIndex: number }>();
  private readonly ageKeys = new Map<string, string>();
  private cached = 0;
  private readonly kommunCache = new Map<string, KommunEntry>();
  private readonly kommunByName = new Map<string, KommunEntry>();
  private readonly quarterCache = new Map<string, { quarter: Quarter; date: string | null } | null>();
  private readonly used = new Set<number>();
  /** A working workbook answering any date, and the Giltig från it states; earlier lines are counted. */
  private readonly statedEffective: string | null;
  private readonly firstDated: string | null;
  private before = { lines: 0, ore: 0, years: new Map<number, number>() };
  private later = { lines: 0, ore: 0, years: new Map<number, number>() };
  private adult = { lines: 0, ore: 0 };
  private lineCount = 0;
  private inputOre = 0;
  private absOre = 0;
  private assignedOre = 0;
  private unassignedOre = 0;
  private unreadableOre = 0;

  constructor(
    private readonly lists: readonly DatedLists[],
    private readonly options: FollowUpOptions = {},
    private readonly maxLeftOutLines = MAX_LEFT_OUT_LINES,
  ) {
    this.statedEffective = lists.find((l) => l.effective === null && l.statedEffective)?.statedEffective ?? null;
    this.firstDated = firstDated(lists);
  }

  /** Starts a file or sheet; its lines are then given to the returned source. */
  source(file: string): CostSource {
    const info: FollowUpSource = { file, lines: 0, ore: 0, problem: null };
    this.sources.push(info);
    return new CostSource(this, info);
  }

  /** @internal */ countLine(): void {
    this.lineCount++;
  }

  /** @internal */ addInput(ore: number): void {
    this.inputOre += ore;
    this.absOre += Math.abs(ore);
  }

  /** @internal The kommun as one of the 26, or as written (then reported). */
  /** The kommun's entry, or null past MAX_KOMMUN_NAMES distinct names (the line is then left out). */
  kommunName(raw: string): KommunEntry | null {
    let k = this.kommunCache.get(raw);
    // Stryker disable next-line ConditionalExpression: a cache (equivalent: without it the value is computed again).
    if (!k) {
      const known = matchKommun(raw);
      const name = known ?? raw;
      k = this.kommunByName.get(name);
      if (!k) {
        if (this.kommunByName.size >= MAX_KOMMUN_NAMES) return null;
        this.kommunByName.set(name, (k = { name, known: known !== null, quarters: new Map() }));
      }
      // Stryker disable next-line ConditionalExpression,EqualityOperator,UpdateOperator: a cache (equivalent: without it the value is computed again).
      if (this.kommunCache.size < CACHE_LIMIT) this.kommunCache.set(raw, k);
    }
    return k;
  }

  /** @internal */ quarterOf(raw: CellValue): { quarter: Quarter; date: string | null } | null {
    if (typeof raw !== "string") return readQuarter(raw);
    let q = this.quarterCache.get(raw);
    // Stryker disable next-line ConditionalExpression: a cache (equivalent: without it the value is computed again).
    if (q === undefined) {
      q = readQuarter(raw);
      // Stryker disable next-line ConditionalExpression,EqualityOperator,UpdateOperator: a cache (equivalent: without it the value is computed again).
      if (this.quarterCache.size < CACHE_LIMIT) this.quarterCache.set(raw, q);
    }
    return q;
  }

  /** @internal The payer of a line; answers are kept per date (hence edition), code, form and age group. */
  answer(date: string, iso: CellValue, boendeform: CellValue, ageRaw: CellValue): Answer {
    let byIso = this.answers.get(date);
    // Stryker disable next-line ConditionalExpression: a cache (equivalent: without it the value is computed again).
    if (!byIso) {
      const l = inForce(this.lists, date);
      const listIndex = l ? this.lists.indexOf(l) : -1;
      // Stryker disable next-line all: -1 is never an index of the lists, so adding it changes nothing.
      if (listIndex >= 0) this.used.add(listIndex);
      // Stryker disable next-line ConditionalExpression,EqualityOperator,UpdateOperator: a cache (equivalent: without it the value is computed again).
      if (this.cached >= CACHE_LIMIT) this.clearCache();
      this.answers.set(date, (byIso = Object.assign(new Map<string, Map<string, Map<string, Answer>>>(), { listIndex })));
    }
    if (byIso.listIndex < 0) return NO_EDITION;
    const ageKey = this.ageKey(ageRaw);
    const isoKey = keyOf(iso);
    let byForm = byIso.get(isoKey);
    // Stryker disable next-line ConditionalExpression: a cache (equivalent: without it the value is computed again).
    if (!byForm) byIso.set(isoKey, (byForm = new Map()));
    const formKey = keyOf(boendeform);
    let byAge = byForm.get(formKey);
    // Stryker disable next-line ConditionalExpression: a cache (equivalent: without it the value is computed again).
    if (!byAge) byForm.set(formKey, (byAge = new Map()));
    let a = byAge.get(ageKey);
    // Stryker disable next-line ConditionalExpression: a cache (equivalent: without it the value is computed again).
    if (!a) {
      a = this.compute(this.lists[byIso.listIndex]!, date, iso, boendeform, isBlank(ageRaw) ? null : ageRaw);
      byAge.set(ageKey, a);
      // Stryker disable next-line ConditionalExpression,EqualityOperator,UpdateOperator: a cache (equivalent: without it the value is computed again).
      if (++this.cached >= CACHE_LIMIT) this.clearCache();
    }
    return a;
  }

  // Stryker disable next-line BlockStatement: a cache's bound; the tests stay below 200 000 answers, and emptying it only costs time.
  private clearCache(): void {
    this.answers.clear();
    this.cached = 0;
  }

  /** Only "under 18" matters to whoPays, so every adult age shares one answer (M: missing, X…: unreadable). */
  private ageKey(raw: CellValue): string {
    // Stryker disable next-line all: the keys only need to be distinct (M, C, A, X…); without this shortcut a blank gets X, as distinct.
    if (isBlank(raw)) return "M";
    const k = typeof raw === "string" ? this.ageKeys.get(raw) : undefined;
    if (k !== undefined) return k;
    const age = parseAge(raw);
    // Stryker disable next-line StringLiteral,EqualityOperator: the letters only need to be distinct; C and A swapped name the same two groups.
    const key = age === null ? `X${keyOf(raw)}` : age < 18 ? "C" : "A";
    // Stryker disable next-line ConditionalExpression,EqualityOperator,UpdateOperator: a cache (equivalent: without it the value is computed again).
    if (typeof raw === "string" && this.ageKeys.size < 10_000) this.ageKeys.set(raw, key);
    return key;
  }

  private compute(lists: DatedLists, date: string, iso: CellValue, boendeform: CellValue, age: CellValue): Answer {
    const ask = (a: CellValue): WhoPaysResult => whoPays({ iso, boendeform, age: a, date }, lists.index);
    const of = (r: WhoPaysResult, assumedAdult = false): Answer =>
      r.ok ? (r.payer === null ? { payer: null, code: r.rule, assumedAdult, message: r.explanation } : { payer: r.payer, code: r.rule, assumedAdult }) : { payer: null, code: r.code, assumedAdult };
    if (age !== null) return of(ask(age));
    // No age: never guess. Answer for a child and an adult; the same answer does not depend on age.
    const child = ask(CHILD_AGE);
    const adult = ask(ADULT_AGE);
    if (!child.ok) return of(child);
    if (adult.ok && adult.payer === child.payer && (adult.payer !== null || adult.rule === child.rule)) return of(adult);
    if (this.options.ageMissing === "adult") return of(adult, true);
    return { payer: null, code: "AGE_MISSING", assumedAdult: false };
  }

  /** @internal */ addLine(kommun: KommunEntry, quarter: Quarter, ore: number, answer: Answer, date: string): void {
    const key = answer.payer === "Kommun" ? "kommun" : answer.payer === "Region" ? "region" : answer.payer === "Egenansvar" ? "egenansvar" : "unassigned";
    let q = this.perQuarter.get(quarter);
    if (!q) this.perQuarter.set(quarter, (q = zero()));
    q[key] += ore;
    let k = kommun.quarters.get(quarter);
    if (!k) kommun.quarters.set(quarter, (k = zero()));
    k[key] += ore;
    if (!kommun.known) {
      const u = this.unknown.get(kommun.name) ?? { lines: 0, ore: 0 };
      u.lines++;
      u.ore += ore;
      this.unknown.set(kommun.name, u);
    }
    if (answer.payer !== null) this.assignedOre += ore;
    if (answer.assumedAdult) {
      this.adult.lines++;
      this.adult.ore += ore;
    }
    // A stated Giltig från means a working workbook, which answers every date (never NO_EDITION).
    if (this.statedEffective !== null && date < this.statedEffective && (this.firstDated === null || date < this.firstDated)) {
      tally(this.later, ore, date);
    }
    // NO_EDITION: no list answers the date, so there is no working workbook and the date is before the first edition.
    if (answer.code === "NO_EDITION") {
      tally(this.before, ore, date);
    }
  }

  /** @internal */ leftOutLine(l: LeftOutLine): void {
    if (l.kind === "unassigned") this.unassignedOre += l.ore ?? 0;
    if (l.kind === "unreadable") this.unreadableOre += l.ore ?? 0;
    let c = this.byCode.get(l.code);
    if (!c) this.byCode.set(l.code, (c = { kind: l.kind, lines: 0, ore: 0, examples: [] }));
    c.lines++;
    c.ore += l.ore ?? 0;
    const listed = this.leftOut.length < this.maxLeftOutLines;
    if (c.examples.length < 3) c.examples.push(l);
    if (listed) this.leftOut.push(l);
    else this.leftOutNotListed++;
  }

  /** A quarter against its baseline quarter over the kommuner of the county with lines in both. */
  private compare(quarter: Quarter, baseQuarter: Quarter): QuarterComparison {
    let kommuner = 0;
    let kommun = 0;
    let region = 0;
    let baseKommun = 0;
    let baseRegion = 0;
    const onlyNow: string[] = [];
    const onlyBaseline: string[] = [];
    for (const name of STOCKHOLM_KOMMUNER) {
      const k = this.kommunByName.get(name);
      const now = k?.quarters.get(quarter);
      const then = k?.quarters.get(baseQuarter);
      if (now && then) {
        kommuner++;
        kommun += now.kommun;
        region += now.region;
        baseKommun += then.kommun;
        baseRegion += then.region;
      } else if (now) onlyNow.push(name);
      else if (then) onlyBaseline.push(name);
    }
    return { kommuner, kommun, region, baseKommun, baseRegion, onlyNow, onlyBaseline };
  }

  /** What names that are none of the 26 add to a quarter's totals, or null. */
  private unknownIn(quarter: Quarter): PartyTotals | null {
    let out: PartyTotals | null = null;
    for (const k of this.kommunByName.values()) {
      if (k.known) continue;
      const t = k.quarters.get(quarter);
      if (!t) continue;
      out ??= zero();
      out.kommun += t.kommun;
      out.region += t.region;
      out.egenansvar += t.egenansvar;
      out.unassigned += t.unassigned;
    }
    return out;
  }

  /** The totals, set against the baseline year, and the reconciliation. */
  finish(): FollowUp {
    const years = [...this.perQuarter.keys()].map((q) => Number(q.slice(0, 4)));
    const base = this.options.baselineYear ?? (years.length > 0 ? years.reduce((a, b) => Math.min(a, b)) : null);
    const quarters = [...this.perQuarter.keys()].sort().map((quarter): FollowUpQuarter => {
      const baseQuarter = base !== null && Number(quarter.slice(0, 4)) !== base ? `${base}${quarter.slice(4)}` : null;
      const baseline = baseQuarter ? (this.perQuarter.get(baseQuarter) ?? null) : null;
      return { quarter, totals: this.perQuarter.get(quarter)!, baseline, comparison: baseline && baseQuarter ? this.compare(quarter, baseQuarter) : null, unknown: this.unknownIn(quarter) };
    });
    const sv = (a: string, b: string) => a.localeCompare(b, "sv");
    const byKommunQuarter = [...this.kommunByName.values()]
      .flatMap((k) => [...k.quarters.entries()].map(([quarter, totals]) => ({ kommun: k.name, quarter, known: k.known, totals })))
      .sort((a, b) => sv(a.kommun, b.kommun) || sv(a.quarter, b.quarter));
    const byKommun = new Map<string, { kommun: string; known: boolean; totals: PartyTotals }>();
    for (const kq of byKommunQuarter) {
      const k = byKommun.get(kq.kommun) ?? { kommun: kq.kommun, known: kq.known, totals: zero() };
      k.totals.kommun += kq.totals.kommun;
      k.totals.region += kq.totals.region;
      k.totals.egenansvar += kq.totals.egenansvar;
      k.totals.unassigned += kq.totals.unassigned;
      byKommun.set(kq.kommun, k);
    }
    const missingKommuner = quarters.map(({ quarter }) => ({ quarter, kommuner: STOCKHOLM_KOMMUNER.filter((k) => !this.kommunByName.get(k)?.quarters.has(quarter)) }));
    const exact = this.absOre <= Number.MAX_SAFE_INTEGER;
    return {
      baselineYear: base,
      quarters,
      byKommun: [...byKommun.values()],
      byKommunQuarter,
      missingKommuner,
      unknownKommuner: [...this.unknown.entries()].sort(([a], [b]) => sv(a, b)).map(([name, u]) => ({ name, ...u })),
      leftOut: this.leftOut,
      leftOutNotListed: this.leftOutNotListed,
      leftOutByCode: [...this.byCode.entries()].sort(([, a], [, b]) => b.lines - a.lines).map(([code, c]) => ({ code, ...c })),
      beforeFirstEdition: this.before.lines > 0 && this.firstDated ? { ...outside(this.before, base), firstEffective: this.firstDated } : null,
      answeredByLaterRules: this.later.lines > 0 && this.statedEffective ? { ...outside(this.later, base), statedEffective: this.statedEffective } : null,
      assumedAdult: this.adult,
      sources: this.sources,
      editionsUsed: this.lists.filter((_, i) => this.used.has(i)),
      lines: this.lineCount,
      inputOre: this.inputOre,
      assignedOre: this.assignedOre,
      unassignedOre: this.unassignedOre,
      unreadableOre: this.unreadableOre,
      balanced: exact && this.inputOre === this.assignedOre + this.unassignedOre + this.unreadableOre,
      exact,
    };
  }
}

/**
 * The follow-up of rows already in memory (a sheet in the pane): the first row is the header.
 * `firstLine` is the row number of the header in the sheet.
 */
export function followUpRows(run: FollowUpRun, name: string, rows: ReadonlyArray<ReadonlyArray<CellValue>>, firstLine = 1): void {
  const source = run.source(name);
  if (rows.length === 0) {
    source.fail("COLUMNS_MISSING", `${name} är tomt (behövs: ${REQUIRED_COLUMNS_SV}).`);
    return;
  }
  if (source.header(rows[0]!).length > 0) return;
  for (let i = 1; i < rows.length; i++) source.line(rows[i]!, firstLine + i);
}

/** Öre as kronor. */
export const kronor = (ore: number): number => ore / 100;

/** Whether a header row names the cost columns (a trial on a throw-away follow-up): the pane and the CLI ask this. */
export function hasCostHeader(header: ReadonlyArray<CellValue>): boolean {
  return new FollowUpRun([]).source("").header(header).length === 0;
}
