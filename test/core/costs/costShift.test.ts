import { costLines, costShift, isNeutral, neutralityVerdictSv, payerShift, shiftKronorSv } from "../../../src/core/costs/costShift";
import { readWorkbook } from "../../../src/core/model";
import { validateWorkbook } from "../../../src/core/validation/validateWorkbook";
import { listRow, workbook, type Rec, type WorkbookSpec } from "../../helpers/workbooks";

/**
 * Region Gävleborg's analysis (shared/seeds/003, table "Hjälpmedelskostnader som bör växlas",
 * 2020, tkr): category, the Region's cost, the kommuner's cost, and the amount to move
 * (positive: to the kommuner). Codes are our stand-ins for the categories.
 */
const GAVLEBORG: ReadonlyArray<readonly [category: string, code: string, region: number, kommun: number, move: number]> = [
  ["Syn- och hörselhjälpmedel", "22 03", 941, 16, -16],
  ["Kommunikationshjälpmedel", "22 21", 1654, 26, -26],
  ["Ortopedtekniskt hjälpmedel", "06", 496, 102, -102],
  ["Medicinska behandlingshjälpmedel", "04 03", 3316, 125, -125],
  ["Elrullstolar, drivaggregat, tilläggsutrustning", "12 23", 14414, 2208, -2208],
  ["Träning av färdigheter och förmågor", "05", 1820, 237, -237],
  ["Personlig vård", "09", 3922, 4765, 3922],
  ["Förflyttningshjälpmedel", "12 06", 15768, 17444, 15749],
  ["Utrustning av bostad", "18", 9584, 9008, 9584],
  ["Kognitionshjälpmedel och varseblivning", "22 27", 1546, 350, 1546],
  ["Hantering och förflyttning av föremål", "24", 111, 23, 43],
  ["Enklare medicinska behandlingshjälpmedel", "04 19", 3583, 6395, 3583],
];

const TKR = 1000;
const all = (payer: string) => [payer, payer, payer, payer];

/**
 * The threshold shift as two editions: each category's code changes payer; the part of the cost
 * that stays sits on finer codes whose payer does not change (… 97 kommun's share, … 98 the
 * Region's share, … 96 the Region's part that stays).
 */
function gavleborg() {
  const before: Rec[] = [];
  const after: Rec[] = [];
  const costs: Rec[] = [];
  for (const [name, code, region, kommun, move] of GAVLEBORG) {
    const toKommun = move > 0;
    before.push(listRow(code, name, all(toKommun ? "Region" : "Kommun")));
    after.push(listRow(code, name, all(toKommun ? "Kommun" : "Region"), { Motivering: "Tröskelväxling", "Ekonomisk beräkning": String(move * TKR), Konsekvensanalys: "Se rapporten" }));
    const stay = (suffix: string, payer: string, r: number, k: number) => {
      if (r === 0 && k === 0) return;
      before.push(listRow(`${code} ${suffix}`, `${name} (kvar)`, all(payer)));
      after.push(listRow(`${code} ${suffix}`, `${name} (kvar)`, all(payer)));
      costs.push({ "ISO-kod": `${code} ${suffix}`, Boendeform: "SÄBO", Kommun: k * TKR, Region: r * TKR, År: "2020", Källa: "Region Gävleborg" });
    };
    if (toKommun) {
      costs.push({ "ISO-kod": code, Boendeform: "SÄBO", Kommun: 0, Region: move * TKR, År: "2020", Källa: "Region Gävleborg" });
      stay("97", "Kommun", 0, kommun);
      stay("96", "Region", region - move, 0);
    } else {
      costs.push({ "ISO-kod": code, Boendeform: "SÄBO", Kommun: -move * TKR, Region: 0, År: "2020", Källa: "Region Gävleborg" });
      stay("98", "Region", region, 0);
    }
  }
  const utgava = [{ Fält: "Tolerans kostnadsneutralitet", Värde: "1 %" }];
  return {
    before: readWorkbook(workbook({ b1: before, principer: [] })),
    after: readWorkbook(workbook({ b1: after, principer: [], kostnader: costs, utgava })),
  };
}

