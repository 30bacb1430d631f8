import { exampleWorkbook } from "../../../src/core/example/exampleWorkbook";
import { RULES } from "../../../src/core/validation/catalogue";
import type { Finding } from "../../../src/core/validation/finding";
import { FINDING_MESSAGES, renderFinding } from "../../../src/core/validation/messages";
import { PARAM_TEXT_CHARS } from "../../../src/core/validation/rule";
import { validateWorkbook } from "../../../src/core/validation/validateWorkbook";
import { listRow, workbook } from "../../helpers/workbooks";

/*
 * Findings are code + variant + parameters, worded in Swedish in one place
 * (src/core/validation/messages.ts). These tests hold the rules to that: every finding's message
 * is its parameters rendered, and the parameters are the data. That no rule words a message
 * itself is checked in test/repo/findingWords.test.ts.
 */

const only = (findings: readonly Finding[], code: string) => findings.filter((f) => f.code === code);
const data = (f: Finding) => ({ cell: f.cell, variant: f.variant, params: f.params });

describe("finding messages", () => {
  it("has messages for exactly the rules of the catalogue", () => {
    expect(Object.keys(FINDING_MESSAGES).sort()).toEqual(RULES.map((r) => r.code).sort());
  });

  it("renders every finding's message from its variant and parameters alone, and the parameters are plain data", () => {
    const findings = [
      ...validateWorkbook(exampleWorkbook()),
      ...validateWorkbook(
        workbook({
          b1: [
            listRow("12 22", "Manuellt drivna rullstolar", ["Kommun", "x".repeat(1000), null, null]),
            listRow("22 06 15", "Hörapparater", ["Kommun", "Egenansvar", "Kommun", "Region"]),
            listRow("12 22", "Dubblett", ["Kommun", "Kommun", "Kommun", "Kommun"], { Status: "kanske", Beslutsdatum: "igår" }),
          ],
          b4: [{ "ISO-kod": 93312, Benämning: "Duschvagnar", Kostnadsansvar: "Region" }],
        }),
      ),
    ];
    expect(new Set(findings.map((f) => f.code)).size).toBeGreaterThan(5);
    for (const f of findings) {
      expect([f.code, renderFinding({ code: f.code, variant: f.variant, params: f.params })]).toEqual([f.code, f.message]);
      expect(JSON.parse(JSON.stringify(f.params))).toEqual(f.params);
    }
  });

  it("gives the data as parameters: texts, codes, headers, principles and forms", () => {
    const findings = validateWorkbook(
      workbook({
        b1: [
          listRow("12 22", "Manuellt drivna rullstolar", ["Kommun", "x".repeat(1000), null, null]),
          listRow("22 06 15", "Hörapparater", ["Kommun", "Egenansvar", "Kommun", "Region"]),
        ],
        b4: [{ "ISO-kod": 93312, Benämning: "Duschvagnar", Kostnadsansvar: "Region" }],
      }),
    );
    // A huge cell is kept to PARAM_TEXT_CHARS in the data; the message quotes 60 characters and says it cut.
    const invalid = only(findings, "PAYER_INVALID");
    expect(invalid.map(data)).toEqual([{ cell: "D2", variant: "invalid", params: { text: "x".repeat(PARAM_TEXT_CHARS) } }]);
    expect(invalid[0]!.message).toContain(`”${"x".repeat(60)}…”`);
    expect(only(findings, "PAYER_MISSING").map(data)).toEqual([
      { cell: "E2", variant: "empty", params: { what: { code: "12 22", product: null, row: 2 }, headers: ["LSS daglig verksamhet", "SoL dagverksamhet"] } },
      { cell: "F2", variant: "empty", params: { what: { code: "12 22", product: null, row: 2 }, headers: ["LSS daglig verksamhet", "SoL dagverksamhet"] } },
    ]);
    const region = only(findings, "REGION_AREA");
    expect(region.map((f) => f.cell)).toEqual(["C3", "D3", "E3"]);
    expect(region[0]!.params).toEqual({
      iso: "22 06 15",
      principle: "REGION_HORSEL",
      principleCode: "22 06",
      principleSheet: "Principer",
      principleRow: 2,
      payers: [
        { payer: "Kommun", headers: ["SÄBO", "LSS daglig verksamhet"] },
        { payer: "Egenansvar", headers: ["LSS bostad"] },
      ],
    });
    expect(only(findings, "ISO_LEADING_ZERO").map(data)).toEqual([{ cell: "A2", variant: "lost", params: { iso: "09 33 12" } }]);
    expect(only(findings, "SOCPSYK_EXCEPTION").map(data)).toEqual([{ cell: "C2", variant: "notKommun", params: { iso: "09 33 12", exceptionCode: "09 33 12", payer: "Region" } }]);
  });

  it("refuses a rule that reports another rule's words (a programming error)", () => {
    const rogue = { ...RULES[0]!, check: (_ctx: unknown, report: (r: unknown, t: unknown, x: unknown) => void) => report(rogue, { table: "Bilaga 1", row: null }, { code: "CELL_ERROR", variant: "error", params: { error: "#N/A" } }) };
    expect(() => validateWorkbook(workbook({}), { rules: [rogue as unknown as (typeof RULES)[number]] })).toThrow(/reported a CELL_ERROR text/);
  });
});
