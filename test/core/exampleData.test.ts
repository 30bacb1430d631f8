/*
 * The built-in example edition as its readers meet it: conditions are what a prescriber must know
 * (sources and the project's notes stand in Källa/Anteckning), SÄBO-only conditions never reach an
 * answer for another housing form, and its Sökord find the common codes.
 */
import { BOENDEFORMER } from "../../src/core/boendeform";
import { exampleWorkbook } from "../../src/core/example/exampleWorkbook";
import { readWorkbook } from "../../src/core/model";
import { searchEntries, searchLists } from "../../src/core/search";
import { BILAGA_KEYS } from "../../src/core/sheets";
import { valueOf } from "../../src/core/values";
import { buildWhoPaysIndex, whoPays } from "../../src/core/whoPays";

const model = readWorkbook(exampleWorkbook());
const rows = BILAGA_KEYS.flatMap((k) => model.bilagor[k]?.rows ?? []);

/** Words that belong to a source note, not to a condition. */
const SOURCE_WORDS = /Källa|källan|exemplets|bakgrund|hjalpmedelstockholm|vardgivarguiden|Sidan|sidans/i;

describe("the example edition's conditions", () => {
  it("hold no source, page or mapping note: those are in Källa and Anteckning", () => {
    const conditions = rows.flatMap((r) => [r.villkor, ...Object.values(r.formVillkor ?? {})]).filter((v): v is string => v !== null);
    expect(conditions.length).toBeGreaterThan(20);
    expect(conditions.filter((v) => SOURCE_WORDS.test(v))).toEqual([]);
    // Every row names its source.
    expect(rows.filter((r) => !r.kalla).map((r) => `${r.bilaga} rad ${r.row}`)).toEqual([]);
  });

  it("in Bilaga 1 are SÄBO's own (the SÄBO page is the source), so no other housing form's answer shows them", () => {
    const b1 = model.bilagor.B1!.rows;
    expect(b1.filter((r) => r.villkor !== null).map((r) => r.row)).toEqual([]);
    expect(b1.every((r) => r.formVillkor?.SABO)).toBe(true);
    const index = buildWhoPaysIndex(model);
    for (const r of b1) {
      const code = valueOf(r.iso)!.code;
      for (const form of BOENDEFORMER) {
        const answer = whoPays({ iso: code, boendeform: form, age: 80 }, index);
        if (!answer.ok) throw new Error(answer.message);
        // Socialpsykiatri answers from Bilaga 4 and the principles, with their own conditions.
        if (form !== "SABO" && form !== "SOL_SOCPSYK") expect([code, form, answer.villkor]).toEqual([code, form, null]);
        else if (answer.rule === "LIST") expect(answer.villkor).toBe(r.formVillkor!.SABO);
      }
    }
  });
});

describe("the example edition's Sökord", () => {
  const entries = searchEntries(model);
  it.each([
    ["hörapparat", "22 06 15"],
    ["rullator", "12 06 06"],
    ["rollator", "12 06 06"],
    ["rullstol", "12 22"],
    ["elrullstol", "12 23"],
    ["lyft", "12 36"],
    ["taklyft", "12 36 12"],
    ["vårdsäng", "18 12 10"],
    ["duschstol", "09 33 07"],
  ])("finds %s at %s", (word, code) => {
    expect(searchLists(entries, word).map((h) => h.entry.code)).toContain(code);
  });

  it("are words of codes in the ISO 9999 sheet, never a title", () => {
    const withWords = (model.iso?.rows ?? []).filter((r) => r.sokord);
    expect(withWords.length).toBeGreaterThan(15);
    for (const r of withWords) expect(r.title).not.toBe(r.sokord);
    expect(entries.every((e) => !/;/.test(e.title))).toBe(true);
  });
});
