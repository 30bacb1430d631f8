import ExcelJS from "exceljs";
import type { AnnualReport } from "../core/annualReport";
import { BOENDEFORM_INFO } from "../core/boendeform";
import { safeWorkbookText } from "../node/xlsxText";

/*
 * The annual report as a workbook: a summary sheet that prints on one A4 page (the text section
 * and the key figures), then one sheet per part. Every cell text is written as a string value,
 * never as a formula. Laid out from annualReport() only.
 */

const BOLD: Partial<ExcelJS.Font> = { bold: true };
const SEK = "#,##0";

function table(wb: ExcelJS.Workbook, name: string, headers: readonly string[], rows: ReadonlyArray<ReadonlyArray<ExcelJS.CellValue>>, widths: readonly number[], money: readonly number[] = []): void {
  const ws = wb.addWorksheet(name);
  ws.addRow([...headers]).font = BOLD;
  for (const r of rows) ws.addRow([...r]);
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const c of money) ws.getColumn(c).numFmt = SEK;
  ws.views = [{ state: "frozen", ySplit: 1 }];
  ws.pageSetup = { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" };
  if (rows.length === 0) ws.addRow(["(inga)"]);
}

export async function annualReportXlsx(report: AnnualReport, meta: { readonly runAt: Date; readonly inputs: readonly string[] }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "kostnadsansvar";
  wb.created = meta.runAt;

  const ws = wb.addWorksheet("Sammanfattning");
  ws.getColumn(1).width = 34;
  ws.getColumn(2).width = 60;
  ws.getCell("A1").value = `Årsrapport ${report.year} – kostnadsansvar för hjälpmedel i Stockholms län`;
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A2").value = `Till styrgruppen (§6.3). Gjord ${meta.runAt.toISOString().slice(0, 10)} ur: ${meta.inputs.join(", ")}.`;
  ws.getCell("A2").alignment = { wrapText: true };
  ws.mergeCells("A2:B2");
  let r = 4;
  ws.getCell(r, 1).value = "Sammanfattning i text";
  ws.getCell(r, 1).font = { bold: true, size: 12 };
  for (const sentence of report.text) {
    r++;
    ws.mergeCells(r, 1, r, 2);
    const c = ws.getCell(r, 1);
    c.value = sentence;
    c.alignment = { wrapText: true, vertical: "top" };
    ws.getRow(r).height = Math.max(15, Math.ceil(sentence.length / 90) * 15);
  }
  r += 2;
  ws.getCell(r, 1).value = "Nyckeltal";
  ws.getCell(r, 1).font = { bold: true, size: 12 };
  const figures: Array<[string, ExcelJS.CellValue]> = [
    ["Utgåvor under året", report.editions.length],
    ["Ändringar", report.changes.length],
    ["Ändringar med huvudmännens beslut", report.changes.filter((c) => c.decision).length],
    ["Ärenden som kom in", report.matters.total],
    ["Öppna ärenden", report.matters.open],
    ["Äldsta öppna ärende, dagar", report.matters.oldestOpenDays ?? "–"],
    ["Problem i underlaget", report.problems.length],
  ];
  for (const [label, value] of figures) {
    r++;
    ws.getCell(r, 1).value = label;
    ws.getCell(r, 2).value = value;
    ws.getCell(r, 2).alignment = { horizontal: "left" };
  }
  ws.pageSetup = { orientation: "portrait", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 1, margins: { left: 0.6, right: 0.6, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 } };

  table(wb, "Utgåvor", ["Utgåva", "Beslutad", "Giltig från", "Föregående", "Kontrollsumma (SHA-256)"], report.editions.map((e) => [e.name, e.decided, e.effective, e.previous, e.checksum]), [14, 12, 12, 14, 70]);
  table(
    wb,
    "Ändringar",
    ["Utgåva", "Bilaga", "ISO-kod", "Benämning", "Boendeform", "Före", "Efter", "Giltig från", "Motivering", "Ekonomisk beräkning", "Konsekvensanalys", "Beslut", "Beslutsdatum", "Uppskattad förskjutning till kommunerna, kr/år"],
    report.changes.map((c) => [
      c.edition,
      c.bilaga,
      c.iso,
      c.title,
      c.boendeform ? BOENDEFORM_INFO[c.boendeform].shortSv : c.kind === "payer" ? "" : `(${c.kind === "added" ? "ny rad" : c.kind === "removed" ? "borttagen" : c.kind})`,
      c.from,
      c.to,
      c.effective,
      c.motivering,
      c.ekonomisk,
      c.konsekvens,
      c.decision?.referens ?? null,
      c.decision?.datum ?? null,
      c.estimatedToKommun,
    ]),
    [10, 7, 10, 30, 26, 12, 12, 12, 30, 20, 30, 16, 12, 18],
    [14],
  );
  table(
    wb,
    "Ärenden",
    ["Ärende", "Inkom", "Typ", "Status", "ISO-kod", "Dagar öppet", "Beskrivning"],
    report.matters.list.map((m) => [m.id, m.inkom, m.type, m.status, m.codes.join("; "), m.days, m.description]),
    [12, 12, 18, 28, 20, 12, 60],
  );
  const counts = wb.getWorksheet("Ärenden")!;
  counts.addRow([]);
  counts.addRow([`Ärenden som kom in ${report.year}, per status`]).font = BOLD;
  for (const [k, v] of Object.entries(report.matters.byStatus)) counts.addRow([k, v]);
  counts.addRow([`Per typ`]).font = BOLD;
  for (const [k, v] of Object.entries(report.matters.byType)) counts.addRow([k, v]);
  if (report.followUp) {
    table(
      wb,
      "Uppföljning",
      ["Kvartal", "Kommun, kr", "Region, kr", `Kommun ${report.followUp.baselineYear ?? ""} (baslinje), kr`, `Region ${report.followUp.baselineYear ?? ""} (baslinje), kr`, "Kommuner utan rader"],
      report.followUp.quarters.map((q) => [q.quarter, q.kommun, q.region, q.baselineKommun, q.baselineRegion, q.missingKommuner.length > 0 ? `${q.missingKommuner.length}: ${q.missingKommuner.join(", ")}` : "–"]),
      [10, 16, 16, 22, 22, 60],
      [2, 3, 4, 5],
    );
  }
  if (report.problems.length > 0) table(wb, "Problem", ["Kod", "Problem"], report.problems.map((p) => [p.code, p.message]), [26, 100]);
  safeWorkbookText(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
