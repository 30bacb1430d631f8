import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { RawWorkbook } from "../../src/core/cells";
import { parseEdition } from "../../src/core/editions/edition";
import { writeBilagorXlsx } from "../../src/node/writeXlsx";
import { expectBaseline } from "../helpers/baseline";
import { cli, ensureBuiltCli } from "../helpers/cli";
import { B4_HEADERS, listRow, sheet, workbook, type WorkbookSpec } from "../helpers/workbooks";

const dir = mkdtempSync(path.join(tmpdir(), "kostnadsansvar-publish-"));
const file = (name: string) => path.join(dir, name);
const K = "Kommun";
const R = "Region";
const ALL_K = [K, K, K, K];
const DOCS = { Motivering: "Ny vårdmetod", "Ekonomisk beräkning": "-40 000", Konsekvensanalys: "Brukarna påverkas inte" };

const V1: WorkbookSpec = {
  b1: [
    listRow("12 22", "Manuellt drivna rullstolar", ALL_K, { Villkor: "Transportrullstol är boendets ansvar.\n<script>alert('x')</script>" }),
    listRow("12 23", "Eldrivna rullstolar", [K, R, R, R]),
    listRow("04 27 18", "Hjälpmedel för sinnesstimulering", ["Egenansvar", K, K, K]),
  ],
  b2: [listRow("04 24 12", "Blodanalysmaterial", [R, R, R, R], { Förtroendeförskrivning: "Ja" })],
  b3: [{ "Produkt/behandling": "Sårvårdsmaterial", SÄBO: K, "LSS bostad": K, "LSS daglig verksamhet": K, "SoL dagverksamhet": K }],
  b4: [{ "ISO-kod": "12 36", Benämning: "Personlyftar", Kostnadsansvar: K, Grundutrustning: "Nej" }],
  utgava: [
    { Fält: "Utgåva", Värde: "2026:1" },
    { Fält: "Beslutad", Värde: "2025-11-20" },
    { Fält: "Giltig från", Värde: "2026-03-01" },
    { Fält: "Tolerans kostnadsneutralitet", Värde: "100 000" },
  ],
};

/** The next draft: one documented payer change and a row taken out of force (Utgår), documented. */
const V2: WorkbookSpec = {
  ...V1,
  b1: [
    V1.b1![0]!,
    listRow("12 23", "Eldrivna rullstolar", [R, R, R, R], { ...DOCS, Beslutsdatum: "2026-06-01", "Giltig från": "2026-09-01" }),
    listRow("04 27 18", "Hjälpmedel för sinnesstimulering", ["Egenansvar", K, K, K], { ...DOCS, "Ekonomisk beräkning": "0", Status: "Utgår" }),
  ],
  utgava: [
    { Fält: "Utgåva", Värde: "2026:2" },
    { Fält: "Beslutad", Värde: "2026-06-01" },
    { Fält: "Giltig från", Värde: "2026-09-01" },
    { Fält: "Tolerans kostnadsneutralitet", Värde: "100 000" },
  ],
};

/** The bad draft: an undocumented change effective two months after the decision, and a new code. */
const BAD: WorkbookSpec = {
  ...V1,
  b1: [
    V1.b1![0]!,
    listRow("12 23", "Eldrivna rullstolar", [R, R, R, R], { Beslutsdatum: "2026-06-01", "Giltig från": "2026-08-01" }),
    V1.b1![2]!,
    listRow("12 24 09", "Drivaggregat till rullstolar", ALL_K),
  ],
};

const xlsx = async (name: string, spec: WorkbookSpec) => {
  writeFileSync(file(name), await writeBilagorXlsx(workbook(spec)));
  return file(name);
};

let v1: string;
beforeAll(async () => {
  ensureBuiltCli();
  v1 = await xlsx("v1.xlsx", V1);
  await xlsx("v2.xlsx", V2);
  await xlsx("bad.xlsx", BAD);
  const base = workbook(V1);
  const rawWithErrors: RawWorkbook = {
    sheets: base.sheets.map((s) => (s.name === "Bilaga 4" ? sheet("Bilaga 4", B4_HEADERS, [{ "ISO-kod": "12 36", Benämning: "Personlyftar", Kostnadsansvar: "Landstinget" }]) : s)),
  };
  writeFileSync(file("errors.xlsx"), await writeBilagorXlsx(rawWithErrors));
});

