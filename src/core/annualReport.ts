import { BOENDEFORM_INFO, type Boendeform } from "./boendeform";
import { costLines, costShift } from "./costs/costShift";
import type { FollowUp } from "./costs/followUp";
import { matchDecision, readDecisions } from "./decisions";
import { diffModels, type Change } from "./editions/diff";
import { editionModel, type Edition } from "./editions/edition";
import { daysBetween, isOpen, matterCounts, readMatters, type Matter } from "./matters";
import type { WorkbookModel } from "./model";
import type { BilagaKey } from "./sheets";
import { CHANGE_UNDOCUMENTED } from "./validation/rules/changeUndocumented";
import { validateWorkbook } from "./validation/validateWorkbook";
import { valueOf } from "./values";

/*
 * The group's annual report to the steering group (§6.3, first point: "Årligen följa upp
 * överenskommelsen … och rapportera detta till styrgruppen"): the editions of the year, every
 * change they carried with its documentation, decision and estimated cost shift, the follow-up
 * against the baseline, and the register of matters. Derived once here from the core's own
 * derivations (diffModels, matchDecision, costShift, readMatters); the CLI and the pane only lay it
 * out. The text section states these facts in sentences, numbers only, no judgement.
 */

export interface ReportEdition {
  readonly name: string;
  readonly decided: string | null;
  readonly effective: string | null;
  readonly checksum: string;
  /** The edition it was compared with (its Föregående utgåva), when given. */
  readonly previous: string | null;
}

export interface ReportChange {
  readonly edition: string;
  readonly bilaga: number;
  readonly iso: string | null;
  readonly title: string;
  /** The housing form of a payer or Villkor change; null for a change of the whole row. */
  readonly boendeform: Boendeform | null;
  readonly kind: Change["kind"];
  readonly from: string | null;
  readonly to: string | null;
  readonly effective: string | null;
  readonly motivering: string | null;
  readonly ekonomisk: string | null;
  readonly konsekvens: string | null;
  /** The huvudmän's decision that answers the change (reference, date), or null where none was recorded. */
  readonly decision: { readonly referens: string | null; readonly datum: string | null; readonly beslut: string | null } | null;
  /** Estimated SEK per year moving to the kommuner (negative: to the Region), from the Kostnader sheet; null without cost lines. */
  readonly estimatedToKommun: number | null;
}

export interface ReportMatters {
  /** Matters that came in during the year. */
  readonly total: number;
  /** Matters open now (any Inkom). */
  readonly open: number;
  readonly byStatus: Record<string, number>;
  readonly byType: Record<string, number>;
  readonly oldestOpenDays: number | null;
  readonly list: ReadonlyArray<{ readonly id: string | null; readonly inkom: string | null; readonly type: string | null; readonly status: string | null; readonly codes: readonly string[]; readonly days: number | null; readonly description: string | null }>;
}

export interface ReportFollowUpQuarter {
  readonly quarter: string;
  readonly kommun: number;
  readonly region: number;
  readonly baselineKommun: number | null;
  readonly baselineRegion: number | null;
  readonly missingKommuner: readonly string[];
}

export interface ReportProblem {
  readonly code: "EDITION_PREVIOUS_MISSING" | "CHANGE_UNDOCUMENTED" | "NO_EDITIONS" | "FOLLOW_UP_UNBALANCED";
  readonly message: string;
}

export interface AnnualReport {
  readonly year: number;
  readonly editions: readonly ReportEdition[];
  readonly changes: readonly ReportChange[];
  readonly matters: ReportMatters;
  readonly followUp: { readonly baselineYear: number | null; readonly quarters: readonly ReportFollowUpQuarter[] } | null;
  readonly problems: readonly ReportProblem[];
  /** The text section: sentences stating the facts above. */
  readonly text: readonly string[];
}

const BILAGA_NUMBER: Record<BilagaKey, number> = { B1: 1, B2: 2, B3: 3, B4: 4 };

