import { promises as fs } from "node:fs";
import * as path from "node:path";
import { diffModels } from "../core/editions/diff";
import { editionFromModel, editionModel, serializeEdition } from "../core/editions/edition";
import { publicationFiles } from "../core/editions/publication";
import { readEditionInfo } from "../core/utgava";
import { summarize } from "../core/validation/finding";
import { validateWorkbook } from "../core/validation/validateWorkbook";
import { parseIsoDate } from "../core/values";
import { readXlsxFile } from "../node/readXlsx";
import { readWorkbook } from "../core/model";
import { flag, has, parseArgs, svFlag, UsageError } from "./args";
import { publishGate } from "./publishGate";
import { checkEditionName, loadEdition } from "./editions";
import { InputError, writeAllOrNothing, type Io } from "./io";
import { summaryLine } from "./report";
import { PUBLISH_USAGE } from "./usage";

function dateFlag(value: string | undefined, name: string): string | null {
  if (value === undefined) return null;
  const date = parseIsoDate(value);
  if (!date) throw new InputError(`${svFlag(name)} ”${value}” är inget datum. Ange ÅÅÅÅ-MM-DD.`);
  return date;
}

/**
 * Publishes a validated workbook as an edition: the edition JSON, one CSV per bilaga, a change
 * log and one page per housing form. Refuses while validation has errors (exit 1); never
 * overwrites a different published edition (it is immutable).
 */
export async function publishCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ["edition", "out", "previous", "beslutad", "giltig-fran"], ["force"]);
  const name = flag(args, "edition")?.trim();
  const out = flag(args, "out");
  if (args.positional.length !== 1 || !name || !out) throw new UsageError(PUBLISH_USAGE);
  checkEditionName(name);
  const file = args.positional[0]!;
  const read = await readXlsxFile(file);
  if (!read.ok) throw new InputError(read.message);
  const model = readWorkbook(read.workbook);
  const previousFile = flag(args, "previous");
  const previous = previousFile ? await loadEdition(previousFile) : null;
  const previousModel = previous ? editionModel(previous) : null;

  const info = readEditionInfo(model);
  const decided = dateFlag(flag(args, "beslutad"), "beslutad") ?? info.beslutad;
  const effective = dateFlag(flag(args, "giltig-fran"), "giltig-fran") ?? info.giltigFran;
  if (!decided || !effective) {
    throw new InputError("Utgåvan behöver beslutsdatum och giltighetsdatum: fyll i Beslutad och Giltig från i bladet Utgåva, eller ange --beslutad och --giltig-från.");
  }

  const findings = validateWorkbook(model, { previous: previous && previousModel ? { name: previous.name, model: previousModel } : null });
  const summary = summarize(findings);
  const gate = publishGate(path.basename(file), model, findings, { name, decided, effective, force: has(args, "force") });
  if (gate.blocked !== null) {
    io.err(gate.blocked);
    return 1;
  }
  for (const warning of gate.warnings) io.err(`Obs: ${warning}`);

  const edition = editionFromModel(model, { name, decided, effective }, read.workbook);
  const serialized = serializeEdition(edition);
  const changes = previousModel ? diffModels(previousModel, model) : [];
  const files = publicationFiles(edition, changes, previous?.name ?? null, serialized);
  const jsonName = [...files.keys()][0]!;
  const existing = await fs.readFile(path.join(out, jsonName), "utf8").catch(() => null);
  if (existing !== null && existing !== serialized) {
    throw new InputError(`${path.join(out, jsonName)} finns redan med annat innehåll. En publicerad utgåva ändras inte; välj ett nytt utgåvenamn.`);
  }
  await writeAllOrNothing(out, files);
  const s = summary;
  io.out(
    [
      `Publicerade utgåva ${name} (beslutad ${decided}, gäller från ${effective}) i ${out}:`,
      ...[...files.keys()].map((f) => `  ${f}`),
      previous ? `Ändringar sedan utgåva ${previous.name}: ${changes.length}.` : "Ingen föregående utgåva angavs.",
      `Granskningen: ${summaryLine(s).replace("Sammanfattning: ", "")}`,
      `Kontrollsumma: ${edition.hash}`,
    ].join("\n"),
  );
  return 0;
}
