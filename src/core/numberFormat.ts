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

/** An Excel serial date (1900 date system) as a `Date` at UTC midnight plus the fraction, as ExcelJS converts it. */
export function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - EXCEL_UNIX_EPOCH_DAYS) * DAY_MS));
}
