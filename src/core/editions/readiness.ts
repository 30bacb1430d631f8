import { decisionItems, describeItemSv, undecidedItems } from "../decisions";
import type { WorkbookModel } from "../model";
import { readEditionInfo } from "../utgava";
import { summarize, type Finding } from "../validation/finding";
import { addMonths } from "../values";

/** Why an edition cannot be published now: a stable code for machines and tests, Swedish for people. */
export interface PublishBlocker {
  readonly code: "ERRORS" | "UNDECIDED" | "EFFECTIVE_TOO_EARLY" | "NAME_MISMATCH" | "NAME_INVALID" | "NAME_TAKEN";
  readonly message: string;
  /** What must be decided or fixed, one line each (the undecided rows). */
  readonly items: readonly string[];
}

export interface PublishReadiness {
  readonly blockers: readonly PublishBlocker[];
  /** Said but not blocking (a name differing from the Utgåva sheet when forced). */
  readonly warnings: readonly string[];
}

export interface PublishRequest {
  readonly name: string;
  readonly decided: string;
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
 * What is wrong with an edition name, in Swedish, or null: missing, too long (characters, or
 * UTF-8 bytes for a file name), control characters, or no letter or digit to name a file by.
 */
export function editionNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === "") return "Ange utgåvans namn, t.ex. 2026:1.";
  if (trimmed.length > MAX_EDITION_NAME || utf8Length(trimmed) > 2 * MAX_EDITION_NAME) {
    return `Utgåvenamnet är ${trimmed.length} tecken; högst ${MAX_EDITION_NAME} tecken går (det blir en del av filnamnen). Välj ett kortare namn, t.ex. 2026:2.`;
  }
  if (/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(trimmed)) return "Utgåvenamnet innehåller styrtecken; ange ett namn som 2026:2.";
  if (!/[\p{L}\p{N}]/u.test(trimmed)) return "Utgåvenamnet behöver minst en bokstav eller siffra, t.ex. 2026:2.";
  return null;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Whether an edition may be published, one reason per blocker: errors not answered by a decision,
 * anything that needs the huvudmän's decision without one recorded in the Beslut sheet (§6.3),
 * Giltig från less than three months after the decision, and a name other than the Utgåva sheet's
 * (a warning instead when forced). Each message says only what is true of this workbook. The
 * Utgåva sheet's own too-early date is judged on the request's dates, which may override it.
 */
export function publishReadiness(model: WorkbookModel, findings: readonly Finding[], request: PublishRequest): PublishReadiness {
  const blockers: PublishBlocker[] = [];
  const warnings: string[] = [];
  const nameProblem = editionNameProblem(request.name);
  if (nameProblem) blockers.push({ code: "NAME_INVALID", message: nameProblem, items: [] });
  else if (request.published?.includes(request.name.trim())) {
    blockers.push({ code: "NAME_TAKEN", message: `Utgåva ${request.name.trim()} är redan publicerad; en publicerad utgåva ändras inte. Välj ett nytt namn.`, items: [] });
  }
  // The Utgåva sheet's own too-early date is judged below on the request's dates instead.
  const counted = findings.filter((f) => !(f.code === "EFFECTIVE_TOO_EARLY" && f.sheet === model.utgava?.name));
  const all = summarize(counted);
  // Problems in the summary's unit: errors to fix are those that are not questions for the huvudmän.
  const toFix = summarize(counted.filter((f) => !f.needsDecision)).errors;
  if (toFix > 0) {
    const of = all.errors > toFix ? ` av de ${all.errors} felen (de andra väntar på huvudmännens beslut)` : "";
    blockers.push({ code: "ERRORS", message: `Granskningen har ${plural(toFix, "fel", "fel")} att rätta${of}. Rätta dem först.`, items: [] });
  }
  const undecided = undecidedItems(decisionItems(model, findings));
  if (undecided.length > 0) {
    const flaggedOnly = undecided.filter((i) => i.flagged && i.reasons.length === 1).length;
    const what = [all.needsDecision > 0 ? plural(all.needsDecision, "problem", "problem") : null, flaggedOnly > 0 ? plural(flaggedOnly, "flaggad rad", "flaggade rader") : null].filter(Boolean).join(" och ");
    blockers.push({
      code: "UNDECIDED",
      message: `${what} väntar på huvudmännens beslut (§6.3). För in besluten i bladet Beslut (datum, beslutsreferens, ISO-kod, bilaga, boendeform, beslut) – eller ändra raderna – innan utgåvan publiceras:`,
      items: undecided.map(describeItemSv),
    });
  }
  const earliest = addMonths(request.decided, 3);
  if (request.effective < earliest) {
    blockers.push({
      code: "EFFECTIVE_TOO_EARLY",
      message: `Giltig från ${request.effective} ligger mindre än tre månader efter beslutet ${request.decided} (§6.3): tidigast ${earliest}.`,
      items: [],
    });
  }
  const sheetName = readEditionInfo(model).name;
  if (!nameProblem && sheetName !== null && sheetName !== request.name) {
    const text = `Utgåvans namn ${request.name} skiljer sig från bladet Utgåva, där det står ${sheetName}.`;
    if (request.force) warnings.push(`${text} Publicerar ändå som ${request.name}.`);
    else blockers.push({ code: "NAME_MISMATCH", message: `${text} Rätta namnet eller bladet.`, items: [] });
  }
  return { blockers, warnings };
}
