/*
 * The list of changes between two editions, case by case: one row of each kind of change, and what
 * the diff, the change log (its cells, as the CSV and the Ändringslogg sheet hold them), the
 * one-line descriptions and the summary's counts make of it.
 */
import { BOENDEFORM_INFO } from "../../../src/core/boendeform";
import { CHANGE_LOG_HEADERS, changeLogRows, changeSummarySv, describeChangeSv } from "../../../src/core/editions/changeLog";
import { codesIn, countChanges, diffModels, rowLabel, type Change } from "../../../src/core/editions/diff";
import { readWorkbook } from "../../../src/core/model";
import { listRow, workbook, type Rec } from "../../helpers/workbooks";

const K = "Kommun";
const R = "Region";
const ALL_K = [K, K, K, K];
/** The register's short label of the form, as the log (a table) writes it. */
const SABO = BOENDEFORM_INFO.SABO.shortSv;

const BEFORE: Rec[] = [
  listRow("12 22", "Rullstolar", ALL_K, { Beslutsdatum: "2026-01-10", "Giltig från": "2026-04-01" }),
  listRow("12 23", "Elrullstolar", ALL_K),
  listRow("12 24 09", "Drivaggregat", ALL_K),
  listRow("18 09 03", "Stolar", ALL_K, { Beslutsdatum: "2026-01-01" }),
  listRow("15 09", "Hjälpmedel för att äta", ALL_K, { Villkor: "a", "Villkor SÄBO": "x" }),
  listRow("09 12 03", "Toalettstolar", ALL_K),
  listRow("04 24", "Diabetes", ALL_K, { Motivering: "Gammal motivering" }),
];
const AFTER: Rec[] = [
  listRow("12 22", "Rullstolar", [R, K, K, K], { Beslutsdatum: "2026-05-01", "Giltig från": "2026-09-01", Motivering: "Ny metod" }),
  listRow("12 23", "Elrullstolar", ALL_K, { Status: "Utgår" }),
  listRow("12 24 09", "Drivaggregat", ALL_K, { "Giltig från": "2027-01-01" }),
  listRow("18 09 03", "Stolar", ALL_K, { Beslutsdatum: "2026-05-01" }),
  listRow("15 09", "Hjälpmedel för att äta", ALL_K, { Villkor: "b", "Villkor SÄBO": "y" }),
  listRow("09 12 03", "Toalettstolar, förhöjda", ALL_K),
  listRow("12 36", "Lyftar", ALL_K),
];
const B4_BEFORE = [{ "ISO-kod": "12 36", Benämning: "Personlyftar", Kostnadsansvar: R }];
const B4_AFTER = [{ "ISO-kod": "12 36", Benämning: "Personlyftar", Kostnadsansvar: K }];

const model = (b1: Rec[], b4: Rec[]) => readWorkbook(workbook({ b1, b4, formVillkor: true }));
// Made inside each test (not at load), so that mutation testing counts the code it runs as covered by that test.
const changesOf = (): Change[] => diffModels(model(BEFORE, B4_BEFORE), model(AFTER, B4_AFTER));
const ref = (c: Change) => (c.kind === "removed" ? c.before : c.after);

describe("diffModels", () => {
  it("finds one change per kind, in bilaga and row order with removals last; a date beside a payer change is part of it", () => {
    const changes = changesOf();
    expect(changes.map((c) => [c.kind, ref(c).sheet, ref(c).row.row, "boendeform" in c ? (c.boendeform ?? null) : null, "from" in c ? c.from : null, "to" in c ? c.to : null])).toEqual([
      ["payer", "Bilaga 1", 2, "SABO", K, R],
      ["status", "Bilaga 1", 3, null, null, "Utgår"],
      ["giltigFran", "Bilaga 1", 4, null, null, "2027-01-01"],
      ["beslutsdatum", "Bilaga 1", 5, null, "2026-01-01", "2026-05-01"],
      ["villkor", "Bilaga 1", 6, null, "a", "b"],
      ["villkor", "Bilaga 1", 6, "SABO", "x", "y"],
      ["title", "Bilaga 1", 7, null, "Toalettstolar", "Toalettstolar, förhöjda"],
      ["added", "Bilaga 1", 8, null, null, null],
      ["removed", "Bilaga 1", 8, null, null, null],
      ["payer", "Bilaga 4", 2, "SOL_SOCPSYK", R, K],
    ]);
  });

  it("finds nothing between a model and itself", () => {
    expect(diffModels(model(BEFORE, B4_BEFORE), model(BEFORE, B4_BEFORE))).toEqual([]);
  });

  it("counts the kinds as every summary does", () => {
    const changes = changesOf();
    expect(countChanges(changes)).toEqual({ payer: 2, added: 1, removed: 1, status: 1, dates: 2, texts: 3 });
    expect(changeSummarySv(changes)).toBe("2 ändrade betalare, 1 ny rad, 1 borttagen, 1 ändrad status, 2 flyttade datum, 3 ändrade texter");
    expect(changeSummarySv([])).toBe("0 ändrade betalare, 0 nya rader, 0 borttagna, 0 ändrade statusar, 0 flyttade datum, 0 ändrade texter");
  });
});

