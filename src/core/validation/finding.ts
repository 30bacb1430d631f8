import { groupByCause } from "./group";

export type Severity = "error" | "warning" | "info";

/** A cell a finding points to. `column` is the header text; `cell` the A1 address when known. */
export interface CellRef {
  readonly sheet: string;
  readonly row: number | null;
  readonly column: string | null;
  readonly cell: string | null;
}

/**
 * One problem found in the bilagor. Codes are stable (rules.md); the message is Swedish text
 * for people, never something to match on.
 */
export interface Finding extends CellRef {
  readonly code: string;
  readonly severity: Severity;
  /** Swedish, rendered from the variant and parameters by renderFinding (messages.ts). */
  readonly message: string;
  /** Which of the code's messages (messages.ts), and its parameters: plain data to act on. */
  readonly variant: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly section: string;
  readonly needsDecision: boolean;
  readonly related: readonly CellRef[];
  /** The recorded huvudmän decision (sheet Beslut) that answers a finding that needs one. */
  readonly decision?: DecisionRef;
}

/** Where a decision is recorded: the Beslut sheet's row, its date and reference. */
export interface DecisionRef {
  readonly sheet: string;
  readonly row: number;
  readonly datum: string | null;
  readonly referens: string | null;
}

/**
 * Counts by severity. A finding answered by a recorded decision is counted only as `decided`:
 * it stays visible but no longer blocks. `needsDecision` counts those still undecided (they are
 * also counted under their severity: "4 fel, 2 av dem kräver huvudmannabeslut").
 */
export interface FindingCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly info: number;
  readonly needsDecision: number;
  readonly decided: number;
}

/**
 * The one count of a review that every surface shows (CLI, pane tiles and list, publish check):
 * problems, where a problem is a grouped finding (one cause on one row, `groupByCause`), and the
 * same counts over the cells apart.
 */
export interface FindingSummary extends FindingCounts {
  readonly cells: FindingCounts;
}

function countOf(items: ReadonlyArray<{ readonly severity: Severity; readonly needsDecision: boolean; readonly decided: boolean }>): FindingCounts {
  let errors = 0;
  let warnings = 0;
  let info = 0;
  let needsDecision = 0;
  let decided = 0;
  for (const f of items) {
    if (f.decided) {
      decided++;
      continue;
    }
    if (f.severity === "error") errors++;
    else if (f.severity === "warning") warnings++;
    else info++;
    if (f.needsDecision) needsDecision++;
  }
  return { errors, warnings, info, needsDecision, decided };
}

export function summarize(findings: readonly Finding[]): FindingSummary {
  const problems = groupByCause(findings).map((g) => ({ severity: g.severity, needsDecision: g.needsDecision, decided: g.decision !== null }));
  const cells = countOf(findings.map((f) => ({ severity: f.severity, needsDecision: f.needsDecision, decided: f.decision !== undefined })));
  return { ...countOf(problems), cells };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The counts in Swedish, the same words in every summary (the CLI's Sammanfattning, publicera,
 * the demo and the pane's status): problems (one cause on one row), the cells said apart when
 * they differ, the questions for the huvudmän, and what is decided.
 */
export function summarySv(s: FindingSummary): string {
  const parts = [`${s.errors} fel`, plural(s.warnings, "varning", "varningar"), plural(s.info, "upplysning", "upplysningar")];
  const cells = s.cells.errors + s.cells.warnings + s.cells.info;
  const problems = s.errors + s.warnings + s.info;
  const where = cells !== problems ? ` (i ${plural(cells, "cell", "celler")})` : "";
  const decided = s.decided > 0 ? `; ${s.decided} ${s.decided === 1 ? "är beslutat" : "är beslutade"}` : "";
  return `${parts.join(", ")}${where}, varav ${s.needsDecision} kräver huvudmannabeslut${decided}.`;
}

/** "REGION_AREA §2.2", or the code alone for a check the agreement has no § for ("—"). */
export function codeWithSection(f: { readonly code: string; readonly section: string }): string {
  return f.section === "—" ? f.code : `${f.code} ${f.section}`;
}

// Stryker disable next-line all: a table read when the module loads; finding.test.ts kills these (docs/utveckling.md).
export const SEVERITY_SV: Record<Severity, string> = { error: "fel", warning: "varning", info: "info" };
