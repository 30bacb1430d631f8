/*
 * The function table, in the spirit of HyperFormula's function plugins: each custom function's id,
 * its English and Swedish names, its arguments (English and Swedish names, which are optional) and
 * how ranges spread. The Swedish names come from ./sv.json (which the build also turns into
 * functions-sv.json); the English ids and arguments are the JSDoc in functions.ts, from which
 * functions.json is generated — a test holds both to this table, and the logic names its
 * arguments in messages from it.
 */
import sv from "./sv.json";

export type FunctionId = "WHO_PAYS" | "WHO_PAYS_WHY" | "ISO_TITLE" | "ISO_NORMALIZE" | "COST_SHIFT";

export interface FunctionArgSpec {
  /** The English name (functions.json). */
  readonly name: string;
  /** The Swedish name Excel shows with Swedish functions (functions-sv.json). */
  readonly sv: string;
  readonly optional: boolean;
}

export interface FunctionSpec {
  readonly id: FunctionId;
  /** The Swedish name (VEM_BETALAR); the English name is `id`. */
  readonly sv: string;
  readonly args: readonly FunctionArgSpec[];
  /**
   * How ranges spread, the same for every function: each argument is one value, a column or a
   * row; the columns and rows given must be equally long; one value counts for every row; the
   * answer is a column with one cell per row, and a bad row is an error in its own cell only.
   */
  readonly spread: "rows";
}

type SvEntry = { readonly name: string; readonly parameterNames?: Readonly<Record<string, string>> };
const SV = sv as unknown as Readonly<Record<FunctionId, SvEntry>>;

function spec(id: FunctionId, args: ReadonlyArray<readonly [name: string, optional?: "optional"]>): FunctionSpec {
  const entry = SV[id];
  return { id, sv: entry.name, args: args.map(([name, optional]) => ({ name, sv: entry.parameterNames?.[name] ?? name, optional: optional === "optional" })), spread: "rows" };
}

const PAY_ARGS = [["iso"], ["boendeform"], ["age"], ["specialanpassad", "optional"], ["datum", "optional"]] as const;

export const FUNCTION_TABLE: Readonly<Record<FunctionId, FunctionSpec>> = {
  WHO_PAYS: spec("WHO_PAYS", PAY_ARGS),
  WHO_PAYS_WHY: spec("WHO_PAYS_WHY", PAY_ARGS),
  ISO_TITLE: spec("ISO_TITLE", [["iso"]]),
  ISO_NORMALIZE: spec("ISO_NORMALIZE", [["iso"]]),
  COST_SHIFT: spec("COST_SHIFT", [["iso"], ["boendeform"], ["cost"], ["from_date"], ["to_date"]]),
};

/** A function's argument names as its messages say them (Swedish, as the user sees them in Excel). */
export const argNamesSv = (id: FunctionId): readonly string[] => FUNCTION_TABLE[id].args.map((a) => a.sv);
