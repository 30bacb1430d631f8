/**
 * Cell values as every edge hands them to the core: ExcelJS (.xlsx), Office.js and tests.
 * Rows are 1-based Excel rows; `rows[i]` is Excel row `firstRow + i`, `rows[i][j]` is column
 * `firstColumn + j`. Dates may arrive as `Date` (ExcelJS) or as serial numbers (Office.js).
 */
export interface CellError {
  /** The Excel error text, e.g. `#N/A`, `#REF!`. */
  readonly error: string;
}

export type CellValue = string | number | boolean | Date | null | undefined | CellError;

export interface RawSheet {
  readonly name: string;
  readonly rows: ReadonlyArray<ReadonlyArray<CellValue>>;
  /** Excel row number of `rows[0]`; 1 when omitted. */
  readonly firstRow?: number;
  /** Excel column number (A = 1) of `rows[i][0]`; 1 when omitted. */
  readonly firstColumn?: number;
  /** The sheet is hidden (or very hidden) in the workbook: read like any other, but said. */
  readonly hidden?: boolean;
}

export interface RawWorkbook {
  readonly sheets: ReadonlyArray<RawSheet>;
  /** The workbook counts dates from 1904 (Excel for Mac's old system): a plain number as a date is read in it. */
  readonly date1904?: boolean;
}

/** True when the value is an Excel error cell. */
export function isCellError(value: CellValue): value is CellError {
  return typeof value === "object" && value !== null && !(value instanceof Date) && "error" in value;
}

/** True for null, undefined and text that is only white space. */
export function isEmptyCell(value: CellValue): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** Column number (1-based) to letters: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let n = column;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Text of a cell for display and messages; dates as YYYY-MM-DD. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if (isCellError(value)) return value.error;
  return String(value);
}
