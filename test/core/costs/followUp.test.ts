import * as fc from "fast-check";
import { FollowUpRun, followUpRows, LEFT_OUT_TEXT_CHARS, LeftOutLines, readOre, type LeftOutLine } from "../../../src/core/costs/followUp";
import { matchKommun, STOCKHOLM_KOMMUNER } from "../../../src/core/costs/kommuner";
import { quarterStart, readQuarter } from "../../../src/core/costs/quarter";
import { datedLists } from "../../../src/core/editions/inForce";
import { exampleWorkbook } from "../../../src/core/example/exampleWorkbook";
import { readWorkbook } from "../../../src/core/model";
import { readAmount } from "../../../src/core/values";

describe("LeftOutLines", () => {
  const line = fc.record<LeftOutLine>({
    file: fc.string(),
    line: fc.option(fc.nat(), { nil: null }),
    kommun: fc.string({ maxLength: 40 }),
    quarter: fc.option(fc.constantFrom("2026Q1" as const, "2025Q4" as const), { nil: null }),
    iso: fc.string({ maxLength: 12 }),
    boendeform: fc.constantFrom("SÄBO", "", "LSS bostad"),
    ore: fc.option(fc.integer({ min: -1e12, max: 1e12 }), { nil: null }),
    code: fc.constantFrom("UNLISTED", "AGE_MISSING", "AMOUNT_INVALID"),
    kind: fc.constantFrom("unassigned" as const, "unreadable" as const, "uncounted" as const),
    message: fc.option(fc.string(), { nil: null }),
  });

  it("gives back every line as it was kept, past its first growth", () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1000, maxLength: 1100 }), (lines) => {
        const list = new LeftOutLines();
        lines.forEach((l) => list.push(l));
        expect(list.length).toBe(lines.length);
        expect([...list]).toEqual(lines);
        expect(list.at(lines.length - 1)).toEqual(lines[lines.length - 1]);
      }),
      { numRuns: 5 },
    );
  });

  it("keeps a cell's text up to its limit, and the file and message whole", () => {
    const list = new LeftOutLines();
    const long = "x".repeat(LEFT_OUT_TEXT_CHARS + 10);
    list.push({ file: long, line: 2, kommun: long, quarter: null, iso: long, boendeform: long, ore: 1, code: "UNLISTED", kind: "unassigned", message: long });
    const back = list.at(0);
    expect([back.kommun.length, back.iso.length, back.boendeform.length, back.file.length, back.message?.length]).toEqual([LEFT_OUT_TEXT_CHARS + 1, LEFT_OUT_TEXT_CHARS + 1, LEFT_OUT_TEXT_CHARS + 1, long.length, long.length]);
    expect(back.iso.endsWith("…")).toBe(true);
    const exact = "y".repeat(LEFT_OUT_TEXT_CHARS);
    list.push({ file: "f", line: 3, kommun: exact, quarter: null, iso: "", boendeform: "", ore: null, code: "UNLISTED", kind: "unassigned", message: null });
    expect(list.at(1).kommun).toBe(exact);
    for (const i of [2, -1, 0.5, NaN]) expect(() => list.at(i)).toThrow(RangeError);
  });
});

