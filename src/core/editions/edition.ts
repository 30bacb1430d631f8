import * as z from "zod/mini";
import { sv } from "zod/locales";
import { BOENDEFORMER, LIST_BOENDEFORMER, type Boendeform } from "../boendeform";
import { cellText, type CellValue, type RawWorkbook } from "../cells";
import { editionToRawWorkbook } from "./editionRaw";
import { sha256Hex } from "../hash";
import { BILAGA_FIELDS, type PlainFieldDef } from "../bilagaFields";
import { readWorkbook, type BilagaKindValue, type BilagaRow, type SheetTable, type WorkbookModel } from "../model";
import { PAYERS } from "../payer";
import { PRINCIPLE_KEYS } from "../principles";
import { BILAGA_KEYS, type BilagaKey } from "../sheets";
import { readEditionInfo } from "../utgava";
import { readDecisions } from "../decisions";
import { parseIsoDate, STATUSES, valueOf } from "../values";

// zod/mini: the same schemas and inferred types, tree-shakable (the pane loads only what is used).
// Swedish messages; and no code generation (`new Function`): a strict CSP in the pane forbids it.
z.config({ ...sv(), jitless: true });

/** Version of the edition JSON format; a later tool reads older versions by this number. */
export const EDITION_SCHEMA_VERSION = 1;

const isoDate = z.string().check(z.refine((s) => parseIsoDate(s) !== null, { message: "datum ÅÅÅÅ-MM-DD" }));
const isoCode = z.string().check(z.regex(/^\d{2}( \d{2}){0,2}$/, { message: "ISO-kod NN, NN NN eller NN NN NN" }));
const text = z.nullable(z.string());

/** Excel's limits: a sheet has at most 1 048 576 rows and 16 384 columns. */
const rowNumber = z.int().check(z.positive(), z.maximum(1_048_576));
const columnNumber = z.int().check(z.positive(), z.maximum(16_384));

const Column = z.object({ index: columnNumber, header: z.string(), field: z.nullable(z.string()) });

/** The one schema of each kind of cell in an edition (bilagaFields.ts); payers and form Villkor are grouped. */
const KIND_SCHEMA = {
  iso: z.nullable(isoCode),
  text,
  /** Optional texts, only where given: everyday search words (bilaga 1–2) and the maintainers' source and note. */
  note: z.optional(z.string()),
  yesNo: z.nullable(z.boolean()),
  status: z.nullable(z.enum(STATUSES)),
  date: z.nullable(isoDate),
  /** Ekonomisk beräkning as written. */
  amountText: text,
} as const satisfies Record<PlainFieldDef["kind"], unknown>;
const PAYERS_SCHEMA = z.partialRecord(z.enum(BOENDEFORMER), z.nullable(z.enum(PAYERS)));
/** Bilaga 1–2: the forms' own Villkor (optional columns), only where given. */
const FORM_VILLKOR_SCHEMA = z.optional(z.partialRecord(z.enum(LIST_BOENDEFORMER), z.string()));
/** Columns the contract does not know, by column number (A = 1): kept as text so nothing is lost. */
const EXTRA_SCHEMA = z.optional(z.record(z.string().check(z.regex(/^\d+$/)), z.string(), { message: "extra kolumner med kolumnens nummer (1, 2, …) som nyckel" }));

type RowShape = { row: typeof rowNumber } & { [F in PlainFieldDef as F["field"]]: (typeof KIND_SCHEMA)[F["kind"]] } & {
  payers: typeof PAYERS_SCHEMA;
  formVillkor: typeof FORM_VILLKOR_SCHEMA;
  extra: typeof EXTRA_SCHEMA;
};

/** The row schema from the field table, in its order (a group where its first field is): the edition's key order. */
function rowShape(): RowShape {
  const shape: Record<string, unknown> = { row: rowNumber };
  for (const f of BILAGA_FIELDS) {
    if (f.kind === "payer") shape.payers ??= PAYERS_SCHEMA;
    else if (f.kind === "formVillkor") shape.formVillkor ??= FORM_VILLKOR_SCHEMA;
    else shape[f.field] = KIND_SCHEMA[f.kind];
  }
  shape.extra = EXTRA_SCHEMA;
  return shape as RowShape;
}

export const EditionRow = z.object(rowShape());
export type EditionRow = z.infer<typeof EditionRow>;

export const EditionSheet = z.object({
  name: z.string(),
  headerRow: rowNumber,
  columns: z.array(Column),
  rows: z.array(EditionRow),
});
export type EditionSheet = z.infer<typeof EditionSheet>;

const PrincipleRow = z.object({ row: rowNumber, principle: z.enum(PRINCIPLE_KEYS), iso: isoCode, comment: text });
const IsoRow = z.object({ row: rowNumber, iso: isoCode, title: text, edition: text, sokord: z.optional(z.string()) });

