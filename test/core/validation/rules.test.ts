import type { RawWorkbook } from "../../../src/core/cells";
import { validateWorkbook } from "../../../src/core/validation/validateWorkbook";
import type { Finding } from "../../../src/core/validation/finding";
import { DEFAULT_PRINCIPLES, LIST_HEADERS, listRow, sheet, workbook, type WorkbookSpec } from "../../helpers/workbooks";

const K = "Kommun";
const R = "Region";
const ALL_K = [K, K, K, K];

const run = (input: WorkbookSpec | RawWorkbook) => validateWorkbook("sheets" in input ? input : workbook(input));
/** Where findings of one code point: `Sheet!A1` (or `Sheet!row` / `Sheet`). */
const at = (findings: Finding[], code: string) =>
  findings.filter((f) => f.code === code).map((f) => (f.cell ? `${f.sheet}!${f.cell}` : f.row !== null ? `${f.sheet}!${f.row}` : f.sheet));

const ISO_SHEET = [
  { "ISO-kod": "12", Benämning: "Förflyttning" },
  { "ISO-kod": "12 22", Benämning: "Manuellt drivna rullstolar" },
  { "ISO-kod": "12 22 03", Benämning: "Manuella tvåhjulsdrivna rullstolar" },
  { "ISO-kod": "22 21", Benämning: "Samtalshjälpmedel vid närkommunikation" },
];

describe("a clean workbook", () => {
  it("has no findings at all", () => {
    const findings = run({
      b1: [listRow("12 22", "Manuellt drivna rullstolar", ALL_K), listRow("12 22 03", "Manuella tvåhjulsdrivna rullstolar", ALL_K)],
      iso: ISO_SHEET,
    });
    expect(findings).toEqual([]);
  });
});

describe("structure", () => {
  it("SHEET_MISSING: a bilaga sheet is missing", () => {
    expect(at(run({ omit: ["B3"] }), "SHEET_MISSING")).toEqual(["Bilaga 3"]);
    expect(at(run({}), "SHEET_MISSING")).toEqual([]);
  });

  it("HEADER_MISSING: a required column is missing, named with its sheet", () => {
    const wb = workbook({});
    const b1 = sheet("Bilaga 1", LIST_HEADERS.filter((h) => h !== "LSS bostad"), [{ "ISO-kod": "12 22", Benämning: "x", SÄBO: K, "LSS daglig verksamhet": K, "SoL dagverksamhet": K }]);
    const findings = run({ sheets: [b1, ...wb.sheets.slice(1)] });
    expect(findings.filter((f) => f.code === "HEADER_MISSING").map((f) => [f.sheet, f.row, f.column])).toEqual([["Bilaga 1", 1, "LSS bostad"]]);
    expect(at(findings, "PAYER_MISSING")).toEqual([]);
  });

  it("HEADER_MISSING: a sheet without its key header in the first 10 rows cannot be read", () => {
    const wb = workbook({});
    const rows = [...Array.from({ length: 10 }, () => ["titel"]), [...LIST_HEADERS]];
    const findings = run({ sheets: [{ name: "Bilaga 2", rows }, ...wb.sheets.filter((s) => s.name !== "Bilaga 2")] });
    expect(findings.filter((f) => f.code === "HEADER_MISSING").map((f) => [f.sheet, f.column])).toEqual([["Bilaga 2", "ISO-kod"]]);
    expect(at(findings, "SHEET_MISSING")).toEqual([]);
  });

  it("CELL_ERROR: a cell holding an Excel error, in any column", () => {
    const findings = run({ b1: [listRow({ error: "#REF!" }, "x", ALL_K), listRow("12 22", "x", [K, { error: "#N/A" }, K, K])] });
    expect(at(findings, "CELL_ERROR")).toEqual(["Bilaga 1!A2", "Bilaga 1!D3"]);
    // An error cell is reported once, not again as a bad code or a missing payer.
    expect(at(findings, "ISO_FORMAT")).toEqual([]);
    expect(at(findings, "PAYER_MISSING")).toEqual([]);
  });
});