describe("readQuarter", () => {
  it.each([
    ["2026Q3", "2026Q3", null],
    ["2026-Q3", "2026Q3", null],
    ["2026 K3", "2026Q3", null],
    ["Q3 2026", "2026Q3", null],
    ["Kv 3 2026", "2026Q3", null],
    ["kv3 2026", "2026Q3", null],
    ["Kvartal 3 2026", "2026Q3", null],
    ["2026 kv 3", "2026Q3", null],
    ["2026-07-15", "2026Q3", "2026-07-15"],
    ["2026-12-31", "2026Q4", "2026-12-31"],
    [" 2026Q3 ", "2026Q3", null],
    ["2026 - Q3", "2026Q3", null],
    ["Q3 - 2026", "2026Q3", null],
    ["Q3-2026", "2026Q3", null],
    ["2026-K3", "2026Q3", null],
    ["2026 kv. 3", "2026Q3", null],
    ["kv. 3 2026", "2026Q3", null],
    ["1900Q1", "1900Q1", null],
    ["9999Q4", "9999Q4", null],
    ["2026-07-15T10:00", "2026Q3", "2026-07-15"],
    ["2026-07-15 10:00", "2026Q3", "2026-07-15"],
  ])("reads %j", (text, quarter, date) => {
    expect(readQuarter(text)).toEqual({ quarter, date });
  });

  it("reads a date cell and an Excel serial as the date's quarter", () => {
    expect(readQuarter(new Date(Date.UTC(2025, 1, 1)))).toEqual({ quarter: "2025Q1", date: "2025-02-01" });
    expect(readQuarter(46218)).toEqual({ quarter: "2026Q3", date: "2026-07-15" });
  });

  it.each(["0000Q1", "0226Q1", "1899Q4", "Q4 1899", "2026Q5", "2026Q0", "Kv 5 2026", "2026-02-30", "0000-01-01", "", "Q1", "2026", "x2026Q3", "2026Q3x", "xQ3 2026", "Q3 2026x", "2026-07-15x10:00"])("refuses %j", (text) => {
    expect(readQuarter(text)).toBeNull();
  });

  it("refuses a cell that is neither text, number nor date", () => {
    expect([readQuarter(null), readQuarter(undefined), readQuarter(true), readQuarter({ error: "#N/A" })]).toEqual([null, null, null, null]);
    expect(readQuarter(new Date(Date.UTC(1899, 11, 31)))).toBeNull();
  });

  it.each([
    ["2026Q1", "2026-01-01"],
    ["2026Q2", "2026-04-01"],
    ["2026Q3", "2026-07-01"],
    ["2026Q4", "2026-10-01"],
  ])("starts %s on %s", (q, start) => {
    expect(quarterStart(q)).toBe(start);
  });

  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(fc.string(), (s) => void readQuarter(s)),
      { numRuns: 10_000 },
    );
  });
});

describe("matchKommun", () => {
  it("knows the 26 kommuner of Stockholms län", () => {
    expect(STOCKHOLM_KOMMUNER).toHaveLength(26);
    expect(new Set(STOCKHOLM_KOMMUNER).size).toBe(26);
    for (const k of STOCKHOLM_KOMMUNER) expect(matchKommun(k)).toBe(k);
  });

  it.each([
    ["danderyds kommun", "Danderyd"],
    ["Stockholms stad", "Stockholm"],
    ["OSTERAKERS KOMMUN", "Österåker"],
    ["upplands bro", "Upplands-Bro"],
    ["Upplands-Väsby", "Upplands Väsby"],
    ["  Järfälla ", "Järfälla"],
    ["Sundbybergs stad", "Sundbyberg"],
    ["Nynashamn", "Nynäshamn"],
  ])("matches %j to %s", (raw, kommun) => {
    expect(matchKommun(raw)).toBe(kommun);
  });

  it.each(["Gnesta", "Uppsala kommun", "", "kommun", "Solnaa", "Solnax kommun", "Danderyds", "kommun Solna"])("refuses %j", (raw) => {
    expect(matchKommun(raw)).toBeNull();
  });
});

describe("readOre", () => {
  it.each([
    ["2 450,00", 245_000],
    ["2\u00a0450,00", 245_000],
    ["2\u202f450,00", 245_000],
    ["1 234 567,89", 123_456_789],
    ["0,1", 10],
    ["-12,50", -1250],
    ["100 kr", 10_000],
    ["12.5", 1250],
  ])("reads %j as %d öre", (text, ore) => {
    expect(readOre(text)).toBe(ore);
  });

  it.each(["1e400", "9".repeat(400), "Infinity", "NaN", "12 34", "1 2345,00", "abc", ""])("refuses %j", (text) => {
    expect(readOre(text)).toBeNull();
  });

  it("reads up to the largest amount and refuses one öre more, as text and as a number", () => {
    expect([readOre("1000000000000"), readOre("9999999999999"), readOre("1 000 000 000 000,01"), readOre(1e12)]).toEqual([1e14, null, null, 1e14]);
  });

  it("reads a large number cell exact to the öre despite floating point, and refuses a true third decimal", () => {
    expect([readOre(9_999_009_990.2), readOre(0.1 + 0.2), readOre(1_000_000.005)]).toEqual([999_900_999_020, 30, null]);
    // A text is judged by its digits: a third decimal a number cell's tolerance would let pass.
    expect([readOre("999 999 999 999,999"), readOre("999999999999,999")]).toEqual([null, null]);
  });

  it("refuses a cell that is neither a number nor a text", () => {
    expect([readOre(null), readOre(undefined), readOre(true), readOre(new Date(Date.UTC(2026, 0, 1))), readOre({ error: "#VALUE!" }), readOre("   ")]).toEqual([null, null, null, null, null, null]);
  });

  it("refuses non-finite and out-of-range numbers", () => {
    expect([readOre(Infinity), readOre(-Infinity), readOre(NaN), readOre(1e308), readOre(1e12 + 1)]).toEqual([null, null, null, null, null]);
  });

  it("refuses a third decimal instead of rounding it away (1,234 and 12,505 kr are not amounts in öre)", () => {
    expect([readOre("1,234"), readOre("12,505"), readOre(12.505), readOre("1 234,50"), readOre(12.5), readOre("2 450,00")]).toEqual([null, null, null, 123_450, 1250, 245_000]);
  });

  it("agrees with readAmount (exact to the öre, else refused) on every text: the fast path changes nothing", () => {
    const piece = fc.constantFrom("0", "1", "2", "5", "9", "12", "450", " ", "\u00a0", "\u202f", ",", ".", "-", "kr", "00", "999");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const text = parts.join("");
        const slow = readAmount(text);
        // Exact to the öre: the decimals of the text (trailing zeros aside) are at most two.
        const decimals = /[.,](\d+)\s*(?:kr)?\s*$/i.exec(text.trim())?.[1]?.replace(/0+$/, "").length ?? 0;
        const exact = slow !== null && decimals <= 2;
        expect(readOre(text)).toBe(slow === null || text.trim() === "" || !exact ? null : Math.round(slow * 100));
      }),
      { numRuns: 10_000 },
    );
  });
});

