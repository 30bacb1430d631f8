import { lowerFirst } from "../../text";
import { BOENDEFORM_INFO } from "../../boendeform";
import type { BilagaRow } from "../../model";
import { rowLabel, type Change } from "../../editions/diff";
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

/** The §6.3 documentation a changed row lacks. */
function missingDocs(row: BilagaRow): string[] {
  return [row.motivering ? null : "Motivering", row.ekonomisk ? null : "Ekonomisk beräkning", row.konsekvens ? null : "Konsekvensanalys"].filter((m): m is string => m !== null);
}

export const describeChange = (c: PayerChange) => `${lowerFirst(BOENDEFORM_INFO[c.boendeform].nameSv)}: ${c.from ?? "tom"} → ${c.to ?? "tom"}`;

export const CHANGE_UNDOCUMENTED: Rule = {
  code: "CHANGE_UNDOCUMENTED",
  section: "§6.3",
  severity: "error",
  needsDecision: false,
  descriptionSv: "En ändrad betalare saknar motivering, ekonomisk beräkning eller konsekvensanalys.",
  check(ctx, report) {
    if (!ctx.previous) return;
    const previous = ctx.previous.name;
    for (const c of ctx.changes) {
      // A row taken out of force changes who pays as much as a new payer does.
      if (c.kind === "status" && c.to === "Utgår" && c.from !== "Utgår") {
        const row = c.after.row;
        const missing = missingDocs(row);
        if (missing.length === 0) continue;
        const table = ctx.bilagor.find((t) => t.name === c.after.sheet)!;
        report(this, { table, row: row.row, column: "status" }, `Raden har satts till Utgår sedan utgåva ${previous} men ${missing.join(", ")} saknas. Ändringar ska dokumenteras (§6.3).`);
      } else if (c.kind === "giltigFran") {
        // A moved date moves the day the row starts (or stops) answering: who pays in between changes.
        const row = c.after.row;
        const missing = missingDocs(row);
        if (missing.length === 0) continue;
        const table = ctx.bilagor.find((t) => t.name === c.after.sheet)!;
        report(this, { table, row: row.row, column: "giltigFran" }, `Giltig från har flyttats från ${c.from ?? "tom"} till ${c.to ?? "tom"} sedan utgåva ${previous} men ${missing.join(", ")} saknas. Vem som betalar däremellan ändras; ändringen ska dokumenteras (§6.3).`);
      } else if (c.kind === "removed") {
        const table = ctx.bilagor.find((t) => t.name === c.before.sheet);
        report(
          this,
          { table: table ?? c.before.sheet, row: null, related: [cellRef({ table: c.before.sheet, row: c.before.row.row, column: null })] },
          `${rowLabel(c.before.row)} (rad ${c.before.row.row} i utgåva ${previous}) är borttagen. Behåll raden med Status Utgår och dokumentera Motivering, Ekonomisk beräkning och Konsekvensanalys (§6.3).`,
        );
      }
    }
    for (const [row, changes] of payerChangesByRow(ctx.changes)) {
      const missing = missingDocs(row);
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
        `Betalaren är ändrad sedan utgåva ${previous} (${changes.map(describeChange).join("; ")}) men ${missing.join(", ")} saknas. Vid ändringar ska motiveringar, ekonomiska beräkningar och konsekvensanalyser dokumenteras (§6.3).`,
      );
    }
  },
};
