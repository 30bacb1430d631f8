import { parseBoendeform, type Boendeform } from "./boendeform";
import type { BilagaRow, SheetTable, WorkbookModel } from "./model";
import { BILAGA_KEYS, SHEET_SPECS, type BilagaKey } from "./sheets";
import { foldText } from "./text";
import { valueOf } from "./values";
import { codeWithSection, type Finding } from "./validation/finding";

/**
 * A decision of the huvudmän, as recorded in the optional `Beslut` sheet (docs/arbetsbok.md).
 * `iso`, `bilaga` and `boendeform` say what it answers; null means "any" (a decision without
 * ISO code answers only what concerns no single code, such as the total cost shift).
 */
export interface Decision {
  readonly sheet: string;
  readonly row: number;
  readonly datum: string | null;
  readonly referens: string | null;
  readonly iso: string | null;
  readonly bilaga: BilagaKey | null;
  readonly boendeform: Boendeform | null;
  readonly beslut: string | null;
  readonly beslutatAv: string | null;
}

/** The Status that marks a row as waiting for the huvudmän (the pane's flag sets it). */
export const AWAITING_STATUS = "Kräver huvudmannabeslut";

/** Reads a bilaga as typed in the Beslut sheet: `1`, `Bilaga 1`, `B1` (null when blank or unknown). */
export function parseBilaga(text: string | null): BilagaKey | null | "invalid" {
  if (text === null || text.trim() === "") return null;
  const m = /^(?:bilaga|b)?\s*([1-4])$/.exec(foldText(text).replace(/\s+/g, " ").trim());
  return m ? (`B${m[1]}` as BilagaKey) : "invalid";
}

/** The decisions of the workbook's `Beslut` sheet; rows with a form or bilaga that cannot be read are left out. */
export function readDecisions(model: WorkbookModel): Decision[] {
  const table = model.beslut;
  if (!table) return [];
  const decisions: Decision[] = [];
  for (const r of table.rows) {
    const bilaga = parseBilaga(r.bilaga);
    const form = r.boendeform === null || r.boendeform.trim() === "" ? null : parseBoendeform(r.boendeform);
    if (bilaga === "invalid" || (form !== null && form.kind !== "inScope") || r.iso.state === "invalid" || r.iso.state === "error") continue;
    decisions.push({
      sheet: table.name,
      row: r.row,
      datum: valueOf(r.datum),
      referens: r.referens,
      iso: valueOf(r.iso)?.code ?? null,
      bilaga,
      boendeform: form === null ? null : form.key,
      beslut: r.beslut,
      beslutatAv: r.beslutatAv,
    });
  }
  return decisions;
}

/** What a decision has to match: a code (or none), the bilaga and the housing forms concerned. */
export interface DecisionSubject {
  readonly iso: string | null;
  readonly bilaga: BilagaKey | null;
  /** The forms the question concerns; empty = the whole row. */
  readonly forms: readonly Boendeform[];
}

/**
 * The latest decision that answers a subject: same ISO code (or both without one), the same
 * bilaga unless the decision names none, and every form concerned unless it names none.
 * @example matchDecision(decisions, { iso: "22 06 15", bilaga: "B1", forms: ["SABO"] })
 */
export function matchDecision(decisions: readonly Decision[], subject: DecisionSubject): Decision | null {
  let best: Decision | null = null;
  for (const d of decisions) {
    if (d.iso !== subject.iso) continue;
    if (d.bilaga !== null && d.bilaga !== subject.bilaga) continue;
    if (d.boendeform !== null && (subject.forms.length === 0 || subject.forms.some((f) => f !== d.boendeform))) continue;
    if (!best || (d.datum ?? "") >= (best.datum ?? "")) best = d;
  }
  return best;
}

function bilagaTables(model: WorkbookModel): Array<SheetTable<BilagaRow>> {
  return BILAGA_KEYS.map((k) => model.bilagor[k]).filter((t): t is SheetTable<BilagaRow> => t !== undefined);
}

/** The bilaga row a finding points to, and the housing form of its column. */
function locate(model: WorkbookModel, f: { sheet: string; row: number | null; column: string | null }) {
  const table = bilagaTables(model).find((t) => t.name === f.sheet);
  if (!table || f.row === null) return { table, row: undefined, form: null };
  const row = table.rows.find((r) => r.row === f.row);
  let form: Boendeform | null = null;
  for (const [field, ref] of table.columns) {
    if (ref.header === f.column && field in (row?.payers ?? {})) form = field as Boendeform;
  }
  return { table, row, form };
}

/** The subject of a finding (its row's code, bilaga and the form of its column). */
export function findingSubject(model: WorkbookModel, f: Finding): DecisionSubject {
  const { table, row, form } = locate(model, f);
  if (!table) return { iso: null, bilaga: null, forms: [] };
  return { iso: row ? valueOf(row.iso)?.code ?? null : null, bilaga: table.key as BilagaKey, forms: form ? [form] : [] };
}

