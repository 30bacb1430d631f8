import { BOENDEFORM_INFO, parseBoendeform, type Boendeform } from "./boendeform";
import { cellText } from "./cells";
import { isoChain, parseIsoCode } from "./iso";
import type { MatterRow, WorkbookModel } from "./model";
import { BILAGA_KEYS, SHEET_SPECS } from "./sheets";
import { foldText } from "./text";
import { valueOf } from "./values";

/*
 * The group's register of matters (the optional `Ärenden` sheet, §6.3): a question, a proposal or
 * a reported deviation has a place from the day it comes in until an edition answers it. Read
 * once here; the checks (validation/rules/matters.ts), the CLI and the pane use this reading.
 */

export const MATTER_TYPES = ["Ändringsförslag", "Tolkningsfråga", "Avvikelse", "Ny produktgrupp"] as const;
export type MatterType = (typeof MATTER_TYPES)[number];

/** The statuses in their order (docs/arbetsbok.md, "Ärenden"). */
export const MATTER_STATUSES = ["Inkommen", "Bereds", "Beslutad i samverkansgruppen", "Lyft till huvudmännen", "Beslutad av huvudmännen", "Avslutad"] as const;
export type MatterStatus = (typeof MATTER_STATUSES)[number];

/**
 * The steps a matter may take from each status: preparation first; the group decides or lifts the
 * matter to the huvudmän, who decide; then it is closed. A matter may be closed from any status
 * but one lifted to the huvudmän, which waits for their decision.
 */
export const MATTER_NEXT: Record<MatterStatus, readonly MatterStatus[]> = {
  Inkommen: ["Bereds", "Avslutad"],
  Bereds: ["Beslutad i samverkansgruppen", "Lyft till huvudmännen", "Avslutad"],
  "Beslutad i samverkansgruppen": ["Lyft till huvudmännen", "Avslutad"],
  "Lyft till huvudmännen": ["Beslutad av huvudmännen"],
  "Beslutad av huvudmännen": ["Avslutad"],
  Avslutad: [],
};

/** How long a matter may stay open before the review mentions it (one quarter's meeting cycle). */
export const MATTER_OPEN_DAYS = 90;

const rank = (s: MatterStatus): number => MATTER_STATUSES.indexOf(s);

/** Whether `to` can follow `from` by the steps of MATTER_NEXT (or is the same status). */
export function statusReachable(from: MatterStatus, to: MatterStatus): boolean {
  const seen = new Set<MatterStatus>([from]);
  const queue: MatterStatus[] = [from];
  while (queue.length > 0) {
    const s = queue.shift()!;
    if (s === to) return true;
    for (const n of MATTER_NEXT[s]) {
      if (seen.has(n)) continue;
      seen.add(n);
      queue.push(n);
    }
  }
  return false;
}

function readChoice<T extends string>(text: string | null, choices: readonly T[]): T | null | "invalid" {
  if (text === null || text.trim() === "") return null;
  const folded = foldText(text);
  return choices.find((c) => foldText(c) === folded) ?? "invalid";
}

/** One matter as read, with what could not be read named per field. */
export interface Matter {
  readonly sheet: string;
  readonly row: number;
  readonly id: string | null;
  readonly inkom: string | null;
  readonly from: string | null;
  readonly type: MatterType | null;
  readonly codes: readonly string[];
  readonly forms: readonly Boendeform[];
  readonly description: string | null;
  readonly status: MatterStatus | null;
  readonly decision: string | null;
  readonly edition: string | null;
  readonly closed: string | null;
  /** Fields whose text cannot be read (the review reports each with its cell). */
  readonly unreadable: ReadonlyArray<{ readonly field: "inkom" | "typ" | "iso" | "boendeform" | "status" | "avslutad"; readonly text: string }>;
}

/** A cell's text for a message (a Parsed date keeps its raw text). */
const rawText = (p: MatterRow["inkom"]): string => (p.state === "ok" ? p.value : p.state === "invalid" ? cellText(p.raw) : p.state === "error" ? p.error : "");

/** The matters of a workbook's `Ärenden` sheet, in row order (empty without one). */
export function readMatters(model: WorkbookModel): Matter[] {
  const table = model.arenden;
  if (!table) return [];
  return table.rows.map((r) => {
    const unreadable: Array<Matter["unreadable"][number]> = [];
    const type = readChoice(r.typ, MATTER_TYPES);
    if (type === "invalid") unreadable.push({ field: "typ", text: r.typ! });
    const status = readChoice(r.status, MATTER_STATUSES);
    if (status === "invalid") unreadable.push({ field: "status", text: r.status! });
    if (r.inkom.state === "invalid" || r.inkom.state === "error") unreadable.push({ field: "inkom", text: rawText(r.inkom) });
    if (r.avslutad.state === "invalid" || r.avslutad.state === "error") unreadable.push({ field: "avslutad", text: rawText(r.avslutad) });
    const codes: string[] = [];
    for (const part of (r.iso ?? "").split(";").map((p) => p.trim()).filter((p) => p !== "")) {
      const parsed = parseIsoCode(part);
      if (parsed.ok) codes.push(parsed.code);
      else unreadable.push({ field: "iso", text: part });
    }
    const forms: Boendeform[] = [];
    for (const part of (r.boendeform ?? "").split(";").map((p) => p.trim()).filter((p) => p !== "")) {
      const parsed = parseBoendeform(part);
      if (parsed.kind === "inScope") forms.push(parsed.key);
      else unreadable.push({ field: "boendeform", text: part });
    }
    return {
      sheet: table.name,
      row: r.row,
      id: r.arende?.trim() || null,
      inkom: valueOf(r.inkom),
      from: r.fran,
      type: type === "invalid" ? null : type,
      codes,
      forms,
      description: r.beskrivning,
      status: status === "invalid" ? null : status,
      decision: r.beslut?.trim() || null,
      edition: r.utgava?.trim() || null,
      closed: valueOf(r.avslutad),
      unreadable,
    };
  });
}