describe("ISO codes", () => {
  it("ISO_FORMAT: not NN, NN NN or NN NN NN; a missing code where one is required", () => {
    const findings = run({
      b1: [listRow("12 2", "x", ALL_K), listRow(null, "ingen kod", ALL_K), listRow("12.22.03", "tolererad form", ALL_K)],
      b3: [{ "Produkt/behandling": "Sårvård", SÄBO: K, "LSS bostad": K, "LSS daglig verksamhet": K, "SoL dagverksamhet": K }],
      b4: [{ "ISO-kod": "12 22", Benämning: "x", Kostnadsansvar: R, "Huvudhjälpmedel": "abc" }],
    });
    expect(at(findings, "ISO_FORMAT")).toEqual(["Bilaga 1!A2", "Bilaga 1!A3", "Bilaga 4!F2"]);
  });

  it("ISO_FORMAT in the Principer sheet: a code that cannot be read is named at its cell", () => {
    const findings = run({ b1: [listRow("12 22", "x", ALL_K)], principer: [{ Princip: "REGION_HORSEL", "ISO-kod": "22 06" }, { Princip: "REGION_SYN", "ISO-kod": "22 0" }] });
    expect(at(findings, "ISO_FORMAT")).toEqual(["Principer!B3"]);
  });

  it("CROSS_BILAGA: an empty payer cell on either side is no disagreement", () => {
    const findings = run({ b1: [listRow("09 30", "x", [K, null, K, K])], b2: [listRow("09 30", "x", [K, R, null, K])] });
    expect(at(findings, "CROSS_BILAGA")).toEqual([]);
  });

  it("ISO_LEADING_ZERO: a code stored as a number lost its zero, reported with the fix", () => {
    const findings = run({ b1: [listRow(93312, "x", ALL_K), listRow(122203, "jämnt antal siffror: ingen nolla förlorad", ALL_K)] });
    expect(at(findings, "ISO_LEADING_ZERO")).toEqual(["Bilaga 1!A2"]);
    expect(findings.find((f) => f.code === "ISO_LEADING_ZERO")!.message).toContain("09 33 12");
  });

  it("ISO_LEADING_ZERO in every column that holds a code: Huvudhjälpmedel, Principer, ISO 9999 and Kostnader", () => {
    const findings = run({
      b1: [listRow("12 22 03", "x", ALL_K, { Huvudhjälpmedel: 93312 })],
      principer: [...DEFAULT_PRINCIPLES, { Princip: "SOCPSYK_KOMMUN", "ISO-kod": 93303 }],
      iso: [{ "ISO-kod": 93306, Benämning: "y" }],
      kostnader: [{ "ISO-kod": 93309, Boendeform: "SÄBO", Kommun: 100, Region: 0, År: 2025 }],
    });
    expect(findings.filter((f) => f.code === "ISO_LEADING_ZERO").map((f) => [`${f.sheet}!${f.cell ?? ""}`, f.params])).toEqual([
      ["Bilaga 1!H2", { iso: "09 33 12" }],
      ["Principer!B9", { iso: "09 33 03" }],
      ["ISO 9999!A2", { iso: "09 33 06" }],
      ["Kostnader!A2", { iso: "09 33 09" }],
    ]);
  });

  it("ISO_UNKNOWN: not in the workbook's ISO 9999 sheet; local …90 codes under a known parent are fine", () => {
    const findings = run({ b1: [listRow("12 22 03", "Manuella tvåhjulsdrivna rullstolar", ALL_K), listRow("12 99", "x", ALL_K), listRow("22 21 90", "lokal", ALL_K)], iso: ISO_SHEET });
    expect(at(findings, "ISO_UNKNOWN")).toEqual(["Bilaga 1!A3"]);
    expect(findings.find((f) => f.code === "ISO_UNKNOWN")!.severity).toBe("warning");
  });

  it("ISO_UNKNOWN is not checked when the workbook has no ISO 9999 sheet", () => {
    expect(at(run({ b1: [listRow("12 99", "x", ALL_K)] }), "ISO_UNKNOWN")).toEqual([]);
  });

  it("ISO_TITLE_MISMATCH: Benämning differs from the classification (case and diacritics aside)", () => {
    const findings = run({ b1: [listRow("12 22", "Rullstolar", ALL_K), listRow("12 22 03", "MANUELLA TVAHJULSDRIVNA RULLSTOLAR", ALL_K)], iso: ISO_SHEET });
    expect(at(findings, "ISO_TITLE_MISMATCH")).toEqual(["Bilaga 1!B2"]);
  });
});

