import { BOENDEFORM_KEYS_TEXT, parseBoendeform } from "../../boendeform";
import { cellText, type CellValue } from "../../cells";
import { KIND_EXPECTED_SV, PLAIN_FIELDS, type PlainFieldName } from "../../bilagaFields";
import { readEditionInfo } from "../../utgava";
import { PRINCIPLE_KEYS } from "../../principles";
import type { Parsed } from "../../values";
import type { Rule } from "../rule";
import { says } from "../messages";

// Stryker disable all: a table derived at load; rules.test.ts's VALUE_INVALID tests kill these (docs/utveckling.md).
/** The fields whose kind has a reading that can fail (yes/no, status, date), with what to write (one message per kind). */
const CHECKED: ReadonlyArray<readonly [field: PlainFieldName, expected: string]> = PLAIN_FIELDS.flatMap((f) => {
  const expected = KIND_EXPECTED_SV[f.kind];
  return expected === null ? [] : [[f.field, expected] as const];
});
// Stryker restore all

export const VALUE_INVALID: Rule = {
  // Stryker disable all: the rule's table, read at load; catalogue.test.ts kills these (docs/utveckling.md).
  code: "VALUE_INVALID",
  // The agreement has no § for this (docs/rules.md: "—"): a finding about the sheet, not the rules.
  section: "—",
  severity: "error",
  needsDecision: false,
  descriptionSv: "En ja/nej-, datum- eller statuscell, en princip, ett värde i Utgåva eller en kostnadsrads boendeform eller belopp kan inte läsas.",
  // Stryker restore all
  check(ctx, report) {
    for (const table of ctx.bilagor) {
      for (const row of table.rows) {
        for (const [field, expected] of CHECKED) {
          const cell = row[field] as Parsed<unknown>;
          if (cell.state !== "invalid") continue;
          report(this, { table, row: row.row, column: field }, says("VALUE_INVALID", "cell", { text: cellText(cell.raw), expected }));
        }
      }
    }
    const principer = ctx.model.principer;
    for (const row of principer?.rows ?? []) {
      if (row.principle.state !== "invalid") continue;
      report(this, { table: principer!, row: row.row, column: "principle" }, says("VALUE_INVALID", "principle", { text: cellText(row.principle.raw), known: PRINCIPLE_KEYS }));
    }
    const utgava = ctx.model.utgava;
    if (utgava) {
      for (const bad of readEditionInfo(ctx.model).invalid) {
        report(this, { table: utgava, row: bad.row, column: "value" }, says("VALUE_INVALID", "utgava", { field: bad.field, text: cellText(bad.raw), expected: bad.expected }));
      }
    }
    const kostnader = ctx.model.kostnader;
    for (const row of kostnader?.rows ?? []) {
      // An empty form is reported too: costLines leaves such a line out, and its cost must not vanish in silence.
      if (row.boendeform === null) {
        report(this, { table: kostnader!, row: row.row, column: "boendeform" }, says("VALUE_INVALID", "boendeformMissing", { known: BOENDEFORM_KEYS_TEXT }));
      } else if (parseBoendeform(row.boendeform).kind !== "inScope") {
        report(this, { table: kostnader!, row: row.row, column: "boendeform" }, says("VALUE_INVALID", "boendeform", { text: row.boendeform, known: BOENDEFORM_KEYS_TEXT }));
      }
      for (const field of ["kommun", "region"] as const) {
        if (row[field].state !== "invalid") continue;
        report(this, { table: kostnader!, row: row.row, column: field }, says("VALUE_INVALID", "amount", { text: cellText((row[field] as { raw: CellValue }).raw) }));
      }
    }
  },
};
