import type { BilagaRow } from "../../model";
import { foldText } from "../../text";
import { valueOf } from "../../values";
import { cellRef, type Rule } from "../rule";
import { says } from "../messages";

export const DUPLICATE: Rule = {
  // Stryker disable all: the rule's table, read at load; catalogue.test.ts kills these (docs/utveckling.md).
  code: "DUPLICATE",
  // The agreement has no § for this (docs/rules.md: "—"): a finding about the sheet, not the rules.
  section: "—",
  severity: "error",
  needsDecision: false,
  descriptionSv: "Samma kod förekommer två gånger i en bilaga.",
  // Stryker restore all
  check(ctx, report) {
    for (const table of ctx.bilagor) {
      // Bilaga 3 is kept per product or treatment (§2.5); the others per code.
      const byProduct = table.key === "B3";
      const field = byProduct ? "product" : "iso";
      const keyOf = (row: BilagaRow) => (byProduct ? (row.product ? foldText(row.product) : null) : valueOf(row.iso)?.code ?? null);
      // Codes share the context's first-row index; products (bilaga 3) are indexed here.
      const first: ReadonlyMap<string, BilagaRow> = byProduct ? firstByProduct(table.rows, keyOf) : ctx.firstRowByCode(table);
      for (const row of table.rows) {
        const key = keyOf(row);
        if (key === null) continue;
        const earlier = first.get(key)!;
        if (earlier === row) continue;
        report(
          this,
          { table, row: row.row, column: field, related: [cellRef({ table, row: earlier.row, column: field })] },
          byProduct ? says("DUPLICATE", "product", { product: row.product!, earlierRow: earlier.row, sheet: table.name }) : says("DUPLICATE", "code", { iso: key, earlierRow: earlier.row, sheet: table.name }),
        );
      }
    }
  },
};

function firstByProduct(rows: readonly BilagaRow[], keyOf: (row: BilagaRow) => string | null): Map<string, BilagaRow> {
  const first = new Map<string, BilagaRow>();
  for (const row of rows) {
    const key = keyOf(row);
    if (key !== null && !first.has(key)) first.set(key, row);
  }
  return first;
}
