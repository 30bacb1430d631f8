/**
 * Minimal RFC 4180 CSV: quoted fields with commas, doubled quotes and line breaks. The delimiter
 * is `,`, `;` (Swedish Excel) or tab, detected from the header line.
 */
import { outputSafe } from "./text";

export type Delimiter = "," | ";" | "\t";

export function detectDelimiter(text: string): Delimiter {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = ([",", ";", "\t"] as const).map((d) => [d, firstLine.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/** Parses CSV text into rows of fields. A leading BOM is ignored. */
export function parseCsv(text: string, delimiter: Delimiter = detectDelimiter(text)): string[][] {
  return parseCsvChecked(text, delimiter).rows;
}

/**
 * Parses CSV and reports a quote that is never closed (which would otherwise swallow the rest of
 * the file into one field), with the line it opened on.
 */
export function parseCsvChecked(text: string, delimiter: Delimiter = detectDelimiter(text)): { rows: string[][]; unclosedQuoteLine: number | null } {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let quoteLine = 0;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "\n") line++;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === "") {
      quoted = true;
      quoteLine = line;
    } else if (ch === delimiter) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") {
        i++;
        line++;
      }
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return { rows, unclosedQuoteLine: quoted ? quoteLine : null };
}

/** A plain number as people write it: optional sign, digits (spaces as thousands separators), decimals. */
const PLAIN_NUMBER = /^[+-]?(?:\d+|\d{1,3}(?:[ \u00a0]\d{3})+)(?:[.,]\d+)?$/;

/**
 * Neutralises a cell a spreadsheet would run as a formula (OWASP "CSV Injection"): text that
 * begins with `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`, so Excel and
 * LibreOffice show it as text. Plain numbers ("-1 200", "-12,5") stay numbers; ISO codes begin
 * with a digit and are never touched.
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** Quotes a field when it needs it; control characters are shown escaped (outputSafe) and a field that would start a formula is neutralised first. */
export function csvField(value: string, delimiter: Delimiter = ","): string {
  const safe = neutralizeFormula(outputSafe(value));
  return /["\r\n]/.test(safe) || safe.includes(delimiter) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV line: every field quoted when needed and neutralised against formula injection. */
export function toCsvLine(fields: readonly string[], delimiter: Delimiter = ","): string {
  return fields.map((f) => csvField(f, delimiter)).join(delimiter);
}
