import type { CellValue } from "../../../src/core/cells";
import { FollowUpRun, followUpRows, LEFT_OUT_REASONS_SV, type FollowUp } from "../../../src/core/costs/followUp";
import { change, comparedText, followUpNotesSv, KIND_SV, krText, leftOutLineReasonSv, leftOutReasonSv, linesSv, missingGrid, pctText, quarterColumns, quarterRows } from "../../../src/core/costs/followUpLayout";
import { STOCKHOLM_KOMMUNER } from "../../../src/core/costs/kommuner";
import { datedLists, workbookLists, type DatedLists } from "../../../src/core/editions/inForce";
import { readWorkbook } from "../../../src/core/model";
import { expectBaseline } from "../../helpers/baseline";
import { listRow, workbook } from "../../helpers/workbooks";

// The follow-up's one layout (the CLI's text and report and the pane's sheet all use it), in the
// same process: which columns, which figures in which cell, and when a note is there.

const model = (payer: string) => readWorkbook(workbook({ b1: [listRow("12 22", "Manuella rullstolar", [payer, payer, payer, payer]), listRow("04 48 18", "Viktmanschetter", ["Egenansvar", "Egenansvar", "Egenansvar", "Egenansvar"])] }));
const OLD = datedLists(model("Kommun"), "2025:1", "2025-01-01");
const NEXT = datedLists(model("Region"), "2026:1", "2026-01-01");

const HEADER = ["kommun", "kvartal", "iso", "boendeform", "ålder", "belopp"];
const line = (kommun: string, quarter: string, iso: string, kr: number): CellValue[] => [kommun, quarter, iso, "SÄBO", 70, kr];

function report(lists: readonly DatedLists[], lines: CellValue[][], baselineYear: number | null = null): FollowUp {
  const r = new FollowUpRun(lists, { baselineYear });
  followUpRows(r, "k.csv", [HEADER, ...lines]);
  return r.finish();
}

describe("change and its text", () => {
  it.each([
    [100, 110, 0.1],
    [100, 90, -0.1],
    [-100, -50, 0.5],
    [0, 5, null],
  ])("from %d to %d is %p", (then, now, expected) => {
    if (expected === null) expect(change(now, then)).toBeNull();
    else expect(change(now, then)).toBeCloseTo(expected, 12);
  });

  it("signs a fraction with a plus or a true minus, one decimal, comma", () => {
    expect([pctText(0.031), pctText(-0.205), pctText(0), pctText(1)]).toEqual(["+3,1 %", "−20,5 %", "+0,0 %", "+100,0 %"]);
  });

  it("writes kronor with two decimals and the Swedish group separator", () => {
    expect(krText(123_456_789).replace(/\s/g, " ")).toBe("1 234 567,89 kr");
    expect(krText(-50)).toMatch(/^[−-]0,50 kr$/);
  });
});

