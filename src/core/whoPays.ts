import { lowerFirst } from "./text";
import {
  BOENDEFORM_INFO,
  BOENDEFORM_KEYS_TEXT,
  parseBoendeform,
  type Boendeform,
  type ListBoendeform,
  type OutOfScopeForm,
} from "./boendeform";
import { cellText, isCellError, isEmptyCell, type CellValue } from "./cells";
import { isoChain, isoLevel, LEVEL_NAMES_SV, parseIsoCode } from "./iso";
import type { BilagaRow, WorkbookModel } from "./model";
import type { Payer } from "./payer";
import { isRegionPrinciple, PRINCIPLE_INFO, type PrincipleEntry } from "./principles";
import { principlesInForce } from "./principlesInForce";
import { PAYER_COLUMNS, SHEET_SPECS } from "./sheets";
import { missingColumnNote, missingPayerColumns, silentRowsNote } from "./whoPaysNotes";
import { notADateSv, parseIsoDate, readYesNo, statusCounts, todayIso, valueOf } from "./values";
import { memoisedWhoPays } from "./whoPaysMemo";
import { matchDecision, readDecisions, type Decision } from "./decisions";

export type WhoPaysRule =
  | "AGE_UNDER_18"
  | "DECIDED_EXCEPTION"
  | "REGION_HORSEL"
  | "REGION_SYN"
  | "REGION_ORTOPEDTEKNIK"
  | "REGION_KOSMETISK"
  | "REGION_DIABETES_TEST"
  | "SPECIALANPASSAD"
  | "SOCPSYK_KOMMUN"
  | "BILAGA4"
  | "SOCPSYK_DEFAULT"
  | "LIST"
  | "AMBIGUOUS"
  | "NOT_IN_SCOPE"
  | "UNLISTED";

export type WhoPaysInputError = "ISO_FORMAT" | "BOENDEFORM_UNKNOWN" | "AGE_INVALID" | "SPECIALANPASSAD_INVALID" | "DATE_INVALID" | "NO_EDITION";

export interface WhoPaysQuery {
  readonly iso: CellValue;
  readonly boendeform: CellValue;
  readonly age: CellValue;
  /** Ja/nej (true, "ja", 1 …); empty means no. */
  readonly specialanpassad?: CellValue;
  /** `YYYY-MM-DD`; rows whose `Giltig från` is after it do not answer. Default: today. */
  readonly date?: string;
  /**
   * Let rows marked Förslag or Kräver huvudmannabeslut answer too: for estimating what a proposed
   * change would do (cost shift), never for an answer people act on.
   */
  readonly includeProposals?: boolean;
}

export interface AnswerSource {
  readonly sheet: string;
  readonly row: number;
  readonly iso: string;
}

export interface WhoPaysAnswer {
  readonly ok: true;
  readonly payer: Payer | null;
  readonly rule: WhoPaysRule;
  readonly section: string;
  readonly explanation: string;
  readonly source: AnswerSource | null;
  /** The `Villkor` of the answering row for the housing form (its own column, else the general one), if any. */
  readonly villkor: string | null;
  /** The normal form of the asked code. */
  readonly iso: string;
  readonly boendeform: Boendeform | null;
  /** The edition that answered, when the answer came from a published edition. */
  readonly edition: string | null;
  /** How the asked code was read when it was not written in normal form (a lost leading zero), else null. */
  readonly readAs: string | null;
  /** The explanation without the Villkor and the edition: what a short answer (the answer CSV) gives. */
  readonly reason: string;
}

export interface WhoPaysError {
  readonly ok: false;
  readonly code: WhoPaysInputError;
  readonly message: string;
}

export type WhoPaysResult = WhoPaysAnswer | WhoPaysError;

// Stryker disable all: a table read at load; precedence.test.ts kills these (docs/utveckling.md).
/** The § behind each answer rule (rules.md, "Who pays"). */
export const WHO_PAYS_SECTIONS: Record<Exclude<WhoPaysRule, "LIST" | "NOT_IN_SCOPE">, string> = {
  AGE_UNDER_18: "§1.1, §2.2",
  DECIDED_EXCEPTION: "§6.3",
  REGION_HORSEL: "§2.2",
  REGION_SYN: "§2.2",
  REGION_ORTOPEDTEKNIK: "§2.2",
  REGION_KOSMETISK: "§2.2",
  REGION_DIABETES_TEST: "§2.2",
  SPECIALANPASSAD: "§2.2",
  SOCPSYK_KOMMUN: "§5.2",
  BILAGA4: "§5.2",
  SOCPSYK_DEFAULT: "§5.2",
  AMBIGUOUS: "§2.5",
  UNLISTED: "§6.3",
};
// Stryker restore all

/** LIST answers cite the chapter of the housing form: §3.3 for LSS, §4.3 for SoL. */
function listSection(form: Boendeform): string {
  return form === "LSS_BOSTAD" || form === "LSS_DV" ? "§3.3" : "§4.3";
}

/**
 * A lookup index over one workbook model: built once, then each query is a few hash lookups.
 */
