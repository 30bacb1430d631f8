import type { RawWorkbook } from "../../../src/core/cells";
import { diffModels } from "../../../src/core/editions/diff";
import { editionFromModel, editionModel, editionToRawWorkbook, parseEdition, serializeEdition, type Edition } from "../../../src/core/editions/edition";
import { datedLists, inForce, whoPaysOnDate } from "../../../src/core/editions/inForce";
import { readWorkbook } from "../../../src/core/model";
import { expectBaseline } from "../../helpers/baseline";
import { exampleWorkbook } from "../../../src/core/example/exampleWorkbook";
import { BESLUT_HEADERS, listRow, sheet, withDecisions, workbook, LIST_HEADERS } from "../../helpers/workbooks";

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

  it("keeps the columns in the sheet's order, an unknown one between known ones, and reads a sheet that starts in column C", () => {
    // Bilaga 1 from column C (firstColumn 3): ISO-kod, Benämning, an own column, then the payers.
    const headers = ["ISO-kod", "Benämning", "Egen kolumn", "SÄBO", "LSS bostad", "LSS daglig verksamhet", "SoL dagverksamhet"];
    const raw: RawWorkbook = { sheets: [{ name: "Bilaga 1", firstColumn: 3, rows: [headers, ["12 22", "Rullstolar", "egen text", K, R, K, K]] }, sheet("Bilaga 2", LIST_HEADERS, [])] };
    const edition = publish(raw);
    const b1 = edition.bilagor.B1!;
    expect(b1.columns.map((c) => [c.index, c.header, c.field])).toEqual([
      [3, "ISO-kod", "iso"],
      [4, "Benämning", "title"],
      [5, "Egen kolumn", null],
      [6, "SÄBO", "SABO"],
      [7, "LSS bostad", "LSS_BOSTAD"],
      [8, "LSS daglig verksamhet", "LSS_DV"],
      [9, "SoL dagverksamhet", "SOL_DAGV"],
    ]);
    expect(b1.rows[0]).toMatchObject({ iso: "12 22", payers: { SABO: K, LSS_BOSTAD: R }, extra: { "5": "egen text" } });
    // Written back cell for cell: the own column's text in its place.
    const back = editionToRawWorkbook(edition).sheets.find((x) => x.name === "Bilaga 1")!;
    expect(back.rows[0]!.slice(2)).toEqual(headers);
    expect(back.rows[1]!.slice(2)).toEqual(["12 22", "Rullstolar", "egen text", K, R, K, K]);
  });

  it("keeps a row's per-form Villkor only when it has one", () => {
    const edition = publish(workbook({ formVillkor: true, b1: [listRow("12 22", "Rullstolar", [K, K, K, K], { "Villkor SÄBO": "Bara i rummet" }), listRow("12 23", "Elrullstolar", [R, R, R, R])] }));
    const [withOwn, without] = edition.bilagor.B1!.rows;
    expect(withOwn!.formVillkor).toEqual({ SABO: "Bara i rummet" });
    expect(without).not.toHaveProperty("formVillkor");
  });
});

