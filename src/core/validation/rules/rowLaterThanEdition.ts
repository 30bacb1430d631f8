import { readEditionInfo } from "../../utgava";
import { valueOf } from "../../values";
import { cellRef, type Rule } from "../rule";
import { says } from "../messages";

/**
 * The row-level Giltig från trap: a row's own Giltig från after the edition's makes the whole row
 * stop answering, in every housing form, until that date (a row above it answers, or none). A
 * maintainer who meant to change one form from a later date is told so before publishing.
 */
export const ROW_LATER_THAN_EDITION: Rule = {
  // Stryker disable all: the rule's table, read at load; catalogue.test.ts kills these (docs/utveckling.md).
  code: "ROW_LATER_THAN_EDITION",
  section: "§6.3",
  severity: "warning",
  needsDecision: false,
  descriptionSv: "En rads Giltig från ligger efter utgåvans: raden svarar inte i någon boendeform före det datumet.",
  // Stryker restore all
  check(ctx, report) {
    const info = readEditionInfo(ctx.model);
    const start = info.giltigFran;
    if (!start) return;
    const utgava = ctx.model.utgava;
    const at = utgava?.rows.find((r) => r.field !== null && /giltig/i.test(r.field))?.row ?? null;
    for (const table of ctx.bilagor) {
      for (const row of table.rows) {
        const own = valueOf(row.giltigFran);
        if (!own || own <= start) continue;
        const related = utgava && at !== null ? [cellRef({ table: utgava, row: at, column: "value" })] : [];
        report(
          this,
          { table, row: row.row, column: "giltigFran", related },
          says("ROW_LATER_THAN_EDITION", "later", { own, start }),
        );
      }
    }
  },
};
