import type { Boendeform, ListBoendeform } from "./boendeform";
import { isCellError, isEmptyCell, type CellValue, type RawSheet, type RawWorkbook } from "./cells";
import { parseIsoCode, type IsoLevel } from "./iso";
import { parsePayer, type Payer } from "./payer";
import { PRINCIPLE_KEYS, type PrincipleKey } from "./principles";
import { BILAGA_SHEET_COLUMNS, fieldDef, PLAIN_FIELDS, type BilagaFieldKind, type PlainFieldDef } from "./bilagaFields";
import { BILAGA_KEYS, SHEET_SPECS, type BilagaKey, type ColumnSpec, type SheetKey, type SheetSpec } from "./sheets";
import { foldHeader, foldText, withoutInvisible } from "./text";
import {
  EMPTY,
  parseCell,
  readAmount,
  readDate,
  readStatus,
  readText,
  readYesNo,
  type Parsed,
  type Status,
} from "./values";

/** A parsed ISO code cell. */
export interface IsoValue {
  readonly code: string;
  readonly level: IsoLevel;
  readonly leadingZeroLost: boolean;
}

/** Where a column sits: 1-based index and the header as the user wrote it. */
export interface ColumnRef {
  readonly index: number;
  readonly header: string;
}

export interface CellErrorAt {
  readonly row: number;
  readonly column: ColumnRef;
  readonly error: string;
}

export interface SheetTable<R> {
  readonly key: SheetKey;
  /** The sheet's name as written in the workbook. */
  readonly name: string;
  readonly headerRow: number;
  readonly columns: ReadonlyMap<string, ColumnRef>;
  /** Required columns that are missing. */
  readonly missingColumns: readonly ColumnSpec[];
  /** Columns the contract does not know; kept, never rewritten. */
  readonly extraColumns: readonly ColumnRef[];
  /** A contract column whose header appears again: the later copy (read as extra) and the first, which is read. */
  readonly duplicateColumns: ReadonlyArray<{ readonly column: ColumnSpec; readonly ref: ColumnRef; readonly first: ColumnRef }>;
  readonly cellErrors: readonly CellErrorAt[];
  readonly rows: readonly R[];
}

/** The value a bilaga row keeps for each kind of cell (bilagaFields.ts). */
export interface BilagaKindValue {
  readonly iso: Parsed<IsoValue>;
  readonly text: string | null;
  readonly note: string;
  readonly payer: Parsed<Payer>;
  readonly formVillkor: string;
  readonly yesNo: Parsed<boolean>;
  readonly status: Parsed<Status>;
  readonly date: Parsed<string>;
  /** Text as written, and the SEK amount when the text is a plain amount. */
  readonly amountText: { readonly text: string; readonly amount: number | null } | null;
}

type KeptField = Exclude<PlainFieldDef, { kind: "note" }>;
type NoteField = Extract<PlainFieldDef, { kind: "note" }>;

/** The row's own fields, derived from the field table: one property per plain field. */
type BilagaRowFields = { readonly [F in KeptField as F["field"]]: BilagaKindValue[F["kind"]] } & {
  /** Sökord, Källa, Anteckning: present only when written (never a condition: the guide shows Villkor). */
  readonly [F in NoteField as F["field"]]?: string;
};

/** A row of Bilaga 1–4, read by the field table (bilagaFields.ts). */
export interface BilagaRow extends BilagaRowFields {
  readonly bilaga: BilagaKey;
  readonly row: number;
  /** Payer per housing form: the four columns of bilaga 1–3, `Kostnadsansvar` (SOL_SOCPSYK) in bilaga 4. */
  readonly payers: Readonly<Partial<Record<Boendeform, Parsed<Payer>>>>;
  /** Bilaga 1–2: the forms' own Villkor (optional columns `Villkor SÄBO` …), where given. */
  readonly formVillkor?: Readonly<Partial<Record<ListBoendeform, string>>>;
}

