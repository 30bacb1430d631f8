import { columnLetter } from "../cells";
import type { Change } from "../editions/diff";
import type { BilagaRow, ColumnRef, SheetTable, WorkbookModel } from "../model";
import type { PrincipleIndex, PrinciplesInForce } from "../principlesInForce";
import type { CellRef, Finding, Severity } from "./finding";
import { renderFinding, type FindingText } from "./messages";

/** What every check sees: the model and what is derived from it once. */
export interface ValidationContext {
  readonly model: WorkbookModel;
  readonly principles: PrinciplesInForce;
  readonly principleIndex: PrincipleIndex;
  /** Bilaga tables present, in order B1, B2, B3, B4. */
  readonly bilagor: ReadonlyArray<SheetTable<BilagaRow>>;
  /** Titles of the workbook's `ISO 9999` sheet by code, or null when it has none. */
  readonly isoTitles: ReadonlyMap<string, string> | null;
  /** The last published edition to compare with, when there is one (the change checks of §6.3). */
  readonly previous: PreviousEdition | null;
  /** The changes since the previous edition (empty without one); computed once. */
  readonly changes: readonly Change[];
  /** Each code's first row in a table (rows without a readable code left out); built once per table, shared by the rules. */
  firstRowByCode(table: SheetTable<BilagaRow>): ReadonlyMap<string, BilagaRow>;
}

export interface PreviousEdition {
  readonly name: string;
  readonly model: WorkbookModel;
}

export interface ReportTarget {
  readonly table: { readonly name: string; readonly columns: ReadonlyMap<string, ColumnRef> } | string;
  readonly row: number | null;
  /** A field of the sheet spec, a column as found, or a header text for a column that is missing. */
  readonly column?: string | ColumnRef | null;
  readonly related?: readonly CellRef[];
}

/** A check of rules.md: data (code, §, severity) plus one function. */
export interface Rule {
  readonly code: string;
  readonly section: string;
  readonly severity: Severity;
  readonly needsDecision: boolean;
  /** One line in Swedish: what the rule checks. */
  readonly descriptionSv: string;
  check(ctx: ValidationContext, report: Reporter): void;
}

/** Reports a finding of a rule at a target; the words come from messages.ts (the text's code is the rule's). */
export type Reporter = (rule: Rule, target: ReportTarget, text: FindingText) => void;

/** Resolves a report target to a cell reference. */
export function cellRef(target: Omit<ReportTarget, "related">): CellRef {
  const sheet = typeof target.table === "string" ? target.table : target.table.name;
  let column: string | null = null;
  let index: number | null = null;
  if (typeof target.column === "object" && target.column !== null) {
    column = target.column.header;
    index = target.column.index;
  } else if (typeof target.column === "string") {
    const found = typeof target.table === "string" ? undefined : target.table.columns.get(target.column);
    column = found ? found.header : target.column;
    index = found ? found.index : null;
  }
  const cell = index !== null && target.row !== null ? `${columnLetter(index)}${target.row}` : null;
  return { sheet, row: target.row, column, cell };
}

/** A cell's text kept in a finding's parameters: enough to act on, never a whole huge cell. */
export const PARAM_TEXT_CHARS = 256;

function cappedParams(params: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  let capped: Record<string, unknown> | null = null;
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === "string" && value.length > PARAM_TEXT_CHARS) (capped ??= { ...params })[key] = value.slice(0, PARAM_TEXT_CHARS);
  }
  return capped ?? params;
}

/** Builds the reporter that collects findings. */
export function collector(findings: Finding[]): Reporter {
  return (rule, target, text) => {
    // A rule that reports another code's text is a programming error, never a user's.
    if (text.code !== rule.code) throw new Error(`${rule.code} reported a ${text.code} text`);
    const ref = cellRef(target);
    const message = renderFinding(text);
    findings.push({
      sheet: ref.sheet,
      row: ref.row,
      column: ref.column,
      cell: ref.cell,
      code: rule.code,
      severity: rule.severity,
      message,
      variant: text.variant as string,
      params: cappedParams(text.params as Readonly<Record<string, unknown>>),
      section: rule.section,
      needsDecision: rule.needsDecision,
      related: target.related ?? [],
    });
  };
}
