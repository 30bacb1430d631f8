import { exampleWorkbook, EXAMPLE_EDITION_NAME } from "../core/example/exampleWorkbook";
import { readWorkbook, type WorkbookModel } from "../core/model";
import { buildWhoPaysIndex, type WhoPaysIndex } from "../core/whoPays";
import { readBilagorSheets, watchBilagorSheets } from "./adapter";

/** What the functions answer from: the open workbook's bilagor, or the built-in example. */
export interface AnswerBasis {
  readonly model: WorkbookModel;
  readonly index: WhoPaysIndex;
  readonly fromWorkbook: boolean;
  readonly label: string;
}

let builtIn: AnswerBasis | null = null;

export function builtInBasis(): AnswerBasis {
  if (!builtIn) {
    const model = readWorkbook(exampleWorkbook());
    builtIn = { model, index: buildWhoPaysIndex(model), fromWorkbook: false, label: `inbyggd exempelutgåva ”${EXAMPLE_EDITION_NAME}”` };
  }
  return builtIn;
}

/** A basis from a model: the workbook's when it has bilaga 1, 2 or 4, else the built-in example. */
export function basisOf(model: WorkbookModel): AnswerBasis {
  const { B1, B2, B4 } = model.bilagor;
  if (!B1 && !B2 && !B4) return builtInBasis();
  return { model, index: buildWhoPaysIndex(model), fromWorkbook: true, label: "arbetsbokens bilagor" };
}

let current: Promise<AnswerBasis> | null = null;
let listening = false;
let recalcTimer: ReturnType<typeof setTimeout> | undefined;

/** Delay before recalculating after an edit of a bilaga, so typing does not trigger a recalc per cell. */
export const RECALC_DEBOUNCE_MS = 1500;

async function load(): Promise<AnswerBasis> {
  if (typeof Excel === "undefined") return builtInBasis();
  try {
    return await Excel.run(async (context) => basisOf(readWorkbook(await readBilagorSheets(context))));
  } catch {
    // The functions keep answering (from the example) even when the workbook cannot be read.
    return builtInBasis();
  }
}

/** The current basis; read once and re-read after a bilagor sheet changes. */
export function currentBasis(): Promise<AnswerBasis> {
  if (!current) {
    current = load();
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