export interface PrincipleRow {
  readonly row: number;
  readonly principle: Parsed<PrincipleKey>;
  readonly iso: Parsed<IsoValue>;
  readonly comment: string | null;
}

export interface IsoRow {
  readonly row: number;
  readonly iso: Parsed<IsoValue>;
  readonly title: string | null;
  readonly edition: string | null;
  /** Everyday search words (`Sökord`), as written. */
  readonly sokord?: string;
}

export interface UtgavaRow {
  readonly row: number;
  readonly field: string | null;
  readonly value: CellValue;
}

export interface CostRow {
  readonly row: number;
  readonly iso: Parsed<IsoValue>;
  readonly boendeform: string | null;
  readonly kommun: Parsed<number>;
  readonly region: Parsed<number>;
  readonly year: string | null;
  readonly source: string | null;
}

/** A row of the optional `Beslut` sheet: a decision the huvudmän took (workbook.md, Optional additions). */
export interface DecisionRow {
  readonly row: number;
  readonly datum: Parsed<string>;
  readonly referens: string | null;
  readonly iso: Parsed<IsoValue>;
  readonly bilaga: string | null;
  readonly boendeform: string | null;
  readonly beslut: string | null;
  readonly beslutatAv: string | null;
}

/** A row of the optional `Ärenden` sheet: one matter before the group (workbook.md, docs/arbetsbok.md). */
export interface MatterRow {
  readonly row: number;
  readonly arende: string | null;
  readonly inkom: Parsed<string>;
  readonly fran: string | null;
  /** As written; matters.ts reads the type, the status and the codes. */
  readonly typ: string | null;
  readonly iso: string | null;
  readonly boendeform: string | null;
  readonly beskrivning: string | null;
  readonly status: string | null;
  readonly beslut: string | null;
  readonly utgava: string | null;
  readonly avslutad: Parsed<string>;
  readonly kommentar: string | null;
}

export interface WorkbookModel {
  readonly bilagor: Readonly<Partial<Record<BilagaKey, SheetTable<BilagaRow>>>>;
  readonly principer: SheetTable<PrincipleRow> | null;
  readonly iso: SheetTable<IsoRow> | null;
  readonly utgava: SheetTable<UtgavaRow> | null;
  readonly kostnader: SheetTable<CostRow> | null;
  /** The huvudmän's recorded decisions (optional sheet `Beslut`); absent or null without one. */
  readonly beslut?: SheetTable<DecisionRow> | null;
  /** The group's register of matters (optional sheet `Ärenden`); absent or null without one. */
  readonly arenden?: SheetTable<MatterRow> | null;
  /** Known sheets present in the workbook whose key header was not found in the first 10 rows. */
  readonly headerless: ReadonlyArray<{ readonly key: SheetKey; readonly name: string }>;
  /** A second sheet whose name also folds to a known sheet (e.g. "Bilaga 1" and "bilaga\u200b1"); the first is read. */
  readonly duplicateSheets: ReadonlyArray<{ readonly key: SheetKey; readonly name: string; readonly first: string }>;
  /** Names of all sheets, as in the workbook. */
  readonly sheetNames: readonly string[];
  /** Known sheets that are read but hidden in the workbook (absent: none). */
  readonly hiddenSheets?: ReadonlyArray<{ readonly key: SheetKey; readonly name: string }>;
  /**
   * Sheets named as Excel names a copy of a known sheet ("Bilaga 1 (2)", "Kopia av Bilaga 1"):
   * never read; `of` is the sheet that is read for that key, if any (absent: none).
   */
  readonly sheetCopies?: ReadonlyArray<{ readonly key: SheetKey; readonly name: string; readonly of: string | null; readonly hidden: boolean }>;
  /** Dates stored as plain numbers count from 1904 (the workbook's date system). */
  readonly date1904?: boolean;
}


const SHEET_BY_NAME = new Map<string, SheetKey>(
  (Object.keys(SHEET_SPECS) as SheetKey[]).map((key) => [foldText(SHEET_SPECS[key].name), key]),
);

