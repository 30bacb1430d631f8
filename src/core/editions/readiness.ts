import { decisionItems, describeItemSv, undecidedItems } from "../decisions";
import type { WorkbookModel } from "../model";
import { readEditionInfo } from "../utgava";
import { summarize, type Finding } from "../validation/finding";
import { addMonths, notADateSv, parseIsoDate } from "../values";

/** What is wrong with an edition name (the words: NAME_PROBLEM_SV). */
export type EditionNameIssue = { readonly kind: "empty" } | { readonly kind: "tooLong"; readonly length: number; readonly bytes: number } | { readonly kind: "control" } | { readonly kind: "noLetter" };

/** A publish request's date fields, named as on the Utgåva sheet. */
export type PublishDateField = "Beslutad" | "Giltig från";

/** The data behind each blocker's words; the words are rendered from it in BLOCKER_SV, one place. */
export type BlockerParams = {
  readonly DATE_MISSING: { readonly field: PublishDateField };
  readonly DATE_INVALID: { readonly field: PublishDateField; readonly text: string };
  readonly ERRORS: { readonly toFix: number; readonly errors: number };
  readonly UNDECIDED: { readonly problems: number; readonly flaggedRows: number };
  readonly EFFECTIVE_TOO_EARLY: { readonly decided: string; readonly effective: string; readonly earliest: string };
  readonly NAME_MISMATCH: { readonly name: string; readonly sheetName: string };
  readonly NAME_INVALID: EditionNameIssue;
  readonly NAME_TAKEN: { readonly name: string };
};
export type BlockerCode = keyof BlockerParams;

/** Why an edition cannot be published now: a stable code and its data for machines and tests, Swedish for people. */
export type PublishBlocker = { [C in BlockerCode]: BlockerOf<C> }[BlockerCode];
interface BlockerOf<C extends BlockerCode> {
  readonly code: C;
  readonly params: BlockerParams[C];
  readonly message: string;
  /** What must be decided or fixed, one line each (the undecided rows). */
  readonly items: readonly string[];
}

export interface PublishReadiness {
  readonly blockers: readonly PublishBlocker[];
  /** Said but not blocking (a name differing from the Utgåva sheet when forced). */
  readonly warnings: readonly string[];
  /** The request's dates as read here (null: missing or not a date, and said in a blocker). */
  readonly dates: { readonly decided: string | null; readonly effective: string | null };
}

export interface PublishRequest {
  readonly name: string;
  /** Beslutad as written (the Utgåva sheet, a flag or the pane's field); read here, once. */
  readonly decided: string;
  /** Giltig från as written. */
  readonly effective: string;
  /** Publish under a name other than the Utgåva sheet's. */
  readonly force?: boolean;
  /** Editions already published (in the workbook, or in the output folder): a name is used once. */
  readonly published?: readonly string[];
}

/** UTF-8 bytes of a text, in plain ES (the core runs without Node's or the browser's APIs). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** An edition name is part of file names and links: at most this many characters. */
export const MAX_EDITION_NAME = 64;

/**
 * What is wrong with an edition name, or null: missing, too long (characters, or UTF-8 bytes for a
 * file name), control characters, or no letter or digit to name a file by.
 */
export function editionNameIssue(name: string): EditionNameIssue | null {
  const trimmed = name.trim();
  if (trimmed === "") return { kind: "empty" };
  const bytes = utf8Length(trimmed);
  if (trimmed.length > MAX_EDITION_NAME || bytes > 2 * MAX_EDITION_NAME) return { kind: "tooLong", length: trimmed.length, bytes };
  if (/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(trimmed)) return { kind: "control" };
  if (!/[\p{L}\p{N}]/u.test(trimmed)) return { kind: "noLetter" };
  return null;
}

const NAME_PROBLEM_SV: { readonly [K in EditionNameIssue["kind"]]: (issue: Extract<EditionNameIssue, { kind: K }>) => string } = {
  empty: () => "Ange utgåvans namn, t.ex. 2026:1.",
  // Within the characters but over the bytes, the count of characters alone would contradict the limit.
  tooLong: (i) =>
    i.length > MAX_EDITION_NAME
      ? `Utgåvenamnet är ${i.length} tecken; högst ${MAX_EDITION_NAME} tecken går (det blir en del av filnamnen). Välj ett kortare namn, t.ex. 2026:2.`
      : `Utgåvenamnet är för långt för filnamnen: dess ${i.length} tecken tar ${i.bytes} byte, och högst ${2 * MAX_EDITION_NAME} byte går. Välj ett kortare namn med färre specialtecken, t.ex. 2026:2.`,
  control: () => "Utgåvenamnet innehåller styrtecken; ange ett namn som 2026:2.",
  noLetter: () => "Utgåvenamnet behöver minst en bokstav eller siffra, t.ex. 2026:2.",
};

