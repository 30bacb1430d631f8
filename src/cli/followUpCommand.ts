import { promises as fs } from "node:fs";
import * as path from "node:path";
import { FollowUpRun, isFileCode, kronor, type FollowUp, type FollowUpOptions, type PartyTotals } from "../core/costs/followUp";
import { foldText } from "../core/text";
import { notAYearSv, readYearText } from "../core/values";
import { flag, has, svFlag, UsageError, type Args } from "./args";
import { parseCommandArgs, usage } from "./commands";
import { answeringEditions } from "./editions";
import { expandInputs, isOtherSpreadsheet, notReadReason, readCsvCosts, readXlsxCosts, sha256File } from "./followUpInput";
import { comparedText, followUpNotesSv, KIND_SV, krText, leftOutLineReasonSv, leftOutReasonSv, linesSv, pctText, quarterColumns, quarterRows, type ColumnKind, type LayoutValue } from "../core/costs/followUpLayout";
import { fsErrorSv, InputError, type Io } from "./io";




const totalsJson = (t: PartyTotals) => ({ kommun: kronor(t.kommun), region: kronor(t.region), egenansvar: kronor(t.egenansvar), unassigned: kronor(t.unassigned) });

function ageMissingOption(args: Args): "adult" | null {
  const value = flag(args, "missing-age");
  if (value === undefined) return null;
  if (["vuxen", "adult"].includes(foldText(value))) return "adult";
  throw new UsageError(`${svFlag("missing-age")} tar bara värdet vuxen: rader utan ålder vars betalare beror på åldern besvaras då som för en vuxen.`);
}

/** The same file: same device and inode (links, hard links, `..` paths all meet here), or the same real path. */
async function sameFile(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([fs.stat(a).catch(() => null), fs.stat(b).catch(() => null)]);
  if (sa && sb && sa.dev === sb.dev && sa.ino === sb.ino) return true;
  const [ra, rb] = await Promise.all([fs.realpath(a).catch(() => path.resolve(a)), fs.realpath(b).catch(() => path.resolve(b))]);
  return ra === rb;
}

/** Writes the report beside its final place first, then renames it, so no half-written report is left. */
export async function writeReport(out: string, bytes: Buffer): Promise<void> {
  // A link is written through, to where it points: the link stays a link.
  const target = await fs.realpath(out).catch(() => out);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(temp, bytes, { flag: "wx" });
    await fs.rename(temp, target);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw new InputError(`Kunde inte skriva ${out}: ${fsErrorSv(e)}.`);
  }
}

