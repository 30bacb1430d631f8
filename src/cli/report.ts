import { RULES } from "../core/validation/catalogue";
import { codeWithSection, SEVERITY_SV, summarize, summarySv, type CellRef, type Finding, type FindingSummary } from "../core/validation/finding";
import { groupByCause, type FindingGroup } from "../core/validation/group";

/** Where a finding points, as `Bilaga 1!A7`, `Bilaga 1!7:7` (whole row) or `Bilaga 3` (sheet). */
export function locationText(f: CellRef): string {
  if (f.cell) return `${f.sheet}!${f.cell}`;
  if (f.row !== null) return `${f.sheet}!${f.row}:${f.row}`;
  return f.sheet;
}

/** `Bilaga 1!D7, E7, F7`: the cells of one row's group. */
function groupLocation(g: FindingGroup): string {
  const [first, ...rest] = g.cells;
  return [locationText(first!), ...rest.map((c) => c.cell ?? locationText(c))].join(", ");
}

function decisionText(g: { needsDecision: boolean; decision?: FindingGroup["decision"] | undefined }): string {
  if (g.decision) {
    const d = g.decision;
    const what = [d.datum, d.referens].filter((x) => x).join(", ");
    return ` [beslutat${what ? ` ${what}` : ""} – ${d.sheet} rad ${d.row}]`;
  }
  return g.needsDecision ? " [kräver huvudmannabeslut]" : "";
}

/** One line per finding: `bilagor.xlsx(Bilaga 1!A7): fel DUPLICATE: <message>` (the code alone where the agreement has no §). */
export function findingLine(file: string, f: Finding): string {
  return `${file}(${locationText(f)}): ${SEVERITY_SV[f.severity]} ${codeWithSection(f)}: ${f.message}${decisionText(f)}`;
}

/** One line per cause (the cells of one row with one message). */
export function groupLine(file: string, g: FindingGroup): string {
  return `${file}(${groupLocation(g)}): ${SEVERITY_SV[g.severity]} ${codeWithSection(g)}: ${g.message}${decisionText(g)}`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function summaryLine(s: FindingSummary): string {
  return `Sammanfattning: ${summarySv(s)}`;
}

const SUMMARIZE_FROM = 4;
const EXAMPLE_CELLS = 6;

/** `Bilaga 1: 40 celler inom D4–F24`: the cells of one code on one sheet, as the span they lie in. */
function sheetSpan(sheet: string, cells: readonly CellRef[]): string {
  const located = cells.filter((c) => c.cell !== null);
  if (located.length === 0) return `${sheet}: ${plural(cells.length, "cell", "celler")}`;
  const col = (a: string) => a.replace(/\d+$/, "");
  const num = (a: string) => Number(/\d+$/.exec(a)![0]);
  const byColumn = (a: string, b: string) => a.length - b.length || a.localeCompare(b);
  const columns = located.map((c) => col(c.cell!)).sort(byColumn);
  const rows = located.map((c) => num(c.cell!));
  // A loop, not a spread into Math.min: 130 000 arguments overflow the call stack.
  let first = Infinity;
  let last = -Infinity;
  for (const r of rows) {
    if (r < first) first = r;
    if (r > last) last = r;
  }
  const from = `${columns[0]}${first}`;
  const to = `${columns.at(-1)}${last}`;
  if (located.length <= EXAMPLE_CELLS) return `${sheet} ${located.map((c) => c.cell).join(", ")}`;
  return `${sheet}: ${located.length} celler inom ${from === to ? from : `${from}–${to}`}`;
}

/**
 * The text report. Each cause once: a row's cells with one message share a line, and a code that
 * recurs on many rows (and needs no decision) is summarized with its count and cells; `all` lists
 * every cause instead. Then the summary.
 */
export function textReport(file: string, findings: readonly Finding[], options: { readonly all?: boolean } = {}): string {
  const groups = groupByCause(findings);
  const lines: string[] = [];
  const byCode = new Map<string, FindingGroup[]>();
  for (const g of groups) if (!g.needsDecision) (byCode.get(g.code) ?? byCode.set(g.code, []).get(g.code)!).push(g);
  const summarized = new Set<string>();
  for (const g of groups) {
    const same = byCode.get(g.code);
    if (options.all || g.needsDecision || !same || same.length < SUMMARIZE_FROM) {
      lines.push(groupLine(file, g));
      continue;
    }
    if (summarized.has(g.code)) continue;
    summarized.add(g.code);
    const cells = same.flatMap((x) => x.cells);
    const sheets = [...new Set(cells.map((c) => c.sheet))];
    const rows = new Set(cells.map((c) => `${c.sheet}\u0000${c.row}`)).size;
    const rule = RULES.find((r) => r.code === g.code);
    lines.push(`${file}: ${SEVERITY_SV[g.severity]} ${codeWithSection(g)} i ${plural(cells.length, "cell", "celler")} på ${plural(rows, "rad", "rader")}: ${rule?.descriptionSv ?? g.message}`);
    for (const sheet of sheets) lines.push(`    ${sheetSpan(sheet, cells.filter((c) => c.sheet === sheet))}`);
    lines.push(`    Till exempel ${groupLocation(same[0]!)}: ${same[0]!.message}`);
    lines.push(`    (Alla ${plural(same.length, "problem", "problem")} med var sitt meddelande: lägg till --alla.)`);
  }
  lines.push(summaryLine(summarize(findings)));
  return lines.join("\n");
}

/** The JSON report (issue contract): one entry per cell, finding keys in a fixed order. */
export function jsonReport(file: string, findings: readonly Finding[]) {
  return {
    file,
    findings: findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      sheet: f.sheet,
      row: f.row,
      column: f.column,
      message: f.message,
      variant: f.variant,
      params: f.params,
      section: f.section,
      needsDecision: f.needsDecision,
      related: f.related.map((r) => ({ sheet: r.sheet, row: r.row, column: r.column })),
      decision: f.decision ? { sheet: f.decision.sheet, row: f.decision.row, date: f.decision.datum, reference: f.decision.referens } : null,
    })),
    summary: summarize(findings),
  };
}
