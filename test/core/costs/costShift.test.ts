import { costShift } from "../../../src/core/costs/costShift";
import { readWorkbook } from "../../../src/core/model";
import { validateWorkbook } from "../../../src/core/validation/validateWorkbook";
import { listRow, workbook, type Rec } from "../../helpers/workbooks";

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

  it("reports an unknown housing form in Kostnader as VALUE_INVALID", () => {
    const findings = validateWorkbook(workbook({ kostnader: [{ "ISO-kod": "12 22", Boendeform: "sjukhus", Kommun: 1, Region: 2 }] }));
    expect(findings.filter((f) => f.code === "VALUE_INVALID").map((f) => `${f.sheet}!${f.cell}`)).toEqual(["Kostnader!B2"]);
  });
});
