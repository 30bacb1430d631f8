import type { Boendeform, ListBoendeform } from "./boendeform";
import { STATUSES } from "./values";

/*
 * The one field table of a bilaga row (workbook.md, "Bilaga 1–4"). Everything else that names a
 * bilaga's columns is derived from it: the sheet specs (sheets.ts), the reader and the row type
 * (model.ts), the edition's zod schema and snapshot (editions/edition.ts), the cells an edition is
 * laid out as (editions/editionRaw.ts), the guide's compact fields (editions/guideData.ts), the
 * drop-down lists and text columns of a new workbook (template.ts), the example's headers and the
 * VALUE_INVALID messages. Each kind of cell has one reader, one schema, one writer and one message,
 * kept in a `Record<BilagaFieldKind, …>` so that a new kind is a type error until every one exists.
 */

/** How a cell is read, kept in an edition and written back. */
export type BilagaFieldKind =
  /** An ISO 9999 code (kept as text, so a leading zero stays). */
  | "iso"
  /** Free text, kept as written (null when empty). */
  | "text"
  /** Free text that is left out of the row when empty (Sökord, Källa, Anteckning). */
  | "note"
  /** Kommun, Region, Egenansvar … in one housing form (grouped into the row's `payers`). */
  | "payer"
  /** A housing form's own Villkor (grouped into the row's `formVillkor`). */
  | "formVillkor"
  | "yesNo"
  | "status"
  | "date"
  /** Ekonomisk beräkning: text as written, and the amount when the text is a plain amount. */
  | "amountText";

export interface BilagaFieldSpec {
  readonly field: string;
  readonly header: string;
  readonly kind: BilagaFieldKind;
  /** A payer or form-Villkor column: the housing form it stands for. */
  readonly form?: Boendeform;
  /** Long texts: a new workbook gives the column a wide format. */
  readonly wide?: boolean;
  /** The guide answers or searches from it (documentation fields stay out of guide-data.js). */
  readonly guide?: boolean;
}

/**
 * Every field of a bilaga row, in the order an edition keeps them (the edition's bytes, and so
 * its hash, follow this order: a group — payers, formVillkor — sits where its first field is).
 */
export const BILAGA_FIELDS = [
  { field: "iso", header: "ISO-kod", kind: "iso", guide: true },
  { field: "product", header: "Produkt/behandling", kind: "text", wide: true, guide: true },
  { field: "title", header: "Benämning", kind: "text", wide: true, guide: true },
  { field: "SABO", header: "SÄBO", kind: "payer", form: "SABO" },
  { field: "LSS_BOSTAD", header: "LSS bostad", kind: "payer", form: "LSS_BOSTAD" },
  { field: "LSS_DV", header: "LSS daglig verksamhet", kind: "payer", form: "LSS_DV" },
  { field: "SOL_DAGV", header: "SoL dagverksamhet", kind: "payer", form: "SOL_DAGV" },
  { field: "SOL_SOCPSYK", header: "Kostnadsansvar", kind: "payer", form: "SOL_SOCPSYK" },
  { field: "grundutrustning", header: "Grundutrustning", kind: "yesNo", guide: true },
  { field: "villkor", header: "Villkor", kind: "text", wide: true, guide: true },
  { field: "villkor:SABO", header: "Villkor SÄBO", kind: "formVillkor", form: "SABO", wide: true },
  { field: "villkor:LSS_BOSTAD", header: "Villkor LSS bostad", kind: "formVillkor", form: "LSS_BOSTAD", wide: true },
  { field: "villkor:LSS_DV", header: "Villkor LSS daglig verksamhet", kind: "formVillkor", form: "LSS_DV", wide: true },
  { field: "villkor:SOL_DAGV", header: "Villkor SoL dagverksamhet", kind: "formVillkor", form: "SOL_DAGV", wide: true },
  { field: "huvudhjalpmedel", header: "Huvudhjälpmedel", kind: "iso", guide: true },
  { field: "fortroende", header: "Förtroendeförskrivning", kind: "yesNo", guide: true },
  { field: "status", header: "Status", kind: "status", guide: true },
  { field: "beslutsdatum", header: "Beslutsdatum", kind: "date", guide: true },
  { field: "giltigFran", header: "Giltig från", kind: "date", guide: true },
  { field: "motivering", header: "Motivering", kind: "text", wide: true },
  { field: "ekonomisk", header: "Ekonomisk beräkning", kind: "amountText", wide: true },
  { field: "konsekvens", header: "Konsekvensanalys", kind: "text", wide: true },
  { field: "sokord", header: "Sökord", kind: "note", guide: true },
  { field: "kalla", header: "Källa", kind: "note" },
  { field: "anteckning", header: "Anteckning", kind: "note" },
] as const satisfies readonly BilagaFieldSpec[];

