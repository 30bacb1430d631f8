import { promises as fs } from "node:fs";
import * as path from "node:path";
import { annualReport, type AnnualReport } from "../core/annualReport";
import { BOENDEFORM_INFO } from "../core/boendeform";
import { notADateSv, notAYearSv, parseIsoDate, readYearText, todayIso } from "../core/values";
import { annualReportXlsx } from "./annualReportXlsx";
import { flag, has, UsageError } from "./args";
import { parseCommandArgs, usage } from "./commands";
import { answeringEditions, loadEdition } from "./editions";
import { followUpOf, writeReport } from "./followUpCommand";
import { expandInputs, sha256File } from "./followUpInput";
import { InputError, loadModel, type Io } from "./io";

/** The report's JSON (the contract of issue "the group's year"). */
export function annualReportJson(r: AnnualReport) {
  return {
    year: r.year,
    editions: r.editions.map((e) => ({ name: e.name, decided: e.decided, effective: e.effective, checksum: e.checksum })),
    changes: r.changes.map((c) => ({
      edition: c.edition,
      bilaga: c.bilaga,
      iso: c.iso,
      title: c.title,
      boendeform: c.boendeform,
      kind: c.kind,
      from: c.from,
      to: c.to,
      effective: c.effective,
      motivering: c.motivering,
      ekonomisk: c.ekonomisk,
      konsekvens: c.konsekvens,
      estimatedToKommun: c.estimatedToKommun,
      decision: c.decision,
    })),
    matters: r.matters,
    followUp: r.followUp,
    problems: r.problems,
    text: r.text,
  };
}

function consoleText(r: AnnualReport, out: string | undefined): string {
  const lines = [`Årsrapport ${r.year}`, "", ...r.text, ""];
  if (r.changes.length > 0) {
    lines.push("Ändringar:");
    for (const c of r.changes) {
      const form = c.boendeform ? `, ${BOENDEFORM_INFO[c.boendeform].shortSv}` : "";
      lines.push(`  ${c.edition} bilaga ${c.bilaga} ${c.iso ?? c.title}${form}: ${c.from ?? "–"} → ${c.to ?? "–"}${c.decision ? ` (beslut ${c.decision.referens ?? ""} ${c.decision.datum ?? ""})`.replace(/\s+\)/, ")") : ""}`);
    }
    lines.push("");
  }
  if (r.problems.length > 0) {
    lines.push(`Underlaget är ofullständigt (${r.problems.length}):`);
    for (const p of r.problems) lines.push(`  ${p.code}: ${p.message}`);
    lines.push("");
  }
  if (out) lines.push(`Rapporten skrevs till ${out}.`);
  return lines.join("\n").trimEnd();
}

export async function annualReportCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parseCommandArgs("annual-report", argv);
  if (args.positional.length > 0) throw new UsageError(usage("annual-report"));
  const yearText = flag(args, "year");
  if (yearText === undefined) throw new UsageError(`--år saknas. ${usage("annual-report")}`);
  const year = readYearText(yearText);
  if (year === null) throw new InputError(notAYearSv("--år", yearText, 2026));
  const workbook = flag(args, "workbook");
  if (workbook === undefined) throw new UsageError(`--arbetsbok saknas. ${usage("annual-report")}`);
  const out = flag(args, "out");
  if (out !== undefined && !out.toLowerCase().endsWith(".xlsx")) throw new InputError(`${out}: filnamnet ska sluta på .xlsx.`);
  const editionFiles = args.flags.get("edition") ?? [];
  const followUpFiles = args.flags.get("follow-up") ?? [];

  // The report never writes over one of its inputs.
  if (out !== undefined) {
    const target = path.resolve(out);
    for (const f of [workbook, ...editionFiles, ...followUpFiles]) {
      if (path.resolve(f) === target) throw new InputError(`${out} är en av indatafilerna och skrivs inte över. Välj ett annat namn.`);
    }
    const exists = await fs.stat(out).then(() => true, () => false);
    if (exists && !has(args, "force")) throw new InputError(`${out} finns redan. Välj ett annat namn eller lägg till --tvinga (--force) för att skriva över.`);
  }

  const { model } = await loadModel(workbook);
  const editions = [];
  for (const f of editionFiles) editions.push(await loadEdition(f));
  let followUp = null;
  if (followUpFiles.length > 0) {
    const inputs = await expandInputs(followUpFiles, async () => false);
    const answering = await answeringEditions(workbook, editionFiles, sha256File);
    followUp = (await followUpOf(inputs, answering, { baselineYear: year - 1, ageMissing: null }, false)).report;
  }
  // The day the report speaks of (open matters' age): today, or --datum (e.g. the year's last day).
  const date = flag(args, "date") ?? todayIso();
  if (!parseIsoDate(date)) throw new InputError(notADateSv("--datum", date));
  const report = annualReport({ year, model, editions, followUp, today: date });

  if (out !== undefined) {
    const bytes = await annualReportXlsx(report, { runAt: new Date(), inputs: [workbook, ...editionFiles, ...followUpFiles].map((f) => path.basename(f)) });
    await writeReport(out, bytes);
  }
  if (has(args, "json")) io.out(JSON.stringify(annualReportJson(report), null, 2));
  else io.out(consoleText(report, out));
  return report.problems.length > 0 ? 1 : 0;
}
