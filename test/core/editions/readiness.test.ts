/*
 * Whether an edition may be published (publishReadiness), case by case on real reviews: the
 * blockers' codes and items, the three-month rule at its boundary, the name rules at theirs.
 */
import { blockerMessageSv, editionNameIssue, editionNameProblem, MAX_EDITION_NAME, publishReadiness, type BlockerCode, type BlockerParams, type PublishDateField, type PublishRequest } from "../../../src/core/editions/readiness";
import { expectBaseline } from "../../helpers/baseline";
import { readWorkbook } from "../../../src/core/model";
import type { RawWorkbook } from "../../../src/core/cells";
import { validateWorkbook } from "../../../src/core/validation/validateWorkbook";
import { listRow, withDecisions, workbook, type Rec } from "../../helpers/workbooks";

const K = "Kommun";
const R = "Region";
const UTGAVA: Rec[] = [
  { Fält: "Utgåva", Värde: "2026:2" },
  { Fält: "Beslutad", Värde: "2026-01-15" },
  { Fält: "Giltig från", Värde: "2026-04-15" },
];
const CLEAN: Rec[] = [listRow("12 22", "Manuellt drivna rullstolar", [K, K, K, K])];
// A hearing aid on Kommun in SÄBO and LSS bostad: against the Region principle (§2.2), a question for the huvudmän.
const DEVIATION = listRow("22 06 21", "Benförankrade hörapparater", [K, K, R, R]);
const DECISION: Rec = { Datum: "2026-01-15", Beslutsreferens: "HMS 2026/1", "ISO-kod": "22 06 21", Bilaga: "Bilaga 1", Beslut: "Kommunen bekostar", "Beslutat av": "Huvudmännen" };
// An empty payer cell: an error to fix, no question for anyone.
const MISSING = listRow("12 23", "Eldrivna rullstolar", [K, null, K, K]);

const REQUEST: PublishRequest = { name: "2026:2", decided: "2026-01-15", effective: "2026-04-15" };

function ready(raw: RawWorkbook, request: Partial<PublishRequest> = {}) {
  const model = readWorkbook(raw);
  const r = publishReadiness(model, validateWorkbook(raw), { ...REQUEST, ...request });
  return { codes: r.blockers.map((b) => b.code), items: r.blockers.map((b) => b.items.length), warnings: r.warnings.length };
}

describe("publishReadiness's dates", () => {
  it("gives the request's dates as it read them, for the pane to publish with; null where a blocker says why", () => {
    const check = (decided: string, effective: string) => publishReadiness(readWorkbook(workbook({ b1: CLEAN })), [], { name: "2026:2", decided, effective }).dates;
    expect(check(" 2026-01-15 ", "2026-04-15")).toEqual({ decided: "2026-01-15", effective: "2026-04-15" });
    expect(check("", "2026-02-30")).toEqual({ decided: null, effective: null });
  });
});

