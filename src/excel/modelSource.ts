import type { RawWorkbook } from "../core/cells";
import { readWorkbook, sheetKeyOf } from "../core/model";
import { readBilagorAndEditions, readSheetsAndEditions, watchBilagorSheets, type BilagorAndEditions } from "./adapter";
import type { AnswerBasis } from "./basis";

export type { AnswerBasis } from "./basis";

/** The basis module (and with it the example edition), loaded on first use. */
const basisModule = () => import(/* webpackChunkName: "underlag" */ "./basis");

let current: Promise<AnswerBasis> | null = null;
let listening = false;
let recalcTimer: ReturnType<typeof setTimeout> | undefined;

/** Delay before recalculating after an edit of a bilaga, so typing does not trigger a recalc per cell. */
export const RECALC_DEBOUNCE_MS = 1500;

async function load(): Promise<AnswerBasis> {
  const { builtInBasis } = await basisModule();
  if (typeof Excel === "undefined") return builtInBasis();
  return Excel.run(async (context) => basisFrom(await readBilagorAndEditions(context)));
}

/** The basis from a read of the bilagor and the stored editions. */
async function basisFrom({ workbook, editions, editionsError }: BilagorAndEditions): Promise<AnswerBasis> {
  const { basisOf, parseStoredEditions } = await basisModule();
  // Answers without the published editions would be wrong for dates before the workbook's own.
  if (editionsError) throw editionsError;
  const bilagor = { sheets: workbook.sheets.filter((s) => sheetKeyOf(s.name) !== null) };
  return basisOf(readWorkbook(bilagor), parseStoredEditions(editions));
}

/**
 * The basis read afresh together with other sheets (`extra`, e.g. cost lines) in the same round
 * trips, and kept as the current basis; returns the extra sheets and every sheet's name.
 */
export async function basisWithSheets(extra: (name: string) => boolean): Promise<{ basis: AnswerBasis; sheets: RawWorkbook; names: string[] }> {
  const read = await Excel.run((context) => readSheetsAndEditions(context, (name) => sheetKeyOf(name) !== null || extra(name)));
  const basis = await basisFrom(read);
  current = Promise.resolve(basis);
  void listenForChanges();
  return { basis, sheets: { sheets: read.workbook.sheets.filter((s) => extra(s.name)) }, names: read.names };
}

/**
 * The current basis; read once and re-read after a bilagor sheet changes. A failed read is not
 * kept (the next call tries again) and never falls back to the example: answers from the wrong
 * lists would look right.
 */
export function currentBasis(): Promise<AnswerBasis> {
  if (!current) {
    const attempt = load().catch((e: unknown) => {
      if (current === attempt) current = null;
      throw new Error(`Kunde inte läsa arbetsbokens bilagor: ${(e as Error)?.message ?? String(e)}`);
    });
    current = attempt;
    void listenForChanges();
  }
  return current;
}

/** Forget the cached basis (a bilaga changed); the next call reads the workbook again. */
export function invalidateBasis(): void {
  current = null;
}

async function listenForChanges(): Promise<void> {
  if (listening || typeof Excel === "undefined") return;
  listening = true;
  try {
    await Excel.run((context) => watchBilagorSheets(context, () => scheduleRecalc()));
  } catch {
    listening = false;
  }
}

/** Invalidate now; recalculate the workbook once the user pauses, so WHO_PAYS cells follow the new lists. */
function scheduleRecalc(): void {
  invalidateBasis();
  clearTimeout(recalcTimer);
  recalcTimer = setTimeout(() => {
    void Excel.run(async (context) => {
      context.workbook.application.calculate(Excel.CalculationType.full);
      await context.sync();
    }).catch(() => undefined);
  }, RECALC_DEBOUNCE_MS);
}
