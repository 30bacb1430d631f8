import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, type ImplementedFunctions } from "hyperformula";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const svSE = require("hyperformula/commonjs/i18n/languages/svSE").default;
import type { CellValue } from "../../src/core/cells";
import { costShiftColumn, isoNormalizeColumn, isoTitleColumn, whoPaysColumn, whoPaysWhyColumn, type CellResult, type Shape } from "../../src/functions/logic";
import type { AnswerBasis } from "../../src/excel/modelSource";
import type { Metadata } from "./metadata";

/** HyperFormula passes empty cells as a symbol; the functions see null like in Excel. */
const cell = (v: unknown): CellValue => (typeof v === "symbol" || v === undefined ? null : (v as CellValue));

/**
 * The edge mapping for HyperFormula: each cell calls the range form with 1×1 arguments, as Excel
 * does for a single value, and the one answer (or its error) becomes the cell's value.
 */
function toHf<T>(result: Shape | CellResult<T>[][]): T | CellError {
  if (!Array.isArray(result)) return new CellError(ErrorType.VALUE, result.ok ? "" : result.message);
  const cell = result[0]![0]!;
  return cell.ok ? cell.value : new CellError(cell.error === "VALUE" ? ErrorType.VALUE : ErrorType.NA, cell.message);
}

const m = (v: unknown) => [[cell(v)]];

/**
 * Registers the add-in's functions in HyperFormula, named and typed from the generated
 * functions.json (English) and functions-sv.json (Swedish), answering from `basis`.
 */
export function registerAddinFunctions(metadata: { en: Metadata; sv: Metadata }, basis: () => AnswerBasis): void {
  const implementations: Record<string, (...args: unknown[]) => unknown> = {
    WHO_PAYS: (iso, form, age, special, datum) => toHf(whoPaysColumn([m(iso), m(form), m(age), m(special), m(datum)], basis().lists)),
    WHO_PAYS_WHY: (iso, form, age, special, datum) => toHf(whoPaysWhyColumn([m(iso), m(form), m(age), m(special), m(datum)], basis().lists)),
    ISO_TITLE: (iso) => toHf(isoTitleColumn(m(iso), basis().model)),
    ISO_NORMALIZE: (iso) => toHf(isoNormalizeColumn(m(iso))),
    COST_SHIFT: (iso, form, cost, from, to) => toHf(costShiftColumn([m(iso), m(form), m(cost), m(from), m(to)], basis().lists)),
  };
  const implemented: ImplementedFunctions = {};
  const methods: Record<string, unknown> = {};
  for (const fn of metadata.en.functions) {
    const impl = implementations[fn.id];
    if (!impl) throw new Error(`no implementation for ${fn.id}`);
    const method = `fn_${fn.id}`;
    implemented[`HJM.${fn.id}`] = {
      method,
      parameters: fn.parameters.map((p) => ({ argumentType: FunctionArgumentType.SCALAR, optionalArg: Boolean(p.optional) })),
    };
    methods[method] = impl;
  }
  class AddinPlugin extends FunctionPlugin {
    static override implementedFunctions = implemented;
  }
  for (const fn of metadata.en.functions) {
    const meta = `HJM.${fn.id}`;
    (AddinPlugin.prototype as unknown as Record<string, unknown>)[`fn_${fn.id}`] = function (this: AddinPlugin, ast: { args: unknown[] }, state: unknown) {
      return (this as unknown as { runFunction: (...a: unknown[]) => unknown }).runFunction(ast.args, state, (this as unknown as { metadata: (n: string) => unknown }).metadata(meta), methods[`fn_${fn.id}`]);
    };
  }
  const translations = {
    enGB: Object.fromEntries(metadata.en.functions.map((f) => [`HJM.${f.id}`, `HJM.${f.name}`])),
    svSE: Object.fromEntries(metadata.sv.functions.map((f) => [`HJM.${f.id}`, `HJM.${f.name}`])),
  };
  if (!HyperFormula.getRegisteredLanguagesCodes().includes("svSE")) HyperFormula.registerLanguage("svSE", svSE);
  if (HyperFormula.getRegisteredFunctionNames("enGB").includes("HJM.WHO_PAYS")) HyperFormula.unregisterFunctionPlugin(AddinPlugin);
  HyperFormula.registerFunctionPlugin(AddinPlugin, translations);
}
