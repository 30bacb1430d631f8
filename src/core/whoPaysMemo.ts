/**
 * The fast path in front of `whoPaysSpec`: an answer depends only on (code, housing form, the age
 * of a child or "adult", specialanpassad) for one index (one model and edition) on one date, so
 * each distinct question is answered once by the specification and then served from an
 * integer-keyed memo. Raw cells are read here with charCodeAt and small maps; anything this
 * reader is not sure of (odd spellings, invalid input) goes to the specification unchanged, so
 * the two can never differ in what they accept. Proven identical by test/core/whoPaysMemo.test.ts.
 */
import { BOENDEFORMER, OUT_OF_SCOPE, parseBoendeform } from "./boendeform";
import type { CellValue } from "./cells";
import { parseIsoDate, todayIso } from "./values";
import type { WhoPaysAnswer, WhoPaysIndex, WhoPaysQuery, WhoPaysResult } from "./whoPays";

type Spec = (query: WhoPaysQuery, index: WhoPaysIndex) => WhoPaysResult;

/** Memo entries per (index, date) before it starts over: bounded, whatever codes are asked. */
const MAX_ENTRIES = 200_000;
/** Distinct raw spellings remembered for housing forms and dates. */
const MAX_SPELLINGS = 1_000;

interface IndexMemo {
  /** Whether any row has its own Giltig från: if not, every date shares one memo. */
  readonly dated: boolean;
  readonly byDate: Map<string, Map<number, WhoPaysAnswer>>;
}

const memos = new WeakMap<WhoPaysIndex, IndexMemo>();

function memoOf(index: WhoPaysIndex): IndexMemo {
  let memo = memos.get(index);
  if (!memo) {
    memo = { dated: hasDatedRows(index), byDate: new Map() };
    memos.set(index, memo);
  }
  return memo;
}

function hasDatedRows(index: WhoPaysIndex): boolean {
  for (const rows of [...index.list.values(), ...index.bilaga4.values(), index.isoUnreadable?.list ?? [], index.isoUnreadable?.b4 ?? []]) {
    for (const row of rows) if (row.giltigFran.state === "ok") return true;
  }
  return false;
}

/**
 * An ISO code as an integer, its level in the value range: class 0–99, subclass 100–10 099,
 * division 10 100–1 010 099; -1 when this reader is not sure (the specification decides).
 * Accepts exactly a subset of what parseIsoCode accepts, and reads it the same way.
 */
export function isoKey(raw: CellValue): number {
  if (typeof raw === "number") {
    if (!(raw >= 0 && raw < 1e6) || raw !== Math.floor(raw)) return -1;
    // A lost leading zero (an odd number of digits): the answer says so, so the specification answers.
    if (raw < 10 || (raw >= 100 && raw < 1000) || (raw >= 10_000 && raw < 100_000)) return -1;
    // A number left-padded to even length: its size gives the level.
    return raw < 100 ? raw : raw < 10_000 ? 100 + raw : 10_100 + raw;
  }
  if (typeof raw !== "string") return -1;
  if (raw.length === 8 && raw.charCodeAt(2) === 32 && raw.charCodeAt(5) === 32) {
    // The normal form of a division, the most common cell: eight characters read directly.
    const d0 = raw.charCodeAt(0) - 48, d1 = raw.charCodeAt(1) - 48, d2 = raw.charCodeAt(3) - 48;
    const d3 = raw.charCodeAt(4) - 48, d4 = raw.charCodeAt(6) - 48, d5 = raw.charCodeAt(7) - 48;
    // (d >>> 0) <= 9 holds exactly for 0–9: a negative d becomes a large unsigned number.
    if (d0 >>> 0 <= 9 && d1 >>> 0 <= 9 && d2 >>> 0 <= 9 && d3 >>> 0 <= 9 && d4 >>> 0 <= 9 && d5 >>> 0 <= 9) {
      return 10_100 + ((((d0 * 10 + d1) * 10 + d2) * 10 + d3) * 10 + d4) * 10 + d5;
    }
    return -1;
  }
  let start = 0;
  let end = raw.length;
  while (start < end && raw.charCodeAt(start) === 32) start++;
  while (end > start && raw.charCodeAt(end - 1) === 32) end--;
  let value = 0;
  let digits = 0;
  for (let i = start; i < end; ) {
    // A pair of digits, then (except at the end) at most one separator: space, dot or dash.
    const a = raw.charCodeAt(i) - 48;
    const b = raw.charCodeAt(i + 1) - 48;
    if (!(a >= 0 && a <= 9 && b >= 0 && b <= 9) || i + 1 >= end) return -1;
    value = value * 100 + a * 10 + b;
    digits += 2;
    i += 2;
    if (i < end) {
      const c = raw.charCodeAt(i);
      if (c === 32 || c === 46 || c === 45) {
        i++;
        if (i >= end) return -1;
      }
    }
  }
  if (digits === 2) return value;
  if (digits === 4) return 100 + value;
  if (digits === 6) return 10_100 + value;
  return -1;
}

