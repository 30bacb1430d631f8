import { SHEET_SPECS } from "../../sheets";
import type { Rule } from "../rule";
import { says } from "../messages";

export const HEADER_MISSING: Rule = {
  // Stryker disable all: the rule's table, read at load; catalogue.test.ts kills these (docs/utveckling.md).
  code: "HEADER_MISSING",
  // The agreement has no § for this (docs/rules.md: "—"): a finding about the sheet, not the rules.
  section: "—",
  severity: "error",
  needsDecision: false,
  descriptionSv: "En obligatorisk kolumn saknas i ett blad.",
  // Stryker restore all
  check(ctx, report) {
    for (const { key, name } of ctx.model.headerless) {
      const spec = SHEET_SPECS[key];
      report(
        this,
        { table: name, row: null, column: spec.keyHeader },
        says("HEADER_MISSING", "noHeaderRow", { sheet: name, keyHeader: spec.keyHeader }),
      );
    }
    const { bilagor, principer, iso, utgava, kostnader } = ctx.model;
    const tables = [...Object.values(bilagor), principer, iso, utgava, kostnader];
    for (const table of tables) {
      if (!table) continue;
      for (const column of table.missingColumns) {
        report(
          this,
          { table, row: table.headerRow, column: column.header },
          says("HEADER_MISSING", "column", { sheet: table.name, header: column.header, headerRow: table.headerRow }),
        );
      }
      // A contract column written twice: only the first is read, so the other's values would be ignored.
      for (const { column, ref, first } of table.duplicateColumns) {
        report(
          this,
          { table, row: table.headerRow, column: ref },
          says("HEADER_MISSING", "twice", { sheet: table.name, header: column.header, first: first.index, again: ref.index }),
        );
      }
    }
  },
};