/** The sheet key for a sheet name (case-insensitive, surrounding spaces and invisible characters ignored), or null. */
export function sheetKeyOf(name: string): SheetKey | null {
  return SHEET_BY_NAME.get(foldText(withoutInvisible(name))) ?? null;
}

/** What Excel (Swedish or English) and LibreOffice add to a copied sheet's name. */
const COPY_AFFIXES = [/\s*\(\d+\)$/u, /^\s*(?:kopia av|copy of)\s+/iu, /\s*(?:-\s*)?(?:kopia|copy)(?:\s*\d+)?$/iu, /_\d+$/u];

/**
 * The known sheet a name is a copy of ("Bilaga 1 (2)", "Kopia av Bilaga 1", "Bilaga 1 - kopia",
 * "Bilaga 1_2"), or null; a name that is itself a known sheet's is no copy.
 */
export function sheetCopyOf(name: string): SheetKey | null {
  if (sheetKeyOf(name) !== null) return null;
  let stripped = name;
  for (let round = 0; round < 3; round++) {
    const before = stripped;
    for (const affix of COPY_AFFIXES) stripped = stripped.replace(affix, "");
    if (stripped === before) break;
    const key = sheetKeyOf(stripped);
    if (key) return key;
  }
  return null;
}

const HEADER_SEARCH_ROWS = 10;

interface Located {
  readonly spec: SheetSpec;
  readonly sheet: RawSheet;
  readonly headerIndex: number;
  readonly columns: Map<string, ColumnRef>;
  readonly extraColumns: ColumnRef[];
  readonly missingColumns: ColumnSpec[];
  readonly duplicateColumns: Array<{ column: ColumnSpec; ref: ColumnRef; first: ColumnRef }>;
}

function locateHeader(spec: SheetSpec, sheet: RawSheet): Located | null {
  const key = foldHeader(spec.keyHeader);
  const firstColumn = sheet.firstColumn ?? 1;
  const firstRow = sheet.firstRow ?? 1;
  const searchRows = Math.max(0, Math.min(sheet.rows.length, HEADER_SEARCH_ROWS - (firstRow - 1)));
  for (let i = 0; i < searchRows; i++) {
    const cells = sheet.rows[i] ?? [];
    if (!cells.some((c) => typeof c === "string" && foldHeader(c) === key)) continue;
    const byHeader = new Map(spec.columns.map((c) => [foldHeader(c.header), c] as const));
    const columns = new Map<string, ColumnRef>();
    const extraColumns: ColumnRef[] = [];
    const duplicateColumns: Located["duplicateColumns"] = [];
    cells.forEach((cell, j) => {
      if (isEmptyCell(cell)) return;
      const header = typeof cell === "string" ? cell.trim() : String(cell);
      const ref = { index: firstColumn + j, header };
      const column = byHeader.get(foldHeader(header));
      if (column && !columns.has(column.field)) columns.set(column.field, ref);
      else {
        extraColumns.push(ref);
        if (column) duplicateColumns.push({ column, ref, first: columns.get(column.field)! });
      }
    });
    const missingColumns = spec.columns.filter((c) => c.required && !columns.has(c.field));
    return { spec, sheet, headerIndex: i, columns, extraColumns, missingColumns, duplicateColumns };
  }
  return null;
}

/** Reads the rows below the header into typed rows; every error cell is recorded. */
function readTable<R>(
  located: Located,
  readRow: (get: (field: string) => CellValue, row: number) => R,
): SheetTable<R> {
  // A reader by field name, over the row being read (no closure per row).
  let current: readonly CellValue[] = [];
  return readRows(located, (offsetOf) => {
    const get = (field: string): CellValue => {
      const offset = offsetOf(field);
      return offset === undefined ? null : current[offset];
    };
    return (cells, row) => {
      current = cells;
      return readRow(get, row);
    };
  });
}

