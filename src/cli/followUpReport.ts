import ExcelJS from "exceljs";
import { kronor, type FollowUp, type LeftOutLine, type PartyTotals } from "../core/costs/followUp";
import { Readable } from "node:stream";
import JSZip from "jszip";
import { addColumnChartToZip } from "../node/chartXlsx";
import { cellText, safeWorkbookText } from "../node/xlsxText";
import { followUpNotesSv, KIND_SV, krText, leftOutLineReasonSv, leftOutReasonSv, linesSv, missingGrid, quarterColumns, quarterRows } from "../core/costs/followUpLayout";
import type { ListsInfo } from "./editions";

/** What the report says about the run beside the numbers. */
export interface ReportMeta {
  readonly runAt: Date;
  /** SHA-256 per input file (same order as the follow-up's sources). */
  readonly sha256: ReadonlyMap<string, string>;
  readonly editions: readonly ListsInfo[];
  /** The options as given, e.g. `--ålder-saknas vuxen`. */
  readonly options: readonly string[];
}

const KR = '#,##0.00 "kr"';
const PCT = "0.0%";
const COUNT = "#,##0";
const BOLD: Partial<ExcelJS.Font> = { bold: true };

/**
 * Text for a cell. ExcelJS stores every string as a shared string (`t="s"`), which Excel and
 * LibreOffice show as text and never evaluate, so "=…", "+…", "-…" and "@…" from an input file stay
 * text; only the reconciliation's own `{ formula }` cells are formulas (the tests read the XML).
 * Control characters are shown escaped and a text is cut at Excel's 32 767 characters (cellText).
 */
const text = cellText;

const krOf = (ore: number) => kronor(ore);
/** The quarter table's width (its last column says which kommuner are compared). */
const QUARTER_WIDTH = 10;
/** Rows the chart takes under the quarter table. */
const CHART_ROWS = 18;

function headerRow(ws: ExcelJS.Worksheet, row: number, headers: readonly string[], from = 1): void {
  headers.forEach((h, i) => {
    const cell = ws.getCell(row, from + i);
    cell.value = h;
    cell.font = BOLD;
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF7" } };
  });
}

/** Widths that fit each column's header and values (capped), so no header is cut. */
function fitWidths(ws: ExcelJS.Worksheet, min: Record<number, number> = {}, max = 60): void {
  const widths = new Map<number, number>();
  ws.eachRow((row) =>
    row.eachCell((cell, col) => {
      if (cell.isMerged && cell.master !== cell) return;
      const v = cell.value;
      const len =
        typeof v === "number"
          ? Math.max(8, new Intl.NumberFormat("sv-SE", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v).length + 4)
          : v && typeof v === "object" && "formula" in v
            ? 16
            : String(v ?? "").length;
      widths.set(col, Math.max(widths.get(col) ?? 0, len));
    }),
  );
  // At least 10: ExcelJS leaves out a width equal to its default (9), and readers then guess.
  for (const [col, w] of widths) ws.getColumn(col).width = Math.min(max, Math.max(min[col] ?? 10, w + 3));
}

function partyRow(t: PartyTotals) {
  return [krOf(t.kommun), krOf(t.region), krOf(t.egenansvar), krOf(t.unassigned)];
}

/**
 * The follow-up report: Sammanfattning (run, inputs with SHA-256, editions, baseline, options,
 * totals per party and quarter against the baseline, and a reconciliation written as formulas
 * with cached values), Per kommun och kvartal, Saknade kommuner, Ej fördelade, and a chart.
 */
