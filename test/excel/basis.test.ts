import { basisOf } from "../../src/excel/basis";
import { readWorkbook } from "../../src/core/model";
import { LIST_HEADERS, listRow, workbook } from "../helpers/workbooks";

const K = "Kommun";

describe("the functions' answer basis", () => {
  it("answers from a complete workbook's own bilagor", () => {
    const basis = basisOf(readWorkbook(workbook({ b1: [listRow("12 22", "Rullstolar", [K, K, K, K])] })));
    expect(basis.fromWorkbook).toBe(true);
  });

  it("refuses, naming the sheet, when Bilaga 1's header is below row 10 (as who-pays does), instead of answering UNLISTED", () => {
    const raw = workbook({ b1: [listRow("12 22", "Rullstolar", [K, K, K, K])] });
    const sheets = raw.sheets.map((s) => (s.name === "Bilaga 1" ? { name: s.name, rows: [...Array.from({ length: 10 }, () => ["Rubrik"]), ...s.rows] } : s));
    expect(() => basisOf(readWorkbook({ sheets }))).toThrow(/bladet ”Bilaga 1” har ingen rubrikrad med ”ISO-kod”/);
  });

  it("refuses when a payer column of Bilaga 1 is written twice", () => {
    const raw = workbook({ b1: [listRow("12 22", "Rullstolar", [K, K, K, K])] });
    const sheets = raw.sheets.map((s) => (s.name === "Bilaga 1" ? { name: s.name, rows: s.rows.map((r, i) => [...r, i === 0 ? "SÄBO" : K]) } : s));
    expect(LIST_HEADERS).toContain("SÄBO");
    expect(() => basisOf(readWorkbook({ sheets }))).toThrow(/kolumnen ”SÄBO” finns två gånger i bladet ”Bilaga 1”/);
  });
});