/** readTable for readers that look their columns up once per table (the bilagor: many rows). */
function readRows<R>(
  located: Located,
  makeReader: (offsetOf: (field: string) => number | undefined) => (cells: readonly CellValue[], row: number) => R,
): SheetTable<R> {
  const { spec, sheet, headerIndex, columns } = located;
  const firstRow = sheet.firstRow ?? 1;
  const firstColumn = sheet.firstColumn ?? 1;
  const headerWidth = Math.max(0, ...[...columns.values(), ...located.extraColumns].map((c) => c.index));
  const refs = new Map([...columns.values(), ...located.extraColumns].map((r) => [r.index, r] as const));
  const offsets = new Map<string, number>([...columns].map(([field, ref]) => [field, ref.index - firstColumn]));
  const rows: R[] = [];
  const cellErrors: CellErrorAt[] = [];
  const readRow = makeReader((field) => offsets.get(field));
  for (let i = headerIndex + 1; i < sheet.rows.length; i++) {
    const cells = sheet.rows[i];
    if (!cells) continue;
    let empty = true;
    const limit = Math.min(cells.length, headerWidth - firstColumn + 1);
    for (let j = 0; j < limit; j++) {
      const cell = cells[j];
      if (isEmptyCell(cell)) continue;
      empty = false;
      if (isCellError(cell)) {
        const column = refs.get(firstColumn + j);
        if (column) cellErrors.push({ row: firstRow + i, column, error: cell.error });
      }
    }
    if (empty) continue;
    rows.push(readRow(cells, firstRow + i));
  }
  return {
    key: spec.key,
    name: sheet.name,
    headerRow: firstRow + headerIndex,
    columns,
    missingColumns: located.missingColumns,
    extraColumns: located.extraColumns,
    duplicateColumns: located.duplicateColumns,
    cellErrors,
    rows,
  };
}

const readIsoCell = (raw: CellValue): Parsed<IsoValue> => {
  if (isEmptyCell(raw)) return EMPTY;
  if (isCellError(raw)) return { state: "error", error: raw.error };
  const parsed = parseIsoCode(raw);
  return parsed.ok
    ? { state: "ok", value: { code: parsed.code, level: parsed.level, leadingZeroLost: parsed.leadingZeroLost } }
    : { state: "invalid", raw };
};

const textOf = (raw: CellValue): string | null => (isEmptyCell(raw) || isCellError(raw) ? null : readText(raw!));

/**
 * A cell reader that reads each distinct text once: lists repeat a few spellings (Kommun, Ja,
 * Gällande, dates) on every row, so their parsed values are shared (they are never modified).
 */
function sharedReader<T>(read: (raw: Exclude<CellValue, null | undefined>) => T | null): (raw: CellValue) => Parsed<T> {
  const seen = new Map<string, Parsed<T>>();
  return (raw) => {
    if (typeof raw !== "string") return parseCell(raw, read);
    let parsed = seen.get(raw);
    if (parsed === undefined) {
      parsed = parseCell(raw, read);
      // Bounded, so a column of distinct texts cannot grow it without end.
      if (seen.size >= 4096) seen.clear();
      seen.set(raw, parsed);
    }
    return parsed;
  };
}

const payerOf = sharedReader<Payer>((v) => (typeof v === "string" ? parsePayer(v) : null));
const yesNoOf = sharedReader(readYesNo);
const statusOf = sharedReader(readStatus);
const dateOf = sharedReader((v) => readDate(v));
/** The same in a workbook that counts dates from 1904. */
const dateOf1904 = sharedReader((v) => readDate(v, true));
const principleOf = (raw: CellValue): Parsed<PrincipleKey> =>
  parseCell(raw, (v) => {
    if (typeof v !== "string") return null;
    const key = v.trim().toUpperCase();
    return (PRINCIPLE_KEYS as readonly string[]).includes(key) ? (key as PrincipleKey) : null;
  });
const numberOf = (raw: CellValue): Parsed<number> => parseCell(raw, readAmount);

/** A row's cell at a column offset; -1 (a column the sheet lacks) reads as empty. */
function cellAt(cells: readonly CellValue[], offset: number): CellValue {
  return offset < 0 ? null : cells[offset];
}

