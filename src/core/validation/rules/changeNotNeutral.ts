import { readEditionInfo } from "../../utgava";
import { cellRef, type Rule } from "../rule";
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
          `Betalaren är ändrad men Ekonomisk beräkning anger inget belopp${row.ekonomisk ? ` (”${row.ekonomisk.text.slice(0, 60)}”)` : ""}, så kostnadsneutraliteten kan inte bedömas. Ange den uppskattade årliga förskjutningen till kommunerna i kronor (negativ = till Regionen), grundad på föregående års faktiska kostnader (§6.3).`,
        );
      } else {
        net += amount;
        estimated.push([row, changes]);
      }
    }
    if (estimated.length === 0) return;
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
    if (tolerance.kind === "percent") {
      report(this, { ...at, related }, `Ändringarna flyttar uppskattningsvis ${kr(net)} per år till kommunerna. Toleransen ${tolerance.value} % kräver de totala kostnaderna, som inte finns i arbetsboken; bedöm neutraliteten manuellt eller ange toleransen i kronor (§6.3).`);
      return;
    }
    if (Math.abs(net) > tolerance.value) {
      const direction = net > 0 ? "till kommunerna" : "till Regionen";
      report(this, { ...at, related }, `Ändringarna flyttar uppskattningsvis ${kr(Math.abs(net))} per år ${direction}, mer än toleransen ${kr(tolerance.value)}. Ändringar ska vara kostnadsneutrala (§6.3); annars krävs huvudmännens beslut.`);
    }
  },
};
