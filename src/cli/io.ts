import { promises as fs } from "node:fs";
import { exampleWorkbook } from "../core/example/exampleWorkbook";
import { readWorkbook, type WorkbookModel } from "../core/model";
import { readXlsxFile } from "../node/readXlsx";

/** A failure the user can fix: printed in Swedish, exit code 2, never a stack trace. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** Output sink, so tests can capture what a command prints. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : text + "\n"),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : text + "\n"),
};

/** The model of an .xlsx file, or of the built-in example edition when no file is given. */
export async function loadModel(file: string | undefined): Promise<{ model: WorkbookModel; label: string }> {
  if (file === undefined) return { model: readWorkbook(exampleWorkbook()), label: "inbyggd exempelutgåva" };
  const read = await readXlsxFile(file);
  if (!read.ok) throw new InputError(read.message);
  return { model: readWorkbook(read.workbook), label: file };
}

/** A text file's content (CSV, edition JSON), or a Swedish message: missing, unreadable, or binary. */
export async function readTextFile(file: string, kind = "textfil (CSV)"): Promise<string> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch {
    throw new InputError(`Filen ${file} finns inte eller kan inte läsas.`);
  }
  if (text.includes("\u0000")) throw new InputError(`${file} är ingen ${kind}.`);
  return text;
}