describe("kostnadsansvar publish", () => {
  it("writes the edition JSON, a CSV per bilaga, the change log and a page per boendeform", async () => {
    const r = await cli("publish", v1, "--edition", "2026:1", "--out", file("pub"));
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(readdirSync(file("pub")).sort()).toEqual([
      "2026-1-andringslogg.csv",
      "2026-1-bilaga-1.csv",
      "2026-1-bilaga-2.csv",
      "2026-1-bilaga-3.csv",
      "2026-1-bilaga-4.csv",
      "2026-1.json",
      "boendeform-lss-bostad.html",
      "boendeform-lss-dv.html",
      "boendeform-sabo.html",
      "boendeform-sol-dagv.html",
      "boendeform-sol-socpsyk.html",
      "guide-data.js",
      "guide.css",
      "guide.js",
      "index.html",
      "nytt-i-utgavan.html",
    ]);
    const edition = parseEdition(readFileSync(file("pub/2026-1.json"), "utf8"));
    expect(edition).toMatchObject({ ok: true, edition: { name: "2026:1", decided: "2025-11-20", effective: "2026-03-01" } });
    const csv = readFileSync(file("pub/2026-1-bilaga-1.csv"), "utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split("\r\n")[1]).toMatch(/^12 22;Manuellt drivna rullstolar;Kommun;Kommun;Kommun;Kommun;"Transportrullstol/);
  });

  it("gives byte-identical JSON when the same workbook is published twice, and never overwrites another edition", async () => {
    const first = readFileSync(file("pub/2026-1.json"));
    expect((await cli("publish", v1, "--edition", "2026:1", "--out", file("pub"))).code).toBe(0);
    expect(readFileSync(file("pub/2026-1.json")).equals(first)).toBe(true);
    const other = await cli("publish", file("v2.xlsx"), "--edition", "2026:1", "--out", file("pub"), "--tvinga");
    expect(other.code).toBe(2);
    expect(other.err).toMatch(/finns redan med annat innehåll/);
    expect(readFileSync(file("pub/2026-1.json")).equals(first)).toBe(true);
  });

  it("escapes cell text in the pages: no markup from a cell gets through", () => {
    const page = readFileSync(file("pub/boendeform-sabo.html"), "utf8");
    expect(page).not.toContain("<script>");
    expect(page).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    expect(page).toMatch(/<html lang="sv">/);
    expect(readFileSync(file("pub/guide.css"), "utf8")).toMatch(/@media print/);
  });

  it("publishes the next edition with its changes (golden change log and page)", async () => {
    const r = await cli("publish", file("v2.xlsx"), "--edition", "2026:2", "--out", file("pub2"), "--previous", file("pub/2026-1.json"));
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expectBaseline("andringslogg-2026-2.csv", readFileSync(file("pub2/2026-2-andringslogg.csv"), "utf8"));
    expectBaseline("sida-2026-2-sabo.html", readFileSync(file("pub2/boendeform-sabo.html"), "utf8"));
    expectBaseline("nytt-i-utgavan-2026-2.html", readFileSync(file("pub2/nytt-i-utgavan.html"), "utf8"));
  });

  it("refuses while validation has errors, prints them and writes nothing (exit 1)", async () => {
    const r = await cli("publish", file("errors.xlsx"), "--edition", "2026:9", "--out", file("pub9"));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/fel PAYER_INVALID/);
    expect(() => readdirSync(file("pub9"))).toThrow();
  });

  it("without dates blocks like any other blocker (exit 1, the core's readiness), and says how to give them", async () => {
    const undated = await xlsx("undated.xlsx", { ...V1, utgava: [{ Fält: "Utgåva", Värde: "2026:8" }] });
    const r = await cli("publish", undated, "--edition", "2026:8", "--out", file("pub8"));
    expect(r.code).toBe(1);
    // One line per missing date, each with the command line's way to give it.
    expect(r.err.split("\n").filter((l) => l.startsWith("- ") && l.includes("--beslutad och --giltig-från"))).toHaveLength(2);
    expect(() => readdirSync(file("pub8"))).toThrow();
    // A date flag that is no date is still a usage error before anything is read (exit 2).
    expect((await cli("publish", undated, "--edition", "2026:8", "--out", file("pub8"), "--beslutad", "igår")).code).toBe(2);
    const dated = await cli("publish", undated, "--edition", "2026:8", "--out", file("pub8"), "--beslutad", "2025-11-20", "--giltig-från", "2026-03-01");
    expect([dated.code, dated.err]).toEqual([0, ""]);
  });

  it("says a Beslutad in the Utgåva sheet that is no date once, as that date, not as missing nor as a second error", async () => {
    const wrong = await xlsx("wrongdate.xlsx", { ...V1, utgava: [{ Fält: "Utgåva", Värde: "2026:7" }, { Fält: "Beslutad", Värde: "20 nov" }, { Fält: "Giltig från", Värde: "2026-03-01" }] });
    const r = await cli("publish", wrong, "--edition", "2026:7", "--out", file("pub7"));
    expect(r.code).toBe(1);
    expect(r.err.split("\n").filter((l) => l.startsWith("- "))).toEqual(["- Beslutad ”20 nov” är inget datum. Ange ÅÅÅÅ-MM-DD."]);
    expect(() => readdirSync(file("pub7"))).toThrow();
  });

  it("refuses the issue's bad draft against the previous edition", async () => {
    const r = await cli("publish", file("bad.xlsx"), "--edition", "2026:3", "--out", file("pub3"), "--previous", file("pub/2026-1.json"));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/CHANGE_UNDOCUMENTED/);
    expect(r.err).toMatch(/EFFECTIVE_TOO_EARLY/);
  });

  it.each([
    [["publish", "x.xlsx", "--out", "ut"], /Användning/],
    [["publish", "finns-inte.xlsx", "--edition", "1", "--out", "ut"], /finns inte/],
  ])("exits 2 on unusable arguments %j", async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});

