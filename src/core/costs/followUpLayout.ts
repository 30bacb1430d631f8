/**
 * The follow-up as tables and sentences, derived once for every surface: the command line's text,
 * its .xlsx report and the pane's result sheet use these columns, rows and notes, so a quarter,
 * a percentage or a warning reads the same wherever it is shown. Only the formatting of a value
 * (a number format in a workbook, text on a screen) is the surface's own.
 */
import { kronor, reasonOfCode, type FollowUp, type FollowUpQuarter, type LeftOutKind, type LeftOutLine } from "./followUp";
import { STOCKHOLM_KOMMUNER } from "./kommuner";

/** How a left-out line counts, as the console and the report's Räknas som column say it. */
export const KIND_SV: Record<LeftOutKind, string> = { unassigned: "ej fördelat", unreadable: "oläsbart", uncounted: "ingår inte: inget belopp" };

export type ColumnKind = "text" | "kr" | "pct";

export interface LayoutColumn {
  readonly header: string;
  readonly kind: ColumnKind;
}

/** A cell: kronor (kr), a fraction (pct, 0.031 for +3,1 %), text, or nothing. */
export type LayoutValue = string | number | null;

/** The change from `then` to `now` as a fraction, or null when `then` is 0 (no change can be stated). */
export function change(now: number, then: number): number | null {
  return then === 0 ? null : (now - then) / Math.abs(then);
}

/** A fraction as Swedish text: "+3,1 %", "−20,5 %". */
export function pctText(fraction: number): string {
  const value = (fraction * 100).toFixed(1).replace(".", ",").replace("-", "−");
  return `${fraction >= 0 ? "+" : ""}${value} %`;
}

/** The columns of the quarter table. The first five are the chart's: the parties now and in the baseline. */
export function quarterColumns(report: FollowUp): readonly LayoutColumn[] {
  const base = report.baselineYear === null ? "" : ` ${report.baselineYear}`;
  return [
    { header: "Kvartal", kind: "text" },
    { header: "Kommun, kr", kind: "kr" },
    { header: "Region, kr", kind: "kr" },
    { header: `Kommun${base} (baslinje)`, kind: "kr" },
    { header: `Region${base} (baslinje)`, kind: "kr" },
    { header: "Egenansvar, kr", kind: "kr" },
    { header: "Ej fördelat, kr", kind: "kr" },
    { header: "Förändring kommun", kind: "pct" },
    { header: "Förändring region", kind: "pct" },
    { header: "Jämförelsen gäller", kind: "text" },
  ];
}

/** Which kommuner a quarter's change is computed over, in words (empty without a baseline quarter). */
export function comparedText(q: FollowUpQuarter): string {
  const c = q.comparison;
  if (!c) return "";
  const parts = [`${c.kommuner} av ${STOCKHOLM_KOMMUNER.length} kommuner med rader båda kvartalen`];
  if (c.onlyNow.length > 0) parts.push(`saknas i baslinjen: ${listed(c.onlyNow)}`);
  if (c.onlyBaseline.length > 0) parts.push(`saknas nu: ${listed(c.onlyBaseline)}`);
  return parts.join("; ");
}

/** A count of lines in words, the one wording for every surface: "1 rad", "2 rader", "1 234 rader". */
export const linesSv = (n: number) => `${n.toLocaleString("sv-SE")} ${n === 1 ? "rad" : "rader"}`;

const inBaseline = (lines: number, base: number | null) => `${linesSv(lines)} i baslinjeåret ${base}`;

const listed = (names: readonly string[]) => (names.length <= 4 ? names.join(", ") : `${names.slice(0, 4).join(", ")} och ${names.length - 4} till`);

/** One row per quarter, in quarterColumns' order. */
export function quarterRows(report: FollowUp): LayoutValue[][] {
  return report.quarters.map((q) => {
    const c = q.comparison;
    return [
      q.quarter,
      kronor(q.totals.kommun),
      kronor(q.totals.region),
      q.baseline ? kronor(q.baseline.kommun) : null,
      q.baseline ? kronor(q.baseline.region) : null,
      kronor(q.totals.egenansvar),
      kronor(q.totals.unassigned),
      c ? change(c.kommun, c.baseKommun) : null,
      c ? change(c.region, c.baseRegion) : null,
      comparedText(q),
    ];
  });
}