function consoleReport(report: FollowUp, out: string | undefined, ageMissing: "adult" | null): string {
  const unreadableFiles = report.sources.filter((s) => s.problem !== null);
  const lines = [
    `Uppföljning per kvartal: ${report.sources.length} ${report.sources.length === 1 ? "fil" : "filer"}${unreadableFiles.length > 0 ? ` (${unreadableFiles.length} kunde inte läsas)` : ""}, ${report.lines.toLocaleString("sv-SE")} rader, ${report.quarters.length} kvartal, baslinje ${report.baselineYear ?? "–"}.`,
  ];
  if (report.quarters.length > 0) {
    // The layout's columns, kronor right-aligned; the change and what it is computed over after them.
    const columns = quarterColumns(report);
    const rows = quarterRows(report);
    const shown = [0, 1, 2, 5, 6];
    const width = (i: number) => Math.max(columns[i]!.header.length, ...rows.map((r) => consoleCell(r[i]!, columns[i]!.kind).length)) + 2;
    const widths = shown.map(width);
    lines.push(shown.map((i, j) => (i === 0 ? columns[i]!.header.padEnd(widths[j]!) : columns[i]!.header.padStart(widths[j]!))).join(""));
    report.quarters.forEach((q, n) => {
      const row = rows[n]!;
      const cells = shown.map((i, j) => (i === 0 ? String(row[i]).padEnd(widths[j]!) : consoleCell(row[i]!, "kr").padStart(widths[j]!))).join("");
      const c = q.comparison;
      if (!q.baseline || !c) lines.push(cells);
      else if (c.kommuner === 0) lines.push(`${cells}   mot ${report.baselineYear}: ingen kommun har rader båda kvartalen`);
      else lines.push(`${cells}   mot ${report.baselineYear}: kommun ${changeText(row[7]!)}, region ${changeText(row[8]!)} (${comparedText(q)})`);
    });
  }
  const balanced = report.balanced ? "stämmer till öret" : "STÄMMER INTE";
  lines.push(`Summa indata ${krText(report.inputOre)} = fördelat ${krText(report.assignedOre)} + ej fördelat ${krText(report.unassignedOre)} + oläsbart ${krText(report.unreadableOre)}: ${balanced}.`);
  if (ageMissing === "adult") lines.push(`--ålder-saknas vuxen: ${linesSv(report.assumedAdult.lines)} (${krText(report.assumedAdult.ore)}) utan ålder besvarades som för en vuxen.`);
  if (report.leftOutByCode.length > 0) {
    lines.push("Utelämnade rader per orsak (alla finns i rapportens blad Ej fördelade):");
    for (const c of report.leftOutByCode) {
      const where = c.examples.map((e) => (e.line === null ? path.basename(e.file) : `${path.basename(e.file)} rad ${e.line}`));
      const files = isFileCode(c.code);
      const count = files ? `${c.lines.toLocaleString("sv-SE")} ${c.lines === 1 ? "fil" : "filer"}` : linesSv(c.lines);
      const reason = leftOutReasonSv(report, c.code);
      lines.push(`  ${c.code}: ${count}, ${krText(c.ore)} (${KIND_SV[c.kind]}). ${reason} T.ex. ${where.join(", ")}${c.lines > c.examples.length ? " m.fl." : "."}`);
    }
  }
  for (const note of followUpNotesSv(report)) lines.push(note);
  for (const s of unreadableFiles) lines.push(`Kunde inte läsas: ${s.problem}`);
  for (const m of report.missingKommuner) {
    if (m.kommuner.length === 0) continue;
    const shown = m.kommuner.slice(0, 6).join(", ");
    lines.push(`${m.quarter}: ${m.kommuner.length} av 26 kommuner saknar rader (${shown}${m.kommuner.length > 6 ? ` och ${m.kommuner.length - 6} till` : ""}).`);
  }
  if (out) lines.push(`Skrev ${out} (sammanfattning med avstämning, per kommun och kvartal, saknade kommuner, ej fördelade rader och diagram).`);
  return lines.join("\n");
}

/** JSON.stringify of a string or null, remembered for the few thousand distinct values a list repeats. */
function jsonStrings(): (value: string | null) => string {
  const seen = new Map<string, string>();
  return (value) => {
    if (value === null) return "null";
    let json = seen.get(value);
    if (json === undefined) {
      json = JSON.stringify(value);
      if (seen.size < 100_000) seen.set(value, json);
    }
    return json;
  };
}

/**
 * A JSON array member of the top-level object, written in pieces of a few thousand entries, one
 * entry per line (each piece ends a line: the output sink ends every text with a newline).
 */
async function writeJsonList<T>(io: Io, name: string, items: Iterable<T>, keep: (item: T) => boolean, entry: (item: T) => string, after: string): Promise<void> {
  let piece: string[] = [];
  let any = false;
  for (const item of items) {
    if (!keep(item)) continue;
    if (piece.length === 4096) {
      io.out((any ? "" : `  ${JSON.stringify(name)}: [\n`) + piece.join(",\n") + ",");
      any = true;
      piece = [];
      await io.drained?.();
    }
    piece.push(`    ${entry(item)}`);
  }
  if (!any && piece.length === 0) return void io.out(`  ${JSON.stringify(name)}: []${after}`);
  io.out((any ? "" : `  ${JSON.stringify(name)}: [\n`) + piece.join(",\n"));
  io.out(`  ]${after}`);
}

/** A kronor or text cell of the layout as console text. */
function consoleCell(value: LayoutValue, kind: ColumnKind): string {
  if (value === null) return "";
  return kind === "kr" && typeof value === "number" ? krText(Math.round(value * 100)) : String(value);
}

/** A change as text: a percentage, or why there is none. */
const changeText = (value: LayoutValue) => (typeof value === "number" ? pctText(value) : "– (0 kr i baslinjen)");

/** Quarterly follow-up of the parties' costs over any number of files; every öre is accounted for. */
/**
 * The follow-up of cost files (already expanded: expandInputs) against the answering editions: one
 * run, every file read or named. Used by `uppföljning` and by `årsrapport --uppföljning`.
 */
