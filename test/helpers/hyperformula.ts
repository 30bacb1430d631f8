import { ArraySize, CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue, type ImplementedFunctions } from "hyperformula";
// The runtime's global first: functions.ts maps its errors through CustomFunctions.Error.
import { CustomFunctionError, ERROR_CODE, type ErrorCodeText } from "./customFunctionsRuntime";
import type { AnswerBasis } from "../../src/excel/modelSource";
import * as functions from "../../src/functions/functions";
import type { Metadata } from "./metadata";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const svSE = require("hyperformula/commonjs/i18n/languages/svSE").default;

/**
 * The add-in's real custom functions (src/functions/functions.ts) inside HyperFormula, called the
 * way Excel calls them under functions.json: every argument as a matrix (a single cell as 1×1, a
 * range as its rows), error cells as CustomFunctions.Error objects (capturesCalculationErrors),
 * omitted optional arguments as undefined, and the returned matrix spilled from the cell.
 *
 * Excel's functions are asynchronous and show #BUSY! until they resolve; HyperFormula is
 * synchronous. So a call starts the real function and reports #BUSY!; `settle` awaits every
 * started call and recalculates, and the second pass returns the settled result.
 */
const BY_ID: Record<string, (...args: never[]) => unknown> = functions.FUNCTIONS;

/** Excel's error text for HyperFormula's error types (what Excel would hand the function). */
const TO_EXCEL: Partial<Record<ErrorType, ErrorCodeText>> = {
  [ErrorType.VALUE]: ERROR_CODE.invalidValue,
  [ErrorType.NA]: ERROR_CODE.notAvailable,
  [ErrorType.DIV_BY_ZERO]: ERROR_CODE.divisionByZero,
  [ErrorType.NUM]: ERROR_CODE.invalidNumber,
  [ErrorType.NAME]: ERROR_CODE.invalidName,
  [ErrorType.REF]: ERROR_CODE.invalidReference,
};
const FROM_EXCEL = new Map<string, ErrorType>(Object.entries(TO_EXCEL).map(([type, code]) => [code, type as ErrorType]));

/** One HyperFormula cell value as Excel hands it to a custom function. */
function toExcelArg(v: unknown): unknown {
  if (v === EmptyValue || v === undefined) return null;
  if (v instanceof CellError) return new CustomFunctionError(TO_EXCEL[v.type] ?? ERROR_CODE.invalidValue, v.message);
  // Dates and other formatted numbers arrive as numbers (serials), as in Excel.
  if (typeof v === "object" && v !== null && "val" in v) return (v as { val: unknown }).val;
  return v;
}

/** A value the function returned, back into HyperFormula. */
function fromExcel(v: unknown): unknown {
  if (v instanceof CustomFunctionError) return new CellError(FROM_EXCEL.get(v.code) ?? ErrorType.VALUE, v.message);
  return v;
}

const settled = new Map<string, { ok: true; value: unknown } | { ok: false; error: unknown }>();
const pending = new Map<string, Promise<void>>();

/** Starts a real call, or returns its settled result. */
function call(id: string, args: unknown[]): unknown {
  const key = JSON.stringify([id, args], (_k, v) => (v instanceof CustomFunctionError ? { error: v.code, message: v.message } : v === undefined ? "__undefined" : v));
  const done = settled.get(key);
  if (done) {
    // Kept until settle() ends, so every cell asking the same question reads the same answer.
    if (!done.ok) return done.error instanceof CustomFunctionError ? fromExcel(done.error) : new CellError(ErrorType.ERROR, String(done.error));
    const matrix = done.value as unknown[][];
    if (!Array.isArray(matrix) || !matrix.every(Array.isArray)) return new CellError(ErrorType.ERROR, "the function did not return a matrix");
    const values = matrix.map((row) => row.map(fromExcel));
    return values.length === 1 && values[0]!.length === 1 ? values[0]![0] : SimpleRangeValue.onlyValues(values as never);
  }
  if (!pending.has(key)) {
    pending.set(
      key,
      Promise.resolve()
        .then(() => BY_ID[id]!(...(args as never[])))
        .then(
          (value) => void settled.set(key, { ok: true, value }),
          (error) => void settled.set(key, { ok: false, error }),
        ),
    );
  }
  return new CellError(ErrorType.ERROR, "#BUSY!");
}

