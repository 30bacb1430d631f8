import type { ListBoendeform } from "../boendeform";
import { toCsvLine } from "../csv";
import { BILAGA_KEYS, SHEET_SPECS } from "../sheets";
import { CHANGE_LOG_HEADERS, changeLogRows } from "./changeLog";
import type { Change } from "./diff";
import type { Edition, EditionRow, EditionSheet } from "./edition";
import { guideFiles, type GuideDownload } from "./guideSite";

/**
 * A file name for an edition: `2026:1` → `2026-1`. Letters, digits, `.`, `_` and `-` only, so the
 * name is safe in every file system and in a link (`#`, `%`, `?` would break the guide's download
 * links), and never hidden (no leading dot).
 */
export function editionFileStem(name: string): string {
  const stem = name.trim().normalize("NFC").replace(/[^\p{L}\p{N}._-]+/gu, "-").replace(/^[-.]+|-+$/g, "");
  return stem === "" ? "utgava" : stem;
}

const BOM = "\ufeff";

/** CSV for Excel in Swedish: UTF-8 with BOM, semicolons, CRLF. */
function csv(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  return BOM + rows.map((r) => toCsvLine(r, ";")).join("\r\n") + "\r\n";
}

function cellOf(row: EditionRow, field: string | null, index: number): string {
  if (field === null) return row.extra?.[String(index)] ?? "";
  if (field.startsWith("villkor:")) return row.formVillkor?.[field.slice("villkor:".length) as ListBoendeform] ?? "";
  const value = (row as unknown as Record<string, unknown>)[field] ?? (row.payers as Record<string, unknown>)[field];
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "Ja" : "Nej";
  return String(value);
}

/** One CSV per bilaga, with the sheet's own columns. */
export function bilagaCsv(sheet: EditionSheet): string {
  return csv([sheet.columns.map((c) => c.header), ...sheet.rows.map((r) => sheet.columns.map((c) => cellOf(r, c.field, c.index)))]);
}

export function changeLogCsv(edition: string, changes: readonly Change[]): string {
  return csv([[...CHANGE_LOG_HEADERS], ...changeLogRows(edition, changes)]);
}

/**
 * The published files of an edition, by file name (relative to the output folder): the edition
 * JSON first, one CSV per bilaga, the change log, and Hjälpmedelsguiden's pages, data and style
 * (its script, built once, is added by the caller).
 */
export function publicationFiles(edition: Edition, changes: readonly Change[], previousName: string | null, serialized: string): Map<string, string> {
  const stem = editionFileStem(edition.name);
  const files = new Map<string, string>([[`${stem}.json`, serialized]]);
  const downloads: GuideDownload[] = [];
  for (const key of BILAGA_KEYS) {
    const sheet = edition.bilagor[key];
    if (!sheet) continue;
    const name = `${stem}-bilaga-${key.slice(1)}.csv`;
    files.set(name, bilagaCsv(sheet));
    downloads.push({ file: name, label: `${SHEET_SPECS[key].name} (CSV)` });
  }
  files.set(`${stem}-andringslogg.csv`, changeLogCsv(edition.name, changes));
  downloads.push({ file: `${stem}-andringslogg.csv`, label: "Ändringslogg (CSV)" }, { file: `${stem}.json`, label: `Utgåva ${edition.name} (JSON, med kontrollsumma)` });
  for (const [name, content] of guideFiles(edition, changes, previousName, downloads)) files.set(name, content);
  return files;
}