export async function followUpOf(
  inputs: Awaited<ReturnType<typeof expandInputs>>,
  editions: Awaited<ReturnType<typeof answeringEditions>>,
  options: FollowUpOptions,
  listAll: boolean,
): Promise<{ report: FollowUp; sha256: Map<string, string>; sheetsNotRead: string[] }> {
  const run = new FollowUpRun(
    editions.map((e) => e.lists),
    options,
    listAll ? undefined : 0,
  );
  const sha256 = new Map<string, string>();
  const sheetsNotRead: string[] = [];
  for (const input of inputs) {
    if (input.problem !== null) {
      run.source(input.file).fail("FILE_UNREADABLE", input.problem);
      continue;
    }
    const lower = input.file.toLowerCase();
    if (isOtherSpreadsheet(lower)) {
      run.source(input.file).fail("FILE_UNREADABLE", notReadReason(input.file));
      sha256.set(input.file, await sha256File(input.file));
      continue;
    }
    if (lower.endsWith(".xlsx") || lower.endsWith(".xlsm")) {
      const read = await readXlsxCosts(input.file, (label) => run.source(label));
      sha256.set(input.file, read.sha);
      sheetsNotRead.push(...read.sheetsNotRead.map((s) => `${path.basename(input.file)}: ${s}`));
    } else sha256.set(input.file, await readCsvCosts(input.file, run.source(input.file)));
  }
  const report = run.finish();
  if (!report.exact) throw new InputError("Beloppen är för stora för att summeras exakt till öret (över 90 000 miljarder kr sammanlagt). Kontrollera beloppskolumnen.");
  if (report.sources.every((s) => s.problem !== null && s.lines === 0)) {
    throw new InputError(["Ingen av filerna kunde läsas:", ...report.sources.map((s) => `  ${s.problem}`)].join("\n"));
  }
  return { report, sha256, sheetsNotRead };
}

