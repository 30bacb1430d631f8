import { summarize, type Finding, type FindingSummary } from "../core/validation/finding";

/** Where a finding points, as `Bilaga 1!A7`, `Bilaga 1!7:7` (whole row) or `Bilaga 3` (sheet). */
export function locationText(f: Finding): string {
  if (f.cell) return `${f.sheet}!${f.cell}`;
  if (f.row !== null) return `${f.sheet}!${f.row}:${f.row}`;
  return f.sheet;
}

/** One line per finding: `bilagor.xlsx(Bilaga 1!A7): error DUPLICATE §2.5: <message>`. */
export function findingLine(file: string, f: Finding): string {
  const decision = f.needsDecision ? " [kräver huvudmannabeslut]" : "";
  return `${file}(${locationText(f)}): ${f.severity} ${f.code} ${f.section}: ${f.message}${decision}`;
}

export function summaryLine(s: FindingSummary): string {
  const warnings = s.warnings === 1 ? "varning" : "varningar";
  return `Sammanfattning: ${s.errors} fel, ${s.warnings} ${warnings}, ${s.info} info, ${s.needsDecision} kräver huvudmannabeslut.`;
}

/** The text report: every finding, then the summary. */
export function textReport(file: string, findings: readonly Finding[]): string {
  return [...findings.map((f) => findingLine(file, f)), summaryLine(summarize(findings))].join("\n");
}

/** The JSON report (issue contract): finding keys in a fixed order. */
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
      section: f.section,
      needsDecision: f.needsDecision,
      related: f.related.map((r) => ({ sheet: r.sheet, row: r.row, column: r.column })),
    })),
    summary: summarize(findings),
  };
}
