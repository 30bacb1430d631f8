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