export async function followUpCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseCommandArgs("follow-up", argv);
  if (args.positional.length === 0) throw new UsageError(usage("follow-up"));
  const baselineText = flag(args, "baseline");
  const baselineYear = baselineText === undefined ? null : readYearText(baselineText);
  if (baselineText !== undefined && baselineYear === null) throw new InputError(notAYearSv("--baslinje", baselineText, 2025));
  const ageMissing = ageMissingOption(args);
  const out = flag(args, "out");
  if (out !== undefined && !out.toLowerCase().endsWith(".xlsx")) throw new InputError(`${out}: filnamnet ska sluta på .xlsx.`);
  const workbook = flag(args, "workbook");
  const editionFiles = args.flags.get("edition") ?? [];

  const inputs = await expandInputs(args.positional, async (f) => out !== undefined && (await sameFile(f, out)));
  if (out !== undefined) {
    const outExists = await fs.stat(out).then(
      () => true,
      () => false,
    );
    if (outExists) {
      for (const f of [...inputs.filter((i) => i.problem === null).map((i) => i.file), ...(workbook ? [workbook] : []), ...editionFiles]) {
        if (await sameFile(f, out)) throw new InputError(`${out} är en av indatafilerna (samma fil som ${f}) och skrivs inte över. Välj ett annat namn.`);
      }
      if (!has(args, "force")) throw new InputError(`${out} finns redan. Välj ett annat namn eller lägg till --tvinga (--force) för att skriva över.`);
    }
  }

  const editions = await answeringEditions(workbook, editionFiles, sha256File);
  // The console names a few examples per reason; only the report and --json list every left-out line.
  const listAll = out !== undefined || has(args, "json");
  const { report, sha256, sheetsNotRead } = await followUpOf(inputs, editions, { baselineYear, ageMissing }, listAll);

  const used = new Set(report.editionsUsed);
  const editionsUsed = editions.filter((e) => used.has(e.lists)).map((e) => e.info);
  const options = [
    ...(workbook ? [`--arbetsbok ${workbook}`] : []),
    ...editionFiles.map((f) => `--utgåva ${f}`),
    ...(baselineText ? [`--baslinje ${baselineText}`] : []),
    ...(ageMissing ? ["--ålder-saknas vuxen"] : []),
  ];
  if (out) await writeReport(out, await (await import("./followUpReport")).followUpReport(report, { runAt: new Date(), sha256, editions: editionsUsed, options }));

  const code = report.leftOutByCode.length > 0 ? 1 : 0;
  if (has(args, "json")) {
    const head = JSON.stringify(
        {
          file: report.sources.map((s) => path.basename(s.file)).join(", "),
          inputs: report.sources.map((s) => ({ file: s.file, sha256: sha256.get(s.file) ?? null, lines: s.lines, amount: kronor(s.ore), problem: s.problem })),
          editions: editionsUsed.map((e) => ({ name: e.name, decided: e.decided, effective: e.effective, hash: e.hash })),
          baselineYear: report.baselineYear,
          options: { ageMissing: ageMissing === "adult" ? "vuxen" : null },
          quarters: report.quarters.map((q) => ({
            quarter: q.quarter,
            ...totalsJson(q.totals),
            baseline: q.baseline ? totalsJson(q.baseline) : null,
            // The change over the kommuner with lines in both quarters (the report's percentages).
            comparison: q.comparison
              ? { kommuner: q.comparison.kommuner, kommun: kronor(q.comparison.kommun), region: kronor(q.comparison.region), baselineKommun: kronor(q.comparison.baseKommun), baselineRegion: kronor(q.comparison.baseRegion), onlyNow: q.comparison.onlyNow, onlyBaseline: q.comparison.onlyBaseline }
              : null,
            unknownKommunNames: q.unknown ? totalsJson(q.unknown) : null,
          })),
          byKommun: report.byKommun.map((k) => ({ name: k.kommun, known: k.known, ...totalsJson(k.totals) })),
          byKommunQuarter: report.byKommunQuarter.map((k) => ({
            kommun: k.kommun,
            quarter: k.quarter,
            known: k.known,
            kommunAmount: kronor(k.totals.kommun),
            regionAmount: kronor(k.totals.region),
            egenansvarAmount: kronor(k.totals.egenansvar),
            unassignedAmount: kronor(k.totals.unassigned),
          })),
          missingKommuner: Object.fromEntries(report.missingKommuner.map((m) => [m.quarter, m.kommuner])),
          unknownKommuner: report.unknownKommuner.map((u) => ({ name: u.name, lines: u.lines, amount: kronor(u.ore) })),
          leftOut: Object.fromEntries(report.leftOutByCode.map((c) => [c.code, { lines: c.lines, amount: kronor(c.ore) }])),
          answeredByLaterRules: report.answeredByLaterRules ? { lines: report.answeredByLaterRules.lines, amount: kronor(report.answeredByLaterRules.ore), baselineLines: report.answeredByLaterRules.baselineLines, statedEffective: report.answeredByLaterRules.statedEffective } : null,
          notes: followUpNotesSv(report),
          beforeFirstEdition: report.beforeFirstEdition
            ? { lines: report.beforeFirstEdition.lines, amount: kronor(report.beforeFirstEdition.ore), baselineLines: report.beforeFirstEdition.baselineLines, firstEffective: report.beforeFirstEdition.firstEffective }
            : null,
          totals: {
            input: kronor(report.inputOre),
            assigned: kronor(report.assignedOre),
            unassigned: kronor(report.unassignedOre),
            unreadableQuarter: kronor(report.unreadableOre),
            balanced: report.balanced,
          },
        },
        null,
        2,
      );
    // The two lists of lines may hold a million entries: written in pieces, one entry per line, never
    // as one string (a 5 M-line run built 130 MB of text and 1.7 GB of memory for it).
    io.out(head.slice(0, head.lastIndexOf("\n}")) + ",");
    // Entries written as text from the JSON of each distinct string (files, kommuner, codes repeat).
    const j = jsonStrings();
    await writeJsonList(io, "unassignedLines", report.leftOut, (l) => l.kind === "unassigned", (u) => `{"file":${j(u.file)},"line":${u.line},"kommun":${j(u.kommun)},"quarter":${j(u.quarter)},"iso":${j(u.iso)},"boendeform":${j(u.boendeform)},"amount":${kronor(u.ore ?? 0)},"code":${j(u.code)}}`, ",");
    await writeJsonList(io, "problems", report.leftOut, (l) => l.kind !== "unassigned", (p) => `{"file":${j(p.file)},"line":${p.line},"code":${j(p.code)},"amount":${p.ore === null ? null : kronor(p.ore)},"message":${j(leftOutLineReasonSv(p))}}`, "");
    io.out("}");
    return code;
  }
  io.out(consoleReport(report, out, ageMissing));
  // Sheets without the cost columns hold no cost lines; named, so that nothing is passed over unseen.
  if (sheetsNotRead.length > 0) io.out(`Blad utan kostnadskolumner lästes inte: ${sheetsNotRead.join("; ")}.`);
  return code;
}
