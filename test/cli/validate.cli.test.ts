import { MATTER_STATUSES, MATTER_TYPES } from "../../src/core/matters";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { exampleWorkbook } from "../../src/core/example/exampleWorkbook";
import { renderFinding } from "../../src/core/validation/messages";
import { writeBilagorXlsx } from "../../src/node/writeXlsx";
import { expectBaseline } from "../helpers/baseline";
import { cli } from "../helpers/cli";
import { cleanWorkbook, emptyWorkbook, hostileWorkbook, largeWorkbook } from "../helpers/xlsxFixtures";

const dir = mkdtempSync(path.join(tmpdir(), "kostnadsansvar-validate-"));
const file = (name: string) => path.join(dir, name);
const digest = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");

interface JsonReport {
  file: string;
  findings: Array<{ code: string; severity: string; sheet: string; row: number | null; column: string | null; message: string; variant: string; params: Record<string, unknown>; section: string; needsDecision: boolean; related: unknown[] }>;
  summary: { errors: number; warnings: number; info: number; needsDecision: number };
}

beforeAll(async () => {
  writeFileSync(file("hostile.xlsx"), await hostileWorkbook());
  writeFileSync(file("empty.xlsx"), await emptyWorkbook());
  writeFileSync(file("clean.xlsx"), await cleanWorkbook());
  writeFileSync(file("example.xlsx"), await writeBilagorXlsx(exampleWorkbook()));
  writeFileSync(file("renamed.xlsx"), "PK\u0003\u0004 this is a text file renamed to .xlsx");
  writeFileSync(file("notes.xlsx"), "Mötesanteckningar\n");
  writeFileSync(file("encrypted.xlsx"), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
});

describe("kostnadsansvar validate", () => {
  it("reports a real-world messy workbook cell by cell (golden baseline)", async () => {
    const r = await cli("validate", file("hostile.xlsx"));
    expect(r.code).toBe(1);
    expectBaseline("hostile", r.out);
  });

  it("finds each hostile cell at the exact place", async () => {
    const r = await cli("validate", file("hostile.xlsx"), "--json");
    const report = JSON.parse(r.out) as JsonReport;
    const where = (code: string) => report.findings.filter((f) => f.code === code).map((f) => `${f.sheet}!${f.row}:${f.column}`);
    expect(where("ISO_LEADING_ZERO")).toEqual(["bilaga 1 !8:ISO-KOD:"]);
    expect(where("CELL_ERROR")).toEqual(["bilaga 1 !9:SABO"]);
    expect(where("PAYER_INVALID")).toEqual(["bilaga 1 !10:SoL dagverksamhet"]);
    expect(where("PAYER_MISSING")).toEqual(["bilaga 1 !11:SABO", "bilaga 1 !14:lss bostad", "bilaga 1 !14:LSS daglig verksamhet", "bilaga 1 !14:SoL dagverksamhet"]);
    expect(where("OVERRIDE")).toEqual(["bilaga 1 !6:SABO"]);
    expect(where("EFFECTIVE_TOO_EARLY")).toEqual(["bilaga 1 !12:Giltig från"]);
    expect(where("ACCESSORY_PAYER")).toEqual(["bilaga 1 !12:SABO"]);
    expect(where("SOCPSYK_EXCEPTION")).toEqual(["Bilaga 4!2:Kostnadsansvar"]);
    expect(where("ISO_FORMAT")).toEqual([]);
    expect(report.findings.some((f) => f.sheet === "Anteckningar")).toBe(false);
  });

  it("prints every --json finding in the text report, in Swedish, one line per cause", async () => {
    const text = await cli("validate", file("hostile.xlsx"), "--alla");
    const json = JSON.parse((await cli("validate", file("hostile.xlsx"), "--json")).out) as JsonReport;
    const lines = text.out.trim().split("\n");
    const sv: Record<string, string> = { error: "fel", warning: "varning", info: "info" };
    // 11 findings (one per cell) on 9 causes: row 14's three empty payer cells share one line.
    expect(json.findings.length).toBe(11);
    expect(lines.length).toBe(9 + 1);
    for (const f of json.findings) {
      const code = f.section === "—" ? f.code : `${f.code} ${f.section}`;
      expect(lines.some((l) => l.includes(`hostile.xlsx(${f.sheet}!`) && l.includes(`: ${sv[f.severity]} ${code}: ${f.message}`))).toBe(true);
    }
    expect(lines.find((l) => l.includes("18 09 21"))).toMatch(/^hostile\.xlsx\(bilaga 1 !E14, F14, G14\): fel PAYER_MISSING/);
    // The summary counts the same 9 causes the lines show (one unit everywhere), the cells apart.
    expect(lines.at(-1)).toBe("Sammanfattning: 7 fel, 1 varning, 1 upplysning (i 11 celler), varav 0 kräver huvudmannabeslut.");
    expect(Object.keys(json.findings[0]!)).toEqual(["code", "severity", "sheet", "row", "column", "message", "variant", "params", "section", "needsDecision", "related", "decision"]);
    // The data beside each message is enough to word it again, in the core's one place.
    for (const f of json.findings) expect([f.code, renderFinding(f)]).toEqual([f.code, f.message]);
    expect(json.file).toBe("hostile.xlsx");
  });

  it("exits 0 on a clean workbook", async () => {
    const r = await cli("validate", file("clean.xlsx"));
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe("Sammanfattning: 0 fel, 0 varningar, 0 upplysningar, varav 0 kräver huvudmannabeslut.");
  });

  it("reports an empty workbook as four missing bilagor", async () => {
    const r = await cli("validate", file("empty.xlsx"), "--json");
    expect(r.code).toBe(1);
    expect((JSON.parse(r.out) as JsonReport).findings.map((f) => [f.code, f.sheet])).toEqual([
      ["SHEET_MISSING", "Bilaga 1"],
      ["SHEET_MISSING", "Bilaga 2"],
      ["SHEET_MISSING", "Bilaga 3"],
      ["SHEET_MISSING", "Bilaga 4"],
    ]);
  });

  it("has a baseline for the example workbook whose only errors are the sources' honest gaps", async () => {
    const r = await cli("validate", file("example.xlsx"));
    expectBaseline("example", r.out);
    const report = JSON.parse((await cli("validate", file("example.xlsx"), "--json")).out) as JsonReport;
    const errors = report.findings.filter((f) => f.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    expect(new Set(errors.map((f) => f.code))).toEqual(new Set(["PAYER_MISSING"]));
  });

  it.each([
    ["renamed.xlsx", /skadad/],
    ["notes.xlsx", /ingen \.xlsx-fil/],
    ["encrypted.xlsx", /lösenordsskyddad \(krypterad\) eller i det gamla \.xls-formatet/],
    // Zip bombs (sizes that lie, an entry count of 0): test/node/readXlsx.hostile.test.ts.
    ["saknas.xlsx", /finns inte/],
  ])("exits 2 with a Swedish message on %s", async (name, message) => {
    const r = await cli("validate", file(name));
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(message);
  });

  it("never writes to the file it validates", async () => {
    const before = [digest(file("hostile.xlsx")), statSync(file("hostile.xlsx")).mtimeMs];
    await cli("validate", file("hostile.xlsx"));
    await cli("validate", file("hostile.xlsx"), "--json");
    expect([digest(file("hostile.xlsx")), statSync(file("hostile.xlsx")).mtimeMs]).toEqual(before);
  });

  it("validates a 100 000-row bilaga from .xlsx", async () => {
    writeFileSync(file("large.xlsx"), await largeWorkbook(100_000));
    const r = await cli("validate", file("large.xlsx"), "--json");
    const report = JSON.parse(r.out) as JsonReport;
    const none = { errors: 0, warnings: 0, info: 0, needsDecision: 0, decided: 0 };
    expect(report.summary).toEqual({ ...none, cells: none });
    expect(r.code).toBe(0);
  }, 120_000);
});

describe("kostnadsansvar new-workbook", () => {
  it("writes the example workbook with every sheet, and refuses to overwrite without --force", async () => {
    const out = file("ny.xlsx");
    expect((await cli("new-workbook", out)).code).toBe(0);
    const again = await cli("new-workbook", out);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/finns redan.*--force/);
    expect((await cli("new-workbook", out, "--force")).code).toBe(0);
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Bilaga 1", "Bilaga 2", "Bilaga 3", "Bilaga 4", "Principer", "ISO 9999", "Utgåva", "Kostnader", "Beslut", "Ärenden"]);
    // The register of matters: its headers, with the documented types and statuses as drop-downs.
    const arenden = wb.getWorksheet("Ärenden")!;
    expect(arenden.getCell("A1").value).toBe("Ärende");
    const arendenDv = (arenden as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model;
    expect(arendenDv["D2"]).toMatchObject({ type: "list", formulae: [`"${MATTER_TYPES.join(",")}"`] });
    expect(arendenDv["H2"]).toMatchObject({ type: "list", formulae: [`"${MATTER_STATUSES.join(",")}"`] });
    const b1 = wb.getWorksheet("Bilaga 1")!;
    expect(b1.getCell("A3").value).toBe("ISO-kod");
    expect(b1.getCell("A4").numFmt).toBe("@");
    const dv = (b1 as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model;
    expect(dv["C4"]).toMatchObject({ type: "list", formulae: ['"Kommun,Region,Egenansvar"'] });
    expect(dv["J4"]).toMatchObject({ type: "list", formulae: ['"Gällande,Förslag,Kräver huvudmannabeslut,Beslutad,Utgår"'] });
    expect(dv["I4"]).toMatchObject({ type: "list", formulae: ['"Ja,Nej"'] });
    // Values only: no custom-function formulas in the file.
    b1.eachRow((row) => row.eachCell((c) => expect(c.formula).toBeUndefined()));
  });

  it("refuses a name that is not .xlsx", async () => {
    const r = await cli("new-workbook", file("ny.csv"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/\.xlsx/);
  });
});