describe("cost shift (§6.3)", () => {
  it("rebuilds Region Gävleborg's 31 713 tkr moving to the kommuner", () => {
    const { before, after } = gavleborg();
    const shift = costShift(before, after);
    expect(shift.netToKommun).toBe(31_713 * TKR);
    expect(shift.netToRegion).toBe(-31_713 * TKR);
    expect(shift.changes.map((c) => [c.iso, c.from, c.to, c.amount / TKR])).toEqual(GAVLEBORG.map(([, code, , , move]) => [code, move > 0 ? "Region" : "Kommun", move > 0 ? "Kommun" : "Region", move]));
    expect(shift.unattributed).toEqual([]);
    // The analysis' totals: 57 155 tkr Region + 40 699 tkr kommuner in the table.
    expect(shift.totalCost).toBe((57_155 + 40_699) * TKR);
    // 1 % of the total is far below 31.7 mkr: not neutral.
    expect(shift.tolerance).toBe(978_540);
    expect(shift.neutral).toBe(false);
  });

  it("feeds CHANGE_NOT_NEUTRAL, which then needs a huvudmän decision", () => {
    const { before, after } = gavleborg();
    const findings = validateWorkbook(after, { previous: { name: "2020", model: before } }).filter((f) => f.code === "CHANGE_NOT_NEUTRAL");
    expect(findings.map((f) => [f.sheet, f.cell, f.needsDecision])).toEqual([["Utgåva", "B2", true]]);
    expect(findings[0]!.message).toMatch(/31\s713\s000 kr per år till kommunerna/);
  });

  it("sums finer cost lines under a coarser change, and leaves unchanged lines out", () => {
    const before = readWorkbook(workbook({ b1: [listRow("12 22", "Rullstolar", all("Region")), listRow("12 23", "El", all("Region"))] }));
    const after = readWorkbook(
      workbook({
        b1: [listRow("12 22", "Rullstolar", ["Kommun", "Region", "Region", "Region"]), listRow("12 23", "El", all("Region"))],
        kostnader: [
          { "ISO-kod": "12 22 03", Boendeform: "SABO", Kommun: 0, Region: 100_000 },
          { "ISO-kod": "12 22 18", Boendeform: "säbo", Kommun: 5_000, Region: 50_000 },
          { "ISO-kod": "12 22 03", Boendeform: "LSS bostad", Kommun: 0, Region: 70_000 },
          { "ISO-kod": "12 23", Boendeform: "SABO", Kommun: 0, Region: 999_000 },
        ],
        utgava: [{ Fält: "Tolerans kostnadsneutralitet", Värde: "200 000" }],
      }),
    );
    const shift = costShift(before, after);
    expect(shift.changes).toMatchObject([{ bilaga: 1, iso: "12 22", boendeform: "SABO", from: "Region", to: "Kommun", amount: 150_000 }]);
    expect(shift.changes[0]!.lines.map((l) => l.row)).toEqual([2, 3]);
    expect([shift.netToKommun, shift.tolerance, shift.neutral]).toEqual([150_000, 200_000, true]);
  });

  it("lists lines it cannot attribute and moves to or from Egenansvar apart, never in the net", () => {
    const before = readWorkbook(workbook({ b1: [listRow("12 22", "Rullstolar", all("Region")), listRow("04 48", "Träning", all("Kommun"))] }));
    const after = readWorkbook(
      workbook({
        b1: [listRow("12 22 03", "Tvåhjulsdrivna", all("Kommun")), listRow("12 22 18", "Vårdarmanövrerade", all("Region")), listRow("04 48", "Träning", all("Egenansvar"))],
        kostnader: [
          { "ISO-kod": "12 22", Boendeform: "SABO", Kommun: 0, Region: 100_000 },
          { "ISO-kod": "04 48", Boendeform: "SABO", Kommun: 30_000, Region: 0 },
        ],
      }),
    );
    const shift = costShift(before, after);
    expect(shift.unattributed.map((u) => [u.line.iso, u.before, u.after])).toEqual([["12 22", "Region", "AMBIGUOUS"]]);
    expect(shift.egenansvar.map((c) => [c.iso, c.from, c.to, c.amount])).toEqual([["04 48", "Kommun", "Egenansvar", -30_000]]);
    expect([shift.netToKommun, shift.neutral]).toEqual([0, null]);
  });

  it("lets proposals count in the draft only: a proposal in the published edition never answered", () => {
    const before = readWorkbook(workbook({ b1: [listRow("12 22", "Rullstolar", all("Region")), listRow("12 22 03", "Tvåhjul", all("Kommun"), { Status: "Förslag" })] }));
    const after = readWorkbook(
      workbook({
        b1: [listRow("12 22", "Rullstolar", all("Region")), listRow("12 22 03", "Tvåhjul", all("Kommun"), { Status: "Förslag" })],
        kostnader: [{ "ISO-kod": "12 22 03", Boendeform: "SABO", Kommun: 0, Region: 1000 }],
      }),
    );
    expect(costShift(before, after).netToKommun).toBe(1000);
  });

  it("reports an unknown or missing housing form and an unreadable amount in Kostnader as VALUE_INVALID: no cost line is left out in silence", () => {
    const findings = validateWorkbook(
      workbook({
        kostnader: [
          { "ISO-kod": "12 22", Boendeform: "sjukhus", Kommun: 1, Region: 2 },
          { "ISO-kod": "12 22", Boendeform: null, Kommun: 5_000, Region: 0 },
          { "ISO-kod": "12 22", Boendeform: "SÄBO", Kommun: "femtio", Region: "2 kr?" },
        ],
      }),
    );
    expect(findings.filter((f) => f.code === "VALUE_INVALID").map((f) => `${f.sheet}!${f.cell} ${f.variant} ${f.params.text ?? ""}`)).toEqual([
      "Kostnader!B2 boendeform sjukhus",
      "Kostnader!B3 boendeformMissing ",
      "Kostnader!C4 amount femtio",
      "Kostnader!D4 amount 2 kr?",
    ]);
  });
});