export type BilagaFieldDef = (typeof BILAGA_FIELDS)[number];
export type BilagaFieldName = BilagaFieldDef["field"];
export type BilagaHeader = BilagaFieldDef["header"];
/** The fields kept on the row itself (not grouped into payers or formVillkor). */
export type PlainFieldDef = Exclude<BilagaFieldDef, { kind: "payer" | "formVillkor" }>;
export type PlainFieldName = PlainFieldDef["field"];
export type FieldsOfKind<K extends BilagaFieldKind> = Extract<BilagaFieldDef, { kind: K }>["field"];

export const FIELD_BY_NAME: ReadonlyMap<string, BilagaFieldSpec> = new Map(BILAGA_FIELDS.map((f) => [f.field, f]));

/** The definition of a field of the table (a typo is a type error). */
export function fieldDef(field: BilagaFieldName): BilagaFieldSpec {
  return FIELD_BY_NAME.get(field)!;
}

export const PLAIN_FIELDS: readonly PlainFieldDef[] = BILAGA_FIELDS.filter((f): f is PlainFieldDef => f.kind !== "payer" && f.kind !== "formVillkor");

/** The payer columns of bilaga 1–3 and the housing form each stands for (bilaga 4: `Kostnadsansvar`). */
export const LIST_PAYER_FIELDS = ["SABO", "LSS_BOSTAD", "LSS_DV", "SOL_DAGV"] as const satisfies readonly ListBoendeform[];

/** The optional per-form Villkor columns of bilaga 1 and 2, by housing form. */
export const FORM_VILLKOR_FIELDS = ["villkor:SABO", "villkor:LSS_BOSTAD", "villkor:LSS_DV", "villkor:SOL_DAGV"] as const satisfies readonly FieldsOfKind<"formVillkor">[];

/** What a cell of a kind must hold, in the words of VALUE_INVALID ("Skriv …"); null: never invalid. */
export const KIND_EXPECTED_SV: Readonly<Record<BilagaFieldKind, string | null>> = {
  iso: null, // an unreadable code has its own rules (ISO_FORMAT, ISO_UNREADABLE)
  text: null,
  note: null,
  payer: null, // PAYER_INVALID names the payers
  formVillkor: null,
  yesNo: "Ja eller Nej",
  status: `en av ${STATUSES.join(", ")} (tom = Gällande)`,
  date: "ett datum ÅÅÅÅ-MM-DD",
  amountText: null,
};

/** A column of a sheet: its field in the table and whether the sheet requires it. */
export interface BilagaColumn {
  readonly field: BilagaFieldName;
  readonly required: boolean;
}

const req = (field: BilagaFieldName): BilagaColumn => ({ field, required: true });
const opt = (field: BilagaFieldName): BilagaColumn => ({ field, required: false });

const DECISION: readonly BilagaColumn[] = ["villkor", "huvudhjalpmedel", "fortroende", "status", "beslutsdatum", "giltigFran", "motivering", "ekonomisk", "konsekvens"].map(
  (f) => opt(f as BilagaFieldName),
);
const PAYERS_1_3 = LIST_PAYER_FIELDS.map(req);
const FORM_VILLKOR = FORM_VILLKOR_FIELDS.map(opt);
const NOTES = [opt("kalla"), opt("anteckning")];

/** The columns of each bilaga, in the order of workbook.md (and of a new workbook). */
export const BILAGA_SHEET_COLUMNS = {
  B1: [req("iso"), req("title"), ...PAYERS_1_3, ...DECISION, ...FORM_VILLKOR, opt("sokord"), ...NOTES],
  B2: [req("iso"), req("title"), ...PAYERS_1_3, ...DECISION, ...FORM_VILLKOR, opt("sokord"), ...NOTES],
  B3: [req("product"), opt("iso"), ...PAYERS_1_3, ...DECISION, ...NOTES],
  B4: [req("iso"), req("title"), req("SOL_SOCPSYK"), opt("grundutrustning"), ...DECISION, ...NOTES],
} as const satisfies Record<"B1" | "B2" | "B3" | "B4", readonly BilagaColumn[]>;
