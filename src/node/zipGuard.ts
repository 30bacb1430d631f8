import { Unzip, UnzipInflate } from "fflate";

/**
 * The zip layer of the .xlsx reader: sniffs what kind of file it is, then streams the archive's
 * entries through fflate, inflating only the parts the reader asks for and counting every byte
 * that is actually inflated. Nothing here trusts the sizes or the entry count the archive
 * declares: a zip bomb is stopped by what it really unpacks, a few megabytes past the limit.
 */
export const MAX_FILE_BYTES = 60 * 1024 * 1024;
export const MAX_UNPACKED_BYTES = 400 * 1024 * 1024;

/**
 * Compressed bytes handed to fflate per push. DEFLATE expands at most ~1 032 times, so one push
 * inflates at most ~17 MB before the counter is checked again. fflate grows (doubling and
 * copying) an output buffer per push, so smaller pushes move fewer bytes: 16 KiB inflates a
 * 100 000-row workbook about 20 % faster than 64 KiB, and much smaller pushes lose it again to
 * the work every push does.
 */
const PUSH_BYTES = 16 * 1024;

export type ZipVerdict = { readonly ok: true } | { readonly ok: false; readonly message: string };

/** A refusal with a Swedish message for the user; thrown anywhere in the reader, caught at its edge. */
export class XlsxRefusal extends Error {}

/** The zip layer's own refusal: the archive is corrupt or unpacks beyond the limit. */
export class ZipRefusal extends XlsxRefusal {}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Cheap checks on the first bytes: empty, encrypted or legacy Office, or not a zip at all. */
export function checkXlsxBytes(bytes: Uint8Array, fileName: string): ZipVerdict {
  if (bytes.length === 0) return { ok: false, message: `${fileName} är tom (0 byte) och kan inte läsas som en .xlsx-fil.` };
  if (CFB_MAGIC.every((b, i) => bytes[i] === b)) {
    return {
      ok: false,
      message: `${fileName} är lösenordsskyddad (krypterad) eller i det gamla .xls-formatet. Öppna den i Excel, ta bort lösenordet och spara som Excel-arbetsbok (.xlsx).`,
    };
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    return { ok: false, message: `${fileName} är ingen .xlsx-fil (filen är inte ett Excel-arkiv). Spara den som Excel-arbetsbok (.xlsx).` };
  }
  return { ok: true };
}

export const corruptMessage = (fileName: string) => `${fileName} är skadad eller ingen giltig Excel-arbetsbok (.xlsx) och kan inte läsas.`;

export const unpackedMessage = (fileName: string) =>
  `${fileName} packas upp till mer än ${MAX_UNPACKED_BYTES / 1024 / 1024} MB och läses inte (skydd mot överstora eller manipulerade filer). Dela upp arbetsboken.`;

/** Inflated bytes so far, over every pass of one read. */
export interface InflateBudget {
  used: number;
  readonly limit: number;
}

export const newBudget = (limit = MAX_UNPACKED_BYTES): InflateBudget => ({ used: 0, limit });

/** Receives one entry's inflated bytes in order; `final` is true on the last call. */
export type EntrySink = (chunk: Uint8Array, final: boolean) => void;

/** Zip part names are compared as OPC does: case-insensitive, with forward slashes, no leading slash. */
export const partKey = (name: string) => name.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase();

/**
 * Streams the archive once. For each entry, `pick` gets its normalised name and returns a sink
 * to inflate it into, or null to skip it without inflating. Returns the normalised names of all
 * entries. Throws ZipRefusal when the archive is corrupt, holds an entry twice, uses an unknown
 * compression, or inflates beyond the budget; an error thrown by a sink propagates unchanged.
 * The budget is checked before each inflated chunk reaches its sink, so a sink that parses as
 * it goes never sees more than the limit plus one chunk.
 */
export function scanZip(bytes: Uint8Array, fileName: string, budget: InflateBudget, pick: (key: string) => EntrySink | null): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  const open = new Set<string>();
  let failure: unknown = null;
  const unzip = new Unzip((file) => {
    if (failure) return;
    const key = partKey(file.name);
    names.push(key);
    if (seen.has(key)) {
      failure = new ZipRefusal(corruptMessage(fileName));
      return;
    }
    seen.add(key);
    const sink = pick(key);
    if (!sink) return;
    open.add(key);
    file.ondata = (err, chunk, final) => {
      if (failure) return;
      if (err) {
        failure = new ZipRefusal(corruptMessage(fileName));
        return;
      }
      budget.used += chunk.length;
      if (budget.used > budget.limit) {
        failure = new ZipRefusal(unpackedMessage(fileName));
        return;
      }
      try {
        sink(chunk, final);
      } catch (e) {
        failure = e;
        return;
      }
      if (final) open.delete(key);
    };
    try {
      file.start();
    } catch {
      failure = new ZipRefusal(corruptMessage(fileName));
    }
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !failure; at += PUSH_BYTES) {
      const end = Math.min(bytes.length, at + PUSH_BYTES);
      unzip.push(bytes.subarray(at, end), end === bytes.length);
    }
  } catch {
    if (!failure) failure = new ZipRefusal(corruptMessage(fileName));
  }
  if (failure) throw failure;
  // An entry that never reached its end was cut off: the archive is truncated.
  if (open.size > 0) throw new ZipRefusal(corruptMessage(fileName));
  return names;
}
