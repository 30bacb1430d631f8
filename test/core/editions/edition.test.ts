import type { RawWorkbook } from "../../../src/core/cells";
import { diffModels } from "../../../src/core/editions/diff";
import { editionFromModel, editionModel, editionToRawWorkbook, parseEdition, serializeEdition, type Edition } from "../../../src/core/editions/edition";
import { datedLists, inForce, whoPaysOnDate } from "../../../src/core/editions/inForce";
import { readWorkbook } from "../../../src/core/model";
import { exampleWorkbook } from "../../../src/core/example/exampleWorkbook";
import { listRow, sheet, workbook, LIST_HEADERS } from "../../helpers/workbooks";

const META = { name: "2026:1", decided: "2026-01-15", effective: "2026-05-01" };
const K = "Kommun";
const R = "Region";

function publish(raw: RawWorkbook, meta = META): Edition {
  return editionFromModel(readWorkbook(raw), meta, raw);
}

describe("editions", () => {
  it("gives the same bytes when the same workbook is published twice", () => {
    expect(serializeEdition(publish(exampleWorkbook()))).toBe(serializeEdition(publish(exampleWorkbook())));
  });

  it("round-trips: an edition read back and published again is identical, nothing lost", () => {
    const raw = workbook({
      b1: [
        listRow("12 22", "Manuellt drivna rullstolar", [K, "k", R, K], {
          Villkor: "Transportrullstol är boendets ansvar.\nÖvriga: se rad 2 – ”citat” & <tecken>",
          Status: "Beslutad",
          Beslutsdatum: "2026-01-15",
          "Giltig från": "2026-05-01",
          Motivering: "Åtgärd efter översyn",
          "Ekonomisk beräkning": "-125 000",
          Konsekvensanalys: "Ingen påverkan på brukare",
          Förtroendeförskrivning: "Ja",
          Huvudhjälpmedel: "12",
        }),
      ],
      b4: [{ "ISO-kod": "12 36", Benämning: "Personlyftar", Kostnadsansvar: K, Grundutrustning: "Nej" }],
      utgava: [
        { Fält: "ISO-utgåva", Värde: "SS-EN ISO 9999:2022" },
        { Fält: "Tolerans kostnadsneutralitet", Värde: "1 %" },
      ],
    });
    // Extra columns the contract does not know, even two with the same header: kept.
    const b1 = raw.sheets[0]!;
    const withExtra: RawWorkbook = {
      sheets: [{ ...b1, rows: b1.rows.map((r, i) => [...r, i === 0 ? "Intern not" : "åäö\nrad två", i === 0 ? "Intern not" : "andra"]) }, ...raw.sheets.slice(1)],
    };
    const first = publish(withExtra);
    const again = editionFromModel(editionModel(first), META, editionToRawWorkbook(first));
    expect(serializeEdition(again)).toBe(serializeEdition(first));
    expect(first.bilagor.B1!.rows[0]).toMatchObject({
      villkor: "Transportrullstol är boendets ansvar.\nÖvriga: se rad 2 – ”citat” & <tecken>",
      payers: { SABO: "Kommun", LSS_BOSTAD: "Kommun", LSS_DV: "Region", SOL_DAGV: "Kommun" },
      fortroende: true,
      extra: { "16": "åäö\nrad två", "17": "andra" },
    });
    expect(first).toMatchObject({ isoEdition: "SS-EN ISO 9999:2022", tolerance: "1 %", schemaVersion: 1 });
  });

  it("reads its own JSON back and refuses broken, tampered or future files with a Swedish message", () => {
    const edition = publish(exampleWorkbook());
    const json = serializeEdition(edition);
    expect(parseEdition(json)).toEqual({ ok: true, edition });
    expect(parseEdition("{inte json")).toMatchObject({ ok: false, message: expect.stringContaining("ingen giltig JSON") });
    expect(parseEdition(json.replace('"Kommun"', '"Region"'))).toMatchObject({ ok: false, message: expect.stringContaining("kontrollsumma") });
    expect(parseEdition(JSON.stringify({ ...edition, schemaVersion: 2 }))).toMatchObject({ ok: false, message: expect.stringContaining("formatversion 2") });
    expect(parseEdition(JSON.stringify({ ...edition, name: "" }))).toMatchObject({ ok: false, message: expect.stringContaining("name") });
  });

  it("diffs two editions: added, removed, payer per boendeform, Villkor and Benämning", () => {
    const before = readWorkbook(workbook({ b1: [listRow("12 22", "Rullstolar", [K, K, K, K], { Villkor: "A" }), listRow("12 23", "Elrullstolar", [K, K, K, K])] }));
    const after = readWorkbook(workbook({ b1: [listRow("12 22", "Manuella rullstolar", [K, R, K, null], { Villkor: "B" }), listRow("12 24", "Tillbehör", [K, K, K, K])] }));
    const changes = diffModels(before, after).map((c) =>
      c.kind === "payer" ? `payer ${c.after.key} ${c.boendeform} ${c.from}→${c.to}` : c.kind === "added" ? `added ${c.after.key}` : c.kind === "removed" ? `removed ${c.before.key}` : `${c.kind} ${c.after.key}`,
    );
    expect(changes).toEqual(["payer 12 22 LSS_BOSTAD Kommun→Region", "payer 12 22 SOL_DAGV Kommun→null", "villkor 12 22", "title 12 22", "added 12 24", "removed 12 23"]);
  });
});

