import type { Rule } from "../rule";
import { says } from "../messages";

export const CELL_ERROR: Rule = {
  // Stryker disable all: the rule's table, read at load; catalogue.test.ts kills these (docs/utveckling.md).
  code: "CELL_ERROR",
  // The agreement has no § for this (docs/rules.md: "—"): a finding about the sheet, not the rules.
  section: "—",
  severity: "error",
  needsDecision: false,
  descriptionSv: "En cell innehåller ett felvärde (#SAKNAS!, #REFERENS! …).",
  // Stryker restore all
  check(ctx, report) {
    const { bilagor, principer, iso, utgava, kostnader } = ctx.model;
    for (const table of [...Object.values(bilagor), principer, iso, utgava, kostnader]) {
      for (const e of table?.cellErrors ?? []) {
        report(
          this,
          { table: table!, row: e.row, column: e.column },
          says("CELL_ERROR", "error", { error: e.error }),
        );
      }
    }
  },
};
