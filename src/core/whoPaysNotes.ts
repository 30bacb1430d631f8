import type { Boendeform } from "./boendeform";
import type { BilagaRow, WorkbookModel } from "./model";
import { PAYER_COLUMNS } from "./sheets";
import { statusCounts, valueOf } from "./values";

/**
 * Explanations for answers without a payer whose cause is not a missing row: a row that exists
 * but does not count (its Status, or a Giltig från after the date), or a payer column whose
 * header is missing or renamed. Only wording: the answer's code stays as it is.
 */

/** The bilaga 1–2 payer columns each sheet lacks (header missing or renamed). */
export function missingPayerColumns(model: WorkbookModel): ReadonlyMap<"B1" | "B2", readonly Boendeform[]> {
  const missing = new Map<"B1" | "B2", Boendeform[]>();
  for (const key of ["B1", "B2"] as const) {
    const table = model.bilagor[key];
    if (!table) continue;
    const absent = PAYER_COLUMNS.map(([field]) => field).filter((field) => !table.columns.has(field));
    if (absent.length > 0) missing.set(key, absent);
  }
  return missing;
}

/** Why a row that exists does not answer, as "står som Utgår sedan 2026-04-01"; null when it counts. */
export function whyRowIsSilent(row: BilagaRow, date: string): string | null {
  if (!statusCounts(row.status)) {
    const status = valueOf(row.status);
    const since = valueOf(row.giltigFran) ?? valueOf(row.beslutsdatum);
    return status === "Utgår" ? `står som Utgår${since ? ` sedan ${since}` : ""}` : `står som ${status ?? "oläslig status"}`;
  }
  const from = valueOf(row.giltigFran);
  return from !== null && from > date ? `gäller först från ${from}` : null;
}

/**
 * "12 22 03 står i Bilaga 1 rad 19, men raden står som Utgår sedan 2026-04-01 …": the rows for the
 * code or a class above it that exist but do not count on the date; null when there are none.
 */
export function silentRowsNote(code: string, rows: ReadonlyArray<{ row: BilagaRow; sheet: string }>, date: string): string | null {
  const silent = rows.flatMap(({ row, sheet }) => {
    const why = whyRowIsSilent(row, date);
    return why ? [`${sheet} rad ${row.row} (${valueOf(row.iso)?.code ?? ""}) ${why}`] : [];
  });
  if (silent.length === 0) return null;
  return `Ingen betalare: ${code} har ingen gällande rad i bilaga 1–2 – ${silent.join("; ")}. Bara rader med Status tom, Gällande eller Beslutad och med Giltig från senast frågedagen svarar, och ingen princip avgör koden (§6.3).`;
}

/** "Bilaga 1 har ingen kolumn LSS bostad …": the cause when the form's payer column is missing. */
export function missingColumnNote(sheet: string, header: string): string {
  return `Ingen betalare: ${sheet} har ingen kolumn ${header} – rubriken saknas eller har bytt namn, så betalarna för den boendeformen kan inte läsas. Rätta rubriken till ”${header}” (granskningen visar det som HEADER_MISSING).`;
}
