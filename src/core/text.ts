/**
 * Folds text for tolerant matching: lower case, diacritics removed (å ä → a, ö → o, é → e),
 * white space collapsed, trimmed.
 * @example foldText("  Särskilt   BOENDE ") === "sarskilt boende"
 */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Lower-cases only the first letter, for a name inside a sentence: "Dagverksamhet enligt SoL" →
 * "dagverksamhet enligt SoL" (not "sol").
 */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Upper-cases only the first letter, for a name that opens a sentence. */
export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Text from data made safe for a terminal: C0 controls (except tab and newline), DEL, C1 controls,
 * ESC and BEL, and the bidirectional overrides are shown as `\u001b` etc. instead of acting (an
 * ANSI escape in a kommun name cannot erase a warning or retitle the window). In JSON output the
 * same sequences are valid escapes of the same characters, so the data is unchanged.
 */
export function terminalSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, escapeChar);
}

const escapeChar = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/**
 * Text from data made safe for a file others open (CSV, HTML, .xlsx): the same characters as
 * terminalSafe shown as `\u001b` etc., except carriage return, which a multi-line cell may hold.
 * XML 1.0 cannot carry most C0 controls at all, and a bidi override would make "Kommun" read as
 * something else on the page.
 */
export function outputSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, escapeChar);
}

/**
 * Invisible characters (format characters such as zero-width space, soft hyphen, BOM, word
 * joiner, bidi marks): a name or header that differs from the contract only by them is the same.
 */
const INVISIBLE = /[\p{Cf}\u180e]/gu;

/** Text without its invisible format characters (INVISIBLE). */
export const withoutInvisible = (text: string): string => text.replace(INVISIBLE, "");

/**
 * The one header matcher: folds a column header for matching — case, white space, å ä ö é,
 * invisible characters (a BOM, a zero-width space), a trailing colon. Bilaga sheets, cost files
 * and question files all match their headers through it.
 * @example foldHeader("\ufeffÅlder:") === "alder"
 */
export function foldHeader(text: string): string {
  return foldText(withoutInvisible(text)).replace(/\s*:$/, "");
}