/** Whether an edition belongs to the year: decided in it (or, undecided, effective in it). */
const ofYear = (e: Edition, year: number): boolean => (e.decided ?? e.effective ?? "").startsWith(`${year}-`);


const sek = (n: number): string => `${Math.round(n).toLocaleString("sv-SE").replace(/\u00a0/g, " ")} kr`;
const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export interface AnnualReportInput {
  readonly year: number;
  /** The workbook: its Ärenden, and its Kostnader as the cost basis of the estimates. */
  readonly model: WorkbookModel;
  /** Every edition given (of the year and before it, so each can be compared with its previous). */
  readonly editions: readonly Edition[];
  readonly followUp?: FollowUp | null;
  /** The day the report is made (open matters' age); YYYY-MM-DD. */
  readonly today: string;
}

/** The year gathered for the steering group. */
export function annualReport(input: AnnualReportInput): AnnualReport {
  const { year, model } = input;
  const byName = new Map(input.editions.map((e) => [e.name, e]));
  const ofTheYear = input.editions.filter((e) => ofYear(e, year)).sort((a, b) => (a.decided ?? a.effective ?? "").localeCompare(b.decided ?? b.effective ?? ""));
  const problems: ReportProblem[] = [];
  if (ofTheYear.length === 0) problems.push({ code: "NO_EDITIONS", message: `Ingen av de givna utgåvorna beslutades ${year}. Ange årets utgåvor med --utgåva.` });
  const lines = costLines(model);
  const changes: ReportChange[] = [];
  const editions: ReportEdition[] = [];
  for (const e of ofTheYear) {
    const previous = e.previous ? (byName.get(e.previous) ?? null) : null;
    editions.push({ name: e.name, decided: e.decided, effective: e.effective, checksum: e.hash, previous: e.previous });
    if (e.previous && !previous) {
      problems.push({ code: "EDITION_PREVIOUS_MISSING", message: `Utgåva ${e.name} bygger på ${e.previous}, som inte gavs: dess ändringar kan inte räknas upp. Ange ${e.previous} med --utgåva.` });
      continue;
    }
    if (!previous) continue; // the first edition: nothing to compare with
    const before = editionModel(previous);
    const after = editionModel(e);
    const diff = diffModels(before, after);
    const shift = lines.length > 0 ? costShift(before, after, lines) : null;
    // The edition's own Beslut sheet, read as every surface reads it.
    const decisions = readDecisions(after);
    for (const c of diff) {
      const ref = c.kind === "removed" ? c.before : c.after;
      const row = ref.row;
      const iso = valueOf(row.iso)?.code ?? null;
      const form = c.kind === "payer" ? c.boendeform : c.kind === "villkor" ? (c.boendeform ?? null) : null;
      const decision = matchDecision(decisions, { iso, bilaga: ref.bilaga, forms: form ? [form] : [] });
      const estimate =
        c.kind === "payer" && shift
          ? [...shift.changes, ...shift.egenansvar].filter((s) => s.iso === iso && s.boendeform === c.boendeform).reduce((sum, s) => sum + s.amount, 0)
          : null;
      const doc = c.kind === "removed" ? null : row;
      const change: ReportChange = {
        edition: e.name,
        bilaga: BILAGA_NUMBER[ref.bilaga],
        iso,
        title: row.title ?? row.product ?? "",
        boendeform: form,
        kind: c.kind,
        from: c.kind === "added" ? null : c.kind === "removed" ? "Fanns" : (c.from ?? null),
        to: c.kind === "added" ? "Ny rad" : c.kind === "removed" ? "Borttagen" : (c.to ?? null),
        effective: valueOf(row.giltigFran) ?? e.effective,
        motivering: doc?.motivering ?? null,
        ekonomisk: doc?.ekonomisk?.text ?? null,
        konsekvens: doc?.konsekvens ?? null,
        decision: decision ? { referens: decision.referens, datum: decision.datum, beslut: decision.beslut } : null,
        estimatedToKommun: estimate,
      };
      changes.push(change);
    }
    // Which changes lack their §6.3 documentation is the validation rule's judgement, not a second one here.
    for (const f of validateWorkbook(after, { previous: { name: previous.name, model: before }, rules: [CHANGE_UNDOCUMENTED] })) {
      problems.push({ code: "CHANGE_UNDOCUMENTED", message: `Utgåva ${e.name}, ${f.sheet}${f.row !== null ? ` rad ${f.row}` : ""}: ${f.message}` });
    }
  }

  const matters = mattersPart(readMatters(model), year, input.today);
  const followUp = input.followUp ? followUpPart(input.followUp, year) : null;
  if (input.followUp && !input.followUp.balanced) problems.push({ code: "FOLLOW_UP_UNBALANCED", message: "Uppföljningens belopp stämmer inte till öret mot indata: se uppföljningens egen rapport." });
  return { year, editions, changes, matters, followUp, problems, text: textSection(year, editions, changes, matters, followUp) };
}

