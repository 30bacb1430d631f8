import { foldText } from "../../text";
import { valueOf } from "../../values";
import type { Rule } from "../rule";
import { says } from "../messages";

export const ISO_TITLE_MISMATCH: Rule = {
  // Stryker disable all: the rule's table, read at load; catalogue.test.ts kills these (docs/utveckling.md).
  code: "ISO_TITLE_MISMATCH",
  // The agreement has no § for this (docs/rules.md: "—"): a finding about the sheet, not the rules.
  section: "—",
  severity: "info",
  needsDecision: false,
  descriptionSv: "Radens benämning skiljer sig från klassifikationens.",
  // Stryker restore all
  check(ctx, report) {
    const titles = ctx.isoTitles;
    if (!titles) return;
    for (const table of ctx.bilagor) {
      if (!table.columns.has("title")) continue;
      for (const row of table.rows) {
        const iso = valueOf(row.iso);
        const expected = iso ? titles.get(iso.code) : undefined;
        if (!expected || !row.title || foldText(row.title) === foldText(expected)) continue;
        report(
          this,
          { table, row: row.row, column: "title" },
          says("ISO_TITLE_MISMATCH", "differs", { title: row.title, expected, iso: iso!.code }),
        );
      }
    }
  },
};
