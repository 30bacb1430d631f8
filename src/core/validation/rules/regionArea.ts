import type { Boendeform } from "../../boendeform";
import { isRegionPrinciple } from "../../principles";
import { coveringPrinciple } from "../../principlesInForce";
import { valueOf } from "../../values";
import { type Rule } from "../rule";
import { says } from "../messages";

export const REGION_AREA: Rule = {
  // Stryker disable all: the rule's table, read at load; catalogue.test.ts kills these (docs/utveckling.md).
  code: "REGION_AREA",
  section: "§2.2",
  severity: "error",
  needsDecision: true,
  descriptionSv: "En kod inom ett av regionens ansvarsområden står på Kommun eller Egenansvar.",
  // Stryker restore all
  check(ctx, report) {
    for (const table of ctx.bilagor) {
      for (const row of table.rows) {
        const iso = valueOf(row.iso);
        if (!iso) continue;
        const principle = coveringPrinciple(ctx.principleIndex, iso.code, isRegionPrinciple);
        if (!principle) continue;
        const wrong = (Object.keys(row.payers) as Boendeform[]).filter((form) => {
          const payer = valueOf(row.payers[form]!);
          return payer === "Kommun" || payer === "Egenansvar";
        });
        // One message for the row, naming every housing form: the same cause is read once.
        const byPayer = new Map<string, string[]>();
        for (const form of wrong) {
          const payer = valueOf(row.payers[form]!)!;
          (byPayer.get(payer) ?? byPayer.set(payer, []).get(payer)!).push(table.columns.get(form)?.header ?? form);
        }
        const message = says("REGION_AREA", "notRegion", {
          iso: iso.code,
          principle: principle.key,
          principleCode: principle.code,
          principleSheet: principle.sheet,
          principleRow: principle.row,
          payers: [...byPayer].map(([payer, headers]) => ({ payer, headers })),
        });
        const related = principle.row === null ? [] : [{ sheet: principle.sheet, row: principle.row, column: null, cell: null }];
        for (const form of wrong) report(this, { table, row: row.row, column: form, related }, message);
      }
    }
  },
};
