import { coveringPrinciple } from "../../principlesInForce";
import { valueOf } from "../../values";
import { type Rule } from "../rule";
import { says } from "../messages";

export const FORTROENDE: Rule = {
  // Stryker disable all: the rule's table, read at load; catalogue.test.ts kills these (docs/utveckling.md).
  code: "FORTROENDE",
  section: "§2.3.1",
  severity: "error",
  needsDecision: false,
  descriptionSv: "Förtroendeförskrivning tillåten där §2.3.1 inte medger den.",
  // Stryker restore all
  check(ctx, report) {
    for (const table of ctx.bilagor) {
      if (table.key === "B1") continue;
      for (const row of table.rows) {
        if (valueOf(row.fortroende) !== true) continue;
        const iso = valueOf(row.iso);
        if (table.key === "B2") {
          if (iso && coveringPrinciple(ctx.principleIndex, iso.code, (k) => k === "FORTROENDE_BILAGA2")) continue;
          report(
            this,
            { table, row: row.row, column: "fortroende" },
            says("FORTROENDE", "bilaga2", { iso: iso?.code ?? null }),
          );
        } else {
          report(
            this,
            { table, row: row.row, column: "fortroende" },
            says("FORTROENDE", "notAllowed", { sheet: table.name }),
          );
        }
      }
    }
  },
};
