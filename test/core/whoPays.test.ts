import fc from "fast-check";
import { readWorkbook } from "../../src/core/model";
import { buildWhoPaysIndex, whoPays, type WhoPaysIndex, type WhoPaysQuery, type WhoPaysResult } from "../../src/core/whoPays";
import { listRow, withDecisions, workbook, type Rec, type WorkbookSpec } from "../helpers/workbooks";
import { exampleWorkbook } from "../../src/core/example/exampleWorkbook";
import { LEVEL_NAMES_SV } from "../../src/core/iso";

const K = "Kommun";
const R = "Region";
const E = "Egenansvar";

const SPEC: WorkbookSpec = {
  b1: [
    listRow("12 22", "Manuellt drivna rullstolar", [K, K, K, K], { Villkor: "Transportrullstol är boendets ansvar" }), // row 2
    listRow("12 22 18", "Vårdarmanövrerade rullstolar", [K, R, K, K]), // row 3
    listRow("12 06", "Gånghjälpmedel", [K, null, "nonsens", K]), // row 4
    listRow("09 12 03", "Flyttbara toalettstolar", [K, K, K, K]), // row 5
    listRow("09 12 09", "Toalettstolar", [R, K, K, K]), // row 6
    listRow("18 09 03", "Stolar", [K, K, K, K]), // row 7
    listRow("18 09 21", "Speciella sittmöbler", [K, K, K, K]), // row 8
    listRow("22 06 15", "Bakom-örat-apparater", [K, K, K, K]), // row 9: contradicts the principle, principle wins
    listRow("04 27 18", "Sinnesstimulering", [E, null, null, null]), // row 10
    listRow("12 31 03", "Glidning", [K, K, K, K], { Status: "Förslag" }), // row 11
    listRow("12 31 09", "Lyftbågar", [R, R, R, R], { Status: "Utgår" }), // row 12
    listRow("12 31 15", "Uppresningsbälten", [K, K, K, K], { Status: "Beslutad", "Giltig från": "2027-03-01" }), // row 13
    listRow("12 31 15 ", "dubblett ignoreras inte", [K, K, K, K], { Status: "Kräver huvudmannabeslut" }), // row 14
  ],
  b2: [
    listRow("09 30", "Absorberande hjälpmedel", [K, K, K, K]), // row 2
    listRow("18 09 21", "krock med bilaga 1", [R, K, K, K]), // row 3: conflicts with B1 row 8 for SÄBO
  ],
  b4: [
    { "ISO-kod": "18 12 10", Benämning: "Sängar", Kostnadsansvar: K, Grundutrustning: "Ja" }, // row 2
    { "ISO-kod": "12 36 03", Benämning: "Mobila lyftar", Kostnadsansvar: R }, // row 3: lift principle wins
    { "ISO-kod": "04 33", Benämning: "Antidecubitus", Kostnadsansvar: null }, // row 4
  ],
};

// A fresh index for each test, built inside the test on first use: whoPays memoises its answers
// per index, so with one index for the file a step run in one test would only be read (its
// explanation written) in a later one; and code run in a beforeEach hook is credited to no test.
// Either way mutation testing (per-test coverage) would not run the test against those mutants.
let built: WhoPaysIndex | null = null;
beforeEach(() => {
  built = null;
});
const specIndex = (): WhoPaysIndex => (built ??= buildWhoPaysIndex(readWorkbook(workbook(SPEC))));
const ask = (q: Partial<WhoPaysQuery> & Pick<WhoPaysQuery, "iso">, date = "2026-11-23"): WhoPaysResult =>
  whoPays({ boendeform: "SABO", age: 80, date, ...q }, specIndex());
const answer = (q: Partial<WhoPaysQuery> & Pick<WhoPaysQuery, "iso">, date?: string) => {
  const r = ask(q, date);
  if (!r.ok) throw new Error(`expected an answer, got ${r.code}`);
  return r;
};

/** A decision of the huvudmän on 22 06 21 in Bilaga 1 (rule 2a's tests). */
const HMS: Rec = { Datum: "2026-03-12", Beslutsreferens: "HMS 2026/4", "ISO-kod": "22 06 21", Bilaga: "Bilaga 1", Beslut: "Kommunen bekostar", "Beslutat av": "Huvudmännen" };
/** The answer over its own workbook in one line: payer, rule, § and the source row, or the input error's code. */
const said = (raw: ReturnType<typeof workbook>, boendeform: string, iso = "22 06 21", extra: Partial<WhoPaysQuery> = {}) => {
  const a = whoPays({ iso, boendeform, age: 80, date: "2026-05-01", ...extra }, buildWhoPaysIndex(readWorkbook(raw)));
  return a.ok ? `${a.payer} ${a.rule} ${a.section}${a.source ? ` rad ${a.source.row}` : ""}` : `error ${a.code}`;
};

