import type { ListBoendeform } from "./boendeform";
import { BILAGA_SHEET_COLUMNS, FORM_VILLKOR_FIELDS, fieldDef, LIST_PAYER_FIELDS } from "./bilagaFields";

/** The sheets of the bilagor workbook (`workbook.md`). */
export type SheetKey =
  | "B1"
  | "B2"
  | "B3"
  | "B4"
  | "PRINCIPER"
  | "ISO"
  | "UTGAVA"
  | "KOSTNADER"
  | "ANDRINGSLOGG"
  | "BESLUT"
  | "ARENDEN";

export type BilagaKey = "B1" | "B2" | "B3" | "B4";
export const BILAGA_KEYS: readonly BilagaKey[] = ["B1", "B2", "B3", "B4"];

export interface ColumnSpec {
  readonly field: string;
  readonly header: string;
  readonly required: boolean;
}

export interface SheetSpec {
  readonly key: SheetKey;
  readonly name: string;
  /** The header that marks the header row. */
  readonly keyHeader: string;
  readonly columns: readonly ColumnSpec[];
}

const req = (field: string, header: string): ColumnSpec => ({ field, header, required: true });
const opt = (field: string, header: string): ColumnSpec => ({ field, header, required: false });

/** Payer columns of bilaga 1–3 and the housing form each stands for (from the field table). */
export const PAYER_COLUMNS: ReadonlyArray<readonly [field: ListBoendeform, header: string]> = LIST_PAYER_FIELDS.map((f) => [f, fieldDef(f).header] as const);

/**
 * Optional per-form Villkor of bilaga 1 and 2 (`workbook.md`, optional additions): a form's own
 * Villkor wins over the general one for that form. Field `villkor:<form>`.
 */
export const FORM_VILLKOR_COLUMNS: ReadonlyArray<readonly [form: ListBoendeform, header: string]> = FORM_VILLKOR_FIELDS.map((f) => {
  const def = fieldDef(f);
  return [def.form as ListBoendeform, def.header] as const;
});

/** The field name of a form's own Villkor column. */
export const formVillkorField = (form: ListBoendeform): string => `villkor:${form}`;

/** A bilaga's columns, as the field table (bilagaFields.ts) lays them out. */
function bilagaSpec(key: BilagaKey, name: string, keyHeader: string): SheetSpec {
  const columns = BILAGA_SHEET_COLUMNS[key].map((c) => ({ field: c.field, header: fieldDef(c.field).header, required: c.required }));
  return { key, name, keyHeader, columns };
}

const SOKORD = opt("sokord", fieldDef("sokord").header);

export const SHEET_SPECS: Record<SheetKey, SheetSpec> = {
  B1: bilagaSpec("B1", "Bilaga 1", "ISO-kod"),
  B2: bilagaSpec("B2", "Bilaga 2", "ISO-kod"),
  B3: bilagaSpec("B3", "Bilaga 3", "Produkt/behandling"),
  B4: bilagaSpec("B4", "Bilaga 4", "ISO-kod"),
  PRINCIPER: {
    key: "PRINCIPER",
    name: "Principer",
    keyHeader: "Princip",
    columns: [req("principle", "Princip"), req("iso", "ISO-kod"), opt("comment", "Kommentar")],
  },
  ISO: {
    key: "ISO",
    name: "ISO 9999",
    keyHeader: "ISO-kod",
    columns: [req("iso", "ISO-kod"), req("title", "Benämning"), opt("edition", "Utgåva"), SOKORD],
  },
  UTGAVA: {
    key: "UTGAVA",
    name: "Utgåva",
    keyHeader: "Fält",
    columns: [req("field", "Fält"), req("value", "Värde")],
  },
  KOSTNADER: {
    key: "KOSTNADER",
    name: "Kostnader",
    keyHeader: "ISO-kod",
    columns: [
      req("iso", "ISO-kod"),
      req("boendeform", "Boendeform"),
      req("kommun", "Kommun"),
      req("region", "Region"),
      opt("year", "År"),
      opt("source", "Källa"),
    ],
  },
  ANDRINGSLOGG: {
    key: "ANDRINGSLOGG",
    name: "Ändringslogg",
    keyHeader: "Utgåva",
    columns: [
      req("edition", "Utgåva"),
      req("bilaga", "Bilaga"),
      req("iso", "ISO-kod"),
      opt("title", "Benämning"),
      opt("boendeform", "Boendeform"),
      opt("before", "Före"),
      opt("after", "Efter"),
      opt("beslutsdatum", "Beslutsdatum"),
      opt("giltigFran", "Giltig från"),
      opt("motivering", "Motivering"),
    ],
  },
  BESLUT: {
    key: "BESLUT",
    name: "Beslut",
    keyHeader: "Beslut",
    columns: [
      req("datum", "Datum"),
      opt("referens", "Beslutsreferens"),
      opt("iso", "ISO-kod"),
      opt("bilaga", "Bilaga"),
      opt("boendeform", "Boendeform"),
      req("beslut", "Beslut"),
      opt("beslutatAv", "Beslutat av"),
    ],
  },
  ARENDEN: {
    key: "ARENDEN",
    name: "Ärenden",
    keyHeader: "Ärende",
    columns: [
      req("arende", "Ärende"),
      req("inkom", "Inkom"),
      opt("fran", "Från"),
      req("arendeTyp", "Typ"),
      opt("iso", "ISO-kod"),
      opt("boendeform", "Boendeform"),
      opt("beskrivning", "Beskrivning"),
      req("arendeStatus", "Status"),
      opt("beslut", "Beslut"),
      opt("utgava", "Utgåva"),
      opt("avslutad", "Avslutad"),
      opt("kommentar", "Kommentar"),
    ],
  },
};
