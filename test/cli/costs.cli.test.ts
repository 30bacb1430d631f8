import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { editionFromModel, serializeEdition } from "../../src/core/editions/edition";
import { readWorkbook } from "../../src/core/model";
import { writeBilagorXlsx } from "../../src/node/writeXlsx";
import { cli } from "../helpers/cli";
import { listRow, workbook } from "../helpers/workbooks";

const dir = mkdtempSync(path.join(tmpdir(), "kostnadsansvar-costs-"));
const file = (name: string) => path.join(dir, name);
const all = (p: string) => [p, p, p, p];

const PREVIOUS = { b1: [listRow("12 22", "Rullstolar", all("Region")), listRow("12 23", "Elrullstolar", all("Region"))] };
const DRAFT = {
  b1: [listRow("12 22", "Rullstolar", ["Kommun", "Region", "Region", "Region"]), listRow("12 23", "Elrullstolar", all("Region"))],
  kostnader: [
    { "ISO-kod": "12 22 03", Boendeform: "SÄBO", Kommun: 0, Region: 180_000 },
    { "ISO-kod": "12 22 18", Boendeform: "SÄBO", Kommun: 0, Region: 20_000 },
    { "ISO-kod": "12 23", Boendeform: "SÄBO", Kommun: 0, Region: 500_000 },
  ],
};

beforeAll(async () => {
  writeFileSync(file("previous.json"), serializeEdition(editionFromModel(readWorkbook(workbook(PREVIOUS)), { name: "2026:1", decided: "2025-10-01", effective: "2026-01-01" })));
  for (const [name, tolerance] of [["within.xlsx", "250 000"], ["beyond.xlsx", "100 000"]] as const) {
    writeFileSync(file(name), await writeBilagorXlsx(workbook({ ...DRAFT, utgava: [{ Fält: "Utgåva", Värde: "2026:2" }, { Fält: "Tolerans kostnadsneutralitet", Värde: tolerance }] })));
  }
  writeFileSync(file("no-costs.xlsx"), await writeBilagorXlsx(workbook(PREVIOUS)));
});

describe("kostnadsansvar cost-shift", () => {
  it("prints the JSON contract: changes, nets that mirror each other, tolerance, verdict", async () => {
    const r = await cli("cost-shift", file("within.xlsx"), "--previous", file("previous.json"), "--json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({
      changes: [{ bilaga: 1, iso: "12 22", boendeform: "SABO", from: "Region", to: "Kommun", amount: 200_000 }],
      netToKommun: 200_000,
      netToRegion: -200_000,
      tolerance: 250_000,
      neutral: true,
    });
  });

  it("exits 1 when the shift is beyond the tolerance, with one line per change and the totals", async () => {
    const r = await cli("cost-shift", file("beyond.xlsx"), "--previous", file("previous.json"));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Bilaga 1 12 22 \| Särskilt boende för äldre enligt SoL \| Region → Kommun \| \+200\s000 kr \(2 kostnadsrader\)/);
    expect(r.out).toMatch(/Inte kostnadsneutral: mer än toleransen 100\s000 kr\. Kräver huvudmännens beslut \(§6\.3\)\./);
  });

  it("exits 2 without cost data or without --previous", async () => {
    expect((await cli("cost-shift", file("no-costs.xlsx"), "--previous", file("previous.json"))).err).toMatch(/bladet Kostnader/);
    expect((await cli("cost-shift", file("within.xlsx"))).code).toBe(2);
  });
});