describe("publishReadiness", () => {
  it.each<[string, RawWorkbook, Partial<PublishRequest>, string[], number[]]>([
    ["a clean workbook", workbook({ b1: CLEAN, utgava: UTGAVA }), {}, [], []],
    ["an error to fix", workbook({ b1: [...CLEAN, MISSING], utgava: UTGAVA }), {}, ["ERRORS"], [0]],
    ["an undecided deviation: a question, not an error to fix", workbook({ b1: [...CLEAN, DEVIATION], utgava: UTGAVA }), {}, ["UNDECIDED"], [1]],
    ["both", workbook({ b1: [...CLEAN, MISSING, DEVIATION], utgava: UTGAVA }), {}, ["ERRORS", "UNDECIDED"], [0, 1]],
    ["a decided deviation", withDecisions({ b1: [...CLEAN, DEVIATION], utgava: UTGAVA }, [DECISION]), {}, [], []],
    ["Giltig från exactly three months after the decision", workbook({ b1: CLEAN, utgava: UTGAVA }), { effective: "2026-04-15" }, [], []],
    ["Giltig från a day short of three months", workbook({ b1: CLEAN, utgava: UTGAVA }), { effective: "2026-04-14" }, ["EFFECTIVE_TOO_EARLY"], [0]],
    ["three months from 30 November end on 28 February", workbook({ b1: CLEAN }), { decided: "2025-11-30", effective: "2026-02-28" }, [], []],
    ["a day before that", workbook({ b1: CLEAN }), { decided: "2025-11-30", effective: "2026-02-27" }, ["EFFECTIVE_TOO_EARLY"], [0]],
    ["a name other than the Utgåva sheet's", workbook({ b1: CLEAN, utgava: UTGAVA }), { name: "2026:3" }, ["NAME_MISMATCH"], [0]],
    ["the same, forced: said, not blocking", workbook({ b1: CLEAN, utgava: UTGAVA }), { name: "2026:3", force: true }, [], []],
    ["no name: only that is said (no mismatch besides)", workbook({ b1: CLEAN, utgava: UTGAVA }), { name: "  " }, ["NAME_INVALID"], [0]],
    ["a name already published", workbook({ b1: CLEAN, utgava: UTGAVA }), { published: ["2026:1", "2026:2"] }, ["NAME_TAKEN"], [0]],
    ["a name already published, written with spaces around it", workbook({ b1: CLEAN }), { name: " 2026:2 ", published: ["2026:2"] }, ["NAME_TAKEN"], [0]],
    ["an error in the Utgåva sheet itself", workbook({ b1: CLEAN, utgava: [...UTGAVA, { Fält: "Tolerans kostnadsneutralitet", Värde: "mycket" }] }), {}, ["ERRORS"], [0]],
    // The sheet's own dates are what the request judges: a Beslutad there that is no date is said once, as the request's.
    ["a Beslutad in the Utgåva sheet that is no date, given as written", workbook({ b1: CLEAN, utgava: [UTGAVA[0]!, { Fält: "Beslutad", Värde: "fel" }, UTGAVA[2]!] }), { decided: "fel" }, ["DATE_INVALID"], [0]],
    ["the same, overridden by a date in the request", workbook({ b1: CLEAN, utgava: [UTGAVA[0]!, { Fält: "Beslutad", Värde: "fel" }, UTGAVA[2]!] }), {}, [], []],
    ["a Giltig från in the Utgåva sheet that is no date, overridden by a date in the request", workbook({ b1: CLEAN, utgava: [UTGAVA[0]!, UTGAVA[1]!, { Fält: "Giltig från", Värde: "snart" }] }), {}, [], []],
    ["without an Utgåva sheet any valid name goes", workbook({ b1: CLEAN }), { name: "Vår 2026" }, [], []],
    ["no decision date: said, and the three-month rule is not judged", workbook({ b1: CLEAN }), { decided: "" }, ["DATE_MISSING"], [0]],
    ["neither date", workbook({ b1: CLEAN }), { decided: " ", effective: "" }, ["DATE_MISSING", "DATE_MISSING"], [0, 0]],
    ["Giltig från that is no date", workbook({ b1: CLEAN }), { effective: "2026-02-30" }, ["DATE_INVALID"], [0]],
    ["dates with spaces around them are read", workbook({ b1: CLEAN }), { decided: " 2026-01-15 ", effective: "2026-04-15 " }, [], []],
  ])("%s", (_, raw, request, codes, items) => {
    const r = ready(raw, request);
    expect([r.codes, r.items]).toEqual([codes, items]);
  });

  it.each<[string, RawWorkbook, Partial<PublishRequest>, Array<{ code: string; params: unknown }>]>([
    ["an error to fix", workbook({ b1: [...CLEAN, MISSING], utgava: UTGAVA }), {}, [{ code: "ERRORS", params: { toFix: 1, errors: 1 } }]],
    [
      "an error to fix beside a question",
      workbook({ b1: [...CLEAN, MISSING, DEVIATION], utgava: UTGAVA }),
      {},
      [
        { code: "ERRORS", params: { toFix: 1, errors: 2 } },
        { code: "UNDECIDED", params: { problems: 1, flaggedRows: 0 } },
      ],
    ],
    [
      "a row flagged for the huvudmän with nothing else against it, beside a question",
      workbook({ b1: [...CLEAN, DEVIATION, listRow("12 23", "Eldrivna rullstolar", [K, K, K, K], { Status: "Kräver huvudmannabeslut" })], utgava: UTGAVA }),
      {},
      [{ code: "UNDECIDED", params: { problems: 1, flaggedRows: 1 } }],
    ],
    ["no Giltig från", workbook({ b1: CLEAN }), { effective: "" }, [{ code: "DATE_MISSING", params: { field: "Giltig från" } }]],
    ["a Beslutad that is no date", workbook({ b1: CLEAN }), { decided: "15/1 2026" }, [{ code: "DATE_INVALID", params: { field: "Beslutad", text: "15/1 2026" } }]],
    ["too early", workbook({ b1: CLEAN }), { effective: "2026-04-14" }, [{ code: "EFFECTIVE_TOO_EARLY", params: { decided: "2026-01-15", effective: "2026-04-14", earliest: "2026-04-15" } }]],
    ["another name", workbook({ b1: CLEAN, utgava: UTGAVA }), { name: "2026:3" }, [{ code: "NAME_MISMATCH", params: { name: "2026:3", sheetName: "2026:2" } }]],
    ["no name", workbook({ b1: CLEAN }), { name: "" }, [{ code: "NAME_INVALID", params: { kind: "empty" } }]],
    ["a long name", workbook({ b1: CLEAN }), { name: "x".repeat(MAX_EDITION_NAME + 1) }, [{ code: "NAME_INVALID", params: { kind: "tooLong", length: MAX_EDITION_NAME + 1, bytes: MAX_EDITION_NAME + 1 } }]],
    ["a name with a control character", workbook({ b1: CLEAN }), { name: "2026\u001b2" }, [{ code: "NAME_INVALID", params: { kind: "control" } }]],
    ["a name of dots", workbook({ b1: CLEAN }), { name: "..." }, [{ code: "NAME_INVALID", params: { kind: "noLetter" } }]],
    ["a taken name", workbook({ b1: CLEAN }), { name: " 2026:2 ", published: ["2026:2"] }, [{ code: "NAME_TAKEN", params: { name: "2026:2" } }]],
  ])("gives each blocker its data: %s", (_, raw, request, expected) => {
    const r = publishReadiness(readWorkbook(raw), validateWorkbook(raw), { ...REQUEST, ...request });
    expect(r.blockers.map((b) => ({ code: b.code, params: b.params }))).toEqual(expected);
  });

  it("words the blockers from their data, counting in the review's unit", () => {
    const words = (raw: RawWorkbook) => publishReadiness(readWorkbook(raw), validateWorkbook(raw), REQUEST).blockers.map((b) => b.message.split(" väntar")[0]!.split(". Rätta")[0]);
    expect(words(workbook({ b1: [...CLEAN, MISSING], utgava: UTGAVA }))).toEqual(["Granskningen har 1 fel att rätta"]);
    expect(words(workbook({ b1: [...CLEAN, MISSING, DEVIATION], utgava: UTGAVA }))).toEqual([
      "Granskningen har 1 fel att rätta av de 2 felen (de andra väntar på huvudmännens beslut)".split(" väntar")[0],
      "1 problem",
    ]);
    const flagged = (n: number) => Array.from({ length: n }, (_, i) => listRow(`12 2${3 + i}`, "Rad", [K, K, K, K], { Status: "Kräver huvudmannabeslut" }));
    expect(words(workbook({ b1: [...CLEAN, ...flagged(1)], utgava: UTGAVA }))).toEqual(["1 flaggad rad"]);
    expect(words(workbook({ b1: [...CLEAN, DEVIATION, ...flagged(2)], utgava: UTGAVA }))).toEqual(["1 problem och 2 flaggade rader"]);
  });

  it("warns exactly when a forced name differs from the sheet", () => {
    expect(ready(workbook({ b1: CLEAN, utgava: UTGAVA }), { name: "2026:3", force: true }).warnings).toBe(1);
    expect(ready(workbook({ b1: CLEAN, utgava: UTGAVA }), { force: true }).warnings).toBe(0);
  });

  it("judges the Utgåva sheet's own too-early date on the request's dates", () => {
    const early: Rec[] = [UTGAVA[0]!, UTGAVA[1]!, { Fält: "Giltig från", Värde: "2026-02-01" }];
    const raw = workbook({ b1: CLEAN, utgava: early });
    expect(validateWorkbook(raw).map((f) => f.code)).toContain("EFFECTIVE_TOO_EARLY");
    expect(ready(raw).codes).toEqual([]);
    expect(ready(raw, { effective: "2026-02-01" }).codes).toEqual(["EFFECTIVE_TOO_EARLY"]);
  });
});

