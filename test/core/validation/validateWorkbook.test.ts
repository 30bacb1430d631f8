import { readWorkbook } from "../../../src/core/model";
import type { Finding } from "../../../src/core/validation/finding";
import { says } from "../../../src/core/validation/messages";
import { cellRef, collector, PARAM_TEXT_CHARS, type Rule } from "../../../src/core/validation/rule";
import { CHANGE_CHECK_CODES, changeChecksNotRunSv, sortFindings, validateWorkbook, validationContext, validationSteps } from "../../../src/core/validation/validateWorkbook";
import { listRow, workbook } from "../../helpers/workbooks";

// The validation run's own parts, in-process: where a finding points, what the collector keeps,
// the reading order, the steps the pane yields between, and what the checks share.

const TABLE = { name: "Bilaga 1", columns: new Map([["iso", { index: 1, header: "ISO-kod" }], ["payer:SÄBO", { index: 28, header: "SÄBO" }]]) };

describe("cellRef: where a finding points", () => {
  it("resolves a field of the table to its header and A1 address", () => {
    expect(cellRef({ table: TABLE, row: 6, column: "payer:SÄBO" })).toEqual({ sheet: "Bilaga 1", row: 6, column: "SÄBO", cell: "AB6" });
    expect(cellRef({ table: TABLE, row: 6, column: { index: 3, header: "Benämning" } })).toEqual({ sheet: "Bilaga 1", row: 6, column: "Benämning", cell: "C6" });
  });

  it("keeps a column the table lacks as its header text, without a cell", () => {
    expect(cellRef({ table: TABLE, row: 6, column: "Motivering" })).toEqual({ sheet: "Bilaga 1", row: 6, column: "Motivering", cell: null });
    expect(cellRef({ table: "Utgåva", row: 3, column: "Värde" })).toEqual({ sheet: "Utgåva", row: 3, column: "Värde", cell: null });
  });

  it("gives no cell without a row or without a column", () => {
    expect(cellRef({ table: TABLE, row: null, column: "iso" })).toEqual({ sheet: "Bilaga 1", row: null, column: "ISO-kod", cell: null });
    expect(cellRef({ table: TABLE, row: 4 })).toEqual({ sheet: "Bilaga 1", row: 4, column: null, cell: null });
    expect(cellRef({ table: TABLE, row: 4, column: null })).toEqual({ sheet: "Bilaga 1", row: 4, column: null, cell: null });
  });
});

const RULE: Rule = { code: "CELL_ERROR", section: "—", severity: "error", needsDecision: false, descriptionSv: "Felvärden.", check: () => undefined };

describe("collector", () => {
  it("keeps the rule's code, severity, § and decision flag with the rendered words and the target's cell", () => {
    const findings: Finding[] = [];
    const related = [{ sheet: "Bilaga 2", row: 3, column: "ISO-kod", cell: "A3" }];
    collector(findings)(RULE, { table: TABLE, row: 6, column: "iso", related }, says("CELL_ERROR", "error", { error: "#N/A" }));
    collector(findings)({ ...RULE, severity: "warning", section: "§2.5", needsDecision: true }, { table: TABLE, row: 7, column: "iso" }, says("CELL_ERROR", "error", { error: "#REF!" }));
    expect(findings.map((f) => [f.code, f.severity, f.section, f.needsDecision, f.sheet, f.row, f.column, f.cell, f.variant, f.params, f.related])).toEqual([
      ["CELL_ERROR", "error", "—", false, "Bilaga 1", 6, "ISO-kod", "A6", "error", { error: "#N/A" }, related],
      ["CELL_ERROR", "warning", "§2.5", true, "Bilaga 1", 7, "ISO-kod", "A7", "error", { error: "#REF!" }, []],
    ]);
    expect(findings[0]!.message).toContain("#N/A");
  });

  it("cuts a parameter's text to PARAM_TEXT_CHARS, and only a text that is longer", () => {
    const findings: Finding[] = [];
    const report = collector(findings);
    report(RULE, { table: TABLE, row: 2 }, says("CELL_ERROR", "error", { error: "x".repeat(PARAM_TEXT_CHARS + 1) }));
    report(RULE, { table: TABLE, row: 3 }, says("CELL_ERROR", "error", { error: "y".repeat(PARAM_TEXT_CHARS) }));
    expect(findings.map((f) => (f.params.error as string).length)).toEqual([PARAM_TEXT_CHARS, PARAM_TEXT_CHARS]);
    expect(findings[0]!.params.error).toBe("x".repeat(PARAM_TEXT_CHARS));
  });

  it("refuses a rule that reports another code's text (a programming error)", () => {
    expect(() => collector([])(RULE, { table: TABLE, row: 2 }, says("PAYER_MISSING", "empty", { what: { code: "12 22", product: null, row: 2 }, headers: ["SÄBO"] }))).toThrow("CELL_ERROR reported a PAYER_MISSING text");
  });
});

const at = (sheet: string, row: number | null, cell: string | null, code = "ISO_FORMAT"): Finding =>
  ({ sheet, row, cell, column: null, code, severity: "error", message: "", variant: "", params: {}, section: "—", needsDecision: false, related: [] }) as Finding;

