/**
 * The pane and the CLI give the same findings for the same workbook, for every kind of cell.
 * One fixture .xlsx goes through both readers: the CLI's (src/node/readXlsx.ts) and the add-in's
 * (src/excel/adapter.ts over the strict Office.js stand-in, fed what Office.js reports for the
 * same file: dates as serial numbers with their number format, formulas as their cached value,
 * rich text as plain text). Their findings must agree exactly, code, sheet, cell and message.
 */
import ExcelJS from "exceljs";
import { readWorkbook } from "../../src/core/model";
import { validateWorkbook } from "../../src/core/validation/validateWorkbook";
import type { Finding } from "../../src/core/validation/finding";
import { readBilagorSheets } from "../../src/excel/adapter";
import { readXlsxBytes } from "../../src/node/readXlsx";
import { toFakeWorkbook } from "../e2e/fakeWorkbook";
import { toBuffer } from "../helpers/xlsxFixtures";
import { LIST_HEADERS } from "../helpers/workbooks";
import { fakeOffice } from "./officeFake";

type Header = (typeof LIST_HEADERS)[number];
const KOMMUN = { SÄBO: "Kommun", "LSS bostad": "Kommun", "LSS daglig verksamhet": "Kommun", "SoL dagverksamhet": "Kommun" } as const;
const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** One row per cell kind, in the ISO column and in the two date columns; `format` is the ISO cell's number format. */
const ROWS: ReadonlyArray<{ kind: string; cells: Partial<Record<Header, ExcelJS.CellValue>>; formats?: Partial<Record<Header, string>> }> = [
  { kind: "text", cells: { "ISO-kod": "12 22 03", Beslutsdatum: "2026-01-10", "Giltig från": "2026-03-01" } },
  { kind: "number that lost its leading zero", cells: { "ISO-kod": 93312, Beslutsdatum: 46032, "Giltig från": 46082 } },
  // The defect: a code Excel turned into a date ("22-06-15"), and dates in the date columns.
  { kind: "date", cells: { "ISO-kod": day(2022, 6, 15), Beslutsdatum: day(2026, 1, 10), "Giltig från": day(2026, 1, 20) }, formats: { "ISO-kod": "yy-mm-dd", Beslutsdatum: "yyyy-mm-dd", "Giltig från": "d/m/yyyy" } },
  { kind: "boolean", cells: { "ISO-kod": true, Beslutsdatum: false, "Giltig från": true } },
  { kind: "error", cells: { "ISO-kod": { error: "#N/A" }, Beslutsdatum: { error: "#VALUE!" }, "Giltig från": { error: "#REF!" } } },
  {
    kind: "rich text",
    cells: { "ISO-kod": { richText: [{ text: "12 " }, { font: { bold: true }, text: "23" }] }, Beslutsdatum: { richText: [{ text: "2026-" }, { text: "01-10" }] }, "Giltig från": "10/2/2026" },
  },
  {
    kind: "formula with a cached value",
    cells: {
      "ISO-kod": { formula: 'TRIM(" 12 24 ")', result: "12 24" },
      Beslutsdatum: { formula: "DATE(2026,1,10)", result: day(2026, 1, 10) },
      "Giltig från": { formula: '"2026-03-01"', result: "2026-03-01" },
    },
    formats: { Beslutsdatum: "yyyy-mm-dd" },
  },
  { kind: "decimal number and a number shown as a code", cells: { "ISO-kod": 12.22, Beslutsdatum: 46032.75, "Giltig från": 46082 }, formats: { Beslutsdatum: "yyyy-mm-dd hh:mm", "Giltig från": "00 00 00" } },
  { kind: "text that looks like a date", cells: { "ISO-kod": "2022-06-15", Beslutsdatum: "2026-13-40", "Giltig från": "" } },
  { kind: "time", cells: { "ISO-kod": 0.5, Beslutsdatum: 0.25 }, formats: { "ISO-kod": "h:mm", Beslutsdatum: "[h]:mm:ss" } },
];

async function fixture(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Bilaga 1");
  LIST_HEADERS.forEach((h, j) => (ws.getCell(1, j + 1).value = h));
  ROWS.forEach(({ kind, cells, formats }, i) => {
    const all: Partial<Record<Header, ExcelJS.CellValue>> = { Benämning: `Rad av slaget ${kind}`, ...KOMMUN, ...cells };
    for (const [header, value] of Object.entries(all)) {
      const cell = ws.getCell(i + 2, LIST_HEADERS.indexOf(header as Header) + 1);
      cell.value = value as ExcelJS.CellValue;
      const format = formats?.[header as Header];
      if (format) cell.numFmt = format;
    }
  });
  return toBuffer(wb);
}

const shape = (f: Finding) => ({ code: f.code, sheet: f.sheet, cell: f.cell, message: f.message });
const byCell = (a: ReturnType<typeof shape>, b: ReturnType<typeof shape>) => `${a.cell} ${a.code} ${a.message}`.localeCompare(`${b.cell} ${b.code} ${b.message}`);

let cli: Array<ReturnType<typeof shape>>;
let pane: Array<ReturnType<typeof shape>>;

beforeAll(async () => {
  const xlsx = await fixture();
  const read = await readXlsxBytes(xlsx, "paritet.xlsx");
  if (!read.ok) throw new Error(read.message);
  cli = validateWorkbook(readWorkbook(read.workbook)).map(shape).sort(byCell);
  const { fake } = fakeOffice(await toFakeWorkbook(xlsx));
  pane = validateWorkbook(readWorkbook(await readBilagorSheets(fake.newContext()))).map(shape).sort(byCell);
});

describe("the pane's reader and the CLI's reader", () => {
  it("give exactly the same findings (code, sheet, cell, message) for every kind of cell", () => {
    expect(pane).toEqual(cli);
  });

  it.each(ROWS.map((r, i) => [r.kind, i + 2] as const))("agree on the row with a %s (row %i)", (_kind, row) => {
    const onRow = (list: typeof cli) => list.filter((f) => f.cell !== null && Number(/\d+$/.exec(f.cell)![0]) === row);
    expect(onRow(pane)).toEqual(onRow(cli));
  });

  it("read a code that Excel turned into a date as that date, in both (ISO_FORMAT on A4, not a lost leading zero)", () => {
    for (const findings of [cli, pane]) {
      const a4 = findings.filter((f) => f.cell === "A4").map((f) => f.code);
      expect(a4).toEqual(["ISO_FORMAT"]);
      expect(findings.find((f) => f.cell === "A4")!.message).toContain("2022-06-15");
      expect(findings.some((f) => f.cell === "A4" && /44727/.test(f.message))).toBe(false);
    }
  });

  it("find what the fixture holds: a lost leading zero on A3, format findings on the boolean and time rows, CELL_ERROR on the error cell", () => {
    for (const findings of [cli, pane]) {
      const codesAt = (cell: string) => findings.filter((f) => f.cell === cell).map((f) => f.code).sort();
      expect(codesAt("A3")).toEqual(["ISO_LEADING_ZERO"]);
      expect(codesAt("A5")).toEqual(["ISO_FORMAT"]);
      expect(codesAt("A6")).toEqual(["CELL_ERROR"]);
      expect(codesAt("A11")).toEqual(["ISO_FORMAT"]);
    }
  });
});
