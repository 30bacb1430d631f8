/*
 * `årsrapport` on a fixture year: two editions of 2026 (the second with a documented payer change,
 * a new product group decided by the huvudmän and an undocumented new row), the huvudmän's
 * decisions, six matters in different states and a follow-up of 2026Q3 against 2025Q3. Golden
 * baselines hold the JSON and the text section; the workbook is read back with ExcelJS and printed
 * with LibreOffice.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { RawWorkbook } from "../../src/core/cells";
import { editionFromModel, serializeEdition } from "../../src/core/editions/edition";
import { readWorkbook } from "../../src/core/model";
import { SHEET_SPECS } from "../../src/core/sheets";
import { writeBilagorXlsx } from "../../src/node/writeXlsx";
import { expectBaseline } from "../helpers/baseline";
import { cli } from "../helpers/cli";
import { convertWithLibreOffice } from "../helpers/libreOffice";
import { BESLUT_HEADERS, listRow, sheet, workbook, type WorkbookSpec } from "../helpers/workbooks";

jest.setTimeout(120_000);

const dir = mkdtempSync(path.join(tmpdir(), "kostnadsansvar-arsrapport-"));
const file = (name: string) => path.join(dir, name);
const K = "Kommun";
const R = "Region";
const DOCS = { Motivering: "Eldrivna rullstolar förskrivs av regionen", "Ekonomisk beräkning": "-120 000", Konsekvensanalys: "Inga brukare påverkas" };

const V1: WorkbookSpec = {
  b1: [listRow("12 22", "Manuellt drivna rullstolar", [K, K, K, K]), listRow("12 23", "Eldrivna rullstolar", [K, R, R, R])],
  utgava: [
    { Fält: "Utgåva", Värde: "2026:1" },
    { Fält: "Beslutad", Värde: "2026-01-10" },
    { Fält: "Giltig från", Värde: "2026-05-01" },
    { Fält: "Tolerans kostnadsneutralitet", Värde: "200 000" },
  ],
};

const V2: WorkbookSpec = {
  ...V1,
  b1: [
    listRow("12 22", "Manuellt drivna rullstolar", [K, K, K, K]),
    listRow("12 23", "Eldrivna rullstolar", [R, R, R, R], { ...DOCS, Beslutsdatum: "2026-06-01" }),
    listRow("09 12", "Hjälpmedel vid toalettbesök", [K, K, K, K], { Motivering: "Ny produktgrupp", "Ekonomisk beräkning": "0", Konsekvensanalys: "Ingen", Beslutsdatum: "2026-06-01" }),
    // A new row without its documentation: the report says so (exit 1).
    listRow("18 12 10", "Sängar, elektriskt reglerbara", [K, K, K, K], { Beslutsdatum: "2026-06-01" }),
  ],
  kostnader: [{ "ISO-kod": "12 23", Boendeform: "SÄBO", Kommun: 120_000, Region: 0, År: "2025", Källa: "Fakturor 2025" }],
  utgava: [
    { Fält: "Utgåva", Värde: "2026:2" },
    { Fält: "Beslutad", Värde: "2026-06-01" },
    { Fält: "Giltig från", Värde: "2026-09-01" },
    { Fält: "Föregående utgåva", Värde: "2026:1" },
    { Fält: "Tolerans kostnadsneutralitet", Värde: "200 000" },
  ],
};

const DECISIONS = [
  { Datum: "2026-05-20", Beslutsreferens: "HSN 2026/2", "ISO-kod": "09 12", Bilaga: "Bilaga 1", Beslut: "Toaletthjälpmedel tas in i bilaga 1", "Beslutat av": "Huvudmännen" },
  { Datum: "2026-05-20", Beslutsreferens: "HSN 2026/3", "ISO-kod": "18 12 10", Bilaga: "Bilaga 1", Beslut: "Sängar tas in i bilaga 1", "Beslutat av": "Huvudmännen" },
];

const MATTERS = [
  { Ärende: "2026-01", Inkom: "2026-02-01", Från: "Täby kommun", Typ: "Ändringsförslag", "ISO-kod": "12 23", Boendeform: "SÄBO", Beskrivning: "Eldrivna rullstolar till regionen", Status: "Avslutad", Beslut: "", Utgåva: "2026:2", Avslutad: "2026-06-01" },
  { Ärende: "2026-02", Inkom: "2026-02-15", Från: "Storsthlm", Typ: "Ny produktgrupp", "ISO-kod": "09 12", Beskrivning: "Toaletthjälpmedel saknas", Status: "Avslutad", Beslut: "HSN 2026/2", Utgåva: "2026:2", Avslutad: "2026-06-01" },
  { Ärende: "2026-03", Inkom: "2026-03-10", Från: "Region Stockholm", Typ: "Ny produktgrupp", "ISO-kod": "18 12 10", Beskrivning: "Sängar", Status: "Beslutad av huvudmännen", Beslut: "HSN 2026/3", Utgåva: "2026:2" },
  { Ärende: "2026-04", Inkom: "2026-08-01", Från: "Arbetsterapeut, Solna", Typ: "Tolkningsfråga", "ISO-kod": "12 22 03", Boendeform: "gruppbostad", Beskrivning: "Gäller 12 22 i LSS?", Status: "Bereds" },
  { Ärende: "2026-05", Inkom: "2026-10-05", Från: "Nacka kommun", Typ: "Avvikelse", "ISO-kod": "12 36", Beskrivning: "Faktura till fel part", Status: "Inkommen" },
  { Ärende: "2025-09", Inkom: "2025-11-20", Från: "Huddinge kommun", Typ: "Ändringsförslag", "ISO-kod": "04 33", Beskrivning: "Madrasser", Status: "Lyft till huvudmännen" },
];

function withSheets(spec: WorkbookSpec, extra: RawWorkbook["sheets"]): RawWorkbook {
  return { sheets: [...workbook(spec).sheets, ...extra] };
}

let json: Record<string, unknown> & { problems: Array<{ code: string }>; changes: Array<Record<string, unknown>>; text: string[] };
let code: number;

beforeAll(async () => {
  writeFileSync(file("v1.xlsx"), await writeBilagorXlsx(workbook(V1)));
  const arenden = sheet("Ärenden", SHEET_SPECS.ARENDEN.columns.map((c) => c.header), MATTERS);
  writeFileSync(file("v2.xlsx"), await writeBilagorXlsx(withSheets(V2, [sheet("Beslut", BESLUT_HEADERS, DECISIONS), arenden])));
  const p1 = await cli("publish", file("v1.xlsx"), "--edition", "2026:1", "--out", file("pub1"));
  if (p1.code !== 0) throw new Error(p1.err + p1.out);
  // 18 12 10 has no documentation, so `publicera` refuses 2026:2 (CHANGE_UNDOCUMENTED is an error)…
  const p2 = await cli("publish", file("v2.xlsx"), "--edition", "2026:2", "--out", file("pub2"), "--previous", file("pub1/2026-1.json"));
  if (p2.code !== 1 || existsSync(file("pub2/2026-2.json")) || !/CHANGE_UNDOCUMENTED/.test(p2.out + p2.err)) throw new Error(`publicera borde ha vägrat: ${p2.err}${p2.out}`);
  // …but an edition made otherwise (by hand, or by an earlier version) can carry the gap, and the report must find it.
  const raw2 = withSheets(V2, [sheet("Beslut", BESLUT_HEADERS, DECISIONS), arenden]);
  mkdirSync(file("pub2"), { recursive: true });
  writeFileSync(file("pub2/2026-2.json"), serializeEdition(editionFromModel(readWorkbook(raw2), { name: "2026:2", decided: "2026-06-01", effective: "2026-09-01" }, raw2)));
  writeFileSync(
    file("kostnader.csv"),
    ["kommun;kvartal;iso;boendeform;ålder;belopp", "Täby;2025Q3;12 23 03;SÄBO;80;30000", "Täby;2026Q3;12 23 03;SÄBO;80;31000", "Nacka;2026Q3;12 22 03;SÄBO;85;12000", "Nacka;2025Q3;12 22 03;SÄBO;85;10000"].join("\n") + "\n",
  );
  const r = await cli("årsrapport", "--år", "2026", "--arbetsbok", file("v2.xlsx"), "--utgåva", file("pub1/2026-1.json"), "--utgåva", file("pub2/2026-2.json"), "--uppföljning", file("kostnader.csv"), "--datum", "2026-12-31", "--ut", file("rapport.xlsx"), "--json");
  code = r.code;
  if (r.out.trim() === "") throw new Error(r.err);
  json = JSON.parse(r.out);
});

describe("kostnadsansvar årsrapport", () => {
  it("gathers the year as its golden JSON (editions, changes with decisions and estimates, matters, follow-up, problems)", () => {
    const { editions, ...rest } = json as unknown as { editions: Array<{ checksum: string }> };
    // Checksums are the editions' own, as in their files; the rest is compared whole.
    const hashes = ["pub1/2026-1.json", "pub2/2026-2.json"].map((f) => (JSON.parse(readFileSync(file(f), "utf8")) as { hash: string }).hash);
    expect(editions.map((e) => e.checksum)).toEqual(hashes);
    expectBaseline("arsrapport-2026.json", JSON.stringify({ editions: editions.map((e) => ({ ...e, checksum: "…" })), ...rest }, null, 2) + "\n");
  });

  it("states the facts in sentences (golden text section)", () => {
    expectBaseline("arsrapport-2026-text.txt", json.text.join("\n") + "\n");
  });

  it("exits 1 when something is missing (a change without its documentation), naming it", () => {
    expect(code).toBe(1);
    expect(json.problems.map((p) => p.code)).toEqual(["CHANGE_UNDOCUMENTED"]);
  });

  it("pairs each change with the huvudmän's decision where there was one, and the estimate from the Kostnader sheet", () => {
    const byIso = new Map(json.changes.map((c) => [c.iso, c]));
    expect((byIso.get("09 12")!.decision as { referens: string }).referens).toBe("HSN 2026/2");
    expect(byIso.get("12 23")!.decision).toBeNull();
    expect(byIso.get("12 23")!.estimatedToKommun).toBe(-120_000);
  });

  it("writes a workbook: a summary sheet on one A4 page, then one sheet per part, no formula anywhere", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file("rapport.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Sammanfattning", "Utgåvor", "Ändringar", "Ärenden", "Uppföljning", "Problem"]);
    const summary = wb.getWorksheet("Sammanfattning")!;
    expect(summary.pageSetup).toMatchObject({ paperSize: 9, orientation: "portrait", fitToWidth: 1, fitToHeight: 1 });
    expect(summary.getCell("A5").value).toBe(json.text[0]);
    let formulas = 0;
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => (c.formula ? formulas++ : 0)));
    expect(formulas).toBe(0);
    expect(wb.getWorksheet("Ärenden")!.getColumn(1).values.filter((v) => typeof v === "string" && /^20\d\d-\d\d$/.test(v))).toEqual(["2026-03", "2026-04", "2026-05", "2025-09"]);
  });

  it("prints the summary on one A4 page with LibreOffice", () => {
    const pdf = readFileSync(convertWithLibreOffice([file("rapport.xlsx")], "pdf", file("pdf"))[0]!);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    // A4 pages (595,3 × 841,9 pt): exactly one upright, the summary on one page; the parts' sheets lie landscape.
    const boxes = [...pdf.toString("latin1").matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))].join("×"));
    expect(boxes.filter((b) => b === "595×842")).toHaveLength(1);
    expect(boxes.filter((b) => b === "842×595").length).toBeGreaterThanOrEqual(5);
  });

  it("refuses to write over an input and explains an unreadable year", async () => {
    const over = await cli("årsrapport", "--år", "2026", "--arbetsbok", file("v2.xlsx"), "--ut", file("v2.xlsx"));
    expect([over.code, over.err]).toEqual([2, expect.stringMatching(/är en av indatafilerna/)]);
    const year = await cli("årsrapport", "--år", "tjugo", "--arbetsbok", file("v2.xlsx"));
    expect([year.code, year.err]).toEqual([2, expect.stringMatching(/”tjugo” är inget år/)]);
  });
});
