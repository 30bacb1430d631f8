import { costLines, costShift, isNeutral, toleranceSek, type CostLine } from "../../costs/costShift";
import { readEditionInfo } from "../../utgava";
import { cellRef, type Reporter, type Rule, type ValidationContext } from "../rule";
import { payerChangesByRow } from "./changeUndocumented";

const kr = (n: number) => `${Math.round(n).toLocaleString("sv-SE")} kr`;

export const CHANGE_NOT_NEUTRAL: Rule = {
  code: "CHANGE_NOT_NEUTRAL",
  section: "§6.3",
  severity: "warning",
  needsDecision: true,
  descriptionSv: "Den uppskattade kostnadsförskjutningen av ändringarna är inte neutral.",
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
          `Betalaren är ändrad men Ekonomisk beräkning anger inget belopp${row.ekonomisk ? ` (”${row.ekonomisk.text.slice(0, 60)}”)` : ""}, så kostnadsneutraliteten kan inte bedömas. Ange den uppskattade årliga förskjutningen till kommunerna i kronor (negativ = till regionen), grundad på föregående års faktiska kostnader (§6.3).`,
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
    const toleranceRow = utgava?.rows.find((r) => r.field !== null && /^tolerans/i.test(r.field.trim()))?.row ?? null;
    const at = utgava && toleranceRow !== null ? { table: utgava, row: toleranceRow, column: "value" } : (() => {
      const [row, changes] = estimated[0]!;
      return { table: ctx.bilagor.find((t) => t.name === changes[0]!.after.sheet)!, row: row.row, column: "ekonomisk" };
    })();
    const related = estimated.map(([row, changes]) => cellRef({ table: ctx.bilagor.find((t) => t.name === changes[0]!.after.sheet)!, row: row.row, column: "ekonomisk" }));
    const tolerance = info.tolerance;
    if (tolerance === null) {
      report(this, { ...at, related }, `Ändringarna flyttar uppskattningsvis ${kr(net)} per år till kommunerna, men ingen tolerans för kostnadsneutralitet är satt (bladet Utgåva, Tolerans kostnadsneutralitet). Ändringar ska vara kostnadsneutrala (§6.3).`);
      return;
    }
    // The same tolerance and neutrality as kostnadsförskjutning (costShift); a percent needs the total cost.
    const sek = toleranceSek(tolerance, null);
    if (sek === null) {
      report(this, { ...at, related }, `Ändringarna flyttar uppskattningsvis ${kr(net)} per år till kommunerna. Toleransen ${tolerance.value} % kräver de totala kostnaderna, som inte finns i arbetsboken; bedöm neutraliteten manuellt eller ange toleransen i kronor (§6.3).`);
      return;
    }
    if (isNeutral(net, sek) === false) {
      const direction = net > 0 ? "till kommunerna" : "till regionen";
      report(this, { ...at, related }, `Ändringarna flyttar uppskattningsvis ${kr(Math.abs(net))} per år ${direction}, mer än toleransen ${kr(sek)}. Ändringar ska vara kostnadsneutrala (§6.3); annars krävs huvudmännens beslut.`);
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
      `Kostnaden för ${u.line.iso} kan inte fördelas: betalaren är ${u.before} i föregående utgåva och ${u.after} nu. Kostnadsförskjutningen räknas utan raden; rätta listorna eller kostnadsraden.`,
    );
  }
  if (shift.changes.length === 0 || shift.netToKommun === 0) return;
  const utgava = ctx.model.utgava;
  const toleranceRow = utgava?.rows.find((r) => r.field !== null && /^tolerans/i.test(r.field.trim()))?.row ?? null;
  const related = shift.changes.flatMap((c) => c.lines.map((l) => cellRef({ table: kostnader, row: l.row, column: null })));
  const at = utgava && toleranceRow !== null ? { table: utgava, row: toleranceRow, column: "value", related } : { table: kostnader, row: shift.changes[0]!.lines[0]!.row, column: "iso", related };
  const net = shift.netToKommun;
  const direction = net >= 0 ? "till kommunerna" : "till regionen";
  if (shift.tolerance === null) {
    report(rule, at, `Ändringarna flyttar ${kr(Math.abs(net))} per år ${direction} (föregående års kostnader, bladet ${kostnader.name}), men ingen tolerans för kostnadsneutralitet är satt i bladet Utgåva (§6.3).`);
  } else if (shift.neutral === false) {
    report(
      rule,
      at,
      `Ändringarna flyttar ${kr(Math.abs(net))} per år ${direction} enligt föregående års kostnader, mer än toleransen ${kr(shift.tolerance)}${shift.toleranceText?.includes("%") ? ` (${shift.toleranceText} av ${kr(shift.totalCost)})` : ""}. Ändringar ska vara kostnadsneutrala (§6.3); annars krävs huvudmännens beslut.`,
    );
  }
}
