import { payerShift } from "../core/costs/costShift";
import { cellText, isCellError, isEmptyCell, type CellValue } from "../core/cells";
import { listsOnDate, whoPaysOnDate, type DatedLists, type ListsOnDate } from "../core/editions/inForce";
import { parseIsoCode } from "../core/iso";
import type { WorkbookModel } from "../core/model";
import { notADateSv, readAmount, readDate, todayIso, valueOf } from "../core/values";
import { whoPays, type WhoPaysQuery, type WhoPaysResult } from "../core/whoPays";
import { INPUT_ERROR_SV, NO_PAYER_BRIEF_SV } from "../core/editions/guideText";
import { argNamesSv } from "./table";

/**
 * The custom functions as plain logic: each returns a value or a failure that the edge maps to
 * an Excel error (`#VALUE!` for bad input, `#N/A` for no answer). Used by the Office.js wrappers
 * and by the formula-engine tests alike.
 */
export type CellResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: "VALUE" | "NA"; readonly message: string };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = (error: "VALUE" | "NA", message: string): CellResult<never> => ({ ok: false, error, message });

/** Excel shows error messages in a tooltip; keep them readable. */
const MAX_MESSAGE = 255;
const clip = (text: string) => (text.length > MAX_MESSAGE ? text.slice(0, MAX_MESSAGE - 1) + "…" : text);

function inputFailure(result: Extract<WhoPaysResult, { ok: false }>, brief = false): CellResult<never> {
  return fail("VALUE", brief ? `${result.code}: ${BRIEF[result.code]}` : clip(`${result.code}: ${result.message}`));
}

/**
 * Short reasons for answers in a spilled column: a 100 000-row answer must stay within Excel on
 * the web's payload limit (~5 MB), so each error carries its code and a few words: an input error
 * in the words the pane's Fråga and the answer CSV use (INPUT_ERROR_SV), no payer in
 * NO_PAYER_BRIEF_SV. The full reason is one VEM_BETALAR_VARFÖR away.
 */
const BRIEF: Readonly<Record<string, string>> = { ...INPUT_ERROR_SV, ...NO_PAYER_BRIEF_SV };

export interface PayArgs {
  readonly iso: CellValue;
  readonly boendeform: CellValue;
  readonly age: CellValue;
  readonly specialanpassad?: CellValue;
  /** The date to answer for (a date cell, a serial number or text YYYY-MM-DD); empty = today. */
  readonly datum?: CellValue;
}

/**
 * The lists in force on the asked date (default `today`): a date cell, a serial number or text
 * YYYY-MM-DD. A column with one date resolves it once per call.
 */
function listsOn(datum: CellValue, lists: readonly DatedLists[], today: string): ListsOnDate {
  if (isEmptyCell(datum)) return listsOnDate(lists, today);
  const date = isCellError(datum) ? null : readDate(datum!);
  if (date === null) return { ok: false, code: "DATE_INVALID", message: notADateSv("Datumet", cellText(datum)) };
  return listsOnDate(lists, date);
}

/** A query object the column loop refills for each row: nothing in whoPays keeps it. */
type RowQuery = { -readonly [K in keyof WhoPaysQuery]: WhoPaysQuery[K] };

/** Answers on the asked date (default `today`) from the lists in force then (editions and the workbook). */
function answer(args: PayArgs, lists: readonly DatedLists[], today: string): WhoPaysResult {
  const on = listsOn(args.datum, lists, today);
  if (!on.ok) return on;
  return whoPays({ iso: args.iso, boendeform: args.boendeform, age: args.age, specialanpassad: args.specialanpassad, date: on.date }, on.lists.index);
}

/** WHO_PAYS's cell for an answer: the payer, or #N/A with the rule and its reason (brief in a spilled column). */
function payerCell(result: WhoPaysResult, brief: boolean): CellResult<string> {
  if (!result.ok) return inputFailure(result, brief);
  if (result.payer === null) return fail("NA", brief ? `${result.rule} ${result.section}: ${BRIEF[result.rule]}` : clip(`${result.rule} ${result.section}: ${result.explanation}`));
  return ok(result.payer);
}

/** WHO_PAYS_WHY's cell for an answer: the explanation with rule code and §, also when there is no payer. */
function whyCell(result: WhoPaysResult): CellResult<string> {
  if (!result.ok) return inputFailure(result);
  // Every explanation names its source row itself (whoPays), so it is said once.
  return ok(`[${result.rule} ${result.section}] ${result.explanation}`);
}

