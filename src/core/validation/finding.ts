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
  readonly message: string;
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
 * it stays visible but no longer blocks. `needsDecision` counts those still undecided.
 */
export interface FindingSummary {
  readonly errors: number;
  readonly warnings: number;
  readonly info: number;
  readonly needsDecision: number;
  readonly decided: number;
}

export function summarize(findings: readonly Finding[]): FindingSummary {
  let errors = 0;
  let warnings = 0;
  let info = 0;
  let needsDecision = 0;
  let decided = 0;
  for (const f of findings) {
    if (f.decision) {
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

export const SEVERITY_SV: Record<Severity, string> = { error: "fel", warning: "varning", info: "info" };
