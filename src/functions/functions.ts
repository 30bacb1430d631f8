/* The custom functions: thin JSDoc'd wrappers over ./logic. functions.json is generated from
 * these comments at build time (never edited by hand); Swedish names come from ./sv.json.
 * Every argument may be a range: the functions spill one answer per row. */
import { currentBasis } from "../excel/modelSource";
import type { FunctionId } from "./table";
import { costShiftColumn, fromExcel, isoNormalizeColumn, isoTitleColumn, whoPaysColumn, whoPaysWhyColumn, type CellResult, type Shape } from "./logic";

// Outside Excel (office.js not loaded) the build's CustomFunctions.associate calls at the end of
// this module would throw; register nothing instead, and let the pane say it needs Excel.
if (typeof CustomFunctions === "undefined") {
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = { associate: () => undefined };
}

/** The lists to answer from, or #N/A with the reason when the workbook could not be read. */
async function basis() {
  try {
    return await currentBasis();
  } catch (e) {
    throw new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, (e as Error).message.slice(0, 255));
  }
}

let titles: Promise<ReadonlyMap<string, string>> | null = null;

/** The built-in ISO list's titles, loaded when ISO_TITLE first needs them. */
function builtInTitles(): Promise<ReadonlyMap<string, string>> {
  titles ??= import(/* webpackChunkName: "isolista" */ "../core/example/isoList").then((m) => new Map(m.ISO_LIST));
  return titles;
}

/**
 * Excel hands error cells to a function with capturesCalculationErrors as CustomFunctions.Error
 * objects; the core knows them as `{ error }`. (WHO_PAYS and WHO_PAYS_WHY read their arguments
 * in place and convert each cell as they read it.)
 */
function cells(arg: unknown[][] | null | undefined): unknown[][] | null | undefined {
  if (!arg) return arg;
  return arg.map((row) => row.map(fromExcel));
}

/**
 * The one place where results become Excel values: a failing element becomes an error value in
 * its own cell; arguments that do not fit together fail the whole call with #VALUE!. Rows the
 * logic shares (one per distinct answer) are converted once and stay shared: Excel's runtime only
 * serialises the result, and one CustomFunctions.Error stands for every cell with that failure.
 */
function toExcel<T>(result: Shape | CellResult<T>[][]): Array<Array<T | CustomFunctions.Error>> {
  if (!Array.isArray(result)) {
    throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, result.ok ? "" : `ARGUMENT_SHAPE: ${result.message}`);
  }
  // Converted in place: the row arrays are made for this call only, and rows that answer alike
  // share one array (and one error object), so a 100 000-row column needs no second array and
  // only as many conversions as there are distinct answers. A converted cell is a value or an
  // Error, never an object with `ok`, so a shared row is converted once.
  const rows = result as unknown as Array<Array<CellResult<T> | T | CustomFunctions.Error>>;
  let previous: unknown = null;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    if (row === previous) continue;
    previous = row;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (typeof cell === "object" && cell !== null && typeof (cell as { ok?: unknown }).ok === "boolean") {
        const made = cell as CellResult<T>;
        row[c] = made.ok ? made.value : new CustomFunctions.Error(made.error === "VALUE" ? CustomFunctions.ErrorCode.invalidValue : CustomFunctions.ErrorCode.notAvailable, made.message);
      }
    }
  }
  return rows as Array<Array<T | CustomFunctions.Error>>;
}

/**
 * Who pays for a prescribed aid (Kommun, Region or Egenansvar) under the Stockholm agreement. Give ranges to answer a whole column.
 * @customfunction WHO_PAYS
 * @param iso ISO 9999 code, e.g. "12 22 03" (or a column of codes).
 * @param boendeform Housing form: SABO, LSS_BOSTAD, LSS_DV, SOL_DAGV or SOL_SOCPSYK (Swedish names accepted).
 * @param age The person's age in years.
 * @param [specialanpassad] TRUE if the aid is specially adapted for the individual.
 * @param [datum] The date to answer for (default today): the edition in force on that date answers.
 * @returns Kommun, Region or Egenansvar, one per row.
 */
export async function whoPaysFn(iso: any[][], boendeform: any[][], age: any[][], specialanpassad?: any[][], datum?: any[][]): Promise<any[][]> {
  return toExcel(whoPaysColumn([iso, boendeform, age, specialanpassad, datum], (await basis()).lists));
}

/**
 * Why that payer: the rule code, the section of the agreement and the list row behind the answer.
 * @customfunction WHO_PAYS_WHY
 * @param iso ISO 9999 code, e.g. "12 22 03" (or a column of codes).
 * @param boendeform Housing form: SABO, LSS_BOSTAD, LSS_DV, SOL_DAGV or SOL_SOCPSYK (Swedish names accepted).
 * @param age The person's age in years.
 * @param [specialanpassad] TRUE if the aid is specially adapted for the individual.
 * @param [datum] The date to answer for (default today): the edition in force on that date answers.
 * @returns The explanation with rule code, section and edition, one per row.
 */
export async function whoPaysWhyFn(iso: any[][], boendeform: any[][], age: any[][], specialanpassad?: any[][], datum?: any[][]): Promise<any[][]> {
  return toExcel(whoPaysWhyColumn([iso, boendeform, age, specialanpassad, datum], (await basis()).lists));
}

/**
 * The Swedish title of an ISO 9999 code, from the workbook's ISO 9999 sheet or the built-in list.
 * @customfunction ISO_TITLE
 * @param iso ISO 9999 code, e.g. "12 22 03" (or a column of codes).
 * @returns The title, one per row.
 */
export async function isoTitleFn(iso: any[][]): Promise<any[][]> {
  return toExcel(isoTitleColumn(cells(iso), (await basis()).model, await builtInTitles()));
}

/**
 * An ISO 9999 code in normal form (NN, NN NN or NN NN NN); restores a lost leading zero.
 * @customfunction ISO_NORMALIZE
 * @param iso ISO 9999 code in any usual form, e.g. 122203 or "12.22.03" (or a column of codes).
 * @returns The code as NN NN NN, one per row.
 */
export function isoNormalizeFn(iso: any[][]): any[][] {
  return toExcel(isoNormalizeColumn(cells(iso)));
}

/**
 * The yearly cost that moves to the kommuner for a code and housing form between the editions in force on two dates (negative: to the Region; 0 for Egenansvar, which is no shift between the parties).
 * @customfunction COST_SHIFT
 * @param iso ISO 9999 code (or a column of codes).
 * @param boendeform Housing form (or a column).
 * @param cost The cost in SEK (or a column), e.g. last year's actual cost.
 * @param from_date The date of the old edition.
 * @param to_date The date of the new edition.
 * @returns SEK moving to the kommuner, one per row.
 */
export async function costShiftFn(iso: any[][], boendeform: any[][], cost: any[][], from_date: any[][], to_date: any[][]): Promise<any[][]> {
  return toExcel(costShiftColumn([iso, boendeform, cost, from_date, to_date].map(cells), (await basis()).lists));
}

/** Each function of the table by its id: what Excel calls (and the formula-engine tests register). */
export const FUNCTIONS: Readonly<Record<FunctionId, (...args: never[]) => unknown>> = {
  WHO_PAYS: whoPaysFn,
  WHO_PAYS_WHY: whoPaysWhyFn,
  ISO_TITLE: isoTitleFn,
  ISO_NORMALIZE: isoNormalizeFn,
  COST_SHIFT: costShiftFn,
};
