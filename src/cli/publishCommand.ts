import { promises as fs } from "node:fs";
import * as path from "node:path";
import { diffModels } from "../core/editions/diff";
import { editionFromModel, editionModel, serializeEdition } from "../core/editions/edition";
import { publicationFiles } from "../core/editions/publication";
import { readEditionInfo } from "../core/utgava";
import { summarize, summarySv } from "../core/validation/finding";
import { validateWorkbook } from "../core/validation/validateWorkbook";
import { notADateSv, parseIsoDate } from "../core/values";
import { readXlsxFile } from "../node/readXlsx";
import { readWorkbook } from "../core/model";
import { flag, has, svFlag, UsageError } from "./args";
import { parseCommandArgs, usage } from "./commands";
import { publishGate } from "./publishGate";
import { checkEditionName, loadEdition } from "./editions";
import { InputError, type Io } from "./io";
import { publishAtomically } from "./publishWrite";
import { GUIDE_SCRIPT } from "../core/editions/guideText";

/** The guide's browser script, built once by `npm run build:cli` into dist/guide/guide.js. */
async function guideScript(): Promise<Buffer> {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, "dist", "guide", GUIDE_SCRIPT);
    const content = await fs.readFile(candidate).catch(() => null);
    if (content) return content;
    if (await fs.stat(path.join(dir, "package.json")).then(() => true, () => false)) break;
    dir = path.dirname(dir);
  }
  throw new InputError("Hjälpmedelsguidens skript (dist/guide/guide.js) saknas. Kör: npm run build:cli");
}

function dateFlag(value: string | undefined, name: string): string | null {
  if (value === undefined) return null;
  const date = parseIsoDate(value);
  if (!date) throw new InputError(notADateSv(svFlag(name), value));
  return date;
}

/**
 * Publishes a validated workbook as an edition: the edition JSON, one CSV per bilaga, a change
 * log and Hjälpmedelsguiden (index.html and its pages) beside them, all or nothing. Refuses while validation has errors (exit 1); never
 * overwrites a different published edition (it is immutable).
 */
export async function publishCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseCommandArgs("publish", argv);
  const name = flag(args, "edition")?.trim();
  const out = flag(args, "out");
  if (args.positional.length !== 1 || !name || !out) throw new UsageError(usage("publish"));
  checkEditionName(name);
  const file = args.positional[0]!;
  const read = await readXlsxFile(file);
  if (!read.ok) throw new InputError(read.message);
  const model = readWorkbook(read.workbook);
  const previousFile = flag(args, "previous");
  const previous = previousFile ? await loadEdition(previousFile) : null;
  const previousModel = previous ? editionModel(previous) : null;

  const info = readEditionInfo(model);
  // Missing dates block in the core's publish check (exit 1), as in the pane.
  const decided = dateFlag(flag(args, "beslutad"), "beslutad") ?? info.written.beslutad ?? "";
  const effective = dateFlag(flag(args, "giltig-fran"), "giltig-fran") ?? info.written.giltigFran ?? "";

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
  const pages = publicationFiles(edition, changes, previous?.name ?? null, serialized);
  const jsonName = [...pages.keys()][0]!;
  const files = new Map<string, string | Buffer>(pages);
  files.set(GUIDE_SCRIPT, await guideScript());
  await publishAtomically({
    dir: out,
    edition: name,
    files,
    marker: jsonName,
    check: (existing) => {
      if (existing !== null && existing !== serialized) {
        throw new InputError(`${path.join(out, jsonName)} finns redan med annat innehåll. En publicerad utgåva ändras inte; välj ett nytt utgåvenamn.`);
      }
    },
  });
  const s = summary;
  io.out(
    [
      `Publicerade utgåva ${name} (beslutad ${decided}, gäller från ${effective}) i ${out}:`,
      ...[...files.keys()].map((f) => `  ${f}`),
      previous ? `Ändringar sedan utgåva ${previous.name}: ${changes.length}.` : "Ingen föregående utgåva angavs.",
      `Granskningen: ${summarySv(s)}`,
      `Kontrollsumma: ${edition.hash}`,
    ].join("\n"),
  );
  return 0;
}