const amountTextOf = (raw: CellValue): BilagaKindValue["amountText"] => {
  const text = textOf(raw);
  return text === null ? null : { text, amount: isEmptyCell(raw) || isCellError(raw) ? null : readAmount(raw!) };
};

/** A text that is only kept when written (notes, a form's Villkor). */
const writtenText = (raw: CellValue): string | undefined => {
  const text = textOf(raw);
  return text !== null && text.trim() !== "" ? text : undefined;
};

/** The one reader of each kind of cell; dates in the workbook's own date system. */
function kindReaders(dates: (raw: CellValue) => Parsed<string>): { readonly [K in BilagaFieldKind]: (raw: CellValue) => BilagaKindValue[K] | undefined } {
  return {
    iso: readIsoCell,
    text: textOf,
    note: writtenText,
    payer: payerOf,
    formVillkor: writtenText,
    yesNo: yesNoOf,
    status: statusOf,
    date: dates,
    amountText: amountTextOf,
  };
}

type CellReader = (raw: CellValue) => unknown;

function bilagaRowReader(bilaga: BilagaKey, dates: (raw: CellValue) => Parsed<string>) {
  const readers = kindReaders(dates) as Record<BilagaFieldKind, CellReader>;
  const sheetFields = BILAGA_SHEET_COLUMNS[bilaga].map((c) => fieldDef(c.field));
  return (offsetOf: (field: string) => number | undefined) => {
    // Each field's column offset once per table; a missing column reads as an empty cell.
    const at = (field: string): number => offsetOf(field) ?? -1;
    // Every plain field is on every row (a bilaga without the column reads it as empty); a note only when written.
    const kept = PLAIN_FIELDS.filter((f) => f.kind !== "note").map((f) => [f.field, at(f.field), readers[f.kind]] as const);
    const keptFields = kept.map((k) => k[0]);
    const keptOffsets = kept.map((k) => k[1]);
    const keptReaders = kept.map((k) => k[2]);
    const notes = PLAIN_FIELDS.filter((f) => f.kind === "note").map((f) => [f.field, at(f.field)] as const).filter(([, offset]) => offset >= 0);
    // This bilaga's payer columns (read as empty when missing); its form Villkor columns, those the sheet has.
    const payerCols = sheetFields.filter((f) => f.kind === "payer").map((f) => [f.form!, at(f.field)] as const);
    const formVillkorCols = sheetFields.filter((f) => f.kind === "formVillkor").map((f) => [f.form as ListBoendeform, at(f.field)] as const).filter(([, o]) => o >= 0);
    return (cells: readonly CellValue[], row: number): BilagaRow => {
      const record: Record<string, unknown> = { bilaga, row };
      for (let i = 0; i < kept.length; i++) record[keptFields[i]!] = keptReaders[i]!(cellAt(cells, keptOffsets[i]!));
      const payers: Partial<Record<Boendeform, Parsed<Payer>>> = {};
      for (let i = 0; i < payerCols.length; i++) payers[payerCols[i]![0]] = payerOf(cellAt(cells, payerCols[i]![1]));
      record.payers = payers;
      let formVillkor: Partial<Record<ListBoendeform, string>> | undefined;
      for (const [form, offset] of formVillkorCols) {
        const text = writtenText(cellAt(cells, offset));
        if (text !== undefined) (formVillkor ??= {})[form] = text;
      }
      if (formVillkor) record.formVillkor = formVillkor;
      for (const [field, offset] of notes) {
        const text = writtenText(cellAt(cells, offset));
        if (text !== undefined) record[field] = text;
      }
      return record as unknown as BilagaRow;
    };
  };
}

/**
 * Reads a workbook's cells into the typed model of `workbook.md`. Never throws on cell content:
 * unreadable values are kept as `invalid` or `error` for the validator to report.
 */