/** What is wrong with an edition name, in Swedish, or null (the CLI, the pane and publishReadiness). */
export function editionNameProblem(name: string): string | null {
  const issue = editionNameIssue(name);
  return issue === null ? null : (NAME_PROBLEM_SV[issue.kind] as (i: EditionNameIssue) => string)(issue);
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Each blocker's words, from its data. */
const BLOCKER_SV: { readonly [C in BlockerCode]: (p: BlockerParams[C]) => string } = {
  DATE_MISSING: (p) => `Ange ${p.field === "Beslutad" ? "beslutsdatum (Beslutad)" : "giltighetsdatum (Giltig från)"}, ÅÅÅÅ-MM-DD.`,
  DATE_INVALID: (p) => notADateSv(p.field, p.text),
  ERRORS: (p) => `Granskningen har ${plural(p.toFix, "fel", "fel")} att rätta${p.errors > p.toFix ? ` av de ${p.errors} felen (de andra väntar på huvudmännens beslut)` : ""}. Rätta ${p.toFix === 1 ? "det" : "dem"} först.`,
  UNDECIDED: (p) =>
    `${[p.problems > 0 ? plural(p.problems, "problem", "problem") : null, p.flaggedRows > 0 ? plural(p.flaggedRows, "flaggad rad", "flaggade rader") : null].filter(Boolean).join(" och ")} väntar på huvudmännens beslut (§6.3). För in besluten i bladet Beslut (datum, beslutsreferens, ISO-kod, bilaga, boendeform, beslut) – eller ändra raderna – innan utgåvan publiceras:`,
  EFFECTIVE_TOO_EARLY: (p) => `Giltig från ${p.effective} ligger mindre än tre månader efter beslutet ${p.decided} (§6.3): tidigast ${p.earliest}.`,
  NAME_MISMATCH: (p) => `Utgåvans namn ${p.name} skiljer sig från bladet Utgåva, där det står ${p.sheetName}. Rätta namnet eller bladet.`,
  NAME_INVALID: (p) => (NAME_PROBLEM_SV[p.kind] as (i: EditionNameIssue) => string)(p),
  NAME_TAKEN: (p) => `Utgåva ${p.name} är redan publicerad; en publicerad utgåva ändras inte. Välj ett nytt namn.`,
};

/** A blocker's message from its code and data, the one wording (readiness-messages.txt holds every variant). */
export function blockerMessageSv<C extends BlockerCode>(code: C, params: BlockerParams[C]): string {
  return BLOCKER_SV[code](params);
}

function blocker<C extends BlockerCode>(code: C, params: BlockerParams[C], items: readonly string[] = []): PublishBlocker {
  return { code, params, message: blockerMessageSv(code, params), items } as unknown as PublishBlocker;
}

/** A request's date, read once: the date, or null with its blocker (missing, or not a date). */
function requestDate(text: string, field: PublishDateField, blockers: PublishBlocker[]): string | null {
  const written = text.trim();
  if (written === "") {
    blockers.push(blocker("DATE_MISSING", { field }));
    return null;
  }
  const date = parseIsoDate(written);
  if (date === null) blockers.push(blocker("DATE_INVALID", { field, text: written }));
  return date;
}

/**
 * Whether an edition may be published, one reason per blocker: dates missing or not dates, errors
 * not answered by a decision, anything that needs the huvudmän's decision without one recorded in
 * the Beslut sheet (§6.3), Giltig från less than three months after the decision, and a name other
 * than the Utgåva sheet's (a warning instead when forced). Each message says only what is true of
 * this workbook. The Utgåva sheet's own dates (too early, or not dates) are judged as the request's
 * dates, which may override them.
 */
export function publishReadiness(model: WorkbookModel, findings: readonly Finding[], request: PublishRequest): PublishReadiness {
  const blockers: PublishBlocker[] = [];
  const warnings: string[] = [];
  const nameIssue = editionNameIssue(request.name);
  if (nameIssue) blockers.push(blocker("NAME_INVALID", nameIssue));
  else if (request.published?.includes(request.name.trim())) blockers.push(blocker("NAME_TAKEN", { name: request.name.trim() }));
  // The Utgåva sheet's own dates (too early, or not dates) are judged below on the request's dates instead.
  const info = readEditionInfo(model);
  const dateRows = new Set(info.invalid.filter((i) => i.field === "Beslutad" || i.field === "Giltig från").map((i) => i.row));
  const ownDate = (f: Finding) => f.sheet === model.utgava?.name && (f.code === "EFFECTIVE_TOO_EARLY" || (f.code === "VALUE_INVALID" && f.row !== null && dateRows.has(f.row)));
  const counted = findings.filter((f) => !ownDate(f));
  const all = summarize(counted);
  // Problems in the summary's unit: errors to fix are those that are not questions for the huvudmän.
  const toFix = summarize(counted.filter((f) => !f.needsDecision)).errors;
  if (toFix > 0) blockers.push(blocker("ERRORS", { toFix, errors: all.errors }));
  const undecided = undecidedItems(decisionItems(model, findings));
  if (undecided.length > 0) {
    // Rows flagged Kräver huvudmannabeslut with no finding of their own are counted apart.
    const flaggedRows = undecided.filter((i) => i.flagged && i.reasons.length === 1).length;
    blockers.push(blocker("UNDECIDED", { problems: all.needsDecision, flaggedRows }, undecided.map(describeItemSv)));
  }
  const decided = requestDate(request.decided, "Beslutad", blockers);
  const effective = requestDate(request.effective, "Giltig från", blockers);
  if (decided !== null && effective !== null) {
    const earliest = addMonths(decided, 3);
    if (effective < earliest) blockers.push(blocker("EFFECTIVE_TOO_EARLY", { decided, effective, earliest }));
  }
  const sheetName = info.name;
  if (!nameIssue && sheetName !== null && sheetName !== request.name) {
    if (request.force) warnings.push(`Utgåvans namn ${request.name} skiljer sig från bladet Utgåva, där det står ${sheetName}. Publicerar ändå som ${request.name}.`);
    else blockers.push(blocker("NAME_MISMATCH", { name: request.name, sheetName }));
  }
  return { blockers, warnings, dates: { decided, effective } };
}