/** A recorded decision of the huvudmän (the Beslut sheet), as it was when the edition was published. */
const DecisionRow = z.object({
  row: rowNumber,
  datum: z.nullable(isoDate),
  referens: text,
  iso: z.nullable(isoCode),
  bilaga: z.nullable(z.enum(BILAGA_KEYS as unknown as [BilagaKey, ...BilagaKey[]])),
  boendeform: z.nullable(z.enum(BOENDEFORMER)),
  beslut: text,
  beslutatAv: text,
});
export type EditionDecision = z.infer<typeof DecisionRow>;

export const Edition = z.object({
  schemaVersion: z.literal(EDITION_SCHEMA_VERSION),
  name: z.string().check(z.minLength(1)),
  decided: z.nullable(isoDate),
  effective: z.nullable(isoDate),
  isoEdition: text,
  previous: text,
  tolerance: text,
  /** Utgåva sheet, optional: who publishes, a contact line, a link to the agreement's text (only when given). */
  publisher: z.optional(z.string()),
  contact: z.optional(z.string()),
  agreement: z.optional(z.string()),
  /** SHA-256 of the edition's content (this object without `hash`, serialised). */
  hash: z.string().check(z.regex(/^[0-9a-f]{64}$/, { message: "kontrollsumma med 64 tecken 0–9 och a–f" })),
  bilagor: z.partialRecord(z.enum(BILAGA_KEYS as unknown as [BilagaKey, ...BilagaKey[]]), EditionSheet),
  principles: z.nullable(z.object({ name: z.string(), headerRow: rowNumber, columns: z.array(Column), rows: z.array(PrincipleRow) })),
  iso: z.nullable(z.object({ name: z.string(), headerRow: rowNumber, columns: z.array(Column), rows: z.array(IsoRow) })),
  /**
   * The huvudmän's decisions (the Beslut sheet) when the edition was published, so that a decided
   * exception (rule 2a) answers as decided wherever the edition is read. Absent when there were none
   * (and in editions published before it was kept).
   */
  decisions: z.optional(z.object({ name: z.string(), rows: z.array(DecisionRow) })),
});
export type Edition = z.infer<typeof Edition>;

export interface EditionMeta {
  readonly name: string;
  readonly decided: string | null;
  readonly effective: string | null;
}

function columnsOf(table: SheetTable<unknown>): Array<z.infer<typeof Column>> {
  const fields = new Map([...table.columns].map(([field, ref]) => [ref.index, field]));
  return [...table.columns.values(), ...table.extraColumns]
    .map((ref) => ({ index: ref.index, header: ref.header, field: fields.get(ref.index) ?? null }))
    .sort((a, b) => a.index - b.index);
}

const okOrNull = <T>(p: { state: string; value?: T }): T | null => (p.state === "ok" ? (p as { value: T }).value : null);

/** How each kind of cell is kept in an edition: the value in normal form, or null when unreadable. */
const KIND_SNAPSHOT: { readonly [K in PlainFieldDef["kind"]]: (value: BilagaKindValue[K]) => unknown } = {
  iso: (v) => valueOf(v)?.code ?? null,
  text: (v) => v,
  note: (v) => v,
  yesNo: okOrNull,
  status: okOrNull,
  date: okOrNull,
  amountText: (v) => v?.text ?? null,
};

function snapshotRow(row: BilagaRow, table: SheetTable<BilagaRow>, extras: Map<number, ReadonlyArray<CellValue>>): EditionRow {
  const snapshot: Record<string, unknown> = { row: row.row };
  const fields = row as unknown as Record<string, unknown>;
  for (const f of BILAGA_FIELDS) {
    if (f.kind === "payer") {
      if (snapshot.payers) continue;
      const payers: Partial<Record<Boendeform, (typeof PAYERS)[number] | null>> = {};
      for (const form of Object.keys(row.payers) as Boendeform[]) payers[form] = okOrNull(row.payers[form]!);
      snapshot.payers = payers;
    } else if (f.kind === "formVillkor") {
      if (row.formVillkor && Object.keys(row.formVillkor).length > 0) snapshot.formVillkor ??= { ...row.formVillkor };
    } else if (f.kind !== "note" || fields[f.field] !== undefined) {
      snapshot[f.field] = (KIND_SNAPSHOT[f.kind] as (v: unknown) => unknown)(fields[f.field]);
    }
  }
  const cells = extras.get(row.row);
  if (cells && table.extraColumns.length > 0) {
    const extra: Record<string, string> = {};
    for (const ref of table.extraColumns) {
      const value = cellText(cells[ref.index - 1] ?? null);
      if (value !== "") extra[String(ref.index)] = value;
    }
    if (Object.keys(extra).length > 0) snapshot.extra = extra;
  }
  return snapshot as EditionRow;
}

