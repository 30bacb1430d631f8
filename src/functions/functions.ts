/* The custom functions: thin JSDoc'd wrappers over ./logic. functions.json is generated from
 * these comments at build time (never edited by hand); Swedish names come from ./sv.json. */
import type { CellValue } from "../core/cells";
import { currentBasis } from "../excel/modelSource";
import { isoNormalizeValue, isoTitleValue, whoPaysValue, whoPaysWhyValue, type CellResult } from "./logic";

/** Cell arguments as the logic takes them (optional ones arrive as null or undefined). */
function payArgs(iso: unknown, boendeform: unknown, age: unknown, specialanpassad: unknown, datum: unknown) {
  return { iso: iso as CellValue, boendeform: boendeform as CellValue, age: age as CellValue, specialanpassad: specialanpassad as CellValue, datum: datum as CellValue };
}

/** The one place where a failure becomes an Excel error value. */
function toExcel<T>(result: CellResult<T>): T {
  if (result.ok) return result.value;
  throw new CustomFunctions.Error(
    result.error === "VALUE" ? CustomFunctions.ErrorCode.invalidValue : CustomFunctions.ErrorCode.notAvailable,
    result.message,
  );
}

/**
 * Who pays for a prescribed aid (Kommun, Region or Egenansvar) under the Stockholm agreement.
 * @customfunction WHO_PAYS
 * @param iso ISO 9999 code, e.g. "12 22 03".
 * @param boendeform Housing form: SABO, LSS_BOSTAD, LSS_DV, SOL_DAGV or SOL_SOCPSYK (Swedish names accepted).
 * @param age The person's age in years.
 * @param [specialanpassad] TRUE if the aid is specially adapted for the individual.
 * @param [datum] The date to answer for (default today): the edition in force on that date answers.
 * @returns Kommun, Region or Egenansvar.
 */
export async function whoPaysFn(iso: any, boendeform: any, age: any, specialanpassad?: any, datum?: any): Promise<string> {
  const basis = await currentBasis();
  return toExcel(whoPaysValue(payArgs(iso, boendeform, age, specialanpassad, datum), basis.lists));
}

/**
 * Why that payer: the rule code, the section of the agreement and the list row behind the answer.
 * @customfunction WHO_PAYS_WHY
 * @param iso ISO 9999 code, e.g. "12 22 03".
 * @param boendeform Housing form: SABO, LSS_BOSTAD, LSS_DV, SOL_DAGV or SOL_SOCPSYK (Swedish names accepted).
 * @param age The person's age in years.
 * @param [specialanpassad] TRUE if the aid is specially adapted for the individual.
 * @param [datum] The date to answer for (default today): the edition in force on that date answers.
 * @returns The explanation with rule code, section and edition.
 */
export async function whoPaysWhyFn(iso: any, boendeform: any, age: any, specialanpassad?: any, datum?: any): Promise<string> {
  const basis = await currentBasis();
  return toExcel(whoPaysWhyValue(payArgs(iso, boendeform, age, specialanpassad, datum), basis.lists));
}

/**
 * The Swedish title of an ISO 9999 code, from the workbook's ISO 9999 sheet or the built-in list.
 * @customfunction ISO_TITLE
 * @param iso ISO 9999 code, e.g. "12 22 03".
 * @returns The title.
 */
export async function isoTitleFn(iso: any): Promise<string> {
  const basis = await currentBasis();
  return toExcel(isoTitleValue(iso as CellValue, basis.model));
}

/**
 * An ISO 9999 code in normal form (NN, NN NN or NN NN NN); restores a lost leading zero.
 * @customfunction ISO_NORMALIZE
 * @param iso ISO 9999 code in any usual form, e.g. 122203 or "12.22.03".
 * @returns The code as NN NN NN.
 */
export function isoNormalizeFn(iso: any): string {
  return toExcel(isoNormalizeValue(iso as CellValue));
}