describe("rows and payers", () => {
  it("DUPLICATE: the later row is flagged, the first is related", () => {
    const findings = run({ b1: [listRow("12 22", "x", ALL_K), listRow("12 22 03", "y", ALL_K), listRow("122200".slice(0, 4), "z", ALL_K)], b2: [listRow("12 22", "x", ALL_K)] });
    expect(at(findings, "DUPLICATE")).toEqual(["Bilaga 1!A4"]);
    expect(findings.find((f) => f.code === "DUPLICATE")!.related).toEqual([{ sheet: "Bilaga 1", row: 2, column: "ISO-kod", cell: "A2" }]);
  });

  it("DUPLICATE in bilaga 3 is per product or treatment", () => {
    const row = (p: string) => ({ "Produkt/behandling": p, SÄBO: K, "LSS bostad": K, "LSS daglig verksamhet": K, "SoL dagverksamhet": K });
    expect(at(run({ b3: [row("Sårvårdsmaterial"), row("Nutrition"), row(" sårvårdsmaterial ")] }), "DUPLICATE")).toEqual(["Bilaga 3!A4"]);
  });

  it("CROSS_BILAGA: the same code in bilaga 1 and 2 with different payers", () => {
    const findings = run({ b1: [listRow("09 30", "x", ALL_K), listRow("04 06", "y", ALL_K)], b2: [listRow("09 30", "x", [K, R, K, K]), listRow("04 06", "y", ALL_K)] });
    expect(at(findings, "CROSS_BILAGA")).toEqual(["Bilaga 2!D2"]);
    expect(findings.find((f) => f.code === "CROSS_BILAGA")!.related[0]).toMatchObject({ sheet: "Bilaga 1", row: 2, column: "LSS bostad" });
  });

  it("OVERRIDE: a finer code overriding its parent's payer is made visible as info", () => {
    const findings = run({ b1: [listRow("12 22", "x", ALL_K), listRow("12 22 18", "y", [K, R, K, K]), listRow("12 22 03", "z", ALL_K)] });
    expect(at(findings, "OVERRIDE")).toEqual(["Bilaga 1!D3"]);
    const f = findings.find((x) => x.code === "OVERRIDE")!;
    expect([f.severity, f.related[0]!.row]).toEqual(["info", 2]);
  });

  it("OVERRIDE: only where both rows name a payer, once for a code written twice, against the nearest coarser row", () => {
    // An empty cell on either side is no override (it is PAYER_MISSING's); the second 12 22 18 is DUPLICATE's.
    const findings = run({ b1: [listRow("12 22", "x", [K, null, K, K]), listRow("12 22 18", "y", [K, R, null, K]), listRow("12 22 18", "y", [R, R, K, K])] });
    expect(at(findings, "OVERRIDE")).toEqual([]);
    expect(at(findings, "DUPLICATE")).toEqual(["Bilaga 1!A4"]);
    // No row for 12 22: the class row 12 is the parent; the finding sits on the first differing form.
    const walked = run({ b1: [listRow("12", "x", ALL_K), listRow("12 22 18", "y", [K, K, R, R])] });
    expect(at(walked, "OVERRIDE")).toEqual(["Bilaga 1!E3"]);
    expect(walked.find((x) => x.code === "OVERRIDE")!.related).toEqual([{ sheet: "Bilaga 1", row: 2, column: "LSS daglig verksamhet", cell: "E2" }]);
  });

  it("ROW_LATER_THAN_EDITION: a row's own Giltig från after the edition's, in any bilaga, related to the Utgåva cell", () => {
    const utgava = [{ Fält: "Utgåva", Värde: "2026:2" }, { Fält: "Beslutad", Värde: "2026-03-01" }, { Fält: "Giltig från", Värde: "2026-06-01" }];
    const rows = {
      b1: [listRow("12 22", "x", ALL_K), listRow("12 22 03", "y", [R, K, K, K], { "Giltig från": "2026-10-01" }), listRow("12 23", "z", ALL_K, { "Giltig från": "2026-06-01" }), listRow("12 24", "w", ALL_K, { "Giltig från": "2026-01-01" })],
      b2: [listRow("18 12", "s", ALL_K, { "Giltig från": "2026-06-02" })],
    };
    const findings = run({ ...rows, utgava });
    expect(at(findings, "ROW_LATER_THAN_EDITION")).toEqual(["Bilaga 1!L3", "Bilaga 2!L2"]);
    const first = findings.find((f) => f.code === "ROW_LATER_THAN_EDITION")!;
    expect([first.sheet, first.row, first.column, first.severity]).toEqual(["Bilaga 1", 3, "Giltig från", "warning"]);
    expect(first.related).toEqual([{ sheet: "Utgåva", row: 4, column: "Värde", cell: "B4" }]);
    // Without an edition date there is nothing to be later than.
    expect(at(run(rows), "ROW_LATER_THAN_EDITION")).toEqual([]);
  });

  it("PAYER_MISSING: each empty required payer cell; rows marked Utgår are exempt", () => {
    const findings = run({
      b1: [listRow("12 22", "x", [K, null, K, null]), listRow("12 23", "y", [null, null, null, null], { Status: "Utgår" })],
      b4: [{ "ISO-kod": "18 12 10", Benämning: "Säng", Kostnadsansvar: null }],
    });
    expect(at(findings, "PAYER_MISSING")).toEqual(["Bilaga 1!D2", "Bilaga 1!F2", "Bilaga 4!C2"]);
    // Only Utgår is exempt: a proposal without payers is flagged, and a bilaga 3 row is named by its product.
    const proposal = run({
      b1: [listRow("12 22", "x", [null, K, K, K], { Status: "Förslag" })],
      b3: [{ "Produkt/behandling": "Sårvård", SÄBO: null, "LSS bostad": K, "LSS daglig verksamhet": K, "SoL dagverksamhet": K }],
    }).filter((f) => f.code === "PAYER_MISSING");
    expect(proposal.map((f) => [`${f.sheet}!${f.cell}`, (f.params.what as { product: string | null }).product])).toEqual([
      ["Bilaga 1!C2", null],
      ["Bilaga 3!C2", "Sårvård"],
    ]);
  });

  it("PAYER_INVALID: not Kommun / Region / Egenansvar (or K/R/E)", () => {
    const findings = run({ b1: [listRow("12 22", "x", ["k", "Region Stockholm", "Landstinget", "Delat"])] });
    expect(at(findings, "PAYER_INVALID")).toEqual(["Bilaga 1!E2", "Bilaga 1!F2"]);
  });

  it("VALUE_INVALID: unreadable ja/nej, date and Status cells, principle keys and Utgåva values", () => {
    const findings = run({
      b1: [
        listRow("12 22", "x", ALL_K, { Förtroendeförskrivning: "kanske", Status: "Preliminär", Beslutsdatum: "2026-02-30", "Giltig från": "1 mars" }),
        listRow("12 23", "y", ALL_K, { Förtroendeförskrivning: "X", Status: "gallande", Beslutsdatum: 46000, "Giltig från": new Date(Date.UTC(2026, 3, 1)) }),
      ],
      principer: [{ Princip: "REGION_TANDVARD", "ISO-kod": "22" }],
      utgava: [
        { Fält: "Utgåva", Värde: "2026:1" },
        { Fält: "Beslutad", Värde: "igår" },
        { Fält: "Tolerans kostnadsneutralitet", Värde: "lagom" },
      ],
    });
    expect(at(findings, "VALUE_INVALID")).toEqual(["Bilaga 1!I2", "Bilaga 1!J2", "Bilaga 1!K2", "Bilaga 1!L2", "Principer!A2", "Utgåva!B3", "Utgåva!B4"]);
    // What was written and what to write, as data, for each kind of cell.
    const params = findings.filter((f) => f.code === "VALUE_INVALID").map((f) => [f.cell, f.variant, f.params.text, f.params.field ?? null, typeof f.params.expected === "string" && f.params.expected.length > 0]);
    expect(params).toEqual([
      ["I2", "cell", "kanske", null, true],
      ["J2", "cell", "Preliminär", null, true],
      ["K2", "cell", "2026-02-30", null, true],
      ["L2", "cell", "1 mars", null, true],
      ["A2", "principle", "REGION_TANDVARD", null, false],
      ["B3", "utgava", "igår", "Beslutad", true],
      ["B4", "utgava", "lagom", "Tolerans kostnadsneutralitet", true],
    ]);
  });
});

