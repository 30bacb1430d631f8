import { isLocalExtension, isoParent } from "../../iso";
import { valueOf } from "../../values";
import type { Rule } from "../rule";
import { says } from "../messages";

export const ISO_UNKNOWN: Rule = {
  // Stryker disable all: the rule's table, read at load; catalogue.test.ts kills these (docs/utveckling.md).
  code: "ISO_UNKNOWN",
  section: "§2.5",
  severity: "warning",
  needsDecision: false,
  descriptionSv: "ISO-koden finns inte i arbetsbokens blad ISO 9999.",
  // Stryker restore all
  check(ctx, report) {
    const titles = ctx.isoTitles;
    if (!titles || titles.size === 0) return;
    const isoSheet = ctx.model.iso!.name;
    const known = (code: string) => {
      if (titles.has(code)) return true;
      // Local Swedish extension codes (…90) are valid when their parent is in the classification.
      const parent = isoParent(code);
      return isLocalExtension(code) && parent !== null && titles.has(parent);
    };
    for (const table of ctx.bilagor) {
      for (const row of table.rows) {
        for (const field of ["iso", "huvudhjalpmedel"] as const) {
          const iso = valueOf(row[field]);
          if (!iso || known(iso.code)) continue;
          report(
            this,
            { table, row: row.row, column: field },
            says("ISO_UNKNOWN", "unknown", { iso: iso.code, isoSheet }),
          );
        }
      }
    }
  },
};
