/**
 * Hostile .xlsx files, generated (never committed): a clean workbook whose Bilaga 1 sheet part
 * is replaced by hostile XML, and zip bombs whose archive lies about sizes and entry count.
 */
import { unzipSync, Zip, ZipDeflate, zipSync, type ZipInputFile } from "fflate";
import { createDeflateRaw } from "node:zlib";
import { LIST_HEADERS } from "./workbooks";
import { cleanWorkbook } from "./xlsxFixtures";

const SHEET = "xl/worksheets/sheet1.xml";
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${esc(text)}</t></is></c>`;
const letters = (col: number) => {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** The header row of Bilaga 1 and one valid list row, as sheet XML rows 1–2. */
export function bilagaRows(): string {
  const header = LIST_HEADERS.map((h, i) => inline(`${letters(i + 1)}1`, h)).join("");
  const row = ["12 22", "Rullstolar", "Kommun", "Kommun", "Kommun", "Kommun"].map((v, i) => inline(`${letters(i + 1)}2`, v)).join("");
  return `<row r="1">${header}</row><row r="2">${row}</row>`;
}

export const sheetXml = (sheetData: string, after = "") => `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>${sheetData}</sheetData>${after}</worksheet>`;

/** The clean workbook with Bilaga 1's sheet part replaced. */
export async function withBilaga1(xml: string): Promise<Buffer> {
  const files = unzipSync(new Uint8Array(await cleanWorkbook()));
  files[SHEET] = new TextEncoder().encode(xml);
  return Buffer.from(zipSync(files));
}

/** The clean workbook with its shared strings part replaced by `<sst>` around `items`. */
export async function withSharedStrings(items: string): Promise<Buffer> {
  const files = unzipSync(new Uint8Array(await cleanWorkbook()));
  if (!files["xl/sharedStrings.xml"]) throw new Error("the clean workbook has no shared strings part");
  files["xl/sharedStrings.xml"] = new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?><sst ${NS}>${items}</sst>`);
  return Buffer.from(zipSync(files));
}

/** Raw DEFLATE of `head` + `fill` repeated to `bytes` + `tail`, streamed through zlib. */
function deflatePadded(head: string, fillByte: number, bytes: number, tail: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const d = createDeflateRaw({ level: 1 });
    const out: Buffer[] = [];
    d.on("data", (c: Buffer) => out.push(c));
    d.on("end", () => resolve(Buffer.concat(out)));
    d.on("error", reject);
    const chunk = Buffer.alloc(16 * 1024 * 1024, fillByte);
    let left = bytes;
    d.write(head);
    const pump = () => {
      while (left > 0) {
        const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
        left -= piece.length;
        if (!d.write(piece)) return void d.once("drain", pump);
      }
      d.end(tail);
    };
    pump();
  });
}

/**
 * A zip bomb shaped like a workbook: Bilaga 1's part inflates to `inflatedBytes` (white space
 * inside sheetData) while its headers and central directory claim `claimedBytes`; with
 * `zeroEntries` the end record also says the archive holds no entries.
 */
export async function zipBomb(inflatedBytes: number, options: { claimedBytes?: number; zeroEntries?: boolean } = {}): Promise<Buffer> {
  const files = unzipSync(new Uint8Array(await cleanWorkbook()));
  const bomb = await deflatePadded(`<?xml version="1.0"?><worksheet ${NS}><sheetData>${bilagaRows()}`, 0x20, inflatedBytes, "</sheetData></worksheet>");
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  });
  for (const [name, data] of Object.entries(files)) {
    if (name === SHEET) {
      const entry: ZipInputFile = { filename: name, size: options.claimedBytes ?? 4096, crc: 0, compression: 8 };
      zip.add(entry);
      for (let at = 0; at < bomb.length; at += 1 << 20) entry.ondata!(null, new Uint8Array(bomb.subarray(at, at + (1 << 20))), at + (1 << 20) >= bomb.length);
    } else {
      const entry = new ZipDeflate(name, { level: 6 });
      zip.add(entry);
      entry.push(data, true);
    }
  }
  zip.end();
  const out = Buffer.concat(chunks);
  if (options.zeroEntries) {
    const eocd = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    out.writeUInt16LE(0, eocd + 8);
    out.writeUInt16LE(0, eocd + 10);
  }
  return out;
}
