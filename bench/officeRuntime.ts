/**
 * Excel's custom-function runtime as the bench needs it: the REAL `CustomFunctions.Error` class,
 * taken from Microsoft's own runtime in node_modules/@microsoft/office-js (its `ErrorCode` table
 * and `CustomFunctionError` with its `toJSON`), and the serialisation the runtime applies to a
 * result before it crosses to Excel (`JSON.stringify`, which calls each error's `toJSON`).
 * Bench-only: this loads a vendor file's source text once, never anything of ours or remote.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import * as vm from "node:vm";

const RUNTIME = "node_modules/@microsoft/office-js/dist/custom-functions-runtime.debug.js";
const START = "!function(ErrorCode) {";
const END = "exports.CustomFunctionError = CustomFunctionError;";

export interface OfficeRuntime {
  readonly Error: new (code: string, message?: string) => Error & { code: string };
  readonly ErrorCode: Record<string, string>;
}

/** Loads the ErrorCode table and the CustomFunctionError class from the office-js runtime file. */
export function loadOfficeRuntime(root: string): OfficeRuntime {
  const source = readFileSync(path.join(root, RUNTIME), "utf8");
  const start = source.indexOf(START);
  const end = source.indexOf(END, start);
  if (start < 0 || end < 0) throw new Error(`bench: CustomFunctionError hittades inte i ${RUNTIME}`);
  // The excerpt refers to `ErrorCode`, `exports` and `__extends` (TypeScript's helper); give it
  // the runtime's own definitions, in this realm so that `instanceof Error` holds.
  const body = `var ErrorCode; ${source.slice(start, end + END.length)} return exports;`;
  const extendsHelper = (d: { prototype: object }, b: { prototype: object }) => {
    Object.setPrototypeOf(d, b);
    function P(this: { constructor: unknown }) {
      this.constructor = d;
    }
    P.prototype = b.prototype;
    d.prototype = new (P as unknown as new () => object)();
  };
  const factory = vm.runInThisContext(`(function (exports, __extends) { ${body} })`, { filename: RUNTIME }) as (
    exports: Record<string, unknown>,
    ext: typeof extendsHelper,
  ) => { CustomFunctionError: OfficeRuntime["Error"]; ErrorCode: Record<string, string> };
  const exported = factory({}, extendsHelper);
  return { Error: exported.CustomFunctionError, ErrorCode: exported.ErrorCode };
}

/** Installs the runtime's Error and ErrorCode as the global `CustomFunctions`, as Excel does. */
export function installOfficeRuntime(runtime: OfficeRuntime): void {
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
    associate: () => undefined,
    Error: runtime.Error,
    ErrorCode: runtime.ErrorCode,
  };
}

/** Bytes of a result as the runtime sends it to Excel: JSON with every error's own toJSON. */
export function serialisedBytes(result: unknown): number {
  return Buffer.byteLength(JSON.stringify(result));
}
