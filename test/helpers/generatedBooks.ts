/*
 * Generated bilagor for the cross-surface tests (fast-check): six codes of Bilaga 1 with random
 * payers per form, Status and Giltig från, each row documented as publishing requires.
 */
import fc from "fast-check";
import { listRow, type Rec } from "./workbooks";

export const PAYER = fc.constantFrom("Kommun", "Region", "Egenansvar");
export const CODES = ["12 22", "12 23", "12 24 09", "18 09 03", "15 09", "09 12 03"];
export const TITLE: Record<string, string> = { "12 22": "Manuellt drivna rullstolar", "12 23": "Eldrivna rullstolar", "12 24 09": "Drivaggregat", "18 09 03": "Stolar", "15 09": "Hjälpmedel för att äta", "09 12 03": "Toalettstolar" };

export interface RowSpec {
  readonly payers: readonly string[];
  readonly status: string | null;
  readonly giltig: string | null;
}
export const rowSpec = fc.record({ payers: fc.array(PAYER, { minLength: 4, maxLength: 4 }), status: fc.constantFrom(null, "Gällande", "Beslutad", "Förslag", "Utgår"), giltig: fc.constantFrom(null, "2026-09-01", "2026-11-01") });
export const book = fc.array(rowSpec, { minLength: CODES.length, maxLength: CODES.length });

export const DOCS: Rec = { Motivering: "m", "Ekonomisk beräkning": "0", Konsekvensanalys: "k", Beslutsdatum: "2026-05-01" };
export function bilaga(rows: readonly RowSpec[]): Rec[] {
  return rows.map((r, i) => listRow(CODES[i]!, TITLE[CODES[i]!]!, r.payers, { ...DOCS, ...(r.status ? { Status: r.status } : {}), ...(r.giltig ? { "Giltig från": r.giltig } : {}) }));
}
