/*
 * Per-form Villkor (workbook contract, optional additions): read tolerantly, answered for their
 * own housing form only, carried in the edition JSON, the bilaga CSV and the diff.
 */
import { readWorkbook } from "../../src/core/model";
import { diffModels } from "../../src/core/editions/diff";
import { editionFromModel, editionModel, parseEdition, serializeEdition } from "../../src/core/editions/edition";
import { editionToRawWorkbook } from "../../src/core/editions/editionRaw";
import { bilagaCsv } from "../../src/core/editions/publication";
import { readEditionInfo } from "../../src/core/utgava";
import { whoPays } from "../../src/core/whoPays";
import { listRow, workbook } from "../helpers/workbooks";
import type { RawWorkbook } from "../../src/core/cells";

const K = "Kommun";

/** Bilaga 1 with the per-form columns written as people do (case, spacing). */
function withFormColumns(villkorSabo: string | null): RawWorkbook {
  const base = workbook({ b1: [listRow("12 22", "Manuellt drivna rullstolar", [K, K, K, K], { Villkor: "Allmänt villkor." })] });
  return {
    sheets: base.sheets.map((s) => {
      if (s.name !== "Bilaga 1") return s;
      const header = (s.rows[0] as string[]).filter((h) => !h.startsWith("Villkor "));
      const row = s.rows[1]!.slice(0, header.length);
      return { name: s.name, rows: [[...header, "villkor  säbo", "VILLKOR LSS BOSTAD"], [...row, villkorSabo, "Endast i bostaden."]] };
    }),
  };
}

const ask = (model: ReturnType<typeof readWorkbook>, form: string) => whoPays({ iso: "12 22 03", boendeform: form, age: 80 }, model);

describe("per-form Villkor", () => {
  it("are read with tolerant headers and win over the general Villkor for their form only", () => {
    const model = readWorkbook(withFormColumns("Bara i SÄBO."));
    expect(model.bilagor.B1!.rows[0]!.formVillkor).toEqual({ SABO: "Bara i SÄBO.", LSS_BOSTAD: "Endast i bostaden." });
    expect(model.bilagor.B1!.extraColumns).toEqual([]);
    const villkor = (form: string) => {
      const r = ask(model, form);
      return r.ok ? [r.villkor, r.explanation.includes(`Villkor: ${r.villkor}`)] : null;
    };
    expect(villkor("SÄBO")).toEqual(["Bara i SÄBO.", true]);
    expect(villkor("LSS bostad")).toEqual(["Endast i bostaden.", true]);
    expect(villkor("daglig verksamhet")).toEqual(["Allmänt villkor.", true]);
  });

  it("are kept in the edition JSON (round trip, hash checked) and its bilaga CSV", () => {
    const model = readWorkbook(withFormColumns("Bara i SÄBO."));
    const edition = editionFromModel(model, { name: "1", decided: "2026-01-01", effective: "2026-04-01" });
    expect(edition.bilagor.B1!.rows[0]!.formVillkor).toEqual({ SABO: "Bara i SÄBO.", LSS_BOSTAD: "Endast i bostaden." });
    const parsed = parseEdition(serializeEdition(edition));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) throw new Error(parsed.message);
    const again = readWorkbook(editionToRawWorkbook(parsed.edition));
    expect(again.bilagor.B1!.rows[0]!.formVillkor).toEqual({ SABO: "Bara i SÄBO.", LSS_BOSTAD: "Endast i bostaden." });
    const csv = bilagaCsv(edition.bilagor.B1!).split("\r\n");
    expect(csv[0]).toMatch(/;villkor {2}säbo;VILLKOR LSS BOSTAD$/);
    expect(csv[1]).toMatch(/;Bara i SÄBO\.;Endast i bostaden\.$/);
  });

  it("an edition without them keeps its exact JSON (no new keys)", () => {
    const model = readWorkbook(workbook({ b1: [listRow("12 22", "Rullstolar", [K, K, K, K])] }));
    const json = serializeEdition(editionFromModel(model, { name: "1", decided: null, effective: null }));
    expect(json).not.toMatch(/formVillkor|publisher|contact|agreement/);
  });

  it("a change in one form's Villkor is a change for that form in the diff", () => {
    const before = readWorkbook(withFormColumns("Bara i SÄBO."));
    const after = readWorkbook(withFormColumns("Nytt för SÄBO."));
    expect(diffModels(before, after).map((c) => [c.kind, "boendeform" in c ? c.boendeform : null, "to" in c ? c.to : null])).toEqual([["villkor", "SABO", "Nytt för SÄBO."]]);
  });

  it("Utgivare, Kontakt and Överenskommelse are read from the Utgåva sheet and kept in the edition", () => {
    const raw = workbook({
      utgava: [
        { Fält: "Utgåva", Värde: "1" },
        { Fält: "utgivare", Värde: "Hjälpmedelssamverkan" },
        { Fält: "Kontakt", Värde: "samverkan@example.se" },
        { Fält: "Överenskommelse", Värde: "https://example.se/avtal.pdf" },
      ],
    });
    const model = readWorkbook(raw);
    expect(readEditionInfo(model)).toMatchObject({ utgivare: "Hjälpmedelssamverkan", kontakt: "samverkan@example.se", overenskommelse: "https://example.se/avtal.pdf" });
    const edition = editionFromModel(model, { name: "1", decided: null, effective: null });
    expect([edition.publisher, edition.contact, edition.agreement]).toEqual(["Hjälpmedelssamverkan", "samverkan@example.se", "https://example.se/avtal.pdf"]);
    expect(readEditionInfo(editionModel(edition))).toMatchObject({ utgivare: "Hjälpmedelssamverkan", kontakt: "samverkan@example.se", overenskommelse: "https://example.se/avtal.pdf" });
  });
});
