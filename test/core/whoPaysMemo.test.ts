import fc from "fast-check";
import { BOENDEFORM_INFO, OUT_OF_SCOPE } from "../../src/core/boendeform";
import type { CellValue } from "../../src/core/cells";
import { datedLists, whoPaysOnDate } from "../../src/core/editions/inForce";
import { exampleWorkbook } from "../../src/core/example/exampleWorkbook";
import { readWorkbook } from "../../src/core/model";
import { buildWhoPaysIndex, whoPays, whoPaysSpec, type WhoPaysIndex, type WhoPaysQuery, type WhoPaysResult } from "../../src/core/whoPays";
import { isoKey } from "../../src/core/whoPaysMemo";
import { listRow, workbook } from "../helpers/workbooks";

const K = "Kommun";
const R = "Region";

/** A model with every kind of row the precedence looks at: dated, proposed, unreadable, conflicting. */
const MODEL = readWorkbook(
  workbook({
    b1: [
      listRow("12 22", "Manuella rullstolar", [K, K, K, K], { Villkor: "Transportrullstol är boendets ansvar" }),
      listRow("12 22 18", "Vårdarmanövrerade", [K, R, K, K]),
      listRow("12 06", "Gånghjälpmedel", [K, null, "nonsens", K]),
      listRow("09 12 03", "Flyttbara toalettstolar", [K, K, K, K]),
      listRow("09 12 09", "Toalettstolar", [R, K, K, K]),
      listRow("18 09 21", "Speciella sittmöbler", [K, K, K, K]),
      listRow("22 06 15", "Bakom-örat-apparater", [K, K, K, K]),
      listRow("04 27 18", "Sinnesstimulering", ["Egenansvar", null, null, null]),
      listRow("12 31 03", "Glidning", [K, K, K, K], { Status: "Förslag" }),
      listRow("12 31 09", "Lyftbågar", [R, R, R, R], { Status: "Utgår" }),
      listRow("12 31 15", "Uppresningsbälten", [K, K, K, K], { Status: "Beslutad", "Giltig från": "2027-03-01" }),
      listRow("12 31 15", "dubblett", [R, K, K, K], { Status: "Kräver huvudmannabeslut" }),
      listRow("15 09", "Matlagning", [K, K, K, K], { "Giltig från": "2020-13-01" }),
    ],
    b2: [listRow("09 30", "Absorberande", [K, K, K, K]), listRow("18 09 21", "krock", [R, K, K, K])],
    b4: [
      { "ISO-kod": "18 12 10", Benämning: "Sängar", Kostnadsansvar: K, Grundutrustning: "Ja" },
      { "ISO-kod": "12 36 03", Benämning: "Mobila lyftar", Kostnadsansvar: R },
      { "ISO-kod": "04 33", Benämning: "Antidecubitus", Kostnadsansvar: null },
      { "ISO-kod": "18 12 12", Benämning: "Sängbord", Kostnadsansvar: K, "Giltig från": "2027-03-01" },
    ],
  }),
);
const INDEXES: readonly WhoPaysIndex[] = [buildWhoPaysIndex(MODEL), buildWhoPaysIndex(MODEL, "Utgåva A"), buildWhoPaysIndex(readWorkbook(exampleWorkbook()))];

/** What a caller can observe of a result: everything, the explanation included. */
const seen = (r: WhoPaysResult) => JSON.parse(JSON.stringify(r)) as unknown;

/** Codes the models have rows or principles for, and their neighbours. */
const CODES = ["12", "12 22", "12 22 03", "12 22 18", "12 06", "12 06 03", "09 12", "09 12 03", "09 12 09", "18 09", "18 09 21", "22 06", "22 06 15", "22 03 06", "06 12", "04 24 12", "04 27 18", "12 31", "12 31 03", "12 31 09", "12 31 15", "15 09", "15 09 03", "09 30", "09 30 12", "18 12", "18 12 10", "18 12 12", "12 36", "12 36 03", "04 33", "04 33 06", "09 33 12", "09", "05 33 06", "99 99 99"];

const ALIASES = [
  ...Object.values(BOENDEFORM_INFO).flatMap((info) => [info.key, info.nameSv, ...info.aliases]),
  ...OUT_OF_SCOPE.flatMap((form) => [form.key, form.nameSv, ...form.aliases]),
];

const recase = (text: string, mask: number) => [...text].map((ch, i) => ((mask >> i % 16) & 1 ? ch.toUpperCase() : ch.toLowerCase())).join("");