describe("editionNameProblem", () => {
  it.each<[string, string, boolean]>([
    ["a usual name", "2026:2", true],
    ["spaces around it", "  2026:2  ", true],
    [`${MAX_EDITION_NAME} characters`, "a".repeat(MAX_EDITION_NAME), true],
    [`${MAX_EDITION_NAME + 1} characters`, "a".repeat(MAX_EDITION_NAME + 1), false],
    ["42 three-byte letters (126 bytes)", "中".repeat(42), true],
    ["43 three-byte letters (129 bytes, 43 characters)", "中".repeat(43), false],
    ["32 four-byte letters (128 bytes)", "𝐀".repeat(32), true],
    ["no letter or digit, short", "€€", false],
    ["empty", "", false],
    ["an escape character", "2026\u001b:2", false],
    ["a bidi override", "2026\u202e:2", false],
    ["DEL", "2026\u007f", false],
    ["punctuation only", "::..", false],
    ["a letter", "å", true],
    [`${MAX_EDITION_NAME} characters with spaces around them`, ` ${"a".repeat(MAX_EDITION_NAME)} `, true],
    ["64 two-byte letters (128 bytes)", "ä".repeat(64), true],
    ["22 three-byte and 42 one-byte letters (108 bytes)", "中".repeat(22) + "a".repeat(42), true],
    ["20 four-byte and 17 three-byte letters (131 bytes)", "𝐀".repeat(20) + "中".repeat(17), false],
    ["43 letters U+0800 (three bytes each: 129)", "\u0800".repeat(43), false],
    ["31 letters U+10000 and 2 three-byte letters (130 bytes)", "\u{10000}".repeat(31) + "中".repeat(2), false],
  ])("%s", (_, name, ok) => {
    expect(editionNameProblem(name) === null).toBe(ok);
  });
});

