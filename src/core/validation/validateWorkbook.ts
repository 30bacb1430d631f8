import type { RawWorkbook } from "../cells";
import { readWorkbook, type BilagaRow, type SheetTable, type WorkbookModel } from "../model";
import { indexPrinciples, principlesInForce } from "../principlesInForce";
import { BILAGA_KEYS } from "../sheets";
import { valueOf } from "../values";
import { RULES } from "./catalogue";
import type { Finding } from "./finding";
import { diffModels } from "../editions/diff";
import { applyDecisions } from "../decisions";
import { collector, type PreviousEdition, type Rule, type ValidationContext } from "./rule";

/** Builds what the checks share, once per validation. */
export function validationContext(model: WorkbookModel, previous: PreviousEdition | null = null): ValidationContext {
  const principles = principlesInForce(model);
  let isoTitles: Map<string, string> | null = null;
  if (model.iso) {
    isoTitles = new Map();
    for (const row of model.iso.rows) {
      const iso = valueOf(row.iso);
      if (iso && !isoTitles.has(iso.code)) isoTitles.set(iso.code, row.title ?? "");
    }
  }
  const bilagor = BILAGA_KEYS.map((k) => model.bilagor[k]).filter((t): t is SheetTable<BilagaRow> => t !== undefined);
  const changes = previous ? diffModels(previous.model, model) : [];
  const byCode = new Map<SheetTable<BilagaRow>, Map<string, BilagaRow>>();
  const firstRowByCode = (table: SheetTable<BilagaRow>): ReadonlyMap<string, BilagaRow> => {
    let map = byCode.get(table);
    if (!map) {
      map = new Map();
      for (const row of table.rows) {
        const iso = valueOf(row.iso);
        if (iso && !map.has(iso.code)) map.set(iso.code, row);
      }
      byCode.set(table, map);
    }
    return map;
  };
  return { model, principles, principleIndex: indexPrinciples(principles.entries), bilagor, isoTitles, previous, changes, firstRowByCode };
}

/** Orders findings as a reader goes through the workbook: sheet order, then row, then column. */
export function sortFindings(findings: Finding[], sheetNames: readonly string[]): Finding[] {
  const sheetOrder = new Map(sheetNames.map((n, i) => [n, i] as const));
  // Each finding's column key once, not once per comparison.
  const colKeys = new Map<Finding, string>();
  for (const f of findings) colKeys.set(f, f.cell ? f.cell.replace(/\d+$/, "").padStart(3, " ") : "~~~");
  return findings.sort(
    (a, b) =>
      (sheetOrder.get(a.sheet) ?? 1e9) - (sheetOrder.get(b.sheet) ?? 1e9) ||
      (a.sheet === b.sheet ? 0 : a.sheet.localeCompare(b.sheet)) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      colKeys.get(a)!.localeCompare(colKeys.get(b)!) ||
      a.code.localeCompare(b.code),
  );
}

/**
 * The validation as steps, one per check, so that a caller can yield between them (the pane keeps
 * its progress bar moving and can stop): iterate, and the return value is the findings, exactly as
 * `validateWorkbook` gives them (it runs this to the end).
 */
export function* validationSteps(
  model: WorkbookModel,
  options: { readonly previous?: PreviousEdition | null; readonly rules?: readonly Rule[] } = {},
): Generator<{ readonly done: number; readonly total: number }, Finding[], void> {
  const rules = options.rules ?? RULES;
  const ctx = validationContext(model, options.previous ?? null);
  const findings: Finding[] = [];
  const report = collector(findings);
  for (const [i, rule] of rules.entries()) {
    rule.check(ctx, report);
    yield { done: i + 1, total: rules.length };
  }
  return sortFindings(applyDecisions(findings, model), model.sheetNames);
}

/**
 * Runs every check of rules.md on a workbook and returns all findings (never stops at the first).
 * With `previous` (the last published edition) the change checks of §6.3 run too. A finding that
 * needs a decision carries the matching decision of the `Beslut` sheet, when one is recorded.
 * @example validateWorkbook(readWorkbook(raw)).filter((f) => f.severity === "error")
 */
export function validateWorkbook(
  input: WorkbookModel | RawWorkbook,
  options: { readonly previous?: PreviousEdition | null; readonly rules?: readonly Rule[] } = {},
): Finding[] {
  const model = "sheets" in input ? readWorkbook(input) : input;
  const steps = validationSteps(model, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The checks that need the previous edition (docs/rules.md): they run only with one. */
export const CHANGE_CHECK_CODES = ["NEW_GROUP", "CHANGE_UNDOCUMENTED", "CHANGE_NOT_NEUTRAL", "PRINCIPLE_CHANGE", "MATTER_CHANGE_UNREGISTERED"] as const;

/**
 * Why the change checks did not run, in Swedish, for every surface that reviews without a previous
 * edition: `foregaende` is the Utgåva sheet's Föregående utgåva (or null), `how` says how to give it.
 */
export function changeChecksNotRunSv(foregaende: string | null, how: string): string {
  const which = `Ändringskontrollerna (${CHANGE_CHECK_CODES.join(", ")}) kördes inte`;
  return foregaende
    ? `${which}: bladet Utgåva anger Föregående utgåva ${foregaende}, men den utgåvan gavs inte. ${how}`
    : `${which}: ingen tidigare utgåva gavs. ${how}`;
}