/** Housing forms by their raw spelling: 0–4 in scope (BOENDEFORMER), 5+ out of scope, -1 unknown. */
const FORM_IDS = new Map<string, number>();

function formId(raw: CellValue): number {
  if (typeof raw !== "string") return -1;
  const seen = FORM_IDS.get(raw);
  if (seen !== undefined) return seen;
  const parsed = parseBoendeform(raw);
  const id = parsed.kind === "inScope" ? BOENDEFORMER.indexOf(parsed.key) : parsed.kind === "outOfScope" ? 5 + OUT_OF_SCOPE.indexOf(parsed.form) : -1;
  if (FORM_IDS.size >= MAX_SPELLINGS) FORM_IDS.clear();
  FORM_IDS.set(raw, id);
  return id;
}

/** 0–17 for a child of a whole age, 18 for an adult, -1 when this reader is not sure. */
function ageClass(raw: CellValue): number {
  let age: number;
  if (typeof raw === "number") age = raw;
  else if (typeof raw === "string" && raw.length > 0 && raw.length <= 3) {
    age = 0;
    for (let i = 0; i < raw.length; i++) {
      const d = raw.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return -1;
      age = age * 10 + d;
    }
  } else return -1;
  if (!(age >= 0 && age <= 130)) return -1;
  if (age >= 18) return 18;
  // A child's answer names the age; only whole ages share one.
  return age === Math.floor(age) ? age : -1;
}

/** 0 or 1, or -1 when this reader is not sure. */
function specialFlag(raw: CellValue): number {
  if (raw === undefined || raw === null || raw === "" || raw === false) return 0;
  if (raw === true) return 1;
  return -1;
}

/** Valid date strings seen (text → whether valid), so a column with one date checks it once. */
const DATES = new Map<string, boolean>();

function validDate(date: string): boolean {
  let ok = DATES.get(date);
  if (ok === undefined) {
    ok = parseIsoDate(date) !== null;
    if (DATES.size >= MAX_SPELLINGS) DATES.clear();
    DATES.set(date, ok);
  }
  return ok;
}

/** The memo of one (index, date): the date only matters when rows have their own Giltig från. */
function answersOn(memo: IndexMemo, date: string | undefined, proposals: boolean): Map<number, WhoPaysAnswer> {
  const key = memo.dated ? (date ?? todayIso()) + (proposals ? "+" : "") : proposals ? "+" : "";
  let answers = memo.byDate.get(key);
  if (!answers) {
    if (memo.byDate.size >= 64) memo.byDate.clear();
    answers = new Map();
    memo.byDate.set(key, answers);
  }
  return answers;
}

/** The memo the previous question used: a column asks on one index and date, so this is almost always it. */
let lastIndex: WhoPaysIndex | null = null;
let lastDate: string | undefined;
let lastProposals = false;
let lastAnswers: Map<number, WhoPaysAnswer> | null = null;

