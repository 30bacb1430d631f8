import { BOENDEFORM_INFO } from "../../boendeform";
import type { BilagaRow } from "../../model";
import type { Change } from "../../editions/diff";
import { cellRef, type Rule } from "../rule";

type PayerChange = Extract<Change, { kind: "payer" }>;

/** Payer changes grouped per changed row, in order. */
export function payerChangesByRow(changes: readonly Change[]): Map<BilagaRow, PayerChange[]> {
  const byRow = new Map<BilagaRow, PayerChange[]>();
  for (const c of changes) {
    if (c.kind !== "payer") continue;
    const list = byRow.get(c.after.row);
    if (list) list.push(c);
    else byRow.set(c.after.row, [c]);
  }
  return byRow;
}

export const describeChange = (c: PayerChange) => `${BOENDEFORM_INFO[c.boendeform].nameSv.toLowerCase()}: ${c.from ?? "tom"} → ${c.to ?? "tom"}`;

export const CHANGE_UNDOCUMENTED: Rule = {
  code: "CHANGE_UNDOCUMENTED",
  section: "§6.3",
  severity: "error",
  needsDecision: false,
  descriptionSv: "En ändrad betalare saknar motivering, ekonomisk beräkning eller konsekvensanalys.",
  check(ctx, report) {
    if (!ctx.previous) return;
    for (const [row, changes] of payerChangesByRow(ctx.changes)) {
      const missing = [
        row.motivering ? null : "Motivering",
        row.ekonomisk ? null : "Ekonomisk beräkning",
        row.konsekvens ? null : "Konsekvensanalys",
      ].filter((m): m is string => m !== null);
      if (missing.length === 0) continue;
      const table = ctx.bilagor.find((t) => t.name === changes[0]!.after.sheet)!;
      report(
        this,
        {
          table,
          row: row.row,
          column: changes[0]!.boendeform,
          related: [cellRef({ table: changes[0]!.before.sheet, row: changes[0]!.before.row.row, column: null })],
        },
        `Betalaren är ändrad sedan utgåva ${ctx.previous.name} (${changes.map(describeChange).join("; ")}) men ${missing.join(", ")} saknas. Vid ändringar ska motiveringar, ekonomiska beräkningar och konsekvensanalyser dokumenteras (§6.3).`,
      );
    }
  },
};