describe("the shift rule, one per change of payer", () => {
  const cost = { kommun: 5, region: 7 };
  it.each([
    ["Kommun", "Kommun", 0, false],
    ["Region", "Kommun", 7, false],
    ["Kommun", "Region", -5, false],
    ["Egenansvar", "Kommun", 0, true],
    ["Egenansvar", "Region", 0, true],
    ["Kommun", "Egenansvar", 0, true],
    ["Region", "Egenansvar", 0, true],
  ] as const)("%s → %s moves %d to the kommuner (Egenansvar apart: %s)", (from, to, toKommun, egenansvar) => {
    expect(payerShift(from, to, cost)).toEqual({ toKommun, egenansvar });
  });

  it("judges neutrality up to and including the tolerance, and not without one", () => {
    expect([isNeutral(100, 100), isNeutral(-100, 100), isNeutral(100.01, 100), isNeutral(-100.01, 100), isNeutral(0, 0), isNeutral(1, 0)]).toEqual([true, true, false, false, true, false]);
    expect([isNeutral(5, null), isNeutral(Number.NaN, 10), isNeutral(5, Number.POSITIVE_INFINITY)]).toEqual([null, null, null]);
  });

  it("words the verdict once, for the command line and the pane", () => {
    expect(neutralityVerdictSv({ neutral: null, tolerance: null })).toBe("Ingen tolerans är satt (bladet Utgåva), så neutraliteten bedöms inte.");
    // A tolerance that could not be judged by (isNeutral gave no verdict) gives no verdict either.
    expect(neutralityVerdictSv({ neutral: null, tolerance: 5 })).toBe(neutralityVerdictSv({ neutral: null, tolerance: null }));
    expect(neutralityVerdictSv({ neutral: true, tolerance: 100_000 })).toMatch(/^Kostnadsneutral inom toleransen 100\s000 kr\.$/);
    expect(neutralityVerdictSv({ neutral: false, tolerance: 100_000 })).toMatch(/^Inte kostnadsneutral: mer än toleransen 100\s000 kr\. Kräver huvudmännens beslut \(§6\.3\)\.$/);
    expect(shiftKronorSv(-1234.5)).toMatch(/^[-−]1\s234,5 kr$/);
    expect(shiftKronorSv(0.125)).toBe("0,13 kr");
  });
});

