import { readWorkbook, sheetCopyOf, sheetKeyOf, unreadableBilagor } from "../../src/core/model";
import { validateWorkbook } from "../../src/core/validation/validateWorkbook";
import { valueOf } from "../../src/core/values";
import { whoPays } from "../../src/core/whoPays";
import { workbook } from "../helpers/workbooks";

describe("reading sheets", () => {
  it("matches sheet names case-insensitively, ignoring surrounding spaces", () => {
    expect(sheetKeyOf(" bilaga 1 ")).toBe("B1");
    expect(sheetKeyOf("BILAGA 4")).toBe("B4");
    expect(sheetKeyOf("ISO 9999")).toBe("ISO");
    expect(sheetKeyOf("utgåva")).toBe("UTGAVA");
    expect(sheetKeyOf("Bilaga 5")).toBeNull();
  });

  it("finds the header below title rows, with renamed, reordered and extra columns", () => {
    const model = readWorkbook({
      sheets: [
        {
          name: "Bilaga 1",
          rows: [
            ["Bilaga 1 – Förskrivningsbara hjälpmedel"],
            ["Reviderad 2026"],
            [],
            ["Egen anmärkning", "lss BOSTAD", "iso-KOD:", "sabo", "Benamning", "SoL  dagverksamhet", "LSS daglig verksamhet", "Villkor"],
            ["egen kolumn", "Kommun", "12 22", "Region", "Rullstolar", "K", "R", "Se not"],
            [],
            [null, "", "  ", null],
            ["", "K", "12 23", "K", "Elrullstolar", "K", "K", null],
          ],
        },
      ],
    });
    const table = model.bilagor.B1!;
    expect(table.headerRow).toBe(4);
    expect(table.columns.get("iso")).toEqual({ index: 3, header: "iso-KOD:" });
    expect(table.extraColumns).toEqual([{ index: 1, header: "Egen anmärkning" }]);
    expect(table.missingColumns).toEqual([]);
    expect(table.rows.map((r) => r.row)).toEqual([5, 8]);
    expect(table.rows[0]!.payers).toEqual({
      SABO: { state: "ok", value: "Region" },
      LSS_BOSTAD: { state: "ok", value: "Kommun" },
      LSS_DV: { state: "ok", value: "Region" },
      SOL_DAGV: { state: "ok", value: "Kommun" },
    });
    expect(table.rows[0]!.villkor).toBe("Se not");
  });

  it("reports row numbers as Excel shows them when the used range starts lower down", () => {
    const model = readWorkbook({ sheets: [{ name: "Bilaga 1", firstRow: 5, firstColumn: 3, rows: [["ISO-kod", "Benämning"], ["12 22", "x"]] }] });
    expect(model.bilagor.B1!.headerRow).toBe(5);
    expect(model.bilagor.B1!.rows[0]!.row).toBe(6);
    expect(model.bilagor.B1!.columns.get("iso")!.index).toBe(3);
  });

  it("keeps a 10 000-character cell as text and quotes only its start in messages", () => {
    const long = "x".repeat(10_000);
    const model = readWorkbook(workbook({ b1: [{ "ISO-kod": long, Benämning: long, SÄBO: long, "LSS bostad": "K", "LSS daglig verksamhet": "K", "SoL dagverksamhet": "K", Villkor: long }] }));
    expect(model.bilagor.B1!.rows[0]!.villkor!.length).toBe(10_000);
    const findings = validateWorkbook(model);
    expect(findings.map((f) => f.code).sort()).toEqual(["ISO_FORMAT", "PAYER_INVALID"]);
    for (const f of findings) expect(f.message.length).toBeLessThan(300);
  });

  it("reads a 100 000-row bilaga and answers from it", () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => {
      const code = `${String(10 + (i % 80)).padStart(2, "0")} ${String(Math.floor(i / 80) % 100).padStart(2, "0")} ${String(Math.floor(i / 8000)).padStart(2, "0")}`;
      return { "ISO-kod": code, Benämning: "rad", SÄBO: "K", "LSS bostad": "R", "LSS daglig verksamhet": "K", "SoL dagverksamhet": "K" };
    });
    const model = readWorkbook(workbook({ b1: rows }));
    expect(model.bilagor.B1!.rows.length).toBe(100_000);
    expect(whoPays({ iso: valueOf(model.bilagor.B1!.rows[99_999]!.iso)!.code, boendeform: "LSS bostad", age: 50 }, model)).toMatchObject({ ok: true, payer: "Region", source: { row: 100_001 } });
  });
});