export interface WhoPaysIndex {
  readonly regionPrinciples: ReadonlyMap<string, PrincipleEntry>;
  readonly socpsykKommun: ReadonlyMap<string, PrincipleEntry>;
  /** Bilaga 1 and 2 rows by code. */
  readonly list: ReadonlyMap<string, readonly BilagaRow[]>;
  /** Bilaga 1 and 2 rows strictly below each class and subclass. */
  readonly below: ReadonlyMap<string, readonly BilagaRow[]>;
  readonly bilaga4: ReadonlyMap<string, readonly BilagaRow[]>;
  /** Bilaga 4 rows strictly below each class and subclass. */
  readonly below4: ReadonlyMap<string, readonly BilagaRow[]>;
  /** Region principle codes strictly below each class and subclass, and the socialpsykiatri lifts etc. */
  readonly regionBelow: ReadonlyMap<string, readonly Vote[]>;
  readonly socpsykBelow: ReadonlyMap<string, readonly Vote[]>;
  readonly sheetNames: Readonly<Record<"B1" | "B2" | "B4", string>>;
  readonly principleSheet: string;
  /** The edition the index answers from, named in every explanation; null for a working draft. */
  readonly edition: string | null;
  /** Bilaga 1–2 payer columns whose header is missing or renamed, to name that as the cause. */
  readonly missingPayerColumns?: ReadonlyMap<"B1" | "B2", readonly Boendeform[]>;
  /**
   * Rule 2a: the rows under a Region principle whose payer for a form deviates from it, with the
   * huvudmän's recorded decision on that deviation (matched as the REGION_AREA finding is).
   */
  readonly decided: ReadonlyMap<BilagaRow, Partial<Record<Boendeform, Decision>>>;
  /**
   * Rows whose ISO-kod cannot be read (an error such as #N/A, a date, text that is no code, or
   * empty) but which are not empty otherwise: Bilaga 1–2 (`list`) and Bilaga 4 (`b4`). Such a row
   * could be any code, so where it names a payer for the form it blocks every answer its bilaga
   * would give, instead of being dropped and letting another row decide.
   */
  readonly isoUnreadable?: { readonly list: readonly BilagaRow[]; readonly b4: readonly BilagaRow[] };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Builds the lookup index of a workbook model. */
export function buildWhoPaysIndex(model: WorkbookModel, edition: string | null = null): WhoPaysIndex {
  const principles = principlesInForce(model);
  const regionPrinciples = new Map<string, PrincipleEntry>();
  const socpsykKommun = new Map<string, PrincipleEntry>();
  for (const entry of principles.entries) {
    if (isRegionPrinciple(entry.key)) {
      if (!regionPrinciples.has(entry.code)) regionPrinciples.set(entry.code, entry);
    } else if (entry.key === "SOCPSYK_KOMMUN" && !socpsykKommun.has(entry.code)) {
      socpsykKommun.set(entry.code, entry);
    }
  }
  const regionBelow = new Map<string, Vote[]>();
  const socpsykBelow = new Map<string, Vote[]>();
  for (const [target, map, payer] of [[regionPrinciples, regionBelow, "Region"], [socpsykKommun, socpsykBelow, "Kommun"]] as const) {
    for (const p of target.values()) {
      for (const ancestor of isoChain(p.code).slice(1)) push(map, ancestor, { payer, label: `${p.code} (${PRINCIPLE_INFO[p.key].areaSv})` });
    }
  }
  const list = new Map<string, BilagaRow[]>();
  const below = new Map<string, BilagaRow[]>();
  const isoUnreadable = { list: [] as BilagaRow[], b4: [] as BilagaRow[] };
  for (const key of ["B1", "B2"] as const) {
    for (const row of model.bilagor[key]?.rows ?? []) {
      const iso = valueOf(row.iso);
      if (!iso) {
        isoUnreadable.list.push(row);
        continue;
      }
      const chain = isoChain(iso.code);
      push(list, chain[0]!, row);
      for (const ancestor of chain.slice(1)) push(below, ancestor, row);
    }
  }
  const bilaga4 = new Map<string, BilagaRow[]>();
  const below4 = new Map<string, BilagaRow[]>();
  for (const row of model.bilagor.B4?.rows ?? []) {
    const iso = valueOf(row.iso);
    if (!iso) {
      isoUnreadable.b4.push(row);
      continue;
    }
    const chain = isoChain(iso.code);
    push(bilaga4, chain[0]!, row);
    for (const ancestor of chain.slice(1)) push(below4, ancestor, row);
  }
  return {
    regionPrinciples,
    socpsykKommun,
    decided: decidedDeviations(model, regionPrinciples),
    isoUnreadable,
    list,
    below,
    bilaga4,
    below4,
    regionBelow,
    socpsykBelow,
    sheetNames: {
      B1: model.bilagor.B1?.name ?? SHEET_SPECS.B1.name,
      B2: model.bilagor.B2?.name ?? SHEET_SPECS.B2.name,
      B4: model.bilagor.B4?.name ?? SHEET_SPECS.B4.name,
    },
    principleSheet: principles.sheet,
    edition,
    missingPayerColumns: missingPayerColumns(model),
  };
}

/**
 * Rule 2a's table: each Bilaga 1–2 row under a Region principle that names Kommun or Egenansvar
 * for a form, with the decision recorded for that row and form (the subject REGION_AREA's finding
 * has, so the pane's "beslutad" and the answer agree).
 */
function decidedDeviations(model: WorkbookModel, regionPrinciples: ReadonlyMap<string, PrincipleEntry>): Map<BilagaRow, Partial<Record<Boendeform, Decision>>> {
  const out = new Map<BilagaRow, Partial<Record<Boendeform, Decision>>>();
  const decisions = readDecisions(model);
  if (decisions.length === 0) return out;
  for (const key of ["B1", "B2"] as const) {
    for (const row of model.bilagor[key]?.rows ?? []) {
      const iso = valueOf(row.iso);
      if (!iso || !isoChain(iso.code).some((c) => regionPrinciples.has(c))) continue;
      for (const form of Object.keys(row.payers) as Boendeform[]) {
        const payer = valueOf(row.payers[form]!);
        if (payer !== "Kommun" && payer !== "Egenansvar") continue;
        const decision = matchDecision(decisions, { iso: iso.code, bilaga: key, forms: [form] });
        if (decision) (out.get(row) ?? out.set(row, {}).get(row)!)[form] = decision;
      }
    }
  }
  return out;
}

const indexCache = new WeakMap<WorkbookModel, WhoPaysIndex>();

/** The index of a model, built on first use and kept while the model lives. */
export function whoPaysIndexOf(model: WorkbookModel): WhoPaysIndex {
  let index = indexCache.get(model);
  if (!index) {
    index = buildWhoPaysIndex(model);
    indexCache.set(model, index);
  }
  return index;
}

/** Reads an age: a number, or text with a number (decimal comma allowed). */
export function parseAge(raw: CellValue): number | null {
  let value: number;
  if (typeof raw === "number") value = raw;
  else if (typeof raw === "string" && /^\s*\d+(?:[.,]\d+)?\s*$/.test(raw)) value = Number(raw.trim().replace(",", "."));
  else return null;
  return Number.isFinite(value) && value >= 0 && value <= 130 ? value : null;
}

function inputError(code: WhoPaysInputError, message: string): WhoPaysError {
  return { ok: false, code, message };
}

/** A row whose Status or Giltig från cannot be read: it may or may not count, so it blocks an answer. */
function unreadable(row: BilagaRow): boolean {
  const bad = (state: string) => state === "invalid" || state === "error";
  return bad(row.status.state) || bad(row.giltigFran.state);
}

/**
 * A row without a readable ISO-kod that names something in the form's payer column and may count
 * on the query's date: it could be the asked code or any code around it, so its bilaga cannot
 * answer until the cell is corrected.
 */
function isoBlocker(rows: readonly BilagaRow[] | undefined, form: Boendeform, q: ParsedQuery): BilagaRow | undefined {
  return rows?.find((r) => {
    const cell = r.payers[form];
    return cell !== undefined && cell.state !== "empty" && (unreadable(r) || rowCounts(r, q.onDate, q.includeProposals));
  });
}

/** Principle codes strictly below `code`, each with the payer it implies for the form. */
function principleVotesBelow(index: WhoPaysIndex, code: string, socpsyk: boolean): readonly Vote[] {
  const region = index.regionBelow.get(code) ?? [];
  return socpsyk ? [...region, ...(index.socpsykBelow.get(code) ?? [])] : region;
}

export interface Vote {
  readonly payer: Payer;
  readonly label: string;
}

function rowCounts(row: BilagaRow, date: () => string, proposals = false): boolean {
  if (!statusCounts(row.status) && !(proposals && row.status.state === "ok" && row.status.value !== "Utgår")) return false;
  if (row.giltigFran.state === "empty") return true;
  return row.giltigFran.state === "ok" && row.giltigFran.value <= date();
}

function describeRow(sheet: string, row: BilagaRow): string {
  const iso = valueOf(row.iso)?.code ?? "";
  return `${sheet} rad ${row.row} (${iso}${row.title ? " " + row.title : ""})`;
}

function formName(form: Boendeform): string {
  return BOENDEFORM_INFO[form].nameSv;
}

// ---------------------------------------------------------------------------------------------
// The query, read and checked before any rule is asked.

/** A query whose every argument has been read: what the steps below decide on. */
export interface ParsedQuery {
  /** The normal form of the asked code. */
  readonly code: string;
  /** The code and its ancestors, most specific first. */
  readonly chain: readonly string[];
  readonly form: Exclude<ReturnType<typeof parseBoendeform>, { kind: "unknown" }>;
  readonly age: number;
  readonly special: boolean;
  /** The date rows' own Giltig från are compared with (today when the query has none; looked up only when needed). */
  readonly onDate: () => string;
  readonly includeProposals: boolean;
  /** Said first in the explanation: how the code was read, when its leading zero had been lost. */
  readonly readAs: string | null;
}

/** Reads and checks a query's arguments, in the order a user would fix them; the first problem is the answer. */
export function parseQuery(query: WhoPaysQuery): { readonly ok: true; readonly query: ParsedQuery } | WhoPaysError {
  const iso = parseIsoCode(query.iso);
  if (!iso.ok) return inputError("ISO_FORMAT", INPUT_MESSAGES.isoFormat(iso.reason === "empty", cellText(query.iso)));
  const form = parseBoendeform(isCellError(query.boendeform) ? "" : cellText(query.boendeform));
  if (form.kind === "unknown") return inputError("BOENDEFORM_UNKNOWN", form.choices ? INPUT_MESSAGES.boendeformAmbiguous(form.text, form.choices) : INPUT_MESSAGES.boendeformUnknown(form.text));
  const age = parseAge(query.age);
  if (age === null) return inputError("AGE_INVALID", INPUT_MESSAGES.ageInvalid(cellText(query.age)));
  let special = false;
  if (!isEmptyCell(query.specialanpassad) && query.specialanpassad !== undefined) {
    const parsed = isCellError(query.specialanpassad) ? null : readYesNo(query.specialanpassad!);
    if (parsed === null) return inputError("SPECIALANPASSAD_INVALID", INPUT_MESSAGES.specialInvalid(cellText(query.specialanpassad)));
    special = parsed;
  }
  let date: string | null = null;
  if (query.date !== undefined) {
    date = parseIsoDate(query.date);
    if (!date) return inputError("DATE_INVALID", INPUT_MESSAGES.dateInvalid(query.date));
  }
  // Today is looked up only when a row has its own Giltig från.
  const onDate = (): string => (date ??= todayIso());
  return {
    ok: true,
    query: {
      code: iso.code,
      chain: isoChain(iso.code),
      form,
      age,
      special,
      onDate,
      includeProposals: Boolean(query.includeProposals),
      readAs: iso.leadingZeroLost ? `Koden ${cellText(query.iso)} lästes som ${iso.code} (den inledande nollan saknades).` : null,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The precedence of rules.md "Who pays", one small step per row of its table. Each step answers
// or returns null to let the next one try. The order of WHO_PAYS_STEPS is the order of the table.

/** One step of the precedence: an answer, or null when the step does not apply. */
export type WhoPaysStep = (q: ParsedQuery, index: WhoPaysIndex) => WhoPaysAnswer | null;

/** An answer to `q` from `index`, its explanation written when first read. */
function answerOf(
  q: ParsedQuery,
  index: WhoPaysIndex,
  payer: Payer | null,
  rule: WhoPaysRule,
  section: string,
  explain: () => string,
  source: AnswerSource | null = null,
  villkor: string | null = null,
): WhoPaysAnswer {
  return new Answer(payer, rule, section, explain, source, villkor, q.code, q.form.kind === "inScope" ? q.form.key : null, index.edition, q.readAs);
}

/** Where a principle comes from: its row, or the built-in principles. */
function principleSource(principle: PrincipleEntry): AnswerSource | null {
  return principle.row === null ? null : { sheet: principle.sheet, row: principle.row, iso: principle.code };
}

function principleWhere(principle: PrincipleEntry, index: WhoPaysIndex): string {
  return principle.row === null ? `${index.principleSheet} (inbyggda)` : `${principle.sheet} rad ${principle.row}`;
}

/** 1. Children and young people: the Region, whatever the lists say. */
export const ageUnder18: WhoPaysStep = (q, index) =>
  q.age < 18 ? answerOf(q, index, "Region", "AGE_UNDER_18", WHO_PAYS_SECTIONS.AGE_UNDER_18, () => EXPLAIN.ageUnder18(q.age)) : null;

/**
 * 2a. A decided exception: the most specific counting Bilaga 1–2 row for the code deviates from
 * a Region principle for the form, and the huvudmän's decision on it is recorded (§6.3). An
 * undecided deviation never answers: rule 2 does.
 */
export const decidedException: WhoPaysStep = (q, index) => {
  if (index.decided.size === 0 || q.form.kind !== "inScope" || q.form.key === "SOL_SOCPSYK") return null;
  const key = q.form.key;
  if (isoBlocker(index.isoUnreadable?.list, key, q)) return null;
  for (const ancestor of q.chain) {
    const atLevel = index.list.get(ancestor) ?? [];
    if (atLevel.some(unreadable)) return null;
    const rows = atLevel.filter((r) => rowCounts(r, q.onDate, q.includeProposals));
    if (rows.length === 0) continue;
    const payers = distinctPayers(rows, key);
    if (payers.size !== 1) return null;
    const [payer, row] = [...payers][0]!;
    const decision = index.decided.get(row)?.[key];
    if (!decision) return null;
    const sheet = index.sheetNames[row.bilaga as "B1" | "B2"];
    const principle = q.chain.map((c) => index.regionPrinciples.get(c)).find((p) => p !== undefined) ?? null;
    return answerOf(q, index, payer, "DECIDED_EXCEPTION", WHO_PAYS_SECTIONS.DECIDED_EXCEPTION, () => EXPLAIN.decidedException(payer, sheet, row, key, decision, principle), { sheet, row: row.row, iso: ancestor }, row.formVillkor?.[key as ListBoendeform] ?? row.villkor);
  }
  return null;
};

/** 2. Areas the Region pays for at all ages. */
export const regionPrinciple: WhoPaysStep = (q, index) => {
  for (const ancestor of q.chain) {
    const principle = index.regionPrinciples.get(ancestor);
    if (!principle) continue;
    const info = PRINCIPLE_INFO[principle.key];
    return answerOf(q, index, "Region", principle.key as WhoPaysRule, info.section, () => EXPLAIN.regionPrinciple(q.code, principle, principleWhere(principle, index)), principleSource(principle));
  }
  return null;
};

/** 3. Specially adapted aids. */
export const specialAdapted: WhoPaysStep = (q, index) =>
  q.special ? answerOf(q, index, "Region", "SPECIALANPASSAD", WHO_PAYS_SECTIONS.SPECIALANPASSAD, EXPLAIN.specialAdapted) : null;

/** 9. A recognised housing form outside the agreement. */
export const notInScope: WhoPaysStep = (q, index) => {
  if (q.form.kind !== "outOfScope") return null;
  const form = q.form.form;
  return answerOf(q, index, null, "NOT_IN_SCOPE", form.section, () => EXPLAIN.notInScope(form, q.code));
};

/** 4–6. Socialpsykiatri: bilaga 1–3 do not apply (§5.2); kommunal exceptions, then bilaga 4, then the Region. */
export const socpsyk: WhoPaysStep = (q, index) => {
  if (q.form.kind !== "inScope" || q.form.key !== "SOL_SOCPSYK") return null;
  const key = q.form.key;
  const code = q.code;
  for (const ancestor of q.chain) {
    const principle = index.socpsykKommun.get(ancestor);
    if (!principle) continue;
    return answerOf(q, index, "Kommun", "SOCPSYK_KOMMUN", WHO_PAYS_SECTIONS.SOCPSYK_KOMMUN, () => EXPLAIN.socpsykKommun(code, principle, principleWhere(principle, index)), principleSource(principle));
  }
  const sheet = index.sheetNames.B4;
  const blocker = isoBlocker(index.isoUnreadable?.b4, key, q);
  if (blocker) return isoUnreadableAnswer(q, index, blocker, sheet, key);
  for (const ancestor of q.chain) {
    const atLevel = index.bilaga4.get(ancestor) ?? [];
    const broken = atLevel.find(unreadable);
    if (broken) return unreadableAnswer(q, index, broken, sheet);
    const rows = atLevel.filter((r) => rowCounts(r, q.onDate, q.includeProposals));
    if (rows.length === 0) continue;
    const payers = distinctPayers(rows, key);
    if (payers.size === 1) {
      const [payer, payerRow] = [...payers][0]!;
      return answerOf(q, index, payer, "BILAGA4", WHO_PAYS_SECTIONS.BILAGA4, () => EXPLAIN.bilaga4(payer, sheet, payerRow), { sheet, row: payerRow.row, iso: ancestor }, payerRow.villkor);
    }
    return unanswered(q, index, payers.size > 1 ? "AMBIGUOUS" : "UNLISTED", rows, sheet, rows[0]!);
  }
  // A broad code with Kommun parts below it (lifts, bilaga 4 rows) has no single payer.
  const votes = [
    ...principleVotesBelow(index, code, true),
    ...(index.below4.get(code) ?? [])
      .filter((r) => rowCounts(r, q.onDate, q.includeProposals))
      .flatMap((r) => (r.payers.SOL_SOCPSYK?.state === "ok" ? [{ payer: r.payers.SOL_SOCPSYK.value, label: `${valueOf(r.iso)!.code} (${sheet} rad ${r.row})` }] : [])),
  ].filter((v) => v.payer !== "Region");
  if (votes.length > 0) return answerOf(q, index, null, "AMBIGUOUS", WHO_PAYS_SECTIONS.AMBIGUOUS, () => EXPLAIN.socpsykAmbiguous(code, votes));
  return answerOf(q, index, "Region", "SOCPSYK_DEFAULT", WHO_PAYS_SECTIONS.SOCPSYK_DEFAULT, () => EXPLAIN.socpsykDefault(code));
};

/** 7. The most specific row of bilaga 1 or 2, in the column of the housing form. */
export const mostSpecificRow: WhoPaysStep = (q, index) => {
  if (q.form.kind !== "inScope") return null;
  const key = q.form.key;
  const blocker = isoBlocker(index.isoUnreadable?.list, key, q);
  if (blocker) return isoUnreadableAnswer(q, index, blocker, index.sheetNames[blocker.bilaga as "B1" | "B2"], key);
  for (const ancestor of q.chain) {
    const atLevel = index.list.get(ancestor) ?? [];
    const broken = atLevel.find(unreadable);
    if (broken) return unreadableAnswer(q, index, broken, index.sheetNames[broken.bilaga as "B1" | "B2"]);
    const rows = atLevel.filter((r) => rowCounts(r, q.onDate, q.includeProposals));
    if (rows.length === 0) continue;
    const payers = distinctPayers(rows, key);
    if (payers.size === 1) {
      const [payer, row] = [...payers][0]!;
      const sheet = index.sheetNames[row.bilaga as "B1" | "B2"];
      const section = listSection(key);
      return answerOf(q, index, payer, "LIST", section, () => EXPLAIN.listRow(payer, sheet, row, ancestor === q.code ? null : ancestor, key), { sheet, row: row.row, iso: ancestor }, row.formVillkor?.[key as ListBoendeform] ?? row.villkor);
    }
    return unanswered(q, index, payers.size > 1 ? "AMBIGUOUS" : "UNLISTED", rows, null, rows[0]!);
  }
  return null;
};

/** 8. Nothing at this level or above: the finer rows (and any Region area below) must agree. */
export const finerRowsAgree: WhoPaysStep = (q, index) => {
  if (q.form.kind !== "inScope") return null;
  const key = q.form.key;
  const code = q.code;
  const finer = (index.below.get(code) ?? []).filter((r) => rowCounts(r, q.onDate, q.includeProposals));
  if (finer.length === 0) return null;
  const sheetOf = (r: BilagaRow) => index.sheetNames[r.bilaga as "B1" | "B2"];
  const votes: Vote[] = [
    ...finer.flatMap((r) => {
      const cell = r.payers[key];
      return cell?.state === "ok" ? [{ payer: cell.value, label: `${valueOf(r.iso)!.code} (${sheetOf(r)} rad ${r.row})` }] : [];
    }),
    ...principleVotesBelow(index, code, false),
  ];
  const distinct = new Set(votes.map((v) => v.payer));
  if (distinct.size > 1) return answerOf(q, index, null, "AMBIGUOUS", WHO_PAYS_SECTIONS.AMBIGUOUS, () => EXPLAIN.finerDisagree(code, distinct, votes));
  const gaps = finer.filter((r) => r.payers[key]?.state !== "ok");
  if (gaps.length > 0) return unanswered(q, index, "UNLISTED", gaps, null, gaps[0]!);
  const row = finer[0]!;
  const payer = votes[0]!.payer;
  const section = listSection(key);
  return answerOf(q, index, payer, "LIST", section, () => EXPLAIN.finerAgree(payer, code, key, sheetOf(row), row), { sheet: sheetOf(row), row: row.row, iso: valueOf(row.iso)!.code });
};

/** 10. In scope, but no rule and no row answers: a question for the huvudmän, never a guess. */
export const unlisted: WhoPaysStep = (q, index) =>
  q.form.kind === "inScope"
    ? answerOf(
        q,
        index,
        null,
        "UNLISTED",
        WHO_PAYS_SECTIONS.UNLISTED,
        () =>
          silentRowsNote(q.code, q.chain.flatMap((c) => (index.list.get(c) ?? []).map((row) => ({ row, sheet: index.sheetNames[row.bilaga as "B1" | "B2"] }))), q.onDate()) ??
          EXPLAIN.unlisted(q.code, (q.form as { key: Boendeform }).key),
      )
    : null;

// Stryker disable all: a table read at load; precedence.test.ts kills these (docs/utveckling.md).
/**
 * The precedence, in the order of rules.md "Who pays"; the first step that answers decides. Each
 * step names the rows of that table it implements (their codes, in order) and the other codes it
 * can answer with (the branches the document lists under the table); test/core/precedence.test.ts
 * holds both to docs/rules.md and to what the steps really answer.
 */
export const WHO_PAYS_STEPS: ReadonlyArray<readonly [name: string, step: WhoPaysStep, implementsRules: readonly WhoPaysRule[], branches: readonly WhoPaysRule[]]> = [
  ["ageUnder18", ageUnder18, ["AGE_UNDER_18"], []],
  ["decidedException", decidedException, ["DECIDED_EXCEPTION"], []],
  ["regionPrinciple", regionPrinciple, ["REGION_HORSEL", "REGION_SYN", "REGION_ORTOPEDTEKNIK", "REGION_KOSMETISK", "REGION_DIABETES_TEST"], []],
  ["specialAdapted", specialAdapted, ["SPECIALANPASSAD"], []],
  ["socpsyk", socpsyk, ["SOCPSYK_KOMMUN", "BILAGA4", "SOCPSYK_DEFAULT"], ["AMBIGUOUS", "UNLISTED"]],
  ["mostSpecificRow", mostSpecificRow, ["LIST"], ["AMBIGUOUS", "UNLISTED"]],
  ["finerRowsAgree", finerRowsAgree, ["AMBIGUOUS"], ["LIST", "UNLISTED"]],
  ["notInScope", notInScope, ["NOT_IN_SCOPE"], []],
  ["unlisted", unlisted, ["UNLISTED"], []],
];
// Stryker restore all

/**
 * Who pays for a prescribed aid, as the specification reads: parse the query, then ask each step
 * of WHO_PAYS_STEPS in turn. `whoPays` answers the same through a memo; this is what it is
 * proven against.
 */
export function whoPaysSpec(query: WhoPaysQuery, indexOrModel: WhoPaysIndex | WorkbookModel): WhoPaysResult {
  const index = "list" in indexOrModel ? indexOrModel : whoPaysIndexOf(indexOrModel);
  const parsed = parseQuery(query);
  if (!parsed.ok) return parsed;
  for (const [, step] of WHO_PAYS_STEPS) {
    const answer = step(parsed.query, index);
    if (answer) return answer;
  }
  // Unreachable: `unlisted` answers every in-scope query and `notInScope` every other one.
  throw new Error("whoPays: no step answered");
}

/**
 * Who pays for a prescribed aid: the precedence of rules.md "Who pays" (`whoPaysSpec`), answered
 * from a memo per (code, housing form, child's age or adult, specialanpassad) for each index and
 * date, so a repeated question costs one integer-keyed lookup. Never guesses: where no rule or
 * row answers, the answer is UNLISTED or AMBIGUOUS with no payer.
 * @example whoPays({ iso: "12 22 03", boendeform: "SÄBO", age: 80 }, index).payer
 */
export function whoPays(query: WhoPaysQuery, indexOrModel: WhoPaysIndex | WorkbookModel): WhoPaysResult {
  const index = "list" in indexOrModel ? indexOrModel : whoPaysIndexOf(indexOrModel);
  return memoisedWhoPays(query, index, whoPaysSpec);
}

/** "Kommun betalar", or for Egenansvar that the individual pays. */
function payerPhrase(payer: Payer): string {
  return payer === "Egenansvar" ? "Egenansvar (den enskilde bekostar själv)" : payer === "Region" ? "Region Stockholm betalar" : "Kommunen betalar";
}

/** The header of the form's payer column: bilaga 1–3's columns, or bilaga 4's Kostnadsansvar. */
function columnHeaderOf(form: Boendeform): string {
  return PAYER_COLUMNS.find(([field]) => field === form)?.[1] ?? "Kostnadsansvar";
}

/** How an unreadable ISO-kod cell is shown: the error (#N/A), the text as written, or "tom". */
function isoCellText(row: BilagaRow): string {
  const iso = row.iso;
  if (iso.state === "error") return iso.error;
  if (iso.state === "invalid") return `”${cellText(iso.raw).slice(0, 30)}”`;
  return "tom";
}

/** The distinct payers of the rows' cells for a form, each with the first row that names it. */
function distinctPayers(rows: readonly BilagaRow[], form: Boendeform): Map<Payer, BilagaRow> {
  const payers = new Map<Payer, BilagaRow>();
  for (const row of rows) {
    const cell = row.payers[form];
    if (cell?.state === "ok" && !payers.has(cell.value)) payers.set(cell.value, row);
  }
  return payers;
}

/**
 * An answer whose Swedish explanation is written when first read: a cost sheet asking for the
 * payer of 100 000 rows never pays for 100 000 sentences. A class, so every answer shares one shape.
 */
class Answer implements WhoPaysAnswer {
  readonly ok = true as const;
  #explain: (() => string) | null;
  #reason: string | null = null;
  #explanation: string | null = null;

  constructor(
    readonly payer: Payer | null,
    readonly rule: WhoPaysRule,
    readonly section: string,
    explain: () => string,
    readonly source: AnswerSource | null,
    readonly villkor: string | null,
    readonly iso: string,
    readonly boendeform: Boendeform | null,
    readonly edition: string | null,
    readonly readAs: string | null,
  ) {
    this.#explain = explain;
  }

  get reason(): string {
    if (this.#reason === null) {
      const text = this.#explain!();
      this.#reason = this.readAs === null ? text : `${this.readAs} ${text}`;
      this.#explain = null;
    }
    return this.#reason;
  }

  get explanation(): string {
    if (this.#explanation === null) {
      const text = this.reason;
      const withConditions = this.villkor ? `${text} Villkor: ${this.villkor}` : text;
      this.#explanation = this.edition ? `${withConditions} (Utgåva ${this.edition}.)` : withConditions;
    }
    return this.#explanation;
  }

  /** The JSON form: every field but the derived short reason and the reading note (both are inside the explanation). */
  toJSON(): Omit<WhoPaysAnswer, "reason" | "readAs"> {
    const { ok, payer, rule, section, explanation, source, villkor, iso, boendeform, edition } = this;
    return { ok, payer, rule, section, explanation, source, villkor, iso, boendeform, edition };
  }
}

/** Rows exist at the level asked but give no single payer: conflicting or empty cells. */
function unanswered(q: ParsedQuery, index: WhoPaysIndex, rule: "AMBIGUOUS" | "UNLISTED", rows: readonly BilagaRow[], fixedSheet: string | null, first: BilagaRow): WhoPaysAnswer {
  const form = (q.form as { key: Boendeform }).key;
  const sheetOf = (row: BilagaRow) => fixedSheet ?? index.sheetNames[row.bilaga as "B1" | "B2"];
  const where = () => rows.map((r) => describeRow(sheetOf(r), r)).join(", ");
  const source = { sheet: sheetOf(first), row: first.row, iso: valueOf(first.iso)!.code };
  if (rule === "AMBIGUOUS") return answerOf(q, index, null, "AMBIGUOUS", WHO_PAYS_SECTIONS.AMBIGUOUS, () => EXPLAIN.rowsAmbiguous(q.code, form, where()), source);
  const columnMissing = index.missingPayerColumns?.get(first.bilaga as "B1" | "B2")?.includes(form) ? index.sheetNames[first.bilaga as "B1" | "B2"] : null;
  return answerOf(q, index, null, "UNLISTED", WHO_PAYS_SECTIONS.UNLISTED, () => (columnMissing !== null ? missingColumnNote(columnMissing, columnHeaderOf(form)) : EXPLAIN.rowsWithoutPayer(form, where())), source);
}

/** A row at the answering level whose Status or Giltig från cannot be read: no guess either way. */
function unreadableAnswer(q: ParsedQuery, index: WhoPaysIndex, row: BilagaRow, sheet: string): WhoPaysAnswer {
  return answerOf(q, index, null, "UNLISTED", WHO_PAYS_SECTIONS.UNLISTED, () => EXPLAIN.unreadableRow(sheet, row), { sheet, row: row.row, iso: valueOf(row.iso)?.code ?? "" });
}

/** A row of the bilaga whose ISO-kod cannot be read blocks the answer (rules 5, 7, 8, 10). */
function isoUnreadableAnswer(q: ParsedQuery, index: WhoPaysIndex, row: BilagaRow, sheet: string, form: Boendeform): WhoPaysAnswer {
  return answerOf(q, index, null, "UNLISTED", WHO_PAYS_SECTIONS.UNLISTED, () => EXPLAIN.isoUnreadableRow(sheet, row, form), { sheet, row: row.row, iso: "" });
}

// ---------------------------------------------------------------------------------------------
// What the user reads (Swedish): the input messages and each step's explanation, in one place.

const INPUT_MESSAGES = {
  isoFormat: (empty: boolean, text: string) =>
    empty
      ? "ISO-kod saknas. Ange koden som NN, NN NN eller NN NN NN, t.ex. 12 22 03."
      : `”${text.slice(0, 60)}” är ingen ISO 9999-kod. Ange koden som NN, NN NN eller NN NN NN, t.ex. 12 22 03.`,
  boendeformUnknown: (text: string) =>
    text.trim() === "" ? `Boendeform saknas. Giltiga boendeformer: ${BOENDEFORM_KEYS_TEXT}.` : `Okänd boendeform ”${text}”. Giltiga boendeformer: ${BOENDEFORM_KEYS_TEXT}.`,
  boendeformAmbiguous: (text: string, choices: readonly Boendeform[]) =>
    `”${text}” kan betyda flera boendeformer: ${choices.map((c) => `${c} (${BOENDEFORM_INFO[c].nameSv})`).join(" eller ")}. Ange vilken.`,
  ageInvalid: (text: string) => {
    const shown = text.slice(0, 30);
    return shown.trim() === "" ? "Ålder saknas. Ange personens ålder i år (0–130)." : `Ogiltig ålder ”${shown}”. Ange personens ålder i år (0–130).`;
  },
  specialInvalid: (text: string) => `Specialanpassad ”${text.slice(0, 30)}” kan inte läsas. Ange SANT/FALSKT eller ja/nej.`,
  dateInvalid: (text: string) => notADateSv("Datumet", text),
};

const EXPLAIN = {
  ageUnder18: (age: number) =>
    `Region Stockholm betalar: personen är under 18 år (${age} år). Överenskommelsen gäller från 18 år och Region Stockholm bekostar förskrivna hjälpmedel till barn och unga (§1.1, §2.2).`,
  regionPrinciple: (code: string, principle: PrincipleEntry, where: string) => {
    const info = PRINCIPLE_INFO[principle.key];
    return `Region Stockholm betalar: ${code} ligger under ${principle.code} (${info.areaSv}), som Region Stockholm bekostar för alla åldrar (${info.section}). Källa: ${where}.`;
  },
  decidedException: (payer: Payer, sheet: string, row: BilagaRow, form: Boendeform, d: Decision, principle: PrincipleEntry | null) => {
    const area = principle ? ` från principen att Region Stockholm bekostar ${PRINCIPLE_INFO[principle.key].areaSv} (${principle.code}, ${PRINCIPLE_INFO[principle.key].section})` : " från överenskommelsens princip";
    const ref = [d.referens, d.datum].filter(Boolean).join(", ");
    return `${payerPhrase(payer)} enligt ${describeRow(sheet, row)}, kolumn ${columnHeaderOf(form)}: huvudmännen har beslutat om undantaget${area} (beslut ${ref || "utan referens"}, ${d.sheet} rad ${d.row}; §6.3).`;
  },
  specialAdapted: () => "Region Stockholm betalar: hjälpmedlet är specialanpassat för den enskilde, och sådana bekostar Region Stockholm (§2.2).",
  socpsykKommun: (code: string, principle: PrincipleEntry, where: string) =>
    `Kommunen betalar: i bostad med särskild service enligt SoL (socialpsykiatri) bekostar kommunen ${PRINCIPLE_INFO.SOCPSYK_KOMMUN.areaSv}; ${code} ligger under ${principle.code} (§5.2). Källa: ${where}.`,
  bilaga4: (payer: Payer, sheet: string, row: BilagaRow) => `${payerPhrase(payer)} enligt ${describeRow(sheet, row)}, kolumn Kostnadsansvar (§5.2).`,
  socpsykAmbiguous: (code: string, votes: readonly Vote[]) =>
    `Tvetydigt: i socialpsykiatriskt boende är huvudregeln att Region Stockholm betalar, men under ${code} betalar någon annan för ${votes.map((v) => `${v.label}: ${v.payer}`).join(", ")}. Ange hela ISO-koden (§2.5, §5.2).`,
  socpsykDefault: (code: string) =>
    `Region Stockholm betalar: i bostad med särskild service enligt SoL (socialpsykiatri) är kostnadsansvaret huvudsakligen Region Stockholms, och ${code} är varken ett kommunalt undantag eller upptagen i bilaga 4. Bilaga 1–3 tillämpas inte här (§5.2).`,
  listRow: (payer: Payer, sheet: string, row: BilagaRow, ancestor: string | null, form: Boendeform) => {
    const level = ancestor === null ? "" : `, närmaste överordnade ${LEVEL_NAMES_SV[isoLevel(ancestor)]} i listan`;
    return `${payerPhrase(payer)} enligt ${describeRow(sheet, row)}${level}, kolumn ${columnHeaderOf(form)} (${listSection(form)}).`;
  },
  finerDisagree: (code: string, distinct: ReadonlySet<Payer>, votes: readonly Vote[]) => {
    const examples = [...distinct].map((p) => `${votes.find((v) => v.payer === p)!.label}: ${p}`).join(", ");
    return `Tvetydigt: ${code} finns inte i bilaga 1–2, men under den anges olika betalare (${examples}). Ange hela ISO-koden (§2.5).`;
  },
  finerAgree: (payer: Payer, code: string, form: Boendeform, sheet: string, row: BilagaRow) =>
    `${payerPhrase(payer)}: alla rader under ${code} i bilaga 1–2 anger ${payer} i kolumn ${columnHeaderOf(form)}, t.ex. ${describeRow(sheet, row)} (${listSection(form)}).`,
  unlisted: (code: string, form: Boendeform) =>
    `Ingen betalare: ${code} finns inte i bilaga 1–2 för ${lowerFirst(formName(form))} och ingen princip i överenskommelsen avgör den. Frågan bör lyftas till samverkansgruppen/huvudmännen (§6.3).`,
  rowsAmbiguous: (code: string, form: Boendeform, where: string) =>
    `Tvetydigt: raderna för ${code} anger olika betalare i kolumn ${columnHeaderOf(form)} (${where}). Listorna behöver rättas (§2.5).`,
  rowsWithoutPayer: (form: Boendeform, where: string) =>
    `Ingen betalare: ${where} saknar läsbar betalare i kolumn ${columnHeaderOf(form)}. Uppgiften behöver fyllas i efter beslut (§6.3).`,
  unreadableRow: (sheet: string, row: BilagaRow) =>
    `Ingen betalare: ${describeRow(sheet, row)} har en Status eller ett Giltig från som inte kan läsas, så det går inte att avgöra om raden gäller. Rätta cellen (§6.3).`,
  isoUnreadableRow: (sheet: string, row: BilagaRow, form: Boendeform) =>
    `Ingen betalare: ${sheet} rad ${row.row}${row.title ? ` (${row.title})` : ""} har en ISO-kod som inte kan läsas (${isoCellText(row)}) men anger något i kolumn ${columnHeaderOf(form)}. Raden kan gälla vilken kod som helst, så ${sheet} kan inte ge något svar förrän cellen är rättad (§6.3).`,
  notInScope: (form: OutOfScopeForm, code: string) => {
    const extra =
      form.key === "KORTTID_LSS"
        ? " Vid korttidsvistelse enligt LSS tar den enskilde med sig sina hjälpmedel hemifrån (§3.2)."
        : " Utanför de särskilda boendeformerna förskriver och bekostar Region Stockholm hjälpmedel enligt sina egna regler.";
    return `Utanför överenskommelsen: ${lowerFirst(form.nameSv)} omfattas inte (§1.1), så bilagorna avgör inte vem som betalar ${code}.${extra}`;
  },
};
