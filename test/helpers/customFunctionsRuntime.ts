/**
 * The `CustomFunctions` global as Office's custom-functions runtime defines it
 * (@microsoft/office-js dist/custom-functions-runtime.js, @types/custom-functions-runtime): an
 * `ErrorCode` enum of Excel's error texts and a `CustomFunctions.Error` class whose `code`
 * defaults to #VALUE!. `associate` records the registrations. Installed before
 * src/functions/functions.ts is loaded, so the real wrapper maps its errors through it.
 */
export const ERROR_CODE = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;
export type ErrorCodeText = (typeof ERROR_CODE)[keyof typeof ERROR_CODE];

export class CustomFunctionError extends Error {
  readonly code: ErrorCodeText;
  readonly type = "Error";
  readonly basicType = "Error";
  readonly basicValue: ErrorCodeText;
  constructor(code?: ErrorCodeText, message?: string) {
    super(message ?? "");
    Object.setPrototypeOf(this, CustomFunctionError.prototype);
    if (code !== undefined && !Object.values(ERROR_CODE).includes(code)) throw new TypeError(`CustomFunctions.Error: unknown error code ${String(code)}`);
    this.code = code ?? ERROR_CODE.invalidValue;
    this.basicValue = this.code;
  }
}

export const associations = new Map<string, (...args: never[]) => unknown>();

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  Error: CustomFunctionError,
  ErrorCode: ERROR_CODE,
  associate(id: string, fn: (...args: never[]) => unknown) {
    associations.set(id, fn);
  },
};