describe("sortFindings: the reading order", () => {
  it("orders by the workbook's sheets, then row, then column (B before AA), then code; sheets it lacks come last, by name", () => {
    const sorted = sortFindings(
      [at("Övrigt", 1, "A1"), at("Bilaga 2", 2, "A2"), at("Bilaga 1", 9, "AA9"), at("Bilaga 1", 9, "B9", "REGION_AREA"), at("Bilaga 1", 9, "B9", "DUPLICATE"), at("Bilaga 1", 3, null), at("Annat", 1, "A1"), at("Bilaga 1", null, null)],
      ["Bilaga 1", "Bilaga 2"],
    );
    expect(sorted.map((f) => `${f.sheet} ${f.row} ${f.cell} ${f.code}`)).toEqual([
      "Bilaga 1 null null ISO_FORMAT",
      "Bilaga 1 3 null ISO_FORMAT",
      "Bilaga 1 9 B9 DUPLICATE",
      "Bilaga 1 9 B9 REGION_AREA",
      "Bilaga 1 9 AA9 ISO_FORMAT",
      "Bilaga 2 2 A2 ISO_FORMAT",
      "Annat 1 A1 ISO_FORMAT",
      "Övrigt 1 A1 ISO_FORMAT",
    ]);
  });

  it("puts a finding without a cell after the cells of its row", () => {
    expect(sortFindings([at("Bilaga 1", 5, null), at("Bilaga 1", 5, "ZZ5")], ["Bilaga 1"]).map((f) => f.cell)).toEqual(["ZZ5", null]);
  });
});

describe("validationSteps", () => {
  const model = readWorkbook(workbook({ b1: [listRow("12 22", "Manuella rullstolar", ["Kommun", "Kommun", "Kommun", "Kommun"]), listRow("1X 22", "Fel kod", ["Kommun", "Kommun", "Kommun", "Kommun"])] }));

  it("yields once per check, counting to the total, and returns what validateWorkbook gives", () => {
    const rules: Rule[] = [RULE, { ...RULE, check: (_, report) => report(RULE, { table: "Bilaga 1", row: 2 }, says("CELL_ERROR", "error", { error: "#N/A" })) }, RULE];
    const steps = validationSteps(model, { rules });
    const progress: Array<[number, number]> = [];
    let step = steps.next();
    while (!step.done) {
      progress.push([step.value.done, step.value.total]);
      step = steps.next();
    }
    expect(progress).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(step.value.map((f) => [f.code, f.row])).toEqual([["CELL_ERROR", 2]]);
    expect(validateWorkbook(model, { rules })).toEqual(step.value);
  });

  it("reads a raw workbook as validateWorkbook's input too, and runs every check of the catalogue by default", () => {
    const raw = workbook({ b1: [listRow("1X 22", "Fel kod", ["Kommun", "Kommun", "Kommun", "Kommun"])] });
    const codes = validateWorkbook(raw).map((f) => f.code);
    expect(codes).toContain("ISO_FORMAT");
    expect(validateWorkbook(readWorkbook(raw))).toEqual(validateWorkbook(raw));
  });
});

describe("validationContext: what the checks share", () => {
  it("takes the ISO sheet's first title for a code, and has none without the sheet", () => {
    const withIso = readWorkbook(workbook({ iso: [{ "ISO-kod": "12 22", Benämning: "Manuella rullstolar" }, { "ISO-kod": "12 22", Benämning: "Andra raden" }, { "ISO-kod": "x", Benämning: "Ingen kod" }] }));
    expect([...validationContext(withIso).isoTitles!]).toEqual([["12 22", "Manuella rullstolar"]]);
    expect(validationContext(readWorkbook(workbook())).isoTitles).toBeNull();
  });

  it("gives each code's first row in a table, and the bilagor present in order", () => {
    const model = readWorkbook(
      workbook({ b2: [listRow("12 22", "Första", ["Kommun", "Kommun", "Kommun", "Kommun"]), listRow("x", "Ingen kod", ["Kommun", "Kommun", "Kommun", "Kommun"]), listRow("12 22", "Andra", ["Region", "Region", "Region", "Region"])], omit: ["B1"] }),
    );
    const ctx = validationContext(model);
    expect(ctx.bilagor.map((t) => t.key)).toEqual(["B2", "B3", "B4"]);
    const first = ctx.firstRowByCode(ctx.bilagor[0]!);
    expect([...first.keys()]).toEqual(["12 22"]);
    expect(first.get("12 22")!.title).toBe("Första");
    expect(ctx.changes).toEqual([]);
    // With the previous edition the changes since it are computed once, for the change checks.
    const previous = readWorkbook(workbook({ b2: [listRow("12 22", "Första", ["Region", "Region", "Region", "Region"])], omit: ["B1"] }));
    expect(validationContext(model, { name: "2026:1", model: previous }).changes.length).toBeGreaterThan(0);
  });
});

describe("changeChecksNotRunSv", () => {
  it("names every change check, and the previous edition the Utgåva sheet names when there is one", () => {
    const named = changeChecksNotRunSv("2026:1", "Ge --tidigare.");
    const none = changeChecksNotRunSv(null, "Ge --tidigare.");
    for (const code of CHANGE_CHECK_CODES) expect([named, none].every((t) => t.includes(code))).toBe(true);
    expect(named).toContain("2026:1");
    expect([named.endsWith("Ge --tidigare."), none.endsWith("Ge --tidigare.")]).toEqual([true, true]);
    expect(none).not.toBe(named);
    expect(none).not.toContain("Utgåva");
  });
});
