/*
 * The checks of the register of matters (Ärenden), one by one: codes and cells, never sentences.
 */
import type { CellValue, RawWorkbook } from "../../../src/core/cells";
import { readWorkbook } from "../../../src/core/model";
import { MATTER_NEXT, MATTER_STATUSES, matterCounts, readMatters, statusReachable } from "../../../src/core/matters";
import { SHEET_SPECS } from "../../../src/core/sheets";
import type { Finding } from "../../../src/core/validation/finding";
import { validateWorkbook } from "../../../src/core/validation/validateWorkbook";
import { BESLUT_HEADERS, listRow, sheet, workbook, type Rec } from "../../helpers/workbooks";
import { todayIso } from "../../../src/core/values";

const K = "Kommun";
const HEADERS = SHEET_SPECS.ARENDEN.columns.map((c) => c.header);

/** A date `days` before today (MATTER_OPEN_LONG counts from today). */
function daysAgo(days: number): string {
  const d = new Date(`${todayIso()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

const MATTERS: Rec[] = [
  // Row 2: in order, recent.
  { Ärende: "2026-01", Inkom: daysAgo(10), Typ: "Tolkningsfråga", "ISO-kod": "12 22 03", Boendeform: "äldreboende", Status: "Bereds" },
  // Row 3: decided by the huvudmän, decision recorded; closed.
  { Ärende: "2026-02", Inkom: "2026-01-05", Typ: "Ändringsförslag", "ISO-kod": "12 23", Status: "Avslutad", Beslut: "HSN 2026/4", Utgåva: "2026:2", Avslutad: "2026-06-01" },
  // Row 4: Beslutad av huvudmännen, but the Beslut sheet has no such reference.
  { Ärende: "2026-03", Inkom: daysAgo(20), Typ: "Ändringsförslag", "ISO-kod": "12 22", Status: "Beslutad av huvudmännen", Beslut: "HSN 2026/99" },
  // Row 5: an edition carried it while it is still Inkommen (skips a step); open long.
  { Ärende: "2026-04", Inkom: daysAgo(200), Typ: "Avvikelse", "ISO-kod": "12 22", Status: "Inkommen", Utgåva: "2026:2" },
  // Row 6: closed date with an open status (goes back); unknown code and housing form.
  { Ärende: "2026-05", Inkom: daysAgo(5), Typ: "Tolkningsfråga", "ISO-kod": "12 2x; 30 30 30", Boendeform: "slott", Status: "Bereds", Avslutad: daysAgo(1) },
  // Row 7: repeated id, unreadable type, status and date.
  { Ärende: "2026-05", Inkom: "i våras", Typ: "Klagomål", Status: "Klar" },
  // Row 8: no id, no Inkom; a new product group's code need not be in the lists.
  { Typ: "Ny produktgrupp", "ISO-kod": "30 30 30", Status: "Inkommen" },
];

function withMatters(matters: Rec[]): RawWorkbook {
  const base = workbook({ b1: [listRow("12 22", "Manuellt drivna rullstolar", [K, K, K, K]), listRow("12 23", "Eldrivna rullstolar", [K, K, K, K])], iso: [{ "ISO-kod": "12 22 03", Benämning: "Manuella rullstolar" }] });
  return {
    sheets: [
      ...base.sheets,
      sheet("Beslut", BESLUT_HEADERS, [{ Datum: "2026-03-01", Beslutsreferens: "HSN 2026/4", "ISO-kod": "12 23", Beslut: "Ja" }]),
      sheet("Ärenden", HEADERS, matters),
    ],
  };
}

// Validated inside each test, not at load: a result computed at load is invisible to Stryker's
// per-test coverage, which then reports every mutant of the rules as survived.
const at = (code: string, list: readonly Finding[] = validateWorkbook(withMatters(MATTERS))) => list.filter((f) => f.code === code).map((f) => `${f.sheet}!${f.cell ?? f.row}`);

describe("the register of matters", () => {
  it("MATTER_INVALID: a missing or repeated id, a date, type or status that cannot be read, a missing Inkom", () => {
    expect(at("MATTER_INVALID").sort()).toEqual(["Ärenden!A7", "Ärenden!B7", "Ärenden!D7", "Ärenden!H7", "Ärenden!A8", "Ärenden!B8"].sort());
  });

  it("MATTER_STATUS_ORDER: a status that goes back (Avslutad date) or skips a step (an edition before a decision)", () => {
    expect(at("MATTER_STATUS_ORDER")).toEqual(["Ärenden!H5", "Ärenden!H6"]);
  });

  it("MATTER_DECISION_MISSING: Beslutad av huvudmännen without the decision in the Beslut sheet", () => {
    expect(at("MATTER_DECISION_MISSING")).toEqual(["Ärenden!I4"]);
  });

  it("MATTER_OPEN_LONG: open longer than 90 days", () => {
    expect(at("MATTER_OPEN_LONG")).toEqual(["Ärenden!B5"]);
  });

  it("MATTER_UNKNOWN: an unreadable code, a code in neither list, an unreadable housing form; a new product group's code is fine", () => {
    expect(at("MATTER_UNKNOWN").sort()).toEqual(["Ärenden!E6", "Ärenden!E6", "Ärenden!F6"]);
  });

  it("MATTER_CHANGE_UNREGISTERED: a change against the previous edition that no matter names", () => {
    const previous = { name: "2026:1", model: readWorkbook(workbook({ b1: [listRow("12 22", "Manuellt drivna rullstolar", [K, K, K, K])] })) };
    // 12 23 is new since 2026:1 and named by matter 2026-02; 09 12 is new and named by none.
    const raw = withMatters(MATTERS);
    const b1 = raw.sheets[0]!;
    (b1.rows as CellValue[][]).push(b1.rows[0]!.map((h) => (h === "ISO-kod" ? "09 12" : h === "Benämning" ? "Toaletthjälpmedel" : typeof h === "string" && ["SÄBO", "LSS bostad", "LSS daglig verksamhet", "SoL dagverksamhet"].includes(h) ? K : null)));
    const withPrevious = validateWorkbook(raw, { previous });
    expect(at("MATTER_CHANGE_UNREGISTERED", withPrevious)).toEqual(["Bilaga 1!A4"]);
    // Without a previous edition the check does not run (and the review says so elsewhere).
    expect(at("MATTER_CHANGE_UNREGISTERED")).toEqual([]);
  });

  it("a workbook without Ärenden gets none of these findings", () => {
    const none = validateWorkbook(workbook({ b1: [listRow("12 22", "Manuellt drivna rullstolar", [K, K, K, K])] }));
    expect(none.filter((f) => f.code.startsWith("MATTER_"))).toEqual([]);
  });

  it("reads codes and housing forms separated by ;, and counts by status and type", () => {
    const matters = readMatters(readWorkbook(withMatters(MATTERS)));
    expect(matters[0]).toMatchObject({ id: "2026-01", codes: ["12 22 03"], forms: ["SABO"], status: "Bereds", type: "Tolkningsfråga" });
    expect(matters[4]!.codes).toEqual(["30 30 30"]);
    const counts = matterCounts(matters);
    expect(counts.byStatus).toMatchObject({ Inkommen: 2, Bereds: 2, "Beslutad av huvudmännen": 1, Avslutad: 1, "(okänd)": 1 });
    expect(counts.byType).toMatchObject({ Tolkningsfråga: 2, Ändringsförslag: 2, Avvikelse: 1, "Ny produktgrupp": 1, "(okänd)": 1 });
  });

  it("the status order: every status reaches Avslutad, nothing leads back, and Lyft till huvudmännen waits for their decision", () => {
    for (const s of MATTER_STATUSES) expect([s, statusReachable(s, "Avslutad")]).toEqual([s, true]);
    for (const [from, next] of Object.entries(MATTER_NEXT)) for (const to of next) expect(MATTER_STATUSES.indexOf(to)).toBeGreaterThan(MATTER_STATUSES.indexOf(from as (typeof MATTER_STATUSES)[number]));
    expect(statusReachable("Lyft till huvudmännen", "Beslutad i samverkansgruppen")).toBe(false);
    expect(MATTER_NEXT["Lyft till huvudmännen"]).toEqual(["Beslutad av huvudmännen"]);
  });
});

/** `Ärenden!B9 noInkom`: the cell and the variant of each finding of a code (the variant is data, not a sentence). */
const variants = (code: string, list: readonly Finding[]) => list.filter((f) => f.code === code).map((f) => `${f.sheet}!${f.cell ?? f.row} ${f.variant}`);

describe("the register of matters, each check's edges", () => {
  it("MATTER_INVALID: a missing field is reported beside another field that cannot be read; an unreadable Avslutad; Avslutad before Inkom, not on the same day", () => {
    const list = validateWorkbook(
      withMatters([
        // Row 2: no Inkom and no Status, an unreadable Typ and Avslutad.
        { Ärende: "2026-06", Typ: "Klagomål", Avslutad: "snart" },
        // Row 3: no Typ, an unreadable Inkom.
        { Ärende: "2026-07", Inkom: "förra året", Status: "Bereds" },
        // Row 4: closed a month before it came in.
        { Ärende: "2026-08", Inkom: "2026-03-01", Typ: "Avvikelse", Status: "Avslutad", Avslutad: "2026-02-01" },
        // Row 5: closed the day it came in, which is fine.
        { Ärende: "2026-09", Inkom: "2026-03-01", Typ: "Avvikelse", Status: "Avslutad", Avslutad: "2026-03-01" },
      ]),
    );
    expect(variants("MATTER_INVALID", list).sort()).toEqual(
      ["Ärenden!B2 noInkom", "Ärenden!D2 unknownType", "Ärenden!K2 notADate", "Ärenden!H2 noStatus", "Ärenden!B3 notADate", "Ärenden!D3 noType", "Ärenden!K4 closedBeforeInkom"].sort(),
    );
  });

  it("MATTER_STATUS_ORDER: each contradiction has its own variant", () => {
    const list = validateWorkbook(
      withMatters([
        { Ärende: "1", Inkom: "2026-01-05", Typ: "Avvikelse", Status: "Bereds", Avslutad: "2026-02-01" },
        { Ärende: "2", Inkom: "2026-01-05", Typ: "Avvikelse", Status: "Avslutad" },
        { Ärende: "3", Inkom: "2026-01-05", Typ: "Avvikelse", Status: "Bereds", Beslut: "HSN 2026/4" },
        { Ärende: "4", Inkom: "2026-01-05", Typ: "Avvikelse", Status: "Inkommen", Utgåva: "2026:2" },
        { Ärende: "5", Inkom: "2026-01-05", Typ: "Avvikelse", Status: "Bereds" },
      ]),
    );
    expect(variants("MATTER_STATUS_ORDER", list)).toEqual(["Ärenden!H2 closedButOpen", "Ärenden!H3 closedNoDate", "Ärenden!H4 decidedButOpen", "Ärenden!H5 editionSkipped"]);
  });

  it("MATTER_DECISION_MISSING: no reference, or one the Beslut sheet lacks; a recorded one is fine", () => {
    const decided = { Inkom: "2026-01-05", Typ: "Ändringsförslag", Status: "Beslutad av huvudmännen" };
    const list = validateWorkbook(withMatters([{ Ärende: "1", ...decided }, { Ärende: "2", ...decided, Beslut: "HSN 2026/99" }, { Ärende: "3", ...decided, Beslut: "hsn 2026/4" }]));
    expect(variants("MATTER_DECISION_MISSING", list)).toEqual(["Ärenden!I2 noReference", "Ärenden!I3 notInBeslut"]);
  });

  it("MATTER_OPEN_LONG: 90 days open is not yet long, 91 is", () => {
    const open = { Typ: "Avvikelse", Status: "Bereds" };
    const list = validateWorkbook(withMatters([{ Ärende: "1", Inkom: daysAgo(90), ...open }, { Ärende: "2", Inkom: daysAgo(91), ...open }]));
    expect(variants("MATTER_OPEN_LONG", list)).toEqual(["Ärenden!B3 open"]);
  });

  it("MATTER_UNKNOWN: a code in the lists but not in the ISO sheet is known", () => {
    const list = validateWorkbook(withMatters([{ Ärende: "1", Inkom: "2026-01-05", Typ: "Avvikelse", "ISO-kod": "12 23; 12 24", Status: "Bereds" }]));
    expect(variants("MATTER_UNKNOWN", list)).toEqual(["Ärenden!E2 unknownCode"]);
    expect(list.find((f) => f.code === "MATTER_UNKNOWN")!.params).toMatchObject({ iso: "12 24" });
  });

  it("MATTER_CHANGE_UNREGISTERED: once per code and bilaga, in the bilaga the change is in; a removed code points at the register", () => {
    const previous = {
      name: "2026:1",
      model: readWorkbook(
        workbook({
          b1: [listRow("12 22", "Manuellt drivna rullstolar", [K, K, K, K]), listRow("12 23", "Eldrivna rullstolar", [K, K, K, K]), listRow("12 24", "Tillbehör till rullstolar", [K, K, K, K])],
          b2: [listRow("09 12", "Toaletthjälpmedel", [K, K, K, K])],
        }),
      ),
    };
    const R = "Region";
    const current = workbook({
      // 12 22 changes payer in two forms (two changes, one finding); 12 24 is removed.
      b1: [listRow("12 22", "Manuellt drivna rullstolar", [R, R, K, K]), listRow("12 23", "Eldrivna rullstolar", [K, K, K, K])],
      b2: [listRow("09 12", "Toaletthjälpmedel", [R, K, K, K])],
    });
    const raw = { sheets: [...current.sheets, sheet("Ärenden", HEADERS, [{ Ärende: "1", Inkom: "2026-01-05", Typ: "Avvikelse", "ISO-kod": "12 23", Status: "Bereds" }])] };
    expect(variants("MATTER_CHANGE_UNREGISTERED", validateWorkbook(raw, { previous })).sort()).toEqual(["Bilaga 1!A2 noMatter", "Bilaga 2!A2 noMatter", "Ärenden!null noMatter"].sort());
  });

  it("no register, no findings, even with changes against a previous edition", () => {
    const previous = { name: "2026:1", model: readWorkbook(workbook({ b1: [listRow("12 22", "Manuellt drivna rullstolar", [K, K, K, K])] })) };
    const list = validateWorkbook(workbook({ b1: [listRow("12 22", "Manuellt drivna rullstolar", ["Region", K, K, K])] }), { previous });
    // The change checks ran (the payer change is seen), the register's did not.
    expect(list.map((f) => f.code)).toContain("CHANGE_UNDOCUMENTED");
    expect(list.filter((f) => f.code.startsWith("MATTER_"))).toEqual([]);
  });
});

