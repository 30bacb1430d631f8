import type { Boendeform } from "../../boendeform";
import type { Rule } from "../rule";

export const PAYER_MISSING: Rule = {
  code: "PAYER_MISSING",
  section: "§2.5",
  severity: "error",
  needsDecision: false,
  descriptionSv: "En obligatorisk betalarcell är tom.",
  check(ctx, report) {
    for (const table of ctx.bilagor) {
      for (const row of table.rows) {
        // A row on its way out answers nothing; its empty cells are no gap.
        if (row.status.state === "ok" && row.status.value === "Utgår") continue;
        for (const form of Object.keys(row.payers) as Boendeform[]) {
          if (!table.columns.has(form) || row.payers[form]!.state !== "empty") continue;
          const header = table.columns.get(form)!.header;
          const what = row.iso.state === "ok" ? row.iso.value.code : row.product ?? `rad ${row.row}`;
          report(this, { table, row: row.row, column: form }, `Betalare saknas för ${what} i kolumnen ${header}. Ange Kommun, Region eller Egenansvar.`);
        }
      }
    }
  },
};
