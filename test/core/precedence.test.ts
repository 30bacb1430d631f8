/**
 * The precedence of WHO_PAYS held to the project's own document (docs/rules.md, "Who pays — order
 * of precedence"): the table is read from the file, not copied here. The steps implement its rows
 * in order, every code a step can answer is in the document (the table or the branches listed
 * under it), every § is the document's, and what the steps really answer stays within what they
 * declare.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { BOENDEFORMER } from "../../src/core/boendeform";
import { exampleWorkbook } from "../../src/core/example/exampleWorkbook";
import { isoChain } from "../../src/core/iso";
import { readWorkbook } from "../../src/core/model";
import { valueOf } from "../../src/core/values";
import { buildWhoPaysIndex, parseQuery, WHO_PAYS_SECTIONS, WHO_PAYS_STEPS, type WhoPaysRule } from "../../src/core/whoPays";
import { listRow, withDecisions, type Rec } from "../helpers/workbooks";

const RULES_MD = readFileSync(path.resolve(__dirname, "../../docs/rules.md"), "utf8");

/** The precedence table's rows: number, codes (in backticks) and the § column, in document order. */
function precedenceTable(): Array<{ no: string; codes: string[]; section: string }> {
  const start = RULES_MD.indexOf("## Who pays — order of precedence");
  expect(start).toBeGreaterThan(0);
  const lines = RULES_MD.slice(start).split("\n");
  const rows: Array<{ no: string; codes: string[]; section: string }> = [];
  let inTable = false;
  for (const line of lines) {
    if (line.startsWith("| #")) inTable = true;
    else if (inTable && line.startsWith("| ---")) continue;
    else if (inTable && line.startsWith("|")) {
      const cells = line.split("|").map((c) => c.trim());
      rows.push({ no: cells[1]!, codes: [...cells[2]!.matchAll(/`([A-Z0-9_]+)`/g)].map((m) => m[1]!), section: cells[3]! });
    } else if (inTable) break;
  }
  return rows;
}

/** The text between the table and the "Rows that count" paragraph: the branches. */
const branchesText = () => {
  const from = RULES_MD.indexOf("Branches inside the rows above");
  const to = RULES_MD.indexOf("Rows that count", from);
  expect(from).toBeGreaterThan(0);
  return RULES_MD.slice(from, to);
};

describe("the precedence of docs/rules.md", () => {
  const table = precedenceTable();

  it("is implemented by the steps row by row, in the document's order", () => {
    expect(table.length).toBeGreaterThanOrEqual(10);
    expect(WHO_PAYS_STEPS.flatMap(([, , implementsRules]) => implementsRules)).toEqual(table.flatMap((r) => r.codes));
    // Each step is named as its function, so a failure here and in the branch test names the step.
    expect(WHO_PAYS_STEPS.map(([name, step]) => [name, step.name])).toEqual(WHO_PAYS_STEPS.map(([, step]) => [step.name, step.name]));
  });

  it("lists every code a step can answer with: the table's, and each branch under the table", () => {
    const documented = new Set(table.flatMap((r) => r.codes));
    const branches = branchesText();
    for (const [name, , , stepBranches] of WHO_PAYS_STEPS) {
      for (const code of stepBranches) {
        expect([name, documented.has(code)]).toEqual([name, true]);
        expect([name, code, branches.includes(`\`${code}\``)]).toEqual([name, code, true]);
      }
    }
  });

  it("gives each code the document's §, exactly (LIST and NOT_IN_SCOPE cite one of the §§ listed)", () => {
    for (const row of table) {
      for (const code of row.codes as WhoPaysRule[]) {
        if (code === "LIST" || code === "NOT_IN_SCOPE") continue;
        expect([code, WHO_PAYS_SECTIONS[code as keyof typeof WHO_PAYS_SECTIONS]]).toEqual([code, row.section]);
      }
    }
    const listSections = table.find((r) => r.codes.includes("LIST"))!.section.split(", ");
    expect(listSections).toEqual(expect.arrayContaining(["§3.3", "§4.3"]));
  });

  it("answers, step by step, only with the codes each step declares", () => {
    // The example edition, with a decided exception and an undecided one, asked for every code
    // it names (and the levels above), every housing form, a child and an adult, adapted or not.
    const K = "Kommun";
    const decided: Rec[] = [listRow("22 06 21", "Benförankrade hörapparater", [K, K, "Region", "Region"]), listRow("22 03 09", "Förstoringsglas", [K, K, K, K])];
    const raw = exampleWorkbook();
    const b1 = raw.sheets.find((s) => s.name === "Bilaga 1")!;
    const extra = withDecisions({ b1: decided }, [{ Datum: "2026-03-12", Beslutsreferens: "HMS 1", "ISO-kod": "22 06 21", Bilaga: "Bilaga 1", Beslut: "Kommun" }]);
    const model = readWorkbook({
      sheets: [...raw.sheets.filter((s) => s.name !== "Beslut").map((s) => (s === b1 ? { ...s, rows: [...s.rows, ...extra.sheets[0]!.rows.slice(1).map((r) => [...r])] } : s)), extra.sheets.find((s) => s.name === "Beslut")!],
    });
    const index = buildWhoPaysIndex(model);
    const codes = new Set<string>(["22 06 21", "22 03 09", "99", "12 99 99"]);
    for (const t of Object.values(model.bilagor)) for (const r of t?.rows ?? []) for (const c of isoChain(valueOf(r.iso)?.code ?? "00")) codes.add(c);
    const seen = new Map<string, Set<string>>();
    for (const iso of codes) {
      for (const boendeform of [...BOENDEFORMER, "ordinärt boende"]) {
        for (const age of [12, 80]) {
          for (const specialanpassad of [false, true]) {
            const parsed = parseQuery({ iso, boendeform, age, specialanpassad, date: "2026-11-23" });
            if (!parsed.ok) continue;
            const hit = WHO_PAYS_STEPS.map(([name, step, impl, branches]) => ({ name, answer: step(parsed.query, index), allowed: [...impl, ...branches] })).find((s) => s.answer !== null)!;
            expect([hit.name, iso, boendeform, hit.allowed.includes(hit.answer!.rule)]).toEqual([hit.name, iso, boendeform, true]);
            (seen.get(hit.name) ?? seen.set(hit.name, new Set()).get(hit.name)!).add(hit.answer!.rule);
          }
        }
      }
    }
    // The fixture reaches every step, so the check above covers each of them.
    expect([...seen.keys()].sort()).toEqual(WHO_PAYS_STEPS.map(([name]) => name).sort());
  });
});
