import fc from "fast-check";
import { decodeText } from "../../src/cli/io";
import { BOENDEFORMER, BOENDEFORM_INFO, parseBoendeform } from "../../src/core/boendeform";
import type { CellValue } from "../../src/core/cells";
import { parseQuarter } from "../../src/core/costs/quarter";
import { parseCsvChecked, toCsvLine } from "../../src/core/csv";
import { editionFromModel, parseEdition, serializeEdition } from "../../src/core/editions/edition";
import { exampleWorkbook } from "../../src/core/example/exampleWorkbook";
import { parseIsoCode } from "../../src/core/iso";
import { readWorkbook } from "../../src/core/model";
import { PAYERS, parsePayer } from "../../src/core/payer";
import { readAmount, readDate } from "../../src/core/values";
import { parseAge, whoPays, whoPaysIndexOf } from "../../src/core/whoPays";
import { listRow, workbook } from "../helpers/workbooks";

/**
 * Property tests over every parser of user input: at least 10 000 generated inputs each, none of
 * which may throw, and each result must have the parser's documented shape. Expected values are
 * built here from the generated parts, never by the parser itself.
 */
const RUNS = { numRuns: 10_000 };

/** Anything a cell can hold, including the odd ones (NaN, ±Infinity, invalid dates, error cells, lone surrogates). */
const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }),
  fc.stringMatching(/^[\d .\-,:/\u00a0−+QKq k]{0,14}$/),
  fc.integer(),
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e21, 2 ** 53 + 1),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.constantFrom("#N/A", "#REF!", "#VALUE!").map((error) => ({ error })),
  fc.constantFrom(null, undefined),
);
const nonEmptyCell = anyCell.filter((v): v is Exclude<CellValue, null | undefined> => v !== null && v !== undefined);

const two = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, "0"));
const ISO_NORMAL = /^\d{2}( \d{2}){0,2}$/;

