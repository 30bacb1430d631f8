import { codeWithSection, SEVERITY_SV, summarize, summarySv, type DecisionRef, type Finding } from "../../../src/core/validation/finding";
import { groupByCause } from "../../../src/core/validation/group";

// The one grouping and count behind every summary, tile and list (the CLI, the pane and the
// publish check read these), run in-process so a mutation run reaches them.

const DECISION: DecisionRef = { sheet: "Beslut", row: 2, datum: "2026-05-01", referens: "HMS 2026:4" };

function finding(over: Partial<Finding> = {}): Finding {
  return {
    sheet: "Bilaga 1",
    row: 6,
    column: "SÄBO",
    cell: "D6",
    code: "REGION_AREA",
    severity: "error",
    message: "12 22 ligger inom ett regionområde.",
    variant: "default",
    params: {},
    section: "§2.2",
    needsDecision: true,
    related: [],
    ...over,
  };
}

describe("groupByCause", () => {
  it("merges the findings of one cause on one row, with every cell in order, and keeps the first one's place", () => {
    const other = finding({ code: "PAYER_MISSING", severity: "warning", row: 7, cell: "D7", section: "—", needsDecision: false, message: "Betalare saknas." });
    const groups = groupByCause([finding(), other, finding({ column: "LSS bostad", cell: "E6" }), finding({ column: "Daglig verksamhet", cell: "F6" })]);
    expect(groups.map((g) => [g.code, g.severity, g.section, g.needsDecision, g.sheet, g.row, g.message, g.findings.length, g.decision])).toEqual([
      ["REGION_AREA", "error", "§2.2", true, "Bilaga 1", 6, "12 22 ligger inom ett regionområde.", 3, null],
      ["PAYER_MISSING", "warning", "—", false, "Bilaga 1", 7, "Betalare saknas.", 1, null],
    ]);
    expect(groups[0]!.cells).toEqual([
      { sheet: "Bilaga 1", row: 6, column: "SÄBO", cell: "D6" },
      { sheet: "Bilaga 1", row: 6, column: "LSS bostad", cell: "E6" },
      { sheet: "Bilaga 1", row: 6, column: "Daglig verksamhet", cell: "F6" },
    ]);
  });

  it.each<[string, Partial<Finding>]>([
    ["another code", { code: "FORTROENDE" }],
    ["another sheet", { sheet: "Bilaga 2" }],
    ["another row", { row: 7 }],
    ["another message", { message: "Annan text." }],
    ["a recorded decision", { decision: DECISION }],
  ])("keeps apart a finding with %s", (_, over) => {
    expect(groupByCause([finding(), finding(over)]).map((g) => g.findings.length)).toEqual([1, 1]);
  });

  it("merges findings answered by the same decision row, and keeps them apart from another decision's", () => {
    const groups = groupByCause([finding({ decision: DECISION }), finding({ decision: DECISION, cell: "E6" }), finding({ decision: { ...DECISION, row: 3 } })]);
    expect(groups.map((g) => [g.findings.length, g.decision?.row])).toEqual([
      [2, 2],
      [1, 3],
    ]);
  });

  it("never merges findings without a row (a sheet or file as a whole)", () => {
    const sheetWide = finding({ code: "SHEET_MISSING", row: null, cell: null, column: null });
    expect(groupByCause([sheetWide, sheetWide, finding()]).map((g) => [g.code, g.row, g.findings.length])).toEqual([
      ["SHEET_MISSING", null, 1],
      ["SHEET_MISSING", null, 1],
      ["REGION_AREA", 6, 1],
    ]);
  });
});

describe("summarize: one count, problems and cells apart", () => {
  it("counts a grouped finding once as a problem and each of its cells apart", () => {
    const s = summarize([finding(), finding({ cell: "E6" }), finding({ code: "PAYER_MISSING", severity: "warning", needsDecision: false, row: 8 }), finding({ code: "ISO_UNKNOWN", severity: "info", needsDecision: false, row: 9 })]);
    expect(s).toEqual({
      errors: 1,
      warnings: 1,
      info: 1,
      needsDecision: 1,
      decided: 0,
      cells: { errors: 2, warnings: 1, info: 1, needsDecision: 2, decided: 0 },
    });
  });

  it("counts a decided finding only as decided, in problems and cells alike", () => {
    const s = summarize([finding({ decision: DECISION }), finding({ decision: DECISION, cell: "E6" }), finding({ row: 7, severity: "warning" })]);
    expect(s).toEqual({ errors: 0, warnings: 1, info: 0, needsDecision: 1, decided: 1, cells: { errors: 0, warnings: 1, info: 0, needsDecision: 1, decided: 2 } });
  });

  it("counts nothing in an empty review", () => {
    const zero = { errors: 0, warnings: 0, info: 0, needsDecision: 0, decided: 0 };
    expect(summarize([])).toEqual({ ...zero, cells: zero });
  });
});

describe("summarySv: the counts' one wording", () => {
  const counts = (errors: number, warnings: number, info: number, needsDecision = 0, decided = 0) => ({ errors, warnings, info, needsDecision, decided });

  it("names each count with its singular or plural", () => {
    expect(summarySv({ ...counts(1, 1, 1, 1), cells: counts(1, 1, 1, 1) })).toBe("1 fel, 1 varning, 1 upplysning, varav 1 kräver huvudmannabeslut.");
    expect(summarySv({ ...counts(2, 2, 2), cells: counts(2, 2, 2) })).toBe("2 fel, 2 varningar, 2 upplysningar, varav 0 kräver huvudmannabeslut.");
  });

  it("says the cells apart only when they are more than the problems", () => {
    expect(summarySv({ ...counts(1, 0, 0, 1), cells: counts(3, 0, 0, 3) })).toBe("1 fel, 0 varningar, 0 upplysningar (i 3 celler), varav 1 kräver huvudmannabeslut.");
    expect(summarySv({ ...counts(0, 1, 0), cells: counts(0, 0, 1) })).toBe("0 fel, 1 varning, 0 upplysningar, varav 0 kräver huvudmannabeslut.");
    expect(summarySv({ ...counts(0, 0, 0), cells: counts(0, 1, 0) })).toBe("0 fel, 0 varningar, 0 upplysningar (i 1 cell), varav 0 kräver huvudmannabeslut.");
  });

  it("says what is decided, one or many", () => {
    expect(summarySv({ ...counts(0, 0, 0, 0, 1), cells: counts(0, 0, 0, 0, 2) })).toBe("0 fel, 0 varningar, 0 upplysningar, varav 0 kräver huvudmannabeslut; 1 är beslutat.");
    expect(summarySv({ ...counts(0, 0, 0, 0, 2), cells: counts(0, 0, 0, 0, 2) })).toBe("0 fel, 0 varningar, 0 upplysningar, varav 0 kräver huvudmannabeslut; 2 är beslutade.");
  });
});

describe("codeWithSection", () => {
  it("gives the code and its §, or the code alone for a check without one", () => {
    expect(codeWithSection({ code: "REGION_AREA", section: "§2.2" })).toBe("REGION_AREA §2.2");
    expect(codeWithSection({ code: "DUPLICATE", section: "—" })).toBe("DUPLICATE");
  });
});

describe("SEVERITY_SV", () => {
  it("names each severity in Swedish, as the CLI's report and the pane's filter show it", () => {
    expect(SEVERITY_SV).toEqual({ error: "fel", warning: "varning", info: "info" });
  });
});
