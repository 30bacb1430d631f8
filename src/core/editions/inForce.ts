import type { WorkbookModel } from "../model";
import { notADateSv, parseIsoDate, todayIso } from "../values";
import { buildWhoPaysIndex, whoPays, type WhoPaysIndex, type WhoPaysQuery, type WhoPaysResult } from "../whoPays";

/** A set of lists that answer from a date on: a published edition, or the working draft (no date). */
export interface DatedLists {
  readonly name: string | null;
  /** First day in force; null for a draft or an undated edition (in force until a dated one takes over). */
  readonly effective: string | null;
  readonly index: WhoPaysIndex;
  /**
   * For undated lists that answer any date (a working workbook alone): the Giltig från the
   * workbook states for itself, so an answer for an earlier date can say it used later rules.
   */
  readonly statedEffective?: string | null;
}

/** Wraps a model as dated lists; the index names the edition in its explanations. */
export function datedLists(model: WorkbookModel, name: string | null, effective: string | null): DatedLists {
  return { name, effective, index: buildWhoPaysIndex(model, name) };
}

/**
 * The working workbook's place among the answering lists, the same in the CLI and the pane: beside
 * published editions it is the next edition, in force from its own Giltig från; alone it answers
 * any date (its stated Giltig från kept, so the follow-up can say when it answered earlier dates).
 */
export function workbookLists(model: WorkbookModel, info: { readonly name: string | null; readonly giltigFran: string | null }, besideEditions: boolean, index?: WhoPaysIndex): DatedLists {
  if (besideEditions && info.giltigFran) return datedLists(model, info.name, info.giltigFran);
  return { name: null, effective: null, index: index ?? buildWhoPaysIndex(model), statedEffective: info.giltigFran };
}

/**
 * The lists in force on a date: the latest whose effective date is not after it. Undated lists
 * count as in force from the start, so a dated edition takes over from them.
 */
export function inForce(lists: readonly DatedLists[], date: string): DatedLists | null {
  let best: DatedLists | null = null;
  for (const l of lists) {
    if (l.effective !== null && l.effective > date) continue;
    if (!best || (l.effective ?? "") > (best.effective ?? "") || (l.effective === best.effective && l.effective === null)) best = l;
  }
  return best;
}

/** The earliest effective date of the dated lists, or null when none is dated. */
export function firstDated(lists: readonly DatedLists[]): string | null {
  return lists.map((l) => l.effective).filter((e): e is string => e !== null).sort()[0] ?? null;
}

/** The edition in force on a date, checked and chosen once per date (a column shares one). */
export type ListsOnDate = { readonly ok: true; readonly date: string; readonly lists: DatedLists } | Extract<WhoPaysResult, { ok: false }>;

/** Resolves a date against the lists: an invalid date or a date before every edition is an input error. */
export function listsOnDate(lists: readonly DatedLists[], date: string): ListsOnDate {
  if (!parseIsoDate(date)) return { ok: false, code: "DATE_INVALID", message: notADateSv("Datumet", date) };
  const lists_ = inForce(lists, date);
  if (!lists_) {
    const first = firstDated(lists);
    return { ok: false, code: "NO_EDITION", message: `Ingen utgåva av bilagorna gällde ${date}${first ? `; den tidigaste gäller från ${first}` : ""}.` };
  }
  return { ok: true, date, lists: lists_ };
}

/** The last date resolved and for which lists: consecutive questions on one date resolve it once. */
let lastLists: readonly DatedLists[] | null = null;
let lastOn: Extract<ListsOnDate, { ok: true }> | null = null;

function resolved(lists: readonly DatedLists[], date: string): ListsOnDate {
  if (lastOn !== null && lists === lastLists && date === lastOn.date) return lastOn;
  const on = listsOnDate(lists, date);
  if (on.ok) {
    lastLists = lists;
    lastOn = on;
  }
  return on;
}

/**
 * whoPays on a date across editions: the edition in force answers, with rows' own Giltig från
 * respected, and its name in the explanation.
 * @example whoPaysOnDate({ iso: "12 22 03", boendeform: "SÄBO", age: 80, date: "2026-12-31" }, [old, next])
 */
export function whoPaysOnDate(query: WhoPaysQuery, lists: readonly DatedLists[]): WhoPaysResult {
  const date = query.date ?? todayIso();
  const on = resolved(lists, date);
  if (!on.ok) return on;
  return whoPays(query.date === undefined ? { iso: query.iso, boendeform: query.boendeform, age: query.age, specialanpassad: query.specialanpassad, includeProposals: query.includeProposals, date } : query, on.lists.index);
}
