import { promises as fs } from "node:fs";
import { exampleWorkbook, EXAMPLE_EDITION_NAME } from "../core/example/exampleWorkbook";
import { writeBilagorXlsx } from "../node/writeXlsx";
import { has, UsageError } from "./args";
import { parseCommandArgs, usage } from "./commands";
import { exists, fsErrorSv, InputError, type Io } from "./io";

/** Writes the example bilagor workbook; refuses to overwrite without --force. */
export async function writeExampleWorkbook(out: string, force: boolean): Promise<void> {
  if (!out.toLowerCase().endsWith(".xlsx")) throw new InputError(`${out}: filnamnet ska sluta på .xlsx.`);
  if ((await exists(out)) && !force) throw new InputError(`${out} finns redan. Välj ett annat namn eller lägg till --tvinga (--force) för att skriva över.`);
  const bytes = await writeBilagorXlsx(exampleWorkbook());
  try {
    await fs.writeFile(out, bytes);
  } catch (e) {
    throw new InputError(`Kunde inte skriva ${out}: ${fsErrorSv(e)}.`);
  }
}

export async function newWorkbookCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseCommandArgs("new-workbook", argv);
  if (args.positional.length !== 1) throw new UsageError(usage("new-workbook"));
  const out = args.positional[0]!;
  await writeExampleWorkbook(out, has(args, "force"));
  io.out(`Skrev ${out}: bilagor enligt arbetsboksformatet med exempelutgåvan ”${EXAMPLE_EDITION_NAME}” (inte en officiell bilaga).`);
  return 0;
}
