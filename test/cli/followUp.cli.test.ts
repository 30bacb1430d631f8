import { createHash } from "node:crypto";
import { linkSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import ExcelJS from "exceljs";
import { HyperFormula } from "hyperformula";
import JSZip from "jszip";
import { editionFromModel, serializeEdition } from "../../src/core/editions/edition";
import { exampleWorkbook } from "../../src/core/example/exampleWorkbook";
import { readWorkbook } from "../../src/core/model";
import { writeBilagorXlsx } from "../../src/node/writeXlsx";
import { run as runCli } from "../../src/cli/main";
import { cli } from "../helpers/cli";
import { listRow, workbook } from "../helpers/workbooks";

const dir = mkdtempSync(path.join(tmpdir(), "kostnadsansvar-follow-up-"));
const file = (...names: string[]) => path.join(dir, ...names);
const sha = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");
const NBSP = "\u00a0";
/** Windows-1252 bytes of a text in its Latin-1 range (å, ä, ö, Å, Ä, Ö are the same there). */
const latin1 = (text: string) => Buffer.from(text, "latin1");
const NNBSP = "\u202f";

// Solna: semicolons, BOM, CRLF; quarters as 2025Q1, Kv 1 2026, a date, Q1 2026; a year 0000; an amount of 400 digits.
const SOLNA = [
  "kommun;kvartal;iso;boendeform;ålder;belopp",
  "Solna;2025Q1;12 22 03;SÄBO;80;1 000,00",
  "Solna;Kv 1 2026;12 22 03;SÄBO;80;2 450,50",
  `Solna stad;2026-02-11;22 06 15;SÄBO;;1${NBSP}200,25`,
  "SOLNA;Q1 2026;12 22 03;SÄBO;;500",
  "Solna;0000Q1;12 22 03;SÄBO;80;10",
  `Solna;2026Q1;12 22 03;SÄBO;80;${"9".repeat(400)}`,
];
// Nacka: commas, no BOM, LF, a date column; a narrow no-break space; a date outside its quarter; öre that float sums would blur.
const NACKA = [
  "kommun,kvartal,datum,iso,boendeform,ålder,belopp",
  `Nacka kommun,2026Q1,2026-03-31,12 22 03,SÄBO,12,"3${NNBSP}000,75"`,
  "Nacka,2026Q1,2026-04-01,12 22 03,SÄBO,80,40",
  'Nacka,2025Q1,,15 09,SÄBO,80,"0,10"',
  'Nacka,2025Q1,,15 09,SÄBO,80,"0,20"',
  "Gnesta,2026Q1,,22 06 15,SÄBO,80,7",
  '"=HYPERLINK(""http://x"")",2026Q1,,22 06 15,SÄBO,80,1',
];

async function tabyXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Kostnader Täby");
  ws.addRow(["Kommun", "Kvartal", "ISO-kod", "Boendeform", "Ålder", "Belopp"]);
  ws.addRow(["Täby", "2026Q1", "12 22 03", "SÄBO", 70, 1234.56]);
  ws.addRow(["Taby kommun", new Date(Date.UTC(2025, 1, 1)), "22 06 15", "SÄBO", 70, 0.3]);
  ws.addRow(["Österåker", "2026Q1", "12 22", "ordinärt boende", 70, 1e308]);
  ws.addRow(["Osteraker", "2026Q1", "12 22", "ordinärt boende", 70, 66]);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

beforeAll(async () => {
  mkdirSync(file("in"));
  writeFileSync(file("in", "solna.csv"), "\ufeff" + SOLNA.join("\r\n") + "\r\n");
  writeFileSync(file("in", "nacka.csv"), NACKA.join("\n"));
  writeFileSync(file("taby.xlsx"), await tabyXlsx());
  writeFileSync(file("trasig.xlsx"), "PK\u0003\u0004 inget riktigt arkiv");
});

const run = (...extra: string[]) => cli("follow-up", file("in"), file("taby.xlsx"), file("trasig.xlsx"), ...extra);

describe("follow-up over several files", () => {
  it("totals per party and quarter to the öre, by hand: every file read on its own, the unreadable one reported", async () => {
    const r = await run("--json");
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(json.baselineYear).toBe(2025);
    // By hand (öre): 2025Q1 kommun 1000,00 (Solna) · region 0,30 (Täby, a date) · unassigned 0,10 + 0,20 (UNLISTED);
    // 2026Q1 kommun 2450,50 + 1234,56 · region 1200,25 + 3000,75 (a child) + 7 + 1 · unassigned 500 (AGE_MISSING) + 66 (NOT_IN_SCOPE).
    // Compared (kommuner of the county with lines in both quarters): Solna, Nacka (0,30 unassigned in 2025Q1) and Täby;
    // Österåker only in 2026Q1. Gnesta (7) and the formula-looking name (1) are unknown names, in the region total.
    const unknown = { kommun: 0, region: 8, egenansvar: 0, unassigned: 0 };
    const comparison = { kommuner: 3, kommun: 2450.5 + 1234.56, region: 1200.25 + 3000.75, baselineKommun: 1000, baselineRegion: 0.3, onlyNow: ["Österåker"], onlyBaseline: [] };
    expect(json.quarters).toEqual([
      { quarter: "2025Q1", kommun: 1000, region: 0.3, egenansvar: 0, unassigned: 0.3, baseline: null, comparison: null, unknownKommunNames: null },
      { quarter: "2026Q1", kommun: 3685.06, region: 4209, egenansvar: 0, unassigned: 566, baseline: { kommun: 1000, region: 0.3, egenansvar: 0, unassigned: 0.3 }, comparison, unknownKommunNames: unknown },
    ]);
    // Unreadable: 10 (year 0000) + 40 (date in Q2 for a Q1 line); the 400-digit amount and 1e308 are not amounts.
    expect(json.totals).toEqual({ input: 9510.66, assigned: 8894.36, unassigned: 566.3, unreadableQuarter: 50, balanced: true });
    expect(json.inputs).toEqual([
      { file: file("in", "nacka.csv"), sha256: sha(file("in", "nacka.csv")), lines: 6, amount: 3049.05, problem: null },
      { file: file("in", "solna.csv"), sha256: sha(file("in", "solna.csv")), lines: 6, amount: 5160.75, problem: null },
      { file: file("taby.xlsx"), sha256: sha(file("taby.xlsx")), lines: 4, amount: 1300.86, problem: null },
      { file: file("trasig.xlsx"), sha256: sha(file("trasig.xlsx")), lines: 0, amount: 0, problem: expect.stringMatching(/trasig\.xlsx/) },
    ]);
    expect(json.leftOut).toEqual({
      AGE_MISSING: { lines: 1, amount: 500 },
      AMOUNT_INVALID: { lines: 2, amount: 0 },
      UNLISTED: { lines: 2, amount: 0.3 },
      QUARTER_INVALID: { lines: 1, amount: 10 },
      DATE_OUTSIDE_QUARTER: { lines: 1, amount: 40 },
      NOT_IN_SCOPE: { lines: 1, amount: 66 },
      FILE_UNREADABLE: { lines: 1, amount: 0 },
    });
    expect(json.problems.map((p: { file: string; line: number | null; code: string }) => [path.basename(p.file), p.line, p.code])).toEqual([
      ["nacka.csv", 3, "DATE_OUTSIDE_QUARTER"],
      ["solna.csv", 6, "QUARTER_INVALID"],
      ["solna.csv", 7, "AMOUNT_INVALID"],
      ["taby.xlsx", 4, "AMOUNT_INVALID"],
      ["trasig.xlsx", null, "FILE_UNREADABLE"],
    ]);
    expect(json.unassignedLines.map((u: { file: string; line: number; code: string }) => [path.basename(u.file), u.line, u.code])).toEqual([
      ["nacka.csv", 4, "UNLISTED"],
      ["nacka.csv", 5, "UNLISTED"],
      ["solna.csv", 5, "AGE_MISSING"],
      ["taby.xlsx", 5, "NOT_IN_SCOPE"],
    ]);
    // Kommun names matched to the 26 whatever their case, suffix or å/ä/ö; unknown ones kept as written.
    expect(json.byKommunQuarter).toContainEqual({ kommun: "Täby", quarter: "2025Q1", known: true, kommunAmount: 0, regionAmount: 0.3, egenansvarAmount: 0, unassignedAmount: 0 });
    expect(json.byKommunQuarter).toContainEqual({ kommun: "Solna", quarter: "2026Q1", known: true, kommunAmount: 2450.5, regionAmount: 1200.25, egenansvarAmount: 0, unassignedAmount: 500 });
    expect(json.byKommunQuarter).toContainEqual({ kommun: "Österåker", quarter: "2026Q1", known: true, kommunAmount: 0, regionAmount: 0, egenansvarAmount: 0, unassignedAmount: 66 });
    expect(json.unknownKommuner).toEqual([
      { name: '=HYPERLINK("http://x")', lines: 1, amount: 1 },
      { name: "Gnesta", lines: 1, amount: 7 },
    ]);
    expect(json.missingKommuner["2025Q1"]).toHaveLength(23);
    expect(json.missingKommuner["2025Q1"]).not.toContain("Nacka");
    expect(json.missingKommuner["2026Q1"]).toHaveLength(22);
    expect(json.missingKommuner["2026Q1"]).toContain("Botkyrka");
    expect(json.missingKommuner["2026Q1"]).not.toContain("Österåker");
    // The built-in example answers when no edition is given; it has no file, so no hash.
    expect(json.editions).toEqual([{ name: "Exempel 2026 (ej officiell)", decided: null, effective: null, hash: null }]);
  });

  it("answers a line without age only when the payer does not depend on it, or as an adult with --ålder-saknas vuxen", async () => {
    const json = JSON.parse((await run("--json", "--ålder-saknas", "vuxen")).out);
    expect(json.options).toEqual({ ageMissing: "vuxen" });
    expect(json.quarters[1]).toMatchObject({ quarter: "2026Q1", kommun: 4185.06, unassigned: 66 });
    expect(json.leftOut.AGE_MISSING).toBeUndefined();
    expect(json.totals).toMatchObject({ assigned: 9394.36, unassigned: 66.3, balanced: true });
    for (const alias of [
      ["--alder-saknas", "vuxen"],
      ["--missing-age", "adult"],
    ]) {
      expect(JSON.parse((await run("--json", ...alias)).out).totals.assigned).toBe(9394.36);
    }
    const bad = await run("--ålder-saknas", "barn");
    expect([bad.code, bad.err]).toEqual([2, expect.stringMatching(/tar bara värdet vuxen/)]);
  });

  it("groups left-out lines by reason on the console with counts, sums and at most three examples", async () => {
    const r = await run();
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Summa indata 9\s510,66 kr = fördelat 8\s894,36 kr \+ ej fördelat 566,30 kr \+ oläsbart 50,00 kr: stämmer till öret\./);
    expect(r.out).toMatch(/^ {2}AGE_MISSING: 1 rad, 500,00 kr \(ej fördelat\)\. .*T\.ex\. solna\.csv rad 5\.$/m);
    expect(r.out).toMatch(/^ {2}UNLISTED: 2 rader, 0,30 kr .*T\.ex\. nacka\.csv rad 4, nacka\.csv rad 5\.$/m);
    expect(r.out).toMatch(/Kunde inte läsas: trasig\.xlsx/);
    expect(r.out).toMatch(/^8,00 kr kommer från kommunnamn som inte är någon av länets 26 kommuner \(.*”Gnesta” \(1 rad, 7,00 kr\).*\)\. Beloppen ingår i parternas summor, men inte i jämförelsen mot baslinjen\./m);
    expect(r.out).toMatch(/2026Q1: 22 av 26 kommuner saknar rader/);
    expect(r.out).not.toMatch(/∞|Infinity|NaN|Oväntat/);
  });

  it("writes a long --json list in pieces, waiting for the reader after each, and the same JSON as a sink that keeps everything", async () => {
    // 10 000 unlisted lines: more than two pieces of the unassignedLines list.
    writeFileSync(file("manga.csv"), ["kommun;kvartal;iso;boendeform;ålder;belopp", ...Array.from({ length: 10_000 }, (_, i) => `Solna;2026Q1;15 09;SÄBO;80;${i + 1}`)].join("\n"));
    let paced = "";
    let waits = 0;
    const code = await runCli(["follow-up", file("manga.csv"), "--json"], {
      out: (t) => (paced += t.endsWith("\n") ? t : t + "\n"),
      err: () => undefined,
      drained: async () => {
        waits++;
      },
    });
    const kept = await cli("follow-up", file("manga.csv"), "--json");
    expect([code, kept.code]).toEqual([1, 1]);
    expect(waits).toBe(2);
    expect(paced).toBe(kept.out);
    const json = JSON.parse(paced) as { unassignedLines: Array<{ line: number; amount: number; code: string }> };
    expect(json.unassignedLines.map((l) => l.line)).toEqual(Array.from({ length: 10_000 }, (_, i) => i + 2));
    expect(json.unassignedLines.reduce((n, l) => n + l.amount, 0)).toBe(50_005_000);
  });

  it("exits 2 only when nothing could be read, and 0 when every line got a payer", async () => {
    writeFileSync(file("tom.csv"), "");
    const none = await cli("follow-up", file("trasig.xlsx"), file("tom.csv"), file("saknas.csv"));
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/Ingen av filerna kunde läsas/);
    expect(none.err).toMatch(/saknas\.csv finns inte/);
    writeFileSync(file("ren.csv"), "kommun;kvartal;iso;boendeform;ålder;belopp\nSolna;2026Q1;12 22 03;SÄBO;80;100\n");
    expect((await cli("follow-up", file("ren.csv"))).code).toBe(0);
  });

  it("reads Swedish Excel's Windows-1252 CSV and its UTF-16 Unicode text as well as UTF-8 (kommun and header with å/ä/ö)", async () => {
    const lines = ["kommun;kvartal;iso;boendeform;ålder;belopp", "Österåker;2026Q1;12 22 03;SÄBO;80;100,00", "Södertälje;2026Q1;12 22 03;SÄBO;80;50,25"];
    writeFileSync(file("ansi.csv"), latin1(lines.join("\r\n")));
    writeFileSync(file("unicode.csv"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines.join("\r\n").replace(/;/g, "\t"), "utf16le")]));
    for (const name of ["ansi.csv", "unicode.csv"]) {
      const r = await cli("follow-up", file(name), "--json");
      expect([name, r.code]).toEqual([name, 0]);
      const json = JSON.parse(r.out);
      // By hand: 100,00 + 50,25, both attributed (12 22 03 in SÄBO for an adult is Kommun in the example).
      expect(json.totals).toMatchObject({ input: 150.25, assigned: 150.25, balanced: true });
      expect(json.unknownKommuner).toEqual([]);
      expect(json.byKommunQuarter.map((k: { kommun: string; kommunAmount: number }) => [k.kommun, k.kommunAmount]).sort()).toEqual([["Södertälje", 50.25], ["Österåker", 100]]);
    }
  });

  it("names the missing columns of a file without them (exit 2 when it is the only one)", async () => {
    writeFileSync(file("fel.csv"), "a,b\n1,2\n");
    const r = await cli("follow-up", file("fel.csv"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/fel\.csv saknar kolumnerna kommun, kvartal, iso, boendeform, belopp i rubrikraden/);
  });

  it("reads a quoted field across lines, and leaves out only the line whose quote never closes", async () => {
    writeFileSync(
      file("citat.csv"),
      ["kommun;kvartal;iso;boendeform;ålder;belopp", '"Sol\nna";2026Q1;12 22 03;SÄBO;80;1', 'Solna;"2026Q1;12 22 03;SÄBO;80;2', "Solna;2026Q1;12 22 03;SÄBO;80;4"].join("\n"),
    );
    const json = JSON.parse((await cli("follow-up", file("citat.csv"), "--json")).out);
    expect(json.problems.map((p: { line: number; code: string }) => [p.line, p.code])).toEqual([[4, "CSV_QUOTE_UNCLOSED"]]);
    expect(json.totals.input).toBe(5);
    // A line break inside a quoted name is white space to the kommun match.
    expect(json.byKommunQuarter).toEqual([{ kommun: "Solna", quarter: "2026Q1", known: true, kommunAmount: 5, regionAmount: 0, egenansvarAmount: 0, unassignedAmount: 0 }]);
  });

  it("groups lines before the first edition and says what to do", async () => {
    const edition = editionFromModel(readWorkbook(exampleWorkbook()), { name: "2026:1", decided: "2025-10-01", effective: "2026-01-01" });
    writeFileSync(file("2026-1.json"), serializeEdition(edition));
    writeFileSync(
      file("tidig.csv"),
      ["kommun;kvartal;iso;boendeform;ålder;belopp", "Solna;2025Q3;12 22 03;SÄBO;80;1 000,00", "Solna;2025Q4;12 22 03;SÄBO;80;234,56", "Solna;2026Q1;12 22 03;SÄBO;80;5"].join("\n"),
    );
    const r = await cli("follow-up", file("tidig.csv"), "--edition", file("2026-1.json"));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^2 rader \(1\s234,56 kr\) ligger före den första utgåvan som gavs \(2026-01-01\), bland dem 2 rader i baslinjeåret 2025, och fördelas inte\. Lägg till den utgåva som gällde då med --utgåva\.$/m);
    expect(r.out.match(/--utgåva/g)).toHaveLength(1);
    expect(r.out.split("\n").filter((l) => l.includes("NO_EDITION"))).toHaveLength(1);
    const json = JSON.parse((await cli("follow-up", file("tidig.csv"), "--edition", file("2026-1.json"), "--json")).out);
    expect(json.beforeFirstEdition).toEqual({ lines: 2, amount: 1234.56, baselineLines: 2, firstEffective: "2026-01-01" });
    expect(json.editions).toEqual([{ name: "2026:1", decided: "2025-10-01", effective: "2026-01-01", hash: edition.hash }]);
  });
});