describe("answers by date", () => {
  const old = publish(workbook({ b1: [listRow("12 22", "Rullstolar", [K, K, K, K])] }), { name: "2025:1", decided: "2024-12-01", effective: "2025-03-01" });
  const next = publish(
    workbook({ b1: [listRow("12 22", "Rullstolar", [R, K, K, K]), listRow("12 23", "Elrullstolar", [K, K, K, K], { "Giltig från": "2026-09-01" })] }),
    { name: "2026:1", decided: "2026-01-15", effective: "2026-05-01" },
  );
  const lists = [old, next].map((e) => datedLists(editionModel(e), e.name, e.effective));

  it("picks the latest edition whose effective date is not after the date", () => {
    expect(inForce(lists, "2026-04-30")!.name).toBe("2025:1");
    expect(inForce(lists, "2026-05-01")!.name).toBe("2026:1");
    expect(inForce(lists, "2025-01-01")).toBeNull();
  });

  it("answers from the old edition before the new one takes effect, and names the edition", () => {
    const before = whoPaysOnDate({ iso: "12 22 03", boendeform: "SÄBO", age: 80, date: "2026-04-30" }, lists);
    const after = whoPaysOnDate({ iso: "12 22 03", boendeform: "SÄBO", age: 80, date: "2026-05-01" }, lists);
    expect(before).toMatchObject({ ok: true, payer: K, edition: "2025:1" });
    expect(after).toMatchObject({ ok: true, payer: R, edition: "2026:1" });
    expect(after.ok && after.explanation).toContain("Utgåva 2026:1");
  });

  it("respects a row's own Giltig från within the edition in force", () => {
    expect(whoPaysOnDate({ iso: "12 23", boendeform: "SÄBO", age: 80, date: "2026-06-01" }, lists)).toMatchObject({ ok: true, rule: "UNLISTED" });
    expect(whoPaysOnDate({ iso: "12 23", boendeform: "SÄBO", age: 80, date: "2026-09-01" }, lists)).toMatchObject({ ok: true, payer: K });
  });

  it("says so when no edition was in force", () => {
    expect(whoPaysOnDate({ iso: "12 22", boendeform: "SÄBO", age: 80, date: "2020-01-01" }, lists)).toMatchObject({ ok: false, code: "NO_EDITION" });
    expect(whoPaysOnDate({ iso: "12 22", boendeform: "SÄBO", age: 80, date: "2020-02-30" }, lists)).toMatchObject({ ok: false, code: "DATE_INVALID" });
  });

  it("lets an undated draft answer until a dated edition takes over", () => {
    const draft = datedLists(readWorkbook(workbook({ b1: [listRow("12 22", "x", [R, R, R, R])] })), null, null);
    expect(inForce([draft, ...lists], "2024-01-01")).toBe(draft);
    expect(inForce([draft, ...lists], "2025-06-01")!.name).toBe("2025:1");
  });
});

describe("sheets kept as they were", () => {
  it("keeps the header row and row numbers of the workbook", () => {
    const raw: RawWorkbook = { sheets: [{ name: "Bilaga 1", rows: [["Titel"], [], [...LIST_HEADERS], ["12 22", "x", K, K, K, K], [], ["12 23", "y", K, K, K, K]] }, sheet("Bilaga 2", LIST_HEADERS, [])] };
    const edition = publish(raw);
    expect(edition.bilagor.B1).toMatchObject({ headerRow: 3, rows: [{ row: 4 }, { row: 6 }] });
    expect(editionModel(edition).bilagor.B1!.rows.map((r) => r.row)).toEqual([4, 6]);
  });
});
