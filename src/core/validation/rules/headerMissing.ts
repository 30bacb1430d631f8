import { columnLetter } from "../../cells";
import { SHEET_SPECS } from "../../sheets";
import type { Rule } from "../rule";

export const HEADER_MISSING: Rule = {
  code: "HEADER_MISSING",
  // The agreement has no § for this (docs/rules.md: "—"): a finding about the sheet, not the rules.
  section: "—",
  severity: "error",
  needsDecision: false,
  descriptionSv: "En obligatorisk kolumn saknas i ett blad.",
  check(ctx, report) {
    for (const { key, name } of ctx.model.headerless) {
      const spec = SHEET_SPECS[key];
      report(
        this,
        { table: name, row: null, column: spec.keyHeader },
        `Bladet ”${name}” saknar rubriken ”${spec.keyHeader}” bland sina första 10 rader, så bladet kan inte läsas. Lägg till rubrikraden.`,
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
          `Kolumnen ”${column.header}” saknas i bladet ”${table.name}” (rubrikraden är rad ${table.headerRow}). Lägg till den.`,
        );
      }
      // A contract column written twice: only the first is read, so the other's values would be ignored.
      for (const { column, ref, first } of table.duplicateColumns) {
        report(
          this,
          { table, row: table.headerRow, column: ref },
          `Kolumnen ”${column.header}” finns två gånger i bladet ”${table.name}” (kolumn ${columnLetter(first.index)} och ${columnLetter(ref.index)}); bara den första läses. Ta bort eller byt namn på den ena.`,
        );
      }
    }
  },
};
