import type { RawWorkbook } from "../cells";
import { readWorkbook, type BilagaRow, type SheetTable, type WorkbookModel } from "../model";
import { indexPrinciples, principlesInForce } from "../principlesInForce";
import { BILAGA_KEYS } from "../sheets";
import { valueOf } from "../values";
import { RULES } from "./catalogue";
import type { Finding } from "./finding";
import { collector, type Rule, type ValidationContext } from "./rule";

/** Builds what the checks share, once per validation. */
export function validationContext(model: WorkbookModel): ValidationContext {
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
  return { model, principles, principleIndex: indexPrinciples(principles.entries), bilagor, isoTitles };
}

/** Orders findings as a reader goes through the workbook: sheet order, then row, then column. */
export function sortFindings(findings: Finding[], sheetNames: readonly string[]): Finding[] {
  const sheetOrder = new Map(sheetNames.map((n, i) => [n, i] as const));
  const colKey = (f: Finding) => (f.cell ? f.cell.replace(/\d+$/, "").padStart(3, " ") : "~~~");
  return findings.sort(
    (a, b) =>
      (sheetOrder.get(a.sheet) ?? 1e9) - (sheetOrder.get(b.sheet) ?? 1e9) ||
      a.sheet.localeCompare(b.sheet) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      colKey(a).localeCompare(colKey(b)) ||
      a.code.localeCompare(b.code),
  );
}

/**
 * Runs every check of rules.md on a workbook and returns all findings (never stops at the first).
 * @example validateWorkbook(readWorkbook(raw)).filter((f) => f.severity === "error")
 */
export function validateWorkbook(input: WorkbookModel | RawWorkbook, rules: readonly Rule[] = RULES): Finding[] {
  const model = "sheets" in input ? readWorkbook(input) : input;
  const ctx = validationContext(model);
  const findings: Finding[] = [];
  const report = collector(findings);
  for (const rule of rules) rule.check(ctx, report);
  return sortFindings(findings, model.sheetNames);
}