/** WHO_PAYS: the payer, or #N/A with the rule and its reason when no payer can be named. */
export function whoPaysValue(args: PayArgs, lists: readonly DatedLists[], today = todayIso(), brief = false): CellResult<string> {
  return payerCell(answer(args, lists, today), brief);
}

/** WHO_PAYS_WHY: the explanation with rule code and §, also when there is no payer. */
export function whoPaysWhyValue(args: PayArgs, lists: readonly DatedLists[], today = todayIso()): CellResult<string> {
  return whyCell(answer(args, lists, today));
}

/** ISO_NORMALIZE: the normal form `NN NN NN`. */
export function isoNormalizeValue(iso: CellValue): CellResult<string> {
  const parsed = parseIsoCode(iso);
  if (parsed.ok) return ok(parsed.code);
  return fail(
    "VALUE",
    parsed.reason === "empty" ? "ISO_FORMAT: ISO-kod saknas." : `ISO_FORMAT: ”${parsed.text.slice(0, 40)}” är ingen ISO 9999-kod (NN, NN NN eller NN NN NN).`,
  );
}

const titleCache = new WeakMap<WorkbookModel, Map<string, string>>();

/** The titles of a workbook's `ISO 9999` sheet, built once per model. */
function workbookTitles(model: WorkbookModel): Map<string, string> {
  let titles = titleCache.get(model);
  if (!titles) {
    titles = new Map();
    for (const row of model.iso?.rows ?? []) {
      const code = valueOf(row.iso)?.code;
      if (code && row.title && !titles.has(code)) titles.set(code, row.title);
    }
    titleCache.set(model, titles);
  }
  return titles;
}

/**
 * ISO_TITLE: the Swedish title from the workbook's `ISO 9999` sheet, else from the built-in list
 * (`builtIn`, loaded by the caller when first needed: it is not part of the pane's first paint).
 */
export function isoTitleValue(iso: CellValue, model: WorkbookModel | null, builtIn: ReadonlyMap<string, string>): CellResult<string> {
  const normal = isoNormalizeValue(iso);
  if (!normal.ok) return normal;
  const code = normal.value;
  const title = (model ? workbookTitles(model).get(code) : undefined) ?? builtIn.get(code);
  if (title) return ok(title);
  return fail("NA", `ISO_UNKNOWN: ${code} finns varken i arbetsbokens blad ISO 9999 eller i den inbyggda (partiella) listan.`);
}

// ---------------------------------------------------------------------------------------------
// Whole columns: every argument may be a range (a column or a row) or a single value, which is
// broadcast. One call answers all rows; each failing element is an error in its own cell.

/** A cell argument as Excel hands it to a function declared with `any[][]`; omitted optional ones are null. */
export type MatrixArg = ReadonlyArray<ReadonlyArray<unknown>> | null | undefined;

export type Shape = { readonly ok: true; readonly rows: number; readonly columns: ReadonlyArray<ReadonlyArray<CellValue>> } | { readonly ok: false; readonly message: string };

/**
 * Excel hands error cells to a function with capturesCalculationErrors as CustomFunctions.Error
 * objects (with a `code`); the core knows them as `{ error }`.
 */
export function fromExcel(v: unknown): CellValue {
  if (typeof v === "object" && v !== null && !(v instanceof Date) && !("error" in v) && "code" in v) return { error: String((v as { code: unknown }).code) };
  return v as CellValue;
}

/** How an argument is laid out: one value for every row, a column, or a row. */
const Layout = { One: 0, Column: 1, Row: 2 } as const;

/** An argument read in place, never copied: `valueAt` picks a row's value. */
export interface ArgColumn {
  readonly arg: MatrixArg;
  readonly layout: (typeof Layout)[keyof typeof Layout];
  readonly length: number;
}

export type Args = { readonly ok: true; readonly rows: number; readonly columns: readonly ArgColumn[] } | { readonly ok: false; readonly message: string };

