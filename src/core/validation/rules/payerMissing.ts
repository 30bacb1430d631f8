import type { Boendeform } from "../../boendeform";
import type { Rule } from "../rule";
import { says } from "../messages";

export const PAYER_MISSING: Rule = {
  // Stryker disable all: the rule's table, read at load; catalogue.test.ts kills these (docs/utveckling.md).
  code: "PAYER_MISSING",
  // The agreement has no § for this (docs/rules.md: "—"): a finding about the sheet, not the rules.
  section: "—",
  severity: "error",
  needsDecision: false,
  descriptionSv: "En obligatorisk betalarcell är tom.",
  // Stryker restore all
  check(ctx, report) {
    for (const table of ctx.bilagor) {
      for (const row of table.rows) {
        // A row on its way out answers nothing; its empty cells are no gap.
        if (row.status.state === "ok" && row.status.value === "Utgår") continue;
        const empty = (Object.keys(row.payers) as Boendeform[]).filter((form) => table.columns.has(form) && row.payers[form]!.state === "empty");
        if (empty.length === 0) continue;
        // One message for the row, naming every empty column: the same cause is read once.
        const headers = empty.map((form) => table.columns.get(form)!.header);
        const what = { code: row.iso.state === "ok" ? row.iso.value.code : null, product: row.product ?? null, row: row.row };
        const message = says("PAYER_MISSING", "empty", { what, headers });
        for (const form of empty) report(this, { table, row: row.row, column: form }, message);
      }
    }
  },
};