describe("the quarter table", () => {
  const lines = [line("Solna", "2025Q1", "12 22", 100), line("Nacka", "2025Q1", "12 22", 40), line("Solna", "2026Q1", "12 22", 150), line("Solna", "2026Q1", "04 48 18", 7), line("Solna", "2026Q1", "15 09", 3), line("Tyresö", "2026Q1", "12 22", 9)];

  it("has a column per figure, the baseline year in its headers, and a row per quarter in that order", () => {
    const f = report([OLD, NEXT], lines);
    const columns = quarterColumns(f);
    expect(columns.map((c) => c.kind)).toEqual(["text", "kr", "kr", "kr", "kr", "kr", "kr", "pct", "pct", "text"]);
    expect(columns[3]!.header).toContain("2025");
    expect(columns[4]!.header).toContain("2025");
    const rows = quarterRows(f);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toHaveLength(columns.length);
    expect(rows[0]!.slice(0, 9)).toEqual(["2025Q1", 140, 0, null, null, 0, 0, null, null]);
    expect(rows[0]![9]).toBe("");
    // 2026Q1 against 2025Q1 over Solna only: kommun 100 → 0 (−100 %), region 0 → 150 (no change stated).
    expect(rows[1]!.slice(0, 9)).toEqual(["2026Q1", 0, 159, 140, 0, 7, 3, -1, null]);
    expect(rows[1]![9]).toContain(`1 av ${STOCKHOLM_KOMMUNER.length}`);
    expect(rows[1]![9]).toContain("Tyresö");
    expect(rows[1]![9]).toContain("Nacka");
  });

  it("leaves the year out of the headers when there is no baseline year", () => {
    const f = report([OLD], []);
    expect(f.baselineYear).toBeNull();
    expect(quarterColumns(f)[3]!.header).not.toMatch(/\d/);
    // The same headers as with a baseline year, the year taken out and nothing put in its place.
    const based = report([OLD, NEXT], [line("Solna", "2026Q1", "12 22", 1)]);
    expect(based.baselineYear).not.toBeNull();
    expect(quarterColumns(f).map((c) => c.header)).toEqual(quarterColumns(based).map((c) => c.header.replace(` ${based.baselineYear}`, "")));
  });

  it("names at most four kommuner left out of a comparison, and counts the rest", () => {
    const now = STOCKHOLM_KOMMUNER.slice(0, 7).map((k) => line(k, "2026Q1", "12 22", 1));
    const f = report([OLD, NEXT], [line("Solna", "2025Q1", "12 22", 1), line("Solna", "2026Q1", "12 22", 1), ...now]);
    const q = f.quarters[1]!;
    const onlyNow = q.comparison!.onlyNow;
    expect(onlyNow.length).toBeGreaterThan(4);
    const text = comparedText(q);
    for (const k of onlyNow.slice(0, 4)) expect(text).toContain(k);
    for (const k of onlyNow.slice(4)) expect(text).not.toContain(k);
    expect(text).toContain(`${onlyNow.length - 4} till`);
    expect(text).not.toContain("saknas nu");
    expect(comparedText(f.quarters[0]!)).toBe("");
  });

  it("lists four kommuner left out in full, and says only the side that misses some", () => {
    const then = ["Solna", ...STOCKHOLM_KOMMUNER.filter((k) => k !== "Solna").slice(0, 4)].map((k) => line(k, "2025Q1", "12 22", 1));
    const q = report([OLD, NEXT], [...then, line("Solna", "2026Q1", "12 22", 1)]).quarters[1]!;
    expect(q.comparison!.onlyNow).toEqual([]);
    expect(q.comparison!.onlyBaseline).toHaveLength(4);
    const parts = comparedText(q).split("; ");
    expect(parts).toHaveLength(2);
    expect(parts[1]!.split(", ")).toHaveLength(4);
    for (const k of q.comparison!.onlyBaseline) expect(parts[1]).toContain(k);
    expect(parts[1]).not.toContain("till");
  });
});

