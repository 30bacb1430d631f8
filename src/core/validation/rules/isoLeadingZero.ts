import type { IsoValue } from "../../model";
import type { Parsed } from "../../values";
import type { Rule } from "../rule";
import { says } from "../messages";

export const ISO_LEADING_ZERO: Rule = {
  // Stryker disable all: the rule's table, read at load; catalogue.test.ts kills these (docs/utveckling.md).
  code: "ISO_LEADING_ZERO",
  // The agreement has no § for this (docs/rules.md: "—"): a finding about the sheet, not the rules.
  section: "—",
  severity: "error",
  needsDecision: false,
  descriptionSv: "En ISO-kod lagrad som tal har tappat sin inledande nolla.",
  // Stryker restore all
  check(ctx, report) {
    const check = (table: Parameters<typeof report>[1]["table"], row: number, field: string, parsed: Parsed<IsoValue>) => {
      if (parsed.state !== "ok" || !parsed.value.leadingZeroLost) return;
      const code = parsed.value.code;
      report(
        this,
        { table, row, column: field },
        says("ISO_LEADING_ZERO", "lost", { iso: code }),
      );
    };
    for (const table of ctx.bilagor) {
      for (const row of table.rows) {
        check(table, row.row, "iso", row.iso);
        check(table, row.row, "huvudhjalpmedel", row.huvudhjalpmedel);
      }
    }
    const { principer, iso, kostnader } = ctx.model;
    for (const t of [principer, iso, kostnader]) {
      for (const row of (t?.rows ?? []) as ReadonlyArray<{ row: number; iso: Parsed<IsoValue> }>) check(t!, row.row, "iso", row.iso);
    }
  },
};
