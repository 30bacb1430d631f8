import type { CellValue, RawSheet, RawWorkbook } from "../../src/core/cells";

import { SHEET_SPECS } from "../../src/core/sheets";

/** The headers of the contract (`workbook.md`), in order, as the core's sheet specs give them. */
/** The optional Sökord, Källa and Anteckning columns: a fixture sheet has them only when a record uses them. */
const NOTE_FIELDS = new Set(["sokord", "kalla", "anteckning"]);
const base = (columns: typeof SHEET_SPECS.B1.columns) => columns.filter((c) => !NOTE_FIELDS.has(c.field));
export const LIST_HEADERS = base(SHEET_SPECS.B1.columns).filter((c) => !c.field.startsWith("villkor:")).map((c) => c.header);
/** Bilaga 1/2 headers with the optional per-form Villkor columns (`Villkor SÄBO` …) at the end. */
export const LIST_HEADERS_FORM_VILLKOR = base(SHEET_SPECS.B1.columns).map((c) => c.header);
export const B3_HEADERS = base(SHEET_SPECS.B3.columns).map((c) => c.header);
export const B4_HEADERS = base(SHEET_SPECS.B4.columns).map((c) => c.header);
const NOTE_HEADERS = ["Sökord", "Källa", "Anteckning"];

/** Headers plus the optional note columns the records use. */
function withNotes(headers: readonly string[], records: readonly Rec[], allowed: readonly string[] = NOTE_HEADERS): string[] {
  return [...headers, ...allowed.filter((h) => records.some((r) => h in r))];
}

export type Rec = Record<string, CellValue>;

/** A sheet with the header in row 1 and one row per record (data from row 2). */
export function sheet(name: string, headers: readonly string[], records: readonly Rec[]): RawSheet {
  for (const r of records) {
    for (const key of Object.keys(r)) if (!headers.includes(key)) throw new Error(`test fixture: unknown header ${key}`);
  }
  return { name, rows: [[...headers], ...records.map((r) => headers.map((h) => r[h] ?? null))] };
}

/** Shorthand for a bilaga 1/2 row: code, title, the four payers (SÄBO, LSS bostad, LSS DV, SoL dagv). */
export function listRow(iso: CellValue, title: string, payers: readonly CellValue[], extra: Rec = {}): Rec {
  const [sabo, lss, dv, dagv] = payers;
  return { "ISO-kod": iso, Benämning: title, SÄBO: sabo ?? null, "LSS bostad": lss ?? null, "LSS daglig verksamhet": dv ?? null, "SoL dagverksamhet": dagv ?? null, ...extra };
}

export const DEFAULT_PRINCIPLES: Rec[] = [
  { Princip: "REGION_HORSEL", "ISO-kod": "22 06" },
  { Princip: "REGION_SYN", "ISO-kod": "22 03" },
  { Princip: "REGION_ORTOPEDTEKNIK", "ISO-kod": "06" },
  { Princip: "REGION_DIABETES_TEST", "ISO-kod": "04 24 12" },
  { Princip: "SOCPSYK_KOMMUN", "ISO-kod": "12 36" },
  { Princip: "SOCPSYK_KOMMUN", "ISO-kod": "09 33 12" },
  { Princip: "FORTROENDE_BILAGA2", "ISO-kod": "04 24 12" },
];

export interface WorkbookSpec {
  b1?: Rec[];
  b2?: Rec[];
  b3?: Rec[];
  b4?: Rec[];
  principer?: Rec[] | null;
  iso?: Rec[] | null;
  utgava?: Rec[] | null;
  kostnader?: Rec[] | null;
  omit?: Array<"B1" | "B2" | "B3" | "B4">;
  /** Bilaga 1 and 2 with the optional per-form Villkor columns. */
  formVillkor?: boolean;
}

/** A complete bilagor workbook for tests; every sheet present unless omitted. */
export function workbook(spec: WorkbookSpec = {}): RawWorkbook {
  const omit = new Set(spec.omit ?? []);
  const sheets: RawSheet[] = [];
  const listHeaders = spec.formVillkor ? LIST_HEADERS_FORM_VILLKOR : LIST_HEADERS;
  if (!omit.has("B1")) sheets.push(sheet("Bilaga 1", withNotes(listHeaders, spec.b1 ?? []), spec.b1 ?? []));
  if (!omit.has("B2")) sheets.push(sheet("Bilaga 2", withNotes(listHeaders, spec.b2 ?? []), spec.b2 ?? []));
  if (!omit.has("B3")) sheets.push(sheet("Bilaga 3", withNotes(B3_HEADERS, spec.b3 ?? [], ["Källa", "Anteckning"]), spec.b3 ?? []));
  if (!omit.has("B4")) sheets.push(sheet("Bilaga 4", withNotes(B4_HEADERS, spec.b4 ?? [], ["Källa", "Anteckning"]), spec.b4 ?? []));
  if (spec.principer !== null) sheets.push(sheet("Principer", ["Princip", "ISO-kod", "Kommentar"], spec.principer ?? DEFAULT_PRINCIPLES));
  if (spec.iso) sheets.push(sheet("ISO 9999", withNotes(["ISO-kod", "Benämning", "Utgåva"], spec.iso, ["Sökord"]), spec.iso));
  if (spec.utgava) sheets.push(sheet("Utgåva", ["Fält", "Värde"], spec.utgava));
  if (spec.kostnader) sheets.push(sheet("Kostnader", ["ISO-kod", "Boendeform", "Kommun", "Region", "År", "Källa"], spec.kostnader));
  return { sheets };
}

/** The Beslut sheet's headers (docs/arbetsbok.md): the huvudmän's decisions. */
export const BESLUT_HEADERS = ["Datum", "Beslutsreferens", "ISO-kod", "Bilaga", "Boendeform", "Beslut", "Beslutat av"];

/** A bilagor workbook with a Beslut sheet holding these decisions. */
export function withDecisions(spec: WorkbookSpec, rows: Rec[]): RawWorkbook {
  const raw = workbook(spec);
  return { sheets: [...raw.sheets, sheet("Beslut", BESLUT_HEADERS, rows)] };
}
