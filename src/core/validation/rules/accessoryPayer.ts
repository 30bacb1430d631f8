import type { Boendeform } from "../../boendeform";
import { isoChain } from "../../iso";
import type { BilagaRow, SheetTable } from "../../model";
import { valueOf } from "../../values";
import { cellRef, type Rule } from "../rule";
import { says } from "../messages";

export const ACCESSORY_PAYER: Rule = {
  // Stryker disable all: the rule's table, read at load; catalogue.test.ts kills these (docs/utveckling.md).
  code: "ACCESSORY_PAYER",
  section: "§2.4",
  severity: "warning",
  needsDecision: false,
  descriptionSv: "Ett tillbehörs betalare skiljer sig från huvudhjälpmedlets.",
  // Stryker restore all
  check(ctx, report) {
    const b1 = ctx.model.bilagor.B1;
    // The main aid is looked up in the accessory's own bilaga, then in bilaga 1 (§2.4).
    // The most specific row for the main aid's code: the exact code in either bilaga before any
    // coarser one, the accessory's own bilaga first at each level.
    const findMain = (table: SheetTable<BilagaRow>, code: string) => {
      const tables = b1 && b1 !== table ? [table, b1] : [table];
      for (const c of isoChain(code)) {
        for (const t of tables) {
          const row = ctx.firstRowByCode(t).get(c);
          if (row) return { table: t, row };
        }
      }
      return null;
    };
    for (const table of ctx.bilagor) {
      for (const row of table.rows) {
        const main = valueOf(row.huvudhjalpmedel);
        if (!main) continue;
        const found = findMain(table, main.code);
        const what = { code: valueOf(row.iso)?.code ?? null, product: row.product ?? null, row: row.row };
        if (!found) {
          report(
            this,
            { table, row: row.row, column: "huvudhjalpmedel" },
            says("ACCESSORY_PAYER", "mainMissing", { main: main.code, what, sheet: table.name, alsoBilaga1: !!b1 && b1 !== table }),
          );
          continue;
        }
        for (const form of Object.keys(row.payers) as Boendeform[]) {
          const mine = valueOf(row.payers[form]!);
          const theirs = valueOf(found.row.payers[form] ?? { state: "empty" });
          if (mine === null || theirs === null || mine === theirs) continue;
          report(
            this,
            { table, row: row.row, column: form, related: [cellRef({ table: found.table, row: found.row.row, column: form })] },
            says("ACCESSORY_PAYER", "differs", { what, main: main.code, mainSheet: found.table.name, mainRow: found.row.row, mine, theirs, form }),
          );
        }
      }
    }
  },
};
