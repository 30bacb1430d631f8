import { BILAGA_FIELDS } from "../bilagaFields";
import { isoChain } from "../iso";
import type { Edition, EditionRow } from "./edition";

/*
 * The edition data inside Hjälpmedelsguiden (guide-data.js), in a compact form: each bilaga's
 * rows as arrays in one field order instead of objects repeating every key (a 2 000-row edition
 * went from about 800 kB to a third of that, and the browser parses it that much sooner). The
 * guide decodes it back into the Edition shape the shared core answers from. Kept apart from
 * edition.ts (and zod) so that the guide's browser script stays small.
 */

/**
 * The fields of an edition row the guide answers and searches from (Beslutsdatum too: "står som
 * Utgår sedan …" names it when Giltig från is empty); documentation fields stay out.
 */
const ROW_FIELDS: ReadonlyArray<"row" | GuideField> = ["row", ...BILAGA_FIELDS.filter((f): f is Extract<(typeof BILAGA_FIELDS)[number], { guide: true }> => "guide" in f && f.guide).map((f) => f.field)];
type GuideField = Extract<(typeof BILAGA_FIELDS)[number], { guide: true }>["field"];
/** Nested objects flattened to "payers.SABO" etc. */
const NESTED = ["payers", "formVillkor"] as const;

type Value = string | number | boolean | null;

export interface CompactSheet {
  readonly name: string;
  readonly headerRow: number;
  readonly columns: Edition["bilagor"][keyof Edition["bilagor"]] extends infer S ? (S extends { columns: infer C } ? C : never) : never;
  /** Field names, in the order of each row's values; "payers.SABO" is one housing form's payer. */
  readonly fields: readonly string[];
  /** One array per row; trailing nulls are left out. */
  readonly rows: ReadonlyArray<readonly Value[]>;
}

export interface CompactEdition extends Omit<Edition, "bilagor"> {
  readonly bilagor: Partial<Record<keyof Edition["bilagor"], CompactSheet>>;
}

/** Edition → compact: only the guide's fields; the documentation columns are dropped. */
export function compactEdition(edition: Edition): CompactEdition {
  const bilagor: Partial<Record<keyof Edition["bilagor"], CompactSheet>> = {};
  for (const [key, sheet] of Object.entries(edition.bilagor) as Array<[keyof Edition["bilagor"], NonNullable<Edition["bilagor"][keyof Edition["bilagor"]]>]>) {
    const nested = new Set<string>();
    for (const r of sheet.rows) for (const n of NESTED) for (const k of Object.keys(r[n] ?? {})) nested.add(`${n}.${k}`);
    const fields = [...ROW_FIELDS, ...[...nested].sort()];
    const rows = sheet.rows.map((r) => {
      const values = fields.map((f): Value => {
        const dot = f.indexOf(".");
        if (dot < 0) return (r[f as (typeof ROW_FIELDS)[number]] ?? null) as Value;
        const inner = r[f.slice(0, dot) as (typeof NESTED)[number]] as Record<string, Value> | undefined;
        return inner?.[f.slice(dot + 1)] ?? null;
      });
      let end = values.length;
      while (end > 0 && values[end - 1] === null) end--;
      return values.slice(0, end);
    });
    bilagor[key] = { name: sheet.name, headerRow: sheet.headerRow, columns: sheet.columns.filter((c) => c.field !== null), fields, rows };
  }
  return { ...edition, bilagor };
}

/** Compact → Edition, as the shared core reads it (documentation fields null). */
export function expandEdition(compact: CompactEdition): Edition {
  const bilagor: Edition["bilagor"] = {};
  for (const [key, sheet] of Object.entries(compact.bilagor) as Array<[keyof Edition["bilagor"], CompactSheet]>) {
    const fields = sheet.fields;
    const rows = sheet.rows.map((values) => {
      const row: Record<string, unknown> = { motivering: null, ekonomisk: null, konsekvens: null, payers: {} };
      for (let i = 0; i < fields.length; i++) {
        const f = fields[i]!;
        const v = i < values.length ? values[i]! : null;
        const dot = f.indexOf(".");
        if (dot < 0) row[f] = v;
        else if (v !== null) ((row[f.slice(0, dot)] ??= {}) as Record<string, Value>)[f.slice(dot + 1)] = v;
      }
      return row as unknown as EditionRow;
    });
    bilagor[key] = { name: sheet.name, headerRow: sheet.headerRow, columns: sheet.columns, rows };
  }
  return { ...compact, bilagor };
}

/**
 * Only the rows that can answer for one ISO code: rows for the code and the codes above it, and
 * rows under it (whoPays looks at nothing else of the bilagor; principles and headers stay whole,
 * the ISO 9999 sheet goes). A deep link is answered from this before the whole edition is read:
 * proven to answer exactly as the whole edition in test/core/editions/guideData.test.ts.
 */
export function compactForCode(compact: CompactEdition, code: string): CompactEdition {
  const chain = new Set(isoChain(code));
  const under = `${code} `;
  const bilagor: Partial<Record<keyof Edition["bilagor"], CompactSheet>> = {};
  for (const [key, sheet] of Object.entries(compact.bilagor) as Array<[keyof Edition["bilagor"], CompactSheet]>) {
    const at = sheet.fields.indexOf("iso");
    bilagor[key] = {
      ...sheet,
      rows: sheet.rows.filter((values) => {
        const iso = values[at];
        return typeof iso === "string" && (chain.has(iso) || iso.startsWith(under));
      }),
    };
  }
  return { ...compact, bilagor, iso: null };
}
