import type { CellValue } from "../../../src/core/cells";
import { FollowUpRun, followUpRows, hasCostHeader, kronor, LEFT_OUT_REASONS_SV, MAX_KOMMUN_NAMES, reasonOfCode, REQUIRED_COLUMNS_SV, type FollowUp } from "../../../src/core/costs/followUp";
import { COLUMN_HEADERS } from "../../../src/core/columnHeaders";
import { leftOutReasonSv } from "../../../src/core/costs/followUpLayout";
import { STOCKHOLM_KOMMUNER } from "../../../src/core/costs/kommuner";
import { datedLists, workbookLists, type DatedLists } from "../../../src/core/editions/inForce";
import { exampleWorkbook } from "../../../src/core/example/exampleWorkbook";
import { readWorkbook } from "../../../src/core/model";
import { whoPays } from "../../../src/core/whoPays";
import { listRow, workbook } from "../../helpers/workbooks";

// The follow-up run in the same process (the CLI tests run the built dist/, which a mutation
// run never reaches): every total, left-out line and count is asserted on its code and figures.

const K = "Kommun";
const R = "Region";
const E = "Egenansvar";
/** 12 22 on Kommun, 04 48 18 Egenansvar; `next` moves 12 22 to Region. */
const listsOf = (payer1222: string) => readWorkbook(workbook({ b1: [listRow("12 22", "Manuella rullstolar", [payer1222, payer1222, payer1222, payer1222]), listRow("04 48 18", "Viktmanschetter", [E, E, E, E])] }));
const OLD = datedLists(listsOf(K), "2025:1", "2025-01-01");
const NEXT = datedLists(listsOf(R), "2026:1", "2026-01-01");
const UNUSED = datedLists(listsOf(K), "2030:1", "2030-01-01");

const HEADER = ["kommun", "kvartal", "iso", "boendeform", "ålder", "belopp", "datum"];
type Line = readonly CellValue[];
/** kommun, kvartal, iso, boendeform, ålder, belopp, datum */
const line = (kommun: string, quarter: CellValue, iso: CellValue, amount: CellValue, date: CellValue = null, form: CellValue = "SÄBO", age: CellValue = 70): Line => [kommun, quarter, iso, form, age, amount, date];

function run(lists: readonly DatedLists[], lines: readonly Line[], options: ConstructorParameters<typeof FollowUpRun>[1] = {}, header: readonly CellValue[] = HEADER): FollowUp {
  const r = new FollowUpRun(lists, options);
  followUpRows(r, "kostnader.csv", [header, ...lines]);
  return r.finish();
}

const codes = (f: FollowUp) => [...f.leftOut].map((l) => [l.line, l.code, l.kind, l.ore]);

