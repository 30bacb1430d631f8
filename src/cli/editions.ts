import { promises as fs } from "node:fs";
import { parseEdition, editionModel, type Edition } from "../core/editions/edition";
import { datedLists, type DatedLists } from "../core/editions/inForce";
import type { WorkbookModel } from "../core/model";
import { readEditionInfo } from "../core/utgava";
import { InputError, loadModel, readTextFile } from "./io";

/** Reads an edition JSON file, or stops with a Swedish message (exit 2). */
export async function loadEdition(file: string): Promise<Edition> {
  const parsed = parseEdition(await readTextFile(file, "utgåvefil (JSON)"), file);
  if (!parsed.ok) throw new InputError(parsed.message);
  return parsed.edition;
}

/** One side of a comparison: an edition JSON file or a workbook (.xlsx), with a name. */
export interface Side {
  readonly name: string;
  readonly model: WorkbookModel;
  readonly edition: Edition | null;
}

export async function loadSide(file: string): Promise<Side> {
  const head = await fs.readFile(file).then(
    (b) => b.subarray(0, 64).toString("utf8").trimStart(),
    () => null,
  );
  if (head === null) throw new InputError(`Filen ${file} finns inte.`);
  if (file.toLowerCase().endsWith(".json") || head.startsWith("{")) {
    const edition = await loadEdition(file);
    return { name: edition.name, model: editionModel(edition), edition };
  }
  const { model } = await loadModel(file);
  return { name: readEditionInfo(model).name ?? file, model, edition: null };
}

/**
 * What answers: the given editions (each in force from its date) and the workbook, which counts
 * from the Giltig från of its Utgåva sheet beside editions, and on any date alone. Nothing given:
 * the built-in example.
 */
export async function answeringLists(workbook: string | undefined, editionFiles: readonly string[]): Promise<DatedLists[]> {
  const lists: DatedLists[] = [];
  for (const file of editionFiles) {
    const edition = await loadEdition(file);
    lists.push(datedLists(editionModel(edition), edition.name, edition.effective));
  }
  if (workbook !== undefined || lists.length === 0) {
    const { model } = await loadModel(workbook);
    if (workbook !== undefined && !hasBilagor(model)) {
      throw new InputError(`${workbook} har inga blad Bilaga 1–4 med rubrikraden ISO-kod; det finns inget att svara ur.`);
    }
    // Beside published editions the workbook is the next one, from its Giltig från; alone it answers any date.
    const info = readEditionInfo(model);
    const effective = lists.length > 0 ? info.giltigFran : null;
    lists.push(datedLists(model, effective ? info.name : null, effective));
  }
  return lists;
}


function hasBilagor(model: WorkbookModel): boolean {
  return Object.keys(model.bilagor).length > 0;
}
