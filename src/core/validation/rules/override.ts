import type { Boendeform } from "../../boendeform";
import { isoParent } from "../../iso";
import type { BilagaRow } from "../../model";
import { EMPTY, valueOf } from "../../values";
import { cellRef, type Rule } from "../rule";
import { says } from "../messages";

export const OVERRIDE: Rule = {
  // Stryker disable all: the rule's table, read at load; catalogue.test.ts kills these (docs/utveckling.md).
  code: "OVERRIDE",
  section: "§2.5",
  severity: "info",
  needsDecision: false,
  descriptionSv: "En finare kod har en annan betalare än sin överordnade kod.",
  // Stryker restore all
  check(ctx, report) {
    for (const table of ctx.bilagor) {
      if (table.key === "B3") continue;
      const byCode = ctx.firstRowByCode(table);
      for (const row of table.rows) {
        const iso = valueOf(row.iso);
        // A class has no coarser code, so the walk below finds no parent for it.
        if (!iso || byCode.get(iso.code) !== row) continue;
        // The nearest coarser code with a row, walked up without building the chain.
        let parent: BilagaRow | undefined;
        for (let c = isoParent(iso.code); c !== null && parent === undefined; c = isoParent(c)) parent = byCode.get(c);
        if (!parent) continue;
        let forms: Boendeform[] | null = null;
        for (const form in row.payers) {
          const mine = valueOf(row.payers[form as Boendeform]!);
          const theirs = valueOf(parent.payers[form as Boendeform] ?? EMPTY);
          if (mine !== null && theirs !== null && mine !== theirs) (forms ??= []).push(form as Boendeform);
        }
        if (forms === null) continue;
        const parentCode = valueOf(parent.iso)!.code;
        report(
          this,
          { table, row: row.row, column: forms[0]!, related: [cellRef({ table, row: parent.row, column: forms[0]! })] },
          says("OVERRIDE", "differs", { iso: iso.code, parent: parentCode, parentRow: parent.row, forms: forms.map((form) => ({ form, mine: valueOf(row.payers[form]!)!, theirs: valueOf(parent.payers[form]!)! })) }),
        );
      }
    }
  },
};
