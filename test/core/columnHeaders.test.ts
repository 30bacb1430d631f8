/*
 * One header matcher for the files people bring: a cost file and a question file read a header
 * the same way, every listed header is read as its field however it is written, and two columns
 * for one thing are named.
 */
import { COLUMN_HEADERS, columnFieldOf, matchHeader, type ColumnField } from "../../src/core/columnHeaders";
import { FollowUpRun } from "../../src/core/costs/followUp";

const FIELDS = Object.keys(COLUMN_HEADERS) as ColumnField[];

describe("columnHeaders", () => {
  test("every header in the table is read as its field, in capitals, with a colon, a BOM or extra spaces", () => {
    for (const field of FIELDS) {
      for (const h of COLUMN_HEADERS[field].headers) {
        for (const written of [h, h.toUpperCase(), `${h}:`, `\ufeff ${h} `, h.replace(/ /g, "  ")]) expect([written, columnFieldOf(written)]).toEqual([written, field]);
      }
    }
    expect(columnFieldOf("kvartalet")).toBeNull();
    expect(columnFieldOf("")).toBeNull();
  });

  test("matchHeader finds each field's first column and names every field written twice", () => {
    const m = matchHeader(["Kommun", "ISO-kod", "x", "Belopp (kr)", "iso", "Kostnad", "Ålder"], ["kommun", "iso", "amount", "age", "date"]);
    expect(m.at).toEqual({ kommun: 0, iso: 1, amount: 3, age: 6, date: -1 });
    expect(m.duplicates).toEqual([
      { field: "iso", columns: [2, 5] },
      { field: "amount", columns: [4, 6] },
    ]);
    // A field not asked for is neither placed nor reported.
    expect(matchHeader(["iso", "iso"], ["kommun"])).toEqual({ at: { kommun: -1 }, duplicates: [] });
  });

  test("the follow-up reads every listed header of its columns, and refuses a column written twice", () => {
    const base = { kommun: "kommun", quarter: "kvartal", iso: "iso", boendeform: "boendeform", amount: "belopp" } as const;
    for (const field of Object.keys(base) as Array<keyof typeof base>) {
      for (const h of COLUMN_HEADERS[field].headers) {
        const header = Object.values({ ...base, [field]: h.toUpperCase() });
        expect([header, new FollowUpRun([]).source("f.csv").header(header)]).toEqual([header, []]);
        const twice = [...Object.values(base), h];
        expect(new FollowUpRun([]).source("f.csv").header(twice)).toEqual([COLUMN_HEADERS[field].labelSv]);
      }
    }
    // kvartal may be replaced by a date, but not left out with it.
    expect(new FollowUpRun([]).source("f.csv").header(["kommun", "datum", "iso", "boendeform", "belopp"])).toEqual([]);
    expect(new FollowUpRun([]).source("f.csv").header(["kommun", "iso", "boendeform", "belopp"])).toEqual(["kvartal"]);
  });
});
