/**
 * The maintainer's contradictions (issue "One truth everywhere"), one case each, on the command
 * line where a maintainer meets them: a truthful jämför title, a status change named as such, a
 * moved Giltig från as a change, granska saying when the change checks did not run (and finding
 * the Utgåva sheet's Föregående utgåva beside the workbook), ny-arbetsbok with Beslut and
 * Kostnader, and edition names that make safe file names.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { editionFromModel, serializeEdition } from "../../src/core/editions/edition";
import { editionFileStem } from "../../src/core/editions/publication";
import { editionNameProblem } from "../../src/core/editions/readiness";
import { readWorkbook } from "../../src/core/model";
import { readXlsxFile } from "../../src/node/readXlsx";
import { cli } from "../helpers/cli";
import { listRow, workbook, type Rec } from "../helpers/workbooks";
import { rawXlsxFile } from "../helpers/xlsxFixtures";

const K = "Kommun";
const DOCS: Rec = { Motivering: "m", "Ekonomisk beräkning": "0", Konsekvensanalys: "k" };
const UTGAVA = (foregaende: string | null): Rec[] => [{ Fält: "Utgåva", Värde: "2026:2" }, ...(foregaende ? [{ Fält: "Föregående utgåva", Värde: foregaende }] : [])];

async function setup(b1Before: Rec[], b1After: Rec[], foregaende: string | null = "2026:1") {
  const dir = mkdtempSync(path.join(tmpdir(), "kostnadsansvar-maint-"));
  const edition = editionFromModel(readWorkbook(workbook({ b1: b1Before })), { name: "2026:1", decided: "2026-01-01", effective: "2026-04-01" });
  const json = path.join(dir, "2026-1.json");
  writeFileSync(json, serializeEdition(edition));
  const draft = await rawXlsxFile(workbook({ b1: b1After, utgava: UTGAVA(foregaende) }), dir, "utkast.xlsx");
  return { dir, json, draft };
}

describe("the maintainer's cases", () => {
  it("names a moved Giltig från as a change (jämför, change checks) and a status change as a status", async () => {
    const { json, draft } = await setup(
      [listRow("12 22", "Rullstolar", [K, K, K, K], { ...DOCS, "Giltig från": "2026-04-01" }), listRow("12 23", "Eldrivna", [K, K, K, K], DOCS)],
      [listRow("12 22", "Rullstolar", [K, K, K, K], { "Giltig från": "2026-10-01" }), listRow("12 23", "Eldrivna", [K, K, K, K], { ...DOCS, Status: "Utgår" })],
    );
    const r = await cli("jämför", json, draft);
    expect(r.out).toMatch(/^Från utgåva 2026:1 till arbetsboken utkast\.xlsx \(Utgåva 2026:2, opublicerad\):$/m);
    expect(r.out).toMatch(/12 22 Rullstolar – Giltig från 2026-04-01 → 2026-10-01$/m);
    expect(r.out).toMatch(/Sammanfattning: 0 ändrade betalare, 0 nya rader, 0 borttagna, 1 ändrad status, 1 flyttat datum, 0 ändrade texter\./);
    // The moved date without its documentation is an undocumented change, at the Giltig från cell.
    const v = JSON.parse((await cli("granska", draft, "--tidigare", json, "--json")).out) as { findings: Array<{ code: string; row: number; column: string }> };
    expect(v.findings.filter((f) => f.code === "CHANGE_UNDOCUMENTED").map((f) => [f.row, f.column])).toEqual([[2, "Giltig från"]]);
  });

  it("says when the change checks did not run, and uses the Utgåva sheet's Föregående utgåva found beside the workbook", async () => {
    const rows = [listRow("12 22", "Rullstolar", [K, K, K, K], DOCS)];
    const changed = [listRow("12 22", "Rullstolar", ["Region", K, K, K])];
    const { dir, draft } = await setup(rows, changed);
    // 2026-1.json lies beside utkast.xlsx: the payer change is checked against it.
    const found = await cli("granska", draft, "--json");
    expect(found.err).toMatch(/^Obs: Jämför med utgåva 2026:1 \(2026-1\.json bredvid arbetsboken, enligt bladet Utgåva\)\.$/m);
    expect((JSON.parse(found.out) as { findings: Array<{ code: string }> }).findings.map((f) => f.code)).toContain("CHANGE_UNDOCUMENTED");
    // Without that file: no change checks, and the reason and the fix said on stderr.
    const other = await rawXlsxFile(workbook({ b1: changed, utgava: UTGAVA("2025:3") }), dir, "annan.xlsx");
    const missing = await cli("granska", other);
    expect(missing.err).toMatch(/^Obs: Ändringskontrollerna \(NEW_GROUP, CHANGE_UNDOCUMENTED, CHANGE_NOT_NEUTRAL, PRINCIPLE_CHANGE, MATTER_CHANGE_UNREGISTERED\) kördes inte: bladet Utgåva anger Föregående utgåva 2025:3, men den utgåvan gavs inte\. Ange den senast publicerade utgåvan med --tidigare UTGÅVA\.json \(t\.ex\. 2025-3\.json\)\.$/m);
    expect(missing.out).not.toMatch(/CHANGE_UNDOCUMENTED/);
  });

  it("warns about a row whose own Giltig från is later than the edition's (the whole row is silent until then)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "kostnadsansvar-later-"));
    const raw = workbook({
      b1: [listRow("12 22", "Rullstolar", [K, K, K, K]), listRow("12 22 03", "Manuella", ["Region", K, K, K], { "Giltig från": "2026-10-01" })],
      utgava: [{ Fält: "Utgåva", Värde: "2026:2" }, { Fält: "Beslutad", Värde: "2026-03-01" }, { Fält: "Giltig från", Värde: "2026-06-01" }],
    });
    const r = JSON.parse((await cli("granska", await rawXlsxFile(raw, dir, "b.xlsx"), "--json")).out) as { findings: Array<{ code: string; sheet: string; row: number; column: string; severity: string }> };
    expect(r.findings.filter((f) => f.code === "ROW_LATER_THAN_EDITION").map((f) => [f.sheet, f.row, f.column, f.severity])).toEqual([["Bilaga 1", 3, "Giltig från", "warning"]]);
    // And the answer before that date says which row answers instead (12 22, Kommun), not the SÄBO change.
    const answer = JSON.parse((await cli("vem-betalar", "12 22 03", "SÄBO", "80", "--datum", "2026-07-01", "--arbetsbok", path.join(dir, "b.xlsx"), "--json")).out) as { payer: string; source: { row: number } };
    expect([answer.payer, answer.source.row]).toEqual([K, 2]);
  });

  it("makes a new workbook with empty Beslut and Kostnader sheets, so kostnadsförskjutning and decisions have their place", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "kostnadsansvar-new-"));
    const file = path.join(dir, "ny.xlsx");
    expect((await cli("ny-arbetsbok", file)).code).toBe(0);
    const read = await readXlsxFile(file);
    expect(read.ok).toBe(true);
    const sheets = read.ok ? read.workbook.sheets : [];
    expect(sheets.find((s) => s.name === "Beslut")?.rows[0]).toEqual(["Datum", "Beslutsreferens", "ISO-kod", "Bilaga", "Boendeform", "Beslut", "Beslutat av"]);
    expect(sheets.find((s) => s.name === "Kostnader")?.rows[0]).toEqual(["ISO-kod", "Boendeform", "Kommun", "Region", "År", "Källa"]);
  });

  it.each([
    ["2026:1", "2026-1", null],
    ["#1 vår", "1-vår", null],
    ["50 %", "50", null],
    [".dold", "dold", null],
    ["", "utgava", "NAME"],
    ["%%%", "utgava", "NAME"],
    ["x".repeat(65), "x".repeat(65), "NAME"],
  ])("gives the edition name %j the file stem %j (or refuses it)", (name, stem, problem) => {
    expect(editionFileStem(name)).toBe(stem);
    expect(editionNameProblem(name) === null ? null : "NAME").toBe(problem);
  });
});

describe("what the tool prints", () => {
  it("shows control characters and bidi overrides from the data escaped, never obeyed, in text and in valid JSON", async () => {
    const hostile = "\u001b[2J\u001b]0;titel\u0007slott\u202e\u0085";
    const text = await cli("vem-betalar", "12 22 03", hostile, "80");
    expect(text.err).toContain("\\u001b[2J\\u001b]0;titel\\u0007slott\\u202e\\u0085");
    expect(text.err).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    const json = await cli("vem-betalar", "12 22 03", hostile, "80", "--json");
    expect(json.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    // The JSON still holds the very characters (its escapes decode to them).
    expect((JSON.parse(json.out) as { error: { message: string } }).error.message).toContain(hostile.slice(0, 20));
  });
});
