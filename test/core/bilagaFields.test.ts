import fc from "fast-check";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { BILAGA_FIELDS, BILAGA_SHEET_COLUMNS, KIND_EXPECTED_SV } from "../../src/core/bilagaFields";
import type { CellValue, RawWorkbook } from "../../src/core/cells";
import { EditionRow, editionFromModel, editionModel, editionToRawWorkbook, parseEdition, serializeEdition, type Edition } from "../../src/core/editions/edition";
import { readWorkbook } from "../../src/core/model";
import { BILAGA_KEYS, SHEET_SPECS, type BilagaKey } from "../../src/core/sheets";
import { FIELD_LISTS, TEXT_FIELDS } from "../../src/core/template";
import { validateWorkbook } from "../../src/core/validation/validateWorkbook";
import { STATUSES } from "../../src/core/values";

/*
 * The one field table of a bilaga row (src/core/bilagaFields.ts) and what is derived from it: the
 * sheet specs, the reader, the edition schema and snapshot, the writer back to cells, the lists of
 * a new workbook and the VALUE_INVALID messages. A reader and a writer that disagree, a field one
 * of them forgets, or a change of the edition's key order (which would break every published
 * edition's checksum) fails here.
 */

const FIXTURE = path.resolve(__dirname, "../fixtures/edition-every-field-2026-1.json");

describe("the bilaga field table", () => {
  it("reads an edition written before the table existed (every field, an extra column), checksum and bytes unchanged", () => {
    // The fixture was published by the tool as it was before the field table (commit 0385256),
    // one row per bilaga with every column filled and a column the contract does not know.
    const json = readFileSync(FIXTURE, "utf8");
    const parsed = parseEdition(json);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const edition = parsed.edition;
    // Through the writer (edition → cells) and the reader (cells → model → edition) again.
    const again = editionFromModel(editionModel(edition), { name: edition.name, decided: edition.decided, effective: edition.effective }, editionToRawWorkbook(edition));
    expect(serializeEdition(again)).toBe(json);
  });

  it("gives every field of the table a column in some bilaga, and every bilaga column a field of the table", () => {
    const used = new Set(BILAGA_KEYS.flatMap((k) => SHEET_SPECS[k].columns.map((c) => c.field)));
    expect(BILAGA_FIELDS.map((f) => f.field).filter((f) => !used.has(f))).toEqual([]);
    const known = new Set<string>(BILAGA_FIELDS.map((f) => f.field));
    expect([...used].filter((f) => !known.has(f))).toEqual([]);
    for (const key of BILAGA_KEYS) {
      expect(SHEET_SPECS[key].columns.map((c) => [c.field, c.required])).toEqual(BILAGA_SHEET_COLUMNS[key].map((c) => [c.field, c.required]));
    }
  });

  it("gives each kind its drop-down and text format in a new workbook", () => {
    for (const f of BILAGA_FIELDS) {
      const list = FIELD_LISTS[f.field];
      if (f.kind === "payer") expect([f.field, list]).toEqual([f.field, ["Kommun", "Region", "Egenansvar"]]);
      else if (f.kind === "yesNo") expect([f.field, list]).toEqual([f.field, ["Ja", "Nej"]]);
      else if (f.kind === "status") expect([f.field, list]).toEqual([f.field, STATUSES]);
      else expect([f.field, list]).toEqual([f.field, undefined]);
      expect([f.field, TEXT_FIELDS.has(f.field)]).toEqual([f.field, f.kind === "iso"]);
    }
  });

  it("reports an unreadable cell of every kind that can be unreadable, at its cell, with that kind's words", () => {
    const checked = BILAGA_FIELDS.filter((f) => KIND_EXPECTED_SV[f.kind] !== null);
    expect(checked.map((f) => f.field).sort()).toEqual(["beslutsdatum", "fortroende", "giltigFran", "grundutrustning", "status"]);
    const checkedFields = new Set<string>(checked.map((f) => f.field));
    for (const key of BILAGA_KEYS) {
      const spec = SHEET_SPECS[key];
      const headers = spec.columns.map((c) => c.header);
      const row: CellValue[] = spec.columns.map((c) => (checkedFields.has(c.field) ? "oläsbart" : c.field === "iso" ? "12 22" : c.field === "product" ? "Produkt" : c.field === "title" ? "Rullstolar" : null));
      const raw: RawWorkbook = { sheets: [{ name: spec.name, rows: [headers, row] }] };
      const found = validateWorkbook(raw).filter((f) => f.code === "VALUE_INVALID").map((f) => `${f.cell} ${f.message.slice(f.message.indexOf("Skriv"))}`);
      const expected = spec.columns.flatMap((c, i) =>
        checkedFields.has(c.field) ? [`${String.fromCharCode(65 + i)}2 Skriv ${KIND_EXPECTED_SV[BILAGA_FIELDS.find((f) => f.field === c.field)!.kind]}.`] : [],
      );
      expect([key, found.sort()]).toEqual([key, expected.sort()]);
    }
  });
});

