import { neutralizeFormula, toCsvLine } from "../../src/core/csv";
import { readWorkbook, sheetKeyOf, unreadableBilagor } from "../../src/core/model";
import { validateWorkbook } from "../../src/core/validation/validateWorkbook";
import { LIST_HEADERS, listRow, workbook } from "../helpers/workbooks";

const K = "Kommun";
const R = "Region";

describe("sheet names and headers with invisible characters", () => {
  it("matches a sheet name after removing zero-width, soft-hyphen, BOM and bidi characters", () => {
    for (const name of ["Bilaga\u200b 1", "\ufeffBilaga 1", "Bil\u00adaga 1", "Bilaga 1\u200e", "Bilaga\u2060 1"]) expect([name, sheetKeyOf(name)]).toEqual([name, "B1"]);
    expect(sheetKeyOf("Bilaga 1x")).toBeNull();
  });

  it("reads a header cell with a zero-width space as its column", () => {
    const headers = LIST_HEADERS.map((h) => (h === "SÄBO" ? "SÄ\u200bBO" : h));
    const model = readWorkbook({ sheets: [{ name: "Bilaga 1", rows: [headers, ["12 22", "x", R, K, K, K]] }] });
    expect(model.bilagor.B1!.columns.get("SABO")).toEqual({ index: 3, header: "SÄ\u200bBO" });
  });
});

describe("bilagor that cannot be answered from", () => {
  it("names nothing for a complete workbook", () => {
    expect(unreadableBilagor(readWorkbook(workbook({ b1: [listRow("12 22", "x", [K, K, K, K])] })))).toEqual([]);
  });

  it("names a missing sheet, a header below row 10 and a missing required column", () => {
    const raw = workbook({ omit: ["B2"] });
    const b3 = raw.sheets.findIndex((s) => s.name === "Bilaga 3");
    const b4 = raw.sheets.findIndex((s) => s.name === "Bilaga 4");
    const sheets = [...raw.sheets];
    sheets[b3] = { name: "Bilaga 3", rows: [...Array.from({ length: 10 }, () => ["titel"]), ...raw.sheets[b3]!.rows] };
    sheets[b4] = { name: "Bilaga 4", rows: [["ISO-kod", "Benämning"]] };
    expect(unreadableBilagor(readWorkbook({ sheets }))).toEqual([
      { key: "B2", name: "Bilaga 2", reason: "missing", detail: null },
      { key: "B3", name: "Bilaga 3", reason: "headerless", detail: null },
      { key: "B4", name: "Bilaga 4", reason: "columnMissing", detail: "Kostnadsansvar" },
    ]);
  });

  it("names a payer column written twice and a second sheet for the same bilaga, and validate reports both at their place", () => {
    const raw = workbook();
    const b1 = { name: "Bilaga 1", rows: [[...LIST_HEADERS, "säbo"], ["12 22", "x", R, K, K, K, ...new Array(LIST_HEADERS.length - 6).fill(null), K]] };
    const model = readWorkbook({ sheets: [b1, { name: "bilaga\u200b 1", rows: [[...LIST_HEADERS]] }, ...raw.sheets.slice(1)] });
    expect(unreadableBilagor(model)).toEqual([
      { key: "B1", name: "Bilaga 1", reason: "sheetDuplicated", detail: "bilaga\u200b 1" },
      { key: "B1", name: "Bilaga 1", reason: "columnDuplicated", detail: "SÄBO" },
    ]);
    const findings = validateWorkbook(model).filter((f) => f.code === "HEADER_MISSING" || f.code === "SHEET_MISSING");
    expect(findings.map((f) => [f.code, f.sheet, f.cell ?? f.row])).toEqual([
      ["HEADER_MISSING", "Bilaga 1", "P1"],
      ["SHEET_MISSING", "bilaga\u200b 1", null],
    ]);
  });
});

describe("CSV formula injection (OWASP)", () => {
  it("neutralises cells that start = + - @ tab or CR, and leaves numbers, codes and text alone", () => {
    const cases: Array<[string, string]> = [
      ["=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"],
      ["+1+2", "'+1+2"],
      ["-2+3", "'-2+3"],
      ["@SUM(A1)", "'@SUM(A1)"],
      ["\t=1", "'\t=1"],
      ["\r=1", "'\r=1"],
      ["-", "'-"],
      ["-1 250", "-1 250"],
      ["-12,5", "-12,5"],
      ["+46", "+46"],
      ["-0.5", "-0.5"],
      ["12 22 03", "12 22 03"],
      ["Kommun", "Kommun"],
      ["", ""],
      ["a=b", "a=b"],
    ];
    expect(cases.map(([input]) => [input, neutralizeFormula(input)])).toEqual(cases);
  });

  it("quotes a neutralised field, so the ' and the text stay one cell", () => {
    expect(toCsvLine(["=1+1", "-5", "12 22"], ";")).toBe(`"'=1+1";-5;12 22`);
    expect(toCsvLine(['@x"y', "a"], ",")).toBe(`"'@x""y",a`);
  });
});
