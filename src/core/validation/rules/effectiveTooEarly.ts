import { readEditionInfo } from "../../utgava";
import { addMonths, valueOf } from "../../values";
import { cellRef, type Rule } from "../rule";
import { says } from "../messages";

export const EFFECTIVE_TOO_EARLY: Rule = {
  // Stryker disable all: the rule's table, read at load; catalogue.test.ts kills these (docs/utveckling.md).
  code: "EFFECTIVE_TOO_EARLY",
  section: "§6.3",
  severity: "error",
  needsDecision: false,
  descriptionSv: "Giltig från ligger mindre än tre månader efter beslutsdatum.",
  // Stryker restore all
  check(ctx, report) {
    const message = (decided: string, effective: string, earliest: string) => says("EFFECTIVE_TOO_EARLY", "tooEarly", { decided, effective, earliest });
    for (const table of ctx.bilagor) {
      for (const row of table.rows) {
        const decided = valueOf(row.beslutsdatum);
        const effective = valueOf(row.giltigFran);
        if (!decided || !effective) continue;
        const earliest = addMonths(decided, 3);
        if (effective >= earliest) continue;
        report(
          this,
          { table, row: row.row, column: "giltigFran", related: [cellRef({ table, row: row.row, column: "beslutsdatum" })] },
          message(decided, effective, earliest),
        );
      }
    }
    const utgava = ctx.model.utgava;
    if (!utgava) return;
    const info = readEditionInfo(ctx.model);
    if (!info.beslutad || !info.giltigFran) return;
    const earliest = addMonths(info.beslutad, 3);
    if (info.giltigFran >= earliest) return;
    const row = utgava.rows.find((r) => r.field !== null && /giltig/i.test(r.field))?.row ?? null;
    report(this, { table: utgava, row, column: "value" }, message(info.beslutad, info.giltigFran, earliest));
  },
};