export function readWorkbook(workbook: RawWorkbook): WorkbookModel {
  const found = new Map<SheetKey, RawSheet>();
  const duplicateSheets: Array<{ key: SheetKey; name: string; first: string }> = [];
  for (const sheet of workbook.sheets) {
    const key = sheetKeyOf(sheet.name);
    if (!key) continue;
    const first = found.get(key);
    if (first) duplicateSheets.push({ key, name: sheet.name, first: first.name });
    else found.set(key, sheet);
  }
  const headerless: Array<{ key: SheetKey; name: string }> = [];
  const locate = (key: SheetKey): Located | null => {
    const sheet = found.get(key);
    if (!sheet) return null;
    const located = locateHeader(SHEET_SPECS[key], sheet);
    if (!located) headerless.push({ key, name: sheet.name });
    return located;
  };

  const bilagor: Partial<Record<BilagaKey, SheetTable<BilagaRow>>> = {};
  // Dates stored as plain numbers are serials in the workbook's own date system.
  const dates = workbook.date1904 ? dateOf1904 : dateOf;
  for (const key of BILAGA_KEYS) {
    const located = locate(key);
    if (located) bilagor[key] = readRows(located, bilagaRowReader(key, dates));
  }
  const principerAt = locate("PRINCIPER");
  const isoAt = locate("ISO");
  const utgavaAt = locate("UTGAVA");
  const kostnaderAt = locate("KOSTNADER");
  const beslutAt = locate("BESLUT");
  const arendenAt = locate("ARENDEN");
  return {
    bilagor,
    principer: principerAt
      ? readTable(principerAt, (get, row) => ({
          row,
          principle: principleOf(get("principle")),
          iso: readIsoCell(get("iso")),
          comment: textOf(get("comment")),
        }))
      : null,
    iso: isoAt
      ? readTable(isoAt, (get, row) => {
          const sokord = textOf(get("sokord"));
          return { row, iso: readIsoCell(get("iso")), title: textOf(get("title")), edition: textOf(get("edition")), ...(sokord !== null && sokord.trim() !== "" ? { sokord } : {}) };
        })
      : null,
    utgava: utgavaAt
      ? readTable(utgavaAt, (get, row) => ({ row, field: textOf(get("field")), value: get("value") }))
      : null,
    kostnader: kostnaderAt
      ? readTable(kostnaderAt, (get, row) => ({
          row,
          iso: readIsoCell(get("iso")),
          boendeform: textOf(get("boendeform")),
          kommun: numberOf(get("kommun")),
          region: numberOf(get("region")),
          year: textOf(get("year")),
          source: textOf(get("source")),
        }))
      : null,
    beslut: beslutAt
      ? readTable(beslutAt, (get, row) => ({
          row,
          datum: dates(get("datum")),
          referens: textOf(get("referens")),
          iso: readIsoCell(get("iso")),
          bilaga: textOf(get("bilaga")),
          boendeform: textOf(get("boendeform")),
          beslut: textOf(get("beslut")),
          beslutatAv: textOf(get("beslutatAv")),
        }))
      : null,
    arenden: arendenAt
      ? readTable(arendenAt, (get, row) => ({
          row,
          arende: textOf(get("arende")),
          inkom: dates(get("inkom")),
          fran: textOf(get("fran")),
          typ: textOf(get("arendeTyp")),
          iso: textOf(get("iso")),
          boendeform: textOf(get("boendeform")),
          beskrivning: textOf(get("beskrivning")),
          status: textOf(get("arendeStatus")),
          beslut: textOf(get("beslut")),
          utgava: textOf(get("utgava")),
          avslutad: dates(get("avslutad")),
          kommentar: textOf(get("kommentar")),
        }))
      : null,
    headerless,
    duplicateSheets,
    sheetNames: workbook.sheets.map((s) => s.name),
    ...sheetVisibility(workbook, found),
    ...(workbook.date1904 ? { date1904: true } : {}),
  };
}

