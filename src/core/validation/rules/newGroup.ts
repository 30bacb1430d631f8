import { codesIn } from "../../editions/diff";
import { isoChain } from "../../iso";
import { valueOf } from "../../values";
import type { Rule } from "../rule";
import { says } from "../messages";

export const NEW_GROUP: Rule = {
  // Stryker disable all: the rule's table, read at load; catalogue.test.ts kills these (docs/utveckling.md).
  code: "NEW_GROUP",
  section: "§6.3",
  severity: "warning",
  needsDecision: true,
  descriptionSv: "En kod som inte fanns i föregående publicerade utgåva (en ny produktgrupp).",
  // Stryker restore all
  check(ctx, report) {
    if (!ctx.previous) return;
    const before = codesIn(ctx.previous.model);
    for (const table of ctx.bilagor) {
      for (const row of table.rows) {
        const iso = valueOf(row.iso);
        if (!iso || before.has(iso.code)) continue;
        const parent = isoChain(iso.code).slice(1).find((c) => before.has(c));
        report(
          this,
          { table, row: row.row, column: "iso" },
          says("NEW_GROUP", "newCode", { iso: iso.code, previous: ctx.previous.name, parent: parent ?? null }),
        );
      }
    }
  },
};