describe("every blocker's message, against a golden file", () => {
  // One sample or more per code and branch, typed by the blocker's data so a sample cannot drift
  // from its code; test/baselines/readiness-messages.txt shows a change of wording as a diff.
  const SAMPLES: { readonly [C in BlockerCode]: ReadonlyArray<BlockerParams[C]> } = {
    DATE_MISSING: [{ field: "Beslutad" }, { field: "Giltig från" }],
    DATE_INVALID: [{ field: "Beslutad" }, { field: "Giltig från" }].map((p) => ({ ...p, field: p.field as PublishDateField, text: "31/12/2026" })),
    ERRORS: [{ toFix: 1, errors: 1 }, { toFix: 2, errors: 2 }, { toFix: 1, errors: 3 }],
    UNDECIDED: [{ problems: 1, flaggedRows: 0 }, { problems: 2, flaggedRows: 1 }, { problems: 0, flaggedRows: 2 }],
    EFFECTIVE_TOO_EARLY: [{ decided: "2026-03-15", effective: "2026-05-01", earliest: "2026-06-15" }],
    NAME_MISMATCH: [{ name: "2026:2", sheetName: "2026:1" }],
    NAME_INVALID: [{ kind: "empty" }, { kind: "tooLong", length: 70, bytes: 70 }, { kind: "tooLong", length: 43, bytes: 129 }, { kind: "tooLong", length: 64, bytes: 192 }, { kind: "control" }, { kind: "noLetter" }],
    NAME_TAKEN: [{ name: "2026:1" }],
  };
  it("reads as the golden file says", () => {
    const lines = (Object.keys(SAMPLES) as BlockerCode[]).flatMap((code) => (SAMPLES[code] as ReadonlyArray<BlockerParams[typeof code]>).map((p) => `${code} ${JSON.stringify(p)}\n  ${blockerMessageSv(code, p as never)}`));
    expectBaseline("readiness-messages", lines.join("\n"));
  });

  it("names each edition-name problem as the blocker says it, and counts a name's length in UTF-8 too", () => {
    for (const [name, kind] of [["", "empty"], ["  ", "empty"], ["x".repeat(65), "tooLong"], ["ö".repeat(64), null], ["ö".repeat(63) + "€", "tooLong"], ["\u0080".repeat(63) + "€", "tooLong"], ["ߊ".repeat(64), null], ["€".repeat(43), "tooLong"], ["𝐀".repeat(32), null], ["𝐀".repeat(33), "tooLong"], ["2026\u202e:1", "control"], ["--", "noLetter"], ["2026:2", null]] as const) {
      const issue = editionNameIssue(name);
      expect([name, issue?.kind ?? null]).toEqual([name, kind]);
      expect(editionNameProblem(name)).toBe(issue === null ? null : blockerMessageSv("NAME_INVALID", issue));
    }
  });
});
