import { readWorkbook } from "../core/model";
import { readBilagorSheets, readStoredEditions, watchBilagorSheets } from "./adapter";
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
  const { basisOf, builtInBasis, parseStoredEditions } = await basisModule();
  if (typeof Excel === "undefined") return builtInBasis();
  return Excel.run(async (context) => {
    const raw = await readBilagorSheets(context);
    const stored = await readStoredEditions(context);
    return basisOf(readWorkbook(raw), parseStoredEditions(stored));
  });
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