describe("follow-up --out", () => {
  const read = async (f: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(f) as unknown as ExcelJS.Buffer);
    return wb;
  };
  const rowOf = (ws: ExcelJS.Worksheet, label: string) => {
    let found = 0;
    ws.eachRow((row, n) => {
      if (!found && row.getCell(1).value === label) found = n;
    });
    if (!found) throw new Error(`no row ${label}`);
    return ws.getRow(found);
  };

  beforeAll(async () => {
    expect((await run("--out", file("rapport.xlsx"), "--ålder-saknas", "vuxen")).code).toBe(1);
  });

  it("writes the sheets, and a reconciliation as formulas whose cached values and recalculation agree to the öre", async () => {
    const wb = await read(file("rapport.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Sammanfattning", "Per kommun och kvartal", "Saknade kommuner", "Ej fördelade"]);
    const ws = wb.getWorksheet("Sammanfattning")!;
    const cell = (label: string) => rowOf(ws, label).getCell(2).value as ExcelJS.CellFormulaValue;
    expect(cell("Indata (summa av filerna)")).toMatchObject({ formula: expect.stringMatching(/^SUM\(C\d+:C\d+\)$/), result: 9510.66 });
    expect(cell("Fördelat (kommun + region + egenansvar)")).toMatchObject({ formula: expect.stringMatching(/^SUM\(/), result: 9394.36 });
    expect(cell("Ej fördelat")).toMatchObject({ result: 66.3 });
    expect(cell("Oläsbart (kvartal eller datum)")).toMatchObject({ formula: expect.stringMatching(/^SUMIF\('Ej fördelade'!/), result: 50 });
    expect(cell("Differens")).toMatchObject({ formula: expect.stringMatching(/^ROUND\(/) });
    // ExcelJS reads a cached 0 back as no result; the file itself holds it.
    const zip = await JSZip.loadAsync(readFileSync(file("rapport.xlsx")));
    const address = `B${rowOf(ws, "Differens").number}`;
    expect(await zip.file("xl/worksheets/sheet1.xml")!.async("string")).toMatch(new RegExp(`<c r="${address}"[^>]*><f>ROUND\\([^<]*</f><v>0</v></c>`));
    expect(cell("Stämmer")).toMatchObject({ formula: expect.stringMatching(/^IF\(/), result: "Ja" });
    // Recalculated by another engine from the cells themselves, not from the cached values.
    const sheets: Record<string, unknown[][]> = {};
    for (const w of wb.worksheets) {
      const rows: unknown[][] = [];
      w.eachRow({ includeEmpty: true }, (row, n) => {
        const cells: unknown[] = [];
        row.eachCell({ includeEmpty: true }, (c, col) => {
          const v = c.value as ExcelJS.CellValue;
          cells[col - 1] = v && typeof v === "object" && "formula" in v ? `=${v.formula}` : v instanceof Date ? v.toISOString() : typeof v === "object" && v !== null ? null : v;
        });
        rows[n - 1] = cells;
      });
      sheets[w.name] = Array.from(rows, (r) => Array.from(r ?? [], (c) => (c === undefined ? null : c)));
    }
    const hf = HyperFormula.buildFromSheets(sheets as never, { licenseKey: "gpl-v3" });
    const at = (label: string) => hf.getCellValue({ sheet: hf.getSheetId("Sammanfattning")!, row: Number(rowOf(ws, label).number) - 1, col: 1 });
    expect(at("Indata (summa av filerna)")).toBeCloseTo(9510.66, 6);
    expect(at("Oläsbart (kvartal eller datum)")).toBeCloseTo(50, 6);
    expect(at("Differens")).toBe(0);
    expect(at("Stämmer")).toBe("Ja");
    hf.destroy();
  });

  it("names the run, the inputs with their SHA-256, the baseline and the options", async () => {
    const ws = (await read(file("rapport.xlsx"))).getWorksheet("Sammanfattning")!;
    expect(String(rowOf(ws, "Körd").getCell(2).value)).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
    expect(rowOf(ws, "Baslinjeår").getCell(2).value).toBe(2025);
    expect(rowOf(ws, "Alternativ").getCell(2).value).toBe("--ålder-saknas vuxen");
    const solna = rowOf(ws, file("in", "solna.csv"));
    expect([solna.getCell(2).value, solna.getCell(3).value, solna.getCell(4).value]).toEqual([6, 5160.75, sha(file("in", "solna.csv"))]);
    expect(String(rowOf(ws, file("trasig.xlsx")).getCell(9).value)).toMatch(/^Kan inte läsas: /);
    const q = rowOf(ws, "2026Q1");
    // Kommun, Region, the baseline's Kommun and Region, Egenansvar, Ej fördelat.
    expect([2, 3, 4, 5, 6, 7].map((c) => q.getCell(c).value)).toEqual([4185.06, 4209, 1000, 0.3, 0, 66]);
    expect([q.getCell(2).numFmt, q.getCell(8).numFmt]).toEqual(['#,##0.00 "kr"', "0.0%"]);
    // The change is over the kommuner with lines in both quarters, as the Per kommun och kvartal sheet has them.
    const pk = (await read(file("rapport.xlsx"))).getWorksheet("Per kommun och kvartal")!;
    const byKommun = new Map<string, Map<string, number>>();
    pk.eachRow((row, n) => {
      if (n === 1 || row.getCell(10).value !== "Ja") return;
      const k = String(row.getCell(1).value);
      (byKommun.get(k) ?? byKommun.set(k, new Map()).get(k)!).set(String(row.getCell(2).value), Number(row.getCell(3).value));
    });
    const both = [...byKommun.values()].filter((m) => m.has("2025Q1") && m.has("2026Q1"));
    const [now, then] = ["2026Q1", "2025Q1"].map((quarter) => both.reduce((sum, m) => sum + m.get(quarter)!, 0));
    expect(both.length).toBeGreaterThan(0);
    expect(both.length).toBeLessThan(byKommun.size);
    expect(q.getCell(8).value).toBeCloseTo((now! - then!) / then!, 9);
    expect(String(q.getCell(10).value)).toMatch(new RegExp(`^${both.length} av 26 kommuner med rader båda kvartalen; saknas i baslinjen: `));
  });

  it("lists every left-out line, including unreadable quarters and files, with file, line, code and a Swedish reason", async () => {
    const ws = (await read(file("rapport.xlsx"))).getWorksheet("Ej fördelade")!;
    const rows: unknown[][] = [];
    ws.eachRow((row, n) => n > 1 && rows.push([path.basename(String(row.getCell(1).value)), row.getCell(2).value, row.getCell(7).value, row.getCell(8).value, row.getCell(10).value]));
    expect(rows).toEqual([
      ["nacka.csv", 3, 40, "DATE_OUTSIDE_QUARTER", "oläsbart"],
      ["nacka.csv", 4, 0.1, "UNLISTED", "ej fördelat"],
      ["nacka.csv", 5, 0.2, "UNLISTED", "ej fördelat"],
      ["solna.csv", 6, 10, "QUARTER_INVALID", "oläsbart"],
      ["solna.csv", 7, null, "AMOUNT_INVALID", "ingår inte: inget belopp"],
      ["taby.xlsx", 4, null, "AMOUNT_INVALID", "ingår inte: inget belopp"],
      ["taby.xlsx", 5, 66, "NOT_IN_SCOPE", "ej fördelat"],
      ["trasig.xlsx", null, null, "FILE_UNREADABLE", "ingår inte: inget belopp"],
    ]);
    expect(ws.getCell("I5").value).toMatch(/Kvartalet kan inte läsas/);
    // The reason of each line is the one --json gives for it (one derivation, leftOutLineReasonSv).
    const json = JSON.parse((await run("--json", "--ålder-saknas", "vuxen")).out) as { problems: Array<{ file: string; line: number | null; message: string }> };
    const reasons = new Map<string, unknown>();
    ws.eachRow((row, n) => n > 1 && reasons.set(`${path.basename(String(row.getCell(1).value))}:${row.getCell(2).value}`, row.getCell(9).value));
    expect(json.problems.map((p) => [p.line, reasons.get(`${path.basename(p.file)}:${p.line}`)])).toEqual(json.problems.map((p) => [p.line, p.message]));
  });

  it("gives every sheet number formats, widths that fit the headers and a frozen header row", async () => {
    const wb = await read(file("rapport.xlsx"));
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: "frozen" });
      const headerRow = ws.name === "Sammanfattning" ? (ws.views[0] as { ySplit: number }).ySplit : 1;
      ws.getRow(headerRow).eachCell((c, col) => {
        if (c.isMerged && c.master !== c) return;
        expect([ws.name, String(c.value), ws.getColumn(col).width! >= String(c.value).length]).toEqual([ws.name, String(c.value), true]);
      });
    }
    expect(wb.getWorksheet("Sammanfattning")!.getCell("A1").value).toBe("Uppföljning av kostnadsansvar per kvartal");
    const pk = wb.getWorksheet("Per kommun och kvartal")!;
    expect(pk.getCell("C2").numFmt).toBe('#,##0.00 "kr"');
    expect(pk.getCell("H2").numFmt).toBe("0.0%");
    expect(wb.getWorksheet("Ej fördelade")!.getCell("G2").numFmt).toBe('#,##0.00 "kr"');
    const mk = wb.getWorksheet("Saknade kommuner")!;
    const belopp = (mk.getRow(1).values as unknown[]).indexOf("Belopp");
    expect(belopp).toBeGreaterThan(0);
    expect(mk.getCell(2, belopp).numFmt).toBe('#,##0.00 "kr"');
  });

  it("keeps text from the input as text: the only formulas are the report's own", async () => {
    const zip = await JSZip.loadAsync(readFileSync(file("rapport.xlsx")));
    const formulas: string[] = [];
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
      const doc = new DOMParser().parseFromString(await zip.file(name)!.async("string"), "text/xml");
      for (const f of Array.from(doc.getElementsByTagName("f"))) formulas.push(`${name}:${f.textContent}`);
    }
    // Summa row (4), reconciliation (5) and Stämmer (1), all on Sammanfattning.
    expect(formulas).toHaveLength(10);
    expect(formulas.every((f) => f.startsWith("xl/worksheets/sheet1.xml:") && /^(SUM|SUMIF|ROUND|IF)\(/.test(f.split(":").slice(1).join(":")))).toBe(true);
    const wb = await read(file("rapport.xlsx"));
    const names: unknown[] = [];
    wb.getWorksheet("Per kommun och kvartal")!.eachRow((row) => names.push(row.getCell(1).value));
    expect(names).toContain('=HYPERLINK("http://x")');
  });

  it("draws the chart of the quarters per party against the baseline from the summary's table", async () => {
    const zip = await JSZip.loadAsync(readFileSync(file("rapport.xlsx")));
    const doc = new DOMParser().parseFromString(await zip.file("xl/charts/chart1.xml")!.async("string"), "text/xml");
    const refs = Array.from(doc.getElementsByTagName("c:f")).map((f) => f.textContent);
    const ws = (await read(file("rapport.xlsx"))).getWorksheet("Sammanfattning")!;
    const first = rowOf(ws, "2025Q1").number;
    const last = rowOf(ws, "2026Q1").number;
    const col = (c: string) => `'Sammanfattning'!$${c}$${first}:$${c}$${last}`;
    expect(refs).toEqual([col("A"), col("B"), col("A"), col("C"), col("A"), col("D"), col("A"), col("E")]);
  });

  it("never writes over an input reached through a symbolic or hard link, nor a folder's own report", async () => {
    writeFileSync(file("rader.csv"), "kommun,kvartal,iso,boendeform,ålder,belopp\nSolna,2026Q1,12 22 03,SÄBO,80,100\n");
    const before = sha(file("rader.csv"));
    symlinkSync(file("rader.csv"), file("lank.xlsx"));
    linkSync(file("rader.csv"), file("hard.xlsx"));
    for (const out of ["lank.xlsx", "hard.xlsx"]) {
      const r = await cli("follow-up", file("rader.csv"), "--out", file(out), "--force");
      expect([r.code, r.err]).toEqual([2, expect.stringMatching(/en av indatafilerna/)]);
    }
    const viaDots = await cli("follow-up", file("rader.csv"), "--out", path.join(dir, "in", "..", "lank.xlsx"), "--force");
    expect(viaDots.code).toBe(2);
    expect(sha(file("rader.csv"))).toBe(before);
    // A report written into an input folder is not read back as input on the next run.
    expect((await cli("follow-up", file("in"), "--out", file("in", "rapport.xlsx"))).code).toBe(1);
    const again = JSON.parse((await cli("follow-up", file("in"), "--out", file("in", "rapport.xlsx"), "--force", "--json")).out);
    expect(again.inputs.map((i: { file: string }) => path.basename(i.file))).toEqual(["nacka.csv", "solna.csv"]);
  });
});

