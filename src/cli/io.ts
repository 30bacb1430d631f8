import { promises as fs } from "node:fs";
import { parseCsvChecked, type Delimiter } from "../core/csv";
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

const FS_ERRORS: Record<string, string> = {
  ENOENT: "mappen finns inte",
  EACCES: "behörighet saknas",
  EPERM: "behörighet saknas",
  EISDIR: "det finns en mapp med det namnet",
  ENOTDIR: "en del av sökvägen är ingen mapp",
  ENOSPC: "disken är full",
  EROFS: "platsen är skrivskyddad",
  EEXIST: "filen finns redan",
};

/** A file-system error in Swedish, e.g. "mappen finns inte". */
export function fsErrorSv(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code ?? "";
  return FS_ERRORS[code] ?? `okänt fel (${code || "utan kod"})`;
}

/** Whether a path exists (file or folder). */
export async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

/**
 * Writes files into a folder all or nothing: first into a temporary folder beside it, then moved
 * into place, so a failure leaves no half-written publication.
 */
export async function writeAllOrNothing(dir: string, files: ReadonlyMap<string, string>): Promise<void> {
  const path = await import("node:path");
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (e) {
    throw new InputError(`Kunde inte skapa mappen ${dir}: ${fsErrorSv(e)}.`);
  }
  const staging = await fs.mkdtemp(path.join(dir, ".kostnadsansvar-"));
  try {
    for (const [name, content] of files) await fs.writeFile(path.join(staging, name), content, "utf8");
    for (const name of files.keys()) {
      const target = path.join(dir, name);
      const stat = await fs.stat(target).catch(() => null);
      if (stat?.isDirectory()) throw Object.assign(new Error(target), { code: "EISDIR", target });
    }
    for (const name of files.keys()) await fs.rename(path.join(staging, name), path.join(dir, name));
  } catch (e) {
    const target = (e as { target?: string }).target ?? dir;
    throw new InputError(`Kunde inte skriva i ${target}: ${fsErrorSv(e)}. Inget publicerades.`);
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}

/** CSV rows of a file, or a Swedish message when a quote is never closed. */
export async function readCsvRows(file: string, delimiter?: Delimiter): Promise<string[][]> {
  const text = await readTextFile(file);
  const parsed = delimiter ? parseCsvChecked(text, delimiter) : parseCsvChecked(text);
  if (parsed.unclosedQuoteLine !== null) {
    throw new InputError(`${file}: citattecknet på rad ${parsed.unclosedQuoteLine} stängs aldrig, så resten av filen skulle bli ett enda fält. Rätta raden.`);
  }
  return parsed.rows;
}