describe("FollowUpRun: who pays each line", () => {
  it("answers each line from the edition in force on its date and sums it per party, quarter and kommun", () => {
    const f = run(
      [OLD, NEXT, UNUSED],
      [
        line("Solna", "2025Q2", "12 22", "100,00", "2025-05-10"),
        line("Solna", "2026Q1", "12 22", "200,00", "2026-02-01"),
        line("Solna", "2026Q1", "04 48 18", "30,00"),
        line("Nacka", "2026Q1", "15 09", "7,50"),
      ],
    );
    expect(f.quarters.map((q) => [q.quarter, q.totals])).toEqual([
      ["2025Q2", { kommun: 10_000, region: 0, egenansvar: 0, unassigned: 0 }],
      ["2026Q1", { kommun: 0, region: 20_000, egenansvar: 3_000, unassigned: 750 }],
    ]);
    expect(f.editionsUsed.map((l) => l.name)).toEqual(["2025:1", "2026:1"]);
    expect(codes(f)).toEqual([[5, "UNLISTED", "unassigned", 750]]);
    expect([f.lines, f.inputOre, f.assignedOre, f.unassignedOre, f.unreadableOre, f.balanced, f.exact]).toEqual([4, 33_750, 33_000, 750, 0, true, true]);
    expect(f.byKommun.map((k) => [k.kommun, k.known, k.totals])).toEqual([
      ["Nacka", true, { kommun: 0, region: 0, egenansvar: 0, unassigned: 750 }],
      ["Solna", true, { kommun: 10_000, region: 20_000, egenansvar: 3_000, unassigned: 0 }],
    ]);
    expect(f.byKommunQuarter.map((k) => [k.kommun, k.quarter])).toEqual([
      ["Nacka", "2026Q1"],
      ["Solna", "2025Q2"],
      ["Solna", "2026Q1"],
    ]);
  });

  it("lists a line without a payer with whoPays' own explanation, and an input problem with none", () => {
    const f = run([NEXT], [line("Solna", "2026Q1", "15 09", 10), line("Solna", "2026Q1", "12 22", "tio")]);
    const [unlisted, amount] = [...f.leftOut];
    const asked = whoPays({ iso: "15 09", boendeform: "SÄBO", age: 70, date: "2026-01-01" }, NEXT.index);
    expect(asked.ok && asked.payer === null).toBe(true);
    expect(unlisted!.message).toBe(asked.ok ? asked.explanation : "");
    expect(f.leftOutByCode.find((c) => c.code === "UNLISTED")!.examples[0]!.message).toBe(unlisted!.message);
    expect([amount!.code, amount!.message, amount!.ore, amount!.quarter]).toEqual(["AMOUNT_INVALID", null, null, null]);
    expect(unlisted!.quarter).toBe("2026Q1");
  });

  it("answers a line on its date, else on the date its quarter cell gives, else on the quarter's first day", () => {
    // NEXT is in force from 2026-01-01, OLD before: a 2025Q4 line dated by its quarter cell is OLD's.
    const f = run(
      [OLD, NEXT],
      [line("Solna", "2025-12-31", "12 22", 1), line("Solna", "2026Q1", "12 22", 2), line("Solna", "2025Q4", "12 22", 4, "2025-12-31")],
    );
    expect(f.quarters.map((q) => [q.quarter, q.totals.kommun, q.totals.region])).toEqual([
      ["2025Q4", 500, 0],
      ["2026Q1", 0, 200],
    ]);
  });

  it("reads the quarter from the date when the file has no kvartal column, or the line's kvartal cell is blank", () => {
    const f = run([NEXT], [["Solna", "12 22", "SÄBO", "5", "2026-08-15"]], {}, ["kommun", "iso", "boendeform", "belopp", "datum"]);
    expect(f.quarters.map((q) => [q.quarter, q.totals.region])).toEqual([["2026Q3", 500]]);
    const blank = run([OLD, NEXT], [line("Solna", null, "12 22", 8, "2025-11-30"), line("Solna", " ", "12 22", 16, "2026-05-02")]);
    expect(blank.quarters.map((q) => [q.quarter, q.totals.kommun, q.totals.region])).toEqual([
      ["2025Q4", 800, 0],
      ["2026Q2", 0, 1_600],
    ]);
    expect(blank.leftOut.length).toBe(0);
  });

  it("keeps one answer per age group: a child, an adult and an unreadable age are asked apart", () => {
    const lists = [datedLists(readWorkbook(exampleWorkbook()), null, null)];
    const f = run(lists, [line("Solna", "2026Q1", "12 22 03", 1, null, "SÄBO", 80), line("Solna", "2026Q1", "12 22 03", 2, null, "SÄBO", "5"), line("Solna", "2026Q1", "12 22 03", 4, null, "SÄBO", "åttio"), line("Solna", "2026Q1", "12 22 03", 8, null, "SÄBO", "80")]);
    const asked = (age: CellValue) => {
      const a = whoPays({ iso: "12 22 03", boendeform: "SÄBO", age, date: "2026-01-01" }, lists[0]!.index);
      return a.ok ? a.payer : a.code;
    };
    expect(asked(80)).not.toBe(asked(5));
    const ore = { Kommun: 0, Region: 0 } as Record<string, number>;
    ore[asked(80) as string]! += 900;
    ore[asked(5) as string]! += 200;
    expect([f.quarters[0]!.totals.kommun, f.quarters[0]!.totals.region]).toEqual([ore.Kommun, ore.Region]);
    expect(codes(f)).toEqual([[4, asked("åttio"), "unassigned", 400]]);
  });

  it("counts an undated working workbook's answers for lines before the Giltig från it states, and only those", () => {
    const working = workbookLists(listsOf(K), { name: "2027:1", giltigFran: "2027-01-01" }, false);
    const alone = run([working], [line("Solna", "2026Q4", "12 22", 100), line("Solna", "2027Q1", "12 22", 200), line("Solna", "2026Q4", "15 09", 400)]);
    expect(alone.answeredByLaterRules).toEqual({ lines: 2, ore: 50_000, baselineLines: 2, statedEffective: "2027-01-01" });
    expect(alone.beforeFirstEdition).toBeNull();
    // Beside a dated edition, only lines before that edition too were answered by the later rules.
    const beside = run([OLD, working], [line("Solna", "2024Q4", "12 22", 1), line("Solna", "2025Q3", "12 22", 2), line("Solna", "2024Q3", "12 22", 4)]);
    expect(beside.answeredByLaterRules).toEqual({ lines: 2, ore: 500, baselineLines: 2, statedEffective: "2027-01-01" });
    expect(run([working], [line("Solna", "2027Q2", "12 22", 1)]).answeredByLaterRules).toBeNull();
  });

  it("leaves out a line before the first edition as NO_EDITION and says which edition came first", () => {
    const f = run([NEXT, OLD], [line("Solna", "2024Q4", "12 22", 100), line("Solna", "2025Q1", "12 22", 200)]);
    expect(codes(f)).toEqual([[2, "NO_EDITION", "unassigned", 10_000]]);
    expect(f.beforeFirstEdition).toEqual({ lines: 1, ore: 10_000, baselineLines: 1, firstEffective: "2025-01-01" });
    expect(f.editionsUsed.map((l) => l.name)).toEqual(["2025:1"]);
    expect(f.quarters.map((q) => q.totals.unassigned)).toEqual([10_000, 0]);
    expect(run([OLD], [line("Solna", "2025Q1", "12 22", 1)]).beforeFirstEdition).toBeNull();
    expect(run([], [line("Solna", "2025Q1", "12 22", 1)]).beforeFirstEdition).toBeNull();
  });
});