describe("whoPays precedence (rules.md)", () => {
  it("1. returns Region when the person is under 18, whatever the list says", () => {
    const r = answer({ iso: "12 22 03", age: 17.9 });
    expect(r).toMatchObject({ payer: R, rule: "AGE_UNDER_18", section: "§1.1, §2.2", source: null });
    expect(answer({ iso: "12 22 03", age: 18 }).rule).toBe("LIST");
  });

  it("2. returns Region for codes under a Region principle, at all ages and against the list", () => {
    expect(answer({ iso: "22 06 15" })).toMatchObject({ payer: R, rule: "REGION_HORSEL", section: "§2.2", source: { sheet: "Principer", row: 2, iso: "22 06" } });
    expect(answer({ iso: "22 03 06", boendeform: "LSS_DV" })).toMatchObject({ payer: R, rule: "REGION_SYN" });
    expect(answer({ iso: "06 12", boendeform: "socialpsykiatri" })).toMatchObject({ payer: R, rule: "REGION_ORTOPEDTEKNIK" });
    expect(answer({ iso: "04 24 12" })).toMatchObject({ payer: R, rule: "REGION_DIABETES_TEST" });
  });

  it("2. does not apply a principle to a code above it, but counts it among what lies below", () => {
    // 22 lies above 22 06 (hearing, Region) and 22 03 (vision, Region); the list's 22 06 15 says Kommun.
    expect(answer({ iso: "22" })).toMatchObject({ rule: "AMBIGUOUS", payer: null });
  });

  it("3. returns Region for a specially adapted aid", () => {
    expect(answer({ iso: "12 22 03", specialanpassad: true })).toMatchObject({ payer: R, rule: "SPECIALANPASSAD", section: "§2.2" });
    expect(answer({ iso: "12 22 03", specialanpassad: "ja" }).rule).toBe("SPECIALANPASSAD");
    expect(answer({ iso: "12 22 03", specialanpassad: false }).rule).toBe("LIST");
  });

  it("4. returns Kommun for lifts in socialpsykiatri, before bilaga 4", () => {
    expect(answer({ iso: "12 36 03", boendeform: "SOL_SOCPSYK" })).toMatchObject({ payer: K, rule: "SOCPSYK_KOMMUN", section: "§5.2", source: { sheet: "Principer", iso: "12 36" } });
  });

  it("5. answers socialpsykiatri from bilaga 4, most specific row", () => {
    expect(answer({ iso: "18 12 10", boendeform: "SOL_SOCPSYK" })).toMatchObject({ payer: K, rule: "BILAGA4", source: { sheet: "Bilaga 4", row: 2, iso: "18 12 10" } });
    expect(answer({ iso: "18 12 10 ", boendeform: "SOL_SOCPSYK" }).rule).toBe("BILAGA4");
  });

  it("5. does not guess when the bilaga 4 row has no payer", () => {
    expect(answer({ iso: "04 33 06", boendeform: "SOL_SOCPSYK" })).toMatchObject({ payer: null, rule: "UNLISTED", source: { sheet: "Bilaga 4", row: 4 } });
  });

  it("6. defaults to Region in socialpsykiatri; bilaga 1–3 do not apply", () => {
    expect(answer({ iso: "12 22 03", boendeform: "SOL_SOCPSYK" })).toMatchObject({ payer: R, rule: "SOCPSYK_DEFAULT", section: "§5.2", source: null });
  });

  it("7. answers from the most specific row of bilaga 1 or 2 in the form's column", () => {
    expect(answer({ iso: "12 22 18", boendeform: "LSS_BOSTAD" })).toMatchObject({ payer: R, rule: "LIST", section: "§3.3", source: { sheet: "Bilaga 1", row: 3, iso: "12 22 18" } });
    expect(answer({ iso: "12 22 03", boendeform: "LSS_BOSTAD" })).toMatchObject({ payer: K, rule: "LIST", source: { row: 2, iso: "12 22" }, villkor: "Transportrullstol är boendets ansvar" });
    expect(answer({ iso: "09 30 12", boendeform: "SOL_DAGV" })).toMatchObject({ payer: K, section: "§4.3", source: { sheet: "Bilaga 2", row: 2 } });
    expect(answer({ iso: "04 27 18" })).toMatchObject({ payer: E, rule: "LIST" });
  });

  it("7. names no payer when the most specific row's cell is empty or unreadable", () => {
    expect(answer({ iso: "12 06 03", boendeform: "LSS_BOSTAD" })).toMatchObject({ payer: null, rule: "UNLISTED", source: { row: 4 } });
    expect(answer({ iso: "12 06 03", boendeform: "LSS_DV" })).toMatchObject({ payer: null, rule: "UNLISTED", source: { row: 4 } });
  });

  it("7. reports a conflict between bilaga 1 and 2 at the same code as AMBIGUOUS", () => {
    expect(answer({ iso: "18 09 21" })).toMatchObject({ payer: null, rule: "AMBIGUOUS", section: "§2.5" });
    expect(answer({ iso: "18 09 21", boendeform: "LSS_BOSTAD" })).toMatchObject({ payer: K, rule: "LIST" });
  });

  it("8. is AMBIGUOUS when only finer rows exist and they disagree", () => {
    expect(answer({ iso: "09 12" })).toMatchObject({ payer: null, rule: "AMBIGUOUS", section: "§2.5", source: null });
  });

  it("8. answers LIST when all finer rows agree", () => {
    expect(answer({ iso: "09 12", boendeform: "LSS_BOSTAD" })).toMatchObject({ payer: K, rule: "LIST" });
    expect(answer({ iso: "18 09", boendeform: "LSS_BOSTAD" })).toMatchObject({ payer: K, rule: "LIST" });
    // In SÄBO, bilaga 2's 18 09 21 (Region) disagrees with bilaga 1's rows (Kommun).
    expect(answer({ iso: "18 09" })).toMatchObject({ payer: null, rule: "AMBIGUOUS" });
  });

  it("8. names no payer when a finer row has no payer for the form (never a partial agreement)", () => {
    const idx = buildWhoPaysIndex(readWorkbook(workbook({ b1: [listRow("12 22 03", "a", [K, K, K, K]), listRow("12 22 06", "b", [null, K, K, K])] })));
    expect(whoPays({ iso: "12 22", boendeform: "SÄBO", age: 80 }, idx)).toMatchObject({ ok: true, payer: null, rule: "UNLISTED", source: { row: 3 } });
    expect(whoPays({ iso: "12 22", boendeform: "LSS bostad", age: 80 }, idx)).toMatchObject({ ok: true, payer: K, rule: "LIST" });
  });

  it("6. does not default a broad code to Region when lifts or Kommun rows of bilaga 4 lie below it", () => {
    expect(answer({ iso: "12", boendeform: "SOL_SOCPSYK" })).toMatchObject({ payer: null, rule: "AMBIGUOUS" });
    expect(answer({ iso: "18", boendeform: "SOL_SOCPSYK" })).toMatchObject({ payer: null, rule: "AMBIGUOUS" });
    expect(answer({ iso: "15", boendeform: "SOL_SOCPSYK" })).toMatchObject({ payer: R, rule: "SOCPSYK_DEFAULT" });
  });

  it("never lets the parent answer when the row's Status or Giltig från cannot be read", () => {
    const idx = buildWhoPaysIndex(readWorkbook(workbook({ b1: [listRow("12 22", "a", [K, K, K, K]), listRow("12 22 03", "b", [R, R, R, R], { "Giltig från": "2020-13-01" })] })));
    expect(whoPays({ iso: "12 22 03", boendeform: "SÄBO", age: 80 }, idx)).toMatchObject({ ok: true, payer: null, rule: "UNLISTED", source: { row: 3 } });
  });

  describe("a row whose ISO-kod cannot be read never lets another row decide", () => {
    // The row could be any code: an error (#N/A), a date serial Excel made of a code, text that is no code.
    const cells: Array<[string, unknown]> = [["an error", { error: "#N/A" }], ["a date", new Date(Date.UTC(2026, 4, 1))], ["text", "tolv tjugotvå"]];
    it.each(cells)("with %s in the cell, rules 7, 8 and 10 answer UNLISTED naming that row, for the forms it names a payer in", (_what, bad) => {
      const idx = buildWhoPaysIndex(readWorkbook(workbook({ b1: [listRow("12 22 03", "a", [R, R, R, R]), listRow(bad as never, "b", [K, null, null, null])] })));
      for (const iso of ["12 22 03", "12 22", "15 09 13"]) {
        expect([iso, whoPays({ iso, boendeform: "SÄBO", age: 80 }, idx)]).toEqual([iso, expect.objectContaining({ ok: true, payer: null, rule: "UNLISTED", section: "§6.3", source: { sheet: "Bilaga 1", row: 3, iso: "" } })]);
      }
      // Its empty LSS column names nothing: there the readable rows answer.
      expect(whoPays({ iso: "12 22 03", boendeform: "LSS bostad", age: 80 }, idx)).toMatchObject({ ok: true, payer: R, rule: "LIST", source: { row: 2 } });
      // Rules before the lists are not the bilaga's to block.
      expect(whoPays({ iso: "12 22 03", boendeform: "SÄBO", age: 12 }, idx)).toMatchObject({ ok: true, payer: R, rule: "AGE_UNDER_18" });
      expect(whoPays({ iso: "22 06 15", boendeform: "SÄBO", age: 80 }, idx)).toMatchObject({ ok: true, payer: R, rule: "REGION_HORSEL" });
    });

    it("a row that does not count (Utgår, a later Giltig från) blocks nothing; an unreadable Status blocks", () => {
      const rows = (extra: Record<string, unknown>) => buildWhoPaysIndex(readWorkbook(workbook({ b1: [listRow("12 22 03", "a", [R, R, R, R]), listRow({ error: "#N/A" } as never, "b", [K, K, K, K], extra as never)] })));
      const ask = (idx: ReturnType<typeof rows>) => whoPays({ iso: "12 22 03", boendeform: "SÄBO", age: 80, date: "2026-06-01" }, idx);
      expect(ask(rows({ Status: "Utgår" }))).toMatchObject({ payer: R, rule: "LIST" });
      expect(ask(rows({ "Giltig från": "2027-01-01" }))).toMatchObject({ payer: R, rule: "LIST" });
      expect(ask(rows({ Status: "kanske" }))).toMatchObject({ payer: null, rule: "UNLISTED", source: { row: 3 } });
      expect(ask(rows({ "Giltig från": "2026-01-01" }))).toMatchObject({ payer: null, rule: "UNLISTED", source: { row: 3 } });
    });

    it("in Bilaga 4 it blocks socialpsykiatri's answers from the bilaga and its default, not the lifts (rule 4)", () => {
      const idx = buildWhoPaysIndex(readWorkbook(workbook({ b4: [{ "ISO-kod": "1x", Benämning: "c", Kostnadsansvar: K }] })));
      expect(whoPays({ iso: "15 09 13", boendeform: "SOL_SOCPSYK", age: 40 }, idx)).toMatchObject({ ok: true, payer: null, rule: "UNLISTED", source: { sheet: "Bilaga 4", row: 2 } });
      expect(whoPays({ iso: "12 36 03", boendeform: "SOL_SOCPSYK", age: 40 }, idx)).toMatchObject({ ok: true, payer: K, rule: "SOCPSYK_KOMMUN" });
      expect(whoPays({ iso: "15 09 13", boendeform: "SÄBO", age: 80 }, idx)).toMatchObject({ ok: true, rule: "UNLISTED", source: null });
    });
  });

  it("9. answers NOT_IN_SCOPE for recognised forms outside the agreement", () => {
    expect(answer({ iso: "12 22 03", boendeform: "ordinärt boende" })).toMatchObject({ payer: null, rule: "NOT_IN_SCOPE", section: "§1.1", boendeform: null });
    expect(answer({ iso: "12 22 03", boendeform: "korttidsvistelse" })).toMatchObject({ payer: null, rule: "NOT_IN_SCOPE", section: "§3.2" });
  });

  it("10. never guesses: UNLISTED when nothing answers", () => {
    expect(answer({ iso: "15 09" })).toMatchObject({ payer: null, rule: "UNLISTED", section: "§6.3", source: null });
  });
});

