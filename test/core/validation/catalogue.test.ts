import { readFileSync } from "node:fs";
import * as path from "node:path";
import { RULES } from "../../../src/core/validation/catalogue";

const DOCS = path.resolve(__dirname, "../../../docs");
const rulesMd = readFileSync(path.join(DOCS, "rules.md"), "utf8");

/** The codes of the table "Checks on the lists" in rules.md. */
function checkCodes(markdown: string): string[] {
  const section = markdown.slice(markdown.indexOf("## Checks on the lists"), markdown.indexOf("## Decisions and publication"));
  return [...section.matchAll(/^\| ([A-Z][A-Z_0-9]+) \|/gm)].map((m) => m[1]!);
}

describe("the rule catalogue", () => {
  it("has unique codes", () => {
    const codes = RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("covers every check of rules.md, in its order, and nothing rules.md does not name", () => {
    const documented = checkCodes(rulesMd);
    expect(documented.length).toBeGreaterThanOrEqual(22);
    expect(RULES.map((r) => r.code)).toEqual(documented);
  });

  it("gives every rule exactly the § of rules.md (a \"—\" stays a \"—\"), a severity and a Swedish description", () => {
    const section = rulesMd.slice(rulesMd.indexOf("## Checks on the lists"));
    for (const rule of RULES) {
      const line = section.split("\n").find((l) => l.startsWith(`| ${rule.code} |`))!;
      expect([rule.code, rule.section]).toEqual([rule.code, line.split("|")[2]!.trim()]);
      expect(rule.section).toMatch(/^(§\d+(\.\d+)*|—)$/);
      expect(["error", "warning", "info"]).toContain(rule.severity);
      expect(rule.descriptionSv.length).toBeGreaterThan(10);
    }
  });

  it("takes severity and the need for a huvudmän decision from rules.md", () => {
    const section = rulesMd.slice(rulesMd.indexOf("## Checks on the lists"));
    for (const rule of RULES) {
      const line = section.split("\n").find((l) => l.startsWith(`| ${rule.code} |`))!;
      const severityCell = line.split("|").at(-2)!.trim();
      // "needs huvudmän decision" alone names no severity: such a finding is a warning.
      const documented = ["error", "warning", "info"].find((s) => severityCell.includes(s)) ?? "warning";
      expect(rule.severity).toBe(documented);
      expect(rule.needsDecision).toBe(severityCell.includes("needs huvudmän decision"));
    }
  });
});