describe("FollowUpRun: nothing lost", () => {
  it("leaves out every unreadable input with its code and kind, and the sum still balances", () => {
    const f = run(
      [NEXT],
      [
        line("Solna", "2026Q1", "12 22", "12,345"),
        line("Solna", "2026Q5", "12 22", 2),
        line("Solna", "2026Q1", "12 22", 4, "2026-13-01"),
        line("Solna", "2026Q1", "12 22", 8, "1899-12-31"),
        line("Solna", "2026Q1", "12 22", 16, "2026-04-01"),
        [null, "", "  ", null, null, null, null],
        line("Solna", "2026Q1", "12 22", 32, "2026-03-31"),
        line("Solna", null, "12 22", 64),
      ],
    );
    expect(codes(f)).toEqual([
      [2, "AMOUNT_INVALID", "uncounted", null],
      [3, "QUARTER_INVALID", "unreadable", 200],
      [4, "DATE_INVALID", "unreadable", 400],
      [5, "DATE_INVALID", "unreadable", 800],
      [6, "DATE_OUTSIDE_QUARTER", "unreadable", 1_600],
      [9, "QUARTER_INVALID", "unreadable", 6_400],
    ]);
    expect([f.lines, f.inputOre, f.assignedOre, f.unassignedOre, f.unreadableOre, f.balanced]).toEqual([7, 12_600, 3_200, 0, 9_400, true]);
    expect(f.sources).toEqual([{ file: "kostnader.csv", lines: 7, ore: 12_600, problem: null }]);
    expect(f.leftOutByCode.map((c) => [c.code, c.kind, c.lines, c.ore, c.examples.map((e) => e.line)])).toEqual([
      ["QUARTER_INVALID", "unreadable", 2, 6_600, [3, 9]],
      ["DATE_INVALID", "unreadable", 2, 1_200, [4, 5]],
      ["AMOUNT_INVALID", "uncounted", 1, 0, [2]],
      ["DATE_OUTSIDE_QUARTER", "unreadable", 1, 1_600, [6]],
    ]);
    for (const c of f.leftOutByCode) expect(reasonOfCode(c.code)).toBeDefined();
  });

  it("keeps three examples per code and counts the rest", () => {
    const f = run([NEXT], Array.from({ length: 5 }, (_, i) => line("Solna", "2026Q1", "15 09", i + 1)));
    expect(f.leftOutByCode).toEqual([{ code: "UNLISTED", kind: "unassigned", lines: 5, ore: 1_500, examples: [...f.leftOut].slice(0, 3) }]);
    expect(f.leftOut.length).toBe(5);
  });

  it("keeps a kommun name that is none of the 26 as written, in the totals and apart", () => {
    const f = run([NEXT], [line("Gnesta", "2026Q1", "12 22", 1), line("Solna kommun", "2026Q1", "12 22", 2), line("Gnesta", "2026Q2", "15 09", 4), line("Gnesta", "2026Q1", "12 22", 8), line("Bålsta", "2026Q1", "12 22", 16)]);
    expect(f.unknownKommuner).toEqual([
      { name: "Bålsta", lines: 1, ore: 1_600 },
      { name: "Gnesta", lines: 3, ore: 1_300 },
    ]);
    expect(f.quarters.map((q) => [q.quarter, q.totals, q.unknown])).toEqual([
      ["2026Q1", { kommun: 0, region: 2_700, egenansvar: 0, unassigned: 0 }, { kommun: 0, region: 2_500, egenansvar: 0, unassigned: 0 }],
      ["2026Q2", { kommun: 0, region: 0, egenansvar: 0, unassigned: 400 }, { kommun: 0, region: 0, egenansvar: 0, unassigned: 400 }],
    ]);
    expect(f.byKommun.map((k) => [k.kommun, k.known])).toEqual([
      ["Bålsta", false],
      ["Gnesta", false],
      ["Solna", true],
    ]);
    expect(run([NEXT], [line("Solna", "2026Q1", "12 22", 1)]).quarters[0]!.unknown).toBeNull();
  });

  it("sums the unknown names' share per party (kommun, region, egenansvar, none)", () => {
    const f = run([OLD], [line("Gnesta", "2025Q1", "12 22", 1), line("Gnesta", "2025Q1", "04 48 18", 2), line("Gnesta", "2025Q1", "15 09", 4), line("Knivsta", "2025Q1", "12 22", 8)]);
    expect(f.quarters[0]!.unknown).toEqual({ kommun: 900, region: 0, egenansvar: 200, unassigned: 400 });
    expect(f.byKommun.map((k) => [k.kommun, k.totals])).toEqual([
      ["Gnesta", { kommun: 100, region: 0, egenansvar: 200, unassigned: 400 }],
      ["Knivsta", { kommun: 800, region: 0, egenansvar: 0, unassigned: 0 }],
    ]);
  });

  it("stops taking new kommun names past its limit and leaves those lines out as KOMMUN_LIMIT, still counted", () => {
    const lines = Array.from({ length: MAX_KOMMUN_NAMES + 2 }, (_, i) => line(i === MAX_KOMMUN_NAMES + 1 ? "Gnesta 0" : `Gnesta ${i}`, "2026Q1", "12 22", 1));
    const f = run([NEXT], lines);
    expect(codes(f)).toEqual([[MAX_KOMMUN_NAMES + 2, "KOMMUN_LIMIT", "unreadable", 100]]);
    expect(f.unknownKommuner).toHaveLength(MAX_KOMMUN_NAMES);
    expect([f.lines, f.inputOre, f.unreadableOre, f.balanced]).toEqual([MAX_KOMMUN_NAMES + 2, (MAX_KOMMUN_NAMES + 2) * 100, 100, true]);
    // A name already seen is still taken.
    expect(f.unknownKommuner.find((u) => u.name === "Gnesta 0")!.lines).toBe(2);
  });

  it("says the sums are no longer exact past 2^53 öre instead of calling them balanced", () => {
    const big = "1000000000000";
    const f = run([NEXT], Array.from({ length: 91 }, (_, i) => line("Solna", "2026Q1", "12 22", i % 2 === 0 ? big : `-${big}`)));
    expect([f.exact, f.balanced]).toEqual([false, false]);
    const under = run([NEXT], Array.from({ length: 90 }, () => line("Solna", "2026Q1", "12 22", big)));
    expect([under.exact, under.balanced, under.inputOre]).toEqual([true, true, 90 * 1e14]);
    // 2^53 - 1 öre is the last exact sum; one öre more is not.
    const last = run([NEXT], [...Array.from({ length: 90 }, () => line("Solna", "2026Q1", "12 22", big)), line("Solna", "2026Q1", "12 22", "71992547409,91")]);
    expect([last.exact, last.inputOre]).toEqual([true, Number.MAX_SAFE_INTEGER]);
    const past = run([NEXT], [...Array.from({ length: 90 }, () => line("Solna", "2026Q1", "12 22", big)), line("Solna", "2026Q1", "12 22", "71992547409,92")]);
    expect([past.exact, past.balanced]).toEqual([false, false]);
  });
});