/** The memo for one (index, date, proposals); null when the question cannot be remembered. */
function answersFor(index: WhoPaysIndex, date: string | undefined, proposals: boolean): Map<number, WhoPaysAnswer> | null {
  if (lastAnswers !== null && index === lastIndex && date === lastDate && date !== undefined && proposals === lastProposals) return lastAnswers;
  if (date !== undefined && !validDate(date)) return null;
  const answers = answersOn(memoOf(index), date, proposals);
  // Without a date the memo is today's, which changes at midnight: only a dated question is remembered.
  if (date !== undefined) {
    lastIndex = index;
    lastDate = date;
    lastProposals = proposals;
    lastAnswers = answers;
  }
  return answers;
}

/**
 * Questions the fast reader is not sure of (odd spellings, invalid input: about one row in ten on
 * a real cost sheet) by their exact raw cells, so a column that repeats one bad cell asks the
 * specification once. Only plain values of modest length; the answer, also a refusal, is a pure
 * function of the raw cells, the index and the date.
 */
const unsureMemos = new WeakMap<Map<number, WhoPaysAnswer>, Map<string, WhoPaysResult>>();
const MAX_RAW_KEY = 200;
/** Free text varies without end (ages as "80 år", odd spellings): this memo is kept small. */
const MAX_UNSURE_ENTRIES = 20_000;

function rawPart(v: CellValue | undefined): string | null {
  switch (typeof v) {
    case "string":
      return `s${v.length}:${v}`;
    case "number":
      return Object.is(v, -0) ? "n-0" : `n${v}`;
    case "boolean":
      return v ? "t" : "f";
    case "undefined":
      return "u";
    default:
      return v === null ? "z" : null;
  }
}

function rawKey(query: WhoPaysQuery): string | null {
  const iso = rawPart(query.iso);
  const form = rawPart(query.boendeform);
  const age = rawPart(query.age);
  const special = rawPart(query.specialanpassad);
  if (iso === null || form === null || age === null || special === null) return null;
  const key = `${iso}|${form}|${age}|${special}`;
  return key.length <= MAX_RAW_KEY ? key : null;
}

function unsure(query: WhoPaysQuery, index: WhoPaysIndex, spec: Spec, proposals: boolean): WhoPaysResult {
  if (query.date === undefined) return spec(query, index);
  const answers = answersFor(index, query.date, proposals);
  const key = answers === null ? null : rawKey(query);
  if (key === null) return spec(query, index);
  let memo = unsureMemos.get(answers!);
  if (memo === undefined) unsureMemos.set(answers!, (memo = new Map()));
  const known = memo.get(key);
  if (known !== undefined) return known;
  const result = spec(query, index);
  if (memo.size >= MAX_UNSURE_ENTRIES) memo.clear();
  memo.set(key, result);
  return result;
}

/** whoPays through the memo; `spec` answers every question the first time and every unsure one. */
export function memoisedWhoPays(query: WhoPaysQuery, index: WhoPaysIndex, spec: Spec): WhoPaysResult {
  const proposals = query.includeProposals === true || (query.includeProposals !== undefined && Boolean(query.includeProposals));
  const iso = isoKey(query.iso);
  const form = iso < 0 ? -1 : formId(query.boendeform);
  const age = form < 0 ? -1 : ageClass(query.age);
  const special = age < 0 ? -1 : specialFlag(query.specialanpassad);
  if (special < 0) return unsure(query, index, spec, proposals);
  const answers = answersFor(index, query.date, proposals);
  if (answers === null) return spec(query, index);
  const key = ((iso * 19 + age) * 2 + special) * 8 + form;
  const known = answers.get(key);
  if (known !== undefined) return known;
  const result = spec(query, index);
  if (result.ok) {
    if (answers.size >= MAX_ENTRIES) answers.clear();
    answers.set(key, result);
  }
  return result;
}
