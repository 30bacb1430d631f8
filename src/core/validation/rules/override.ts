import { lowerFirst } from "../../text";
import { BOENDEFORM_INFO, type Boendeform } from "../../boendeform";
import { isoChain } from "../../iso";
import type { BilagaRow } from "../../model";
import { valueOf } from "../../values";
import { cellRef, type Rule } from "../rule";

export const OVERRIDE: Rule = {
  code: "OVERRIDE",
  section: "§2.5",
  severity: "info",
  needsDecision: false,
  descriptionSv: "En finare kod har en annan betalare än sin överordnade kod.",
  check(ctx, report) {
    for (const table of ctx.bilagor) {
      if (table.key === "B3") continue;
      const byCode = new Map<string, BilagaRow>();
      for (const row of table.rows) {
        const iso = valueOf(row.iso);
        if (iso && !byCode.has(iso.code)) byCode.set(iso.code, row);
      }
      for (const row of table.rows) {
        const iso = valueOf(row.iso);
        if (!iso || iso.level === "class" || byCode.get(iso.code) !== row) continue;
        const parent = isoChain(iso.code).slice(1).map((c) => byCode.get(c)).find((r) => r !== undefined);
        if (!parent) continue;
        const forms = (Object.keys(row.payers) as Boendeform[]).filter((form) => {
          const mine = valueOf(row.payers[form]!);
          const theirs = valueOf(parent.payers[form] ?? { state: "empty" });
          return mine !== null && theirs !== null && mine !== theirs;
        });
        if (forms.length === 0) continue;
        const parentCode = valueOf(parent.iso)!.code;
        const details = forms
          .map((f) => `${lowerFirst(BOENDEFORM_INFO[f].nameSv)}: ${valueOf(row.payers[f]!)} i stället för ${valueOf(parent.payers[f]!)}`)
          .join("; ");
        report(
          this,
          { table, row: row.row, column: forms[0]!, related: [cellRef({ table, row: parent.row, column: forms[0]! })] },
          `${iso.code} avviker från ${parentCode} (rad ${parent.row}): ${details}. Tillåtet – den finare koden gäller (§2.5) – men kontrollera att det är avsett.`,
        );
      }
    }
  },
};
