/**
 * Cheap checks on a file before ExcelJS unpacks it: is it a zip at all, is it an encrypted or
 * legacy Office file, and would unpacking it blow up (a zip bomb)? Reads the zip's central
 * directory only.
 */
export const MAX_FILE_BYTES = 60 * 1024 * 1024;
export const MAX_UNPACKED_BYTES = 400 * 1024 * 1024;

export type ZipVerdict = { readonly ok: true } | { readonly ok: false; readonly message: string };

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function checkXlsxBytes(bytes: Buffer, fileName: string): ZipVerdict {
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
  // End of central directory: signature 0x06054b50, within the last 64 KiB + 22 bytes.
  const from = Math.max(0, bytes.length - 65_557);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, message: `${fileName} är skadad: Excel-arkivets innehållsförteckning saknas.` };
  const entries = bytes.readUInt16LE(eocd + 10);
  const dirOffset = bytes.readUInt32LE(eocd + 16);
  let pos = dirOffset;
  let unpacked = 0;
  for (let n = 0; n < entries; n++) {
    if (pos + 46 > bytes.length || bytes.readUInt32LE(pos) !== 0x02014b50) {
      return { ok: false, message: `${fileName} är skadad: Excel-arkivets innehållsförteckning går inte att läsa.` };
    }
    unpacked += bytes.readUInt32LE(pos + 24);
    if (unpacked > MAX_UNPACKED_BYTES) {
      return {
        ok: false,
        message: `${fileName} packas upp till mer än ${MAX_UNPACKED_BYTES / 1024 / 1024} MB och läses inte (skydd mot överstora eller manipulerade filer). Dela upp arbetsboken.`,
      };
    }
    pos += 46 + bytes.readUInt16LE(pos + 28) + bytes.readUInt16LE(pos + 30) + bytes.readUInt16LE(pos + 32);
  }
  return { ok: true };
}
