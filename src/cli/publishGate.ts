import type { WorkbookModel } from "../core/model";
import { publishReadiness, type BlockerCode, type PublishRequest } from "../core/editions/readiness";
import type { Finding } from "../core/validation/finding";
import { textReport } from "./report";

/** What the CLI adds to a blocker: how to answer it on the command line. */
const CLI_HINT: Partial<Record<BlockerCode, string>> = {
  NAME_MISMATCH: "(Eller publicera ändå med --tvinga.)",
  DATE_MISSING: "Fyll i bladet Utgåva eller ange --beslutad och --giltig-från.",
};

/**
 * The CLI's check before publishing: what blocks (errors, undecided questions for the huvudmän,
 * Giltig från too early, a name other than the Utgåva sheet's) as text that never contradicts
 * itself, or the warnings to print when nothing blocks.
 */
export function publishGate(file: string, model: WorkbookModel, findings: readonly Finding[], request: PublishRequest): { readonly blocked: string | null; readonly warnings: readonly string[] } {
  const { blockers, warnings } = publishReadiness(model, findings, request);
  if (blockers.length === 0) return { blocked: null, warnings };
  const lines: string[] = [];
  if (blockers.some((b) => b.code === "ERRORS")) lines.push(textReport(file, findings), "");
  lines.push("Publiceringen avbröts. Inget skrevs.");
  for (const b of blockers) {
    const hint = CLI_HINT[b.code];
    lines.push(`- ${b.message}${hint ? ` ${hint}` : ""}`);
    for (const item of b.items) lines.push(`    ${item}`);
  }
  return { blocked: lines.join("\n"), warnings };
}
