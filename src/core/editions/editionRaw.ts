import type { ListBoendeform } from "../boendeform";
import type { CellValue, RawSheet, RawWorkbook } from "../cells";
import { FIELD_BY_NAME, type BilagaFieldKind, type BilagaFieldSpec } from "../bilagaFields";
import { BILAGA_KEYS, SHEET_SPECS } from "../sheets";
import { UTGAVA_FIELDS } from "../utgava";
import type { Edition, EditionRow } from "./edition";

/*
 * An edition laid out as the workbook it was taken from. Kept apart from edition.ts (and zod) so
 * that the guide's browser script can answer from an edition without the schema code.
 */

type EditionColumn = Edition["bilagor"][keyof Edition["bilagor"]] extends infer S ? (S extends { columns: Array<infer C> } ? C : never) : never;

const yesNo = (b: boolean | null) => (b === null ? null : b ? "Ja" : "Nej");

/** The one writer of each kind of cell: an edition's value as the cell it was read from. */
/** A plain field of an edition row (the field table names it; its kind says what it holds). */
const plain = <T>(row: EditionRow, def: BilagaFieldSpec): T | null => ((row as unknown as Record<string, T | undefined>)[def.field] ?? null);

const KIND_CELL: { readonly [K in BilagaFieldKind]: (row: EditionRow, def: BilagaFieldSpec) => CellValue } = {
  iso: (row, def) => plain<string>(row, def),
  text: (row, def) => plain<string>(row, def),
  note: (row, def) => plain<string>(row, def),
  status: (row, def) => plain<string>(row, def),
  date: (row, def) => plain<string>(row, def),
  amountText: (row, def) => plain<string>(row, def),
  yesNo: (row, def) => yesNo(plain<boolean>(row, def)),
  payer: (row, def) => row.payers[def.form!] ?? null,
  formVillkor: (row, def) => row.formVillkor?.[def.form as ListBoendeform] ?? null,
};

/** The value of a field of an edition row, as a cell (a field the table does not know: empty). */
function fieldCell(row: EditionRow, field: string): CellValue {
  const def = FIELD_BY_NAME.get(field);
  return def ? KIND_CELL[def.kind](row, def) : null;
}

function layout(name: string, headerRow: number, columns: ReadonlyArray<EditionColumn>, rows: ReadonlyArray<{ row: number; cells: (index: number, field: string | null, header: string) => CellValue }>): RawSheet {
  // Linear in cells: columns are placed by index once, never searched per cell (16 384 columns ×
  // 200 rows took 46 s with a search per cell). Rows stay sparse: a hole is an empty row.
  const width = columns.reduce((max, c) => Math.max(max, c.index), 0);
  const last = rows.reduce((max, r) => Math.max(max, r.row), headerRow);
  const byIndex: Array<EditionColumn | undefined> = new Array(width);
  for (const c of columns) byIndex[c.index - 1] ??= c;
  const grid: CellValue[][] = new Array(last);
  const header = new Array<CellValue>(width).fill(null);
  for (const c of columns) header[c.index - 1] = c.header;
  grid[headerRow - 1] = header;
  for (const r of rows) {
    const cells = new Array<CellValue>(width);
    for (let j = 0; j < width; j++) {
      const column = byIndex[j];
      cells[j] = column ? r.cells(column.index, column.field, column.header) : null;
    }
    grid[r.row - 1] = cells;
  }
  return { name, rows: grid };
}

/** The workbook an edition was taken from, cell for cell in its rows and columns (values in normal form). */
export function editionToRawWorkbook(edition: Edition): RawWorkbook {
  const sheets: RawSheet[] = [];
  for (const key of BILAGA_KEYS) {
    const s = edition.bilagor[key];
    if (!s) continue;
    sheets.push(
      layout(s.name, s.headerRow, s.columns, s.rows.map((row) => ({ row: row.row, cells: (index, field) => (field ? fieldCell(row, field) : row.extra?.[String(index)] ?? null) }))),
    );
  }
  if (edition.principles) {
    const p = edition.principles;
    sheets.push(layout(p.name, p.headerRow, p.columns, p.rows.map((r) => ({ row: r.row, cells: (_i, f) => (f === "principle" ? r.principle : f === "iso" ? r.iso : f === "comment" ? r.comment : null) }))));
  }
  if (edition.iso) {
    const t = edition.iso;
    sheets.push(layout(t.name, t.headerRow, t.columns, t.rows.map((r) => ({ row: r.row, cells: (_i, f) => (f === "iso" ? r.iso : f === "title" ? r.title : f === "edition" ? r.edition : f === "sokord" ? (r.sokord ?? null) : null) }))));
  }
  if (edition.decisions) {
    const spec = SHEET_SPECS.BESLUT;
    const columns = spec.columns.map((c, i) => ({ index: i + 1, header: c.header, field: c.field }));
    const last = edition.decisions.rows.reduce((max, r) => Math.max(max, r.row), 1);
    // Row numbers as in the workbook (explanations cite them); the header just above the first.
    const headerRow = Math.max(1, Math.min(last, ...edition.decisions.rows.map((r) => r.row)) - 1);
    sheets.push(
      layout(edition.decisions.name, headerRow, columns, edition.decisions.rows.map((d) => ({
        row: d.row,
        cells: (_i, f) => (f === "bilaga" ? (d.bilaga ? SHEET_SPECS[d.bilaga].name : null) : ((d as Record<string, string | number | null>)[f ?? ""] ?? null) as CellValue),
      }))),
    );
  }
  const field = (name: string, value: string | null): CellValue[] => [name, value];
  sheets.push({
    name: SHEET_SPECS.UTGAVA.name,
    rows: [
      SHEET_SPECS.UTGAVA.columns.map((c) => c.header),
      field(UTGAVA_FIELDS.name, edition.name),
      field(UTGAVA_FIELDS.beslutad, edition.decided),
      field(UTGAVA_FIELDS.giltigFran, edition.effective),
      field(UTGAVA_FIELDS.isoUtgava, edition.isoEdition),
      field(UTGAVA_FIELDS.foregaende, edition.previous),
      field(UTGAVA_FIELDS.tolerance, edition.tolerance),
      ...(edition.publisher !== undefined ? [field(UTGAVA_FIELDS.utgivare, edition.publisher)] : []),
      ...(edition.contact !== undefined ? [field(UTGAVA_FIELDS.kontakt, edition.contact)] : []),
      ...(edition.agreement !== undefined ? [field(UTGAVA_FIELDS.overenskommelse, edition.agreement)] : []),
    ],
  });
  return { sheets };
}