/** A code spelled as people and Excel do: separators, padding, numbers that lost a zero. */
const spelledCode = fc
  .tuple(fc.oneof(fc.constantFrom(...CODES), fc.stringMatching(/^\d{2}( \d{2}){0,2}$/)), fc.constantFrom(" ", ".", "-", "", " . "), fc.constantFrom("", " ", "  ", "\u00a0", "\t"), fc.boolean())
  .map(([code, sep, pad, asNumber]): CellValue => (asNumber ? Number(code.replace(/ /g, "")) : `${pad}${code.replace(/ /g, sep)}${pad}`));

const anyIso: fc.Arbitrary<CellValue> = fc.oneof(
  spelledCode,
  fc.integer({ min: -10, max: 2_000_000 }),
  fc.double({ noNaN: false }),
  fc.constantFrom(12.22, 1222.03, 0, -0, null, "", "  ", "12 2", "1 22 03", "12  22", "12 22 ", "12-22.03", "12 22 03 01", "１２ ２２"),
  fc.string({ maxLength: 10 }),
  fc.constant({ error: "#N/A" } as CellValue),
);

const anyForm: fc.Arbitrary<CellValue> = fc.oneof(
  fc.tuple(fc.constantFrom(...ALIASES), fc.integer({ min: 0, max: 65535 })).map(([a, mask]) => recase(a, mask)),
  fc.constantFrom(...ALIASES),
  fc.constantFrom(null, "", " ", "hemtjänst", " SÄBO", "säbo ", 5),
  fc.string({ maxLength: 8 }),
  fc.constant({ error: "#REF!" } as CellValue),
);

const anyAge: fc.Arbitrary<CellValue> = fc.oneof(
  fc.integer({ min: -3, max: 140 }),
  fc.double({ min: -1, max: 131 }),
  fc.integer({ min: 0, max: 140 }).map(String),
  fc.constantFrom("17,5", " 17 ", "017", "18.0", "", "-", "1e2", null, 17.5, -0, NaN, Infinity),
  fc.string({ maxLength: 4 }),
);

const anySpecial: fc.Arbitrary<CellValue | undefined> = fc.oneof(
  fc.constantFrom(undefined, null, "", "  ", true, false, "ja", "Nej", "X", 1, 0, 2, "kanske"),
  fc.constant({ error: "#N/A" } as CellValue),
);

const anyDate = fc.constantFrom(undefined, "2026-11-23", "2027-02-28", "2027-03-01", "2030-01-01", "2027-13-01", "2027-02-30", "idag", "");

const anyQuery: fc.Arbitrary<WhoPaysQuery> = fc.record(
  { iso: anyIso, boendeform: anyForm, age: anyAge, specialanpassad: anySpecial, date: anyDate, includeProposals: fc.constantFrom(undefined, false, true) },
  { requiredKeys: ["iso", "boendeform", "age"] },
) as fc.Arbitrary<WhoPaysQuery>;

/** As cost sheets fill a column: valid codes and forms in the usual spellings, adults and children. */
const realisticQuery: fc.Arbitrary<WhoPaysQuery> = fc.record({
  iso: spelledCode,
  boendeform: fc.tuple(fc.constantFrom(...ALIASES), fc.integer({ min: 0, max: 65535 })).map(([a, mask]) => recase(a, mask)),
  age: fc.oneof(fc.integer({ min: 0, max: 110 }), fc.integer({ min: 0, max: 110 }).map(String)),
  date: fc.constantFrom("2026-11-23", "2027-03-01"),
});

function sameAsSpec(q: WhoPaysQuery, index: WhoPaysIndex): void {
  const expected = seen(whoPaysSpec(q, index));
  // Twice: the first may fill the memo, the second is answered from it.
  expect(seen(whoPays(q, index))).toEqual(expected);
  expect(seen(whoPays(q, index))).toEqual(expected);
}