describe("cost shift over every kind of change", () => {
  // SÄBO only; each line has both parties' costs, so a sum, a difference or the wrong side shows.
  const before = readWorkbook(
    workbook({
      b1: [listRow("12 22", "Rullstolar", all("Region")), listRow("12 23", "El", all("Kommun")), listRow("04 48", "Träning", all("Egenansvar")), listRow("04 49", "Övning", all("Egenansvar")), listRow("04 33", "Madrasser", all("Region")), listRow("18 09", "Stolar", all("Kommun"))],
      b2: [listRow("09 30", "Absorberande", all("Region"))],
      principer: [],
    }),
  );
  const after = readWorkbook(
    workbook({
      b1: [listRow("12 22", "Rullstolar", all("Kommun")), listRow("12 23", "El", all("Egenansvar")), listRow("04 48", "Träning", all("Kommun")), listRow("04 49", "Övning", all("Region")), listRow("04 33", "Madrasser", all("Egenansvar")), listRow("18 09", "Stolar", all("Kommun"))],
      b2: [listRow("09 30", "Absorberande", all("Kommun"))],
      principer: [],
      kostnader: [
        { "ISO-kod": "12 22", Boendeform: "SÄBO", Kommun: 1000, Region: 50_000 },
        { "ISO-kod": "12 23", Boendeform: "SÄBO", Kommun: 30_000, Region: 2000 },
        { "ISO-kod": "04 48", Boendeform: "SÄBO", Kommun: 100, Region: 7000 },
        { "ISO-kod": "04 49", Boendeform: "SÄBO", Kommun: 300, Region: 40 },
        { "ISO-kod": "04 33", Boendeform: "SÄBO", Kommun: 11, Region: 9000 },
        { "ISO-kod": "09 30", Boendeform: "SÄBO", Kommun: 0, Region: 500 },
        // Unchanged, and answered by no list in either edition: neither moves nor is listed.
        { "ISO-kod": "18 09", Boendeform: "SÄBO", Kommun: 800, Region: 0 },
        { "ISO-kod": "15 09", Boendeform: "SÄBO", Kommun: 60, Region: 0 },
      ],
    }),
  );

  it("puts Kommun ↔ Region in the net with its bilaga, and each change to or from Egenansvar apart with what the individual takes over", () => {
    const shift = costShift(before, after);
    expect(shift.changes.map((c) => [c.bilaga, c.iso, c.from, c.to, c.amount])).toEqual([
      [1, "12 22", "Region", "Kommun", 50_000],
      [2, "09 30", "Region", "Kommun", 500],
    ]);
    expect(shift.egenansvar.map((c) => [c.iso, c.from, c.to, c.amount])).toEqual([
      ["12 23", "Kommun", "Egenansvar", -30_000],
      ["04 48", "Egenansvar", "Kommun", 7100],
      ["04 49", "Egenansvar", "Region", -340],
      ["04 33", "Region", "Egenansvar", 9000],
    ]);
    expect(shift.unattributed).toEqual([]);
    expect([shift.netToKommun, shift.netToRegion, shift.totalCost]).toEqual([50_500, -50_500, 100_811]);
  });

  it("lists a line that had a payer and has none now, and gives a zero net as 0 to both sides", () => {
    const gone = readWorkbook(workbook({ b1: [listRow("18 09", "Stolar", all("Kommun"))], principer: [], kostnader: [{ "ISO-kod": "18 09", Boendeform: "SÄBO", Kommun: 800 }, { "ISO-kod": "12 22", Boendeform: "SÄBO", Region: 5 }] }));
    const shift = costShift(before, gone);
    expect(shift.unattributed.map((u) => [u.line.iso, u.before, u.after])).toEqual([["12 22", "Region", "UNLISTED"]]);
    expect(Object.is(shift.netToKommun, 0) && Object.is(shift.netToRegion, 0)).toBe(true);
  });

  it("reads the Kostnader sheet's lines: an empty amount is 0, an unreadable one or an unknown form leaves the line out", () => {
    const model = readWorkbook(
      workbook({
        kostnader: [
          { "ISO-kod": "12 22", Boendeform: "SÄBO", Kommun: 10, Region: null },
          { "ISO-kod": "12 23", Boendeform: "SÄBO", Kommun: null, Region: 20 },
          { "ISO-kod": "12 24", Boendeform: "SÄBO", Kommun: "mycket", Region: 1 },
          { "ISO-kod": "12 25", Boendeform: "SÄBO", Kommun: 1, Region: "okänt" },
          { "ISO-kod": "12 26", Boendeform: null, Kommun: 1, Region: 1 },
          { "ISO-kod": "12 27", Boendeform: "sjukhus", Kommun: 1, Region: 1 },
        ],
      }),
    );
    expect(costLines(model).map((l) => [l.row, l.iso, l.boendeform, l.kommun, l.region])).toEqual([
      [2, "12 22", "SABO", 10, 0],
      [3, "12 23", "SABO", 0, 20],
    ]);
  });
});