/** The findings with `decision` set where a recorded decision answers one that needs it. */
export function applyDecisions(findings: readonly Finding[], model: WorkbookModel): Finding[] {
  const decisions = readDecisions(model);
  if (decisions.length === 0) return [...findings];
  return findings.map((f) => {
    if (!f.needsDecision) return f;
    const d = matchDecision(decisions, findingSubject(model, f));
    return d ? { ...f, decision: { sheet: d.sheet, row: d.row, datum: d.datum, referens: d.referens } } : f;
  });
}

/** One row (or the workbook as a whole) that needs the huvudmän's decision, with the documentation §6.3 asks for. */
export interface DecisionItem {
  readonly sheet: string;
  /** Null for a question about the whole workbook (e.g. the total cost shift). */
  readonly row: number | null;
  readonly iso: string | null;
  readonly bilaga: BilagaKey | null;
  readonly title: string;
  /** The findings' codes and §, and `Status: Kräver huvudmannabeslut` for a flagged row. */
  readonly reasons: readonly string[];
  readonly flagged: boolean;
  readonly forms: readonly Boendeform[];
  readonly decision: Decision | null;
  readonly motivering: string;
  readonly ekonomisk: string;
  readonly konsekvens: string;
}

/**
 * Everything the huvudmän must decide before publishing: rows with findings that need a
 * decision, rows whose Status is "Kräver huvudmannabeslut", and workbook-wide findings (no row).
 * Each is paired with the recorded decision that answers it, if any.
 */
export function decisionItems(model: WorkbookModel, findings: readonly Finding[]): DecisionItem[] {
  const decisions = readDecisions(model);
  const byRow = new Map<string, { reasons: Set<string>; forms: Set<Boendeform>; wholeRow: boolean }>();
  const items: DecisionItem[] = [];
  const general = new Map<string, { f: Finding; reasons: Set<string> }>();
  for (const f of findings) {
    if (!f.needsDecision) continue;
    const { table, row, form } = locate(model, f);
    if (!table || !row) {
      const key = `${f.sheet}\u0000${f.row ?? ""}`;
      (general.get(key) ?? general.set(key, { f, reasons: new Set() }).get(key)!).reasons.add(codeWithSection(f));
      continue;
    }
    const key = `${table.name}\u0000${row.row}`;
    const entry = byRow.get(key) ?? byRow.set(key, { reasons: new Set(), forms: new Set(), wholeRow: false }).get(key)!;
    entry.reasons.add(codeWithSection(f));
    if (form) entry.forms.add(form);
    else entry.wholeRow = true;
  }
  for (const table of bilagaTables(model)) {
    for (const r of table.rows) {
      const key = `${table.name}\u0000${r.row}`;
      const flagged = r.status.state === "ok" && r.status.value === AWAITING_STATUS;
      const entry = byRow.get(key);
      if (!entry && !flagged) continue;
      const reasons = [...(entry?.reasons ?? [])];
      if (flagged) reasons.push(`Status: ${AWAITING_STATUS}`);
      const forms = entry && !entry.wholeRow && !flagged ? [...entry.forms] : [];
      const iso = valueOf(r.iso)?.code ?? null;
      const bilaga = table.key as BilagaKey;
      items.push({
        sheet: table.name,
        row: r.row,
        iso,
        bilaga,
        title: r.title ?? r.product ?? "",
        reasons,
        flagged,
        forms,
        decision: matchDecision(decisions, { iso, bilaga, forms }),
        motivering: r.motivering ?? "",
        ekonomisk: r.ekonomisk?.text ?? "",
        konsekvens: r.konsekvens ?? "",
      });
    }
  }
  for (const { f, reasons } of general.values()) {
    items.push({
      sheet: f.sheet,
      row: f.row,
      iso: null,
      bilaga: null,
      title: "",
      reasons: [...reasons],
      flagged: false,
      forms: [],
      decision: matchDecision(decisions, { iso: null, bilaga: null, forms: [] }),
      motivering: "",
      ekonomisk: "",
      konsekvens: "",
    });
  }
  return items;
}

/** The items still waiting for a decision: publishing is blocked while there is any. */
export function undecidedItems(items: readonly DecisionItem[]): DecisionItem[] {
  return items.filter((i) => i.decision === null);
}

/** One line per undecided item, in Swedish, for the list of what must be decided. */
export function describeItemSv(item: DecisionItem): string {
  const where = item.row === null ? item.sheet : `${item.sheet} rad ${item.row}`;
  const what = item.iso ? `${item.iso}${item.title ? ` ${item.title}` : ""}` : "arbetsboken som helhet";
  return `${where}: ${what} (${item.reasons.join("; ")})`;
}

/** The values of a new Beslut row, in the sheet's column order. */
export function decisionSheetRow(d: { datum: string; referens: string; iso: string | null; bilaga: BilagaKey | null; boendeform: string; beslut: string; beslutatAv: string }): string[] {
  return [d.datum, d.referens, d.iso ?? "", d.bilaga ? SHEET_SPECS[d.bilaga].name : "", d.boendeform, d.beslut, d.beslutatAv];
}

/** The headers of the Beslut sheet, in order. */
export const DECISION_HEADERS: readonly string[] = SHEET_SPECS.BESLUT.columns.map((c) => c.header);
