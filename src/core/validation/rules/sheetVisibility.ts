import type { Rule } from "../rule";
import { says } from "../messages";

/** A known sheet that is hidden is still read: said, so that what is answered from is never out of sight. */
export const SHEET_HIDDEN: Rule = {
  // Stryker disable all: the rule's table, read at load; catalogue.test.ts kills these (docs/utveckling.md).
  code: "SHEET_HIDDEN",
  section: "—",
  severity: "warning",
  needsDecision: false,
  descriptionSv: "Ett blad som läses (Bilaga 1–4, Principer …) är dolt i arbetsboken.",
  // Stryker restore all
  check(ctx, report) {
    for (const { name } of ctx.model.hiddenSheets ?? []) {
      report(this, { table: name, row: null }, says("SHEET_HIDDEN", "hidden", { sheet: name }));
    }
  },
};

/** A sheet named as a copy of a known sheet is never read; which one is meant cannot be known. */
export const SHEET_COPY: Rule = {
  // Stryker disable all: the rule's table, read at load; catalogue.test.ts kills these (docs/utveckling.md).
  code: "SHEET_COPY",
  section: "—",
  severity: "error",
  needsDecision: false,
  descriptionSv: "Ett blad heter som en kopia av ett blad som läses (”Bilaga 1 (2)”, ”Kopia av Bilaga 1”) och läses inte.",
  // Stryker restore all
  check(ctx, report) {
    for (const { name, of, hidden } of ctx.model.sheetCopies ?? []) {
      const ofHidden = of !== null && (ctx.model.hiddenSheets?.some((h) => h.name === of) ?? false);
      report(this, { table: name, row: null }, says("SHEET_COPY", "copy", { sheet: name, hidden, of, ofHidden }));
    }
  },
};
