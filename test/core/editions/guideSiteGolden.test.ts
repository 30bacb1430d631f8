/*
 * The guide's pages as the core renders them, against the golden file test/baselines/guide-pages.txt:
 * every page of a small edition that reaches each branch of the page builder (a row that counts,
 * a proposal and a row that is withdrawn left out, a row in force later than the edition, a form's
 * own condition, a row without code or payer, Bilaga 3 and 4, the principles, the news from a
 * previous edition) and the same edition without publisher, contact, agreement or downloads.
 * The Chromium tests check how a reader meets these pages; this one, in the same process, fails
 * on any change of a word, an attribute or an order in them, and a change shows as a readable diff.
 */
import { diffModels } from "../../../src/core/editions/diff";
import { editionFromModel } from "../../../src/core/editions/edition";
import { escapeHtml, guideFiles, safeHttpUrl } from "../../../src/core/editions/guideSite";
import { GUIDE_CSS, NEWS_PAGE } from "../../../src/core/editions/guideText";
import { readWorkbook } from "../../../src/core/model";
import { expectBaseline } from "../../helpers/baseline";
import { listRow, workbook, type WorkbookSpec } from "../../helpers/workbooks";

const UTGAVA = [
  { Fält: "Utgåva", Värde: "2026:2" },
  { Fält: "Utgivare", Värde: "Hjälpmedelssamverkan i Stockholms län" },
  { Fält: "Kontakt", Värde: "samverkan@example.se" },
  { Fält: "Överenskommelse", Värde: "https://example.se/overenskommelse.pdf" },
];

const current: WorkbookSpec = {
  formVillkor: true,
  b1: [
    listRow("12 22", "Manuella rullstolar", ["Kommun", "Region", "Region", "Kommun"], { Villkor: "Vid behov <i>i</i> boendet", "Villkor SÄBO": "Endast för förflyttning i rummet" }),
    listRow("12 23", "Elrullstolar", ["Region", "Region", "Region", "Region"], { Status: "Förslag" }),
    listRow("12 27", "Gåbord", ["Kommun", "Kommun", "Kommun", "Kommun"], { Status: "Utgår" }),
    listRow("18 12", "Sängar", ["Kommun", "Region", "Kommun", "Kommun"], { "Giltig från": "2026-09-01" }),
    listRow(null, "Särskild lösning & annat", ["Egenansvar", null, "Egenansvar", "Egenansvar"]),
    listRow("12 06", "Rollatorer", ["Kommun", "Kommun", "Kommun", "Kommun"], { Status: "Beslutad" }),
  ],
  b2: [listRow("04 24 12", "Blodsockermätare", ["Region", "Region", "Region", "Region"], { Förtroendeförskrivning: "Ja" })],
  b3: [{ "Produkt/behandling": "Ortopediska skor", "ISO-kod": "06 33", SÄBO: "Region", "LSS bostad": "Region", "LSS daglig verksamhet": "Region", "SoL dagverksamhet": "Region" }],
  b4: [
    { "ISO-kod": "12 36", Benämning: "Lyftar", Kostnadsansvar: "Kommun" },
    { "ISO-kod": "22 06", Benämning: "Hörapparater", Kostnadsansvar: "Region" },
  ],
};

const previous: WorkbookSpec = {
  // A new title, a later Giltig från and a proposal now decided: each its own line in the news.
  b1: [
    listRow("12 22", "Rullstolar, manuella", ["Region", "Region", "Region", "Kommun"]),
    listRow("12 27", "Gåbord", ["Kommun", "Kommun", "Kommun", "Kommun"]),
    listRow("09 33", "Badkarsbrädor", ["Kommun", "Kommun", "Kommun", "Kommun"]),
    listRow("18 12", "Sängar", ["Kommun", "Region", "Kommun", "Kommun"], { "Giltig från": "2026-08-01" }),
    listRow("12 06", "Rollatorer", ["Kommun", "Kommun", "Kommun", "Kommun"], { Status: "Förslag" }),
  ],
  b4: [{ "ISO-kod": "12 36", Benämning: "Lyftar", Kostnadsansvar: "Kommun" }],
};

const meta = { name: "2026:2", decided: "2026-03-15", effective: "2026-07-01" };

function pages(files: Map<string, string>): string {
  return [...files]
    .filter(([file]) => file !== GUIDE_CSS)
    .map(([file, text]) => `=== ${file} ===\n${text}`)
    .join("\n\n");
}

describe("the guide's pages, against a golden file", () => {
  it("render as the golden file says, with and without publisher, contact, agreement and downloads", () => {
    const model = readWorkbook(workbook({ ...current, utgava: UTGAVA }));
    const changes = diffModels(readWorkbook(workbook(previous)), model);
    expect(changes.length).toBeGreaterThan(2);
    const full = guideFiles(editionFromModel(model, meta), changes, "2026:1", [{ file: "bilagor-2026-2.xlsx", label: "Bilagorna som Excel-fil" }]);
    const bareEdition = editionFromModel(readWorkbook(workbook({ ...current, utgava: [{ Fält: "Överenskommelse", Värde: "Överenskommelsen finns hos Storsthlm" }] })), { name: "2026:2", decided: null, effective: null });
    const bare = guideFiles(bareEdition, changes, "2026:1", []);
    const news = (previousName: string | null) => {
      const html = guideFiles(bareEdition, [], previousName, []).get(NEWS_PAGE)!;
      return html.slice(html.indexOf("<main"), html.indexOf("</main>") + "</main>".length);
    };
    expectBaseline(
      "guide-pages",
      [pages(full), "##### without publisher, contact, a link, downloads or dates", pages(bare), "##### news without changes", news("2026:1"), "##### news without a previous edition", news(null)].join("\n\n"),
    );
  });

  it("escapes every character HTML gives a meaning, and links only to a plain web address", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    expect(safeHttpUrl(" https://example.se:8443/avtal.pdf?v=1#s2 ")).toBe("https://example.se:8443/avtal.pdf?v=1#s2");
    expect(safeHttpUrl("http://example.se")).toBe("http://example.se");
    for (const bad of ["javascript:alert(1)", "https://exa mple.se", "https://example.se/\"onclick", "ftp://example.se", "https://example.se:123456", "xhttps://example.se", "https://example.se x", "", undefined]) {
      expect(safeHttpUrl(bad)).toBeNull();
    }
  });
});
