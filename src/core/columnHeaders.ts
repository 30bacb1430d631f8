import { foldHeader } from "./text";

/**
 * The columns of the files people bring — the follow-up's cost files and `vem-betalar`'s question
 * files — each with its Swedish label and the headers read as it, as people write them. One table,
 * so a header means the same thing in every file; matching folds both sides with foldHeader.
 */
export const COLUMN_HEADERS = {
  kommun: { labelSv: "kommun", headers: ["kommun", "kommunnamn", "municipality"] },
  quarter: { labelSv: "kvartal", headers: ["kvartal", "kv", "quarter"] },
  iso: { labelSv: "iso", headers: ["iso", "iso-kod", "isokod", "iso kod", "iso code"] },
  boendeform: { labelSv: "boendeform", headers: ["boendeform", "housing", "housing form"] },
  age: { labelSv: "ålder", headers: ["ålder", "age"] },
  specialanpassad: { labelSv: "specialanpassad", headers: ["specialanpassad", "specially adapted"] },
  amount: { labelSv: "belopp", headers: ["belopp", "amount", "kostnad", "cost", "belopp kr", "belopp (kr)"] },
  date: { labelSv: "datum", headers: ["datum", "date"] },
} as const satisfies Record<string, { labelSv: string; headers: readonly string[] }>;

export type ColumnField = keyof typeof COLUMN_HEADERS;

const FOLDED: ReadonlyMap<string, ColumnField> = (() => {
  const map = new Map<string, ColumnField>();
  for (const [field, { headers }] of Object.entries(COLUMN_HEADERS) as Array<[ColumnField, { headers: readonly string[] }]>) {
    for (const h of headers) {
      const folded = foldHeader(h);
      const other = map.get(folded);
      if (other && other !== field) throw new Error(`COLUMN_HEADERS: "${h}" is read as both ${other} and ${field}`);
      map.set(folded, field);
    }
  }
  return map;
})();

/** The field a header is read as, or null. */
export const columnFieldOf = (header: string): ColumnField | null => FOLDED.get(foldHeader(header)) ?? null;

export interface HeaderMatch<F extends ColumnField> {
  /** Each field's column, 0-based, or -1 when the header row has none. */
  readonly at: Readonly<Record<F, number>>;
  /** Fields with two or more columns (1-based column numbers): which one is meant cannot be known. */
  readonly duplicates: ReadonlyArray<{ readonly field: F; readonly columns: readonly number[] }>;
}

/** Reads a header row for the given fields, in their order. */
export function matchHeader<F extends ColumnField>(cells: readonly string[], fields: readonly F[]): HeaderMatch<F> {
  const byField = new Map<ColumnField, number[]>();
  cells.forEach((cell, i) => {
    const field = columnFieldOf(cell);
    if (field) byField.set(field, [...(byField.get(field) ?? []), i]);
  });
  const at = Object.fromEntries(fields.map((f) => [f, byField.get(f)?.[0] ?? -1])) as Record<F, number>;
  const duplicates = fields.flatMap((field) => {
    const columns = byField.get(field) ?? [];
    return columns.length > 1 ? [{ field, columns: columns.map((c) => c + 1) }] : [];
  });
  return { at, duplicates };
}

/** The refusal for two columns for one thing, the same in every file. */
export const duplicateColumnsSv = (file: string, field: ColumnField, columns: readonly number[]): string =>
  `${file} har ${columns.length} kolumner för ${COLUMN_HEADERS[field].labelSv} (kolumn ${columns.join(" och ")}); ta bort eller byt namn på den som inte gäller.`;