describe("CHANGE_NOT_NEUTRAL from last year's costs (§6.3): where it points and which variant", () => {
  /** `Utgåva!B3 costsOverTolerance`: the cell and the variant of each CHANGE_NOT_NEUTRAL finding. */
  const variants = (list: ReturnType<typeof validateWorkbook>) =>
    list.filter((f) => f.code === "CHANGE_NOT_NEUTRAL").map((f) => `${f.sheet}!${f.cell ?? f.row} ${f.variant}`);
  const before = readWorkbook(workbook({ b1: [listRow("12 22", "Rullstolar", all("Region")), listRow("12 23", "El", all("Kommun"))] }));
  const previous = { name: "2025:1", model: before };
  // 12 22 moves to the kommun in SÄBO; the row's own estimate is 0, so only the costs can judge it.
  const moved = listRow("12 22", "Rullstolar", ["Kommun", "Region", "Region", "Region"], { "Ekonomisk beräkning": "0" });
  const costs = [
    { "ISO-kod": "12 22", Boendeform: "SÄBO", Kommun: 0, Region: 100_000 },
    { "ISO-kod": "12 23", Boendeform: "SÄBO", Kommun: 300_000, Region: 0 },
  ];
  const check = (spec: Partial<WorkbookSpec>, withPrevious = true) =>
    validateWorkbook(workbook({ b1: [moved, listRow("12 23", "El", all("Kommun"))], kostnader: costs, ...spec }), withPrevious ? { previous } : {});
  const tolerance = (value: string, label = "Tolerans kostnadsneutralitet") => ({ utgava: [{ Fält: "Utgåva", Värde: "2026:1" }, { Fält: label, Värde: value }] });

  it("over a tolerance in kronor: the Utgåva tolerance cell, the cost lines as related cells, no percent", () => {
    const list = check(tolerance("50 000"));
    expect(variants(list)).toEqual(["Utgåva!B3 costsOverTolerance"]);
    const finding = list.find((f) => f.code === "CHANGE_NOT_NEUTRAL")!;
    expect(finding.related.map((r) => `${r.sheet}!${r.row}`)).toEqual(["Kostnader!2"]);
    expect(finding.params).toMatchObject({ net: 100_000, tolerance: 50_000, percentText: null, totalCost: 400_000 });
  });

  it("over a percent tolerance: the percent as written, of the total cost", () => {
    const list = check(tolerance("1 %"));
    expect(variants(list)).toEqual(["Utgåva!B3 costsOverTolerance"]);
    expect(list.find((f) => f.code === "CHANGE_NOT_NEUTRAL")!.params).toMatchObject({ tolerance: 4_000, percentText: "1 %" });
  });

  it("within the tolerance: no finding", () => {
    expect(variants(check(tolerance("100 000")))).toEqual([]);
    expect(variants(check(tolerance("30 %")))).toEqual([]);
  });

  it("no tolerance: the first changed cost line, whether the Utgåva sheet is missing or has no tolerance row", () => {
    expect(variants(check({}))).toEqual(["Kostnader!A2 costsNoTolerance"]);
    expect(variants(check({ utgava: [{ Fält: "Utgåva", Värde: "2026:1" }] }))).toEqual(["Kostnader!A2 costsNoTolerance"]);
  });

  it("a label the edition reader does not read is no tolerance, and the finding does not point at it", () => {
    expect(variants(check(tolerance("50 000", "Tolerans")))).toEqual(["Kostnader!A2 costsNoTolerance"]);
  });

  it("changes that net to zero, or no change at all: no finding, even without a tolerance", () => {
    const back = listRow("12 23", "El", ["Region", "Kommun", "Kommun", "Kommun"], { "Ekonomisk beräkning": "0" });
    const even = [costs[0]!, { ...costs[1]!, Kommun: 100_000 }];
    expect(variants(check({ b1: [moved, back], kostnader: even }))).toEqual([]);
    expect(variants(check({ b1: [listRow("12 22", "Rullstolar", all("Region")), listRow("12 23", "El", all("Kommun"))] }))).toEqual([]);
  });

  it("a cost line it cannot attribute gets its own finding at the line, with or without a net shift", () => {
    const split = [listRow("12 22 03", "Tvåhjul", all("Kommun")), listRow("12 22 18", "Vårdare", all("Region")), listRow("12 23", "El", all("Kommun"))];
    const list = check({ b1: split, ...tolerance("50 000") });
    expect(variants(list)).toEqual(["Kostnader!A2 costUnattributed"]);
    expect(list.find((f) => f.code === "CHANGE_NOT_NEUTRAL")!.params).toMatchObject({ iso: "12 22", before: "Region" });
  });

  it("without a previous edition there is nothing to compare: no finding, though the costs are there", () => {
    const list = check(tolerance("50 000"), false);
    expect(variants(list)).toEqual([]);
    expect(list.filter((f) => f.severity === "error").map((f) => f.code)).toEqual([]);
  });
});