/** Open: not Avslutad (a matter without a readable status counts as open). */
export const isOpen = (m: Matter): boolean => m.status !== "Avslutad";

/** Whole days from one ISO date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * What the row's own fields say about the steps the matter has taken, against its status: a
 * decision reference means the huvudmän decided, an edition that a decision came before it, a
 * closing date that it is closed. A status earlier than that evidence goes back; a status that
 * bypasses a step the evidence requires skips it. Null when the row agrees with its status.
 */
export function statusContradiction(m: Matter): { readonly kind: "back" | "skip"; readonly evidence: "beslut" | "utgava" | "avslutad"; readonly needs: MatterStatus } | null {
  if (m.status === null) return null;
  const at = rank(m.status);
  if (m.closed !== null && m.status !== "Avslutad") return { kind: "back", evidence: "avslutad", needs: "Avslutad" };
  if (m.decision !== null && at < rank("Beslutad av huvudmännen") && m.status !== "Beslutad i samverkansgruppen") return { kind: "back", evidence: "beslut", needs: "Beslutad av huvudmännen" };
  if (m.edition !== null && at < rank("Beslutad i samverkansgruppen")) return { kind: "skip", evidence: "utgava", needs: "Beslutad i samverkansgruppen" };
  if (m.status === "Avslutad" && m.closed === null) return { kind: "skip", evidence: "avslutad", needs: "Avslutad" };
  return null;
}

/** Whether a matter names a code: the code itself or one above it. */
export function matterNames(m: Matter, code: string): boolean {
  const chain = isoChain(code);
  return m.codes.some((c) => chain.includes(c));
}

/** Counts by status and by type, in the documented order; unreadable ones under "(okänd)". */
export function matterCounts(matters: readonly Matter[]): { byStatus: Record<string, number>; byType: Record<string, number> } {
  const byStatus: Record<string, number> = {};
  const byType: Record<string, number> = {};
  for (const s of MATTER_STATUSES) byStatus[s] = 0;
  for (const t of MATTER_TYPES) byType[t] = 0;
  for (const m of matters) {
    const s = m.status ?? "(okänd)";
    const t = m.type ?? "(okänd)";
    byStatus[s] = (byStatus[s] ?? 0) + 1;
    byType[t] = (byType[t] ?? 0) + 1;
  }
  return { byStatus, byType };
}

/** The next free id of the year's form `ÅÅÅÅ-NN` (2026-01, 2026-02 …), after every id the register has. */
export function nextMatterId(matters: readonly Matter[], year: number): string {
  let max = 0;
  for (const m of matters) {
    const n = m.id ? new RegExp(`^${year}-(\\d+)$`).exec(m.id) : null;
    if (n) max = Math.max(max, Number(n[1]));
  }
  return `${year}-${String(max + 1).padStart(2, "0")}`;
}

/**
 * A new Ärenden row for something the review found that needs the huvudmän's decision (the pane
 * writes it on the user's click): in the sheet's header order, status Inkommen, dated today.
 */
export function matterRowFor(item: { readonly iso: string | null; readonly title: string; readonly reasons: readonly string[]; readonly forms: readonly Boendeform[]; readonly sheet: string; readonly row: number | null }, matters: readonly Matter[], today: string): string[] {
  const newGroup = item.reasons.some((r) => r.startsWith("NEW_GROUP"));
  const where = item.row === null ? item.sheet : `${item.sheet} rad ${item.row}`;
  const values: Record<string, string> = {
    arende: nextMatterId(matters, Number(today.slice(0, 4))),
    inkom: today,
    fran: "Samverkansgruppen (granskningen)",
    arendeTyp: newGroup ? "Ny produktgrupp" : "Ändringsförslag",
    iso: item.iso ?? "",
    boendeform: item.forms.map((f) => BOENDEFORM_INFO[f].shortSv).join("; "),
    beskrivning: `${where}${item.title ? ` (${item.title})` : ""} kräver huvudmännens beslut: ${item.reasons.join("; ")}.`,
    arendeStatus: "Inkommen",
  };
  return SHEET_SPECS.ARENDEN.columns.map((c) => values[c.field] ?? "");
}

/** The headers of the Ärenden sheet, in order. */
export const MATTER_HEADERS: readonly string[] = SHEET_SPECS.ARENDEN.columns.map((c) => c.header);

/** What an open matter touches in the lists: the bilaga rows of its codes (the code or one above it), and their findings' codes. */
export function matterTouches(model: WorkbookModel, findings: readonly { readonly sheet: string; readonly row: number | null; readonly code: string }[], m: Matter): Array<{ readonly sheet: string; readonly row: number; readonly iso: string; readonly isoColumn: number | null; readonly findings: readonly string[] }> {
  const out: Array<{ sheet: string; row: number; iso: string; isoColumn: number | null; findings: string[] }> = [];
  for (const key of BILAGA_KEYS) {
    const table = model.bilagor[key];
    if (!table) continue;
    for (const r of table.rows) {
      const code = valueOf(r.iso)?.code;
      if (!code || !m.codes.some((c) => code === c || code.startsWith(`${c} `) || c.startsWith(`${code} `))) continue;
      const codes = [...new Set(findings.filter((f) => f.sheet === table.name && f.row === r.row).map((f) => f.code))];
      out.push({ sheet: table.name, row: r.row, iso: code, isoColumn: table.columns.get("iso")?.index ?? null, findings: codes });
    }
  }
  return out;
}