export async function followUpReport(report: FollowUp, meta: ReportMeta): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "kostnadsansvar";
  wb.created = meta.runAt;
  const ws = wb.addWorksheet("Sammanfattning");
  const base = report.baselineYear;
  ws.getCell("A1").value = "Uppföljning av kostnadsansvar per kvartal";
  ws.getCell("A1").font = { bold: true, size: 14 };
  const metaRows: Array<[string, ExcelJS.CellValue, string?]> = [
    ["Körd", `${meta.runAt.toISOString().slice(0, 16).replace("T", " ")} UTC`],
    ["Baslinjeår", base ?? "–", "0"],
    ["Alternativ", text(meta.options.length > 0 ? meta.options.join(" ") : "inga")],
    ["Rader i indata", report.lines, COUNT],
  ];
  if (report.assumedAdult.lines > 0) metaRows.push(["Besvarade som vuxen (ålder saknas)", `${linesSv(report.assumedAdult.lines)}, ${krText(report.assumedAdult.ore)}`]);
  metaRows.forEach(([label, value, fmt], i) => {
    ws.getCell(2 + i, 1).value = label;
    ws.getCell(2 + i, 1).font = BOLD;
    const c = ws.getCell(2 + i, 2);
    c.value = value;
    c.alignment = { horizontal: "left" };
    if (fmt) c.numFmt = fmt;
  });
  let r = 2 + metaRows.length + 1;

  // What the reader must know beside the numbers (the core's notes, as in the console).
  const notes = followUpNotesSv(report);
  if (notes.length > 0) {
    ws.getCell(r, 1).value = "Att veta om siffrorna";
    ws.getCell(r, 1).font = { bold: true, size: 12 };
    for (const note of notes) {
      r++;
      ws.mergeCells(r, 1, r, QUARTER_WIDTH);
      const c = ws.getCell(r, 1);
      c.value = text(note);
      c.alignment = { wrapText: true, vertical: "top" };
      ws.getRow(r).height = 15 * Math.max(1, Math.ceil(note.length / 150));
    }
    r += 2;
  }

  // Totals per party and quarter against the baseline: the core's layout, the same as the pane's.
  ws.getCell(r, 1).value = "Per part och kvartal";
  ws.getCell(r, 1).font = { bold: true, size: 12 };
  r++;
  const columns = quarterColumns(report);
  const qHeaders = columns.map((c) => c.header);
  const qHeaderRow = r;
  headerRow(ws, r, qHeaders);
  ws.getRow(r).alignment = { wrapText: true, vertical: "top" };
  const q1 = r + 1;
  for (const values of quarterRows(report)) {
    r++;
    ws.getRow(r).values = values.map((v, i) => (columns[i]!.kind === "pct" && v === null && values[3] !== null ? "–" : v));
    columns.forEach((c, i) => {
      if (c.kind === "kr") ws.getCell(r, i + 1).numFmt = KR;
      if (c.kind === "pct") ws.getCell(r, i + 1).numFmt = PCT;
    });
    ws.getCell(r, QUARTER_WIDTH).alignment = { wrapText: true, vertical: "top" };
  }
  const qn = r;
  r++;
  ws.getCell(r, 1).value = "Summa";
  ws.getCell(r, 1).font = BOLD;
  // Summed where the layout has the parties now: Kommun, Region, Egenansvar, Ej fördelat.
  const sumColumns: Array<[number, keyof PartyTotals]> = [[2, "kommun"], [3, "region"], [6, "egenansvar"], [7, "unassigned"]];
  const sum = (k: keyof PartyTotals) => report.quarters.reduce((s, q) => s + q.totals[k], 0);
  for (const [col, k] of sumColumns) {
    const letter = ws.getColumn(col).letter;
    const c = ws.getCell(r, col);
    c.value = report.quarters.length > 0 ? { formula: `SUM(${letter}${q1}:${letter}${qn})`, result: krOf(sum(k)) } : 0;
    c.numFmt = KR;
    c.font = BOLD;
  }
  r += 2;

  // The chart under the table, on the first printed page (drawn into the file after ExcelJS).
  const chartFrom = r;
  if (report.quarters.length > 0) r += CHART_ROWS + 1;

  // Reconciliation; its references are filled once the other tables have their rows.
  ws.getCell(r, 1).value = "Avstämning (till öret): indata = fördelat + ej fördelat + oläsbart";
  ws.getCell(r, 1).font = { bold: true, size: 12 };
  const rec = r + 1;
  r = rec + 6 + 1;

  // Inputs.
  ws.getCell(r, 1).value = "Indata";
  ws.getCell(r, 1).font = { bold: true, size: 12 };
  r++;
  headerRow(ws, r, ["Fil", "Rader", "Belopp", "SHA-256", "", "", "", "", "Anmärkning"]);
  ws.mergeCells(r, 4, r, 8);
  const f1 = r + 1;
  for (const s of report.sources) {
    r++;
    ws.getCell(r, 1).value = text(s.file);
    ws.getCell(r, 1).alignment = { wrapText: true, vertical: "top" };
    ws.getCell(r, 2).value = s.lines;
    ws.getCell(r, 2).numFmt = COUNT;
    ws.getCell(r, 3).value = krOf(s.ore);
    ws.getCell(r, 3).numFmt = KR;
    ws.getCell(r, 4).value = meta.sha256.get(s.file) ?? "–";
    ws.getCell(r, 4).font = { name: "Consolas", size: 9 };
    // Indented: the hash never reads as part of the amount beside it.
    ws.getCell(r, 4).alignment = { indent: 1 };
    ws.mergeCells(r, 4, r, 8);
    if (s.problem) ws.getCell(r, 9).value = text(`Kan inte läsas: ${s.problem}`);
  }
  const fn = r;
  r += 2;

  // Editions.
  ws.getCell(r, 1).value = "Utgåvor som använts";
  ws.getCell(r, 1).font = { bold: true, size: 12 };
  r++;
  headerRow(ws, r, ["Utgåva", "Beslutad", "Giltig från", "Hash (SHA-256)"]);
  ws.mergeCells(r, 4, r, 8);
  if (meta.editions.length === 0) ws.getCell(++r, 1).value = "Ingen: ingen rad kunde besvaras av en utgåva.";
  for (const e of meta.editions) {
    r++;
    ws.getRow(r).values = [text(e.name), e.decided ?? "–", e.effective ?? "–", e.hash ?? "(inbyggd exempelutgåva)"];
    ws.getCell(r, 4).font = { name: "Consolas", size: 9 };
    ws.mergeCells(r, 4, r, 8);
  }
  r += 2;

  // Left out, per reason.
  ws.getCell(r, 1).value = "Utelämnade rader per orsak (alla rader på bladet Ej fördelade)";
  ws.getCell(r, 1).font = { bold: true, size: 12 };
  r++;
  headerRow(ws, r, ["Kod", "Rader", "Belopp", "Räknas som", "Orsak"]);
  for (const c of report.leftOutByCode) {
    r++;
    const reason = text(leftOutReasonSv(report, c.code));
    ws.getRow(r).values = [c.code, c.lines, krOf(c.ore), KIND_SV[c.kind], reason];
    ws.getCell(r, 4).alignment = { indent: 1 };
    ws.getCell(r, 2).numFmt = COUNT;
    ws.getCell(r, 3).numFmt = KR;
    // The reason wraps within the table's width instead of running off the printed page.
    ws.mergeCells(r, 5, r, QUARTER_WIDTH);
    ws.getCell(r, 5).alignment = { wrapText: true, vertical: "top" };
    ws.getRow(r).height = 15 * Math.max(1, Math.ceil(reason.length / 110));
  }

  // The reconciliation block, as formulas with cached values.
  const unreadable = report.unreadableOre;
  const qCol = (c: string) => (report.quarters.length > 0 ? `${c}${q1}:${c}${qn}` : null);
  const lines: Array<[string, string, number]> = [
    ["Indata (summa av filerna)", report.sources.length > 0 ? `SUM(C${f1}:C${fn})` : "0", krOf(report.inputOre)],
    ["Fördelat (kommun + region + egenansvar)", qCol("B") ? `SUM(${qCol("B")},${qCol("C")},${qCol("F")})` : "0", krOf(report.assignedOre)],
    ["Ej fördelat", qCol("G") ? `SUM(${qCol("G")})` : "0", krOf(report.unassignedOre)],
    ["Oläsbart (kvartal eller datum)", report.leftOutNotListed > 0 ? `${kronor(report.unreadableOre)}` : `SUMIF('Ej fördelade'!$J:$J,"${KIND_SV.unreadable}",'Ej fördelade'!$G:$G)`, krOf(unreadable)],
    ["Differens", `ROUND(B${rec}-(B${rec + 1}+B${rec + 2}+B${rec + 3}),2)`, krOf(report.inputOre - report.assignedOre - report.unassignedOre - report.unreadableOre)],
  ];
  lines.forEach(([label, formula, result], i) => {
    ws.getCell(rec + i, 1).value = label;
    const c = ws.getCell(rec + i, 2);
    c.value = { formula, result };
    c.numFmt = KR;
  });
  ws.getCell(rec + 5, 1).value = "Stämmer";
  ws.getCell(rec + 5, 1).font = BOLD;
  ws.getCell(rec + 5, 2).value = { formula: `IF(B${rec + 4}=0,"Ja","Nej")`, result: report.balanced ? "Ja" : "Nej" };
  ws.getCell(rec + 5, 2).font = BOLD;

  // Widths from the quarter table's headers; the long reason texts further down may spill to the right.
  // Column A holds the long section titles too: they may spill, the tables' texts set the width.
  // Column A fits the labels; file names (paths) wrap rather than widen the page, and the section titles spill right.
  const labels = [...metaRows.map(([l]) => l), ...lines.map(([l]) => l)];
  ws.getColumn(1).width = Math.min(42, Math.max(12, ...labels.map((l) => l.length + 2)));
  // Kronor columns fit 1 234 567,89 kr and their headers; the last column says which kommuner are compared.
  for (let c = 2; c < QUARTER_WIDTH; c++) ws.getColumn(c).width = Math.max(17, qHeaders[c - 1]!.length + 2);
  ws.getColumn(QUARTER_WIDTH).width = 40;
  ws.views = [{ state: "frozen", ySplit: qHeaderRow, xSplit: 0 }];

  // Per kommun och kvartal.
  const pk = wb.addWorksheet("Per kommun och kvartal");
  headerRow(pk, 1, ["Kommun", "Kvartal", "Kommunens kostnad", "Regionens kostnad", "Egenansvar", "Ej fördelat", "Summa", "Kommunens andel", "Regionens andel", "I Stockholms län"]);
  let pr = 1;
  for (const k of report.byKommunQuarter) {
    pr++;
    const t = k.totals;
    const total = t.kommun + t.region + t.egenansvar + t.unassigned;
    pk.getRow(pr).values = [
      text(k.kommun || "(tomt)"),
      k.quarter,
      ...partyRow(t),
      krOf(total),
      total === 0 ? null : t.kommun / total,
      total === 0 ? null : t.region / total,
      k.known ? "Ja" : "Nej – okänt namn",
    ];
    for (const c of [3, 4, 5, 6, 7]) pk.getCell(pr, c).numFmt = KR;
    for (const c of [8, 9]) pk.getCell(pr, c).numFmt = PCT;
  }
  fitWidths(pk, {}, 40);
  pk.views = [{ state: "frozen", ySplit: 1 }];

  // Saknade kommuner as a kommun × quarter grid (the core's), and names that are none of the 26 beside it.
  const mk = wb.addWorksheet("Saknade kommuner");
  const grid = missingGrid(report);
  headerRow(mk, 1, grid.headers);
  grid.rows.forEach((cells, i) => {
    mk.getRow(i + 2).values = [...cells.slice(0, -1).map((c) => (c === "" ? null : c)), Number(cells[cells.length - 1])];
    for (let c = 2; c < cells.length; c++) mk.getCell(i + 2, c).alignment = { horizontal: "center" };
  });
  if (grid.rows.length === 0) mk.getCell(2, 1).value = "Alla 26 kommuner har rader i varje kvartal.";
  const u0 = grid.headers.length + 2;
  headerRow(mk, 1, ["Okänt kommunnamn (som skrivet)", "Rader", "Belopp"], u0);
  report.unknownKommuner.forEach((u, i) => {
    mk.getCell(2 + i, u0).value = text(u.name || "(tomt)");
    mk.getCell(2 + i, u0 + 1).value = u.lines;
    mk.getCell(2 + i, u0 + 1).numFmt = COUNT;
    mk.getCell(2 + i, u0 + 2).value = krOf(u.ore);
    mk.getCell(2 + i, u0 + 2).numFmt = KR;
  });
  fitWidths(mk, {}, 40);
  mk.views = [{ state: "frozen", ySplit: 1, xSplit: 1 }];

  // Ej fördelade: every left-out line. ExcelJS writes the header and the first line (which fixes the
  // cell styles); the rest are streamed into the sheet's XML, so a long list costs no cell objects.
  const eo = wb.addWorksheet("Ej fördelade");
  const eoHeaders = ["Fil", "Rad", "Kommun", "Kvartal", "ISO-kod", "Boendeform", "Belopp", "Kod", "Orsak", "Räknas som"];
  headerRow(eo, 1, eoHeaders);
  const first = report.leftOut.length > 0 ? report.leftOut.at(0) : undefined;
  if (first) leftOutCells(first).forEach((v, i) => {
    const c = eo.getCell(2, i + 1);
    c.value = v;
    if (i === 6) c.numFmt = KR;
  });
  const widths = eoHeaders.map((h) => h.length + 3);
  for (const l of report.leftOut) leftOutCells(l).forEach((v, i) => (widths[i] = Math.max(widths[i]!, typeof v === "number" ? 14 : String(v ?? "").length + 2)));
  widths.forEach((w, i) => (eo.getColumn(i + 1).width = Math.max(10, Math.min(i === 8 ? 100 : 60, w))));
  // The line number centred, so it never reads as part of the kommun name beside it.
  eo.getColumn(2).alignment = { horizontal: "center" };
  eo.getColumn(3).alignment = { indent: 1 };
  eo.views = [{ state: "frozen", ySplit: 1 }];

  // Printed (or saved as PDF) each sheet is one page wide, landscape, with its header row repeated.
  for (const sheet of wb.worksheets) {
    sheet.pageSetup = { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9, printTitlesRow: sheet === ws ? undefined : "1:1" };
  }
  safeWorkbookText(wb);
  const zip = await JSZip.loadAsync(Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  await streamLeftOutRows(zip, wb.worksheets.indexOf(eo) + 1, report);
  const withBase = base !== null && report.quarters.some((q) => q.baseline);
  if (report.quarters.length > 0) await addColumnChartToZip(zip, {
    sheetIndex: 1,
    sheetName: "Sammanfattning",
    title: "Parternas kostnader per kvartal",
    valueAxisTitle: "kr",
    categories: `$A$${q1}:$A$${qn}`,
    series: [
      { name: "Kommun", values: `$B$${q1}:$B$${qn}`, color: "0F6CBD" },
      { name: "Region", values: `$C$${q1}:$C$${qn}`, color: "C50F1F" },
      ...(withBase
        ? [
            { name: `Kommun ${base}`, values: `$D$${q1}:$D$${qn}`, color: "9CC3E8" },
            { name: `Region ${base}`, values: `$E$${q1}:$E$${qn}`, color: "F1A7AD" },
          ]
        : []),
    ],
    // Below the quarter table, across its columns (0-based anchors).
    from: { col: 0, row: chartFrom - 1 },
    to: { col: 7, row: chartFrom - 1 + CHART_ROWS },
  });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", streamFiles: true });
}