describe("FollowUpRun: a quarter against the baseline year", () => {
  const lines = [
    line("Solna", "2025Q1", "12 22", 100, "2025-02-01"),
    line("Nacka", "2025Q1", "12 22", 1_000, "2025-02-01"),
    line("Solna", "2026Q1", "12 22", 300),
    line("Tyresö", "2026Q1", "12 22", 5_000),
    line("Gnesta", "2026Q1", "12 22", 70),
    line("Solna", "2026Q2", "04 48 18", 9),
  ];

  it("sets each quarter against the same quarter of the earliest year, over the kommuner with lines in both", () => {
    const f = run([OLD, NEXT], lines);
    expect(f.baselineYear).toBe(2025);
    const [q2025, q2026, q2026b] = f.quarters;
    expect([q2025!.baseline, q2025!.comparison]).toEqual([null, null]);
    expect(q2026!.baseline).toEqual({ kommun: 110_000, region: 0, egenansvar: 0, unassigned: 0 });
    expect(q2026!.comparison).toEqual({ kommuner: 1, kommun: 0, region: 30_000, baseKommun: 10_000, baseRegion: 0, onlyNow: ["Tyresö"], onlyBaseline: ["Nacka"] });
    // 2025Q2 has no lines: no baseline, no comparison.
    expect([q2026b!.quarter, q2026b!.baseline, q2026b!.comparison]).toEqual(["2026Q2", null, null]);
  });

  it("uses a given baseline year, also a later one", () => {
    const f = run([OLD, NEXT], lines, { baselineYear: 2026 });
    expect(f.baselineYear).toBe(2026);
    const q2025 = f.quarters[0]!;
    expect(q2025.baseline).toEqual({ kommun: 0, region: 537_000, egenansvar: 0, unassigned: 0 });
    expect(q2025.comparison).toEqual({ kommuner: 1, kommun: 10_000, region: 0, baseKommun: 0, baseRegion: 30_000, onlyNow: ["Nacka"], onlyBaseline: ["Tyresö"] });
    expect(f.quarters.slice(1).map((q) => q.comparison)).toEqual([null, null]);
    expect(run([OLD], [], { baselineYear: null }).baselineYear).toBeNull();
  });

  it("names, for each quarter with lines, the kommuner of the county that have none", () => {
    const f = run([OLD, NEXT], lines);
    expect(f.missingKommuner.map((m) => [m.quarter, m.kommuner.length])).toEqual([
      ["2025Q1", 24],
      ["2026Q1", 24],
      ["2026Q2", 25],
    ]);
    expect(f.missingKommuner[0]!.kommuner).toEqual(STOCKHOLM_KOMMUNER.filter((k) => k !== "Solna" && k !== "Nacka"));
  });
});

