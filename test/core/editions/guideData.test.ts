/*
 * Hjälpmedelsguiden answers from a compact copy of the edition (guide-data.js): it must answer
 * exactly as the edition itself does, and carry no documentation fields onto the public site.
 */
import { BOENDEFORMER } from "../../../src/core/boendeform";
import { editionFromModel, editionToRawWorkbook, type Edition } from "../../../src/core/editions/edition";
import { compactEdition, compactForCode, expandEdition } from "../../../src/core/editions/guideData";
import { guideDataScript } from "../../../src/core/editions/guideSite";
import { exampleWorkbook } from "../../../src/core/example/exampleWorkbook";
import { readWorkbook } from "../../../src/core/model";
import { buildWhoPaysIndex, whoPays } from "../../../src/core/whoPays";
import { listRow, workbook } from "../../helpers/workbooks";

const meta = { name: "2026:1", decided: "2025-10-01", effective: "2026-01-01" };

/** Every code in the edition, the codes above and beside them, and some that are in no list. */
function codesOf(edition: Edition): string[] {
  const codes = new Set<string>(["99 99 99", "12", "x", "22 06 15", "12 36 03"]);
  for (const sheet of Object.values(edition.bilagor)) for (const r of sheet?.rows ?? []) if (r.iso) codes.add(r.iso).add(r.iso.slice(0, 5)).add(r.iso.slice(0, 2)).add(`${r.iso.slice(0, 5)} 99`);
  return [...codes];
}

const indexOf = (edition: Edition) => buildWhoPaysIndex(readWorkbook(editionToRawWorkbook(edition)), edition.name);

/** Every answer for the codes, each form, age group and Specialanpassad, on two dates. */
function answers(edition: Edition, codes = codesOf(edition), index = indexOf(edition)): string[] {
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
          listRow("12 22 03", "Transportrullstolar", ["Region", "Region", "Region", "Region"], { Status: "Utgår", Beslutsdatum: "2025-12-01" }),
          listRow("12 22 18", "Vårdarmanövrerade", ["Kommun", "Kommun", "Kommun", "Region"]),
          listRow("12 24", "Drivaggregat", ["Kommun", "Kommun", "Kommun", null]),
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

  it.each([
    ["the example workbook", () => editionFromModel(readWorkbook(exampleWorkbook()), meta)],
    ["rows with per-form Villkor, future Giltig från, proposals, grundutrustning and huvudhjälpmedel", varied],
  ])("a deep link's answer from the rows for its code alone equals the whole edition's: %s", (_name, make) => {
    const edition = make();
    const compact = JSON.parse(JSON.stringify(compactEdition(edition))) as ReturnType<typeof compactEdition>;
    const whole = indexOf(edition);
    let fewer = 0;
    for (const code of codesOf(edition)) {
      const part = expandEdition(compactForCode(compact, code));
      const rows = (e: Edition) => Object.values(e.bilagor).reduce((n, s) => n + (s?.rows.length ?? 0), 0);
      if (rows(part) < rows(edition)) fewer++;
      expect(answers(part, [code])).toEqual(answers(edition, [code], whole));
    }
    // The reduced editions really are smaller (or the test would prove nothing).
    expect(fewer).toBeGreaterThan(5);
  });

  it("leaves the documentation fields out of the public script", () => {
    const edition = varied();
    const script = guideDataScript(edition);
    expect(script).not.toContain("Internt resonemang");
    expect(script).not.toContain("Bara för gruppen");
    expect(script).toContain("Bara i bostaden.");
    expect(script).toMatch(/^window\.HJALPMEDELSGUIDEN = JSON\.parse\(".*"\);\n$/s);
  });
  it("round-trips every row field by field, the documentation fields null, with no trailing nulls and no unmapped columns", () => {
    const edition = varied();
    const compact = compactEdition(edition);
    const expanded = expandEdition(JSON.parse(JSON.stringify(compact)) as ReturnType<typeof compactEdition>);
    const guideFields = ["row", "iso", "product", "title", "grundutrustning", "villkor", "huvudhjalpmedel", "fortroende", "status", "beslutsdatum", "giltigFran", "sokord"];
    let trimmed = 0;
    for (const [key, sheet] of Object.entries(edition.bilagor) as Array<[keyof Edition["bilagor"], NonNullable<Edition["bilagor"][keyof Edition["bilagor"]]>]>) {
      const c = compact.bilagor[key]!;
      expect(c.fields.slice(0, guideFields.length)).toEqual(guideFields);
      // The nested fields after them, sorted, each one a payer or a per-form Villkor a row has.
      const nested = c.fields.slice(guideFields.length);
      expect(nested).toEqual([...nested].sort());
      for (const f of nested) expect(sheet.rows.some((r) => (r as unknown as Record<string, Record<string, unknown> | undefined>)[f.split(".")[0]!]?.[f.split(".")[1]!] !== undefined)).toBe(true);
      expect(c.columns).toEqual(sheet.columns.filter((col) => col.field !== null));
      for (const values of c.rows) {
        expect(values.length === 0 || values[values.length - 1] !== null).toBe(true);
        if (values.length < c.fields.length) trimmed++;
      }
      // Strict: a field set to undefined (read past the end of a trimmed row) is not a null.
      expect(expanded.bilagor[key]!.rows).toStrictEqual(
        sheet.rows.map((r) => {
          const o = r as unknown as Record<string, unknown>;
          // A payer or per-form Villkor that is null is left out of the compact form, as absent.
          const given = (v: unknown) => Object.fromEntries(Object.entries((v ?? {}) as Record<string, unknown>).filter(([, x]) => x !== null));
          const want: Record<string, unknown> = { motivering: null, ekonomisk: null, konsekvens: null, payers: given(o.payers) };
          for (const f of guideFields) want[f] = o[f] ?? null;
          if (Object.keys(given(o.formVillkor)).length > 0) want.formVillkor = given(o.formVillkor);
          return want;
        }),
      );
    }
    expect(trimmed).toBeGreaterThan(0);
  });
});
