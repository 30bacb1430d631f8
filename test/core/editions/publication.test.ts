/*
 * The files a publication writes, in the same process (the CLI's publish tests run dist/): the
 * file names, each bilaga's CSV with its own columns and cells, the change log CSV and the guide's
 * download list.
 */
import type { RawWorkbook } from "../../../src/core/cells";
import { parseCsv } from "../../../src/core/csv";
import { CHANGE_LOG_HEADERS, changeLogRows } from "../../../src/core/editions/changeLog";
import { diffModels } from "../../../src/core/editions/diff";
import { editionFromModel, editionModel, serializeEdition, type EditionMeta } from "../../../src/core/editions/edition";
import { bilagaCsv, changeLogCsv, editionFileStem, publicationFiles } from "../../../src/core/editions/publication";
import { readWorkbook } from "../../../src/core/model";
import { B4_HEADERS, LIST_HEADERS, LIST_HEADERS_FORM_VILLKOR, listRow, sheet, workbook } from "../../helpers/workbooks";

const K = "Kommun";
const R = "Region";
const META: EditionMeta = { name: "2026:2", decided: "2026-01-15", effective: "2026-05-01" };

const raw = (payer: string): RawWorkbook =>
  workbook({
    b1: [listRow("12 22", "Manuella rullstolar", [payer, K, null, K], { Förtroendeförskrivning: "Ja" })],
    b4: [{ "ISO-kod": "12 36", Benämning: "Personlyftar", Kostnadsansvar: R, Grundutrustning: "Nej" }],
  });
const publish = (r: RawWorkbook, meta = META) => editionFromModel(readWorkbook(r), meta, r);

/** The rows of a CSV as its reader (Excel, the CLI's reader) meets them. */
function rowsOf(csv: string): string[][] {
  expect(csv.startsWith("\ufeff")).toBe(true);
  expect(csv.endsWith("\r\n")).toBe(true);
  expect(csv.replace(/\r\n/g, "").includes("\n")).toBe(false);
  return parseCsv(csv.slice(1), ";").filter((r) => r.some((c) => c !== ""));
}

describe("editionFileStem", () => {
  it.each([
    ["2026:1", "2026-1"],
    [" 2026:2 ", "2026-2"],
    ["Hösten 2026", "Hösten-2026"],
    ["a#b?c%d", "a-b-c-d"],
    ["a  &  b", "a-b"],
    [".dold", "dold"],
    ["-.2026", "2026"],
    ["2026:", "2026"],
    ["2026--", "2026"],
    ["v1.2_rc", "v1.2_rc"],
    ["A\u030a", "\u00c5"],
    ["", "utgava"],
    ["::", "utgava"],
  ])("makes %j %j", (name, stem) => {
    expect(editionFileStem(name)).toBe(stem);
  });
});

describe("bilagaCsv", () => {
  it("writes the sheet's own headers and each cell as the sheet shows it: yes/no as Ja/Nej, an empty cell empty", () => {
    const edition = publish(raw(K));
    const b1 = rowsOf(bilagaCsv(edition.bilagor.B1!));
    expect(b1[0]).toEqual(LIST_HEADERS);
    const cell = (row: string[], header: string) => row[LIST_HEADERS.indexOf(header)];
    expect([cell(b1[1]!, "ISO-kod"), cell(b1[1]!, "Benämning"), cell(b1[1]!, "SÄBO"), cell(b1[1]!, "LSS daglig verksamhet"), cell(b1[1]!, "Förtroendeförskrivning"), cell(b1[1]!, "Status")]).toEqual(["12 22", "Manuella rullstolar", K, "", "Ja", ""]);
    const b4 = rowsOf(bilagaCsv(edition.bilagor.B4!));
    expect(b4[0]).toEqual(B4_HEADERS);
    expect(b4[1]![B4_HEADERS.indexOf("Grundutrustning")]).toBe("Nej");
    expect(b4[1]![B4_HEADERS.indexOf("Kostnadsansvar")]).toBe(R);
  });

  it("keeps a column of the group's own beside the contract's (empty where a row has none), and a per-form Villkor", () => {
    const headers = [...LIST_HEADERS_FORM_VILLKOR, "Egen kolumn"];
    const rows = [listRow("12 22", "Rullstolar", [K, K, K, K], { "Villkor SÄBO": "Bara i SÄBO.", "Egen kolumn": "egen text" }), listRow("12 23", "Elrullstolar", [K, K, K, K])];
    const base = workbook({ formVillkor: true });
    const withOwn: RawWorkbook = { sheets: [sheet("Bilaga 1", headers, rows), ...base.sheets.slice(1)] };
    const csv = rowsOf(bilagaCsv(publish(withOwn).bilagor.B1!));
    expect(csv[0]).toEqual(headers);
    expect(csv.slice(1).map((r) => [r[0], r.at(-1), r[headers.indexOf("Villkor SÄBO")]])).toEqual([
      ["12 22", "egen text", "Bara i SÄBO."],
      ["12 23", "", ""],
    ]);
  });
});

