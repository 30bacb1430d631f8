import type { Boendeform } from "../../boendeform";
import { isRegionPrinciple, PRINCIPLE_INFO } from "../../principles";
import { coveringPrinciple } from "../../principlesInForce";
import { valueOf } from "../../values";
import { type Rule } from "../rule";

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
        for (const form of Object.keys(row.payers) as Boendeform[]) {
          const payer = valueOf(row.payers[form]!);
          if (payer !== "Kommun" && payer !== "Egenansvar") continue;
          const info = PRINCIPLE_INFO[principle.key];
          report(
            this,
            {
              table,
              row: row.row,
              column: form,
              related: principle.row === null ? [] : [{ sheet: principle.sheet, row: principle.row, column: null, cell: null }],
            },
            `${iso.code} ligger under ${principle.code} (${info.areaSv}, ${where}), som Region Stockholm bekostar för alla åldrar (§2.2), men står här på ${payer}. En sådan avvikelse från överenskommelsens princip kräver huvudmännens beslut.`,
          );
        }
      }
    }
  },
};
