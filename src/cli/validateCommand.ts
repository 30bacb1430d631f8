import * as path from "node:path";
import { summarize } from "../core/validation/finding";
import { validateWorkbook } from "../core/validation/validateWorkbook";
import { flag, has, parseArgs, UsageError } from "./args";
import { loadModel, type Io } from "./io";
import { jsonReport, textReport } from "./report";
import { VALIDATE_USAGE } from "./usage";

/** Exit 0 without errors, 1 with errors, 2 when the file cannot be used. */
export async function validateCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ["previous"], ["json", "all"]);
  if (args.positional.length !== 1) throw new UsageError(VALIDATE_USAGE);
  const file = args.positional[0]!;
  const previousFile = flag(args, "previous");
  // Editions (and zod, which reads them, about 80 ms to load) only with --previous.
  const previous = previousFile ? await loadPrevious(previousFile) : null;
  const { model } = await loadModel(file);
  const findings = validateWorkbook(model, { previous });
  const name = path.basename(file);
  io.out(has(args, "json") ? JSON.stringify(jsonReport(name, findings), null, 2) : textReport(name, findings, { all: has(args, "all") }));
  return summarize(findings).errors > 0 ? 1 : 0;
}

async function loadPrevious(file: string) {
  const [{ loadEdition }, { editionModel }] = await Promise.all([import("./editions"), import("../core/editions/edition")]);
  const edition = await loadEdition(file);
  return { name: edition.name, model: editionModel(edition) };
}
