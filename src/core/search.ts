import { isoChain, isoLevel, parseIsoCode } from "./iso";
import type { WorkbookModel } from "./model";
import { PRINCIPLE_INFO, isRegionPrinciple, type PrincipleKey } from "./principles";
import { principlesInForce } from "./principlesInForce";
import { BILAGA_KEYS } from "./sheets";
import { foldText } from "./text";
import { statusCounts, valueOf } from "./values";

/*
 * Search by code or words over the lists: one derivation for the guide and the pane's Fråga. Each
 * hit says what answers for its code (its own row, the row above that covers it, a principle of
 * the agreement, or nothing), so that no hit calls a covered code missing. Words match the
 * Benämning and the optional Sökord column (ISO 9999 sheet and bilaga 1–2, `;`-separated).
 */

/** What answers for a code, as far as the lists tell without a housing form. */
export type Coverage =
  | { readonly kind: "own"; readonly sheets: readonly string[] }
  | { readonly kind: "above"; readonly code: string; readonly sheets: readonly string[] }
  | { readonly kind: "principle"; readonly code: string; readonly principle: PrincipleKey }
  | { readonly kind: "below"; readonly sheets: readonly string[] }
  | { readonly kind: "none" };

export interface SearchEntry {
  readonly code: string;
  readonly title: string;
  /** Title and Sökord, folded (foldText), for word search. */
  readonly folded: string;
  readonly digits: string;
  readonly coverage: Coverage;
}

export interface SearchHit {
  readonly entry: SearchEntry;
  /** True when the typed code lies under this entry's code (the entry's row answers for it). */
  readonly covers: boolean;
}

/** A Sökord cell's words: separated by `;`, trimmed, empty ones dropped. */
export function sokordWords(text: string | undefined | null): string[] {
  return (text ?? "")
    .split(";")
    .map((w) => w.trim())
    .filter((w) => w !== "");
}

const joinSheets = (sheets: readonly string[]): string => (sheets.length <= 1 ? (sheets[0] ?? "") : `${sheets.slice(0, -1).join(", ")} och ${sheets[sheets.length - 1]}`);

/** The search list of a workbook's rows in force (and the ISO 9999 sheet's codes), by code. */
export function searchEntries(model: WorkbookModel): SearchEntry[] {
  // Codes with a counting row, and the sheets they are in.
  const sheetsOf = new Map<string, string[]>();
  const titled: Array<{ code: string; title: string; words: string[]; sheets: string[] }> = [];
  const byKey = new Map<string, (typeof titled)[number]>();
  for (const key of BILAGA_KEYS) {
    const table = model.bilagor[key];
    if (!table) continue;
    for (const r of table.rows) {
      const code = valueOf(r.iso)?.code;
      if (!code || !statusCounts(r.status)) continue;
      const sheets = sheetsOf.get(code) ?? [];
      if (!sheets.includes(table.name)) sheets.push(table.name);
      sheetsOf.set(code, sheets);
      const title = r.title ?? r.product ?? "";
      const k = `${code}\u0000${title}`;
      const words = sokordWords(r.sokord);
      const known = byKey.get(k);
      if (known) {
        for (const w of words) known.words.push(w);
        if (!known.sheets.includes(table.name)) known.sheets.push(table.name);
        continue;
      }
      const item = { code, title, words, sheets: [table.name] };
      byKey.set(k, item);
      titled.push(item);
    }
  }
  // The ISO 9999 sheet: codes the bilagor do not name, and Sökord for every code.
  const isoWords = new Map<string, string[]>();
  for (const r of model.iso?.rows ?? []) {
    const code = valueOf(r.iso)?.code;
    if (!code) continue;
    const words = sokordWords(r.sokord);
    if (words.length > 0) isoWords.set(code, [...(isoWords.get(code) ?? []), ...words]);
    if (sheetsOf.has(code) || byKey.has(`${code}\u0000`)) continue;
    const item = { code, title: r.title ?? "", words: [], sheets: [] };
    byKey.set(`${code}\u0000`, item);
    titled.push(item);
  }
  const regionPrinciples = new Map<string, PrincipleKey>();
  for (const p of principlesInForce(model).entries) if (isRegionPrinciple(p.key) && !regionPrinciples.has(p.code)) regionPrinciples.set(p.code, p.key);
  const listed = [...sheetsOf.keys()];
  const coverage = (code: string, own: readonly string[]): Coverage => {
    if (own.length > 0) return { kind: "own", sheets: own };
    for (const c of isoChain(code)) {
      const principle = regionPrinciples.get(c);
      if (principle) return { kind: "principle", code: c, principle };
    }
    for (const c of isoChain(code).slice(1)) {
      const sheets = sheetsOf.get(c);
      if (sheets) return { kind: "above", code: c, sheets };
    }
    const under = `${code} `;
    const below = new Set<string>();
    for (const c of listed) if (c.startsWith(under)) for (const s of sheetsOf.get(c)!) below.add(s);
    return below.size > 0 ? { kind: "below", sheets: [...below] } : { kind: "none" };
  };
  return titled
    .map(({ code, title, words, sheets }) => {
      const all = [...words, ...(isoWords.get(code) ?? [])];
      return { code, title, folded: foldText([title, ...all].join(" ")), digits: code.replace(/ /g, ""), coverage: coverage(code, sheets) };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** Entries matching what is typed: a code in any form (and the rows above it that cover it), or words of the Benämning or Sökord. */
export function searchLists(entries: readonly SearchEntry[], text: string): SearchHit[] {
  const trimmed = text.trim();
  if (trimmed === "") return [];
  if (/^[\d\s.\-]+$/.test(trimmed)) {
    const digits = trimmed.replace(/[^\d]/g, "");
    const prefixes = [digits];
    // A code that lost its leading zero (42203 for 04 22 03).
    if (digits.length % 2 === 1) prefixes.push("0" + digits);
    const covering = new Set<string>();
    for (const candidate of prefixes) {
      const parsed = parseIsoCode(candidate.replace(/(\d{2})(?=\d)/g, "$1 "));
      if (parsed.ok) for (const c of isoChain(parsed.code)) if (c !== parsed.code) covering.add(c);
    }
    const out: SearchHit[] = [];
    for (const entry of entries) {
      if (covering.has(entry.code)) out.push({ entry, covers: true });
      else if (prefixes.some((p) => entry.digits.startsWith(p))) out.push({ entry, covers: false });
    }
    return out;
  }
  const words = foldText(trimmed).split(" ").filter((w) => w.length > 0);
  return entries.filter((e) => words.every((w) => e.folded.includes(w))).map((entry) => ({ entry, covers: false }));
}

/** What a hit's line says under its code and title, in the reader's words. */
export function hitNoteSv(hit: SearchHit): string {
  const { entry, covers } = hit;
  const c = entry.coverage;
  switch (c.kind) {
    case "own": {
      const notes = [`Står i ${joinSheets(c.sheets)}`];
      if (covers) notes.push("gäller också koden du skrev");
      else if (isoLevel(entry.code) !== "division") notes.push("gäller också koderna under");
      return `${notes.join(", ")}.`;
    }
    case "above":
      return `Omfattas av ${c.code} i ${joinSheets(c.sheets)}.`;
    case "principle":
      return `Region Stockholm betalar ${PRINCIPLE_INFO[c.principle].areaSv} i alla åldrar (${PRINCIPLE_INFO[c.principle].section}).`;
    case "below":
      return `Koder under den står i ${joinSheets(c.sheets)}: välj den precisa koden.`;
    case "none":
      return "Står inte i bilagorna. Fråga om koden för att se vad som gäller.";
  }
}
