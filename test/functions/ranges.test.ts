import { readWorkbook } from "../../src/core/model";
import { basisOf, builtInBasis } from "../../src/excel/basis";
import { broadcast, costShiftValue, isoNormalizeColumn, whoPaysColumn, whoPaysValue, whoPaysWhyColumn, whoPaysWhyValue } from "../../src/functions/logic";
import { todayIso } from "../../src/core/values";
import type { CellValue } from "../../src/core/cells";
import { listRow, workbook } from "../helpers/workbooks";

const lists = builtInBasis().lists;
const col = (...values: unknown[]) => values.map((v) => [v]);

describe("the functions over whole columns", () => {
  it("answers one row per input row, broadcasting single values", () => {
    const result = whoPaysColumn([col("12 22 03", "22 06 15", "12 22 03", "99x"), [["SÄBO"]], col(80, 85, 12, 80)], lists);
    expect(Array.isArray(result)).toBe(true);
    const cells = (result as Array<Array<{ ok: boolean; value?: string; message?: string }>>).map((r) => (r[0]!.ok ? r[0]!.value : r[0]!.message!.split(":")[0]));
    expect(cells).toEqual(["Kommun", "Region", "Region", "ISO_FORMAT"]);
  });

  it("accepts a row as well as a column, and an omitted optional argument", () => {
    const result = whoPaysColumn([[["12 22 03", "12 22 03"]], [["SÄBO"]], [[80]], null, undefined], lists) as Array<Array<{ ok: boolean }>>;
    expect(result).toHaveLength(2);
  });

  it("puts each failing element in its own cell while the others still answer", () => {
    const result = whoPaysColumn([col("12 22 03", "12 22 03", "12 22 03"), col("SÄBO", "sjukhus", "LSS bostad"), col(80, 80, 45)], lists) as Array<Array<{ ok: boolean; error?: string }>>;
    expect(result.map((r) => (r[0]!.ok ? "ok" : r[0]!.error))).toEqual(["ok", "VALUE", "NA"]);
  });

  it("keeps each error in a spilled column short (code, §, a few words), a single cell's in full", () => {
    const column = whoPaysColumn([col("15 09", "9x"), [["SÄBO"]], [[80]]], lists) as Array<Array<{ ok: boolean; message: string }>>;
    expect(column.map((r) => r[0]!.message)).toEqual(["UNLISTED §6.3: Står inte i bilagorna", "ISO_FORMAT: Koden kan inte läsas"]);
    const single = whoPaysColumn([[["15 09"]], [["SÄBO"]], [[80]]], lists) as Array<Array<{ ok: boolean; message: string }>>;
    expect(single[0]![0]!.message.length).toBeGreaterThan(100);
  });

  it("names an answer's source once in WHO_PAYS_WHY: a Bilaga row, a Principer row, or the built-in principles", () => {
    const fromSheet = basisOf(readWorkbook(workbook({ b1: [listRow("12 22", "Rullstolar", ["Kommun", "Kommun", "Kommun", "Kommun"])] }))).lists;
    const times = (v: { ok: boolean; value?: string }, what: string) => (v.ok ? v.value!.split(what).length - 1 : null);
    // 22 06 15 under REGION_HORSEL, from the Principer sheet's first row (row 2), and 12 22 from Bilaga 1.
    expect(times(whoPaysWhyValue({ iso: "22 06 15", boendeform: "SÄBO", age: 80 }, fromSheet), "Principer rad 2")).toBe(1);
    expect(times(whoPaysWhyValue({ iso: "12 22", boendeform: "SÄBO", age: 80 }, fromSheet), "Bilaga 1 rad 2")).toBe(1);
    // A workbook without a Principer sheet answers by the built-in principles, said as such.
    const builtIn = basisOf(readWorkbook(workbook({ b1: [listRow("12 22", "Rullstolar", ["Kommun", "Kommun", "Kommun", "Kommun"])], principer: null }))).lists;
    expect(times(whoPaysWhyValue({ iso: "22 06 15", boendeform: "SÄBO", age: 80 }, builtIn), "Källa: Principer (inbyggda).")).toBe(1);
  });

  it("names COST_SHIFT's date arguments in Swedish, as Excel shows them", () => {
    const bad = (from: string, to: string) => costShiftValue("12 22", "SÄBO", 1000, from, to, lists) as { ok: boolean; message?: string };
    expect(bad("igår", "2026-01-01").message).toMatch(/^DATE_INVALID: från_datum ”igår”/);
    expect(bad("2026-01-01", "sen").message).toMatch(/^DATE_INVALID: till_datum ”sen”/);
  });

  it("refuses arguments whose lengths differ, or a 2-D block, with a Swedish message", () => {
    expect(whoPaysColumn([col("a", "b", "c"), col("SÄBO", "SÄBO"), [[80]]], lists)).toMatchObject({ ok: false, message: expect.stringContaining("lika långa") });
    expect(broadcast([[["a", "b"], ["c", "d"]]], ["iso"])).toMatchObject({ ok: false, message: expect.stringContaining("2×2") });
  });

  it("answers 100 000 rows in one call", () => {
    const n = 100_000;
    const codes = Array.from({ length: n }, (_, i) => [["12 22 03", "22 06 15", "04 27 18", "12 36 03"][i % 4]]);
    const result = whoPaysColumn([codes, [["SÄBO"]], [[80]]], lists) as Array<Array<{ ok: boolean }>>;
    expect(result).toHaveLength(n);
    expect(isoNormalizeColumn(Array.from({ length: n }, () => [93312]))).toHaveLength(n);
  });

  it("explains every row from the workbook's lists", () => {
    const basis = basisOf(readWorkbook(workbook({ b1: [listRow("12 22", "Rullstolar", ["Region", "Kommun", "Kommun", "Kommun"])] })));
    const result = whoPaysWhyColumn([col("12 22 03", "12 22 18"), [["SÄBO"]], [[80]]], basis.lists) as Array<Array<{ ok: boolean; value: string }>>;
    expect(result.map((r) => r[0]!.value.slice(0, 14))).toEqual(["[LIST §4.3] Re", "[LIST §4.3] Re"]);
  });

  it("answers each row as the single-cell form does, also with a date per row, and shares one cell per distinct answer", () => {
    const isos = ["12 22 03", "122203", 93312, "15 09", "15 09", "9x", "9x", "22 06 15", "12 22 03", "04 27 18"];
    const forms = ["SÄBO", "säbo", "LSS bostad", "SÄBO", "SÄBO", "SÄBO", "SÄBO", "socialpsykiatri", "hemma", "SÄBO"];
    const ages = [80, "80", 45, 80, 80, 80, 80, 12, 70, 90];
    const dates = ["", "2026-12-01", null, "2026-02-30", "2026-02-30", 46000, "", "1899-01-01", "", "2026-12-01"];
    const today = todayIso();
    for (const datum of [[[""]], col(...dates)]) {
      const args = [col(...isos), col(...forms), col(...ages), null, datum];
      const payers = whoPaysColumn(args, lists, today) as Array<Array<unknown>>;
      const whys = whoPaysWhyColumn(args, lists, today) as Array<Array<unknown>>;
      isos.forEach((iso, i) => {
        const row = { iso, boendeform: forms[i]!, age: ages[i]!, datum: (datum.length === 1 ? datum[0]![0] : dates[i]) as CellValue };
        expect(payers[i]![0]).toEqual(whoPaysValue(row, lists, today, true));
        expect(whys[i]![0]).toEqual(whoPaysWhyValue(row, lists, today));
      });
      // Rows 4 and 5, and rows 6 and 7, ask the same: one cell each.
      expect(payers[3]![0]).toBe(payers[4]![0]);
      expect(payers[5]![0]).toBe(payers[6]![0]);
    }
  });
});

