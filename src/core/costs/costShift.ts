import { parseBoendeform, type Boendeform } from "../boendeform";
import type { WorkbookModel } from "../model";
import type { Payer } from "../payer";
import { BILAGA_KEYS, type BilagaKey } from "../sheets";
import { readEditionInfo } from "../utgava";
import { valueOf } from "../values";
import { buildWhoPaysIndex, whoPays, type WhoPaysIndex } from "../whoPays";

/** One line of the `Kostnader` sheet: the previous year's actual cost per code and housing form. */
export interface CostLine {
  readonly sheet: string;
  readonly row: number;
  readonly iso: string;
  readonly boendeform: Boendeform;
  /** SEK borne by the kommuner. */
  readonly kommun: number;
  /** SEK borne by the Region. */
  readonly region: number;
}

/** The readable lines of a workbook's `Kostnader` sheet (unreadable ones are the validator's findings). */
export function costLines(model: WorkbookModel): CostLine[] {
  const table = model.kostnader;
  if (!table) return [];
  const lines: CostLine[] = [];
  for (const r of table.rows) {
    const iso = valueOf(r.iso);
    const form = parseBoendeform(r.boendeform);
    if (!iso || form.kind !== "inScope") continue;
    const kommun = r.kommun.state === "ok" ? r.kommun.value : r.kommun.state === "empty" ? 0 : null;
    const region = r.region.state === "ok" ? r.region.value : r.region.state === "empty" ? 0 : null;
    if (kommun === null || region === null) continue;
    lines.push({ sheet: table.name, row: r.row, iso: iso.code, boendeform: form.key, kommun, region });
  }
  return lines;
}

/** A change of payer and the cost it moves, summed over the cost lines it covers. */
export interface ShiftChange {
  readonly bilaga: number | null;
  /** The code of the new edition's row (or principle) that now answers. */
  readonly iso: string;
  readonly boendeform: Boendeform;
  readonly from: Payer;
  readonly to: Payer;
  /** SEK per year moving to the kommuner (negative: to the Region). */
  readonly amount: number;
  readonly lines: readonly CostLine[];
}

/** A cost line whose payer cannot be named on one side: it cannot be counted, and is shown. */
export interface UnattributedLine {
  readonly line: CostLine;
  readonly before: string;
  readonly after: string;
}

export interface CostShift {
  /** Changes between Kommun and Region: they make up the net. */
  readonly changes: readonly ShiftChange[];
  /** Changes to or from Egenansvar: the individual pays; shown, not in the net between the parties. */
  readonly egenansvar: readonly ShiftChange[];
  readonly unattributed: readonly UnattributedLine[];
  readonly netToKommun: number;
  readonly netToRegion: number;
  /** All cost lines, both parties: what a percent tolerance is taken of. */
  readonly totalCost: number;
  /** The tolerance in SEK, or null when none is set. */
  readonly tolerance: number | null;
  readonly toleranceText: string | null;
  /** Whether |net| is within the tolerance; null without a tolerance. */
  readonly neutral: boolean | null;
}

const BILAGA_NUMBER: Record<BilagaKey, number> = { B1: 1, B2: 2, B3: 3, B4: 4 };

/**
 * The one rule for what a change of payer moves (§6.3), used by `costShift`, COST_SHIFT and
 * CHANGE_NOT_NEUTRAL: the cost the previous payer bore moves to the new one. Between Kommun and
 * Region that is the shift (positive: to the kommuner); to or from Egenansvar the individual pays,
 * which is shown apart and is no shift between the parties (`toKommun` 0, `egenansvar` true).
 */
export function payerShift(from: Payer, to: Payer, cost: { readonly kommun: number; readonly region: number }): { readonly toKommun: number; readonly egenansvar: boolean } {
  if (from === to) return { toKommun: 0, egenansvar: false };
  if (from === "Egenansvar" || to === "Egenansvar") return { toKommun: 0, egenansvar: true };
  return { toKommun: to === "Kommun" ? cost.region : -cost.kommun, egenansvar: false };
}

/** The tolerance in SEK: as set, or a percent of the total cost (null: none set, or a percent without a total). */
export function toleranceSek(tolerance: ReturnType<typeof readEditionInfo>["tolerance"], totalCost: number | null): number | null {
  if (tolerance === null) return null;
  if (tolerance.kind === "sek") return tolerance.value;
  return totalCost === null ? null : round((tolerance.value / 100) * totalCost);
}

/** Whether a net shift is within the tolerance (§6.3); null when there is none to judge by. */
export function isNeutral(netToKommun: number, tolerance: number | null): boolean | null {
  // Amounts are bounded when read (MAX_AMOUNT_SEK), so these are finite; a verdict is never given on a non-number.
  if (tolerance === null || !Number.isFinite(tolerance) || !Number.isFinite(netToKommun)) return null;
  // A tolerance is never negative (parseTolerance), so a zero net is always within it.
  return Math.abs(netToKommun) <= tolerance;
}

