import * as path from "node:path";
import { summarize } from "../core/validation/finding";
import { existsSync } from "node:fs";
import { editionFileStem } from "../core/editions/publication";
import { readEditionInfo } from "../core/utgava";
import { changeChecksNotRunSv, validateWorkbook } from "../core/validation/validateWorkbook";
import { flag, has, UsageError } from "./args";
import { parseCommandArgs, usage } from "./commands";
import { loadModel, type Io } from "./io";
import { jsonReport, textReport } from "./report";

/** Exit 0 without errors, 1 with errors, 2 when the file cannot be used. */
export async function validateCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseCommandArgs("validate", argv);
  if (args.positional.length !== 1) throw new UsageError(usage("validate"));
  const file = args.positional[0]!;
  let previousFile = flag(args, "previous");
  const { model } = await loadModel(file);
  // Without --tidigare: the Utgåva sheet's Föregående utgåva, when its file lies beside the workbook.
  const foregaende = readEditionInfo(model).foregaende;
  let note: string | null = null;
  if (!previousFile && foregaende) {
    const beside = path.join(path.dirname(file), `${editionFileStem(foregaende)}.json`);
    if (existsSync(beside)) {
      previousFile = beside;
      note = `Jämför med utgåva ${foregaende} (${path.basename(beside)} bredvid arbetsboken, enligt bladet Utgåva).`;
    }
  }
  // Editions (and zod, which reads them, about 80 ms to load) only with a previous edition.
  const previous = previousFile ? await loadPrevious(previousFile) : null;
  if (!previous) note = changeChecksNotRunSv(foregaende, `Ange den senast publicerade utgåvan med --tidigare UTGÅVA.json${foregaende ? ` (t.ex. ${editionFileStem(foregaende)}.json)` : ""}.`);
  const findings = validateWorkbook(model, { previous });
  const name = path.basename(file);
  // On stderr: the report on stdout stays the report (and valid JSON with --json).
  if (note) io.err(`Obs: ${note}`);
  io.out(has(args, "json") ? JSON.stringify(jsonReport(name, findings), null, 2) : textReport(name, findings, { all: has(args, "all") }));
  return summarize(findings).errors > 0 ? 1 : 0;
}

async function loadPrevious(file: string) {
  const [{ loadEdition }, { editionModel }] = await Promise.all([import("./editions"), import("../core/editions/edition")]);
  const edition = await loadEdition(file);
  return { name: edition.name, model: editionModel(edition) };
}
