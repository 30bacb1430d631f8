/**
 * Number formats: what tells a date from a number. Excel stores a date as a serial number and
 * only its number format says "date"; both readers (ExcelJS for the CLI, Office.js in the pane)
 * hand such a cell to the core as a `Date`, so the same cell gives the same finding everywhere.
 */

/**
 * True when an Excel number format code (as `Range.numberFormat` returns it, in Excel's
 * invariant English codes, not `numberFormatLocal`) shows a number as a date or time. The rule is
 * ExcelJS's, so the CLI and the pane agree: drop `[…]` sections and quoted text, then look for a
 * date or time letter (y m d h s, and b for Buddhist years).
 * @example isDateFormat("yyyy-mm-dd") // true
 * @example isDateFormat("#,##0 \"kr\"") // false
 */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== "string" || format === "") return false;
  const bare = format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(bare);
}

const EXCEL_UNIX_EPOCH_DAYS = 25569;
const DAY_MS = 86_400_000;
/** Days from the 1900 system's serial 0 to the 1904 system's (1904-01-01 is 0 there, 1462 in 1900). */
export const DAYS_1904 = 1462;

/**
 * An Excel serial date as a `Date` at UTC midnight plus the fraction, as ExcelJS converts it: in the
 * 1900 date system, or the 1904 one (`date1904`, a workbook saved so). The one serial reader: the
 * .xlsx reader, the pane's adapter and readDate all convert through it.
 */
export function serialToDate(serial: number, date1904 = false): Date {
  return new Date(Math.round((serial - EXCEL_UNIX_EPOCH_DAYS + (date1904 ? DAYS_1904 : 0)) * DAY_MS));
}
