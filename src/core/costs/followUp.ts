import type { CellValue } from "../cells";
import { whoPaysOnDate, type DatedLists } from "../editions/inForce";
import { foldText } from "../text";
import { readAmount, readDate } from "../values";

/** A quarter as `2026Q1`. */
export type Quarter = string;

/** Reads `2026Q1`, `2026-Q1`, `2026 K1`, `Q1 2026` (K for kvartal). */
export function parseQuarter(raw: CellValue): Quarter | null {
  const text = typeof raw === "string" ? raw.trim() : typeof raw === "number" ? String(raw) : "";
  const a = /^(\d{4})\s*[-:/ ]?\s*[QK]([1-4])$/i.exec(text);
  if (a) return `${a[1]}Q${a[2]}`;
  const b = /^[QK]([1-4])\s*[-:/ ]?\s*(\d{4})$/i.exec(text);
  return b ? `${b[2]}Q${b[1]}` : null;
}

/** The first day of a quarter: the date its lines are answered on when they carry no date. */
export function quarterStart(q: Quarter): string {
  const month = (Number(q.slice(5)) - 1) * 3 + 1;
  return `${q.slice(0, 4)}-${String(month).padStart(2, "0")}-01`;
}

export interface FollowUpLine {
  /** 1-based line number in the input (header = line 1), for people to find it. */
  readonly line: number;
  readonly kommun: string;
  readonly quarter: Quarter;
  readonly date: string;
  readonly iso: CellValue;
  readonly boendeform: CellValue;
  readonly age: CellValue;
  /** Öre, so that totals reconcile to the krona. */
  readonly ore: number;
}

export interface InputProblem {
  readonly line: number;
  readonly message: string;
}

const HEADERS: Record<string, readonly string[]> = {
  kommun: ["kommun", "municipality"],
  quarter: ["kvartal", "quarter"],
  iso: ["iso", "iso-kod", "isokod", "iso code"],
  boendeform: ["boendeform", "housing", "housing form"],
  age: ["alder", "age"],
  amount: ["belopp", "amount", "kostnad", "cost"],
  date: ["datum", "date"],
};

/**
 * Reads cost lines (kommun, quarter, ISO code, housing form, age, amount [, date]) from rows whose
 * first row is the header. Lines that cannot be read are problems, reported with their line
 * number; their amounts are kept apart so that nothing silently disappears.
 */
export function readFollowUpRows(rows: ReadonlyArray<ReadonlyArray<CellValue>>, headerLine = 1): { lines: FollowUpLine[]; problems: InputProblem[]; missing: string[]; unreadOre: number } {
  const header = (rows[0] ?? []).map((h) => foldText(String(h ?? "")).replace(/\s*:$/, ""));
  const at: Record<string, number> = {};
  for (const [field, names] of Object.entries(HEADERS)) at[field] = header.findIndex((h) => names.includes(h));
  // Reported by their Swedish header, as people write it.
  const missing = ["kommun", "quarter", "iso", "boendeform", "age", "amount"].filter((f) => at[f]! < 0).map((f) => HEADERS[f]![0]!.replace("alder", "ålder"));
  const lines: FollowUpLine[] = [];
  const problems: InputProblem[] = [];
  let unreadOre = 0;
  if (missing.length > 0) return { lines, problems, missing, unreadOre };
  rows.slice(1).forEach((cells, i) => {
    const line = headerLine + i + 1;
    if (cells.every((c) => c === null || c === undefined || String(c).trim() === "")) return;
    const raw = cells[at.amount!];
    const amount = raw === null || raw === undefined || raw === "" ? null : readAmount(raw as Exclude<CellValue, null | undefined>);
    if (amount === null) {
      problems.push({ line, message: `beloppet ”${String(raw ?? "").slice(0, 30)}” kan inte läsas` });
      return;
    }
    const ore = Math.round(amount * 100);
    const quarter = parseQuarter(cells[at.quarter!] ?? null);
    const dateCell = at.date! >= 0 ? cells[at.date!] : null;
    const date = dateCell === null || dateCell === undefined || dateCell === "" ? (quarter ? quarterStart(quarter) : null) : readDate(dateCell as Exclude<CellValue, null | undefined>);
    if (!quarter || !date) {
      unreadOre += ore;
      problems.push({ line, message: !quarter ? `kvartalet ”${String(cells[at.quarter!] ?? "").slice(0, 20)}” kan inte läsas (skriv t.ex. 2026Q1)` : "datumet kan inte läsas" });
      return;
    }
    lines.push({ line, kommun: String(cells[at.kommun!] ?? "").trim(), quarter, date, iso: cells[at.iso!] ?? null, boendeform: cells[at.boendeform!] ?? null, age: cells[at.age!] ?? null, ore });
  });
  return { lines, problems, missing, unreadOre };
}

