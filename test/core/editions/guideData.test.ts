/*
 * Hjälpmedelsguiden answers from a compact copy of the edition (guide-data.js): it must answer
 * exactly as the edition itself does, and carry no documentation fields onto the public site.
 */
import { BOENDEFORMER } from "../../../src/core/boendeform";
import { editionFromModel, editionToRawWorkbook, type Edition } from "../../../src/core/editions/edition";
import { compactEdition, expandEdition } from "../../../src/core/editions/guideData";
import { guideDataScript } from "../../../src/core/editions/guideSite";
import { exampleWorkbook } from "../../../src/core/example/exampleWorkbook";
import { readWorkbook } from "../../../src/core/model";
import { buildWhoPaysIndex, whoPays } from "../../../src/core/whoPays";
import { listRow, workbook } from "../../helpers/workbooks";

const meta = { name: "2026:1", decided: "2025-10-01", effective: "2026-01-01" };

/** Every answer for every code in the edition (and the codes above them), form, age group and Specialanpassad, on two dates. */
function answers(edition: Edition): string[] {
  const index = buildWhoPaysIndex(readWorkbook(editionToRawWorkbook(edition)), edition.name);
  const codes = new Set<string>(["99 99 99", "12", "x"]);
  for (const sheet of Object.values(edition.bilagor)) for (const r of sheet?.rows ?? []) if (r.iso) codes.add(r.iso).add(r.iso.slice(0, 5));
  const out: string[] = [];
  for (const iso of codes) {
    for (const boendeform of [...BOENDEFORMER, "okänd"]) {
      for (const age of [10, 70]) {
        for (const specialanpassad of ["", "ja"]) {
          for (const date of ["2026-01-01", "2027-06-01"]) out.push(JSON.stringify(whoPays({ iso, boendeform, age, specialanpassad, date }, index)));
        }
      }
    }
  }
  return out;
}

const varied = () =>
  editionFromModel(
    readWorkbook(
      workbook({
        formVillkor: true,
        b1: [
          listRow("12 22", "Manuellt drivna rullstolar", ["Kommun", "Region", "Kommun", "Kommun"], { Villkor: "Gäller i gemensamma utrymmen.", "Villkor LSS bostad": "Bara i bostaden." }),
          listRow("12 23", "Eldrivna rullstolar", ["Region", "Region", "Region", "Kommun"], { Status: "Beslutad", Beslutsdatum: "2026-05-01", "Giltig från": "2027-01-01", Motivering: "Internt resonemang" }),
          listRow("04 33", "Antidecubitusprodukter", ["Kommun", null, "Egenansvar", "Kommun"], { Huvudhjälpmedel: "12 22" }),
          listRow("22 36", "Inmatningsenheter", ["Kommun", "Kommun", "Kommun", "Kommun"], { Status: "Förslag", Konsekvensanalys: "Bara för gruppen" }),
        ],
        b2: [listRow("18 12", "Sängar", ["Kommun", "Region", "Region", "Region"], { Förtroendeförskrivning: "Ja" })],
        b3: [{ "Produkt/behandling": "Kompressionsstrumpor", "ISO-kod": "04 27", SÄBO: "Region", "LSS bostad": "Region", "LSS daglig verksamhet": "Region", "SoL dagverksamhet": "Region" }],
        b4: [
          { "ISO-kod": "18 09", Benämning: "Sittmöbler", Kostnadsansvar: "Kommun", Grundutrustning: "Ja" },
          { "ISO-kod": "12 31", Benämning: "Förflyttning", Kostnadsansvar: "Region", Grundutrustning: "Nej", Villkor: "Individuellt utprovad." },
        ],
      }),
    ),
    meta,
  );

describe("the guide's compact edition data", () => {
  it.each([
    ["the example workbook", () => editionFromModel(readWorkbook(exampleWorkbook()), meta)],
    ["rows with per-form Villkor, future Giltig från, proposals, grundutrustning and huvudhjälpmedel", varied],
  ])("answers exactly as the edition does: %s", (_name, make) => {
    const edition = make();
    const expanded = expandEdition(JSON.parse(JSON.stringify(compactEdition(edition))) as ReturnType<typeof compactEdition>);
    const before = answers(edition);
    expect(before.length).toBeGreaterThan(100);
    expect(answers(expanded)).toEqual(before);
  });

  it("leaves the documentation fields out of the public script", () => {
    const edition = varied();
    const script = guideDataScript(edition);
    expect(script).not.toContain("Internt resonemang");
    expect(script).not.toContain("Bara för gruppen");
    expect(script).not.toContain("2026-05-01");
    expect(script).toContain("Bara i bostaden.");
    expect(script).toMatch(/^window\.HJALPMEDELSGUIDEN = JSON\.parse\(".*"\);\n$/s);
  });
});