describe("A cost source", () => {
  it("refuses a header with two columns for one thing, and reads none of its lines", () => {
    const r = new FollowUpRun([NEXT]);
    const s = r.source("a.csv");
    expect(s.header(["kommun", "kvartal", "iso", "boendeform", "belopp", "kostnad"])).toEqual(["belopp"]);
    expect(s.ready).toBe(false);
    s.line(["Solna", "2026Q1", "12 22", "SÄBO", 1, 2], 2);
    const f = r.finish();
    expect([f.lines, f.inputOre]).toEqual([0, 0]);
    expect(codes(f)).toEqual([[null, "COLUMNS_DUPLICATE", "uncounted", null]]);
    expect(f.sources[0]!.problem).not.toBeNull();
    // The report's table by code gives the code a reason in words, not the code itself.
    expect(leftOutReasonSv(f, "COLUMNS_DUPLICATE")).not.toBe("COLUMNS_DUPLICATE");
  });

  it("names the missing columns, and accepts a date in place of the kvartal", () => {
    const r = new FollowUpRun([NEXT]);
    expect(r.source("a").header(["kommun", "iso", "boendeform", "belopp"])).toEqual(["kvartal"]);
    expect(r.source("b").header(["kommun", "datum", "iso", "boendeform", "belopp"])).toEqual([]);
    expect(r.source("c").header(["Kommun", "Kvartal", "ISO", "Boendeform", "Belopp"])).toEqual([]);
    expect(r.source("d").header([])).toEqual(["kommun", "kvartal", "iso", "boendeform", "belopp"]);
    expect(r.finish().sources.map((s) => s.problem === null)).toEqual([false, true, true, false]);
  });

  it("keeps the lines read before a file fails, and reads none after", () => {
    const r = new FollowUpRun([NEXT]);
    const s = r.source("a.csv");
    s.header(HEADER);
    expect(s.ready).toBe(true);
    s.line(line("Solna", "2026Q1", "12 22", 5), 2);
    s.unparsable(3, "CSV_QUOTE_UNCLOSED");
    s.fail("FILE_UNREADABLE", "a.csv kan inte läsas.");
    s.line(line("Solna", "2026Q1", "12 22", 7), 4);
    const f = r.finish();
    expect([f.lines, f.inputOre, f.assignedOre, f.balanced, s.ready]).toEqual([2, 500, 500, true, false]);
    expect(codes(f)).toEqual([
      [3, "CSV_QUOTE_UNCLOSED", "uncounted", null],
      [null, "FILE_UNREADABLE", "uncounted", null],
    ]);
    expect(f.sources).toEqual([{ file: "a.csv", lines: 2, ore: 500, problem: "a.csv kan inte läsas." }]);
    // A line or file that was never read has no kommun, code, form or quarter to show.
    expect([...f.leftOut].map((l) => [l.file, l.kommun, l.iso, l.boendeform, l.quarter, l.message])).toEqual([
      ["a.csv", "", "", "", null, null],
      ["a.csv", "", "", "", null, "a.csv kan inte läsas."],
    ]);
  });

  it("reports an empty sheet as missing its columns", () => {
    const r = new FollowUpRun([NEXT]);
    followUpRows(r, "Blad1", []);
    const f = r.finish();
    expect(codes(f)).toEqual([[null, "COLUMNS_MISSING", "uncounted", null]]);
    expect(f.sources[0]!.problem).toMatch(/^Blad1 /);
  });

  it("numbers a sheet's lines from its header row", () => {
    const r = new FollowUpRun([NEXT]);
    followUpRows(r, "Blad1", [HEADER, line("Solna", "2026Q1", "15 09", 1)], 5);
    expect(codes(r.finish())).toEqual([[6, "UNLISTED", "unassigned", 100]]);
  });

  it("tells a cost header from any other row, and gives öre as kronor", () => {
    expect(hasCostHeader(HEADER)).toBe(true);
    expect(hasCostHeader(["ISO-kod", "Benämning", "SÄBO"])).toBe(false);
    expect(hasCostHeader(["kommun", "kvartal", "iso", "boendeform", "belopp", "belopp"])).toBe(false);
    expect(kronor(12_345)).toBe(123.45);
  });
});

