import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { CellValue } from "../core/cells";
import { followUp, kronor, readFollowUpRows, type FollowUp, type PartyTotals } from "../core/costs/followUp";
import { addColumnChart } from "../node/chartXlsx";
import { readXlsxFile } from "../node/readXlsx";
import { flag, has, parseArgs, UsageError } from "./args";
import { answeringLists } from "./editions";
import { exists, fsErrorSv, InputError, readCsvRows, type Io } from "./io";
import { FOLLOW_UP_USAGE } from "./usage";

const kr = (ore: number) => `${kronor(ore).toLocaleString("sv-SE", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} kr`;

async function readRows(file: string): Promise<ReadonlyArray<ReadonlyArray<CellValue>>> {
  if (file.toLowerCase().endsWith(".xlsx")) {
    const read = await readXlsxFile(file);
    if (!read.ok) throw new InputError(read.message);
    const sheet = read.workbook.sheets.find((s) => s.rows.length > 0);
    return sheet?.rows ?? [];
  }
  return readCsvRows(file);
}

const totalsJson = (t: PartyTotals) => ({ kommun: kronor(t.kommun), region: kronor(t.region), egenansvar: kronor(t.egenansvar), unassigned: kronor(t.unassigned) });

/** The report as an .xlsx: the quarters with a chart, the lines without payer, the kommuner. */
export async function followUpWorkbook(report: FollowUp): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "kostnadsansvar";
  const ws = wb.addWorksheet("Uppföljning");
  const base = report.baselineYear;
  ws.addRow(["Kvartal", "Kommun", "Region", "Egenansvar", "Ej fördelat", `Kommun ${base ?? ""} (baslinje)`.trim(), `Region ${base ?? ""} (baslinje)`.trim()]);
  for (const q of report.quarters) {
    ws.addRow([q.quarter, kronor(q.totals.kommun), kronor(q.totals.region), kronor(q.totals.egenansvar), kronor(q.totals.unassigned), q.baseline ? kronor(q.baseline.kommun) : null, q.baseline ? kronor(q.baseline.region) : null]);
  }
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c, i) => {
    c.width = i === 0 ? 10 : 18;
    if (i > 0) c.numFmt = "#,##0.00";
  });
  const open = wb.addWorksheet("Ej fördelade");
  open.addRow(["Rad i indata", "Kommun", "Kvartal", "ISO-kod", "Boendeform", "Belopp", "Regel"]);
  for (const u of report.unassignedLines) open.addRow([u.line, u.kommun, u.quarter, u.iso, u.boendeform, kronor(u.ore), u.code]);
  open.getRow(1).font = { bold: true };
  const byKommun = wb.addWorksheet("Per kommun");
  byKommun.addRow(["Kommun", "Kommunens kostnad", "Regionens kostnad", "Egenansvar", "Ej fördelat"]);
  for (const k of report.byKommun) byKommun.addRow([k.kommun, kronor(k.totals.kommun), kronor(k.totals.region), kronor(k.totals.egenansvar), kronor(k.totals.unassigned)]);
  byKommun.getRow(1).font = { bold: true };
  const buffer = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const last = report.quarters.length + 1;
  if (last < 2) return buffer;
  const series = [
    { name: "Kommun", values: `$B$2:$B$${last}`, color: "0F6CBD" },
    { name: "Region", values: `$C$2:$C$${last}`, color: "C50F1F" },
    ...(base !== null && report.quarters.some((q) => q.baseline) ? [{ name: `Kommun ${base}`, values: `$F$2:$F$${last}`, color: "9CC3E8" }, { name: `Region ${base}`, values: `$G$2:$G$${last}`, color: "F1A7AD" }] : []),
  ];
  return addColumnChart(buffer, {
    sheetIndex: 1,
    sheetName: "Uppföljning",
    title: "Parternas kostnader per kvartal",
    categories: `$A$2:$A$${last}`,
    series,
    from: { col: 8, row: 1 },
    to: { col: 18, row: 22 },
  });
}

