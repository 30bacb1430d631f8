import type { Boendeform } from "../../boendeform";
import { isRegionPrinciple, PRINCIPLE_INFO } from "../../principles";
import { coveringPrinciple } from "../../principlesInForce";
import { valueOf } from "../../values";
import { type Rule } from "../rule";

/** "a", "a och b", "a, b och c". */
const listSv = (items: readonly string[]) => (items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} och ${items.at(-1)}`);

export const REGION_AREA: Rule = {
  code: "REGION_AREA",
  section: "§2.2",
  severity: "error",
  needsDecision: true,
  descriptionSv: "En kod inom ett av regionens ansvarsområden står på Kommun eller Egenansvar.",
  check(ctx, report) {
    for (const table of ctx.bilagor) {
      for (const row of table.rows) {
        const iso = valueOf(row.iso);
        if (!iso) continue;
        const principle = coveringPrinciple(ctx.principleIndex, iso.code, isRegionPrinciple);
        if (!principle) continue;
        const where = principle.row === null ? "inbyggda principer" : `${principle.sheet} rad ${principle.row}`;
        const wrong = (Object.keys(row.payers) as Boendeform[]).filter((form) => {
          const payer = valueOf(row.payers[form]!);
          return payer === "Kommun" || payer === "Egenansvar";
        });
        if (wrong.length === 0) continue;
        // One message for the row, naming every housing form: the same cause is read once.
        const byPayer = new Map<string, string[]>();
        for (const form of wrong) {
          const payer = valueOf(row.payers[form]!)!;
          (byPayer.get(payer) ?? byPayer.set(payer, []).get(payer)!).push(table.columns.get(form)?.header ?? form);
        }
        const onWhat = [...byPayer].map(([payer, headers]) => `${payer} för ${listSv(headers)}`);
        const info = PRINCIPLE_INFO[principle.key];
        const under = iso.code === principle.code ? `${iso.code} är ett av regionens ansvarsområden` : `${iso.code} ligger under ${principle.code}`;
        const message = `${under} (${info.areaSv}, ${where}), som Region Stockholm bekostar för alla åldrar (§2.2), men står här på ${listSv(onWhat)}. En sådan avvikelse från överenskommelsens princip kräver huvudmännens beslut.`;
        const related = principle.row === null ? [] : [{ sheet: principle.sheet, row: principle.row, column: null, cell: null }];
        for (const form of wrong) report(this, { table, row: row.row, column: form, related }, message);
      }
    }
  },
};
