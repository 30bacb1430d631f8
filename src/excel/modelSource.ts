import { exampleWorkbook, EXAMPLE_EDITION_NAME } from "../core/example/exampleWorkbook";
import { readWorkbook, type WorkbookModel } from "../core/model";
import { buildWhoPaysIndex, type WhoPaysIndex } from "../core/whoPays";
import { editionModel, parseEdition, type Edition } from "../core/editions/edition";
import { datedLists, type DatedLists } from "../core/editions/inForce";
import { readEditionInfo } from "../core/utgava";
import { readBilagorSheets, readStoredEditions, watchBilagorSheets } from "./adapter";

/** What the functions answer from: the open workbook's bilagor, or the built-in example. */
export interface AnswerBasis {
  readonly model: WorkbookModel;
  readonly index: WhoPaysIndex;
  readonly fromWorkbook: boolean;
  readonly label: string;
  /** Published editions stored in the workbook, then the workbook itself: who answers on a date. */
  readonly lists: readonly DatedLists[];
  /** The stored editions, oldest first. */
  readonly editions: readonly Edition[];
}

let builtIn: AnswerBasis | null = null;

export function builtInBasis(): AnswerBasis {
  if (!builtIn) {
    const model = readWorkbook(exampleWorkbook());
    const index = buildWhoPaysIndex(model);
    builtIn = { model, index, fromWorkbook: false, label: `inbyggd exempelutgåva ”${EXAMPLE_EDITION_NAME}”`, lists: [{ name: null, effective: null, index }], editions: [] };
  }
  return builtIn;
}

/**
 * A basis from a model: the workbook's when it has bilaga 1, 2 or 4, else the built-in example.
 * Stored editions answer for their dates; beside them the workbook counts from its own Giltig från.
 */
export function basisOf(model: WorkbookModel, editions: readonly Edition[] = []): AnswerBasis {
  const { B1, B2, B4 } = model.bilagor;
  if (!B1 && !B2 && !B4) return builtInBasis();
  const index = buildWhoPaysIndex(model);
  const sorted = [...editions].sort((a, b) => (a.effective ?? "").localeCompare(b.effective ?? ""));
  const info = readEditionInfo(model);
  const effective = sorted.length > 0 ? info.giltigFran : null;
  const lists = [...sorted.map((e) => datedLists(editionModel(e), e.name, e.effective)), effective ? datedLists(model, info.name, effective) : { name: null, effective: null, index }];
  return { model, index, fromWorkbook: true, label: "arbetsbokens bilagor", lists, editions: sorted };
}

/** Parses the stored edition texts, skipping any that are damaged (they cannot be trusted). */
export function parseStoredEditions(texts: readonly string[]): Edition[] {
  return texts.flatMap((t) => {
    const parsed = parseEdition(t);
    return parsed.ok ? [parsed.edition] : [];
  });
}

let current: Promise<AnswerBasis> | null = null;
let listening = false;
let recalcTimer: ReturnType<typeof setTimeout> | undefined;

/** Delay before recalculating after an edit of a bilaga, so typing does not trigger a recalc per cell. */
export const RECALC_DEBOUNCE_MS = 1500;

async function load(): Promise<AnswerBasis> {
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
