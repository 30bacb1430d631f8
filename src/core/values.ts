import { isCellError, isEmptyCell, type CellValue } from "./cells";
import { foldText } from "./text";
import { DAYS_1904, serialToDate } from "./numberFormat";

/**
 * A cell read into a typed value. `empty` is a blank cell, `invalid` a value that cannot be
 * read, `error` an Excel error such as `#N/A`.
 */
export type Parsed<T> =
  | { readonly state: "empty" }
  | { readonly state: "ok"; readonly value: T }
  | { readonly state: "invalid"; readonly raw: CellValue }
  | { readonly state: "error"; readonly error: string };

export const EMPTY: Parsed<never> = { state: "empty" };

/** The value, or null when the cell is empty, invalid or an error. */
export function valueOf<T>(parsed: Parsed<T>): T | null {
  return parsed.state === "ok" ? parsed.value : null;
}

/** Runs `read` on a non-empty, non-error cell; maps null to `invalid`. */
export function parseCell<T>(raw: CellValue, read: (raw: Exclude<CellValue, null | undefined>) => T | null): Parsed<T> {
  if (isEmptyCell(raw)) return EMPTY;
  if (isCellError(raw)) return { state: "error", error: raw.error };
  const value = read(raw as Exclude<CellValue, null | undefined>);
  return value === null ? { state: "invalid", raw } : { state: "ok", value };
}

/** The yes/no words every surface reads (a cell, a function argument, the guide's link): Swedish Excel shows TRUE as SANT. */
const YES = new Set(["ja", "j", "x", "true", "sant", "yes", "1"]);
const NO = new Set(["nej", "n", "false", "falskt", "no", "0"]);

/** ja/nej: `Ja`, `J`, `X`, `true`, `1` / `Nej`, `N`, `false`, `0` (empty is handled as no by callers). */
export function readYesNo(raw: Exclude<CellValue, null | undefined>): boolean | null {
  if (typeof raw === "boolean") return raw;
  if (typeof raw === "number") return raw === 1 ? true : raw === 0 ? false : null;
  if (typeof raw !== "string") return null;
  const folded = foldText(raw);
  return YES.has(folded) ? true : NO.has(folded) ? false : null;
}


/**
 * An ISO date `YYYY-MM-DD` from a Date, an Excel serial number (in the workbook's date system:
 * `date1904` for a workbook that counts from 1904) or text `YYYY-MM-DD`. The one date reader of
 * cells: the same calendar day under any time zone.
 */
export function readDate(raw: Exclude<CellValue, null | undefined>, date1904 = false): string | null {
  if (raw instanceof Date) {
    // Years beyond 0001–9999 have no YYYY-MM-DD ("+010000-01-01").
    const year = raw.getUTCFullYear();
    return isNaN(year) || year < 1 || year > 9999 ? null : raw.toISOString().slice(0, 10);
  }
  if (typeof raw === "number") {
    // Excel serials for 1900-03-01 … 9999-12-31; anything else is not a date.
    const serial = date1904 ? raw + DAYS_1904 : raw;
    if (!Number.isFinite(serial) || serial < 61 || serial > 2_958_465) return null;
    return serialToDate(Math.floor(serial)).toISOString().slice(0, 10);
  }
  if (typeof raw === "string") return parseIsoDate(raw.trim());
  return null;
}

/**
 * The one Swedish message for a value that is not a date (a cell, a flag, a field of a form): what
 * it is, the text as written (cut at 30 characters) and how to write a date.
 * @example notADateSv("--datum", "2026-13-01") === "--datum ”2026-13-01” är inget datum. Ange ÅÅÅÅ-MM-DD."
 */
export function notADateSv(what: string, text: string): string {
  return `${what ? `${what} ` : ""}”${text.slice(0, 30)}” är inget datum. Ange ÅÅÅÅ-MM-DD.`;
}

/** The earliest year a report, a baseline or an edition can speak of. */
export const MIN_YEAR = 1900;

