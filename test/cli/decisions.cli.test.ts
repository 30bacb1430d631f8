import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { RawWorkbook } from "../../src/core/cells";
import { writeBilagorXlsx } from "../../src/node/writeXlsx";
import { cli } from "../helpers/cli";
import { listRow, withDecisions, workbook, type Rec, type WorkbookSpec } from "../helpers/workbooks";

const dir = mkdtempSync(path.join(tmpdir(), "kostnadsansvar-beslut-"));
const file = (name: string) => path.join(dir, name);
const K = "Kommun";
const R = "Region";
const DOCS = { Motivering: "Ny produktgrupp", "Ekonomisk beräkning": "0", Konsekvensanalys: "Ingen" };

const utgava = (name: string, beslutad: string, giltig: string): Rec[] => [
  { Fält: "Utgåva", Värde: name },
  { Fält: "Beslutad", Värde: beslutad },
  { Fält: "Giltig från", Värde: giltig },
  { Fält: "Tolerans kostnadsneutralitet", Värde: "100 000" },
];

const V1: WorkbookSpec = {
  b1: [listRow("12 22", "Manuellt drivna rullstolar", [K, K, K, K]), listRow("12 23", "Eldrivna rullstolar", [K, R, R, R])],
  utgava: utgava("2026:1", "2025-11-20", "2026-03-01"),
};

/**
 * The draft of 2026:2: a new product group (NEW_GROUP), a hearing aid on Kommun in all four
 * forms (one REGION_AREA cause, four cells), and a row the maintainer flagged for the huvudmän.
 */
const DRAFT: WorkbookSpec = {
  b1: [
    listRow("12 22", "Manuellt drivna rullstolar", [K, K, K, K]),
    listRow("12 23", "Eldrivna rullstolar", [K, R, R, R], { Status: "Kräver huvudmannabeslut", ...DOCS }),
    listRow("12 24 09", "Drivaggregat till rullstolar", [K, K, K, K], DOCS),
    listRow("22 06 15", "Hörapparater", [K, K, K, K], DOCS),
  ],
  utgava: utgava("2026:2", "2026-06-01", "2026-09-01"),
};

const DECISIONS: Rec[] = [
  { Datum: "2026-05-20", Beslutsreferens: "HSN 2026/12", "ISO-kod": "12 24 09", Bilaga: "1", Beslut: "Kommunen bekostar drivaggregat", "Beslutat av": "Huvudmännen" },
  { Datum: "2026-05-20", Beslutsreferens: "HSN 2026/13", "ISO-kod": "22 06 15", Bilaga: "Bilaga 1", Beslut: "Kommunen bekostar enklare hörselhjälpmedel i boendet", "Beslutat av": "Huvudmännen" },
  { Datum: "2026-05-21", Beslutsreferens: "HSN 2026/14", "ISO-kod": "12 23", Bilaga: "B1", Beslut: "Oförändrat", "Beslutat av": "Huvudmännen" },
];


beforeAll(async () => {
  writeFileSync(file("v1.xlsx"), await writeBilagorXlsx(workbook(V1)));
  writeFileSync(file("utkast.xlsx"), await writeBilagorXlsx(workbook(DRAFT)));
  writeFileSync(file("beslutat.xlsx"), await writeBilagorXlsx(withDecisions(DRAFT, DECISIONS)));
  // A decision for another bilaga and one for another housing form answer nothing here.
  const wrong: Rec[] = [
    { ...DECISIONS[0]!, Bilaga: "2" },
    { ...DECISIONS[1]!, Boendeform: "SÄBO" },
    DECISIONS[2]!,
  ];
  writeFileSync(file("fel-beslut.xlsx"), await writeBilagorXlsx(withDecisions(DRAFT, wrong)));
  const v1 = await cli("publicera", file("v1.xlsx"), "--utgåva", "2026:1", "--ut", file("pub"));
  if (v1.code !== 0) throw new Error(v1.err);
});