/** Cells of a raw sheet by Excel row, for the extra columns an edition keeps as text. */
function rowsByNumber(raw: RawWorkbook | null, name: string): Map<number, ReadonlyArray<CellValue>> {
  const sheet = raw?.sheets.find((s) => s.name === name);
  const map = new Map<number, ReadonlyArray<CellValue>>();
  if (!sheet) return map;
  const firstRow = sheet.firstRow ?? 1;
  const pad = (sheet.firstColumn ?? 1) - 1;
  sheet.rows.forEach((cells, i) => map.set(firstRow + i, pad > 0 ? [...new Array<CellValue>(pad).fill(null), ...cells] : cells));
  return map;
}

/** Serialises with a stable key order and a final newline: the same edition gives the same bytes. */
export function serializeEdition(edition: Edition): string {
  return JSON.stringify(edition, null, 2) + "\n";
}

function contentHash(edition: Omit<Edition, "hash">): string {
  return sha256Hex(JSON.stringify({ ...edition, hash: undefined }));
}

/**
 * Takes an immutable snapshot of a workbook as an edition: the four bilagor, the Principer and
 * ISO sheets in use, and the edition's name and dates. `raw` (optional) keeps extra columns.
 */
export function editionFromModel(model: WorkbookModel, meta: EditionMeta, raw: RawWorkbook | null = null): Edition {
  const info = readEditionInfo(model);
  const bilagor: Edition["bilagor"] = {};
  for (const key of BILAGA_KEYS) {
    const table = model.bilagor[key];
    if (!table) continue;
    const extras = rowsByNumber(raw, table.name);
    bilagor[key] = { name: table.name, headerRow: table.headerRow, columns: columnsOf(table), rows: table.rows.map((r) => snapshotRow(r, table, extras)) };
  }
  const p = model.principer;
  const i = model.iso;
  const content: Omit<Edition, "hash"> = {
    schemaVersion: EDITION_SCHEMA_VERSION,
    name: meta.name,
    decided: meta.decided,
    effective: meta.effective,
    isoEdition: info.isoUtgava,
    previous: info.foregaende,
    tolerance: info.toleranceText,
    ...(info.utgivare ? { publisher: info.utgivare } : {}),
    ...(info.kontakt ? { contact: info.kontakt } : {}),
    ...(info.overenskommelse ? { agreement: info.overenskommelse } : {}),
    bilagor,
    principles: p
      ? {
          name: p.name,
          headerRow: p.headerRow,
          columns: columnsOf(p),
          rows: p.rows.flatMap((r) => {
            const principle = valueOf(r.principle);
            const iso = valueOf(r.iso);
            return principle && iso ? [{ row: r.row, principle, iso: iso.code, comment: r.comment }] : [];
          }),
        }
      : null,
    iso: i
      ? {
          name: i.name,
          headerRow: i.headerRow,
          columns: columnsOf(i),
          rows: i.rows.flatMap((r) => {
            const iso = valueOf(r.iso);
            return iso ? [{ row: r.row, iso: iso.code, title: r.title, edition: r.edition, ...(r.sokord !== undefined ? { sokord: r.sokord } : {}) }] : [];
          }),
        }
      : null,
  };
  const decisions = readDecisions(model);
  if (model.beslut && decisions.length > 0) {
    content.decisions = {
      name: model.beslut.name,
      rows: decisions.map((d) => ({ row: d.row, datum: d.datum, referens: d.referens, iso: d.iso, bilaga: d.bilaga, boendeform: d.boendeform, beslut: d.beslut, beslutatAv: d.beslutatAv })),
    };
  }
  return { ...content, hash: contentHash(content) };
}

export type EditionParse = { readonly ok: true; readonly edition: Edition } | { readonly ok: false; readonly message: string };

/** Reads edition JSON (any supported schema version); a bad file gives a Swedish message, never a throw. */
export function parseEdition(json: string, label = "Utgåvan"): EditionParse {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { ok: false, message: `${label} är ingen giltig JSON-fil.` };
  }
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === "number" && version > EDITION_SCHEMA_VERSION) {
    return { ok: false, message: `${label} har formatversion ${version}; det här verktyget läser upp till version ${EDITION_SCHEMA_VERSION}. Uppdatera verktyget.` };
  }
  const parsed = Edition.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const first = issues.slice(0, 3).map((i) => `${i.path.join(".") || "(roten)"}: ${i.message}`);
    const more = issues.length > 3 ? ` (och ${issues.length - 3} fel till)` : "";
    return { ok: false, message: `${label} följer inte utgåveformatet: ${first.join("; ")}${more}.` };
  }
  const { hash, ...content } = parsed.data;
  if (contentHash(content) !== hash) return { ok: false, message: `${label} har ändrats efter publiceringen (innehållet stämmer inte med dess kontrollsumma).` };
  return { ok: true, edition: parsed.data };
}

/** The workbook model of an edition, for answers and comparisons. */
export function editionModel(edition: Edition): WorkbookModel {
  return readWorkbook(editionToRawWorkbook(edition));
}

export { editionToRawWorkbook };