describe("the notes beside the numbers", () => {
  it("has none when every line is from a kommun of the county, every edition was given and every kommun compared", () => {
    const all = STOCKHOLM_KOMMUNER.flatMap((k) => [line(k, "2025Q1", "12 22", 1), line(k, "2026Q1", "12 22", 1)]);
    expect(followUpNotesSv(report([OLD, NEXT], all))).toEqual([]);
  });

  it("says how much comes from unknown kommun names, naming five and counting the rest", () => {
    const names = ["Gnesta", "Knivsta", "Bålsta", "Enköping", "Heby", "Tierp", ""];
    const f = report([NEXT], names.map((n) => line(n, "2026Q1", "12 22", 10)));
    const notes = followUpNotesSv(f);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain(krText(7_000));
    const shown = f.unknownKommuner.slice(0, 5).map((u) => u.name || "(tomt)");
    for (const n of shown) expect(notes[0]).toContain(`”${n}”`);
    expect(notes[0]).toContain(" och 2 till");
    for (const u of f.unknownKommuner.slice(5)) expect(notes[0]).not.toContain(`”${u.name || "(tomt)"}”`);
    expect(notes[0]).toContain(`(1 rad, ${krText(1_000)})`);
    const five = followUpNotesSv(report([NEXT], names.slice(0, 5).map((n) => line(n, "2026Q1", "12 22", 10))));
    expect(five[0]).not.toContain("till");
  });

  it("words a count of one line in the singular in every note", () => {
    const one = report([NEXT], [line("Solna", "2025Q1", "12 22", 5), line("Solna", "2026Q1", "12 22", 5)]);
    const note = followUpNotesSv(one).find((n) => n.includes("2026-01-01"))!;
    expect(note).toMatch(/^1 rad \(/);
    expect(note).toContain("bland dem 1 rad i baslinjeåret 2025");
    expect([linesSv(1), linesSv(2), linesSv(0)]).toEqual(["1 rad", "2 rader", "0 rader"]);
  });

  // The two notes on lines the given lists do not answer as they stood then: before the first
  // edition (NO_EDITION) and before a working workbook's own Giltig från (its later rules).
  const working = () => workbookLists(model("Kommun"), { name: null, giltigFran: "2026-07-01" }, false);
  it.each([
    ["before the first edition", () => [NEXT], "2026-01-01", ["2025Q1", "2025Q2", "2026Q1"], "2 rader", ["2025Q1", "2026Q1"], 2026],
    ["answered by a working workbook before its own Giltig från", () => [working()], "2026-07-01", ["2025Q1", "2026Q1", "2026Q3"], "1 rad", ["2026Q1", "2027Q1"], 2027],
  ])("says how many lines lie %s, and when the baseline year is among them", (_what, lists, date, quarters, inBase, laterQuarters, laterBase) => {
    const note = followUpNotesSv(report(lists(), quarters.map((q) => line("Solna", q, "12 22", 5)))).find((n) => n.includes(date))!;
    expect(note).toMatch(/^2 rader/);
    expect(note).toContain(krText(1_000));
    expect(note).toContain(`bland dem ${inBase} i baslinjeåret 2025`);
    const later = report(lists(), laterQuarters.map((q) => line("Solna", q, "12 22", 5)), laterBase);
    expect(followUpNotesSv(later).find((n) => n.includes(date))).not.toContain("baslinjeåret");
  });

  it("counts the baseline year's lines before a first edition in force from mid-year", () => {
    const midYear = datedLists(model("Region"), "2025:2", "2025-07-01");
    const inBase = report([midYear], [line("Solna", "2025Q1", "12 22", 5), line("Solna", "2024Q3", "12 22", 5), line("Solna", "2026Q1", "12 22", 5)], 2025);
    expect(inBase.beforeFirstEdition).toEqual({ lines: 2, ore: 1_000, baselineLines: 1, firstEffective: "2025-07-01" });
    expect(followUpNotesSv(inBase).find((n) => n.includes("2025-07-01"))).toContain("bland dem 1 rad i baslinjeåret 2025");
    const outsideBase = report([midYear], [line("Solna", "2024Q3", "12 22", 5), line("Solna", "2026Q1", "12 22", 5)], 2025);
    expect(outsideBase.beforeFirstEdition?.baselineLines).toBe(0);
    expect(followUpNotesSv(outsideBase).find((n) => n.includes("2025-07-01"))).not.toContain("baslinjeåret");
  });

  it("names each quarter whose change is computed over fewer kommuner than the county has", () => {
    const f = report([OLD, NEXT], [line("Solna", "2025Q1", "12 22", 1), line("Solna", "2026Q1", "12 22", 1), line("Solna", "2025Q2", "12 22", 1), line("Solna", "2026Q2", "12 22", 1)]);
    const notes = followUpNotesSv(f);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain(`2026Q1 1 av ${STOCKHOLM_KOMMUNER.length}, 2026Q2 1 av ${STOCKHOLM_KOMMUNER.length}`);
    expect(notes[0]).toContain("2025");
  });
});

describe("the missing kommuner grid", () => {
  it("has a row per kommun missing in some quarter, 'saknas' where it is, and how many quarters", () => {
    const present = STOCKHOLM_KOMMUNER.filter((k) => k !== "Solna" && k !== "Nacka");
    const f = report([NEXT], [...present.map((k) => line(k, "2026Q1", "12 22", 1)), ...present.map((k) => line(k, "2026Q2", "12 22", 1)), line("Nacka", "2026Q2", "12 22", 1)]);
    const grid = missingGrid(f);
    expect(grid.headers).toEqual(["Kommun", "2026Q1", "2026Q2", "Kvartal utan rader"]);
    expect(grid.rows).toEqual(STOCKHOLM_KOMMUNER.filter((k) => k === "Solna" || k === "Nacka").map((k) => (k === "Solna" ? [k, "saknas", "saknas", "2"] : [k, "saknas", "", "1"])));
  });
});

describe("the reasons for left-out lines", () => {
  it("gives each code its reason, NO_EDITION's without its advice when a note gives it, and an unknown code as itself", () => {
    const f = report([NEXT], [line("Solna", "2025Q1", "12 22", 1)]);
    expect(leftOutReasonSv(f, "NO_EDITION")).not.toBe(LEFT_OUT_REASONS_SV.NO_EDITION);
    expect(leftOutReasonSv(report([NEXT], []), "NO_EDITION")).toBe(LEFT_OUT_REASONS_SV.NO_EDITION);
    expect(leftOutReasonSv(f, "UNLISTED")).toBe(LEFT_OUT_REASONS_SV.UNLISTED);
    expect(leftOutReasonSv(f, "SOMETHING_NEW")).toBe("SOMETHING_NEW");
    expect(leftOutLineReasonSv({ code: "UNLISTED", message: "egen" })).toBe("egen");
    expect(leftOutLineReasonSv({ code: "UNLISTED", message: null })).toBe(LEFT_OUT_REASONS_SV.UNLISTED);
    expect(leftOutLineReasonSv({ code: "X", message: null })).toBe("X");
    expect(Object.keys(KIND_SV).sort()).toEqual(["unassigned", "uncounted", "unreadable"]);
  });
});

describe("the follow-up's words, against a golden file", () => {
  // Every header, note, count word and reason the follow-up's surfaces show, in each variant, as
  // one readable file (test/baselines/followup-texts.txt): a change of wording shows as a diff.
  it("reads as the golden file says", () => {
    const out: string[] = [];
    const section = (title: string, lines: readonly string[]) => out.push(`## ${title}`, ...lines, "");
    const working = workbookLists(model("Kommun"), { name: null, giltigFran: "2026-07-01" }, false);
    const unknown = ["Gnesta", "Knivsta", "Bålsta", "Enköping", "Heby", "Tierp", ""];
    const variants: Array<[string, FollowUp]> = [
      ["no notes", report([OLD, NEXT], STOCKHOLM_KOMMUNER.flatMap((k) => [line(k, "2025Q1", "12 22", 1), line(k, "2026Q1", "12 22", 1)]))],
      ["seven unknown kommun names", report([NEXT], unknown.map((n) => line(n, "2026Q1", "12 22", 10)))],
      ["five unknown kommun names", report([NEXT], unknown.slice(0, 5).map((n) => line(n, "2026Q1", "12 22", 10)))],
      ["before the first edition, baseline year among them", report([NEXT], ["2025Q1", "2025Q2", "2026Q1"].map((q) => line("Solna", q, "12 22", 5)))],
      ["before the first edition, outside the baseline year", report([NEXT], ["2025Q1", "2026Q1"].map((q) => line("Solna", q, "12 22", 5)), 2026)],
      ["answered by later rules, baseline year among them", report([working], ["2025Q1", "2026Q1", "2026Q3"].map((q) => line("Solna", q, "12 22", 5)))],
      ["answered by later rules, outside the baseline year", report([working], ["2026Q1", "2027Q1"].map((q) => line("Solna", q, "12 22", 5)), 2027)],
      ["compared over fewer kommuner", report([OLD, NEXT], [line("Solna", "2025Q1", "12 22", 1), line("Solna", "2026Q1", "12 22", 1), ...STOCKHOLM_KOMMUNER.slice(0, 7).map((k) => line(k, "2026Q1", "12 22", 1)), ...STOCKHOLM_KOMMUNER.filter((k) => k !== "Solna").slice(0, 2).map((k) => line(k, "2025Q1", "12 22", 1))])],
    ];
    section("quarter columns without a baseline year", quarterColumns(report([OLD], [])).map((c) => `${c.header} [${c.kind}]`));
    section("quarter columns with a baseline year", quarterColumns(variants[0]![1]).map((c) => `${c.header} [${c.kind}]`));
    for (const [title, f] of variants) {
      section(`notes: ${title}`, followUpNotesSv(f));
      section(`compared: ${title}`, f.quarters.map((q) => `${q.quarter}: ${comparedText(q)}`));
    }
    const missing = missingGrid(variants[3]![1]);
    section("missing kommuner grid headers", [missing.headers.join(" | ")]);
    section("how a left-out line counts", Object.entries(KIND_SV).map(([k, v]) => `${k}: ${v}`));
    const withNote = variants[3]![1];
    const withoutNote = report([NEXT], []);
    section(
      "reasons",
      Object.keys(LEFT_OUT_REASONS_SV).flatMap((code) => [`${code}: ${leftOutReasonSv(withoutNote, code)}`, ...(leftOutReasonSv(withNote, code) === leftOutReasonSv(withoutNote, code) ? [] : [`${code} (with the note): ${leftOutReasonSv(withNote, code)}`])]),
    );
    section("counts and amounts", [linesSv(0), linesSv(1), linesSv(2), linesSv(1234), krText(123_456_789), krText(-50), pctText(0.031), pctText(-0.205)]);
    expectBaseline("followup-texts", out.join("\n").replace(/[\u00a0\u202f]/g, " "));
  });
});
