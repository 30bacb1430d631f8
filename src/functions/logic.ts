import { cellText, isCellError, isEmptyCell, type CellValue } from "../core/cells";
import { ISO_LIST } from "../core/example/isoList";
import { parseIsoCode } from "../core/iso";
import type { WorkbookModel } from "../core/model";
import { readDate, valueOf } from "../core/values";
import { whoPaysOnDate, type DatedLists } from "../core/editions/inForce";
import type { WhoPaysResult } from "../core/whoPays";

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

function inputFailure(result: Extract<WhoPaysResult, { ok: false }>): CellResult<never> {
  return fail("VALUE", clip(`${result.code}: ${result.message}`));
}

export interface PayArgs {
  readonly iso: CellValue;
  readonly boendeform: CellValue;
  readonly age: CellValue;
  readonly specialanpassad?: CellValue;
  /** The date to answer for (a date cell, a serial number or text YYYY-MM-DD); empty = today. */
  readonly datum?: CellValue;
}

/** Answers on the asked date from the lists in force then (editions and the workbook). */
function answer(args: PayArgs, lists: readonly DatedLists[]): WhoPaysResult {
  const { datum, ...query } = args;
  if (isEmptyCell(datum)) return whoPaysOnDate(query, lists);
  const date = isCellError(datum) ? null : readDate(datum!);
  if (date === null) return { ok: false, code: "DATE_INVALID", message: `Ogiltigt datum ”${cellText(datum).slice(0, 30)}”. Ange ett datum eller text ÅÅÅÅ-MM-DD.` };
  return whoPaysOnDate({ ...query, date }, lists);
}

/** WHO_PAYS: the payer, or #N/A with the rule and its reason when no payer can be named. */
export function whoPaysValue(args: PayArgs, lists: readonly DatedLists[]): CellResult<string> {
  const result = answer(args, lists);
  if (!result.ok) return inputFailure(result);
  if (result.payer === null) return fail("NA", clip(`${result.rule} ${result.section}: ${result.explanation}`));
  return ok(result.payer);
}

/** WHO_PAYS_WHY: the explanation with rule code and §, also when there is no payer. */
export function whoPaysWhyValue(args: PayArgs, lists: readonly DatedLists[]): CellResult<string> {
  const result = answer(args, lists);
  if (!result.ok) return inputFailure(result);
  const source = result.source ? ` Källa: ${result.source.sheet} rad ${result.source.row}.` : "";
  return ok(`[${result.rule} ${result.section}] ${result.explanation}${source}`);
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

const BUILT_IN_TITLES = new Map(ISO_LIST);

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

/** ISO_TITLE: the Swedish title from the workbook's `ISO 9999` sheet, else from the built-in list. */
export function isoTitleValue(iso: CellValue, model: WorkbookModel | null): CellResult<string> {
  const normal = isoNormalizeValue(iso);
  if (!normal.ok) return normal;
  const code = normal.value;
  const title = (model ? workbookTitles(model).get(code) : undefined) ?? BUILT_IN_TITLES.get(code);
  if (title) return ok(title);
  return fail("NA", `ISO_UNKNOWN: ${code} finns varken i arbetsbokens blad ISO 9999 eller i den inbyggda (partiella) listan.`);
}
