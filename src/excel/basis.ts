/* What the custom functions answer from, built from a workbook model: pure and synchronous.
 * The pane and the functions load this module (with the built-in example edition and its ISO
 * list) when they first need an answer, not before the pane's first paint (see modelSource). */
import { exampleWorkbook, EXAMPLE_EDITION_NAME } from "../core/example/exampleWorkbook";
import { readWorkbook, unreadableBilagaSv, unreadableBilagor, type WorkbookModel } from "../core/model";
import { buildWhoPaysIndex, type WhoPaysIndex } from "../core/whoPays";
import { editionModel, parseEdition, type Edition } from "../core/editions/edition";
import { datedLists, workbookLists, type DatedLists } from "../core/editions/inForce";
import { readEditionInfo } from "../core/utgava";

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
  // As on the command line: a bilaga that cannot be read safely stops every answer (an error
  // value naming the cause) instead of answering UNLISTED where the list may say otherwise.
  const problems = unreadableBilagor(model);
  if (problems.length > 0) {
    const reasons = problems.slice(0, 3).map(unreadableBilagaSv).join("; ");
    throw new Error(`${reasons}${problems.length > 3 ? ` och ${problems.length - 3} till` : ""}. Granska arbetsboken och rätta bladen.`);
  }
  const index = buildWhoPaysIndex(model);
  const sorted = [...editions].sort((a, b) => (a.effective ?? "").localeCompare(b.effective ?? ""));
  const info = readEditionInfo(model);
  const lists = [...sorted.map((e) => datedLists(editionModel(e), e.name, e.effective)), workbookLists(model, info, sorted.length > 0, index)];
  return { model, index, fromWorkbook: true, label: "arbetsbokens bilagor", lists, editions: sorted };
}

/** Parses the stored edition texts, skipping any that are damaged (they cannot be trusted). */
export function parseStoredEditions(texts: readonly string[]): Edition[] {
  return texts.flatMap((t) => {
    const parsed = parseEdition(t);
    return parsed.ok ? [parsed.edition] : [];
  });
}
