/**
 * Dates are calendar dates in every time zone: ISO 8601 date cells without a zone (`t="d"`, as
 * Excel's Strict format and openpyxl write them), serials with a date format, and plain numbers in
 * a 1904 workbook give the same Giltig från, the same answers and the same edition checksum under
 * UTC, Europe/Stockholm, America/Los_Angeles and Pacific/Kiritimati (UTC+14).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { unzipSync, zipSync } from "fflate";
import { readWorkbook } from "../../src/core/model";
import { readDate } from "../../src/core/values";
import { readXlsxBytes } from "../../src/node/readXlsx";
import { sheetXml, withBilaga1 } from "../helpers/hostileXlsx";
import { LIST_HEADERS } from "../helpers/workbooks";
import { BIN, ensureBuiltCli } from "../helpers/cli";

const ZONES = ["UTC", "Europe/Stockholm", "America/Los_Angeles", "Pacific/Kiritimati"];
const col = (name: string) => String.fromCharCode(65 + LIST_HEADERS.indexOf(name));
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** Bilaga 1: 12 22 on Kommun, 12 22 03 on Region from 2026-05-01 (a t="d" cell) decided 2026-01-15 (a 1900 serial). */
function dated(giltig: string): string {
  const header = LIST_HEADERS.map((h, i) => inline(`${String.fromCharCode(65 + i)}1`, h)).join("");
  const row = (r: number, iso: string, payer: string, extra = "") =>
    `<row r="${r}">${inline(`A${r}`, iso)}${inline(`B${r}`, "Rullstolar")}${["C", "D", "E", "F"].map((c) => inline(`${c}${r}`, payer)).join("")}${extra}</row>`;
  const dates = `<c r="${col("Beslutsdatum")}3"><v>46037</v></c><c r="${col("Giltig från")}3" t="d"><v>${giltig}</v></c>`;
  return sheetXml(`<row r="1">${header}</row>${row(2, "12 22", "Kommun")}${row(3, "12 22 03", "Region", dates)}`);
}

/** The same workbook declared as a 1904 workbook (workbookPr date1904="1"). */
function as1904(bytes: Buffer): Buffer {
  const files = unzipSync(new Uint8Array(bytes));
  const wb = new TextDecoder().decode(files["xl/workbook.xml"]!);
  const patched = wb.includes("<workbookPr") ? wb.replace("<workbookPr", '<workbookPr date1904="1"') : wb.replace(/<sheets>/, '<workbookPr date1904="1"/><sheets>');
  files["xl/workbook.xml"] = new TextEncoder().encode(patched);
  return Buffer.from(zipSync(files));
}

/**
 * The real command in a child process with TZ set (a zone cannot be changed inside jest's sandbox):
 * `vem-betalar` on the day before and on Giltig från, and `publicera` for the edition's dates and checksum.
 */
function inZone(tz: string, file: string, dir: string) {
  const env = { ...process.env, TZ: tz };
  const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { env, encoding: "utf8" });
  const zone = spawnSync(process.execPath, ["-e", "console.log(new Date(Date.UTC(2026, 5, 1)).getTimezoneOffset())"], { env, encoding: "utf8" }).stdout.trim();
  const ask = (date: string) => (JSON.parse(run(["vem-betalar", "12 22 03", "SÄBO", "80", "--datum", date, "--arbetsbok", file, "--json"]).stdout) as { payer: string }).payer;
  const out = path.join(dir, `ut-${tz.replace(/\W/g, "-")}`);
  const published = run(["publicera", file, "--utgåva", "2026:1", "--ut", out, "--beslutad", "2026-01-15", "--giltig-från", "2026-05-01"]);
  if (published.status !== 0) throw new Error(published.stderr);
  const edition = JSON.parse(readFileSync(path.join(out, "2026-1.json"), "utf8")) as { hash: string; bilagor: { B1: { rows: Array<{ row: number; giltigFran: string; beslutsdatum: string }> } } };
  const row = edition.bilagor.B1.rows.find((r) => r.row === 3)!;
  return { zone, giltig: row.giltigFran, beslut: row.beslutsdatum, dayBefore: ask("2026-04-30"), onTheDay: ask("2026-05-01"), hash: edition.hash };
}

const OFFSETS: Record<string, string> = { UTC: "0", "Europe/Stockholm": "-120", "America/Los_Angeles": "420", "Pacific/Kiritimati": "-840" };

describe("dates in every time zone", () => {
  beforeAll(() => ensureBuiltCli(), 120_000);

  it.each(["2026-05-01T00:00:00", "2026-05-01", "2026-05-01T00:00:00Z", "2026-05-01T23:30:00+02:00"])("reads the t=\"d\" cell %s as 2026-05-01, answers and checksum alike", async (giltig) => {
    const dir = mkdtempSync(path.join(tmpdir(), "kostnadsansvar-tz-"));
    const file = path.join(dir, "b.xlsx");
    writeFileSync(file, await withBilaga1(dated(giltig)));
    const seen = ZONES.map((tz) => ({ tz, ...inZone(tz, file, dir) }));
    for (const s of seen) {
      expect({ ...s, hash: undefined }).toEqual({ tz: s.tz, zone: OFFSETS[s.tz], giltig: "2026-05-01", beslut: "2026-01-15", dayBefore: "Kommun", onTheDay: "Region", hash: undefined });
    }
    expect(new Set(seen.map((s) => s.hash)).size).toBe(1);
  });

  it("reads a plain-number date in a 1904 workbook in that system (Beslutsdatum 44575 = 2026-01-15 there)", async () => {
    // 46037 − 1462 = 44575: the same day counted from 1904.
    const bytes = as1904(await withBilaga1(dated("2026-05-01").replace("<v>46037</v>", "<v>44575</v>")));
    const raw = await readXlsxBytes(bytes, "b.xlsx");
    if (!raw.ok) throw new Error(raw.message);
    expect(raw.workbook.date1904).toBe(true);
    const row = readWorkbook(raw.workbook).bilagor.B1!.rows.find((r) => r.row === 3)!;
    expect(row.beslutsdatum).toEqual({ state: "ok", value: "2026-01-15" });
    expect([readDate(44575, true), readDate(46037)]).toEqual(["2026-01-15", "2026-01-15"]);
    const dir = mkdtempSync(path.join(tmpdir(), "kostnadsansvar-tz1904-"));
    const file = path.join(dir, "b.xlsx");
    writeFileSync(file, bytes);
    for (const tz of ["UTC", "Pacific/Kiritimati"]) expect(inZone(tz, file, dir)).toMatchObject({ beslut: "2026-01-15", giltig: "2026-05-01" });
  });
});