describe("changeLogRows", () => {
  it("writes one line per change with the row's code, title, form, before, after, dates and motivering", () => {
    const rows = changeLogRows("2026:2", changesOf());
    expect(rows.every((r) => r.length === CHANGE_LOG_HEADERS.length)).toBe(true);
    expect(rows).toEqual([
      ["2026:2", "1", "12 22", "Rullstolar", SABO, K, R, "2026-05-01", "2026-09-01", "Ny metod"],
      ["2026:2", "1", "12 23", "Elrullstolar", "(Status)", "Gällande", "Utgår", "", "", ""],
      ["2026:2", "1", "12 24 09", "Drivaggregat", "(Giltig från)", "", "2027-01-01", "", "2027-01-01", ""],
      ["2026:2", "1", "18 09 03", "Stolar", "(Beslutsdatum)", "2026-01-01", "2026-05-01", "2026-05-01", "", ""],
      ["2026:2", "1", "15 09", "Hjälpmedel för att äta", "(Villkor)", "a", "b", "", "", ""],
      ["2026:2", "1", "15 09", "Hjälpmedel för att äta", `(Villkor) ${SABO}`, "x", "y", "", "", ""],
      ["2026:2", "1", "09 12 03", "Toalettstolar, förhöjda", "(Benämning)", "Toalettstolar", "Toalettstolar, förhöjda", "", "", ""],
      ["2026:2", "1", "12 36", "Lyftar", "", "", "Ny rad", "", "", ""],
      ["2026:2", "1", "04 24", "Diabetes", "", "Fanns", "Borttagen", "", "", ""],
      ["2026:2", "4", "12 36", "Personlyftar", BOENDEFORM_INFO.SOL_SOCPSYK.shortSv, R, K, "", "", ""],
    ]);
  });
});

describe("describeChangeSv", () => {
  it("names the sheet and row of every change, and its before and after where it has them", () => {
    const changes = changesOf();
    for (const c of changes) {
      const line = describeChangeSv(c);
      expect(line.startsWith(`${ref(c).sheet}: ${rowLabel(ref(c).row)} – `)).toBe(true);
      if (c.kind === "payer" || c.kind === "status" || c.kind === "giltigFran" || c.kind === "beslutsdatum") expect(line).toContain(`${c.from ?? (c.kind === "status" ? "Gällande" : "tom")} → ${c.to ?? "tom"}`);
    }
    expect(new Set(changes.map(describeChangeSv)).size).toBe(changes.length);
    const line = (kind: Change["kind"], form?: string) => describeChangeSv(changes.find((c) => c.kind === kind && (form === undefined || ("boendeform" in c && c.boendeform === form)))!);
    expect(line("added").endsWith("– ny rad")).toBe(true);
    expect(line("removed").endsWith("– borttagen")).toBe(true);
    expect(line("title")).toContain("”Toalettstolar”");
    expect(line("villkor").endsWith("Villkor ändrat")).toBe(true);
    expect(line("villkor", "SABO")).toContain(BOENDEFORM_INFO.SABO.nameSv.toLowerCase().slice(0, 10));
  });
});

describe("a text or date written where the cell was empty", () => {
  it("logs an empty before and describes it as tom", () => {
    const before = model([listRow("15 09", "", ALL_K)], []);
    const after = model([listRow("15 09", "Hjälpmedel för att äta", ALL_K, { Beslutsdatum: "2026-05-01", Villkor: "a", "Villkor SÄBO": "x" })], []);
    const changes = diffModels(before, after);
    expect(changes.map((c) => [c.kind, "boendeform" in c ? (c.boendeform ?? null) : null, "from" in c ? c.from : null])).toEqual([
      ["beslutsdatum", null, null],
      ["villkor", null, null],
      ["villkor", "SABO", null],
      ["title", null, null],
    ]);
    expect(changeLogRows("2026:2", changes).map((r) => [r[4], r[5], r[6]])).toEqual([
      ["(Beslutsdatum)", "", "2026-05-01"],
      ["(Villkor)", "", "a"],
      [`(Villkor) ${SABO}`, "", "x"],
      ["(Benämning)", "", "Hjälpmedel för att äta"],
    ]);
    expect(describeChangeSv(changes[0]!).endsWith("– Beslutsdatum tom → 2026-05-01")).toBe(true);
    expect(describeChangeSv(changes[3]!).endsWith("– Benämning ändrad från tom")).toBe(true);
  });
});

