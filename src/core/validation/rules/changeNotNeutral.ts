import { costLines, costShift, isNeutral, toleranceSek, type CostLine } from "../../costs/costShift";
import { readEditionInfo } from "../../utgava";
import { cellRef, type Reporter, type Rule, type ValidationContext } from "../rule";
import { payerChangesByRow } from "./changeUndocumented";
import { says } from "../messages";

export const CHANGE_NOT_NEUTRAL: Rule = {
  // Stryker disable all: the rule's table, read at load; catalogue.test.ts kills these (docs/utveckling.md).
  code: "CHANGE_NOT_NEUTRAL",
  section: "§6.3",
  severity: "warning",
  needsDecision: true,
  descriptionSv: "Den uppskattade kostnadsförskjutningen av ändringarna är inte neutral.",
  // Stryker restore all
  check(ctx, report) {
    if (!ctx.previous) return;
    const lines = costLines(ctx.model);
    if (lines.length > 0) {
      checkWithCosts(this, ctx, report, lines);
      return;
    }
    const changed = [...payerChangesByRow(ctx.changes)];
    if (changed.length === 0) return;
    let net = 0;
    const estimated: typeof changed = [];
    for (const [row, changes] of changed) {
      const table = ctx.bilagor.find((t) => t.name === changes[0]!.after.sheet)!;
      const amount = row.ekonomisk?.amount ?? null;
      if (amount === null) {
        report(
          this,
          { table, row: row.row, column: "ekonomisk" },
          says("CHANGE_NOT_NEUTRAL", "noAmount", { text: row.ekonomisk ? row.ekonomisk.text : null }),
        );
      } else {
        net += amount;
        estimated.push([row, changes]);
      }
    }
    // A net of zero is neutral under any tolerance.
    if (estimated.length === 0 || net === 0) return;
    const info = readEditionInfo(ctx.model);
    const utgava = ctx.model.utgava;
    const toleranceRow = info.toleranceRow;
    const at = utgava && toleranceRow !== null ? { table: utgava, row: toleranceRow, column: "value" } : (() => {
      const [row, changes] = estimated[0]!;
      return { table: ctx.bilagor.find((t) => t.name === changes[0]!.after.sheet)!, row: row.row, column: "ekonomisk" };
    })();
    const related = estimated.map(([row, changes]) => cellRef({ table: ctx.bilagor.find((t) => t.name === changes[0]!.after.sheet)!, row: row.row, column: "ekonomisk" }));
    const tolerance = info.tolerance;
    if (tolerance === null) {
      report(this, { ...at, related }, says("CHANGE_NOT_NEUTRAL", "estimateNoTolerance", { net }));
      return;
    }
    // The same tolerance and neutrality as kostnadsförskjutning (costShift); a percent needs the total cost.
    const sek = toleranceSek(tolerance, null);
    if (sek === null) {
      report(this, { ...at, related }, says("CHANGE_NOT_NEUTRAL", "estimatePercentNoTotal", { net, percent: tolerance.value }));
      return;
    }
    if (isNeutral(net, sek) === false) {
      report(this, { ...at, related }, says("CHANGE_NOT_NEUTRAL", "estimateOverTolerance", { net, tolerance: sek }));
    }
  },
};

/**
 * With a `Kostnader` sheet: the shift is computed from the previous year's actual costs (§6.3),
 * every cost line answered under both editions.
 */
function checkWithCosts(rule: Rule, ctx: ValidationContext, report: Reporter, lines: readonly CostLine[]): void {
  const shift = costShift(ctx.previous!.model, ctx.model, lines);
  const kostnader = ctx.model.kostnader!;
  for (const u of shift.unattributed) {
    report(
      rule,
      { table: kostnader, row: u.line.row, column: "iso" },
      says("CHANGE_NOT_NEUTRAL", "costUnattributed", { iso: u.line.iso, before: u.before, after: u.after }),
    );
  }
  if (shift.changes.length === 0 || shift.netToKommun === 0) return;
  const utgava = ctx.model.utgava;
  // The row readEditionInfo (and so costShift) reads the tolerance from.
  const toleranceRow = readEditionInfo(ctx.model).toleranceRow;
  const related = shift.changes.flatMap((c) => c.lines.map((l) => cellRef({ table: kostnader, row: l.row, column: null })));
  const at = utgava && toleranceRow !== null ? { table: utgava, row: toleranceRow, column: "value", related } : { table: kostnader, row: shift.changes[0]!.lines[0]!.row, column: "iso", related };
  const net = shift.netToKommun;
  if (shift.tolerance === null) {
    report(rule, at, says("CHANGE_NOT_NEUTRAL", "costsNoTolerance", { net, costSheet: kostnader.name }));
  } else if (shift.neutral === false) {
    report(
      rule,
      at,
      says("CHANGE_NOT_NEUTRAL", "costsOverTolerance", { net, tolerance: shift.tolerance, percentText: shift.toleranceText?.includes("%") ? shift.toleranceText : null, totalCost: shift.totalCost }),
    );
  }
}