/** Quarterly follow-up of the parties' costs; every krona is accounted for. */
export async function followUpCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, ["workbook", "edition", "baseline", "out"], ["json", "force"]);
  if (args.positional.length !== 1) throw new UsageError(FOLLOW_UP_USAGE);
  const file = args.positional[0]!;
  const baselineText = flag(args, "baseline");
  if (baselineText !== undefined && !/^\d{4}$/.test(baselineText)) throw new InputError(`--baslinje ”${baselineText}” är inget år. Ange t.ex. 2025.`);
  const rows = await readRows(file);
  const input = readFollowUpRows(rows);
  if (input.missing.length > 0) {
    throw new InputError(`${file} saknar kolumnerna ${input.missing.join(", ")} i rubrikraden. Rubriker: kommun, kvartal, iso, boendeform, ålder, belopp (och valfritt datum).`);
  }
  const lists = await answeringLists(flag(args, "workbook"), args.flags.get("edition") ?? []);
  const report = followUp(input.lines, lists, baselineText ? Number(baselineText) : undefined);
  const out = flag(args, "out");
  if (out) {
    if (!out.toLowerCase().endsWith(".xlsx")) throw new InputError(`${out}: filnamnet ska sluta på .xlsx.`);
    const inputs = [file, flag(args, "workbook"), ...(args.flags.get("edition") ?? [])].filter((f): f is string => f !== undefined).map((f) => path.resolve(f));
    if (inputs.includes(path.resolve(out))) throw new InputError(`${out} är en av indatafilerna och skrivs inte över. Välj ett annat namn.`);
    if ((await exists(out)) && !has(args, "force")) throw new InputError(`${out} finns redan. Välj ett annat namn eller lägg till --tvinga (--force) för att skriva över.`);
    try {
      await fs.writeFile(out, await followUpWorkbook(report));
    } catch (e) {
      throw new InputError(`Kunde inte skriva ${out}: ${fsErrorSv(e)}.`);
    }
  }
  if (has(args, "json")) {
    io.out(
      JSON.stringify(
        {
          file: path.basename(file),
          baselineYear: report.baselineYear,
          quarters: report.quarters.map((q) => ({ quarter: q.quarter, ...totalsJson(q.totals), baseline: q.baseline ? totalsJson(q.baseline) : null })),
          byKommun: report.byKommun.map((k) => ({ name: k.kommun, ...totalsJson(k.totals) })),
          totals: { input: kronor(report.inputOre + input.unreadOre), assigned: kronor(report.assignedOre), unassigned: kronor(report.unassignedOre), unreadableQuarter: kronor(input.unreadOre) },
          unassignedLines: report.unassignedLines.map((u) => ({ line: u.line, kommun: u.kommun, quarter: u.quarter, iso: u.iso, boendeform: u.boendeform, amount: kronor(u.ore), code: u.code })),
          problems: input.problems,
        },
        null,
        2,
      ),
    );
    return 0;
  }
  const pad = (t: string, n: number) => t.padStart(n);
  const lines = [
    `Uppföljning per kvartal (${report.quarters.length} kvartal, baslinje ${report.baselineYear ?? "–"}):`,
    `${"Kvartal".padEnd(8)}${pad("Kommun", 20)}${pad("Region", 20)}${pad("Egenansvar", 18)}${pad("Ej fördelat", 18)}`,
    ...report.quarters.map((q) => {
      const row = `${q.quarter.padEnd(8)}${pad(kr(q.totals.kommun), 20)}${pad(kr(q.totals.region), 20)}${pad(kr(q.totals.egenansvar), 18)}${pad(kr(q.totals.unassigned), 18)}`;
      if (!q.baseline) return row;
      const change = (now: number, then: number) => (then === 0 ? "–" : `${(((now - then) / Math.abs(then)) * 100).toFixed(1).replace(".", ",")} %`);
      return `${row}   mot ${report.baselineYear}: kommun ${change(q.totals.kommun, q.baseline.kommun)}, region ${change(q.totals.region, q.baseline.region)}`;
    }),
    `Summa indata ${kr(report.inputOre + input.unreadOre)} = fördelat ${kr(report.assignedOre)} + ej fördelat ${kr(report.unassignedOre)}${input.unreadOre !== 0 ? ` + oläsbart kvartal ${kr(input.unreadOre)}` : ""}.`,
    ...(report.unassignedLines.length > 0
      ? [`Rader utan betalare (${report.unassignedLines.length}):`, ...report.unassignedLines.map((u) => `  rad ${u.line}: ${u.kommun} ${u.quarter} ${u.iso} ${u.boendeform} ${kr(u.ore)} – ${u.code}`)]
      : []),
    ...(input.problems.length > 0 ? [`Rader som inte kunde läsas (${input.problems.length}):`, ...input.problems.map((p) => `  rad ${p.line}: ${p.message}`)] : []),
    ...(out ? [`Skrev ${out} med diagram.`] : []),
  ];
  io.out(lines.join("\n"));
  return 0;
}