describe("kostnadsansvar validate --previous", () => {
  it("adds the change checks at the exact cells, in the same JSON shape", async () => {
    const r = await cli("validate", file("bad.xlsx"), "--previous", file("pub/2026-1.json"), "--json");
    const report = JSON.parse(r.out) as { findings: Array<{ code: string; sheet: string; row: number; column: string; needsDecision: boolean }> };
    const pick = (code: string) => report.findings.filter((f) => f.code === code).map((f) => [f.sheet, f.row, f.column, f.needsDecision]);
    // The payer change, and the new row 12 24 09 at the first documentation field it lacks.
    expect(pick("CHANGE_UNDOCUMENTED")).toEqual([
      ["Bilaga 1", 3, "SÄBO", false],
      ["Bilaga 1", 5, "Motivering", false],
    ]);
    expect(pick("EFFECTIVE_TOO_EARLY")).toEqual([["Bilaga 1", 3, "Giltig från", false]]);
    expect(pick("NEW_GROUP")).toEqual([["Bilaga 1", 5, "ISO-kod", true]]);
    expect(r.code).toBe(1);
  });

  it("exits 2 on a broken edition file", async () => {
    writeFileSync(file("trasig.json"), "{");
    const r = await cli("validate", v1, "--previous", file("trasig.json"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/ingen giltig JSON/);
  });
});

describe("kostnadsansvar diff", () => {
  it("compares an edition with a workbook draft", async () => {
    const r = await cli("diff", file("pub/2026-1.json"), file("v2.xlsx"), "--json");
    const diff = JSON.parse(r.out) as { from: string; to: string; changes: Array<{ kind: string; iso: string; boendeform: string | null; from: string | null; to: string | null }> };
    expect([diff.from, diff.to]).toEqual(["2026:1", "2026:2"]);
    expect(diff).toMatchObject({ fromPublished: true, toPublished: false });
    expect(diff.changes.map((c) => [c.kind, c.iso, c.boendeform, c.from, c.to])).toEqual([
      ["payer", "12 23", "SABO", "Kommun", "Region"],
      ["status", "04 27 18", null, null, "Utgår"],
    ]);
    const text = await cli("diff", file("pub/2026-1.json"), file("v2.xlsx"));
    // The title says what each side is (the draft is not edition 2026:2 yet); Gällande → Utgår is a status change, not a text.
    expect(text.out).toMatch(/^Från utgåva 2026:1 till arbetsboken v2\.xlsx \(Utgåva 2026:2, opublicerad\):$/m);
    expect(text.out).toMatch(/Sammanfattning: 1 ändrad betalare, 0 nya rader, 0 borttagna, 1 ändrad status, 0 flyttade datum, 0 ändrade texter\./);
  });
});

describe("kostnadsansvar who-pays by date", () => {
  it("answers from the edition in force on the date", async () => {
    await cli("publish", file("v2.xlsx"), "--edition", "2026:2", "--out", file("pub2"), "--previous", file("pub/2026-1.json"));
    const ask = async (date: string) =>
      JSON.parse((await cli("who-pays", "12 23 06", "SÄBO", "80", "--edition", file("pub/2026-1.json"), "--edition", file("pub2/2026-2.json"), "--date", date, "--json")).out);
    expect(await ask("2026-08-31")).toMatchObject({ payer: "Kommun", rule: "LIST", explanation: expect.stringContaining("Utgåva 2026:1") });
    expect(await ask("2026-09-01")).toMatchObject({ payer: "Region", rule: "LIST", explanation: expect.stringContaining("Utgåva 2026:2") });
    expect(await ask("2025-01-01")).toMatchObject({ payer: null, error: { code: "NO_EDITION" } });
  });
});