/** Known sheets read while hidden, and sheets named as copies of known sheets (only what there is). */
function sheetVisibility(workbook: RawWorkbook, found: ReadonlyMap<SheetKey, RawSheet>): Pick<WorkbookModel, "hiddenSheets" | "sheetCopies"> {
  const hiddenSheets = [...found].filter(([, s]) => s.hidden).map(([key, s]) => ({ key, name: s.name }));
  const sheetCopies = workbook.sheets.flatMap((s) => {
    const key = sheetCopyOf(s.name);
    return key ? [{ key, name: s.name, of: found.get(key)?.name ?? null, hidden: Boolean(s.hidden) }] : [];
  });
  return { ...(hiddenSheets.length ? { hiddenSheets } : {}), ...(sheetCopies.length ? { sheetCopies } : {}) };
}

/** Why a bilaga cannot be answered from, for each bilaga that is missing or cannot be read. */
export interface UnreadableBilaga {
  readonly key: BilagaKey;
  readonly name: string;
  readonly reason: "missing" | "headerless" | "columnMissing" | "columnDuplicated" | "sheetDuplicated" | "hiddenCopyVisible";
  /** The column concerned (columnMissing, columnDuplicated), or the other sheet's name (sheetDuplicated, hiddenCopyVisible: the visible copy). */
  readonly detail: string | null;
}

/**
 * The bilagor an answer cannot rest on: absent, without their header row, missing a required
 * column, or ambiguous (a required column twice, two sheets for one bilaga). Answering past any
 * of these would give UNLISTED where the list says otherwise, so callers stop instead.
 */
export function unreadableBilagor(model: WorkbookModel): UnreadableBilaga[] {
  const problems: UnreadableBilaga[] = [];
  const headerless = new Map(model.headerless.map((h) => [h.key, h.name]));
  for (const key of BILAGA_KEYS) {
    const table = model.bilagor[key];
    const name = table?.name ?? headerless.get(key) ?? SHEET_SPECS[key].name;
    for (const d of model.duplicateSheets) if (d.key === key) problems.push({ key, name: d.first, reason: "sheetDuplicated", detail: d.name });
    // The sheet read is hidden while a copy of it is in view: the copy is likely the one edited.
    if (table && model.hiddenSheets?.some((h) => h.key === key)) {
      const copy = model.sheetCopies?.find((c) => c.key === key && !c.hidden);
      if (copy) problems.push({ key, name: table.name, reason: "hiddenCopyVisible", detail: copy.name });
    }
    if (!table) {
      problems.push({ key, name, reason: headerless.has(key) ? "headerless" : "missing", detail: null });
      continue;
    }
    for (const c of table.missingColumns) problems.push({ key, name, reason: "columnMissing", detail: c.header });
    for (const d of table.duplicateColumns) if (d.column.required) problems.push({ key, name, reason: "columnDuplicated", detail: d.column.header });
  }
  return problems;
}

const UNREADABLE_SV: Record<UnreadableBilaga["reason"], (p: UnreadableBilaga) => string> = {
  missing: (p) => `bladet ”${p.name}” saknas`,
  headerless: (p) => `bladet ”${p.name}” har ingen rubrikrad med ”${SHEET_SPECS[p.key].keyHeader}” bland sina första 10 rader`,
  columnMissing: (p) => `kolumnen ”${p.detail}” saknas i bladet ”${p.name}”`,
  columnDuplicated: (p) => `kolumnen ”${p.detail}” finns två gånger i bladet ”${p.name}”`,
  sheetDuplicated: (p) => `bladen ”${p.name}” och ”${p.detail}” ser båda ut som ${SHEET_SPECS[p.key].name}`,
  hiddenCopyVisible: (p) => `bladet ”${p.name}” är dolt medan kopian ”${p.detail}” syns; det går inte att veta vilket som gäller (visa eller ta bort det dolda bladet, eller byt namn på kopian till ”${SHEET_SPECS[p.key].name}”)`,
};

/** Why a bilaga cannot be answered from, in Swedish, for the CLI, the functions and the pane alike. */
export const unreadableBilagaSv = (p: UnreadableBilaga): string => UNREADABLE_SV[p.reason](p);
