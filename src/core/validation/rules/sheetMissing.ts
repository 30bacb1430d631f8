import { BILAGA_KEYS, SHEET_SPECS } from "../../sheets";
import type { Rule } from "../rule";
import { says } from "../messages";

export const SHEET_MISSING: Rule = {
  // Stryker disable all: the rule's table, read at load; catalogue.test.ts kills these (docs/utveckling.md).
  code: "SHEET_MISSING",
  section: "§8",
  severity: "error",
  needsDecision: false,
  descriptionSv: "Ett av bladen Bilaga 1–4 saknas.",
  // Stryker restore all
  check(ctx, report) {
    const headerless = new Set(ctx.model.headerless.map((h) => h.key));
    for (const key of BILAGA_KEYS) {
      if (ctx.model.bilagor[key] || headerless.has(key)) continue;
      const name = SHEET_SPECS[key].name;
      report(this, { table: name, row: null }, says("SHEET_MISSING", "missing", { sheet: name }));
    }
    // Two sheets that both read as one known sheet (names equal but for case, spaces or invisible characters).
    for (const { name, first } of ctx.model.duplicateSheets) {
      report(this, { table: name, row: null }, says("SHEET_MISSING", "lookalike", { sheet: name, first }));
    }
  },
};