describe("changeLogCsv", () => {
  it("is the change log's header and rows, as the Ändringslogg sheet holds them", () => {
    const changes = diffModels(readWorkbook(raw(K)), readWorkbook(raw(R)));
    expect(changes).toHaveLength(1);
    expect(rowsOf(changeLogCsv("2026:2", changes))).toEqual([[...CHANGE_LOG_HEADERS], ...changeLogRows("2026:2", changes)]);
    expect(rowsOf(changeLogCsv("2026:2", []))).toEqual([[...CHANGE_LOG_HEADERS]]);
  });
});

describe("publicationFiles", () => {
  it("writes the edition JSON first, a CSV per bilaga present, the change log and the guide, whose download list names them all", () => {
    const previous = publish(raw(K), { name: "2026:1", decided: null, effective: "2026-01-01" });
    const edition = publish(raw(R));
    const changes = diffModels(editionModel(previous), editionModel(edition));
    const serialized = serializeEdition(edition);
    const files = publicationFiles(edition, changes, "2026:1", serialized);
    const names = [...files.keys()];
    expect(names.slice(0, 6)).toEqual(["2026-2.json", "2026-2-bilaga-1.csv", "2026-2-bilaga-2.csv", "2026-2-bilaga-3.csv", "2026-2-bilaga-4.csv", "2026-2-andringslogg.csv"]);
    expect(files.get("2026-2.json")).toBe(serialized);
    expect(files.get("2026-2-bilaga-4.csv")).toBe(bilagaCsv(edition.bilagor.B4!));
    expect(files.get("2026-2-andringslogg.csv")).toBe(changeLogCsv("2026:2", changes));
    const pages = names.filter((n) => n.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(0);
    const withDownloads = pages.map((n) => files.get(n)!).find((html) => html.includes('class="downloads"'))!;
    const list = withDownloads.slice(withDownloads.indexOf('<ul class="downloads">'), withDownloads.indexOf("</ul>", withDownloads.indexOf('<ul class="downloads">')));
    const links = [...list.matchAll(/<li><a href="([^"]+)">([^<]+)<\/a><\/li>/g)].map((m) => [m[1], m[2]]);
    expect(links).toEqual([
      ["2026-2-bilaga-1.csv", "Bilaga 1 (CSV)"],
      ["2026-2-bilaga-2.csv", "Bilaga 2 (CSV)"],
      ["2026-2-bilaga-3.csv", "Bilaga 3 (CSV)"],
      ["2026-2-bilaga-4.csv", "Bilaga 4 (CSV)"],
      ["2026-2-andringslogg.csv", "Ändringslogg (CSV)"],
      ["2026-2.json", "Utgåva 2026:2 (JSON, med kontrollsumma)"],
    ]);
  });

  it("writes no CSV for a bilaga the edition lacks", () => {
    const r = workbook({ b1: [listRow("12 22", "Rullstolar", [K, K, K, K])], omit: ["B2", "B3"] });
    const files = publicationFiles(publish(r, { name: "x", decided: null, effective: null }), [], null, "{}");
    expect([...files.keys()].filter((n) => n.endsWith(".csv"))).toEqual(["x-bilaga-1.csv", "x-bilaga-4.csv", "x-andringslogg.csv"]);
  });
});
