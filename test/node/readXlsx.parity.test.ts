import type { RawWorkbook } from "../../src/core/cells";
import { readWorkbook } from "../../src/core/model";
import { readXlsxBytes } from "../../src/node/readXlsx";
import { readWithExcelJs } from "../helpers/excelJsReader";
import { readerFixtures } from "../helpers/readerFixtures";

async function readNew(bytes: Buffer, name: string): Promise<RawWorkbook> {
  const read = await readXlsxBytes(bytes, name);
  if (!read.ok) throw new Error(read.message);
  return read.workbook;
}

/**
 * Where the ExcelJS reader was wrong, written out cell by cell: the old value, the new one, why.
 * Every other cell of every fixture must be identical.
 */
const KNOWN_FIXES: ReadonlyArray<{ fixture: string; sheet: string; cell: [row: number, column: number]; old: unknown; now: unknown; why: string }> = [
  {
    fixture: "written as Excel writes",
    sheet: "Bilaga 1",
    cell: [7, 4],
    old: null,
    now: 0,
    why: "ExcelJS drops a formula's cached result when it is 0, FALSE or empty text",
  },
];

function withFixes(name: string, model: RawWorkbook, side: "old" | "now"): RawWorkbook {
  const fixes = KNOWN_FIXES.filter((f) => f.fixture === name);
  if (fixes.length === 0) return model;
  const copy = structuredClone(model) as { sheets: Array<{ name: string; rows: unknown[][] }> };
  for (const f of fixes) {
    const row = copy.sheets.find((s) => s.name === f.sheet)!.rows[f.cell[0] - 1]!;
    expect({ fix: f.why, value: row[f.cell[1] - 1] }).toEqual({ fix: f.why, value: f[side] });
    row[f.cell[1] - 1] = f.now;
  }
  return copy as unknown as RawWorkbook;
}

describe("the fflate + saxes reader gives the same model as the former ExcelJS reader", () => {
  let fixtures: Array<{ name: string; bytes: Buffer }>;
  beforeAll(async () => {
    fixtures = await readerFixtures();
  });

  it("on every fixture workbook: same sheets, rows, cells and cell types", async () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(12);
    for (const { name, bytes } of fixtures) {
      const before = withFixes(name, await readWithExcelJs(bytes), "old");
      const after = withFixes(name, await readNew(bytes, name), "now");
      // toStrictEqual: a hole is not a null, a Date is not its serial, an error is not its text.
      expect({ name, model: after }).toStrictEqual({ name, model: before });
      expect({ name, model: readWorkbook(after) }).toStrictEqual({ name, model: readWorkbook(before) });
    }
  });

  it("models the cell kinds as written by hand (not computed by either reader)", async () => {
    const excelStyle = fixtures.find((f) => f.name === "written as Excel writes")!;
    const { sheets } = await readNew(excelStyle.bytes, "excel.xlsx");
    expect(sheets.map((s) => s.name)).toEqual(["Bilaga 1", "Anteckningar & mer"]);
    const rows = sheets[0]!.rows;
    const day = (y: number, m: number, d: number, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h, min));
    // 1904 date system: serial 45000 is 2027-03-16 (in the 1900 system it would be 2023-03-15).
    expect(rows[1]).toEqual(["ISO-kod", "Rullstolar manuella", "  Kommun ", day(2027, 3, 16), day(2027, 3, 16, 12), 12]);
    expect(rows[2]).toEqual(["12 22 03", "Rik inline", "Region", day(2031, 2, 13), day(2031, 2, 13, 6), day(1904, 1, 1, 0, 18)]);
    expect(rows[3]).toEqual([true, false, { error: "#N/A" }, { error: "#DIV/0!" }, true, 3]);
    expect(rows[4]).toEqual([]); // styled empty cells are no values
    expect(rows[5]).toEqual(["Rad ett\r\nrad två", "かな", null, 2]);
    expect(rows[6]).toEqual([null, null, null, 0, day(2031, 11, 30)]);
    expect(rows[7]).toEqual([null, null, null, null]); // a shared formula without a cached value
    expect(rows[9]).toEqual([null, null, null]); // merged B10:C11 with an empty top-left cell
    expect(rows[11]).toEqual([93312, 0.0015, -42]);
    expect(sheets[1]!.rows).toEqual([["Anteckning"], [], [null, null, 7]]);
  });
});