/** The arguments as equally long columns, read in place, or why they cannot be (a 2-D block, or lengths that differ). */
export function readArgs(args: readonly MatrixArg[], names: readonly string[]): Args {
  const columns: ArgColumn[] = [];
  let rows = 1;
  // An optional argument left out at the end counts as omitted.
  for (let i = 0; i < Math.max(args.length, names.length); i++) {
    const arg = args[i];
    if (arg === null || arg === undefined || arg.length === 0) {
      columns.push({ arg: null, layout: Layout.One, length: 1 });
      continue;
    }
    const width = arg[0]?.length ?? 0;
    if (arg.length > 1 && width > 1) return { ok: false, message: `${names[i]}: ange en kolumn, en rad eller ett värde, inte ett område med ${arg.length}×${width} celler.` };
    const length = arg.length === 1 ? width : arg.length;
    columns.push({ arg, layout: length === 1 ? Layout.One : arg.length === 1 ? Layout.Row : Layout.Column, length });
    if (length > rows) rows = length;
  }
  for (let i = 0; i < columns.length; i++) {
    const length = columns[i]!.length;
    if (length !== 1 && length !== rows) return { ok: false, message: `${names[i]} har ${length} rader men andra argument har ${rows}; områdena måste vara lika långa (eller ett enda värde).` };
  }
  return { ok: true, rows, columns };
}

/** Row `r` of an argument (a single value counts for every row). */
export function valueAt(column: ArgColumn, r: number): CellValue {
  const arg = column.arg;
  if (arg === null || arg === undefined) return null;
  return fromExcel(column.layout === Layout.Column ? arg[r]![0] : column.layout === Layout.Row ? arg[0]![r] : arg[0]![0]);
}

/** The arguments as equally long columns (copied), for the functions that are not hot. */
export function broadcast(args: readonly MatrixArg[], names: readonly string[]): Shape {
  const read = readArgs(args, names);
  if (!read.ok) return read;
  return { ok: true, rows: read.rows, columns: read.columns.map((c) => Array.from({ length: read.rows }, (_, r) => valueAt(c, r) ?? null)) };
}

/** Applies `fn` to each row of broadcast arguments: a column of results. */
export function mapRows<T>(shape: Extract<Shape, { ok: true }>, fn: (cells: readonly CellValue[]) => CellResult<T>): CellResult<T>[][] {
  const out: CellResult<T>[][] = new Array(shape.rows);
  const row: CellValue[] = new Array(shape.columns.length);
  for (let r = 0; r < shape.rows; r++) {
    for (let c = 0; c < shape.columns.length; c++) row[c] = shape.columns[c]![r]!;
    out[r] = [fn(row)];
  }
  return out;
}

/** WHO_PAYS's arguments as its messages name them (the function table's Swedish names). */
const PAY_ARG_NAMES = argNamesSv("WHO_PAYS");

/**
 * WHO_PAYS or WHO_PAYS_WHY over ranges: the date (and so the edition) resolved once when it is
 * one value, the arguments read in place, one query object refilled per row, and one cell per
 * distinct answer (the memo in whoPays returns the same answer for the same question), so
 * 100 000 rows cost 100 000 lookups and only as many cells as there are distinct answers.
 */
function answerColumn(args: readonly MatrixArg[], lists: readonly DatedLists[], toCell: (result: WhoPaysResult) => CellResult<string>, today: string): Shape | CellResult<string>[][] {
  const read = readArgs(args, PAY_ARG_NAMES);
  if (!read.ok) return read;
  const [iso, form, age, special, datum] = read.columns as [ArgColumn, ArgColumn, ArgColumn, ArgColumn, ArgColumn];
  const oneDate = datum.layout === Layout.One ? listsOn(valueAt(datum, 0), lists, today) : null;
  // One row per distinct answer: rows that answer alike share it (the result is only read, then serialised).
  const answered = new Map<WhoPaysResult, readonly [CellResult<string>]>();
  const failed = new Map<string, readonly [CellResult<string>]>();
  const query: RowQuery = { iso: null, boendeform: null, age: null, specialanpassad: null, date: undefined };
  const out: Array<readonly [CellResult<string>]> = new Array(read.rows);
  for (let r = 0; r < read.rows; r++) {
    const on = oneDate ?? listsOn(valueAt(datum, r), lists, today);
    let result: WhoPaysResult;
    if (on.ok) {
      query.iso = valueAt(iso, r);
      query.boendeform = valueAt(form, r);
      query.age = valueAt(age, r);
      query.specialanpassad = valueAt(special, r);
      query.date = on.date;
      result = whoPays(query, on.lists.index);
    } else result = on;
    // The memo returns one result object per distinct question (refusals included), so the
    // identity lookup serves almost every row; refusals made afresh share a row by their message.
    let row = answered.get(result);
    if (row === undefined) {
      const made = toCell(result);
      if (made.ok) row = [made];
      else {
        row = failed.get(made.message);
        if (row === undefined) failed.set(made.message, (row = [made]));
      }
      answered.set(result, row);
    }
    out[r] = row;
  }
  return out as unknown as CellResult<string>[][];
}