describe("the change list's edges", () => {
  // Bilaga 3 rows are known by their product; a payer added where the cell was empty; a removed
  // row keeps no motivering; one change of a kind is counted in the singular.
  const b3 = (payer: string | null, extra: Rec = {}) => [{ "Produkt/behandling": "Sårvårdsmaterial", SÄBO: payer, ...extra }];
  const b3Model = (b1: Rec[], rows: Rec[]) => readWorkbook(workbook({ b1, b3: rows }));

  it("names a bilaga 3 row by its product, with no code, in the log and the description", () => {
    const changes = diffModels(b3Model([], b3(null)), b3Model([], b3(K)));
    expect(changes.map((c) => [c.kind, "from" in c ? c.from : null, "to" in c ? c.to : null])).toEqual([["payer", null, K]]);
    expect(changeLogRows("2026:2", changes)).toEqual([["2026:2", "3", "", "Sårvårdsmaterial", SABO, "", K, "", "", ""]]);
    expect(describeChangeSv(changes[0]!)).toBe(`Bilaga 3: Sårvårdsmaterial – ${BOENDEFORM_INFO.SABO.nameSv}: tom → ${K}`);
    expect(rowLabel(changes[0]!.kind === "removed" ? changes[0]!.before.row : changes[0]!.after.row)).toBe("Sårvårdsmaterial");
  });

  it("says 'tom' for a payer, date or decision date taken away, and writes it empty in the log", () => {
    // A date changed beside a payer is part of that change: the dates are taken away on their own row.
    const before = [listRow("12 22", "Rullstolar", [K, K, K, K]), listRow("12 23", "Elrullstolar", [K, K, K, K], { Beslutsdatum: "2026-01-10", "Giltig från": "2026-04-01" })];
    const after = [listRow("12 22", "Rullstolar", [null, K, K, K]), listRow("12 23", "Elrullstolar", [K, K, K, K])];
    const changes = diffModels(readWorkbook(workbook({ b1: before })), readWorkbook(workbook({ b1: after })));
    expect(changes.map((c) => c.kind)).toEqual(["payer", "giltigFran", "beslutsdatum"]);
    expect(changes.map(describeChangeSv).map((l) => l.slice(l.indexOf("–")))).toEqual([`– ${BOENDEFORM_INFO.SABO.nameSv}: ${K} → tom`, "– Giltig från 2026-04-01 → tom", "– Beslutsdatum 2026-01-10 → tom"]);
    expect(changeLogRows("2026:2", changes).map((r) => [r[4], r[5], r[6]])).toEqual([
      [SABO, K, ""],
      ["(Giltig från)", "2026-04-01", ""],
      ["(Beslutsdatum)", "2026-01-10", ""],
    ]);
  });

  it("writes a title given where there was none, and a removed row without its motivering", () => {
    const changes = diffModels(b3Model([listRow("12 22", "", [K, K, K, K]), listRow("12 23", "Elrullstolar", [K, K, K, K], { Motivering: "Gammal" })], []), b3Model([listRow("12 22", "Rullstolar", [K, K, K, K])], []));
    expect(changes.map((c) => c.kind)).toEqual(["title", "removed"]);
    expect(describeChangeSv(changes[0]!)).toBe("Bilaga 1: 12 22 Rullstolar – Benämning ändrad från tom");
    expect(changeLogRows("2026:2", changes).map((r) => [r[3], r[4], r[5], r[6], r[9]])).toEqual([
      ["Rullstolar", "(Benämning)", "", "Rullstolar", ""],
      ["Elrullstolar", "", "Fanns", "Borttagen", ""],
    ]);
  });

  it("names a row without a title by its code alone", () => {
    const changes = diffModels(b3Model([listRow("12 23", null as unknown as string, [K, K, K, K])], []), b3Model([], []));
    expect(changes.map(describeChangeSv)).toEqual(["Bilaga 1: 12 23 – borttagen"]);
    expect(changeLogRows("2026:2", changes).map((r) => [r[2], r[3]])).toEqual([["12 23", ""]]);
  });

  it("gathers the codes of every bilaga a model has, whichever are missing", () => {
    const m = readWorkbook(workbook({ b1: [listRow("12 22", "Rullstolar", [K, K, K, K])], b4: [{ "ISO-kod": "12 36", Benämning: "Lyftar", Kostnadsansvar: R }], omit: ["B2", "B3"] }));
    expect([...codesIn(m)].sort()).toEqual(["12 22", "12 36"]);
  });

  it("counts one change of each kind in the singular", () => {
    const changes = changesOf().filter((c, i, all) => all.findIndex((d) => countKey(d) === countKey(c)) === i);
    expect(countChanges(changes)).toEqual({ payer: 1, added: 1, removed: 1, status: 1, dates: 1, texts: 1 });
    expect(changeSummarySv(changes)).toBe("1 ändrad betalare, 1 ny rad, 1 borttagen, 1 ändrad status, 1 flyttat datum, 1 ändrad text");
  });
});

/** The count a change falls under (countChanges' groups). */
const countKey = (c: Change) => (c.kind === "giltigFran" || c.kind === "beslutsdatum" ? "dates" : c.kind === "villkor" || c.kind === "title" ? "texts" : c.kind);
