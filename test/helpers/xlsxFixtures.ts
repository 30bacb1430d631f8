import { writeFileSync } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { RawWorkbook } from "../../src/core/cells";
import { B3_HEADERS, B4_HEADERS, LIST_HEADERS } from "./workbooks";

/** Writes an ExcelJS workbook to a buffer. */
export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function addSheet(wb: ExcelJS.Workbook, name: string, rows: unknown[][]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  rows.forEach((cells, i) => {
    cells.forEach((value, j) => {
      if (value !== null && value !== undefined) ws.getCell(i + 1, j + 1).value = value as ExcelJS.CellValue;
    });
  });
  return ws;
}

/**
 * A bilagor workbook as people really keep them: title rows, renamed and reordered columns, an
 * extra column, empty and hidden rows, merged cells, formulas with cached values, error cells, a
 * code that lost its leading zero, dates as text and as date cells, a 10 000-character cell.
 */
export async function hostileWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const b1 = addSheet(wb, "bilaga 1 ", [
    ["Bilaga 1 – Förskrivningsbara hjälpmedel (titel över sammanslagna celler)"],
    ["Reviderad enligt beslut i samverkansgruppen"],
    [],
    ["Kommentar", "benämning", "ISO-KOD:", "SABO", "lss bostad", "LSS daglig verksamhet", "SoL dagverksamhet", "Villkor", "Status", "Beslutsdatum", "Giltig från", "Huvudhjälpmedel"],
    ["fri text", "Manuellt drivna rullstolar", "12 22", "Kommun", "Kommun", "Kommun", "Kommun", "x".repeat(10_000), null, "2026-01-10", new Date(Date.UTC(2026, 3, 10))],
    [null, "Vårdarmanövrerade", "12.22.18", { formula: 'IF(1=1,"Region","Kommun")', result: "Region" }, "Kommun", "Kommun", "Kommun"],
    [],
    [null, "Hygienhjälpmedel", 93312, "Kommun", "K", "K", "K", null, "gällande"],
    [null, "Toalettstolar", "09 12 09", { error: "#N/A" }, "Kommun", "Kommun", "Kommun"],
    [null, "Dolda raden", "09 12 12", "Kommun", "Kommun", "Kommun", "Landstinget"],
    [null, "Formel utan cachat värde", "09 12 18", { formula: "A1" }, "Kommun", "Kommun", "Kommun"],
    [null, "Dyna", "04 33 03", "Region", "Kommun", "Kommun", "Kommun", null, "Beslutad", "2026-11-30", 46430, "12 22 03"],
    [null, "Samma cell sammanslagen", "18 09 03", "Kommun", "Kommun", "Kommun", "Kommun"],
    [null, "Samma cell sammanslagen", "18 09 21", null, null, null, null],
  ]);
  b1.mergeCells("A1:H1");
  b1.mergeCells("D13:D14");
  b1.getRow(10).hidden = true;
  addSheet(wb, "Bilaga 2", [[...LIST_HEADERS], ["09 30", "Absorberande", "Kommun", "Kommun", "Kommun", "Kommun"]]);
  addSheet(wb, "Bilaga 3", [[...B3_HEADERS], ["Sårvårdsmaterial", null, "Kommun", "Kommun", "Kommun", "Kommun"]]);
  addSheet(wb, "Bilaga 4", [[...B4_HEADERS], ["12 36", "Personlyftar", "Region", "Nej"]]);
  addSheet(wb, "Anteckningar", [["Detta blad läses inte."], [{ error: "#DIV/0!" }]]);
  return toBuffer(wb);
}

/** A workbook with one empty sheet and nothing else. */
export async function emptyWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Blad1");
  return toBuffer(wb);
}

/** A clean workbook: no findings. */
export async function cleanWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  addSheet(wb, "Bilaga 1", [[...LIST_HEADERS], ["12 22", "Manuellt drivna rullstolar", "Kommun", "Kommun", "Kommun", "Kommun"]]);
  addSheet(wb, "Bilaga 2", [[...LIST_HEADERS]]);
  addSheet(wb, "Bilaga 3", [[...B3_HEADERS]]);
  addSheet(wb, "Bilaga 4", [[...B4_HEADERS]]);
  return toBuffer(wb);
}

/**
 * A distinct code per row for generated lists: classes 30–99 (no Region principle lies there),
 * then subclass and division, unique for up to 700 000 rows.
 */
export function generatedCode(i: number): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(30 + (i % 70))} ${two(Math.floor(i / 70) % 100)} ${two(Math.floor(i / 7000) % 100)}`;
}

/** A bilaga 1 of `rows` generated rows (all valid and distinct), for size tests and benchmarks. */
export async function largeWorkbook(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Bilaga 1");
  ws.addRow([...LIST_HEADERS]);
  for (let i = 0; i < rows; i++) {
    ws.addRow([generatedCode(i), `Produktgrupp ${i}`, "Kommun", "Region", "Kommun", "Kommun"]);
  }
  for (const name of ["Bilaga 2", "Bilaga 3", "Bilaga 4"]) {
    const s = wb.addWorksheet(name);
    s.addRow(name === "Bilaga 3" ? [...B3_HEADERS] : name === "Bilaga 4" ? [...B4_HEADERS] : [...LIST_HEADERS]);
  }
  return toBuffer(wb);
}

/** A raw workbook (test/helpers/workbooks) written as an .xlsx file `name` in `dir`, cells as given. */
export async function rawXlsxFile(raw: RawWorkbook, dir: string, name: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of raw.sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const r of s.rows) ws.addRow(r.map((c) => (c === undefined ? null : c)));
  }
  const file = path.join(dir, name);
  writeFileSync(file, await toBuffer(wb));
  return file;
}
