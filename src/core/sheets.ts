import type { Boendeform, ListBoendeform } from "./boendeform";

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

/** Payer columns of bilaga 1–3 and the housing form each stands for. */
export const PAYER_COLUMNS: ReadonlyArray<readonly [field: Boendeform, header: string]> = [
  ["SABO", "SÄBO"],
  ["LSS_BOSTAD", "LSS bostad"],
  ["LSS_DV", "LSS daglig verksamhet"],
  ["SOL_DAGV", "SoL dagverksamhet"],
];

const DECISION_COLUMNS: readonly ColumnSpec[] = [
  opt("villkor", "Villkor"),
  opt("huvudhjalpmedel", "Huvudhjälpmedel"),
  opt("fortroende", "Förtroendeförskrivning"),
  opt("status", "Status"),
  opt("beslutsdatum", "Beslutsdatum"),
  opt("giltigFran", "Giltig från"),
  opt("motivering", "Motivering"),
  opt("ekonomisk", "Ekonomisk beräkning"),
  opt("konsekvens", "Konsekvensanalys"),
];

/**
 * The maintainers' own notes (`workbook.md`, optional additions): a source and a free note per
 * row, in every bilaga. Never published as a condition: the guide shows Villkor, not these.
 */
const NOTE_COLUMNS: readonly ColumnSpec[] = [opt("kalla", "Källa"), opt("anteckning", "Anteckning")];

/** Everyday words for search (`Sökord`, words separated by `;`): ISO 9999 sheet and bilaga 1–2. */
const SOKORD = opt("sokord", "Sökord");

const PAYER_SPECS = PAYER_COLUMNS.map(([field, header]) => req(field, header));

/**
 * Optional per-form Villkor of bilaga 1 and 2 (`workbook.md`, optional additions): a form's own
 * Villkor wins over the general one for that form. Field `villkor:<form>`.
 */
export const FORM_VILLKOR_COLUMNS: ReadonlyArray<readonly [form: ListBoendeform, header: string]> = [
  ["SABO", "Villkor SÄBO"],
  ["LSS_BOSTAD", "Villkor LSS bostad"],
  ["LSS_DV", "Villkor LSS daglig verksamhet"],
  ["SOL_DAGV", "Villkor SoL dagverksamhet"],
];

/** The field name of a form's own Villkor column. */
export const formVillkorField = (form: ListBoendeform): string => `villkor:${form}`;

const FORM_VILLKOR_SPECS = FORM_VILLKOR_COLUMNS.map(([form, header]) => opt(formVillkorField(form), header));

export const SHEET_SPECS: Record<SheetKey, SheetSpec> = {
  B1: {
    key: "B1",
    name: "Bilaga 1",
    keyHeader: "ISO-kod",
    columns: [req("iso", "ISO-kod"), req("title", "Benämning"), ...PAYER_SPECS, ...DECISION_COLUMNS, ...FORM_VILLKOR_SPECS, SOKORD, ...NOTE_COLUMNS],
  },
  B2: {
    key: "B2",
    name: "Bilaga 2",
    keyHeader: "ISO-kod",
    columns: [req("iso", "ISO-kod"), req("title", "Benämning"), ...PAYER_SPECS, ...DECISION_COLUMNS, ...FORM_VILLKOR_SPECS, SOKORD, ...NOTE_COLUMNS],
  },
  B3: {
    key: "B3",
    name: "Bilaga 3",
    keyHeader: "Produkt/behandling",
    columns: [req("product", "Produkt/behandling"), opt("iso", "ISO-kod"), ...PAYER_SPECS, ...DECISION_COLUMNS, ...NOTE_COLUMNS],
  },
  B4: {
    key: "B4",
    name: "Bilaga 4",
    keyHeader: "ISO-kod",
    columns: [
      req("iso", "ISO-kod"),
      req("title", "Benämning"),
      req("SOL_SOCPSYK", "Kostnadsansvar"),
      opt("grundutrustning", "Grundutrustning"),
      ...DECISION_COLUMNS,
      ...NOTE_COLUMNS,
    ],
  },
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
