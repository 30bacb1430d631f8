import type { Boendeform } from "../../boendeform";
import { cellText } from "../../cells";
import type { Rule } from "../rule";
import { says } from "../messages";

export const PAYER_INVALID: Rule = {
  // Stryker disable all: the rule's table, read at load; catalogue.test.ts kills these (docs/utveckling.md).
  code: "PAYER_INVALID",
  // The agreement has no § for this (docs/rules.md: "—"): a finding about the sheet, not the rules.
  section: "—",
  severity: "error",
  needsDecision: false,
  descriptionSv: "En betalarcell är inte Kommun, Region eller Egenansvar.",
  // Stryker restore all
  check(ctx, report) {
    for (const table of ctx.bilagor) {
      for (const row of table.rows) {
        for (const form of Object.keys(row.payers) as Boendeform[]) {
          const cell = row.payers[form]!;
          if (cell.state !== "invalid") continue;
          report(
            this,
            { table, row: row.row, column: form },
            says("PAYER_INVALID", "invalid", { text: cellText(cell.raw) }),
          );
        }
      }
    }
  },
};
