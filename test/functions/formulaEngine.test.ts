import { DetailedCellError, HyperFormula } from "hyperformula";
import { editionFromModel } from "../../src/core/editions/edition";
import { readWorkbook } from "../../src/core/model";
import { basisOf, builtInBasis } from "../../src/excel/basis";
import { functionsMetadata } from "../helpers/metadata";
import { registerAddinFunctions, settle } from "../helpers/hyperformula";
import { listRow, workbook } from "../helpers/workbooks";

let basis = builtInBasis();
/** When set, reading the workbook fails with this error (as modelSource does when Excel cannot be read). */
let failedRead: Error | null = null;

/** Swedish Excel reads only YYYY-MM-DD as a date; HyperFormula's default would turn "22 06 15" into one. */
const CONFIG = { licenseKey: "gpl-v3", dateFormats: ["YYYY-MM-DD"] };

beforeAll(async () => {
  registerAddinFunctions(await functionsMetadata(), () => {
    if (failedRead) throw failedRead;
    return basis;
  });
});

/** A sheet built and settled: every real (asynchronous) function call has resolved. */
async function built(sheet: Parameters<typeof HyperFormula.buildFromArray>[0], config: Parameters<typeof HyperFormula.buildFromArray>[1]) {
  const hf = HyperFormula.buildFromArray(sheet, config);
  await settle(hf);
  return hf;
}

const SHEET = [
  ["iso", "boendeform", "ålder", "betalare", "varför"],
  ["12 22 03", "SÄBO", 80, "=HJM.WHO_PAYS(A2,B2,C2)", "=HJM.WHO_PAYS_WHY(A2,B2,C2)"],
  ["22 06 15", "SABO", 85, "=HJM.WHO_PAYS(A3,B3,C3)", "=HJM.WHO_PAYS_WHY(A3,B3,C3)"],
  ["12 22 03", "LSS bostad", 45, "=HJM.WHO_PAYS(A4,B4,C4)", "=HJM.WHO_PAYS_WHY(A4,B4,C4)"],
  ["12 22 03", "sjukhus", 80, "=HJM.WHO_PAYS(A5,B5,C5)", "=HJM.WHO_PAYS_WHY(A5,B5,C5)"],
  ["12 22 03", "SÄBO", 12, "=HJM.WHO_PAYS(A6,B6,C6)", "=HJM.WHO_PAYS_WHY(A6,B6,C6)"],
  [93312, "SÄBO", 80, "=HJM.ISO_NORMALIZE(A7)", "=HJM.ISO_TITLE(A7)"],
  ["12 22 03", "SÄBO", null, "=HJM.WHO_PAYS(A8,B8,C8)", "=HJM.WHO_PAYS(A8,B8,80,TRUE())"],
];

