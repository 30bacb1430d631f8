import { constants as fsConstants, openSync, promises as fs } from "node:fs";
import { parseCsvChecked, type Delimiter } from "../core/csv";
import { exampleWorkbook } from "../core/example/exampleWorkbook";
import { readWorkbook, type WorkbookModel } from "../core/model";
import { readXlsxFile } from "../node/readXlsx";
import { InputError } from "./output";

export { InputError, processIo, type Io } from "./output";

/** The model of an .xlsx file, or of the built-in example edition when no file is given. */
export async function loadModel(file: string | undefined): Promise<{ model: WorkbookModel; label: string }> {
  if (file === undefined) return { model: readWorkbook(exampleWorkbook()), label: "inbyggd exempelutgåva" };
  const read = await readXlsxFile(file);
  if (!read.ok) throw new InputError(read.message);
  return { model: readWorkbook(read.workbook), label: file };
}

/** Text inputs larger than this are refused before they are read (a CSV batch or an edition). */
export const MAX_TEXT_BYTES = 256 * 1024 * 1024;

/**
 * How long a pipe or FIFO may stay silent before its first byte: a named pipe that nobody writes
 * to would otherwise wait forever. KOSTNADSANSVAR_PIPE_WAIT_MS overrides it (in milliseconds).
 */
function pipeWaitMs(): number {
  const ms = Number(process.env.KOSTNADSANSVAR_PIPE_WAIT_MS);
  return Number.isFinite(ms) && ms > 0 ? ms : 30_000;
}

/** Why a file cannot be opened, in Swedish: never "finns inte" for a file that exists. */
function openFailure(file: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === "ENOENT") return new InputError(`Filen ${file} finns inte.`);
  if (code === "EISDIR") return new InputError(`${file} är en mapp, ingen fil.`);
  if (code === "EACCES" || code === "EPERM") return new InputError(`Filen ${file} kan inte läsas: behörighet saknas.`);
  if (code === "ENAMETOOLONG") return new InputError(`Filnamnet ${file.slice(0, 60)}… är för långt.`);
  return new InputError(`Filen ${file} kan inte läsas: ${fsErrorSv(e)}.`);
}

/** Reads a pipe, FIFO or stdin once, to its end; gives up when no writer sends anything in time. */
async function readStream(file: string, fd: number | null): Promise<Buffer> {
  const net = await import("node:net");
  const stream = fd === null ? process.stdin : new net.Socket({ fd, readable: true, writable: false });
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const wait = setTimeout(() => {
      stream.destroy();
      reject(new InputError(`Inget kom från ${file} på ${Math.round(pipeWaitMs() / 1000)} sekunder; skriver något till röret? Inget lästes.`));
    }, pipeWaitMs());
    stream.on("data", (chunk: Buffer) => {
      clearTimeout(wait);
      size += chunk.length;
      if (size > MAX_TEXT_BYTES) {
        stream.destroy();
        reject(new InputError(`${file} är större än ${MAX_TEXT_BYTES / 1024 / 1024} MB; dela upp filen.`));
        return;
      }
      chunks.push(chunk);
    });
    stream.on("end", () => {
      clearTimeout(wait);
      resolve(Buffer.concat(chunks));
    });
    stream.on("error", (e) => {
      clearTimeout(wait);
      reject(openFailure(file, e));
    });
  });
}

/**
 * A file's bytes, read exactly once: a regular file, or `-` (stdin), a pipe, a FIFO or a process
 * substitution such as `<(…)`, which cannot be read twice. Missing, unreadable, a folder or too
 * large: a Swedish message.
 */
export async function readInputBytes(file: string): Promise<Buffer> {
  if (file === "-") return readStream("standard in", null);
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (e) {
    throw openFailure(file, e);
  }
  if (stat.isDirectory()) throw new InputError(`${file} är en mapp, ingen fil.`);
  if (stat.isFile()) {
    if (stat.size > MAX_TEXT_BYTES) throw new InputError(`${file} är ${Math.round(stat.size / 1024 / 1024)} MB; gränsen är ${MAX_TEXT_BYTES / 1024 / 1024} MB. Dela upp filen.`);
    try {
      return await fs.readFile(file);
    } catch (e) {
      throw openFailure(file, e);
    }
  }
  if (stat.isFIFO() || stat.isSocket()) {
    // Opened without blocking, so a FIFO nobody writes to cannot hold the process forever.
    let fd: number;
    try {
      fd = openSync(file, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
    } catch (e) {
      throw openFailure(file, e);
    }
    return readStream(file, fd);
  }
  throw new InputError(`${file} är ingen vanlig fil.`);
}

/**
 * Text from bytes in the encodings Swedish users meet: UTF-8 (with or without BOM), UTF-16 (with
 * a BOM, or little/big endian recognised by its zero bytes: Excel's "Unicode-text"), and
 * Windows-1252 (Swedish Excel's "CSV (semikolonavgränsad)") when the bytes are not UTF-8.
 */
export function decodeText(bytes: Uint8Array): string {
  const { encoding, bom } = sniffEncoding(bytes, true);
  return new TextDecoder(encoding).decode(bytes.subarray(bom));
}

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

/**
 * The encoding of a text from its first bytes (see decodeText), and how many BOM bytes to skip.
 * `complete` says whether `head` is the whole text; when it is not, a UTF-8 sequence cut at its
 * end still counts as UTF-8 (the stream decoder completes it with the next chunk).
 */
export function sniffEncoding(head: Uint8Array, complete: boolean): { encoding: TextEncodingName; bom: number } {
  const b = head;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: "utf-8", bom: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: "utf-16le", bom: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: "utf-16be", bom: 2 };
  const sample = Math.min(b.length, 4096) & ~1;
  if (sample >= 4) {
    let evenZeros = 0;
    let oddZeros = 0;
    for (let i = 0; i < sample; i += 2) {
      if (b[i] === 0) evenZeros++;
      if (b[i + 1] === 0) oddZeros++;
    }
    const pairs = sample / 2;
    if (oddZeros > pairs * 0.4 && evenZeros === 0) return { encoding: "utf-16le", bom: 0 };
    if (evenZeros > pairs * 0.4 && oddZeros === 0) return { encoding: "utf-16be", bom: 0 };
  }
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(b, { stream: !complete });
    return { encoding: "utf-8", bom: 0 };
  } catch {
    return { encoding: "windows-1252", bom: 0 };
  }
}

/** A text file's content (CSV, edition JSON), read once and decoded, or a Swedish message: missing, unreadable, or binary. */
export async function readTextFile(file: string, kind = "textfil (CSV)"): Promise<string> {
  const text = decodeText(await readInputBytes(file));
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

/** CSV rows of text read once, or a Swedish message when a quote is never closed. */
export function csvRowsOf(text: string, file: string, delimiter?: Delimiter): string[][] {
  const parsed = delimiter ? parseCsvChecked(text, delimiter) : parseCsvChecked(text);
  if (parsed.unclosedQuoteLine !== null) {
    throw new InputError(`${file}: citattecknet på rad ${parsed.unclosedQuoteLine} stängs aldrig, så resten av filen skulle bli ett enda fält. Rätta raden.`);
  }
  return parsed.rows;
}

/** CSV rows of a file (read once), or a Swedish message when a quote is never closed. */
export async function readCsvRows(file: string, delimiter?: Delimiter): Promise<string[][]> {
  return csvRowsOf(await readTextFile(file), file, delimiter);
}