describe("property tests: no parser throws, every result has its shape (10 000 cases each)", () => {
  it("ISO codes: any cell gives a code in normal form that reads back to itself, or a reason", () => {
    fc.assert(
      fc.property(anyCell, (raw) => {
        const r = parseIsoCode(raw);
        if (r.ok) {
          expect(r.code).toMatch(ISO_NORMAL);
          expect(parseIsoCode(r.code)).toMatchObject({ ok: true, code: r.code });
        } else expect(["empty", "format"]).toContain(r.reason);
      }),
      RUNS,
    );
  });

  it("ISO codes: every tolerated way of writing NN NN NN reads as the pairs joined by spaces", () => {
    fc.assert(
      fc.property(fc.array(two, { minLength: 1, maxLength: 3 }), fc.constantFrom(" ", ".", "-", ""), fc.constantFrom("", " ", "\u00a0"), (pairs, sep, pad) => {
        const r = parseIsoCode(pad + pairs.join(sep) + pad);
        expect(r).toMatchObject({ ok: true, code: pairs.join(" "), leadingZeroLost: false });
      }),
      RUNS,
    );
  });

  it("housing forms: any cell is in scope, out of scope or unknown; every key and Swedish name in any case and spacing reads as its form", () => {
    fc.assert(
      fc.property(anyCell, (raw) => {
        expect(["inScope", "outOfScope", "unknown"]).toContain(parseBoendeform(raw).kind);
      }),
      RUNS,
    );
    const names = BOENDEFORMER.flatMap((key) => [key, BOENDEFORM_INFO[key].nameSv].map((name) => [key, name] as const));
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.boolean(), fc.constantFrom("", " ", "  ", "\t"), ([key, name], upper, pad) => {
        expect(parseBoendeform(pad + (upper ? name.toUpperCase() : name.toLowerCase()) + pad)).toEqual({ kind: "inScope", key });
      }),
      RUNS,
    );
  });

  it("ages: any cell gives null or a finite age 0–130; whole years as text read as themselves", () => {
    fc.assert(
      fc.property(anyCell, (raw) => {
        const age = parseAge(raw);
        if (age !== null) expect(Number.isFinite(age) && age >= 0 && age <= 130).toBe(true);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 130 }), fc.constantFrom("", " "), (n, pad) => expect(parseAge(`${pad}${n}${pad}`)).toBe(n)),
      RUNS,
    );
  });

  it("dates: any cell gives null or a real YYYY-MM-DD; a date cell reads as its UTC day", () => {
    fc.assert(
      fc.property(nonEmptyCell, (raw) => {
        const date = readDate(raw);
        if (date !== null) {
          const [y, m, d] = date.split("-").map(Number) as [number, number, number];
          const day = new Date(0);
          day.setUTCFullYear(y, m - 1, d);
          expect([date, day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()]).toEqual([expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), y, m, d]);
        }
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.date({ min: new Date("1900-03-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59Z"), noInvalidDate: true }), (d) => {
        const y = String(d.getUTCFullYear()).padStart(4, "0");
        const m = String(d.getUTCMonth() + 1).padStart(2, "0");
        const day = String(d.getUTCDate()).padStart(2, "0");
        expect(readDate(d)).toBe(`${y}-${m}-${day}`);
        expect(readDate(`${y}-${m}-${day}`)).toBe(`${y}-${m}-${day}`);
      }),
      RUNS,
    );
  });

  it("amounts: any cell gives null or a finite number; Swedish grouped kronor read as their value", () => {
    fc.assert(
      fc.property(nonEmptyCell, (raw) => {
        const amount = readAmount(raw);
        if (amount !== null) expect(Number.isFinite(amount)).toBe(true);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), fc.constantFrom("", "-", "−"), fc.constantFrom("", " kr", " SEK"), (n, sign, unit) => {
        const grouped = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
        const expected = sign === "" || n === 0 ? n : -n;
        // −0 and 0 are the same amount.
        expect(readAmount(`${sign}${grouped}${unit}`)! + 0).toBe(expected);
      }),
      RUNS,
    );
  });

  it("quarters: any cell gives null or YYYYQn; every accepted spelling reads as its quarter", () => {
    fc.assert(
      fc.property(anyCell, (raw) => {
        const q = parseQuarter(raw);
        if (q !== null) expect(q).toMatch(/^\d{4}Q[1-4]$/);
      }),
      RUNS,
    );
    fc.assert(
      // Years before 1900 (an export's 0000Q1) are typing errors, refused (issue 9, defect 7).
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 4 }), fc.constantFrom("Q", "K", "q", "k"), fc.constantFrom("", "-", " "), fc.boolean(), (y, n, letter, sep, yearFirst) => {
        const year = String(y).padStart(4, "0");
        expect(parseQuarter(yearFirst ? `${year}${sep}${letter}${n}` : `${letter}${n}${sep}${year}`)).toBe(y >= 1900 ? `${year}Q${n}` : null);
      }),
      RUNS,
    );
  });

  it("payer cells: any text gives Kommun, Region, Egenansvar or null; K/R/E in any case and spacing read as their payer", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.constantFrom("K", "r", " e ", "Region Stockholm", "kommun\u200b")), (text) => {
        const payer = parsePayer(text);
        if (payer !== null) expect(PAYERS).toContain(payer);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.constantFrom(...([["K", "Kommun"], ["R", "Region"], ["E", "Egenansvar"]] as const)), fc.boolean(), fc.constantFrom("", " ", "\u00a0"), ([short, payer], lower, pad) => {
        expect(parsePayer(pad + (lower ? short.toLowerCase() : short) + pad)).toBe(payer);
        expect(parsePayer(pad + (lower ? payer.toLowerCase() : payer.toUpperCase()) + pad)).toBe(payer);
      }),
      RUNS,
    );
  });

  it("who-pays on any three cells answers or names its input error, never throws", () => {
    const index = whoPaysIndexOf(readWorkbook(exampleWorkbook()));
    fc.assert(
      fc.property(anyCell, anyCell, anyCell, anyCell, (iso, boendeform, age, special) => {
        const r = whoPays({ iso, boendeform, age, specialanpassad: special, date: "2026-06-01" }, index);
        if (r.ok) expect(r.section).toMatch(/^§/);
        else expect(r.code).toMatch(/^[A-Z_]+$/);
      }),
      RUNS,
    );
  });

  describe("edition JSON", () => {
    // A small edition (two rows, extra column, principles): 10 000 parses of the full example would take minutes.
    const small = workbook({ b1: [listRow("12 22", "Rullstolar", ["Region", "K", "Kommun", "E"], { Villkor: "x" })], b4: [{ "ISO-kod": "12 36", Benämning: "Lyftar", Kostnadsansvar: "Kommun", Grundutrustning: "Ja" }] });
    const valid = serializeEdition(editionFromModel(readWorkbook(small), { name: "2026:1", decided: "2025-10-01", effective: "2026-01-01" }, small));

    it("any JSON value or text is refused with a Swedish message, never a throw", () => {
      fc.assert(
        fc.property(fc.oneof(fc.jsonValue().map((v) => JSON.stringify(v) ?? ""), fc.string(), fc.string({ unit: "binary" })), (text) => {
          const r = parseEdition(text, "u.json");
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.message).toMatch(/^u\.json (är ingen giltig JSON-fil|följer inte utgåveformatet|har formatversion|har ändrats efter publiceringen)/);
        }),
        RUNS,
      );
    });

    it("a published edition with one value replaced, a cut or a flipped character is refused or reads unchanged", () => {
      const data = JSON.parse(valid) as Record<string, unknown>;
      const keys = Object.keys(data);
      fc.assert(
        fc.property(
          fc.oneof(
            fc.tuple(fc.constantFrom(...keys), fc.jsonValue()).map(([key, value]) => JSON.stringify({ ...data, [key]: value })),
            fc.integer({ min: 0, max: valid.length - 1 }).map((n) => valid.slice(0, n)),
            fc.tuple(fc.integer({ min: 0, max: valid.length - 1 }), fc.string({ minLength: 1, maxLength: 1 })).map(([i, ch]) => valid.slice(0, i) + ch + valid.slice(i + 1)),
          ),
          (text) => {
            const r = parseEdition(text, "u.json");
            // The only way through is the same content (e.g. a flipped space inside the layout): the checksum holds it.
            if (r.ok) expect(r.edition).toEqual(JSON.parse(valid));
          },
        ),
        RUNS,
      );
    });
  });

  describe("CSV", () => {
    it("any text parses into rows of fields, never throws", () => {
      fc.assert(
        fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.array(fc.constantFrom('"', ",", ";", "\n", "\r", "a", "\t")).map((a) => a.join(""))), fc.constantFrom(",", ";", "\t") as fc.Arbitrary<"," | ";" | "\t">, (text, d) => {
          const r = parseCsvChecked(text, d);
          expect(Array.isArray(r.rows)).toBe(true);
          expect(r.unclosedQuoteLine === null || r.unclosedQuoteLine >= 1).toBe(true);
        }),
        RUNS,
      );
    });

    it("a written line reads back field for field; a field that would start a formula comes back as text with a leading '", () => {
      const field = fc.oneof(fc.string(), fc.constantFrom("=1+1", "+1", "-1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "-1 250,50", "12 22 03", "-"), fc.string().map((s) => "=" + s));
      fc.assert(
        fc.property(fc.array(field, { minLength: 1, maxLength: 6 }), fc.constantFrom(",", ";", "\t") as fc.Arbitrary<"," | ";" | "\t">, (fields, d) => {
          const line = toCsvLine(fields, d);
          const back = parseCsvChecked(line, d).rows;
          const expected = fields.map((f) => (/^[=+\-@\t\r]/.test(f) && !/^[+-]?(\d+|\d{1,3}([ \u00a0]\d{3})+)([.,]\d+)?$/.test(f) ? `'${f}` : f));
          // One empty field writes an empty line, which reads as no row at all.
          expect(back).toEqual(line === "" ? [] : [expected]);
        }),
        RUNS,
      );
    });

    it("any bytes decode to text (UTF-8, UTF-16 or Windows-1252), never throw", () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
          expect(typeof decodeText(bytes)).toBe("string");
        }),
        RUNS,
      );
      fc.assert(
        // Text without NUL (a NUL makes it no text file, and every other byte zero reads as UTF-16).
        fc.property(fc.string({ unit: "grapheme" }).filter((t) => !t.includes("\u0000")), (text) => {
          expect(decodeText(Buffer.from(text, "utf8"))).toBe(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
          expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]))).toBe(text);
        }),
        RUNS,
      );
    });
  });
});