function mattersPart(all: readonly Matter[], year: number, today: string): ReportMatters {
  const cameIn = all.filter((m) => m.inkom?.startsWith(`${year}-`));
  const open = all.filter(isOpen);
  const days = (m: Matter) => (m.inkom ? daysBetween(m.inkom, today) : null);
  const ages = open.map(days).filter((d): d is number => d !== null);
  const counts = matterCounts(cameIn);
  return {
    total: cameIn.length,
    open: open.length,
    byStatus: counts.byStatus,
    byType: counts.byType,
    oldestOpenDays: ages.length > 0 ? ages.reduce((a, b) => Math.max(a, b)) : null,
    list: open.map((m) => ({ id: m.id, inkom: m.inkom, type: m.type, status: m.status, codes: m.codes, days: days(m), description: m.description })),
  };
}

const kr = (ore: number): number => ore / 100;

function followUpPart(f: FollowUp, year: number): AnnualReport["followUp"] {
  const missing = new Map(f.missingKommuner.map((m) => [m.quarter, m.kommuner]));
  const quarters = f.quarters
    .filter((q) => q.quarter.startsWith(`${year}`))
    .map((q) => ({
      quarter: q.quarter,
      kommun: kr(q.totals.kommun),
      region: kr(q.totals.region),
      baselineKommun: q.baseline ? kr(q.baseline.kommun) : null,
      baselineRegion: q.baseline ? kr(q.baseline.region) : null,
      missingKommuner: missing.get(q.quarter) ?? [],
    }));
  return { baselineYear: f.baselineYear, quarters };
}

function textSection(year: number, editions: readonly ReportEdition[], changes: readonly ReportChange[], m: ReportMatters, f: AnnualReport["followUp"]): string[] {
  const out: string[] = [];
  out.push(
    editions.length === 0
      ? `Under ${year} publicerades ingen utgåva av bilagorna.`
      : `Under ${year} publicerades ${plural(editions.length, "utgåva", "utgåvor")} av bilagorna: ${editions.map((e) => `${e.name} (beslutad ${e.decided ?? "utan datum"}, gäller från ${e.effective ?? "utan datum"})`).join(", ")}.`,
  );
  const payer = changes.filter((c) => c.kind === "payer");
  const added = changes.filter((c) => c.kind === "added");
  const removed = changes.filter((c) => c.kind === "removed");
  const other = changes.length - payer.length - added.length - removed.length;
  if (changes.length > 0) {
    out.push(
      `Utgåvorna förde in ${plural(changes.length, "ändring", "ändringar")}: ${[plural(payer.length, "ändrad betalare", "ändrade betalare"), plural(added.length, "ny rad", "nya rader"), plural(removed.length, "borttagen rad", "borttagna rader"), plural(other, "annan ändring", "andra ändringar")].join(", ")}. ${plural(changes.filter((c) => c.decision).length, "ändring", "ändringar")} har ett beslut av huvudmännen.`,
    );
    const estimated = payer.filter((c) => c.estimatedToKommun !== null);
    if (estimated.length > 0) {
      const net = estimated.reduce((s, c) => s + c.estimatedToKommun!, 0);
      out.push(`Den uppskattade kostnadsförskjutningen av de ändrade betalarna är ${sek(Math.abs(net))} per år ${net >= 0 ? "till kommunerna" : "till Region Stockholm"}, beräknad på bladet Kostnader.`);
    }
  }
  if (f && f.quarters.length > 0) {
    const sum = (k: "kommun" | "region") => f.quarters.reduce((s, q) => s + q[k], 0);
    const withMissing = f.quarters.filter((q) => q.missingKommuner.length > 0);
    out.push(
      `Uppföljningen av ${year} (${plural(f.quarters.length, "kvartal", "kvartal")}) fördelar ${sek(sum("kommun"))} på kommunerna och ${sek(sum("region"))} på Region Stockholm${f.baselineYear ? `, mot baslinjen ${f.baselineYear}` : ""}.${withMissing.length > 0 ? ` I ${plural(withMissing.length, "kvartal", "kvartal")} saknas rader från minst en kommun, så jämförelsen med baslinjen är ofullständig där.` : ""}`,
    );
  }
  out.push(
    `Samverkansgruppen tog emot ${plural(m.total, "ärende", "ärenden")} under ${year}. ${plural(m.open, "ärende är öppet", "ärenden är öppna")}${m.oldestOpenDays !== null ? `; det äldsta har varit öppet i ${m.oldestOpenDays} dagar` : ""}.`,
  );
  return out;
}