export interface PartyTotals {
  kommun: number;
  region: number;
  egenansvar: number;
  /** Lines that got no payer (UNLISTED, AMBIGUOUS, NOT_IN_SCOPE, input errors). */
  unassigned: number;
}

export interface UnassignedLine {
  readonly line: number;
  readonly kommun: string;
  readonly quarter: Quarter;
  readonly iso: string;
  readonly boendeform: string;
  readonly ore: number;
  /** The rule or input error behind the missing payer. */
  readonly code: string;
}

export interface FollowUp {
  readonly baselineYear: number | null;
  readonly quarters: ReadonlyArray<{ readonly quarter: Quarter; readonly totals: PartyTotals; readonly baseline: PartyTotals | null }>;
  readonly byKommun: ReadonlyArray<{ readonly kommun: string; readonly totals: PartyTotals }>;
  readonly unassignedLines: readonly UnassignedLine[];
  /** Öre: input = assigned + unassigned, exactly. */
  readonly inputOre: number;
  readonly assignedOre: number;
  readonly unassignedOre: number;
}

const zero = (): PartyTotals => ({ kommun: 0, region: 0, egenansvar: 0, unassigned: 0 });

/**
 * Storsthlm's quarterly follow-up: each cost line gets its payer with whoPays on its date, then
 * the parties' totals per quarter are set against the same quarter of the baseline year.
 */
export function followUp(lines: readonly FollowUpLine[], lists: readonly DatedLists[], baselineYear?: number): FollowUp {
  const perQuarter = new Map<Quarter, PartyTotals>();
  const perKommun = new Map<string, PartyTotals>();
  const unassignedLines: UnassignedLine[] = [];
  let inputOre = 0;
  let assignedOre = 0;
  for (const l of lines) {
    inputOre += l.ore;
    const r = whoPaysOnDate({ iso: l.iso, boendeform: l.boendeform, age: l.age, date: l.date }, lists);
    const q = perQuarter.get(l.quarter) ?? perQuarter.set(l.quarter, zero()).get(l.quarter)!;
    const k = perKommun.get(l.kommun) ?? perKommun.set(l.kommun, zero()).get(l.kommun)!;
    const payer = r.ok ? r.payer : null;
    const key = payer === "Kommun" ? "kommun" : payer === "Region" ? "region" : payer === "Egenansvar" ? "egenansvar" : "unassigned";
    q[key] += l.ore;
    k[key] += l.ore;
    if (payer === null) {
      unassignedLines.push({ line: l.line, kommun: l.kommun, quarter: l.quarter, iso: String(l.iso ?? ""), boendeform: String(l.boendeform ?? ""), ore: l.ore, code: r.ok ? r.rule : r.code });
    } else {
      assignedOre += l.ore;
    }
  }
  const unassignedOre = unassignedLines.reduce((s, u) => s + u.ore, 0);
  if (assignedOre + unassignedOre !== inputOre) throw new Error("followUp: totals do not reconcile");
  const years = [...perQuarter.keys()].map((q) => Number(q.slice(0, 4)));
  const base = baselineYear ?? (years.length > 0 ? Math.min(...years) : null);
  const quarters = [...perQuarter.keys()].sort().map((quarter) => ({
    quarter,
    totals: perQuarter.get(quarter)!,
    baseline: base !== null && Number(quarter.slice(0, 4)) !== base ? perQuarter.get(`${base}${quarter.slice(4)}`) ?? null : null,
  }));
  return {
    baselineYear: base,
    quarters,
    byKommun: [...perKommun.entries()].sort(([a], [b]) => a.localeCompare(b, "sv")).map(([kommun, totals]) => ({ kommun, totals })),
    unassignedLines,
    inputOre,
    assignedOre,
    unassignedOre,
  };
}

/** Öre as kronor. */
export const kronor = (ore: number): number => ore / 100;
