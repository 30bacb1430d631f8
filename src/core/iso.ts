import { cellText, isCellError, type CellValue } from "./cells";

export type IsoLevel = "class" | "subclass" | "division";

/** A valid ISO 9999 code in normal form: `NN`, `NN NN` or `NN NN NN`. */
export interface IsoCode {
  readonly code: string;
  readonly level: IsoLevel;
}

export type IsoParseResult =
  | { readonly ok: true; readonly code: string; readonly level: IsoLevel; readonly leadingZeroLost: boolean }
  | { readonly ok: false; readonly reason: "empty" | "format"; readonly text: string };

const LEVELS: Record<number, IsoLevel> = { 2: "class", 4: "subclass", 6: "division" };
const TOLERANT = /^\d{2}(?:[ .\-]?\d{2}){0,2}$/;

/** Swedish names of the levels, for messages. */
export const LEVEL_NAMES_SV: Record<IsoLevel, string> = {
  class: "klass",
  subclass: "underklass",
  division: "produktgrupp",
};

function fromDigits(digits: string, leadingZeroLost: boolean): IsoParseResult {
  const level = LEVELS[digits.length];
  if (!level) return { ok: false, reason: "format", text: digits };
  const code =
    level === "class" ? digits : level === "subclass" ? `${digits.slice(0, 2)} ${digits.slice(2)}` : `${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4)}`;
  return { ok: true, code, level, leadingZeroLost };
}

/**
 * Parses an ISO 9999 code in any tolerated form (`12 22 03`, `122203`, `12.22.03`, `12-22-03`,
 * `12 2203`). A number (a cell that lost its leading zero) is left-padded to even length and
 * flagged `leadingZeroLost`.
 * @example parseIsoCode("122203") // { ok: true, code: "12 22 03", level: "division", … }
 * @example parseIsoCode(93312)    // { ok: true, code: "09 33 12", leadingZeroLost: true, … }
 */
export function parseIsoCode(raw: CellValue): IsoParseResult {
  if (raw === null || raw === undefined) return { ok: false, reason: "empty", text: "" };
  if (typeof raw === "number") {
    if (Number.isInteger(raw) && raw >= 0 && raw < 1e6) {
      const digits = String(raw);
      const padded = digits.length % 2 === 1 ? "0" + digits : digits;
      return fromDigits(padded, padded !== digits);
    }
    // 12.22 typed into a cell arrives as a number; read it as the text the user saw.
    return parseIsoText(String(raw));
  }
  if (typeof raw === "string") return parseIsoText(raw);
  if (isCellError(raw)) return { ok: false, reason: "format", text: raw.error };
  // cellText: an invalid Date (new Date(NaN)) has no ISO string and must not throw.
  return { ok: false, reason: "format", text: cellText(raw) };
}

/** True for text already in normal form (the common case, checked without regular expressions). */
function isNormalForm(text: string): boolean {
  const n = text.length;
  if (n !== 2 && n !== 5 && n !== 8) return false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (i % 3 === 2 ? c !== 32 : c < 48 || c > 57) return false;
  }
  return true;
}

function parseIsoText(text: string): IsoParseResult {
  if (isNormalForm(text)) return { ok: true, code: text, level: text.length === 2 ? "class" : text.length === 5 ? "subclass" : "division", leadingZeroLost: false };
  const trimmed = text.replace(/\u00a0/g, " ").trim();
  if (trimmed === "") return { ok: false, reason: "empty", text: "" };
  // Digits alone, an odd number of them: a code that lost its leading zero on the way (Excel
  // turned 09 33 12 into 93312, which was then copied as text). Read as the number would be.
  if (/^\d{1,5}$/.test(trimmed) && trimmed.length % 2 === 1) return fromDigits("0" + trimmed, true);
  if (!TOLERANT.test(trimmed)) return { ok: false, reason: "format", text: trimmed.slice(0, 100) };
  return fromDigits(trimmed.replace(/[ .\-]/g, ""), false);
}

/** The normal form of a code the caller knows to be valid, or null. */
export function normalizeIso(raw: CellValue): string | null {
  const parsed = parseIsoCode(raw);
  return parsed.ok ? parsed.code : null;
}

/**
 * The code and its ancestors, most specific first.
 * @example isoChain("12 22 03") // ["12 22 03", "12 22", "12"]
 */
export function isoChain(code: string): string[] {
  const chain = [code];
  for (let end = code.length - 3; end >= 2; end -= 3) chain.push(code.slice(0, end));
  return chain;
}

/** The parent code, or null for a class. */
export function isoParent(code: string): string | null {
  return code.length > 2 ? code.slice(0, code.length - 3) : null;
}

/** True when `code` equals `ancestor` or lies in its subtree. */
export function liesUnder(code: string, ancestor: string): boolean {
  return code === ancestor || code.startsWith(ancestor + " ");
}

/** Level of a code in normal form. */
export function isoLevel(code: string): IsoLevel {
  return LEVELS[code.replace(/ /g, "").length] ?? "division";
}

/** Local Swedish extension codes end in 90 (e.g. `22 21 90`). */
export function isLocalExtension(code: string): boolean {
  return code.length > 2 && code.endsWith("90");
}
