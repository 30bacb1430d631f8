import { decisionItems, describeItemSv, undecidedItems } from "../decisions";
import type { WorkbookModel } from "../model";
import { readEditionInfo } from "../utgava";
import { summarize, type Finding } from "../validation/finding";
import { addMonths } from "../values";

/** Why an edition cannot be published now: a stable code for machines and tests, Swedish for people. */
export interface PublishBlocker {
  readonly code: "ERRORS" | "UNDECIDED" | "EFFECTIVE_TOO_EARLY" | "NAME_MISMATCH";
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
  if (sheetName !== null && sheetName !== request.name) {
    const text = `Utgåvans namn ${request.name} skiljer sig från bladet Utgåva, där det står ${sheetName}.`;
    if (request.force) warnings.push(`${text} Publicerar ändå som ${request.name}.`);
    else blockers.push({ code: "NAME_MISMATCH", message: `${text} Rätta namnet eller bladet.`, items: [] });
  }
  return { blockers, warnings };
}