/** Kronor as Swedish text: "1 234,50 kr". */
export function krText(ore: number): string {
  return `${kronor(ore).toLocaleString("sv-SE", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} kr`;
}

/**
 * What a reader must know beside the numbers, in Swedish, each once: unknown kommun names in the
 * totals, a baseline year before every given edition or answered by later rules, and the
 * changes computed over fewer kommuner than the county has.
 */
export function followUpNotesSv(report: FollowUp): string[] {
  const notes: string[] = [];
  const base = report.baselineYear;
  if (report.unknownKommuner.length > 0) {
    const ore = report.unknownKommuner.reduce((s, u) => s + u.ore, 0);
    const names = report.unknownKommuner.slice(0, 5).map((u) => `”${u.name || "(tomt)"}” (${linesSv(u.lines)}, ${krText(u.ore)})`);
    const more = report.unknownKommuner.length > 5 ? ` och ${report.unknownKommuner.length - 5} till` : "";
    notes.push(`${krText(ore)} kommer från kommunnamn som inte är någon av länets ${STOCKHOLM_KOMMUNER.length} kommuner (${names.join(", ")}${more}). Beloppen ingår i parternas summor, men inte i jämförelsen mot baslinjen. Rätta namnen i kostnadsfilerna.`);
  }
  const b = report.beforeFirstEdition;
  if (b) {
    notes.push(`${linesSv(b.lines)} (${krText(b.ore)}) ligger före den första utgåvan som gavs (${b.firstEffective})${b.baselineLines > 0 ? `, bland dem ${inBaseline(b.baselineLines, base)}` : ""}, och fördelas inte. Lägg till den utgåva som gällde då med --utgåva.`);
  }
  const later = report.answeredByLaterRules;
  if (later) {
    notes.push(`${linesSv(later.lines)} (${krText(later.ore)}) ligger före arbetsbokens Giltig från (${later.statedEffective}) och har besvarats med dess regler, inte med den utgåva som gällde då${later.baselineLines > 0 ? ` (bland dem ${inBaseline(later.baselineLines, base)})` : ""}. Lägg till den utgåvan med --utgåva för rätt jämförelse.`);
  }
  const partial = report.quarters.filter((q) => q.comparison && q.comparison.kommuner < STOCKHOLM_KOMMUNER.length);
  if (partial.length > 0) {
    notes.push(`Förändringen mot ${base} räknas bara över kommuner med rader båda kvartalen: ${partial.map((q) => `${q.quarter} ${q.comparison!.kommuner} av ${STOCKHOLM_KOMMUNER.length}`).join(", ")}. Kolumnen ”Jämförelsen gäller” säger vilka som saknas.`);
  }
  return notes;
}

/**
 * Missing kommuner as a kommun × quarter grid: a row per kommun of the county that lacks lines in
 * some quarter, "saknas" where it has none. Kommuner with lines in every quarter are left out.
 */
export function missingGrid(report: FollowUp): { readonly headers: readonly string[]; readonly rows: ReadonlyArray<readonly string[]> } {
  const quarters = report.missingKommuner.map((m) => m.quarter);
  const missing = new Map(report.missingKommuner.map((m) => [m.quarter, new Set(m.kommuner)]));
  const rows = STOCKHOLM_KOMMUNER.filter((k) => quarters.some((q) => missing.get(q)!.has(k))).map((k) => {
    const cells = quarters.map((q) => (missing.get(q)!.has(k) ? "saknas" : ""));
    return [k, ...cells, String(cells.filter((c) => c !== "").length)];
  });
  return { headers: ["Kommun", ...quarters, "Kvartal utan rader"], rows };
}

/**
 * The reason for a group of left-out lines, in Swedish: NO_EDITION's advice is said once, in the
 * notes (followUpNotesSv), so here it only says what happened.
 */
export function leftOutReasonSv(report: FollowUp, code: string): string {
  if (code === "NO_EDITION" && report.beforeFirstEdition) return "Ingen av de givna utgåvorna gällde radens datum (se noteringen om den första utgåvan).";
  return reasonOfCode(code) ?? code;
}

/** The reason one left-out line gives, in Swedish: its own message, else its code's reason (the report's Ej fördelade sheet and `--json`). */
export function leftOutLineReasonSv(line: Pick<LeftOutLine, "code" | "message">): string {
  return line.message ?? reasonOfCode(line.code) ?? line.code;
}
