/**
 * The follow-up accounts for every krona (issue "Nothing lost"): every file in a folder is read or
 * named with its reason; .xlsm and .tsv are read, .ods named; every sheet with cost columns is read;
 * LF, CRLF and lone-CR line ends all count; a line wider than its header, a second belopp column
 * and a third decimal are refused with their reasons; and for generated files the input total is
 * assigned + unassigned + unreadable, to the öre.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { cli } from "../helpers/cli";
import { toBuffer } from "../helpers/xlsxFixtures";

type Json = {
  inputs: Array<{ file: string; lines: number; amount: string; problem: string | null }>;
  totals: { input: number; assigned: number; unassigned: number; unreadableQuarter: number; balanced: boolean };
  problems: Array<{ file: string; line: number | null; code: string }>;
};
const HEADER = "kommun;kvartal;iso;boendeform;ålder;belopp";
const ore = (kr: string | number) => Math.round(Number(String(kr).replace(/\s/g, "").replace(",", ".")) * 100);

async function costWorkbook(sheets: Record<string, string[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  return toBuffer(wb);
}

describe("the follow-up loses nothing", () => {
  it("reads or names every file of a folder, every sheet with cost columns, and every kind of line end", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "kostnadsansvar-nothing-lost-"));
    const costs = path.join(dir, "kostnader");
    mkdirSync(costs);
    const rows = (kommun: string, amount: string) => [kommun, "2026Q1", "12 22 03", "SÄBO", "80", amount];
    // Lone CR (an old Mac file), CRLF and LF.
    writeFileSync(path.join(costs, "a-cr.csv"), [HEADER, "Solna;2026Q1;12 22 03;SÄBO;80;100,00", "Solna;2026Q1;12 22 03;SÄBO;80;200,00"].join("\r"));
    writeFileSync(path.join(costs, "b-crlf.csv"), [HEADER, "Nacka;2026Q1;12 22 03;SÄBO;80;300,00"].join("\r\n") + "\r\n");
    writeFileSync(path.join(costs, "c.tsv"), [HEADER.replace(/;/g, "\t"), "Täby\t2026Q1\t12 22 03\tSÄBO\t80\t400,00"].join("\n"));
    // An .xlsm with two quarters on two sheets and a notes sheet.
    writeFileSync(path.join(costs, "d.xlsm"), await costWorkbook({ Q1: [HEADER.split(";"), rows("Huddinge", "500,00")], Q2: [HEADER.split(";"), ["Huddinge", "2026Q2", "12 22 03", "SÄBO", "80", "600,00"]], Anteckningar: [["Se mejl från ekonomen"]] }));
    writeFileSync(path.join(costs, "e.ods"), "PK\u0003\u0004 not really");
    writeFileSync(path.join(costs, "f.pdf"), "%PDF-1.4");
    const r = await cli("uppföljning", costs, "--json");
    const json = JSON.parse(r.out) as Json;
    // 100 + 200 + 300 + 400 + 500 + 600 kr read, to the öre.
    expect(json.totals.input).toBe(2100);
    expect(json.inputs.map((i) => [path.basename(i.file), i.lines, i.problem === null])).toEqual([
      ["a-cr.csv", 2, true],
      ["b-crlf.csv", 1, true],
      ["c.tsv", 1, true],
      ["d.xlsm, blad Q1", 1, true],
      ["d.xlsm, blad Q2", 1, true],
      ["e.ods", 0, false],
      ["f.pdf", 0, false],
    ]);
    expect(json.inputs.find((i) => i.file.endsWith("e.ods"))!.problem).toMatch(/sparad som \.ods.*spara den som \.xlsx eller CSV/);
    // Files not read: exit 1.
    expect(r.code).toBe(1);
    const text = await cli("uppföljning", costs);
    expect(text.out).toMatch(/Blad utan kostnadskolumner lästes inte: d\.xlsm: Anteckningar\./);
  });

  it("refuses a line wider than its header, a second belopp column and a third decimal, with their reasons", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "kostnadsansvar-refuse-"));
    const comma = path.join(dir, "komma.csv");
    writeFileSync(comma, ["kommun,kvartal,iso,boendeform,ålder,belopp", "Solna,2026Q1,12 22 03,SÄBO,80,2 450,50", "Solna,2026Q1,12 22 03,SÄBO,80,1,234", 'Solna,2026Q1,12 22 03,SÄBO,80,"100,00"'].join("\n"));
    const two = path.join(dir, "två.csv");
    writeFileSync(two, ["kommun;kvartal;iso;boendeform;belopp;belopp", "Solna;2026Q1;12 22 03;SÄBO;100;200"].join("\n"));
    const decimals = path.join(dir, "decimaler.csv");
    writeFileSync(decimals, [HEADER, "Solna;2026Q1;12 22 03;SÄBO;80;1,234", "Solna;2026Q1;12 22 03;SÄBO;80;12,50"].join("\n"));
    const json = JSON.parse((await cli("uppföljning", comma, two, decimals, "--json")).out) as Json;
    const codes = json.problems.map((p) => [path.basename(p.file), p.line, p.code]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ["komma.csv", 2, "CSV_ROW_WIDTH"],
        ["komma.csv", 3, "CSV_ROW_WIDTH"],
        ["två.csv", null, "COLUMNS_DUPLICATE"],
        ["decimaler.csv", 2, "AMOUNT_INVALID"],
      ]),
    );
    // Only the amounts that could be read exactly: 100,00 and 12,50.
    expect(json.totals.input).toBe(112.5);
    // The console counts a file refused for its columns in files, with its reason in words.
    const text = (await cli("uppföljning", comma, two, decimals)).out;
    expect(text).toMatch(/COLUMNS_DUPLICATE: 1 fil, /);
    expect(text).not.toMatch(/COLUMNS_DUPLICATE: 1 rad/);
  });

  it("reconciles to the öre for generated files with every line end and malformed lines", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "kostnadsansvar-recon-"));
    const line = fc.oneof(
      fc.record({ kind: fc.constant("ok" as const), kr: fc.integer({ min: 0, max: 99_999 }), ore: fc.integer({ min: 0, max: 99 }), quarter: fc.constantFrom("2026Q1", "2026Q2", "Q9 2026") }),
      fc.record({ kind: fc.constant("wide" as const) }),
      fc.record({ kind: fc.constant("decimals" as const) }),
      fc.record({ kind: fc.constant("blank" as const) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 30 }), fc.constantFrom("\n", "\r\n", "\r"), async (lines, eol) => {
        let expected = 0;
        const text = [
          HEADER,
          ...lines.map((l) => {
            if (l.kind === "wide") return "Solna;2026Q1;12 22 03;SÄBO;80;1;2";
            if (l.kind === "decimals") return "Solna;2026Q1;12 22 03;SÄBO;80;3,141";
            if (l.kind === "blank") return ";;;;;";
            const amount = `${l.kr},${String(l.ore).padStart(2, "0")}`;
            expected += ore(amount);
            return `Solna;${l.quarter};12 22 03;SÄBO;80;${amount}`;
          }),
        ].join(eol);
        const file = path.join(dir, "g.csv");
        writeFileSync(file, text);
        const json = JSON.parse((await cli("uppföljning", file, "--json")).out) as Json;
        const t = json.totals;
        expect(ore(t.input)).toBe(expected);
        expect(ore(t.assigned) + ore(t.unassigned) + ore(t.unreadableQuarter)).toBe(ore(t.input));
        expect(t.balanced).toBe(true);
        expect(json.problems.filter((p) => p.code === "CSV_ROW_WIDTH")).toHaveLength(lines.filter((l) => l.kind === "wide").length);
        expect(json.problems.filter((p) => p.code === "AMOUNT_INVALID")).toHaveLength(lines.filter((l) => l.kind === "decimals").length);
      }),
      { numRuns: 25 },
    );
  });
});