describe("huvudmän decisions: finding → decision recorded → publish allowed", () => {
  it("lists every undecided question and refuses to publish, writing nothing", async () => {
    const r = await cli("publicera", file("utkast.xlsx"), "--utgåva", "2026:2", "--ut", file("ut-1"), "--tidigare", file("pub/2026-1.json"));
    expect(r.code).toBe(1);
    const lines = r.err.split("\n");
    // Three problems (the same number the review's summary gives) and a row flagged by hand.
    expect(lines).toContain("- 3 problem och 1 flaggad rad väntar på huvudmännens beslut (§6.3). För in besluten i bladet Beslut (datum, beslutsreferens, ISO-kod, bilaga, boendeform, beslut) – eller ändra raderna – innan utgåvan publiceras:");
    expect(lines).toContain("    Bilaga 1 rad 3: 12 23 Eldrivna rullstolar (Status: Kräver huvudmannabeslut)");
    expect(lines).toContain("    Bilaga 1 rad 4: 12 24 09 Drivaggregat till rullstolar (NEW_GROUP §6.3)");
    expect(lines).toContain("    Bilaga 1 rad 5: 22 06 15 Hörapparater (NEW_GROUP §6.3; REGION_AREA §2.2)");
    expect(r.err).not.toMatch(/Granskningen har \d+ fel/);
    expect(() => readdirSync(file("ut-1"))).toThrow();
  });

  it("shows one REGION_AREA line for the row's four cells, undecided, in the validation", async () => {
    const r = await cli("granska", file("utkast.xlsx"), "--tidigare", file("pub/2026-1.json"));
    expect(r.code).toBe(1);
    const region = r.out.split("\n").filter((l) => l.includes("REGION_AREA"));
    expect(region).toHaveLength(1);
    expect(region[0]).toMatch(/^utkast\.xlsx\(Bilaga 1!C5, D5, E5, F5\): fel REGION_AREA §2\.2: .*står här på Kommun för SÄBO, LSS bostad, LSS daglig verksamhet och SoL dagverksamhet\. .*\[kräver huvudmannabeslut\]$/);
  });

  it("keeps decided findings visible, marked with their decision, and no longer blocking", async () => {
    const validate = await cli("granska", file("beslutat.xlsx"), "--tidigare", file("pub/2026-1.json"));
    expect(validate.code).toBe(0);
    const region = validate.out.split("\n").find((l) => l.includes("REGION_AREA"))!;
    expect(region).toMatch(/\[beslutat 2026-05-20, HSN 2026\/13 – Beslut rad 3\]$/);
    expect(validate.out).toMatch(/NEW_GROUP .*\[beslutat 2026-05-20, HSN 2026\/12 – Beslut rad 2\]$/m);
    // Three decided problems (REGION_AREA on row 5's four cells is one), as the pane's tile counts them.
    expect(validate.out).toMatch(/^Sammanfattning: 0 fel, 0 varningar, 0 upplysningar, varav 0 kräver huvudmannabeslut; 3 är beslutade\.$/m);

    const json = JSON.parse((await cli("granska", file("beslutat.xlsx"), "--tidigare", file("pub/2026-1.json"), "--json")).out);
    const regionCells = json.findings.filter((f: { code: string }) => f.code === "REGION_AREA");
    expect(regionCells.map((f: { column: string; decision: { row: number } }) => [f.column, f.decision.row])).toEqual([
      ["SÄBO", 3],
      ["LSS bostad", 3],
      ["LSS daglig verksamhet", 3],
      ["SoL dagverksamhet", 3],
    ]);

    const publish = await cli("publicera", file("beslutat.xlsx"), "--utgåva", "2026:2", "--ut", file("ut-2"), "--tidigare", file("pub/2026-1.json"));
    expect(publish.err).toBe("");
    expect(publish.code).toBe(0);
    expect(readdirSync(file("ut-2"))).toContain("2026-2.json");
  });

  it("does not let a decision for another bilaga or another housing form answer", async () => {
    const r = await cli("publicera", file("fel-beslut.xlsx"), "--utgåva", "2026:2", "--ut", file("ut-3"), "--tidigare", file("pub/2026-1.json"));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^- 3 problem väntar/m);
    expect(r.err).toMatch(/^ {4}Bilaga 1 rad 4: 12 24 09/m);
    expect(r.err).toMatch(/^ {4}Bilaga 1 rad 5: 22 06 15/m);
    expect(r.err).not.toMatch(/rad 3: 12 23/);
  });
});