describe("whoPays's memo gives exactly the specification's answers", () => {
  it("on random queries of every cell type, explanations included", () => {
    fc.assert(
      fc.property(fc.array(anyQuery, { minLength: 1, maxLength: 20 }), fc.integer({ min: 0, max: INDEXES.length - 1 }), (qs, i) => {
        for (const q of qs) sameAsSpec(q, INDEXES[i]!);
      }),
      { numRuns: 500 },
    );
  });

  it("on realistic columns, where one memo entry serves many spellings", () => {
    fc.assert(
      fc.property(fc.array(realisticQuery, { minLength: 1, maxLength: 50 }), fc.integer({ min: 0, max: INDEXES.length - 1 }), (qs, i) => {
        for (const q of qs) sameAsSpec(q, INDEXES[i]!);
      }),
      { numRuns: 400 },
    );
  });

  it("on questions the fast reader is not sure of, remembered by their exact cells: near-identical cells never share an answer", () => {
    // Small pools, so the same and nearly the same unsure cells meet often in one run.
    const unsureQuery: fc.Arbitrary<WhoPaysQuery> = fc.record({
      iso: fc.constantFrom<CellValue>("12 22 03", " 12 22 03\t", "12 22 18", "１２ ２２", "12 2", "12 2 ", 122203.5, 1222.03, null, "09 12 09"),
      boendeform: fc.constantFrom<CellValue>("SÄBO", " säbo", "LSS bostad", "hemtjänst", " hemtjänst", 5, null),
      age: fc.constantFrom<CellValue>("80 ", 80, 16.6, 17.4, 17, "17,5", "-", null, -0, 0, " 9"),
      specialanpassad: fc.constantFrom<CellValue | undefined>(true, false, "ja", "Ja", "kanske", 1, 0, null, undefined, ""),
      date: fc.constantFrom("2026-11-23", "2027-03-01"),
      includeProposals: fc.constantFrom(undefined, false, true),
    }) as fc.Arbitrary<WhoPaysQuery>;
    fc.assert(
      fc.property(fc.array(unsureQuery, { minLength: 5, maxLength: 40 }), fc.integer({ min: 0, max: INDEXES.length - 1 }), (qs, i) => {
        for (const q of qs) sameAsSpec(q, INDEXES[i]!);
      }),
      { numRuns: 300 },
    );
  });

  it("answers per model and edition: the same question from another index is not served from the first", () => {
    const q = { iso: "12 22 03", boendeform: "SABO", age: 80, date: "2026-11-23" };
    const [draft, named] = INDEXES;
    const a = whoPays(q, draft!);
    const b = whoPays(q, named!);
    expect(a.ok && a.edition).toBe(null);
    expect(b.ok && b.edition).toBe("Utgåva A");
    expect(b.ok && b.explanation).toContain("(Utgåva Utgåva A.)");
  });

  it("respects a row's own Giltig från per date, also after the memo has answered another date", () => {
    const index = INDEXES[0]!;
    const ask = (date: string) => whoPays({ iso: "12 31 15", boendeform: "LSS_BOSTAD", age: 50, date }, index);
    expect(ask("2027-02-28")).toMatchObject({ ok: true, rule: "UNLISTED", payer: null });
    expect(ask("2027-03-01")).toMatchObject({ ok: true, rule: "LIST", payer: K });
    expect(ask("2027-02-28")).toMatchObject({ ok: true, rule: "UNLISTED" });
  });

  it("across editions on a date (whoPaysOnDate), the edition in force answers", () => {
    const lists = [datedLists(MODEL, "2026", "2026-01-01"), datedLists(readWorkbook(exampleWorkbook()), "2027", "2027-01-01")];
    const q = { iso: "22 06 15", boendeform: "LSS bostad", age: 70 };
    expect(whoPaysOnDate({ ...q, date: "2026-06-01" }, lists)).toMatchObject({ ok: true, edition: "2026", rule: "REGION_HORSEL" });
    expect(whoPaysOnDate({ ...q, date: "2027-06-01" }, lists)).toMatchObject({ ok: true, edition: "2027" });
    expect(whoPaysOnDate({ ...q, date: "2025-06-01" }, lists)).toMatchObject({ ok: false, code: "NO_EDITION" });
    expect(whoPaysOnDate({ ...q, date: "2026-02-30" }, lists)).toMatchObject({ ok: false, code: "DATE_INVALID" });
  });
});

describe("isoKey reads only what parseIsoCode reads, and the same way", () => {
  it("gives one key per normal form, distinct across levels", () => {
    expect(isoKey("12 22 03")).toBe(isoKey("122203"));
    expect(isoKey("12.22.03")).toBe(isoKey(" 12-22 03 "));
    expect(isoKey(122203)).toBe(isoKey("12 22 03"));
    expect(isoKey(1222)).toBe(isoKey("12 22"));
    expect(new Set([isoKey("12"), isoKey("00 12"), isoKey("00 00 12")]).size).toBe(3);
  });

  it("refuses (-1) what it is not sure of, leaving it to the specification", () => {
    // A lost leading zero (93312, 5, "93312") too: the specification answers, saying how it read the code.
    for (const raw of ["12 2", "12  22", "12 22 .", "\t12", "12..22", "1 22 03", "12 22 03 01", "", 12.5, -1, 1e6, null, true, 93312, 5, "93312"]) {
      expect(isoKey(raw as CellValue)).toBe(-1);
    }
    expect(isoKey("12 22 ")).toBe(isoKey("12 22"));
  });
});