describe("the agreement's principles", () => {
  it("REGION_AREA: a Region-principle code on Kommun or Egenansvar needs a huvudmän decision", () => {
    const findings = run({
      b1: [listRow("22 06 15", "Hörapparat", [R, K, R, "Egenansvar"]), listRow("22 06", "Hörhjälpmedel", [R, R, R, R]), listRow("22", "Kommunikation", ALL_K)],
      b4: [{ "ISO-kod": "06 12", Benämning: "Ortoser", Kostnadsansvar: K, Grundutrustning: "Ja" }],
    });
    expect(at(findings, "REGION_AREA")).toEqual(["Bilaga 1!D2", "Bilaga 1!F2", "Bilaga 4!C2"]);
    expect(findings.filter((f) => f.code === "REGION_AREA").every((f) => f.needsDecision && f.severity === "error")).toBe(true);
    // Each names the Principer row it goes against (REGION_HORSEL 22 06 is row 2, REGION_ORTOPEDTEKNIK 06 row 4).
    expect(findings.filter((f) => f.code === "REGION_AREA").map((f) => f.related.map((r) => `${r.sheet}!${r.row}`))).toEqual([["Principer!2"], ["Principer!2"], ["Principer!4"]]);
    // With the built-in principles there is no row to name.
    const builtIn = run({ b1: [listRow("22 06 15", "Hörapparat", [K, R, R, R])], principer: null }).filter((f) => f.code === "REGION_AREA");
    expect(builtIn.map((f) => [f.cell, f.related])).toEqual([["C2", []]]);
  });

  it("SOCPSYK_EXCEPTION: lifts must be Kommun in bilaga 4; other Kommun rows must be grundutrustning", () => {
    const findings = run({
      b4: [
        { "ISO-kod": "12 36 03", Benämning: "Lyft", Kostnadsansvar: R },
        { "ISO-kod": "12 36 12", Benämning: "Takmonterad lyft", Kostnadsansvar: K },
        { "ISO-kod": "18 12 10", Benämning: "Säng", Kostnadsansvar: K, Grundutrustning: "Ja" },
        { "ISO-kod": "12 22", Benämning: "Rullstol", Kostnadsansvar: K },
        { "ISO-kod": "12 23", Benämning: "Elrullstol", Kostnadsansvar: R },
      ],
    });
    expect(at(findings, "SOCPSYK_EXCEPTION")).toEqual(["Bilaga 4!C2", "Bilaga 4!C5"]);
    // The lift's finding points at the principle row that makes it the kommun's; a code under a
    // Region principle (22 06, hörsel) on Kommun is not a kommunal exception but plain Kommun.
    const lift = findings.find((f) => f.code === "SOCPSYK_EXCEPTION")!;
    const principleRow = DEFAULT_PRINCIPLES.findIndex((p) => p.Princip === "SOCPSYK_KOMMUN" && p["ISO-kod"] === "12 36") + 2;
    expect([lift.variant, lift.related]).toEqual(["notKommun", [{ sheet: "Principer", row: principleRow, column: null, cell: null }]]);
    const hearing = run({ b4: [{ "ISO-kod": "22 06 15", Benämning: "Hörapparat", Kostnadsansvar: K }] }).filter((f) => f.code === "SOCPSYK_EXCEPTION");
    expect(hearing.map((f) => [f.cell, f.variant])).toEqual([["C2", "kommunNotBasic"]]);
    // Without a Principer sheet the agreement's own principles apply, and there is no row to point at.
    const builtIn = run({ principer: null, b4: [{ "ISO-kod": "12 36 03", Benämning: "Lyft", Kostnadsansvar: R }] }).filter((f) => f.code === "SOCPSYK_EXCEPTION");
    expect(builtIn.map((f) => [f.cell, f.variant, f.related])).toEqual([["C2", "notKommun", []]]);
  });

  it("FORTROENDE: förtroendeförskrivning only for FORTROENDE_BILAGA2 codes in bilaga 2, never in bilaga 3 or 4", () => {
    const findings = run({
      b1: [listRow("18 09 03", "Arbetsstol", ALL_K, { Förtroendeförskrivning: "Ja" })],
      b2: [listRow("04 24 12", "Teststickor", [R, R, R, R], { Förtroendeförskrivning: "Ja" }), listRow("09 30", "Inkontinens", ALL_K, { Förtroendeförskrivning: "Ja" })],
      b3: [{ "Produkt/behandling": "Sårvård", SÄBO: K, "LSS bostad": K, "LSS daglig verksamhet": K, "SoL dagverksamhet": K, Förtroendeförskrivning: "J" }],
      b4: [{ "ISO-kod": "18 12 10", Benämning: "Säng", Kostnadsansvar: K, Grundutrustning: "Ja", Förtroendeförskrivning: "Nej" }],
    });
    expect(at(findings, "FORTROENDE")).toEqual(["Bilaga 2!I3", "Bilaga 3!I2"]);
    expect(findings.filter((f) => f.code === "FORTROENDE").map((f) => f.variant)).toEqual(["bilaga2", "notAllowed"]);
    // Another principle covering the code (hörsel) does not allow it.
    const hearing = run({ b2: [listRow("22 06 15", "Hörapparat", [R, R, R, R], { Förtroendeförskrivning: "Ja" })] });
    expect(at(hearing, "FORTROENDE")).toEqual(["Bilaga 2!I2"]);
  });

  it("ACCESSORY_PAYER: an accessory follows its main aid's payer (§2.4)", () => {
    const findings = run({
      b1: [
        listRow("12 22", "Rullstolar", [K, R, K, K]),
        listRow("04 33 03", "Dyna", [K, K, K, K], { Huvudhjälpmedel: "12 22 03" }),
        listRow("12 24 30", "Bälten", [K, R, K, K], { Huvudhjälpmedel: "12 22" }),
        listRow("12 24 09", "Drivaggregat", ALL_K, { Huvudhjälpmedel: "12 23 06" }),
      ],
    });
    expect(at(findings, "ACCESSORY_PAYER")).toEqual(["Bilaga 1!D3", "Bilaga 1!H5"]);
    expect(findings.find((f) => f.code === "ACCESSORY_PAYER")!.related[0]).toMatchObject({ row: 2, column: "LSS bostad" });
  });

  it("ACCESSORY_PAYER: a main aid in no list names the bilagor looked in, and the accessory by code or product, as data", () => {
    const findings = run({
      b1: [listRow("04 33 03", "Dyna", ALL_K, { Huvudhjälpmedel: "12 23 06" })],
      b2: [listRow("04 33 06", "Dyna 2", ALL_K, { Huvudhjälpmedel: "12 23 06" })],
      b3: [{ "Produkt/behandling": "Sårvårdsmaterial", "ISO-kod": null, Huvudhjälpmedel: "12 23 06", SÄBO: K, "LSS bostad": K, "LSS daglig verksamhet": K, "SoL dagverksamhet": K }],
    });
    const missing = findings.filter((f) => f.code === "ACCESSORY_PAYER").map((f) => [f.sheet, f.variant, f.params.alsoBilaga1, f.params.what]);
    expect(missing).toEqual([
      ["Bilaga 1", "mainMissing", false, { code: "04 33 03", product: null, row: 2 }],
      ["Bilaga 2", "mainMissing", true, { code: "04 33 06", product: null, row: 2 }],
      ["Bilaga 3", "mainMissing", true, { code: null, product: "Sårvårdsmaterial", row: 2 }],
    ]);
  });

  it("ACCESSORY_PAYER: an empty payer on either side is no difference; the main aid's row is named as data", () => {
    const findings = run({
      b1: [
        listRow("12 22", "Rullstolar", [K, null, R, K]),
        listRow("12 24 30", "Bälten", [null, R, K, K], { Huvudhjälpmedel: "12 22" }),
      ],
      b2: [listRow("12 24 09", "Drivaggregat", [K, K, R, R], { Huvudhjälpmedel: "12 22" })],
    });
    const differs = findings.filter((f) => f.code === "ACCESSORY_PAYER").map((f) => `${f.sheet}!${f.cell} ${f.params.mainSheet}:${f.params.mainRow} ${f.params.mine}/${f.params.theirs}`);
    expect(differs).toEqual(["Bilaga 1!E3 Bilaga 1:2 Kommun/Region", "Bilaga 2!F2 Bilaga 1:2 Region/Kommun"]);
  });

  it("ACCESSORY_PAYER without a Bilaga 1 sheet looks in the accessory's own bilaga only", () => {
    const findings = run({ omit: ["B1"], b2: [listRow("12 22", "Rullstolar", ALL_K), listRow("12 24 30", "Bälten", [R, K, K, K], { Huvudhjälpmedel: "12 22" }), listRow("12 24 09", "Drivaggregat", ALL_K, { Huvudhjälpmedel: "12 23" })] });
    expect(findings.filter((f) => f.code === "ACCESSORY_PAYER").map((f) => `${f.sheet}!${f.cell} ${f.variant} ${f.params.alsoBilaga1 ?? ""}`)).toEqual([
      "Bilaga 2!C3 differs ",
      "Bilaga 2!H4 mainMissing false",
    ]);
  });

  it("ACCESSORY_PAYER compares with the main aid's own code before a coarser row", () => {
    const findings = run({
      b1: [listRow("12 22 03", "Tvåhjulsdrivna", [R, R, R, R])],
      b2: [listRow("12 22", "Rullstolar (förbrukning)", [K, K, K, K]), listRow("12 24 30", "Bälten", [R, R, R, R], { Huvudhjälpmedel: "12 22 03" })],
    });
    expect(at(findings, "ACCESSORY_PAYER")).toEqual([]);
  });

  it("EFFECTIVE_TOO_EARLY: Giltig från less than three calendar months after Beslutsdatum", () => {
    const findings = run({
      b1: [
        listRow("12 22", "x", ALL_K, { Beslutsdatum: "2026-11-30", "Giltig från": "2027-02-27" }),
        listRow("12 23", "y", ALL_K, { Beslutsdatum: "2026-11-30", "Giltig från": "2027-02-28" }),
        listRow("12 24", "z", ALL_K, { Beslutsdatum: "2026-09-15", "Giltig från": "2026-11-15" }),
      ],
      utgava: [
        { Fält: "Beslutad", Värde: "2026-10-01" },
        { Fält: "Giltig från", Värde: "2026-12-31" },
      ],
    });
    expect(at(findings, "EFFECTIVE_TOO_EARLY")).toEqual(["Bilaga 1!L2", "Bilaga 1!L4", "Utgåva!B3"]);
    // A row's finding points at its own Beslutsdatum.
    expect(findings.find((f) => f.code === "EFFECTIVE_TOO_EARLY")!.related).toEqual([{ sheet: "Bilaga 1", row: 2, column: "Beslutsdatum", cell: "K2" }]);
    // The edition exactly three months after its decision is in time.
    const onTime = run({ b1: [listRow("12 22", "x", ALL_K)], utgava: [{ Fält: "Beslutad", Värde: "2026-10-01" }, { Fält: "Giltig från", Värde: "2027-01-01" }] });
    expect(at(onTime, "EFFECTIVE_TOO_EARLY")).toEqual([]);
  });
});

describe("the report as a whole", () => {
  it("collects every problem: one bad cell never hides another in the same row", () => {
    const findings = run({ b1: [listRow(433, "x", [null, "Landsting", K, K], { Status: "?" })] });
    expect(findings.map((f) => f.code).sort()).toEqual(["ISO_LEADING_ZERO", "PAYER_INVALID", "PAYER_MISSING", "VALUE_INVALID"]);
  });

  it("orders findings by sheet, row and column", () => {
    const findings = run({ b1: [listRow("12 22", "x", [null, null, K, K]), listRow("12 2", "y", ALL_K)], omit: ["B3"] });
    expect(findings.map((f) => `${f.sheet}!${f.cell ?? ""}`)).toEqual(["Bilaga 1!C2", "Bilaga 1!D2", "Bilaga 1!A3", "Bilaga 3!"]);
  });
});