// ------------------------------------------------------------------------------------------------
// Generated rows: written as cells and read back, every field of every kind survives unchanged.

const word = fc.stringMatching(/^[A-Za-zÅÄÖåäö][A-Za-zÅÄÖåäö0-9 ,.;]{0,12}[A-Za-zÅÄÖåäö0-9]$/);
const pair = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, "0"));
const isoCode = fc.array(pair, { minLength: 1, maxLength: 3 }).map((p) => p.join(" "));
const date = fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const payer = fc.constantFrom("Kommun", "Region", "Egenansvar", null);

function rowArbitrary(key: BilagaKey, rowNumber: number): fc.Arbitrary<EditionRow> {
  const listForms = ["SABO", "LSS_BOSTAD", "LSS_DV", "SOL_DAGV"] as const;
  const payers = key === "B4" ? fc.record({ SOL_SOCPSYK: payer }) : fc.record({ SABO: payer, LSS_BOSTAD: payer, LSS_DV: payer, SOL_DAGV: payer });
  const formVillkor =
    key === "B1" || key === "B2"
      ? fc.option(fc.dictionary(fc.constantFrom(...listForms), word, { minKeys: 1 }), { nil: undefined })
      : fc.constant(undefined);
  const hasSokord = key === "B1" || key === "B2";
  return fc
    .record({
      iso: key === "B3" ? fc.option(isoCode, { nil: null }) : isoCode,
      product: key === "B3" ? word : fc.constant(null),
      title: key === "B3" ? fc.constant(null) : word,
      payers,
      grundutrustning: key === "B4" ? fc.option(fc.boolean(), { nil: null }) : fc.constant(null),
      villkor: fc.option(word, { nil: null }),
      formVillkor,
      huvudhjalpmedel: fc.option(isoCode, { nil: null }),
      fortroende: fc.option(fc.boolean(), { nil: null }),
      status: fc.option(fc.constantFrom(...STATUSES), { nil: null }),
      beslutsdatum: fc.option(date, { nil: null }),
      giltigFran: fc.option(date, { nil: null }),
      motivering: fc.option(word, { nil: null }),
      ekonomisk: fc.option(fc.oneof(word, fc.integer({ min: -999_999, max: 999_999 }).map((n) => `${n} kr`)), { nil: null }),
      konsekvens: fc.option(word, { nil: null }),
      sokord: hasSokord ? fc.option(word, { nil: undefined }) : fc.constant(undefined),
      kalla: fc.option(word, { nil: undefined }),
      anteckning: fc.option(word, { nil: undefined }),
      extra: fc.option(fc.record({ "40": word }), { nil: undefined }),
    })
    .map((r) => JSON.parse(JSON.stringify({ row: rowNumber, ...r })) as EditionRow);
}

function editionWith(base: Edition, rows: Partial<Record<BilagaKey, EditionRow[]>>): Edition {
  const bilagor: Edition["bilagor"] = {};
  for (const key of BILAGA_KEYS) {
    const spec = SHEET_SPECS[key];
    const columns = spec.columns.map((c, i) => ({ index: i + 1, header: c.header, field: c.field as string | null }));
    columns.push({ index: 40, header: "Egen kolumn", field: null });
    bilagor[key] = { name: spec.name, headerRow: 1, columns, rows: rows[key] ?? [] };
  }
  return { ...base, bilagor };
}

describe("generated rows through the field table", () => {
  it("are valid edition rows, and written as cells and read back they are the same rows", () => {
    const parsed = parseEdition(readFileSync(FIXTURE, "utf8"));
    if (!parsed.ok) throw new Error(parsed.message);
    const base = parsed.edition;
    const rows = fc.record(Object.fromEntries(BILAGA_KEYS.map((k) => [k, fc.tuple(rowArbitrary(k, 2), rowArbitrary(k, 3))])) as Record<BilagaKey, fc.Arbitrary<[EditionRow, EditionRow]>>);
    fc.assert(
      fc.property(rows, (generated) => {
        for (const key of BILAGA_KEYS) for (const r of generated[key]) expect(EditionRow.safeParse(r).success).toBe(true);
        const edition = editionWith(base, generated);
        const raw = editionToRawWorkbook(edition);
        const again = editionFromModel(readWorkbook(raw), { name: "x", decided: null, effective: null }, raw);
        for (const key of BILAGA_KEYS) expect([key, again.bilagor[key]?.rows]).toEqual([key, generated[key]]);
      }),
      { numRuns: 300, seed: 20261204 },
    );
  });
});