/** Awaits every started call and recalculates until no call is pending (Excel's #BUSY! → value). */
export async function settle(hf: HyperFormula): Promise<void> {
  for (let round = 0; round < 5 && pending.size > 0; round++) {
    await Promise.all(pending.values());
    pending.clear();
    hf.rebuildAndRecalculate();
  }
  if (pending.size > 0) throw new Error("custom functions still pending after 5 recalculations");
  // The next recalculation calls the functions again (as Excel does), rather than reading old answers.
  settled.clear();
}

/**
 * Registers the add-in's functions in HyperFormula, named and shaped from the generated
 * functions.json (English) and functions-sv.json (Swedish). `basis` stands in for the workbook
 * read (modelSource.currentBasis, which needs Excel); everything after it is the real code.
 */
export function registerAddinFunctions(metadata: { en: Metadata; sv: Metadata }, basis?: () => AnswerBasis): void {
  if (basis) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const source = require("../../src/excel/modelSource") as { currentBasis: () => Promise<AnswerBasis> };
    source.currentBasis = async () => basis();
  }
  const implemented: ImplementedFunctions = {};
  class AddinPlugin extends FunctionPlugin {
    static override implementedFunctions = implemented;
  }
  const proto = AddinPlugin.prototype as unknown as Record<string, unknown>;
  for (const fn of metadata.en.functions) {
    if (!BY_ID[fn.id]) throw new Error(`no function for ${fn.id}`);
    const matrix = fn.parameters.map((p) => p.dimensionality === "matrix");
    implemented[`HJM.${fn.id}`] = {
      method: `fn_${fn.id}`,
      sizeOfResultArrayMethod: `size_${fn.id}`,
      parameters: fn.parameters.map((p) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: Boolean(p.optional) })),
    };
    proto[`fn_${fn.id}`] = function (this: FunctionPlugin, ast: { args: unknown[] }, state: unknown) {
      const self = this as unknown as { evaluateAst(a: unknown, s: unknown): unknown };
      if (ast.args.length > fn.parameters.length) return new CellError(ErrorType.NA, "too many arguments");
      const args = fn.parameters.map((_p, i) => {
        const a = ast.args[i] as { type?: string } | undefined;
        // An omitted argument (none, or an empty one as in =F(A1,,B1)) reaches the function as undefined.
        if (a === undefined || a.type === "EMPTY") return undefined;
        const v = self.evaluateAst(a, state);
        const rows = v instanceof SimpleRangeValue ? v.data.map((row) => row.map(toExcelArg)) : [[toExcelArg(v)]];
        return matrix[i] ? rows : rows[0]![0];
      });
      return call(fn.id, args);
    };
    // Excel spills one answer per row of the longest argument (a row argument answers per cell).
    proto[`size_${fn.id}`] = function (this: FunctionPlugin, ast: { args: unknown[] }, state: unknown) {
      const self = this as unknown as { arraySizeForAst(a: unknown, s: unknown): ArraySize };
      const heights = ast.args.filter((a) => a && (a as { type?: string }).type !== "EMPTY").map((a) => {
        const size = self.arraySizeForAst(a, state);
        return size.height > 1 ? size.height : size.width;
      });
      return new ArraySize(1, Math.max(1, ...heights));
    };
  }
  const translations = {
    enGB: Object.fromEntries(metadata.en.functions.map((f) => [`HJM.${f.id}`, `HJM.${f.name}`])),
    svSE: Object.fromEntries(metadata.sv.functions.map((f) => [`HJM.${f.id}`, `HJM.${f.name}`])),
  };
  if (!HyperFormula.getRegisteredLanguagesCodes().includes("svSE")) HyperFormula.registerLanguage("svSE", svSE);
  if (HyperFormula.getRegisteredFunctionNames("enGB").includes("HJM.WHO_PAYS")) return;
  HyperFormula.registerFunctionPlugin(AddinPlugin, translations);
}
