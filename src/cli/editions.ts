import * as path from "node:path";
import { editionNameProblem } from "../core/editions/readiness";
import { parseEdition, editionModel, type Edition } from "../core/editions/edition";
import { datedLists, workbookLists, type DatedLists } from "../core/editions/inForce";
import { unreadableBilagaSv, unreadableBilagor, type WorkbookModel } from "../core/model";
import { readEditionInfo } from "../core/utgava";
import { decodeText, InputError, loadModel, readInputBytes, readTextFile } from "./io";

/** Reads an edition JSON file, or stops with a Swedish message (exit 2). */
export async function loadEdition(file: string): Promise<Edition> {
  return editionOfText(await readTextFile(file, "utgåvefil (JSON)"), file);
}

function editionOfText(text: string, file: string): Edition {
  const parsed = parseEdition(text, file);
  if (!parsed.ok) throw new InputError(parsed.message);
  return parsed.edition;
}

/** One side of a comparison: an edition JSON file or a workbook (.xlsx), with a name. */
export interface Side {
  /** The edition's name, or the Utgåva sheet's (else the file name) for a working workbook. */
  readonly name: string;
  /** What it is, truthfully: "utgåva 2026:1", or "arbetsboken v2.xlsx (Utgåva 2026:2, opublicerad)". */
  readonly label: string;
  readonly model: WorkbookModel;
  readonly edition: Edition | null;
}

export async function loadSide(file: string): Promise<Side> {
  // Read once, with the same Swedish messages as every input (missing, a folder, no permission).
  const bytes = await readInputBytes(file);
  const head = bytes.subarray(0, 64).toString("utf8").trimStart();
  if (file.toLowerCase().endsWith(".json") || head.startsWith("{")) {
    const text = decodeText(bytes);
    if (text.includes("\u0000")) throw new InputError(`${file} är ingen utgåvefil (JSON).`);
    const edition = editionOfText(text, file);
    return { name: edition.name, label: `utgåva ${edition.name}`, model: editionModel(edition), edition };
  }
  const { model } = await loadModel(file);
  refuseUnreadable(file, model, "jämföras");
  // A working workbook is not the edition its Utgåva sheet names (that may be published already).
  const named = readEditionInfo(model).name;
  return { name: named ?? path.basename(file), label: named ? `arbetsboken ${path.basename(file)} (Utgåva ${named}, opublicerad)` : `arbetsboken ${path.basename(file)}`, model, edition: null };
}

/** What a follow-up report says about a set of lists: name, Beslutad, Giltig från and a fingerprint. */
export interface ListsInfo {
  readonly name: string;
  readonly decided: string | null;
  readonly effective: string | null;
  /** The edition's own content hash, or the SHA-256 of the workbook file; null for the built-in example. */
  readonly hash: string | null;
  readonly file: string | null;
}

/**
 * What answers: the given editions (each in force from its date) and the workbook, which counts
 * from the Giltig från of its Utgåva sheet beside editions, and on any date alone. Nothing given:
 * the built-in example.
 */
export async function answeringLists(workbook: string | undefined, editionFiles: readonly string[]): Promise<DatedLists[]> {
  return (await answeringEditions(workbook, editionFiles)).map((e) => e.lists);
}

/** answeringLists, with what each set of lists is (for reports that name the editions they used). */
export async function answeringEditions(
  workbook: string | undefined,
  editionFiles: readonly string[],
  fileHash: (file: string) => Promise<string | null> = async () => null,
): Promise<Array<{ lists: DatedLists; info: ListsInfo }>> {
  const out: Array<{ lists: DatedLists; info: ListsInfo }> = [];
  for (const file of editionFiles) {
    const edition = await loadEdition(file);
    out.push({ lists: datedLists(editionModel(edition), edition.name, edition.effective), info: { name: edition.name, decided: edition.decided, effective: edition.effective, hash: edition.hash, file } });
  }
  if (workbook !== undefined || out.length === 0) {
    const { model, label } = await loadModel(workbook);
    if (workbook !== undefined && !hasBilagor(model)) {
      throw new InputError(`${workbook} har inga blad Bilaga 1–4 med rubrikraden ISO-kod; det finns inget att svara ur.`);
    }
    if (workbook !== undefined) refuseUnreadable(workbook, model, "besvaras");
    // Beside published editions the workbook is the next one, from its Giltig från; alone it answers any date.
    const info = readEditionInfo(model);
    const lists = workbookLists(model, info, out.length > 0);
    const effective = lists.effective;
    out.push({
      lists,
      info: { name: info.name ?? label, decided: info.beslutad, effective, hash: workbook === undefined ? null : await fileHash(workbook), file: workbook ?? null },
    });
  }
  return out;
}

function hasBilagor(model: WorkbookModel): boolean {
  return Object.keys(model.bilagor).length > 0;
}


/**
 * Stops (exit 2) when a bilaga cannot be read: answering past it would say UNLISTED (or list every
 * row as removed) where the list may say otherwise. `validate` names the same problems as findings.
 */
function refuseUnreadable(file: string, model: WorkbookModel, verb: string): void {
  const problems = unreadableBilagor(model);
  if (problems.length === 0) return;
  const reasons = problems.slice(0, 5).map((p) => `  ${unreadableBilagaSv(p)}`);
  const more = problems.length > 5 ? [`  … och ${problems.length - 5} till`] : [];
  throw new InputError(
    [`${file} kan inte ${verb}: bilagorna går inte att läsa säkert.`, ...reasons, ...more, `Kör kostnadsansvar validate ${file} och rätta felen.`].join("\n"),
  );
}

/** The longest edition name: its file names (e.g. utgava-<namn>.json) must fit every file system. */
/** The core's name rule (editionNameProblem), as the CLI refuses before anything is read or written. */
export function checkEditionName(name: string): string {
  const problem = editionNameProblem(name);
  if (problem) throw new InputError(problem);
  return name.trim();
}