/** The cells of an Ej fördelade row: file, line, kommun, quarter, code, form, kronor, code, reason, how it counts. */
function leftOutCells(l: LeftOutLine): Array<string | number | null> {
  return [text(l.file), l.line, text(l.kommun), l.quarter ?? "", text(l.iso), text(l.boendeform), l.ore === null ? null : krOf(l.ore), l.code, text(leftOutLineReasonSv(l)), KIND_SV[l.kind]];
}

const xmlText = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "");
const COLUMNS = "ABCDEFGHIJ";

/**
 * Writes the left-out lines after the first into the Ej fördelade sheet's XML as a stream, with the
 * styles ExcelJS gave the first line. Strings are inline strings (text, never formulas).
 */
async function streamLeftOutRows(zip: JSZip, sheetIndex: number, report: FollowUp): Promise<void> {
  const rest = report.leftOut.length - 1;
  if (rest <= 0 && report.leftOutNotListed === 0) return;
  const sheetPath = `xl/worksheets/sheet${sheetIndex}.xml`;
  const xml = await zip.file(sheetPath)!.async("string");
  const end = xml.indexOf("</sheetData>");
  const row2 = /<row r="2"[^>]*>(.*?)<\/row>/.exec(xml)?.[1] ?? "";
  const style = new Map<string, string>();
  for (const m of row2.matchAll(/<c r="([A-Z]+)2"[^>]*?\ss="(\d+)"/g)) style.set(m[1]!, m[2]!);
  const s = (col: string) => (style.has(col) ? ` s="${style.get(col)}"` : "");
  const cell = (col: string, r: number, v: string | number | null) =>
    v === null || v === "" ? "" : typeof v === "number" ? `<c r="${col}${r}"${s(col)}><v>${v}</v></c>` : `<c r="${col}${r}"${s(col)} t="inlineStr"><is><t xml:space="preserve">${xmlText(v)}</t></is></c>`;
  const lastRow = report.leftOut.length + 1 + (report.leftOutNotListed > 0 ? 1 : 0);
  const head = xml.slice(0, end).replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="A1:J${lastRow}"/>`);
  const leftOut = report.leftOut;
  // Bytes, not strings: JSZip reads a stream's strings as binary, which would garble å, ä and ö.
  function* chunks(): Generator<Buffer> {
    yield Buffer.from(head, "utf8");
    let part: string[] = [];
    for (let i = 1; i < leftOut.length; i++) {
      const r = i + 2;
      part.push(`<row r="${r}">${leftOutCells(leftOut.at(i)).map((v, j) => cell(COLUMNS[j]!, r, v)).join("")}</row>`);
      if (part.length === 2000) {
        yield Buffer.from(part.join(""), "utf8");
        part = [];
      }
    }
    if (report.leftOutNotListed > 0) part.push(`<row r="${lastRow}">${cell("A", lastRow, `Ytterligare ${report.leftOutNotListed} rader räknas i summorna men ryms inte på bladet (Excels gräns).`)}</row>`);
    yield Buffer.from(part.join(""), "utf8");
    yield Buffer.from(xml.slice(end), "utf8");
  }
  zip.file(sheetPath, Readable.from(chunks()) as unknown as NodeJS.ReadableStream);
}