describe("amounts that are not numbers", () => {
  it("cost-shift never calls a non-finite net neutral", async () => {
    const all = (p: string) => [p, p, p, p];
    const previous = { b1: [listRow("12 22", "Rullstolar", all("Region"))] };
    writeFileSync(file("prev.json"), serializeEdition(editionFromModel(readWorkbook(workbook(previous)), { name: "2026:1", decided: "2025-10-01", effective: "2026-01-01" })));
    const draft = workbook({
      b1: [listRow("12 22", "Rullstolar", ["Kommun", "Region", "Region", "Region"])],
      kostnader: [
        { "ISO-kod": "12 22 03", Boendeform: "SÄBO", Kommun: 0, Region: 180_000 },
        { "ISO-kod": "12 22 18", Boendeform: "SÄBO", Kommun: 0, Region: 1e308 },
        { "ISO-kod": "12 22 19", Boendeform: "SÄBO", Kommun: 0, Region: "9".repeat(400) },
      ],
      utgava: [
        { Fält: "Utgåva", Värde: "2026:2" },
        { Fält: "Tolerans kostnadsneutralitet", Värde: "1 %" },
      ],
    });
    writeFileSync(file("draft.xlsx"), await writeBilagorXlsx(draft));
    const r = await cli("cost-shift", file("draft.xlsx"), "--previous", file("prev.json"), "--json");
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({ netToKommun: 180_000, netToRegion: -180_000, totalCost: 180_000, tolerance: 1800, neutral: false });
    expect(r.code).toBe(1);
  });
});