/**
 * The report as one table, for the pane's new sheet: the text section, then the editions, the
 * changes, the matters and the problems under their own headings. Text cells stay text (the
 * adapter writes them as text, never as formulas).
 */
export function annualReportRows(r: AnnualReport): Array<Array<string | number>> {
  const rows: Array<Array<string | number>> = [[`Årsrapport ${r.year} – kostnadsansvar för hjälpmedel i Stockholms län`], []];
  for (const t of r.text) rows.push([t]);
  rows.push([], ["Utgåvor"], ["Utgåva", "Beslutad", "Giltig från", "Föregående", "Kontrollsumma"]);
  for (const e of r.editions) rows.push([e.name, e.decided ?? "", e.effective ?? "", e.previous ?? "", e.checksum]);
  rows.push([], ["Ändringar"], ["Utgåva", "Bilaga", "ISO-kod", "Benämning", "Boendeform", "Före", "Efter", "Giltig från", "Motivering", "Ekonomisk beräkning", "Konsekvensanalys", "Beslut", "Uppskattad förskjutning till kommunerna, kr/år"]);
  for (const c of r.changes) {
    rows.push([c.edition, c.bilaga, c.iso ?? "", c.title, c.boendeform ? BOENDEFORM_INFO[c.boendeform].shortSv : "", c.from ?? "", c.to ?? "", c.effective ?? "", c.motivering ?? "", c.ekonomisk ?? "", c.konsekvens ?? "", c.decision ? [c.decision.referens, c.decision.datum].filter(Boolean).join(", ") : "", c.estimatedToKommun ?? ""]);
  }
  rows.push([], [`Ärenden som kom in ${r.year}`, r.matters.total], ["Öppna ärenden", r.matters.open], ["Äldsta öppna, dagar", r.matters.oldestOpenDays ?? ""]);
  rows.push(["Per status"], ...Object.entries(r.matters.byStatus).map(([k, v]) => [k, v]));
  rows.push(["Per typ"], ...Object.entries(r.matters.byType).map(([k, v]) => [k, v]));
  rows.push([], ["Öppna ärenden"], ["Ärende", "Inkom", "Typ", "Status", "ISO-kod", "Dagar öppet", "Beskrivning"]);
  for (const m of r.matters.list) rows.push([m.id ?? "", m.inkom ?? "", m.type ?? "", m.status ?? "", m.codes.join("; "), m.days ?? "", m.description ?? ""]);
  if (r.problems.length > 0) {
    rows.push([], ["Problem i underlaget"]);
    for (const p of r.problems) rows.push([p.code, p.message]);
  }
  return rows;
}
