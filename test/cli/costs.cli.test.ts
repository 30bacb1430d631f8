import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
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
    expect(r.out).toMatch(/Bilaga 1 12 22 \| Särskilt boende för äldre \(SoL\) \| Region → Kommun \| \+200\s000 kr \(2 kostnadsrader\)/);
    expect(r.out).toMatch(/Inte kostnadsneutral: mer än toleransen 100\s000 kr\. Kräver huvudmännens beslut \(§6\.3\)\./);
  });

  it("exits 2 without cost data or without --previous", async () => {
    expect((await cli("cost-shift", file("no-costs.xlsx"), "--previous", file("previous.json"))).err).toMatch(/bladet Kostnader/);
    expect((await cli("cost-shift", file("within.xlsx"))).code).toBe(2);
  });
});