describe("kostnadsansvar follow-up", () => {
  const CSV = [
    "kommun;kvartal;iso;boendeform;ålder;belopp",
    "Solna;2025Q1;12 22 03;SÄBO;80;1000",
    "Solna;2025Q1;22 06 15;SÄBO;80;250,25",
    "Solna;2026Q1;12 22 03;SÄBO;80;1 250,50",
    "Nacka;2026Q1;12 22 03;SÄBO;12;99,99",
    "Nacka;2026Q1;15 09;SÄBO;80;300",
    "Nacka;2026Q1;12 22;ordinärt boende;80;0,01",
    "Nacka;2026Q1;9x;SÄBO;80;5",
    "Nacka;2026Q5;12 22;SÄBO;80;10",
    "Nacka;2026Q2;12 22;SÄBO;80;abc",
  ].join("\n");

  beforeAll(() => writeFileSync(file("kostnader.csv"), CSV));

  it("assigns each line a payer at its date, totals per party and quarter, and reconciles to the krona", async () => {
    const r = await cli("follow-up", file("kostnader.csv"), "--json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.baselineYear).toBe(2025);
    expect(json.quarters).toEqual([
      { quarter: "2025Q1", kommun: 1000, region: 250.25, egenansvar: 0, unassigned: 0, baseline: null },
      { quarter: "2026Q1", kommun: 1250.5, region: 99.99, egenansvar: 0, unassigned: 305.01, baseline: { kommun: 1000, region: 250.25, egenansvar: 0, unassigned: 0 } },
    ]);
    expect(json.unassignedLines.map((u: { line: number; code: string }) => [u.line, u.code])).toEqual([
      [6, "UNLISTED"],
      [7, "NOT_IN_SCOPE"],
      [8, "ISO_FORMAT"],
    ]);
    // Every öre: the readable amounts 1000 + 250.25 + 1250.50 + 99.99 + 300 + 0.01 + 5 + 10 = 2915.75.
    expect(json.totals).toEqual({ input: 2915.75, assigned: 2600.74, unassigned: 305.01, unreadableQuarter: 10 });
    expect(json.totals.assigned + json.totals.unassigned + json.totals.unreadableQuarter).toBeCloseTo(json.totals.input, 10);
    expect(json.problems.map((p: { line: number }) => p.line)).toEqual([9, 10]);
  });

  it("writes an .xlsx with the quarters and a chart of the parties' costs against the baseline", async () => {
    const r = await cli("follow-up", file("kostnader.csv"), "--out", file("rapport.xlsx"));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Summa indata 2\s915,75 kr = fördelat 2\s600,74 kr \+ ej fördelat 305,01 kr \+ oläsbart kvartal 10,00 kr/);
    const bytes = readFileSync(file("rapport.xlsx"));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Uppföljning", "Ej fördelade", "Per kommun"]);
    expect(wb.getWorksheet("Uppföljning")!.getRow(3).values).toEqual([undefined, "2026Q1", 1250.5, 99.99, 0, 305.01, 1000, 250.25]);
    const zip = await JSZip.loadAsync(bytes);
    const chart = await zip.file("xl/charts/chart1.xml")!.async("string");
    const doc = new DOMParser().parseFromString(chart, "text/xml");
    const refs = Array.from(doc.getElementsByTagName("c:f")).map((f) => f.textContent);
    expect(refs).toEqual(["'Uppföljning'!$A$2:$A$3", "'Uppföljning'!$B$2:$B$3", "'Uppföljning'!$A$2:$A$3", "'Uppföljning'!$C$2:$C$3", "'Uppföljning'!$A$2:$A$3", "'Uppföljning'!$F$2:$F$3", "'Uppföljning'!$A$2:$A$3", "'Uppföljning'!$G$2:$G$3"]);
    expect(await zip.file("[Content_Types].xml")!.async("string")).toContain("/xl/charts/chart1.xml");
    expect(await zip.file("xl/worksheets/sheet1.xml")!.async("string")).toContain('<drawing r:id="rIdChart1"/>');
  });

  it("exits 2 on a file without the needed columns", async () => {
    writeFileSync(file("fel.csv"), "a,b\n1,2\n");
    const r = await cli("follow-up", file("fel.csv"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/saknar kolumnerna kommun, kvartal, iso, boendeform, ålder, belopp/);
  });
});
