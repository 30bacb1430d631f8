import type { CellRef, DecisionRef, Finding, Severity } from "./finding";

/**
 * Findings with one cause: the same code and message on one row (e.g. one REGION_AREA for a row
 * on Kommun in four housing forms). The reader sees the problem once, with all its cells.
 */
export interface FindingGroup {
  readonly code: string;
  readonly severity: Severity;
  readonly section: string;
  readonly needsDecision: boolean;
  readonly sheet: string;
  readonly row: number | null;
  readonly message: string;
  /** The cells, in the findings' order (each finding's own cell). */
  readonly cells: readonly CellRef[];
  readonly findings: readonly Finding[];
  readonly decision: DecisionRef | null;
}

/**
 * Groups findings that share code, sheet, row and message, keeping the first one's place in the
 * order. Findings without a row are never merged.
 * @example groupByCause(findings).map((g) => `${g.code} ${g.cells.length}`)
 */
export function groupByCause(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, { first: Finding; findings: Finding[] }>();
  let unique = 0;
  for (const f of findings) {
    const key = f.row === null ? `\u0001${unique++}` : [f.code, f.sheet, f.row, f.message, f.decision ? f.decision.row : ""].join("\u0000");
    const group = groups.get(key);
    if (group) group.findings.push(f);
    else groups.set(key, { first: f, findings: [f] });
  }
  return [...groups.values()].map(({ first, findings: members }) => ({
    code: first.code,
    severity: first.severity,
    section: first.section,
    needsDecision: first.needsDecision,
    sheet: first.sheet,
    row: first.row,
    message: first.message,
    cells: members.map((f) => ({ sheet: f.sheet, row: f.row, column: f.column, cell: f.cell })),
    findings: members,
    decision: first.decision ?? null,
  }));
}