describe("rows that count", () => {
  it("skips Förslag, Kräver huvudmannabeslut and Utgår rows", () => {
    expect(answer({ iso: "12 31 03" }).rule).toBe("UNLISTED");
    expect(answer({ iso: "12 31 09" }).rule).toBe("UNLISTED");
  });

  it("respects Giltig från against the query date", () => {
    expect(answer({ iso: "12 31 15" }, "2027-02-28").rule).toBe("UNLISTED");
    expect(answer({ iso: "12 31 15" }, "2027-03-01")).toMatchObject({ payer: K, rule: "LIST", source: { row: 13 } });
  });
});

describe("input errors", () => {
  it.each([
    [{ iso: "12 22 3" }, "ISO_FORMAT"],
    [{ iso: "" }, "ISO_FORMAT"],
    [{ iso: "12 22", boendeform: "sjukhus" }, "BOENDEFORM_UNKNOWN"],
    [{ iso: "12 22", boendeform: "" }, "BOENDEFORM_UNKNOWN"],
    [{ iso: "12 22", age: -1 }, "AGE_INVALID"],
    [{ iso: "12 22", age: 131 }, "AGE_INVALID"],
    [{ iso: "12 22", age: "åttio" }, "AGE_INVALID"],
    [{ iso: "12 22", age: null }, "AGE_INVALID"],
    [{ iso: "12 22", specialanpassad: "kanske" }, "SPECIALANPASSAD_INVALID"],
  ])("answers %j with %s", (q, code) => {
    expect(ask(q as never)).toMatchObject({ ok: false, code });
  });

  it("lists the valid keys when the boendeform is unknown", () => {
    const r = ask({ iso: "12 22", boendeform: "sjukhus" });
    expect(!r.ok && r.message).toContain("SABO, SOL_DAGV, LSS_BOSTAD, LSS_DV, SOL_SOCPSYK");
  });

  it("accepts age as text with a decimal comma", () => {
    expect(answer({ iso: "12 22", age: "17,5" }).rule).toBe("AGE_UNDER_18");
  });

  it("rejects a malformed date", () => {
    expect(whoPays({ iso: "12 22", boendeform: "SABO", age: 80, date: "2026-02-30" }, specIndex())).toMatchObject({ ok: false, code: "DATE_INVALID" });
  });

  it("never throws, and every answer has a rule and a section", () => {
    const cell = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant({ error: "#N/A" }));
    fc.assert(
      fc.property(cell, fc.oneof(cell, fc.constantFrom("SÄBO", "LSS bostad", "socialpsykiatri")), cell, cell, (iso, form, age, special) => {
        const r = whoPays({ iso: iso as never, boendeform: form as never, age: age as never, specialanpassad: special as never }, specIndex());
        if (r.ok) {
          expect(r.rule).toMatch(/^[A-Z_0-9]+$/);
          expect(r.section).toMatch(/^§/);
        } else {
          expect(r.code).toMatch(/^[A-Z_]+$/);
          expect(r.message.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});

describe("the built-in example edition", () => {
  const example = buildWhoPaysIndex(readWorkbook(exampleWorkbook()));
  it("answers the README's question: 12 22 03 in SÄBO for an 80-year-old", () => {
    expect(whoPays({ iso: "12 22 03", boendeform: "SÄBO", age: 80 }, example)).toMatchObject({ ok: true, payer: K, rule: "LIST", source: { sheet: "Bilaga 1", iso: "12 22" } });
  });
  it("leaves LSS cells unanswered rather than guessing", () => {
    expect(whoPays({ iso: "12 22 03", boendeform: "LSS bostad", age: 45 }, example)).toMatchObject({ ok: true, payer: null, rule: "UNLISTED" });
  });
});

describe("the index", () => {
  it("answers a workbook with no Principer sheet from the built-in principles", () => {
    const noPrinciples = buildWhoPaysIndex(readWorkbook(workbook({ principer: null })));
    expect(whoPays({ iso: "22 06 15", boendeform: "SABO", age: 80 }, noPrinciples)).toMatchObject({ ok: true, payer: R, rule: "REGION_HORSEL", source: null });
  });
  it("answers from the model directly too (index cached per model)", () => {
    const model = readWorkbook(workbook(SPEC));
    expect(whoPays({ iso: "12 22 03", boendeform: "SABO", age: 80, date: "2026-11-23" }, model)).toMatchObject({ ok: true, payer: K });
  });
});

describe("the explanation names its source", () => {
  // WHO_PAYS_WHY shows the explanation alone: whoever reads it must find the row that decided.
  it("every answer with a source row names that row in its explanation, once", () => {
    const example = readWorkbook(exampleWorkbook());
    const spec = readWorkbook(workbook(SPEC));
    const codes = ["12 22 03", "12 22 18", "12 06", "09 12 09", "22 06 15", "04 27 18", "12 31 15", "09 30", "18 09 21", "12 36 03", "09 33 12", "04 24 12", "22 03", "06 18", "15 09"];
    fc.assert(
      fc.property(fc.constantFrom(example, spec), fc.constantFrom(...codes), fc.constantFrom("SABO", "LSS_BOSTAD", "LSS_DV", "SOL_DAGV", "SOL_SOCPSYK"), fc.constantFrom(12, 80), (model, iso, boendeform, age) => {
        const r = whoPays({ iso, boendeform, age, date: "2026-11-23" }, model);
        if (!r.ok || r.source === null) return;
        const named = r.explanation.split(`${r.source.sheet} rad ${r.source.row}`).length - 1;
        expect([r.rule, named]).toEqual([r.rule, 1]);
      }),
      { numRuns: 300 },
    );
  });
});

describe("rule 2a's edges and the list steps' two unanswered kinds", () => {
  it("a decided Egenansvar deviation answers as decided, like a Kommun one", () => {
    const raw = withDecisions({ b1: [listRow("22 06 21", "Benförankrade", [E, K, R, R])] }, [HMS]);
    expect([said(raw, "SÄBO"), said(raw, "LSS bostad"), said(raw, "LSS daglig verksamhet")]).toEqual([
      "Egenansvar DECIDED_EXCEPTION §6.3 rad 2",
      "Kommun DECIDED_EXCEPTION §6.3 rad 2",
      "Region REGION_HORSEL §2.2 rad 2",
    ]);
  });

  it("a decision for one housing form decides that form only", () => {
    const raw = withDecisions({ b1: [listRow("22 06 21", "Benförankrade", [K, K, R, R])] }, [{ ...HMS, Boendeform: "SÄBO" }]);
    expect([said(raw, "SÄBO"), said(raw, "LSS bostad")]).toEqual(["Kommun DECIDED_EXCEPTION §6.3 rad 2", "Region REGION_HORSEL §2.2 rad 2"]);
  });

  it("a decided row that does not count, or cannot be read, never answers as decided", () => {
    const gone = withDecisions({ b1: [listRow("22 06 21", "Benförankrade", [K, K, R, R], { Status: "Utgår" })] }, [HMS]);
    expect(said(gone, "SÄBO")).toBe("Region REGION_HORSEL §2.2 rad 2");
    const unreadable = withDecisions({ b1: [listRow("22 06 21", "Benförankrade", [K, K, R, R], { Status: "kanske" })] }, [HMS]);
    expect(said(unreadable, "SÄBO")).not.toMatch(/DECIDED_EXCEPTION/);
    // Nor does a decided coarser row when the code's own row cannot be read.
    const below = withDecisions({ b1: [listRow("22 06", "Hörhjälpmedel", [K, K, R, R]), listRow("22 06 21", "Benförankrade", [K, K, R, R], { Status: "kanske" })] }, [{ ...HMS, "ISO-kod": "22 06" }]);
    expect(said(below, "SÄBO", "22 06")).toBe("Kommun DECIDED_EXCEPTION §6.3 rad 2");
    expect(said(below, "SÄBO")).not.toMatch(/DECIDED_EXCEPTION/);
  });

  it("the decided answer names the decision's reference, date and row, the principle it departs from and the column", () => {
    const raw = withDecisions({ b1: [listRow("22 06 21", "Benförankrade", [K, K, R, R])] }, [HMS]);
    const a = whoPays({ iso: "22 06 21", boendeform: "LSS bostad", age: 80, date: "2026-05-01" }, buildWhoPaysIndex(readWorkbook(raw)));
    const text = a.ok ? a.explanation : "";
    expect(["HMS 2026/4", "2026-03-12", "Beslut rad 2", "22 06", "§2.2", "kolumn LSS bostad", "Bilaga 1 rad 2", "§6.3"].filter((d) => !text.includes(d))).toEqual([]);
  });

  it("the decided row's Villkor goes with the answer", () => {
    const raw = withDecisions({ b1: [listRow("22 06 21", "Benförankrade", [K, K, R, R], { Villkor: "Efter utprovning" })] }, [HMS]);
    const a = whoPays({ iso: "22 06 21", boendeform: "SÄBO", age: 80, date: "2026-05-01" }, buildWhoPaysIndex(readWorkbook(raw)));
    expect(a.ok && a.rule === "DECIDED_EXCEPTION" ? a.villkor : null).toBe("Efter utprovning");
  });

  it("two counting rows for one code that disagree are AMBIGUOUS; one without a payer in the form is UNLISTED (bilaga 1 and 4)", () => {
    const list = workbook({ b1: [listRow("12 22", "Rullstolar", [K, K, K, K]), listRow("12 22", "Rullstolar igen", [R, K, K, K]), listRow("12 23", "El", [null, K, K, K])] });
    expect([said(list, "SÄBO", "12 22"), said(list, "LSS bostad", "12 22"), said(list, "SÄBO", "12 23")]).toEqual([
      "null AMBIGUOUS §2.5 rad 2",
      "Kommun LIST §3.3 rad 2",
      "null UNLISTED §6.3 rad 4",
    ]);
    const b4 = workbook({ b4: [{ "ISO-kod": "12 31", Benämning: "Lyft", Kostnadsansvar: K }, { "ISO-kod": "12 31", Benämning: "Lyft igen", Kostnadsansvar: R }, { "ISO-kod": "18 12", Benämning: "Sängar", Kostnadsansvar: null }] });
    expect([said(b4, "socialpsykiatri", "12 31"), said(b4, "socialpsykiatri", "18 12")]).toEqual(["null AMBIGUOUS §2.5 rad 2", "null UNLISTED §6.3 rad 4"]);
  });

  it("a list answer cites §3.3 in the LSS forms (bostad and daglig verksamhet) and §4.3 under SoL", () => {
    const raw = workbook({ b1: [listRow("12 22", "Rullstolar", [K, K, K, K])] });
    expect(["SÄBO", "LSS bostad", "LSS daglig verksamhet", "SoL dagverksamhet"].map((f) => said(raw, f, "12 22").split(" ")[2])).toEqual(["§4.3", "§3.3", "§3.3", "§4.3"]);
  });
});

describe("every answer and every input error is explained", () => {
  // One question per rule and branch over SPEC; the rule is asserted, and the explanation is never
  // empty and names the data it rests on.
  const QUESTIONS: ReadonlyArray<readonly [Partial<WhoPaysQuery> & Pick<WhoPaysQuery, "iso">, string, readonly string[]]> = [
    [{ iso: "12 22 03", age: 12 }, "AGE_UNDER_18", ["12 år"]],
    [{ iso: "22 06 15" }, "REGION_HORSEL", ["22 06 15", "under 22 06", "Principer rad 2"]],
    [{ iso: "12 22 03", specialanpassad: true }, "SPECIALANPASSAD", []],
    [{ iso: "12 36 03", boendeform: "socialpsykiatri" }, "SOCPSYK_KOMMUN", ["12 36 03", "under 12 36", "Principer rad 6"]],
    [{ iso: "18 12 10", boendeform: "socialpsykiatri" }, "BILAGA4", ["Bilaga 4 rad 2", "18 12 10", "kolumn Kostnadsansvar"]],
    [{ iso: "09 30", boendeform: "socialpsykiatri" }, "SOCPSYK_DEFAULT", ["09 30"]],
    [{ iso: "12", boendeform: "socialpsykiatri" }, "AMBIGUOUS", ["under 12 ", "12 36", "Kommun"]],
    [{ iso: "12 22 03" }, "LIST", ["Bilaga 1 rad 2", "underklass", "kolumn SÄBO", "Transportrullstol"]],
    [{ iso: "12 22 18" }, "LIST", ["Bilaga 1 rad 3", "kolumn SÄBO"]],
    [{ iso: "09 12" }, "AMBIGUOUS", ["09 12 03 (Bilaga 1 rad 5): Kommun", "09 12 09 (Bilaga 1 rad 6): Region"]],
    [{ iso: "09 12", boendeform: "LSS bostad" }, "LIST", ["under 09 12", "Kommun", "kolumn LSS bostad", "Bilaga 1 rad 5"]],
    [{ iso: "18 09" }, "AMBIGUOUS", ["18 09 03 (Bilaga 1 rad 7): Kommun", "18 09 21 (Bilaga 2 rad 3): Region"]],
    [{ iso: "18 09 21" }, "AMBIGUOUS", ["18 09 21", "kolumn SÄBO", "Bilaga 1 rad 8", "Bilaga 2 rad 3"]],
    [{ iso: "12 06", boendeform: "LSS bostad" }, "UNLISTED", ["Bilaga 1 rad 4", "kolumn LSS bostad"]],
    [{ iso: "24 09" }, "UNLISTED", ["24 09", "särskilt boende för äldre"]],
    [{ iso: "12 22", boendeform: "korttidsvistelse LSS" }, "NOT_IN_SCOPE", ["12 22", "korttidsvistelse enligt LSS", "§3.2"]],
  ];
  it.each(QUESTIONS)("%j answers %s with an explanation that names its data", (q, rule, data) => {
    const a = answer(q);
    expect(a.rule).toBe(rule);
    expect(a.explanation.length).toBeGreaterThan(30);
    expect(a.reason.length).toBeGreaterThan(5);
    // The data the answer rests on (age, codes, rows, column, the § of the answer), not the sentence.
    const wanted = [...data, ...a.section.split(/,\s*/)];
    expect([rule, wanted.filter((d) => !a.explanation.includes(d))]).toEqual([rule, []]);
  });

  it("an unreadable row's answer names the row, and for an unreadable code what the cell holds", () => {
    const explain = (b1: Rec[], iso: string) => {
      const r = whoPays({ iso, boendeform: "SÄBO", age: 80 }, buildWhoPaysIndex(readWorkbook(workbook({ b1 }))));
      return r.ok ? r.explanation : r.code;
    };
    const statusText = explain([listRow("12 22", "a", [K, K, K, K]), listRow("12 22 03", "b", [R, R, R, R], { Status: "kanske" })], "12 22 03");
    const isoText = explain([listRow("12 22 03", "a", [R, R, R, R]), listRow("tolv tjugotvå" as never, "b", [K, null, null, null])], "12 22 03");
    expect([["Bilaga 1 rad 3", "12 22 03"].filter((d) => !statusText.includes(d)), ["Bilaga 1 rad 3", "(b)", "tolv tjugotvå", "kolumn SÄBO"].filter((d) => !isoText.includes(d))]).toEqual([[], []]);
  });

  it("an input error echoes what was written", () => {
    const errors = [ask({ iso: "1222x" }), ask({ iso: "12 22", boendeform: "sjukhuset" }), ask({ iso: "12 22", age: "gammal" }), ask({ iso: "12 22", specialanpassad: "kanske" as unknown as boolean }), ask({ iso: "12 22" }, "igår")];
    expect(errors.map((e) => (e.ok ? "answered" : [e.code, ["1222x", "sjukhuset", "gammal", "kanske", "igår"].some((t) => e.message.includes(t))]))).toEqual([
      ["ISO_FORMAT", true],
      ["BOENDEFORM_UNKNOWN", true],
      ["AGE_INVALID", true],
      ["SPECIALANPASSAD_INVALID", true],
      ["DATE_INVALID", true],
    ]);
    // An empty cell is said to be missing, not echoed as ””; a name that could mean two forms lists both.
    const empty = [ask({ iso: "" }), ask({ iso: "12 22", boendeform: "" }), ask({ iso: "12 22", age: "" })];
    expect(empty.map((e) => (e.ok ? "answered" : e.message.length > 10 && !e.message.includes("””")))).toEqual([true, true, true]);
    const two = ask({ iso: "12 22", boendeform: "daglig sysselsättning" });
    expect(two.ok ? "answered" : [two.code, ["LSS_DV", "SOL_DAGV", "daglig sysselsättning"].filter((d) => !two.message.includes(d))]).toEqual(["BOENDEFORM_UNKNOWN", []]);
  });
});

describe("single-line changes to the precedence that the first mutation run let through", () => {
  // Each case pins one decision of whoPays.ts that a one-line change would flip: a row that does
  // not count must not vote, a broken cell must block, a shortcut must not change the answer.
  const explained = (raw: ReturnType<typeof workbook>, boendeform: string, iso: string) => {
    const a = whoPays({ iso, boendeform, age: 80, date: "2026-05-01" }, buildWhoPaysIndex(readWorkbook(raw)));
    return a.ok ? a.explanation : a.message;
  };

  it("reads an age written as digits, with at most one decimal part, and nothing else", () => {
    const code = (age: string) => {
      const r = ask({ iso: "12 22 03", age });
      return r.ok ? r.rule : r.code;
    };
    expect(["1e2", "0x50", "80 år", "-80", "80,55", " 80 ", "80.5"].map(code)).toEqual(["AGE_INVALID", "AGE_INVALID", "AGE_INVALID", "AGE_INVALID", "LIST", "LIST", "LIST"]);
  });

  it("a Status or Giltig från that holds an error value blocks the answer like unreadable text", () => {
    const raw = (extra: Rec) => workbook({ b1: [listRow("12 22", "Rullstolar", [K, K, K, K]), listRow("12 22 03", "Manuella", [R, R, R, R], extra)] });
    expect([said(raw({ Status: { error: "#N/A" } }), "SÄBO", "12 22 03"), said(raw({ "Giltig från": { error: "#REF!" } }), "SÄBO", "12 22 03")]).toEqual(["null UNLISTED §6.3 rad 3", "null UNLISTED §6.3 rad 3"]);
  });

  it("with proposals included a Förslag row answers, an Utgår row still does not", () => {
    const raw = workbook({ b1: [listRow("12 22", "Rullstolar", [K, K, K, K]), listRow("12 22 03", "Utgången", [R, R, R, R], { Status: "Utgår" }), listRow("12 22 06", "Föreslagen", [R, R, R, R], { Status: "Förslag" })] });
    expect([said(raw, "SÄBO", "12 22 03", { includeProposals: true }), said(raw, "SÄBO", "12 22 06", { includeProposals: true }), said(raw, "SÄBO", "12 22 06")]).toEqual([
      "Kommun LIST §4.3 rad 2",
      "Region LIST §4.3 rad 4",
      "Kommun LIST §4.3 rad 2",
    ]);
  });

  it("a boendeform or an age that is an error value or blanks is said to be missing, as an empty cell is", () => {
    const message = (q: Partial<WhoPaysQuery>) => {
      const r = ask({ iso: "12 22", ...q });
      return r.ok ? "answered" : r.message;
    };
    expect([message({ boendeform: { error: "#N/A" } }), message({ boendeform: "   " })]).toEqual([message({ boendeform: "" }), message({ boendeform: "" })]);
    expect(message({ age: "   " })).toBe(message({ age: "" }));
  });

  it("an input error shows at most the start of a long text, and names what it is about", () => {
    const message = (q: Partial<WhoPaysQuery>) => {
      const r = ask({ iso: "12 22", ...q });
      return r.ok ? "answered" : r.message;
    };
    const shown = (text: string, max: number) => [text.includes("x".repeat(max)), text.includes("x".repeat(max + 1))];
    expect([
      shown(message({ iso: "x".repeat(100) }), 60),
      shown(message({ age: "x".repeat(100) }), 30),
      shown(message({ specialanpassad: "x".repeat(100) }), 30),
      shown(message({ boendeform: "x".repeat(10) }), 10),
    ]).toEqual([
      [true, false],
      [true, false],
      [true, false],
      [true, false],
    ]);
    const date = ask({ iso: "12 22" }, "igår");
    expect(date.ok ? "answered" : [date.code, date.message.includes("Datumet")]).toEqual(["DATE_INVALID", true]);
  });

  it("a decided exception waits for an unreadable code in the bilaga, a broken twin row or no counting row at the level", () => {
    const brokenCode = withDecisions({ b1: [listRow("22 06 21", "Benförankrade", [K, K, R, R]), listRow({ error: "#N/A" }, "Trasig", [R, null, null, null])] }, [HMS]);
    const brokenTwin = withDecisions({ b1: [listRow("22 06 21", "Benförankrade", [K, K, R, R]), listRow("22 06 21", "Tvilling", [K, K, R, R], { Status: "kanske" })] }, [HMS]);
    // The code's own row is only a proposal: the decided coarser row answers.
    const proposalBelow = withDecisions({ b1: [listRow("22 06", "Hörhjälpmedel", [K, K, R, R]), listRow("22 06 21", "Benförankrade", [R, R, R, R], { Status: "Förslag" })] }, [{ ...HMS, "ISO-kod": "22 06" }]);
    expect([said(brokenCode, "SÄBO", "22 06 21"), said(brokenTwin, "SÄBO", "22 06 21"), said(proposalBelow, "SÄBO", "22 06 21")]).toEqual([
      "Region REGION_HORSEL §2.2 rad 2",
      "Region REGION_HORSEL §2.2 rad 2",
      "Kommun DECIDED_EXCEPTION §6.3 rad 2",
    ]);
  });

  it("the decided answer says when the decision has only a date, or no reference at all", () => {
    const onlyDate = explained(withDecisions({ b1: [listRow("22 06 21", "Benförankrade", [K, K, R, R])] }, [{ ...HMS, Beslutsreferens: null }]), "SÄBO", "22 06 21");
    const none = explained(withDecisions({ b1: [listRow("22 06 21", "Benförankrade", [K, K, R, R])] }, [{ ...HMS, Beslutsreferens: null, Datum: null }]), "SÄBO", "22 06 21");
    const both = explained(withDecisions({ b1: [listRow("22 06 21", "Benförankrade", [K, K, R, R])] }, [HMS]), "SÄBO", "22 06 21");
    expect([both.includes("beslut HMS 2026/4, 2026-03-12, Beslut rad 2"), onlyDate.includes("beslut 2026-03-12, Beslut rad 2"), none.includes("utan referens, Beslut rad 2")]).toEqual([true, true, true]);
  });

  it("socialpsykiatri: an Utgår bilaga 4 row lets the coarser row answer; Region rows and principles below a broad code do not make it ambiguous", () => {
    const gone = workbook({ b4: [{ "ISO-kod": "18 12", Benämning: "Sängar", Kostnadsansvar: K }, { "ISO-kod": "18 12 10", Benämning: "Elsängar", Kostnadsansvar: R, Status: "Utgår" }] });
    const regionBelow = workbook({ b4: [{ "ISO-kod": "18 12 10", Benämning: "Elsängar", Kostnadsansvar: R }] });
    const kommunBelow = workbook({ b4: [{ "ISO-kod": "18 12 10", Benämning: "Elsängar", Kostnadsansvar: K }] });
    expect([said(gone, "socialpsykiatri", "18 12 10"), said(regionBelow, "socialpsykiatri", "18 12"), said(workbook({}), "socialpsykiatri", "22"), said(kommunBelow, "socialpsykiatri", "18 12")]).toEqual([
      "Kommun BILAGA4 §5.2 rad 2",
      "Region SOCPSYK_DEFAULT §5.2",
      "Region SOCPSYK_DEFAULT §5.2",
      "null AMBIGUOUS §2.5",
    ]);
    expect(explained(kommunBelow, "socialpsykiatri", "18 12")).toContain("18 12 10 (Bilaga 4 rad 2): Kommun");
  });

  it("only a SOCPSYK_KOMMUN principle is a kommun exception in socialpsykiatri, and the first row of a principle code decides", () => {
    const principer: Rec[] = [
      { Princip: "REGION_HORSEL", "ISO-kod": "22 06" },
      { Princip: "REGION_SYN", "ISO-kod": "22 06" },
      { Princip: "SOCPSYK_KOMMUN", "ISO-kod": "12 36" },
      { Princip: "SOCPSYK_KOMMUN", "ISO-kod": "12 36" },
      { Princip: "FORTROENDE_BILAGA2", "ISO-kod": "09 12" },
    ];
    const raw = workbook({ principer });
    expect([said(raw, "SÄBO", "22 06 15"), said(raw, "socialpsykiatri", "12 36 03"), said(raw, "socialpsykiatri", "09 12 03")]).toEqual([
      "Region REGION_HORSEL §2.2 rad 2",
      "Kommun SOCPSYK_KOMMUN §5.2 rad 4",
      "Region SOCPSYK_DEFAULT §5.2",
    ]);
  });

  it("outside socialpsykiatri the lifts below a broad code do not vote; finer rows that do not count do not either", () => {
    const raw = workbook({ b1: [listRow("12 22", "Rullstolar", [R, R, R, R])] });
    expect(said(raw, "SÄBO", "12")).toBe("Region LIST §4.3 rad 2");
    // SPEC's rows under 12 31 are a proposal, an Utgår row and one in force from 2027.
    expect(answer({ iso: "12 31" })).toMatchObject({ payer: null, rule: "UNLISTED" });
  });

  it("an explanation names the payer and, only for a coarser row, the level it answered from", () => {
    const levels = Object.values(LEVEL_NAMES_SV);
    const exact = answer({ iso: "12 22 18" }).explanation;
    const coarser = answer({ iso: "12 22 03" }).explanation;
    expect([levels.filter((l) => exact.includes(l)), exact.includes("(12 22 18 Vårdarmanövrerade rullstolar), kolumn SÄBO"), levels.some((l) => coarser.includes(l))]).toEqual([[], true, true]);
    const [egen, region, kommun] = [answer({ iso: "04 27 18" }), answer({ iso: "12 22 18", boendeform: "LSS bostad" }), answer({ iso: "12 22 18" })];
    expect([egen.payer, egen.explanation.includes("Egenansvar"), region.payer, region.explanation.includes("Region Stockholm"), kommun.payer, kommun.explanation.includes("Kommunen"), kommun.explanation.includes("Region")]).toEqual([
      E,
      true,
      R,
      true,
      K,
      true,
      false,
    ]);
  });

  it("an unreadable bilaga 4 code names the column Kostnadsansvar and what the cell holds, cut to 30 characters", () => {
    const empty = workbook({ b4: [{ "ISO-kod": null, Benämning: "Okänd", Kostnadsansvar: K }] });
    const long = workbook({ b4: [{ "ISO-kod": "x".repeat(40), Benämning: "Okänd", Kostnadsansvar: K }] });
    const untitled = explained(workbook({ b4: [{ "ISO-kod": "#", Benämning: null, Kostnadsansvar: K }] }), "socialpsykiatri", "18 12 10");
    expect(untitled).toContain("Bilaga 4 rad 2 har en ISO-kod");
    const [a, b] = [explained(empty, "socialpsykiatri", "18 12 10"), explained(long, "socialpsykiatri", "18 12 10")];
    expect([a.includes("kolumn Kostnadsansvar"), a.includes("(tom)"), b.includes("x".repeat(30)), b.includes("x".repeat(31))]).toEqual([true, true, true, false]);
  });

  it("the ambiguous answers list each row and vote apart", () => {
    expect(answer({ iso: "18 09 21" }).explanation).toContain("), Bilaga 2 rad 3");
    expect(answer({ iso: "09 12" }).explanation).toContain("Kommun, 09 12 09");
    const lifts = workbook({ b4: [{ "ISO-kod": "12 31", Benämning: "Förflyttning", Kostnadsansvar: K }] });
    expect(explained(lifts, "socialpsykiatri", "12")).toContain(": Kommun, 12 31 (Bilaga 4 rad 2): Kommun");
  });

  it("a housing form outside the agreement other than LSS short stays is not told about short stays", () => {
    const home = answer({ iso: "12 22", boendeform: "hemtjänst" });
    const shortStay = answer({ iso: "12 22", boendeform: "korttidsvistelse" });
    expect([home.rule, home.section, home.explanation.includes("§3.2"), home.explanation.includes("Region Stockholm"), shortStay.explanation.includes("§3.2")]).toEqual(["NOT_IN_SCOPE", "§1.1", false, true, true]);
  });
});
