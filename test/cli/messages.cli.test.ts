/*
 * The "contradictions and silence", one case per row: each answered correctly, with the
 * answer codes unchanged and the message naming the real cause.
 */
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { RawWorkbook } from "../../src/core/cells";
import { readWorkbook } from "../../src/core/model";
import { whoPays } from "../../src/core/whoPays";
import { writeBilagorXlsx } from "../../src/node/writeXlsx";
import { cli } from "../helpers/cli";
import { listRow, workbook, type Rec } from "../helpers/workbooks";

const dir = mkdtempSync(path.join(tmpdir(), "kostnadsansvar-meddelanden-"));
const file = (name: string) => path.join(dir, name);
const K = "Kommun";

const UTGAVA: Rec[] = [
  { Fält: "Utgåva", Värde: "2026:2" },
  { Fält: "Beslutad", Värde: "2026-01-10" },
  { Fält: "Giltig från", Värde: "2026-05-01" },
];

const CLEAN = workbook({ b1: [listRow("12 22", "Manuellt drivna rullstolar", [K, K, K, K])], utgava: UTGAVA });

/** Rows that exist but do not count: Utgår since a date, awaiting a decision, not yet in force. */
const SILENT = readWorkbook(
  workbook({
    b1: [
      listRow("12 22", "Manuellt drivna rullstolar", [K, K, K, K], { Status: "Utgår", "Giltig från": "2026-04-01" }),
      listRow("12 23", "Eldrivna rullstolar", [K, K, K, K], { Status: "Kräver huvudmannabeslut" }),
      listRow("12 24", "Tillbehör till rullstolar", [K, K, K, K], { "Giltig från": "2027-01-01" }),
    ],
  }),
);

/** Bilaga 1 whose "LSS bostad" header was renamed to "LSS-boende 2026". */
const RENAMED: RawWorkbook = {
  sheets: workbook({ b1: [listRow("12 22", "Manuellt drivna rullstolar", [K, K, K, K])] }).sheets.map((s) =>
    s.name === "Bilaga 1" ? { name: s.name, rows: [s.rows[0]!.map((h) => (h === "LSS bostad" ? "LSS-boende 2026" : h)), ...s.rows.slice(1)] } : s,
  ),
};

beforeAll(async () => {
  writeFileSync(file("ren.xlsx"), await writeBilagorXlsx(CLEAN));
});

describe("who pays: silence explained by its real cause (codes unchanged)", () => {
  it.each([
    ["12 22 03", "UNLISTED", "Ingen betalare: 12 22 03 har ingen gällande rad i bilaga 1–2 – Bilaga 1 rad 2 (12 22) står som Utgår sedan 2026-04-01."],
    ["12 23", "UNLISTED", "Ingen betalare: 12 23 har ingen gällande rad i bilaga 1–2 – Bilaga 1 rad 3 (12 23) står som Kräver huvudmannabeslut."],
    ["12 24 09", "UNLISTED", "Ingen betalare: 12 24 09 har ingen gällande rad i bilaga 1–2 – Bilaga 1 rad 4 (12 24) gäller först från 2027-01-01."],
  ])("%s: %s, explained by the row's Status or Giltig från", (iso, rule, start) => {
    const r = whoPays({ iso, boendeform: "SÄBO", age: 80, date: "2026-06-01" }, SILENT);
    expect(r.ok && [r.payer, r.rule, r.section]).toEqual([null, rule, "§6.3"]);
    expect(r.ok && r.explanation.startsWith(start)).toBe(true);
    expect(r.ok && r.explanation).not.toContain("finns inte i bilaga 1–2");
  });

  it("names a renamed payer column as the cause, not a missing decision", () => {
    const r = whoPays({ iso: "12 22 03", boendeform: "LSS bostad", age: 45 }, readWorkbook(RENAMED));
    expect(r.ok && [r.payer, r.rule]).toEqual([null, "UNLISTED"]);
    expect(r.ok && r.explanation).toMatch(/^Ingen betalare: Bilaga 1 har ingen kolumn LSS bostad – rubriken saknas eller har bytt namn/);
    expect(r.ok && r.explanation).not.toContain("efter beslut");
    // The other columns still answer.
    const sabo = whoPays({ iso: "12 22 03", boendeform: "SÄBO", age: 45 }, readWorkbook(RENAMED));
    expect(sabo.ok && [sabo.payer, sabo.rule]).toEqual([K, "LIST"]);
  });

  it.each(["hemtjänst", "Hemtjanst", "ordinärt boende", "eget boende", "egen bostad", "hemsjukvård", "trygghetsboende", "korttidsvistelse", "korttidshem"])(
    "treats %s as outside the agreement (NOT_IN_SCOPE), never as an unknown form",
    (form) => {
      const r = whoPays({ iso: "12 22 03", boendeform: form, age: 70 }, readWorkbook(CLEAN));
      expect(r.ok && [r.payer, r.rule]).toEqual([null, "NOT_IN_SCOPE"]);
    },
  );

  it("lists the housing forms in Swedish when one is unknown, not just the internal keys", () => {
    const r = whoPays({ iso: "12 22 03", boendeform: "sjukhus", age: 70 }, readWorkbook(CLEAN));
    expect(!r.ok && r.code).toBe("BOENDEFORM_UNKNOWN");
    expect(!r.ok && r.message).toMatch(/Giltiga boendeformer: SÄBO, LSS bostad, daglig verksamhet \(LSS\), dagverksamhet \(SoL\) och socialpsykiatri \(SoL\)/);
  });
});

describe("publish never contradicts itself", () => {
  it("refuses a Giltig från too early without claiming errors that are not there", async () => {
    const r = await cli("publicera", file("ren.xlsx"), "--utgåva", "2026:2", "--ut", file("ut-tidig"), "--giltig-från", "2026-04-01");
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      "Publiceringen avbröts. Inget skrevs.\n- Giltig från 2026-04-01 ligger mindre än tre månader efter beslutet 2026-01-10 (§6.3): tidigast 2026-04-10.\n",
    );
    expect(() => readdirSync(file("ut-tidig"))).toThrow();
  });

  it("refuses an edition name other than the Utgåva sheet's, and publishes it with --tvinga, saying so", async () => {
    const refused = await cli("publicera", file("ren.xlsx"), "--utgåva", "2026:3", "--ut", file("ut-namn"));
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("- Utgåvans namn 2026:3 skiljer sig från bladet Utgåva, där det står 2026:2. Rätta namnet eller bladet. (Eller publicera ändå med --tvinga.)");
    expect(() => readdirSync(file("ut-namn"))).toThrow();
    const forced = await cli("publicera", file("ren.xlsx"), "--utgåva", "2026:3", "--ut", file("ut-namn"), "--tvinga");
    expect(forced.code).toBe(0);
    expect(forced.err).toBe("Obs: Utgåvans namn 2026:3 skiljer sig från bladet Utgåva, där det står 2026:2. Publicerar ändå som 2026:3.\n");
    expect(readdirSync(file("ut-namn"))).toContain("2026-3.json");
  });

  it("publishes silently when the name matches the Utgåva sheet", async () => {
    const r = await cli("publish", file("ren.xlsx"), "--edition", "2026:2", "--out", file("ut-ok"));
    expect([r.code, r.err]).toEqual([0, ""]);
  });
});
