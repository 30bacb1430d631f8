import { LIST_BOENDEFORMER } from "../../boendeform";
import { valueOf } from "../../values";
import { cellRef, type Rule } from "../rule";
import { says } from "../messages";

export const CROSS_BILAGA: Rule = {
  // Stryker disable all: the rule's table, read at load; catalogue.test.ts kills these (docs/utveckling.md).
  code: "CROSS_BILAGA",
  section: "§1.2",
  severity: "error",
  needsDecision: false,
  descriptionSv: "Samma kod i bilaga 1 och bilaga 2 med olika betalare.",
  // Stryker restore all
  check(ctx, report) {
    const b1 = ctx.model.bilagor.B1;
    const b2 = ctx.model.bilagor.B2;
    // Nothing to compare when either bilaga has no rows: no index of the other is built.
    if (!b1 || !b2 || b1.rows.length === 0 || b2.rows.length === 0) return;
    const inB1 = ctx.firstRowByCode(b1);
    for (const row of b2.rows) {
      const iso = valueOf(row.iso);
      const other = iso ? inB1.get(iso.code) : undefined;
      if (!other) continue;
      const differing = LIST_BOENDEFORMER.filter((form) => {
        const a = valueOf(row.payers[form] ?? { state: "empty" });
        const b = valueOf(other.payers[form] ?? { state: "empty" });
        return a !== null && b !== null && a !== b;
      });
      if (differing.length === 0) continue;
      const first = differing[0]!;
      report(
        this,
        { table: b2, row: row.row, column: first, related: [cellRef({ table: b1, row: other.row, column: first })] },
        says("CROSS_BILAGA", "differs", { iso: iso!.code, b1Row: other.row, forms: differing.map((form) => ({ form, b1: valueOf(other.payers[form]!)!, b2: valueOf(row.payers[form]!)! })) }),
      );
    }
  },
};
