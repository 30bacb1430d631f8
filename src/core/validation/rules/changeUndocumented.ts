import type { BilagaRow } from "../../model";
import { rowLabel, type Change } from "../../editions/diff";
import { statusCounts } from "../../values";
import { cellRef, type Rule } from "../rule";
import { DOC_FIELDS, says, type DocField } from "../messages";

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

/** The §6.3 documentation a changed row lacks, as fields of the field table. */
function missingDocs(row: BilagaRow): DocField[] {
  return DOC_FIELDS.filter((field) => !row[field]);
}

export const CHANGE_UNDOCUMENTED: Rule = {
  // Stryker disable all: the rule's table, read at load; catalogue.test.ts kills these (docs/utveckling.md).
  code: "CHANGE_UNDOCUMENTED",
  section: "§6.3",
  severity: "error",
  needsDecision: false,
  descriptionSv: "En ändrad eller ny rad saknar motivering, ekonomisk beräkning eller konsekvensanalys.",
  // Stryker restore all
  check(ctx, report) {
    if (!ctx.previous) return;
    const previous = ctx.previous.name;
    for (const c of ctx.changes) {
      // A row taken out of force changes who pays as much as a new payer does.
      // (A status change has from ≠ to, so a row set to Utgår was not Utgår before.)
      if (c.kind === "status" && c.to === "Utgår") {
        const row = c.after.row;
        const missing = missingDocs(row);
        if (missing.length === 0) continue;
        const table = ctx.bilagor.find((t) => t.name === c.after.sheet)!;
        report(this, { table, row: row.row, column: "status" }, says("CHANGE_UNDOCUMENTED", "statusUtgar", { previous, missing }));
      } else if (c.kind === "giltigFran") {
        // A moved date moves the day the row starts (or stops) answering: who pays in between changes.
        const row = c.after.row;
        const missing = missingDocs(row);
        if (missing.length === 0) continue;
        const table = ctx.bilagor.find((t) => t.name === c.after.sheet)!;
        report(this, { table, row: row.row, column: "giltigFran" }, says("CHANGE_UNDOCUMENTED", "dateMoved", { previous, from: c.from, to: c.to, missing }));
      } else if (c.kind === "added" && statusCounts(c.after.row.status)) {
        // A new row that counts decides who pays from its Giltig från: a change like any other (§6.3).
        const row = c.after.row;
        const missing = missingDocs(row);
        if (missing.length === 0) continue;
        const table = ctx.bilagor.find((t) => t.name === c.after.sheet)!;
        report(this, { table, row: row.row, column: missing[0]! }, says("CHANGE_UNDOCUMENTED", "added", { label: rowLabel(row), previous, missing }));
      } else if (c.kind === "removed") {
        const table = ctx.bilagor.find((t) => t.name === c.before.sheet);
        report(
          this,
          { table: table ?? c.before.sheet, row: null, related: [cellRef({ table: c.before.sheet, row: c.before.row.row, column: null })] },
          says("CHANGE_UNDOCUMENTED", "removed", { label: rowLabel(c.before.row), row: c.before.row.row, previous }),
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
        says("CHANGE_UNDOCUMENTED", "payer", { previous, changes: changes.map((c) => ({ form: c.boendeform, from: c.from, to: c.to })), missing }),
      );
    }
  },
};
