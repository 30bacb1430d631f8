/**
 * Every .xlsx the tests read, plus workbooks that hold each cell kind the reader must model the
 * way the former ExcelJS reader did: the parity test and the bench run them through both readers.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { exampleWorkbook } from "../../src/core/example/exampleWorkbook";
import { writeBilagorXlsx } from "../../src/node/writeXlsx";
import { publishableWorkbook, reviewWorkbook, workbookWithSheets } from "../e2e/fixtures";
import { DEFAULT_PRINCIPLES, listRow, workbook } from "./workbooks";
import { cleanWorkbook, emptyWorkbook, hostileWorkbook, largeWorkbook, toBuffer } from "./xlsxFixtures";

const K = "Kommun";
const R = "Region";

/** One sheet of every cell kind ExcelJS writes, with date and non-date number formats. */
async function cellKindsWorkbook(options: { date1904?: boolean; sharedStrings?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  if (options.date1904) wb.properties.date1904 = true;
  const ws = wb.addWorksheet("Celltyper");
  const put = (ref: string, value: unknown, numFmt?: string) => {
    const cell = ws.getCell(ref);
    cell.value = value as ExcelJS.CellValue;
    if (numFmt) cell.numFmt = numFmt;
  };
  put("A1", new Date(Date.UTC(2026, 0, 10)));
  put("A2", 46430, "yyyy-mm-dd");
  put("A3", 46430, "d/m/yyyy");
  put("A4", 46430, "0.00");
  put("A5", 12.5, '0" kr"');
  put("A6", 44727, "[Red]0");
  put("A7", "0123", "@");
  put("A8", 45000.75, "yyyy-mm-dd hh:mm");
  put("A9", 0.5, "h:mm");
  put("A10", 46430, "[$-41D]d mmmm yyyy");
  put("A11", 46430, '"dag "0');
  put("A12", 46430, "mm:ss");
  put("B1", true);
  put("B2", false);
  put("B3", { error: "#REF!" });
  put("B4", { error: "#DIV/0!" });
  put("C1", { formula: "1+1", result: 2 });
  put("C2", { formula: "TODAY()", result: new Date(Date.UTC(2026, 10, 29)) }, "yyyy-mm-dd");
  put("C3", { formula: "NA()", result: { error: "#N/A" } });
  put("C4", { formula: "TRUE()", result: true });
  put("C5", { formula: 'A7&"x"', result: "0123x" });
  put("C6", { formula: "A1" });
  put("C7", { formula: "46430", result: 46430 }, "yyyy-mm-dd");
  ws.fillFormula("D1:D4", "C1*2", [4, 4, 4, 4]);
  put("E1", { richText: [{ text: "Rik " }, { font: { bold: true }, text: "text" }, { font: { italic: true }, text: " här" }] });
  put("E2", { text: "länk", hyperlink: "https://example.org/hjalpmedel" });
  put("E3", "x".repeat(10_000));
  put("E4", "rad ett\r\nrad två\tmed tabb");
  put("E5", "  blanksteg runt  ");
  put("E6", `<&>"' och åäö ÅÄÖ é ü`);
  put("E7", 93312);
  put("E8", 0.1 + 0.2);
  put("E9", -0);
  put("E10", 1e21);
  put("E11", "12 22 03");
  put("E12", "");
  put("AA5", "långt till höger");
  put("H40", "ensam cell långt ned");
  ws.getCell("F10").numFmt = "0.00"; // styled but empty: not a value
  ws.getRow(30).getCell(1).value = "dold rad";
  ws.getRow(30).hidden = true;
  ws.getCell("G1").value = "sammanslagen";
  ws.mergeCells("G1:I2");
  ws.mergeCells("G5:G7"); // no value in the top-left cell
  ws.getCell("J20").value = "slås ihop nedåt";
  ws.mergeCells("J20:J22");
  const hidden = wb.addWorksheet("Dolt blad", { state: "hidden" });
  hidden.getCell("A1").value = "dold";
  wb.addWorksheet("Tomt blad");
  const buffer = await wb.xlsx.writeBuffer({ useSharedStrings: options.sharedStrings ?? true } as never);
  return Buffer.from(buffer as ArrayBuffer);
}

/**
 * A workbook written as Excel writes one (not as ExcelJS does): styles with built-in and custom
 * date formats (escaped characters included), shared strings with rich runs, `_x000D_`
 * escapes and phonetic runs, inline strings, text/boolean/error formula results, a 1904 date
 * system, self-closing styled empty cells and rows without cells.
 */
async function excelStyleWorkbook(): Promise<Buffer> {
  const zip = new JSZip();
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
  );
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  );
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook ${ns}><workbookPr date1904="1"/><bookViews><workbookView/></bookViews><sheets><sheet name="Bilaga 1" sheetId="1" r:id="rId1"/><sheet name="Anteckningar &amp; mer" sheetId="2" state="hidden" r:id="rId2"/></sheets></workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
  );
  zip.file(
    "xl/styles.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="4"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="165" formatCode="0&quot; dagar&quot;"/><numFmt numFmtId="166" formatCode="[$-41D]d\\ mmmm\\ yyyy"/><numFmt numFmtId="167" formatCode="#,##0\\ &quot;kr&quot;"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="22" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="9"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="167" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="45" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><dxfs count="1"><dxf><numFmt numFmtId="164" formatCode="0.00"/></dxf></dxfs></styleSheet>`,
  );
  zip.file(
    "xl/sharedStrings.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="7" uniqueCount="7"><si><t>ISO-kod</t></si><si><t>Benämning</t></si><si><t>SÄBO</t></si><si><r><t>Rullstolar </t></r><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve">manuella</t></r></si><si><t>Rad ett_x000D_\nrad två</t></si><si><t>かな</t><rPh sb="0" eb="2"><t>カナ</t></rPh><phoneticPr fontId="0"/></si><si><t xml:space="preserve">  Kommun </t></si></sst>`,
  );
  zip.file(
    "xl/worksheets/sheet1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${ns}><dimension ref="A1:F12"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="1" width="12" customWidth="1"/></cols><sheetData>` +
      `<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>` +
      `<row r="2" spans="1:6"><c r="A2" s="6" t="s"><v>0</v></c><c r="B2" t="s"><v>3</v></c><c r="C2" t="s"><v>6</v></c><c r="D2" s="1"><v>45000</v></c><c r="E2" s="2"><v>45000.5</v></c><c r="F2" s="3"><v>12</v></c></row>` +
      `<row r="3"><c r="A3" t="inlineStr"><is><t>12 22 03</t></is></c><c r="B3" t="inlineStr"><is><r><t>Rik </t></r><r><rPr><i/></rPr><t>inline</t></r></is></c><c r="C3" t="str"><f>"Reg"&amp;"ion"</f><v>Region</v></c><c r="D3" s="4"><v>46430</v></c><c r="E3" s="5"><v>46430.25</v></c><c r="F3" s="8"><v>0.0125</v></c></row>` +
      `<row r="4" ht="30" customHeight="1"><c r="A4" t="b"><v>1</v></c><c r="B4" t="b"><v>0</v></c><c r="C4" t="e"><v>#N/A</v></c><c r="D4" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E4" t="b"><f>TRUE</f><v>1</v></c><c r="F4" s="7"><f>SUM(1,2)</f><v>3</v></c></row>` +
      `<row r="5"><c r="B5" s="1"/><c r="C5" s="2"/></row>` +
      `<row r="6" hidden="1"><c r="A6" t="s"><v>4</v></c><c r="B6" t="s"><v>5</v></c><c r="D6"><f t="shared" ref="D6:D8" si="0">A4*2</f><v>2</v></c></row>` +
      `<row r="7"><c r="D7"><f t="shared" si="0"/><v>0</v></c><c r="E7" s="2"><f>TODAY()</f><v>46720</v></c></row>` +
      `<row r="8"><c r="D8"><f t="shared" si="0"/></c></row>` +
      `<row r="12"><c r="A12"><v>93312</v></c><c r="B12"><v>1.5E-3</v></c><c r="C12"><v>-42</v></c></row>` +
      `</sheetData><mergeCells count="1"><mergeCell ref="B10:C11"/></mergeCells><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`,
  );
  zip.file(
    "xl/worksheets/sheet2.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${ns}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Anteckning</t></is></c></row><row r="3"><c r="C3"><v>7</v></c></row></sheetData></worksheet>`,
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** Every fixture by name. */
export async function readerFixtures(): Promise<Array<{ name: string; bytes: Buffer }>> {
  const list: Array<[string, Promise<Buffer>]> = [
    ["hostileWorkbook", hostileWorkbook()],
    ["emptyWorkbook", emptyWorkbook()],
    ["cleanWorkbook", cleanWorkbook()],
    ["largeWorkbook(3000)", largeWorkbook(3000)],
    ["exampleWorkbook (new-workbook)", writeBilagorXlsx(exampleWorkbook())],
    [
      "workbook() with every optional sheet",
      writeBilagorXlsx(
        workbook({
          b1: [listRow("12 22", "Rullstolar", [K, K, K, K]), listRow(122203, "Kod som tal", [R, K, null, "Landstinget"], { Villkor: "x".repeat(10_000) })],
          b2: [listRow("09 30", "Absorberande", [K, K, K, K])],
          b3: [{ "Produkt/behandling": "Sårvård", SÄBO: K }],
          b4: [{ "ISO-kod": "12 36", Benämning: "Lyftar", Kostnadsansvar: R, Grundutrustning: "Nej" }],
          principer: DEFAULT_PRINCIPLES,
          iso: [{ "ISO-kod": "12 22", Benämning: "Manuella rullstolar", Utgåva: "2022" }],
          utgava: [{ Fält: "Beslutad", Värde: new Date(Date.UTC(2025, 9, 1)) }, { Fält: "Giltig från", Värde: "2026-01-01" }],
          kostnader: [{ "ISO-kod": "12 22", Boendeform: "SÄBO", Kommun: 1000, Region: 0, År: "2025", Källa: "HSF" }],
        }),
      ),
    ],
    ["reviewWorkbook (pane)", reviewWorkbook()],
    ["publishableWorkbook (pane)", publishableWorkbook()],
    ["workbookWithSheets (pane)", workbookWithSheets(["Bilaga 1", "Blad med mellanslag ", "ÅÄÖ"])],
    ["cell kinds, shared strings", cellKindsWorkbook()],
    ["cell kinds, inline strings, 1904 dates", cellKindsWorkbook({ sharedStrings: false, date1904: true })],
    ["written as Excel writes", excelStyleWorkbook()],
  ];
  return Promise.all(list.map(async ([name, bytes]) => ({ name, bytes: await bytes })));
}

export { toBuffer };