/** WHO_PAYS over ranges; in a spilled column each error is brief (code, §, a few words). */
export function whoPaysColumn(args: readonly MatrixArg[], lists: readonly DatedLists[], today = todayIso()): Shape | CellResult<string>[][] {
  const read = readArgs(args, PAY_ARG_NAMES);
  if (!read.ok) return read;
  const brief = read.rows > 1;
  return answerColumn(args, lists, (result) => payerCell(result, brief), today);
}

/** WHO_PAYS_WHY over ranges. */
export function whoPaysWhyColumn(args: readonly MatrixArg[], lists: readonly DatedLists[], today = todayIso()): Shape | CellResult<string>[][] {
  return answerColumn(args, lists, whyCell, today);
}

export function isoTitleColumn(iso: MatrixArg, model: WorkbookModel | null, builtIn: ReadonlyMap<string, string>): Shape | CellResult<string>[][] {
  const shape = broadcast([iso], argNamesSv("ISO_TITLE"));
  return shape.ok ? mapRows(shape, ([code]) => isoTitleValue(code!, model, builtIn)) : shape;
}

export function isoNormalizeColumn(iso: MatrixArg): Shape | CellResult<string>[][] {
  const shape = broadcast([iso], argNamesSv("ISO_NORMALIZE"));
  return shape.ok ? mapRows(shape, ([code]) => isoNormalizeValue(code!)) : shape;
}

const COST_ARG_NAMES = argNamesSv("COST_SHIFT");

/** A date argument: a date cell, a serial number or text YYYY-MM-DD. */
function dateArg(raw: CellValue, name: string): { ok: true; date: string } | { ok: false; result: CellResult<never> } {
  const date = isEmptyCell(raw) || isCellError(raw) ? null : readDate(raw!);
  return date ? { ok: true, date } : { ok: false, result: fail("VALUE", `DATE_INVALID: ${notADateSv(name, cellText(raw))}`) };
}

/**
 * COST_SHIFT for one row: the cost that moves to the kommuner between the lists in force on the
 * two dates — the cost if the kommun takes it over from the Region, minus it if the Region takes it
 * over from the kommun; 0 when the payer is the same or the change is to or from Egenansvar (the
 * individual pays: no shift between the parties, as in kostnadsförskjutning). An adult is assumed.
 */
export function costShiftValue(iso: CellValue, boendeform: CellValue, cost: CellValue, fromDate: CellValue, toDate: CellValue, lists: readonly DatedLists[]): CellResult<number> {
  const amount = typeof cost === "number" ? cost : typeof cost === "string" ? readAmountText(cost) : null;
  if (amount === null) return fail("VALUE", `VALUE_INVALID: kostnaden ”${cellText(cost).slice(0, 30)}” är inget belopp.`);
  const [, , , fromName, toName] = COST_ARG_NAMES;
  const from = dateArg(fromDate, fromName!);
  if (!from.ok) return from.result;
  const to = dateArg(toDate, toName!);
  if (!to.ok) return to.result;
  const before = whoPaysOnDate({ iso, boendeform, age: 65, date: from.date }, lists);
  if (!before.ok) return inputFailure(before);
  const after = whoPaysOnDate({ iso, boendeform, age: 65, date: to.date }, lists);
  if (!after.ok) return inputFailure(after);
  for (const [r, when] of [[before, from.date], [after, to.date]] as const) {
    if (r.payer === null) return fail("NA", clip(`${r.rule} ${r.section}: ingen betalare ${when}. ${r.explanation}`));
  }
  // The core's rule (payerShift), as kostnadsförskjutning and CHANGE_NOT_NEUTRAL apply it: the
  // line's cost was borne by the earlier payer; to or from Egenansvar is no shift between the parties.
  return ok(payerShift(before.payer!, after.payer!, { kommun: amount, region: amount }).toKommun);
}

function readAmountText(text: string): number | null {
  const t = text.trim();
  return t === "" ? null : readAmount(t);
}

/** COST_SHIFT over ranges. */
export function costShiftColumn(args: readonly MatrixArg[], lists: readonly DatedLists[]): Shape | CellResult<number>[][] {
  const shape = broadcast(args, COST_ARG_NAMES);
  if (!shape.ok) return shape;
  return mapRows(shape, ([iso, form, cost, from, to]) => costShiftValue(iso!, form!, cost!, from!, to!, lists));
}
