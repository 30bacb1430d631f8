import type { CellValue } from "../cells";
import { readDate } from "../values";

/** A quarter as `2026Q1`. */
export type Quarter = string;

/** Years a cost line can belong to: an export's year 0000 or 0226 is a typing error, not history. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 9999;

const yearOk = (y: string) => Number(y) >= FIRST_YEAR && Number(y) <= LAST_YEAR;

/**
 * A quarter and the date it was read from, if any. Reads `2026Q3`, `2026-Q3`, `2026 K3`, `Q3 2026`,
 * `Kv 3 2026`, `kvartal 3 2026`, `2026 kv 3`, and a date (`2026-07-15`, an Excel date or serial),
 * which gives its own quarter.
 */
export function readQuarter(raw: CellValue): { quarter: Quarter; date: string | null } | null {
  if (raw === null || raw === undefined || typeof raw === "boolean" || (typeof raw === "object" && !(raw instanceof Date))) return null;
  if (raw instanceof Date || typeof raw === "number") {
    const date = readDate(raw);
    return date && yearOk(date.slice(0, 4)) ? { quarter: quarterOfDate(date), date } : null;
  }
  const text = raw.trim();
  const q = /^(\d{4})\s*[-:/ ]?\s*(?:[QK]|kv\.?|kvartal)\s*([1-4])$/i.exec(text) ?? null;
  if (q) return yearOk(q[1]!) ? { quarter: `${q[1]}Q${q[2]}`, date: null } : null;
  const r = /^(?:[QK]|kv\.?|kvartal)\s*([1-4])\s*[-:/ ]?\s*(\d{4})$/i.exec(text);
  if (r) return yearOk(r[2]!) ? { quarter: `${r[2]}Q${r[1]}`, date: null } : null;
  const date = readDate(text.replace(/[T ].*$/, ""));
  return date && yearOk(date.slice(0, 4)) ? { quarter: quarterOfDate(date), date } : null;
}

/** Reads a quarter only (see readQuarter). */
export function parseQuarter(raw: CellValue): Quarter | null {
  return readQuarter(raw)?.quarter ?? null;
}

/** The quarter a date `YYYY-MM-DD` lies in. */
export function quarterOfDate(date: string): Quarter {
  return `${date.slice(0, 4)}Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The first day of a quarter: the date its lines are answered on when they carry no date. */
export function quarterStart(q: Quarter): string {
  const month = (Number(q.slice(5)) - 1) * 3 + 1;
  return `${q.slice(0, 4)}-${String(month).padStart(2, "0")}-01`;
}
