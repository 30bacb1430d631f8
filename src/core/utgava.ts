import { cellText, isCellError, isEmptyCell, type CellValue } from "./cells";
import type { UtgavaRow, WorkbookModel } from "./model";
import { foldText } from "./text";
import { readAmount, readDate } from "./values";

export type Tolerance = { readonly kind: "sek"; readonly value: number } | { readonly kind: "percent"; readonly value: number };

/** The `Utgåva` sheet read into typed fields. Unreadable values are listed in `invalid`. */
export interface EditionInfo {
  readonly name: string | null;
  readonly beslutad: string | null;
  readonly giltigFran: string | null;
  /** Beslutad and Giltig från as written: the date when it reads, else the cell's text (for a publish request to judge). */
  readonly written: { readonly beslutad: string | null; readonly giltigFran: string | null };
  readonly isoUtgava: string | null;
  readonly foregaende: string | null;
  readonly tolerance: Tolerance | null;
  /** The tolerance as written, e.g. `1 %`. */
  readonly toleranceText: string | null;
  /** The Utgåva sheet's row the tolerance is read from (a finding about it points there), null without one. */
  readonly toleranceRow: number | null;
  /** Optional, for published pages: who publishes, a contact line, a link to the agreement's text. */
  readonly utgivare: string | null;
  readonly kontakt: string | null;
  readonly overenskommelse: string | null;
  readonly invalid: ReadonlyArray<{ readonly row: number; readonly field: string; readonly raw: CellValue; readonly expected: string }>;
}

/** The Utgåva sheet's field labels (column Fält; docs/arbetsbok.md): read here, written by the example and the edition files. */
export const UTGAVA_FIELDS = {
  name: "Utgåva",
  beslutad: "Beslutad",
  giltigFran: "Giltig från",
  isoUtgava: "ISO-utgåva",
  foregaende: "Föregående utgåva",
  tolerance: "Tolerans kostnadsneutralitet",
  utgivare: "Utgivare",
  kontakt: "Kontakt",
  overenskommelse: "Överenskommelse",
} as const;

/** Reads a tolerance: an amount in SEK (`500 000`, `500000 kr`) or a percent (`1 %`, `0,5%`). */
export function parseTolerance(raw: CellValue): Tolerance | null {
  if (isEmptyCell(raw) || isCellError(raw)) return null;
  if (typeof raw === "string") {
    const m = /^(\d+(?:[.,]\d+)?)\s*%$/.exec(raw.trim());
    if (m) return { kind: "percent", value: Number(m[1]!.replace(",", ".")) };
  }
  const amount = readAmount(raw as Exclude<CellValue, null | undefined>);
  return amount !== null && amount >= 0 ? { kind: "sek", value: amount } : null;
}

/** The edition fields of a workbook's `Utgåva` sheet (all null when it has none). */
export function readEditionInfo(model: WorkbookModel): EditionInfo {
  const byField = new Map<string, UtgavaRow>();
  for (const row of model.utgava?.rows ?? []) {
    if (row.field && !byField.has(foldText(row.field))) byField.set(foldText(row.field), row);
  }
  const invalid: Array<EditionInfo["invalid"][number]> = [];
  const get = (label: string) => byField.get(foldText(label));
  const text = (label: string) => {
    const row = get(label);
    return row && !isEmptyCell(row.value) && !isCellError(row.value) ? cellText(row.value).trim() : null;
  };
  const date = (label: string) => {
    const row = get(label);
    if (!row || isEmptyCell(row.value) || isCellError(row.value)) return null;
    const value = readDate(row.value as Exclude<CellValue, null | undefined>, model.date1904 === true);
    if (value === null) invalid.push({ row: row.row, field: label, raw: row.value, expected: "ett datum ÅÅÅÅ-MM-DD" });
    return value;
  };
  const toleranceRow = get(UTGAVA_FIELDS.tolerance);
  const tolerance = toleranceRow ? parseTolerance(toleranceRow.value) : null;
  if (toleranceRow && tolerance === null && !isEmptyCell(toleranceRow.value) && !isCellError(toleranceRow.value)) {
    invalid.push({ row: toleranceRow.row, field: UTGAVA_FIELDS.tolerance, raw: toleranceRow.value, expected: "ett belopp i kronor eller en procentsats, t.ex. 500 000 eller 1 %" });
  }
  const beslutad = date(UTGAVA_FIELDS.beslutad);
  const giltigFran = date(UTGAVA_FIELDS.giltigFran);
  return {
    name: text(UTGAVA_FIELDS.name),
    beslutad,
    giltigFran,
    written: { beslutad: beslutad ?? text(UTGAVA_FIELDS.beslutad), giltigFran: giltigFran ?? text(UTGAVA_FIELDS.giltigFran) },
    isoUtgava: text(UTGAVA_FIELDS.isoUtgava),
    foregaende: text(UTGAVA_FIELDS.foregaende),
    tolerance,
    toleranceText: text(UTGAVA_FIELDS.tolerance),
    toleranceRow: toleranceRow?.row ?? null,
    utgivare: text(UTGAVA_FIELDS.utgivare),
    kontakt: text(UTGAVA_FIELDS.kontakt),
    overenskommelse: text(UTGAVA_FIELDS.overenskommelse),
    invalid,
  };
}
