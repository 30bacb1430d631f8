import { cellText } from "../../cells";
import type { IsoValue } from "../../model";
import type { Parsed } from "../../values";
import type { Rule } from "../rule";
import { says } from "../messages";

export const ISO_FORMAT: Rule = {
  // Stryker disable all: the rule's table, read at load; catalogue.test.ts kills these (docs/utveckling.md).
  code: "ISO_FORMAT",
  section: "§2.5",
  severity: "error",
  needsDecision: false,
  descriptionSv: "ISO-koden är inte på formen NN, NN NN eller NN NN NN.",
  // Stryker restore all
  check(ctx, report) {
    const check = (
      table: Parameters<typeof report>[1]["table"],
      row: number,
      field: string,
      parsed: Parsed<IsoValue>,
      required: boolean,
    ) => {
      if (parsed.state === "invalid") {
        report(this, { table, row, column: field }, says("ISO_FORMAT", "invalid", { text: cellText(parsed.raw) }));
      } else if (parsed.state === "empty" && required) {
        report(this, { table, row, column: field }, says("ISO_FORMAT", "missing", {}));
      }
    };
    for (const table of ctx.bilagor) {
      if (!table.columns.has("iso")) continue;
      for (const row of table.rows) {
        check(table, row.row, "iso", row.iso, table.key !== "B3");
        check(table, row.row, "huvudhjalpmedel", row.huvudhjalpmedel, false);
      }
    }
    const { principer, iso, kostnader } = ctx.model;
    for (const t of [principer, iso, kostnader]) {
      if (!t || !t.columns.has("iso")) continue;
      for (const row of t.rows as ReadonlyArray<{ row: number; iso: Parsed<IsoValue> }>) check(t, row.row, "iso", row.iso, true);
    }
  },
};