describe("the Beslut sheet in an edition", () => {
  const DECISION = { Datum: "2026-02-01", Beslutsreferens: "HS 2026/12", "ISO-kod": "12 22", Bilaga: "Bilaga 1", Boendeform: "SÄBO", Beslut: "Kommun", "Beslutat av": "Huvudmännen" };
  const b1 = [listRow("12 22", "Manuellt drivna rullstolar", [K, R, K, K])];

  it("comes back with its rows at their numbers, its header just above the first, and answers the same", () => {
    // A title and an empty row above the header: the decisions stand in rows 4 and 6 (5 is empty).
    const base = withDecisions({ b1 }, []);
    const beslut: RawWorkbook["sheets"][number] = {
      name: "Beslut",
      rows: [["Beslut om undantag"], [], BESLUT_HEADERS, BESLUT_HEADERS.map((h) => (DECISION as Record<string, string>)[h] ?? null), [], BESLUT_HEADERS.map((h) => ({ ...DECISION, "ISO-kod": "18 12", Beslutsreferens: "HS 2026/13" } as Record<string, string>)[h] ?? null)],
    };
    const raw: RawWorkbook = { sheets: [...base.sheets.filter((s) => s.name !== "Beslut"), beslut] };
    const first = publish(raw);
    expect(first.decisions!.rows.map((d) => [d.row, d.iso, d.referens])).toEqual([
      [4, "12 22", "HS 2026/12"],
      [6, "18 12", "HS 2026/13"],
    ]);
    const back = editionToRawWorkbook(first).sheets.find((s) => s.name === "Beslut")!;
    expect(back.rows[2]).toEqual(BESLUT_HEADERS);
    expect(back.rows[3]).toEqual(["2026-02-01", "HS 2026/12", "12 22", "Bilaga 1", first.decisions!.rows[0]!.boendeform, "Kommun", "Huvudmännen"]);
    expect(back.rows[4] ?? null).toBeNull();
    expect(back.rows[5]![2]).toBe("18 12");
    const again = editionFromModel(editionModel(first), META, editionToRawWorkbook(first));
    expect(again.decisions).toEqual(first.decisions);
    expect(serializeEdition(again)).toBe(serializeEdition(first));
  });

  it("is left out when the sheet has no decisions", () => {
    expect(publish(withDecisions({ b1 }, [])).decisions).toBeUndefined();
    expect(publish(workbook({ b1 })).decisions).toBeUndefined();
  });
});

describe("an edition file that does not follow the format", () => {
  // Each breaks one rule of the format (test/baselines/edition-format-messages.txt holds what the
  // reader is told: the path and the rule, at most three, and the file's name).
  const edition = publish(workbook({ b1: [listRow("12 22", "Manuellt drivna rullstolar", [K, R, K, K], { "Giltig från": "2026-05-01" })] }));
  const row0 = edition.bilagor.B1!.rows[0]!;
  const withRow = (row: Record<string, unknown>) => ({ ...edition, bilagor: { ...edition.bilagor, B1: { ...edition.bilagor.B1!, rows: [row] } } });
  const cases: Array<[string, unknown]> = [
    ["an ISO code without spaces", withRow({ ...row0, iso: "1222" })],
    ["an ISO code with four levels", withRow({ ...row0, iso: "12 22 03 01" })],
    ["an ISO code with letters", withRow({ ...row0, iso: "ab 22" })],
    ["a date that is not in the calendar", withRow({ ...row0, giltigFran: "2026-02-30" })],
    ["an extra column keyed by a name", withRow({ ...row0, extra: { x1: "not" } })],
    ["an extra column keyed by an empty name", withRow({ ...row0, extra: { "": "not" } })],
    ["a hash in capitals", { ...edition, hash: edition.hash.toUpperCase() }],
    ["a hash too short", { ...edition, hash: edition.hash.slice(1) }],
    ["a hash with a letter beyond f", { ...edition, hash: `g${edition.hash.slice(1)}` }],
    ["four faults at once", { ...withRow({ ...row0, iso: "1", giltigFran: "x", beslutsdatum: "y" }), hash: "z" }],
    ["not an object", []],
    ["null", null],
  ];

  it.each(cases)("is refused with the path and the rule: %s", (_what, data) => {
    const r = parseEdition(JSON.stringify(data), "bilagor-2026-1.json");
    expect(r.ok).toBe(false);
  });

  it("says what the golden file says, with the file's name or 'utgåvan'", () => {
    const lines = cases.map(([what, data]) => `${what}\n  ${(parseEdition(JSON.stringify(data), "bilagor-2026-1.json") as { message: string }).message}`);
    lines.push(`default name\n  ${(parseEdition("[]") as { message: string }).message}`);
    expectBaseline("edition-format-messages", lines.join("\n"));
  });

  it("accepts the edition as published, and a valid row changed only in its hash", () => {
    expect(parseEdition(JSON.stringify(edition))).toEqual({ ok: true, edition });
    expect(parseEdition(JSON.stringify(withRow({ ...row0, extra: { "17": "not" } })))).toMatchObject({ ok: false, message: expect.stringContaining("kontrollsumma") });
  });
});