describe("hidden sheets and copies of sheets", () => {
  it("knows the names Excel and LibreOffice give a copied sheet, and never calls a known name a copy", () => {
    for (const name of ["Bilaga 1 (2)", "Kopia av Bilaga 1", "Copy of Bilaga 1", "Bilaga 1 - kopia", "Bilaga 1 kopia 2", "Bilaga 1_2", "bilaga 1 (3)", "Kopia av Bilaga 1 (2)"]) expect([name, sheetCopyOf(name)]).toEqual([name, "B1"]);
    expect(sheetCopyOf("Utgåva (2)")).toBe("UTGAVA");
    for (const name of ["Bilaga 1", "Bilaga 12", "Bilaga 1 gammal", "Kostnader 2026", "Blad1"]) expect([name, sheetCopyOf(name)]).toEqual([name, null]);
  });

  const raw = (hiddenFirst: boolean, copyHidden = false) => {
    const base = workbook();
    const b1 = base.sheets[0]!;
    return { sheets: [{ ...b1, ...(hiddenFirst ? { hidden: true } : {}) }, { ...b1, name: "Bilaga 1 (2)", ...(copyHidden ? { hidden: true } : {}) }, ...base.sheets.slice(1)] };
  };
  const codes = (model: ReturnType<typeof readWorkbook>) => validateWorkbook(model).filter((f) => f.code.startsWith("SHEET_")).map((f) => [f.code, f.sheet, f.severity]);

  it("reads a hidden sheet, says it is hidden, and names a copy (an error: it is never read)", () => {
    const model = readWorkbook(raw(false));
    expect(model.sheetCopies).toEqual([{ key: "B1", name: "Bilaga 1 (2)", of: "Bilaga 1", hidden: false }]);
    expect(codes(model)).toEqual([["SHEET_COPY", "Bilaga 1 (2)", "error"]]);
    expect(unreadableBilagor(model)).toEqual([]);
    expect(codes(readWorkbook(raw(true, true)))).toEqual([
      ["SHEET_HIDDEN", "Bilaga 1", "warning"],
      ["SHEET_COPY", "Bilaga 1 (2)", "error"],
    ]);
    // What the copy's finding says about the two sheets, as data: which is read, and which is hidden.
    const copyParams = (model: ReturnType<typeof readWorkbook>) => validateWorkbook(model).find((f) => f.code === "SHEET_COPY")!.params;
    expect(copyParams(model)).toEqual({ sheet: "Bilaga 1 (2)", hidden: false, of: "Bilaga 1", ofHidden: false });
    expect(copyParams(readWorkbook(raw(true, true)))).toEqual({ sheet: "Bilaga 1 (2)", hidden: true, of: "Bilaga 1", ofHidden: true });
    expect(copyParams(readWorkbook(raw(false, true)))).toEqual({ sheet: "Bilaga 1 (2)", hidden: true, of: "Bilaga 1", ofHidden: false });
  });

  it("a copy's finding says its sheet is hidden only when that very sheet is, and names no sheet when there is none", () => {
    const copyParams = (sheets: ReturnType<typeof workbook>["sheets"]) => validateWorkbook(readWorkbook({ sheets })).find((f) => f.code === "SHEET_COPY")!.params;
    const base = raw(false).sheets;
    // Another sheet hidden (Bilaga 2): Bilaga 1 itself is in view.
    expect(copyParams(base.map((s) => (s.name === "Bilaga 2" ? { ...s, hidden: true } : s)))).toEqual({ sheet: "Bilaga 1 (2)", hidden: false, of: "Bilaga 1", ofHidden: false });
    // Only the copy: there is no Bilaga 1 for it to be a copy of, hidden or not.
    expect(copyParams(base.filter((s) => s.name !== "Bilaga 1").map((s) => (s.name === "Bilaga 2" ? { ...s, hidden: true } : s)))).toEqual({ sheet: "Bilaga 1 (2)", hidden: false, of: null, ofHidden: false });
  });

  it("does not answer from a hidden bilaga while its copy is in view", () => {
    const model = readWorkbook(raw(true));
    expect(unreadableBilagor(model)).toEqual([{ key: "B1", name: "Bilaga 1", reason: "hiddenCopyVisible", detail: "Bilaga 1 (2)" }]);
    // Both hidden: the one with the real name is read, and said to be hidden.
    expect(unreadableBilagor(readWorkbook(raw(true, true)))).toEqual([]);
  });
});
