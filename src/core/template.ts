import { BILAGA_FIELDS, type BilagaFieldKind } from "./bilagaFields";
import { cellText, isCellError, type CellValue, type RawSheet, type RawWorkbook } from "./cells";
import { readWorkbook } from "./model";
import { exampleWorkbook } from "./example/exampleWorkbook";
import { PAYERS } from "./payer";
import { PRINCIPLE_KEYS } from "./principles";
import { SHEET_SPECS, type SheetKey } from "./sheets";
import { STATUSES } from "./values";
import { MATTER_STATUSES, MATTER_TYPES } from "./matters";

/** The drop-down list each kind of bilaga cell gets (bilagaFields.ts). */
const KIND_LIST: Readonly<Partial<Record<BilagaFieldKind, readonly string[]>>> = { payer: PAYERS, yesNo: ["Ja", "Nej"], status: STATUSES };

/** The drop-down list each field gets in a workbook the add-in creates. */
export const FIELD_LISTS: Readonly<Record<string, readonly string[]>> = {
  ...Object.fromEntries(BILAGA_FIELDS.flatMap((f) => (KIND_LIST[f.kind] ? [[f.field, KIND_LIST[f.kind]!] as const] : []))),
  principle: PRINCIPLE_KEYS,
  arendeTyp: MATTER_TYPES,
  arendeStatus: MATTER_STATUSES,
};

/** Fields kept as text so that codes keep their leading zero (every ISO code field). */
export const TEXT_FIELDS: ReadonlySet<string> = new Set(BILAGA_FIELDS.filter((f) => f.kind === "iso").map((f) => f.field));

const EMPTY_SHEETS: readonly SheetKey[] = ["B1", "B2", "B3", "B4"];

/**
 * A new bilagor workbook without example rows: Bilaga 1–4 with their headers only, the
 * agreement's defaults that ship with the add-in (Principer, the ISO 9999 list, the Utgåva fields
 * with empty values), and Kostnader, Beslut and Ärenden with their headers.
 */
export function emptyWorkbook(): RawWorkbook {
  const example = exampleWorkbook();
  const byName = new Map(example.sheets.map((s) => [s.name, s]));
  const sheets: RawSheet[] = EMPTY_SHEETS.map((key) => ({ name: SHEET_SPECS[key].name, rows: [SHEET_SPECS[key].columns.map((c) => c.header)] }));
  sheets.push(byName.get(SHEET_SPECS.PRINCIPER.name)!, byName.get(SHEET_SPECS.ISO.name)!);
  const utgava = byName.get(SHEET_SPECS.UTGAVA.name)!;
  sheets.push({ name: utgava.name, rows: utgava.rows.map((r, i) => (i === 0 ? r : [r[0] ?? null, null as CellValue])) });
  // Empty, with their headers (as in the example): the cost shift reads Kostnader, decisions go to Beslut.
  for (const key of ["KOSTNADER", "BESLUT", "ARENDEN"] as const) sheets.push(byName.get(SHEET_SPECS[key].name)!);
  return { sheets };
}

/** A sheet laid out for writing: values from A1, the header row, drop-down lists and text columns. */
export interface SheetLayout {
  readonly name: string;
  readonly rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null>>;
  readonly headerRow: number | null;
  readonly lists: ReadonlyArray<{ readonly column: number; readonly field: string; readonly values: readonly string[] }>;
  readonly textColumns: readonly number[];
  readonly wideColumns: readonly number[];
}

const WIDE_FIELDS = new Set([...BILAGA_FIELDS.filter((f) => "wide" in f && f.wide).map((f) => f.field as string), "comment"]);

/**
 * Lays out a raw workbook for writing (an .xlsx from the CLI, or sheets added in Excel): where
 * each sheet's header is, and which columns get drop-downs and text format. Dates become text
 * `YYYY-MM-DD` and error cells are left empty: the add-in never writes an error.
 */
export function sheetLayouts(raw: RawWorkbook): SheetLayout[] {
  const model = readWorkbook(raw);
  const tables = [...Object.values(model.bilagor), model.principer, model.iso, model.utgava, model.kostnader, model.beslut, model.arenden];
  return raw.sheets.map((sheet) => {
    const table = tables.find((t) => t?.name === sheet.name);
    const rows = sheet.rows.map((r) => r.map((v) => (v === undefined || v === null || isCellError(v) ? null : v instanceof Date ? cellText(v) : v)));
    if (!table) return { name: sheet.name, rows, headerRow: null, lists: [], textColumns: [], wideColumns: [] };
    const lists: Array<SheetLayout["lists"][number]> = [];
    const textColumns: number[] = [];
    const wideColumns: number[] = [];
    for (const [field, ref] of table.columns) {
      const values = FIELD_LISTS[field];
      if (values) lists.push({ column: ref.index, field, values });
      if (TEXT_FIELDS.has(field)) textColumns.push(ref.index);
      if (WIDE_FIELDS.has(field)) wideColumns.push(ref.index);
    }
    return { name: sheet.name, rows, headerRow: table.headerRow, lists, textColumns, wideColumns };
  });
}