/** A year as written (`2026`): four digits from MIN_YEAR on, or null. The one year reader. */
export function readYearText(text: string): number | null {
  const t = text.trim();
  if (!/^\d{4}$/.test(t)) return null;
  const year = Number(t);
  return year >= MIN_YEAR ? year : null;
}

/**
 * The one Swedish message for a value that is not a year (a flag, a field of a form).
 * @example notAYearSv("--år", "26", 2026) === "--år ”26” är inget år. Ange ett år från 1900, t.ex. 2026."
 */
export function notAYearSv(what: string, text: string, example: number): string {
  return `${what ? `${what} ` : ""}”${text.trim().slice(0, 30)}” är inget år. Ange ett år från ${MIN_YEAR}, t.ex. ${example}.`;
}

/** Validates text `YYYY-MM-DD` as a real calendar date. */
export function parseIsoDate(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return text;
}

/** Today's date as `YYYY-MM-DD` (local calendar day). */
export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, "0");
  const d = String(now.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

export const STATUSES = ["Gällande", "Förslag", "Kräver huvudmannabeslut", "Beslutad", "Utgår"] as const;
export type Status = (typeof STATUSES)[number];
const STATUS_LOOKUP = new Map(STATUSES.map((s) => [foldText(s), s] as const));

/** Status text in any case and with or without diacritics. */
export function readStatus(raw: Exclude<CellValue, null | undefined>): Status | null {
  return typeof raw === "string" ? STATUS_LOOKUP.get(foldText(raw)) ?? null : null;
}

/** Statuses whose rows answer WHO_PAYS (empty counts as Gällande). */
export function statusCounts(status: Parsed<Status>): boolean {
  return status.state === "empty" || (status.state === "ok" && statusValueCounts(status.value));
}

/** The same for a Status value already read (null: empty). */
export function statusValueCounts(status: Status | string | null): boolean {
  return status === null || status === "Gällande" || status === "Beslutad";
}

/** Plain text of a cell, trimmed; numbers as written. */
export function readText(raw: Exclude<CellValue, null | undefined>): string | null {
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
  if (isCellError(raw)) return null;
  const text = String(raw).trim();
  return text === "" ? null : text;
}

/**
 * The largest amount read, in SEK (a thousand billion): beyond it an amount is a typing or export
 * error, and sums of many lines would no longer be exact to the öre.
 */
export const MAX_AMOUNT_SEK = 1e12;

/**
 * An amount in SEK from a number or text such as `-1 250 000`, `1 250 000 kr`, `12,5`; thousands
 * may be grouped with a space, a no-break space or a narrow no-break space. Returns null for text
 * that is not a plain amount (free-text calculations stay text), and for amounts that are not
 * finite or beyond ±MAX_AMOUNT_SEK.
 */
export function readAmount(raw: Exclude<CellValue, null | undefined>): number | null {
  if (typeof raw === "number") return Number.isFinite(raw) && Math.abs(raw) <= MAX_AMOUNT_SEK ? raw : null;
  if (typeof raw !== "string") return null;
  return readAmountText(raw)?.value ?? null;
}

/** readAmount of a text, with the digits written after its decimal sign ("" when it has none). */
export function readAmountText(raw: string): { readonly value: number; readonly fraction: string } | null {
  // Grouped thousands take a decimal comma; a plain number also a decimal point (as a number cell's text).
  const m = /^([-−+]?)\s*(?:(\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+)(?:,(\d+))?|(\d+)(?:[.,](\d+))?)\s*(?:kr|sek)?$/i.exec(raw.trim());
  if (!m) return null;
  const whole = (m[2] ?? m[4]!).replace(/[ \u00a0\u202f\u2009]/g, "");
  const fraction = m[3] ?? m[5] ?? "";
  const value = Number(whole + (fraction ? "." + fraction : ""));
  if (!Number.isFinite(value) || value > MAX_AMOUNT_SEK) return null;
  return { value: m[1] === "-" || m[1] === "−" ? -value : value, fraction };
}

/**
 * Adds calendar months to an ISO date, clamping to the month's last day.
 * @example addMonths("2026-11-30", 3) === "2027-02-28"
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${String(year).padStart(4, "0")}-${String(month + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
