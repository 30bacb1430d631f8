/*
 * The strict Office.js stand-in (test/e2e/fakeOffice.js, the same file the browser tests serve as
 * office.js) for Node tests, typed.
 */
import type { FakeCell, FakeWorkbook } from "../e2e/fakeWorkbook";

export interface FakeState {
  readonly selected: { sheet: string; address: string } | null;
  readonly activeSheet: string | null;
  readonly syncCount: number;
  /** Bytes on the wire over all syncs so far, as the payload limits count them. */
  readonly wireBytes: { readonly request: number; readonly response: number };
  readonly calculateCount: number;
  /** Every successful load of `values`, in order. */
  readonly valueLoads: ReadonlyArray<{ sheet: string; address: string; rows: number; cols: number; props: string[] }>;
  handlerCount(kind: "changed" | "added" | "deleted"): number;
  sheetNames(): string[];
  newContext(): Excel.RequestContext;
  getValue(sheet: string, a1: string): FakeCell;
  getFill(sheet: string, a1: string): string | null;
  getFillDetails(sheet: string, a1: string): { color: string; pattern: string; patternColor: string };
  getFormula(sheet: string, a1: string): string | null;
  numberFormat(sheet: string, a1: string): string | null;
  isBold(sheet: string, a1: string): boolean;
  frozenRows(sheet: string): number;
  dataValidation(sheet: string, a1: string): unknown;
  charts(sheet: string): Array<{ type: string; seriesBy: string; title: string; source: string | null }>;
  customXmlParts(): string[];
  setValue(sheet: string, a1: string, value: FakeCell): void;
  deleteSheet(name: string): void;
}

export interface FakeOffice {
  readonly Excel: typeof Excel;
  readonly fake: FakeState;
  readonly PAYLOAD_LIMIT_BYTES: number;
}

// A plain script shared with the browser, so it is required rather than imported.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const script = require("../e2e/fakeOffice.js") as { createFakeOffice(workbook: FakeWorkbook, options?: { host?: string }): FakeOffice; PAYLOAD_LIMIT_BYTES: number };

export const PAYLOAD_LIMIT_BYTES = script.PAYLOAD_LIMIT_BYTES;

/** A fake Excel holding `workbook`; `Excel.run` is also installed as the global `Excel` while `withGlobal` is used. */
export function fakeOffice(workbook: FakeWorkbook): FakeOffice {
  return script.createFakeOffice(workbook);
}

/** A sheet from rows of cells (row-major from A1), with optional number formats and formulas by A1 address. */
export function fakeSheet(name: string, cells: FakeCell[][], extra: Partial<FakeWorkbook["sheets"][number]> = {}): FakeWorkbook["sheets"][number] {
  return { name, cells, ...extra };
}

/** The error code a promise rejects with, or "resolved". */
export async function rejection(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "resolved";
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}

/** The error code a call throws, or "no error". */
export function thrown(f: () => unknown): string {
  try {
    f();
    return "no error";
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}
