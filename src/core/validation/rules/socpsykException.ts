import { coveringPrinciple } from "../../principlesInForce";
import { valueOf } from "../../values";
import { type Rule } from "../rule";
import { says } from "../messages";

export const SOCPSYK_EXCEPTION: Rule = {
  // Stryker disable all: the rule's table, read at load; catalogue.test.ts kills these (docs/utveckling.md).
  code: "SOCPSYK_EXCEPTION",
  section: "§5.2",
  severity: "error",
  needsDecision: false,
  descriptionSv: "Bilaga 4 följer inte §5.2: lyftar m.m. ska vara Kommun, annat Kommun bara som grundutrustning.",
  // Stryker restore all
  check(ctx, report) {
    const table = ctx.model.bilagor.B4;
    if (!table) return;
    for (const row of table.rows) {
      const iso = valueOf(row.iso);
      const payer = valueOf(row.payers.SOL_SOCPSYK ?? { state: "empty" });
      if (!iso || !payer) continue;
      const exception = coveringPrinciple(ctx.principleIndex, iso.code, (k) => k === "SOCPSYK_KOMMUN");
      if (exception && payer !== "Kommun") {
        report(
          this,
          { table, row: row.row, column: "SOL_SOCPSYK", related: exception.row === null ? [] : [{ sheet: exception.sheet, row: exception.row, column: null, cell: null }] },
          says("SOCPSYK_EXCEPTION", "notKommun", { iso: iso.code, exceptionCode: exception.code, payer }),
        );
      } else if (!exception && payer === "Kommun" && valueOf(row.grundutrustning) !== true) {
        report(
          this,
          { table, row: row.row, column: "SOL_SOCPSYK" },
          says("SOCPSYK_EXCEPTION", "kommunNotBasic", { iso: iso.code }),
        );
      }
    }
  },
};