/** An amount in kronor as the cost shift is worded: Swedish digits, up to two decimals. */
export function shiftKronorSv(n: number): string {
  return `${n.toLocaleString("sv-SE", { maximumFractionDigits: 2 })} kr`;
}

/** The neutrality verdict in Swedish (§6.3), the same words in the CLI and the pane. */
export function neutralityVerdictSv(shift: Pick<CostShift, "neutral" | "tolerance">): string {
  if (shift.neutral === null || shift.tolerance === null) return "Ingen tolerans är satt (bladet Utgåva), så neutraliteten bedöms inte.";
  return shift.neutral
    ? `Kostnadsneutral inom toleransen ${shiftKronorSv(shift.tolerance)}.`
    : `Inte kostnadsneutral: mer än toleransen ${shiftKronorSv(shift.tolerance)}. Kräver huvudmännens beslut (§6.3).`;
}

/**
 * Who pays for a cost line under one set of lists (an adult). In the draft, proposals count:
 * they are what is being weighed; in the published edition only rows in force do.
 */
function payerOf(index: WhoPaysIndex, line: CostLine, proposals: boolean): { payer: Payer | null; why: string; source: { sheet: string; iso: string } | null } {
  const r = whoPays({ iso: line.iso, boendeform: line.boendeform, age: 65, date: "9999-12-31", includeProposals: proposals }, index);
  if (!r.ok) return { payer: null, why: r.code, source: null };
  return { payer: r.payer, why: r.rule, source: r.source };
}

/**
 * The cost shift of the changes from `before` to `after` (§6.3): each line of the previous year's
 * costs is answered under both; where the payer changes between Kommun and Region, the cost the
 * paying party bore moves. Cost data finer than a change is summed under it; a line that no
 * payer can be named for is listed, never guessed.
 */
export function costShift(before: WorkbookModel, after: WorkbookModel, lines: readonly CostLine[] = costLines(after)): CostShift {
  const beforeIndex = buildWhoPaysIndex(before);
  const afterIndex = buildWhoPaysIndex(after);
  const groups = new Map<string, { change: Omit<ShiftChange, "amount" | "lines">; amount: number; lines: CostLine[] }>();
  const unattributed: UnattributedLine[] = [];
  let totalCost = 0;
  for (const line of lines) {
    totalCost += line.kommun + line.region;
    const a = payerOf(beforeIndex, line, false);
    const b = payerOf(afterIndex, line, true);
    // The same payer, or no payer under either: nothing moves, and nothing is newly unknown.
    if (a.payer === b.payer) continue;
    if (a.payer === null || b.payer === null) {
      unattributed.push({ line, before: a.payer ?? a.why, after: b.payer ?? b.why });
      continue;
    }
    const shift = payerShift(a.payer, b.payer, line);
    // Egenansvar: what the individual now pays (or no longer pays), shown apart from the net.
    // (as before this rule was shared: the cost the previous payer bore, signed towards the kommun side)
    const moved = !shift.egenansvar ? shift.toKommun : a.payer === "Egenansvar" ? (b.payer === "Kommun" ? 1 : -1) * (line.kommun + line.region) : a.payer === "Kommun" ? -line.kommun : line.region;
    const sheetKey = BILAGA_KEYS.find((k) => afterIndex.sheetNames[k as "B1" | "B2" | "B4"] === b.source?.sheet) ?? null;
    const iso = b.source?.iso ?? line.iso;
    const key = JSON.stringify([sheetKey, iso, line.boendeform, a.payer, b.payer]);
    const group = groups.get(key) ?? { change: { bilaga: sheetKey ? BILAGA_NUMBER[sheetKey] : null, iso, boendeform: line.boendeform, from: a.payer, to: b.payer }, amount: 0, lines: [] };
    group.amount += moved;
    group.lines.push(line);
    groups.set(key, group);
  }
  const all = [...groups.values()].map((g) => ({ ...g.change, amount: round(g.amount), lines: g.lines }));
  const changes = all.filter((c) => c.from !== "Egenansvar" && c.to !== "Egenansvar");
  const egenansvar = all.filter((c) => c.from === "Egenansvar" || c.to === "Egenansvar");
  const netToKommun = round(changes.reduce((s, c) => s + c.amount, 0));
  const info = readEditionInfo(after);
  const tolerance = toleranceSek(info.tolerance, round(totalCost));
  return {
    changes,
    egenansvar,
    unattributed,
    netToKommun,
    netToRegion: netToKommun === 0 ? 0 : -netToKommun,
    totalCost: round(totalCost),
    tolerance,
    toleranceText: info.toleranceText,
    neutral: isNeutral(netToKommun, tolerance),
  };
}

/** Kronor with öre precision, without floating-point dust. */
const round = (n: number) => Math.round(n * 100) / 100;