describe("FollowUpRun", () => {
  const lists = [datedLists(readWorkbook(exampleWorkbook()), null, null)];
  const header = ["kommun", "kvartal", "iso", "boendeform", "ålder", "belopp"];

  it("reconciles to the öre: 0,10 + 0,20 is 0,30 exactly, and every line counts once", () => {
    const run = new FollowUpRun(lists);
    followUpRows(run, "a", [header, ["Solna", "2026Q1", "12 22 03", "SÄBO", 80, "0,10"], ["Solna", "2026Q1", "12 22 03", "SÄBO", 80, "0,20"], ["Solna", "2026Q5", "12 22 03", "SÄBO", 80, "0,05"]]);
    const r = run.finish();
    expect([r.inputOre, r.assignedOre, r.unassignedOre, r.unreadableOre, r.balanced, r.lines]).toEqual([35, 30, 0, 5, true, 3]);
  });

  it("leaves a line without age out as AGE_MISSING only when its payer depends on age", () => {
    const rows = [header, ["Solna", "2026Q1", "12 22 03", "SÄBO", "", 100], ["Solna", "2026Q1", "22 06 15", "SÄBO", "", 200]];
    const plain = new FollowUpRun(lists);
    followUpRows(plain, "a", rows);
    const r = plain.finish();
    expect([...r.leftOut].map((l) => [l.line, l.code])).toEqual([[2, "AGE_MISSING"]]);
    expect(r.quarters[0]!.totals).toEqual({ kommun: 0, region: 20_000, egenansvar: 0, unassigned: 10_000 });
    const adult = new FollowUpRun(lists, { ageMissing: "adult" });
    followUpRows(adult, "a", rows);
    const a = adult.finish();
    expect(a.quarters[0]!.totals).toEqual({ kommun: 10_000, region: 20_000, egenansvar: 0, unassigned: 0 });
    // Only the line whose answer depended on age was answered as for an adult.
    expect(a.assumedAdult).toEqual({ lines: 1, ore: 10_000 });
  });

  it("keeps no left-out line when told to list none, yet counts them all", () => {
    const run = new FollowUpRun(lists, {}, 0);
    followUpRows(run, "a", [header, ...Array.from({ length: 50 }, () => ["Solna", "2026Q1", "15 09", "SÄBO", 80, 1])]);
    const r = run.finish();
    expect([r.leftOut.length, r.leftOutNotListed, r.leftOutByCode[0]!.lines, r.leftOutByCode[0]!.examples.length]).toEqual([0, 50, 50, 3]);
  });

  it("reports a sheet without the needed columns by name", () => {
    const run = new FollowUpRun(lists);
    followUpRows(run, "Blad1", [
      ["a", "b"],
      [1, 2],
    ]);
    const r = run.finish();
    expect(r.sources[0]!.problem).toMatch(/^Blad1 saknar kolumnerna kommun, kvartal, iso, boendeform, belopp/);
    expect(r.leftOutByCode.map((c) => c.code)).toEqual(["COLUMNS_MISSING"]);
  });
});