describe("the functions inside a real formula engine (HyperFormula)", () => {
  it("evaluates =HJM.WHO_PAYS and =HJM.WHO_PAYS_WHY over a sheet", async () => {
    basis = builtInBasis();
    const hf = await built(SHEET, CONFIG);
    const value = (a1: string) => hf.getCellValue(hf.simpleCellAddressFromString(a1, 0)!);
    expect(value("D2")).toBe("Kommun");
    expect(value("E2")).toMatch(/^\[LIST §4\.3\] .*Bilaga 1 rad \d+/);
    expect(value("D3")).toBe("Region");
    expect(value("E3")).toMatch(/^\[REGION_HORSEL §2\.2\]/);
    expect(value("D6")).toBe("Region");
    expect(value("D7")).toBe("09 33 12");
    expect(value("E7")).toBe("Badbritsar, duschbord och skötbord");
    expect(value("E8")).toBe("Region");
    hf.destroy();
  });

  it("returns #N/A with the rule when no payer is named, and #VALUE! with the input error", async () => {
    const hf = await built(SHEET, CONFIG);
    const value = (a1: string) => hf.getCellValue(hf.simpleCellAddressFromString(a1, 0)!);
    const na = value("D4") as DetailedCellError;
    expect(na).toBeInstanceOf(DetailedCellError);
    expect(na.type).toBe("NA");
    expect(na.message).toMatch(/^UNLISTED §6\.3: /);
    expect(value("E4")).toMatch(/^\[UNLISTED §6\.3\]/);
    const bad = value("D5") as DetailedCellError;
    expect(bad.type).toBe("VALUE");
    expect(bad.message).toMatch(/^BOENDEFORM_UNKNOWN: /);
    expect((value("D8") as DetailedCellError).message).toMatch(/^AGE_INVALID: /);
    hf.destroy();
  });

  it("answers from the workbook's own bilagor when it has them, and follows their changes", async () => {
    basis = basisOf(readWorkbook(workbook({ b1: [listRow("12 22", "Rullstolar", ["Region", "Kommun", "Kommun", "Kommun"])] })));
    const hf = await built([["12 22 03", "SÄBO", 80, "=HJM.WHO_PAYS(A1,B1,C1)"]], CONFIG);
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 3 })).toBe("Region");
    basis = basisOf(readWorkbook(workbook({ b1: [listRow("12 22", "Rullstolar", ["Kommun", "Kommun", "Kommun", "Kommun"])] })));
    hf.rebuildAndRecalculate();
    await settle(hf);
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 3 })).toBe("Kommun");
    hf.destroy();
    basis = builtInBasis();
  });

  it("answers by date: the edition in force on datum answers, and names itself", async () => {
    const model = (payer: string) => readWorkbook(workbook({ b1: [listRow("12 22", "Rullstolar", [payer, "Kommun", "Kommun", "Kommun"])] }));
    const published = editionFromModel(model("Kommun"), { name: "2026:1", decided: "2025-11-01", effective: "2026-02-01" });
    const draft = readWorkbook(
      workbook({ b1: [listRow("12 22", "Rullstolar", ["Region", "Kommun", "Kommun", "Kommun"])], utgava: [{ Fält: "Utgåva", Värde: "2026:2" }, { Fält: "Giltig från", Värde: "2026-09-01" }] }),
    );
    basis = basisOf(draft, [published]);
    const hf = await built(
      [
        ["12 22 03", "SÄBO", 80, "2026-08-31", "=HJM.WHO_PAYS(A1,B1,C1,FALSE(),D1)", "=HJM.WHO_PAYS_WHY(A1,B1,C1,,D1)"],
        ["12 22 03", "SÄBO", 80, "2026-09-01", "=HJM.WHO_PAYS(A2,B2,C2,FALSE(),D2)", "=HJM.WHO_PAYS(A2,B2,C2,FALSE(),DATE(2026,1,1))"],
        ["12 22 03", "SÄBO", 80, "31/8", "=HJM.WHO_PAYS(A3,B3,C3,FALSE(),D3)", null],
      ],
      CONFIG,
    );
    const value = (a1: string) => hf.getCellValue(hf.simpleCellAddressFromString(a1, 0)!);
    expect(value("E1")).toBe("Kommun");
    expect(value("F1")).toMatch(/Utgåva 2026:1/);
    expect(value("E2")).toBe("Region");
    expect((value("F2") as DetailedCellError).message).toMatch(/^NO_EDITION: /);
    expect((value("E3") as DetailedCellError).message).toMatch(/^DATE_INVALID: /);
    hf.destroy();
    basis = builtInBasis();
  });

  it("computes COST_SHIFT between the editions in force on two dates", async () => {
    const lists = (sabo: string) => readWorkbook(workbook({ b1: [listRow("12 22", "Rullstolar", [sabo, "Kommun", "Region", "Kommun"])] }));
    const published = editionFromModel(lists("Region"), { name: "2026:1", decided: "2025-11-01", effective: "2026-02-01" });
    const draft = readWorkbook(
      workbook({ b1: [listRow("12 22", "Rullstolar", ["Kommun", "Kommun", "Kommun", "Kommun"])], utgava: [{ Fält: "Utgåva", Värde: "2026:2" }, { Fält: "Giltig från", Värde: "2026-09-01" }] }),
    );
    basis = basisOf(draft, [published]);
    const hf = await built(
      [
        ["12 22 03", "SÄBO", 120000, "2026-03-01", "2026-10-01", "=HJM.COST_SHIFT(A1,B1,C1,D1,E1)"],
        ["12 22 03", "LSS bostad", 50000, "2026-03-01", "2026-10-01", "=HJM.COST_SHIFT(A2,B2,C2,D2,E2)"],
        ["12 22 03", "LSS daglig verksamhet", 7000, "2026-03-01", "2026-10-01", "=HJM.COST_SHIFT(A3,B3,C3,D3,E3)"],
        ["12 22 03", "SÄBO", "mycket", "2026-03-01", "2026-10-01", "=HJM.COST_SHIFT(A4,B4,C4,D4,E4)"],
        ["15 09", "SÄBO", 100, "2026-03-01", "2026-10-01", "=HJM.COST_SHIFT(A5,B5,C5,D5,E5)"],
      ],
      CONFIG,
    );
    const value = (a1: string) => hf.getCellValue(hf.simpleCellAddressFromString(a1, 0)!);
    expect([value("F1"), value("F2"), value("F3")]).toEqual([120000, 0, 7000]);
    expect((value("F4") as DetailedCellError).message).toMatch(/^VALUE_INVALID: /);
    expect((value("F5") as DetailedCellError).type).toBe("NA");
    hf.destroy();
    basis = builtInBasis();
  });

  it("understands the Swedish names from functions-sv.json", async () => {
    const hf = await built(
      [["12 22 03", "SÄBO", 80, "=HJM.VEM_BETALAR(A1,B1,C1)", "=HJM.VEM_BETALAR_VARFÖR(A1,B1,C1)", "=HJM.ISO_NORMALISERA(433)", "=HJM.ISO_BENÄMNING(A1)"]],
      { ...CONFIG, language: "svSE" },
    );
    expect(hf.getSheetValues(0)[0]!.slice(3)).toEqual(["Kommun", expect.stringMatching(/^\[LIST §4\.3\]/), "04 33", "Manuella tvåhjulsdrivna rullstolar"]);
    hf.destroy();
  });

  it("spills one answer per row from range arguments, one error cell per bad row, through the real wrapper", async () => {
    basis = builtInBasis();
    const hf = await built(
      [
        ["12 22 03", "SÄBO", 80, "=HJM.WHO_PAYS(A1:A5,B1:B5,C1:C5)", "=HJM.ISO_NORMALIZE(A1:A5)", "=HJM.WHO_PAYS(A1:A5,\"SÄBO\",80)"],
        ["=NA()", "SÄBO", 80],
        ["22 06 15", "SABO", 85],
        ["12 22 03", "=1/0", 80],
        [93312, "SÄBO", "tolv"],
      ],
      CONFIG,
    );
    const column = (letter: string) => [1, 2, 3, 4, 5].map((r) => hf.getCellValue(hf.simpleCellAddressFromString(`${letter}${r}`, 0)!));
    const errorOf = (v: unknown) => (v instanceof DetailedCellError ? `${v.type}:${v.message.split(":")[0]}` : v);
    // Row 2: an #N/A cell as the code; row 4: a #DIV/0! cell as the housing form; row 5: an age that is text.
    expect(column("D").map(errorOf)).toEqual(["Kommun", "VALUE:ISO_FORMAT", "Region", "VALUE:BOENDEFORM_UNKNOWN", "VALUE:AGE_INVALID"]);
    expect(column("E").map(errorOf)).toEqual(["12 22 03", "VALUE:ISO_FORMAT", "22 06 15", "12 22 03", "09 33 12"]);
    // Scalars beside a range are broadcast down it.
    expect(column("F").map(errorOf)).toEqual(["Kommun", "VALUE:ISO_FORMAT", "Region", "Kommun", "Kommun"]);
    hf.destroy();
  });

  it("fails the whole call with #VALUE! ARGUMENT_SHAPE when ranges do not fit together, as the wrapper throws", async () => {
    basis = builtInBasis();
    const hf = await built([["12 22 03", "SÄBO", 80, "=HJM.WHO_PAYS(A1:A2,B1:B3,C1)"], ["12 22 03", "SÄBO"], [null, "SÄBO"]], CONFIG);
    const v = hf.getCellValue({ sheet: 0, row: 0, col: 3 }) as DetailedCellError;
    expect([v.type, v.message.split(":")[0]]).toEqual(["VALUE", "ARGUMENT_SHAPE"]);
    hf.destroy();
  });

  it("answers with #N/A and the reason when the workbook cannot be read (the wrapper's basis error)", async () => {
    failedRead = new Error("Kunde inte läsa arbetsbokens bilagor: Bilaga 1 saknas");
    const hf = await built([["=HJM.WHO_PAYS(\"12 22 03\",\"SÄBO\",80)", "=HJM.ISO_NORMALIZE(433)"]], CONFIG);
    const v = hf.getCellValue({ sheet: 0, row: 0, col: 0 }) as DetailedCellError;
    expect([v.type, v.message]).toEqual(["NA", "Kunde inte läsa arbetsbokens bilagor: Bilaga 1 saknas"]);
    // ISO_NORMALIZE needs no lists and still answers.
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 1 })).toBe("04 33");
    hf.destroy();
    failedRead = null;
  });

  it("spills under the Swedish names too", async () => {
    basis = builtInBasis();
    const hf = await built([["12 22 03", "SÄBO", 80, "=HJM.VEM_BETALAR(A1:A2;B1:B2;C1:C2)", "=HJM.ISO_BENÄMNING(A1:A2)"], ["22 06 15", "SÄBO", 80]], { ...CONFIG, language: "svSE", functionArgSeparator: ";" });
    expect(hf.getSheetValues(0).map((r) => r.slice(3))).toEqual([
      ["Kommun", "Manuella tvåhjulsdrivna rullstolar"],
      ["Region", "Bakom-örat-apparater"],
    ]);
    hf.destroy();
  });
});