describe("FollowUpRun: edges a mutation run found unasserted", () => {
  it("reads the kvartal, datum and ålder columns wherever they stand, the first column too", () => {
    const first = (field: string, value: CellValue) => {
      const rest = HEADER.filter((h) => h !== field);
      const cells = line("Solna", "2026Q1", "12 22", "10,00", "2026-02-01", "SÄBO", 70);
      const at = HEADER.indexOf(field);
      return run([OLD, NEXT], [[value, ...cells.filter((_, i) => i !== at)]], {}, [field, ...rest]);
    };
    // In force: NEXT (Region). A date outside its quarter, or a child's age, shows the column was read.
    expect(first("datum", "2026-05-01").leftOut.at(0).code).toBe("DATE_OUTSIDE_QUARTER");
    expect(first("kvartal", "2025Q1").leftOut.at(0).code).toBe("DATE_OUTSIDE_QUARTER");
    const child = run([OLD], [["12 22", 5, "Solna", "2025Q1", "SÄBO", "1,00"]], {}, ["iso", "ålder", "kommun", "kvartal", "boendeform", "belopp"]);
    expect(child.quarters[0]!.totals.region).toBe(100);
    const ageFirst = run([OLD], [[5, "Solna", "2025Q1", "12 22", "SÄBO", "1,00"]], {}, ["ålder", "kommun", "kvartal", "iso", "boendeform", "belopp"]);
    expect(ageFirst.quarters[0]!.totals.region).toBe(100);
  });

  it("accepts a date in 1900 (the first year a line can have) and refuses 1899", () => {
    const f = run([OLD], [line("Solna", null, "12 22", 1, "1900-03-01"), line("Solna", null, "12 22", 1, "1899-12-31")]);
    expect(codes(f)).toEqual([
      [2, "NO_EDITION", "unassigned", 100],
      [3, "DATE_INVALID", "unreadable", 100],
    ]);
    expect(f.assumedAdult).toEqual({ lines: 0, ore: 0 });
  });

  it("gives every left-out code a reason of its own, and names every needed column when one is missing", () => {
    const reasons = Object.values(LEFT_OUT_REASONS_SV);
    for (const r of reasons) expect(r.trim().length).toBeGreaterThan(10);
    expect(new Set(reasons).size).toBe(reasons.length);
    for (const field of ["kommun", "quarter", "date", "iso", "boendeform", "amount", "age"] as const) expect(REQUIRED_COLUMNS_SV).toContain(COLUMN_HEADERS[field].labelSv);
    const f = run([OLD], [], {}, ["kommun", "kvartal", "iso", "belopp"]);
    expect(f.sources[0]!.problem).toContain(REQUIRED_COLUMNS_SV);
  });

  it("answers an 18-year-old as an adult after a 17-year-old with the same code (one answer per age group, not one for both)", () => {
    const f = run([OLD], [line("Solna", "2025Q1", "12 22", 1, null, "SÄBO", 17), line("Solna", "2025Q1", "12 22", 2, null, "SÄBO", 18), line("Solna", "2025Q1", "12 22", 4, null, "SÄBO", "17")]);
    expect([f.quarters[0]!.totals.region, f.quarters[0]!.totals.kommun]).toEqual([500, 200]);
  });

  it("leaves a line without an age out as AGE_MISSING when a child and an adult have different payers, and does not count it as answered for an adult", () => {
    const f = run([OLD], [line("Solna", "2025Q1", "12 22", 1, null, "SÄBO", null)]);
    expect(codes(f)).toEqual([[2, "AGE_MISSING", "unassigned", 100]]);
    expect(f.assumedAdult).toEqual({ lines: 0, ore: 0 });
  });

  it("does not count a line on the first dated edition's own Giltig från as answered by a working workbook's later rules", () => {
    const working = workbookLists(listsOf(R), { name: "2027:1", giltigFran: "2027-01-01" }, false);
    expect(run([OLD, working], [line("Solna", "2025Q1", "12 22", 1)]).answeredByLaterRules).toBeNull();
    // The first dated edition is the earliest, whatever the order the editions are given in.
    expect(run([NEXT, OLD, working], [line("Solna", "2025Q3", "12 22", 1)]).answeredByLaterRules).toBeNull();
    expect(run([OLD, working], [line("Solna", null, "12 22", 1, "2024-12-31")]).answeredByLaterRules).toEqual({ lines: 1, ore: 100, baselineLines: 1, statedEffective: "2027-01-01" });
  });

  it("sets no quarter of the baseline year against itself", () => {
    const f = run([OLD, NEXT], [line("Solna", "2025Q1", "12 22", 1), line("Solna", "2026Q1", "12 22", 1)]);
    expect(f.baselineYear).toBe(2025);
    expect(f.quarters.map((q) => [q.quarter, q.baseline !== null, q.comparison !== null])).toEqual([
      ["2025Q1", false, false],
      ["2026Q1", true, true],
    ]);
  });

  it("explains the first three examples of a code even when no line can be listed", () => {
    const r = new FollowUpRun([OLD], {}, 0);
    followUpRows(r, "k.csv", [HEADER, ...[1, 2, 3, 4].map((n) => line("Solna", "2025Q1", "15 09", n))]);
    const f = r.finish();
    expect(f.leftOut.length).toBe(0);
    expect(f.leftOutNotListed).toBe(4);
    const c = f.leftOutByCode.find((x) => x.kind === "unassigned")!;
    expect(c.lines).toBe(4);
    expect(c.examples).toHaveLength(3);
    for (const e of c.examples) expect(e.message).toEqual(expect.any(String));
  });
});

describe("FollowUpRun: a kommun cell that is not plain text", () => {
  it("reports an unknown name trimmed, a date as its date and an error cell as blank", () => {
    const f = run([OLD], [line(" Gnesta ", "2025Q1", "12 22", 1), [new Date(Date.UTC(2025, 0, 2)), "2025Q1", "12 22", "SÄBO", 70, 2, null], [{ error: "#N/A" }, "2025Q1", "12 22", "SÄBO", 70, 4, null]]);
    expect(f.unknownKommuner.map((u) => [u.name, u.ore]).sort()).toEqual([
      ["", 400],
      ["2025-01-02", 200],
      ["Gnesta", 100],
    ]);
  });

  it("reads a row that ends before the kommun column as a blank kommun, not as the word undefined", () => {
    const header = ["kvartal", "iso", "boendeform", "ålder", "belopp", "kommun"];
    const f = run([OLD], [["2025Q1", "12 22", "SÄBO", 70, 3]], {}, header);
    expect(f.unknownKommuner.map((u) => [u.name, u.lines, u.ore])).toEqual([["", 1, 300]]);
  });
});
