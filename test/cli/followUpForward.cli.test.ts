/**
 * A follow-up report a kommun economist can forward to a steering group (issue "Nothing lost"):
 * the change against the baseline is computed over the kommuner with lines in both periods, never
 * moved by a kommun whose file is missing; names that are none of the 26 are said apart; a baseline
 * year the given lists do not cover is said, with how to add its edition; missing kommuner form a
 * kommun × quarter grid; and the summary prints on A4 landscape with the chart on its first page.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { editionFromModel, serializeEdition } from "../../src/core/editions/edition";
import { exampleWorkbook } from "../../src/core/example/exampleWorkbook";
import { readWorkbook } from "../../src/core/model";
import { cli } from "../helpers/cli";
import { convertWithLibreOffice } from "../helpers/libreOffice";
import { rawXlsxFile } from "../helpers/xlsxFixtures";

jest.setTimeout(120_000);

const dir = mkdtempSync(path.join(tmpdir(), "kostnadsansvar-forward-"));
const file = (...p: string[]) => path.join(dir, ...p);
const HEADER = "kommun;kvartal;iso;boendeform;ålder;belopp";
type Quarter = { quarter: string; kommun: number; comparison: { kommuner: number; kommun: number; baselineKommun: number; onlyNow: string[]; onlyBaseline: string[] } | null };

beforeAll(() => {
  // 12 22 03 in SÄBO is Kommun in the example. 2025Q2: Solna 1 000, Nacka 1 000. 2026Q2: Solna 1 100,
  // Nacka's file missing, "Täbyy kommun" (a typo) 500. Over everything the kommun's cost fell 20 %;
  // over the kommuner with lines in both quarters it rose 10 %.
  writeFileSync(
    file("kostnader.csv"),
    [HEADER, "Solna;2025Q2;12 22 03;SÄBO;80;1000,00", "Nacka;2025Q2;12 22 03;SÄBO;80;1000,00", "Solna;2026Q2;12 22 03;SÄBO;80;1100,00", "Täbyy kommun;2026Q2;12 22 03;SÄBO;80;500,00"].join("\n") + "\n",
  );
});

describe("a follow-up report one can forward", () => {
  it("computes the change over the kommuner present in both periods and says which are left out and why", async () => {
    const r = await cli("uppföljning", file("kostnader.csv"), "--json");
    const json = JSON.parse(r.out) as { quarters: Quarter[]; notes: string[] };
    const q = json.quarters.find((x) => x.quarter === "2026Q2")!;
    expect(q.kommun).toBe(1600);
    expect(q.comparison).toEqual({ kommuner: 1, kommun: 1100, region: 0, baselineKommun: 1000, baselineRegion: 0, onlyNow: [], onlyBaseline: ["Nacka"] });
    const text = await cli("uppföljning", file("kostnader.csv"));
    expect(text.out).toMatch(/^2026Q2 .* mot 2025: kommun \+10,0 %, region – \(0 kr i baslinjen\) \(1 av 26 kommuner med rader båda kvartalen; saknas nu: Nacka\)$/m);
    expect(text.out).not.toMatch(/−20,0 %/);
    // The typo's 500 kr are in the Kommun total and said to be, apart.
    expect(text.out).toMatch(/^500,00 kr kommer från kommunnamn som inte är någon av länets 26 kommuner \(”Täbyy kommun” \(1 rad, 500,00 kr\)\)\. Beloppen ingår i parternas summor, men inte i jämförelsen mot baslinjen\./m);
    expect(json.notes).toHaveLength(2);
  });

  it("says when the baseline year was answered by a workbook's later rules, and how to add the edition in force then", async () => {
    const raw = exampleWorkbook();
    const withDate = { sheets: raw.sheets.map((s) => (s.name === "Utgåva" ? { ...s, rows: s.rows.map((row) => (row[0] === "Giltig från" ? ["Giltig från", "2026-01-01"] : row)) } : s)) };
    const workbook = await rawXlsxFile(withDate, dir, "arbetsbok.xlsx");
    const alone = await cli("uppföljning", file("kostnader.csv"), "--arbetsbok", workbook, "--json");
    const json = JSON.parse(alone.out) as { answeredByLaterRules: unknown; notes: string[] };
    expect(json.answeredByLaterRules).toEqual({ lines: 2, amount: 2000, baselineLines: 2, statedEffective: "2026-01-01" });
    expect(json.notes.join("\n")).toMatch(/2 rader \(2\s000,00 kr\) ligger före arbetsbokens Giltig från \(2026-01-01\) och har besvarats med dess regler, inte med den utgåva som gällde då \(bland dem 2 rader i baslinjeåret 2025\)\. Lägg till den utgåvan med --utgåva/);
    // With the edition in force in 2025 given, the baseline is answered by it and nothing is said.
    writeFileSync(file("2025-1.json"), serializeEdition(editionFromModel(readWorkbook(exampleWorkbook()), { name: "2025:1", decided: "2024-09-01", effective: "2025-01-01" })));
    const both = JSON.parse((await cli("uppföljning", file("kostnader.csv"), "--arbetsbok", workbook, "--utgåva", file("2025-1.json"), "--json")).out) as { answeredByLaterRules: unknown; notes: string[] };
    expect(both.answeredByLaterRules).toBeNull();
    expect(both.notes.join("\n")).not.toMatch(/Giltig från/);
  });

  it("writes missing kommuner as a kommun × quarter grid and prints the summary on A4 landscape with the chart on its first page", async () => {
    const out = file("rapport.xlsx");
    const r = await cli("uppföljning", file("kostnader.csv"), "--ut", out);
    expect(r.err).toBe("");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const mk = wb.getWorksheet("Saknade kommuner")!;
    expect(mk.getRow(1).values).toEqual([undefined, "Kommun", "2025Q2", "2026Q2", "Kvartal utan rader", undefined, "Okänt kommunnamn (som skrivet)", "Rader", "Belopp"]);
    // 26 kommuner: Solna has lines in both quarters; Nacka misses 2026Q2; the other 24 miss both.
    const rows: unknown[][] = [];
    mk.eachRow((row, n) => n > 1 && row.getCell(1).value && rows.push([row.getCell(1).value, row.getCell(2).value, row.getCell(3).value, row.getCell(4).value]));
    expect(rows).toHaveLength(25);
    expect(rows.find((x) => x[0] === "Nacka")).toEqual(["Nacka", null, "saknas", 1]);
    expect(rows.find((x) => x[0] === "Solna")).toBeUndefined();
    const summary = wb.getWorksheet("Sammanfattning")!;
    expect(summary.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToWidth: 1 });

    const pdf = convertWithLibreOffice([out], "pdf", file("pdf"))[0]!;
    const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout;
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
    expect(/^Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/m.test(info)).toBe(true);
    const page = (n: number) => spawnSync("pdftotext", ["-layout", "-f", String(n), "-l", String(n), pdf, "-"], { encoding: "utf8" }).stdout;
    const first = page(1);
    // Page 1: the notes, the quarter table, then the chart (its title, legend and axis unit), then the reconciliation.
    const at = (t: string) => first.indexOf(t);
    for (const t of ["Att veta om siffrorna", "Per part och kvartal", "Parternas kostnader per kvartal", "Avstämning (till öret)"]) expect([t, at(t) >= 0]).toEqual([t, true]);
    expect(at("Per part och kvartal")).toBeLessThan(at("Parternas kostnader per kvartal"));
    expect(at("Parternas kostnader per kvartal")).toBeLessThan(at("Avstämning (till öret)"));
    expect(first).toMatch(/^\s*kr\s*$/m);
    // The summary fits two pages, each sheet after it one (this report is small): the 156-row list is gone.
    expect(pages).toBeLessThanOrEqual(6);
    const grid = [...Array(pages).keys()].map((i) => page(i + 1)).find((t) => t.includes("Kvartal utan rader"))!;
    expect(grid).toMatch(/Nacka\s+saknas\s+1/);
  });
});
