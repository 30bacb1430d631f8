import { BOENDEFORM_INFO } from "../core/boendeform";
import { costLines, costShift, neutralityVerdictSv, shiftKronorSv as kr } from "../core/costs/costShift";
import { followUpRows, FollowUpRun, hasCostHeader, kronor, REQUIRED_COLUMNS_SV, type FollowUp } from "../core/costs/followUp";
import { followUpNotesSv, leftOutReasonSv, linesSv, missingGrid, pctText, quarterColumns, quarterRows, type ColumnKind, type LayoutValue } from "../core/costs/followUpLayout";
import { editionModel } from "../core/editions/edition";
import { sheetKeyOf } from "../core/model";
import { addReportSheet, sheetNames } from "../excel/adapter";
import { basisWithSheets } from "../excel/modelSource";
import { notAYearSv, readYearText } from "../core/values";
import { byId, el, VIEW_SHOWN } from "./dom";
import { exclusive, onValidated, previousEdition, state } from "./state";
import { runValidation } from "./validateView";

function table(id: string, headers: readonly string[], rows: ReadonlyArray<ReadonlyArray<string>>, rowAttrs: (i: number) => Record<string, string> = () => ({})): void {
  byId<HTMLTableElement>(id).replaceChildren(
    el("thead", {}, [el("tr", {}, headers.map((h) => el("th", { text: h, attrs: { scope: "col" } })))]),
    el("tbody", {}, rows.map((r, i) => el("tr", { attrs: rowAttrs(i) }, r.map((c, j) => el("td", { text: c, attrs: { "data-label": headers[j]! } }))))),
  );
}

/** Cost neutrality of the draft against the previous edition, from the Kostnader sheet (§6.3). */
function renderCostShift(): void {
  const verdict = byId("cost-shift-verdict");
  const previous = previousEdition();
  const lines = state.model ? costLines(state.model) : [];
  if (!state.model) {
    verdict.textContent = "Granska bilagorna först (fliken Granska).";
  } else if (!previous) {
    verdict.textContent = "Ingen tidigare utgåva att jämföra med: publicera en, eller läs in en från fil under Publicera.";
  } else if (lines.length === 0) {
    verdict.textContent = "Arbetsboken har inget blad Kostnader med föregående års kostnader (ISO-kod, Boendeform, Kommun, Region).";
  } else {
    const shift = costShift(editionModel(previous), state.model, lines);
    table(
      "cost-shift-table",
      ["Bilaga", "ISO-kod", "Boendeform", "Från", "Till", "Belopp"],
      [...shift.changes, ...shift.egenansvar].map((c) => [c.bilaga ? String(c.bilaga) : "–", c.iso, BOENDEFORM_INFO[c.boendeform].shortSv, c.from, c.to, kr(c.amount)]),
    );
    const direction = shift.netToKommun >= 0 ? "till kommunerna" : "till regionen";
    const judged = neutralityVerdictSv(shift);
    verdict.textContent = `Mot utgåva ${previous.name}: ${kr(Math.abs(shift.netToKommun))} per år ${direction}. ${judged}${shift.unattributed.length > 0 ? ` ${shift.unattributed.length} kostnadsrad(er) kunde inte fördelas.` : ""}`;
    verdict.dataset.neutral = String(shift.neutral);
    return;
  }
  byId("cost-shift-table").replaceChildren();
  delete verdict.dataset.neutral;
}

async function fillSheetChoices(): Promise<void> {
  const select = byId<HTMLSelectElement>("follow-up-sheet");
  const names = await Excel.run((context) => sheetNames(context));
  const chosen = new Set(Array.from(select.selectedOptions, (o) => o.value));
  select.replaceChildren(...costSheetCandidates(names).map((n) => el("option", { text: n, attrs: { value: n } })));
  for (const o of Array.from(select.options)) o.selected = chosen.has(o.value);
}

/** Sheets that may hold cost lines: not the bilagor, and not a follow-up result the add-in wrote. */
function costSheetCandidates(names: readonly string[]): string[] {
  return names.filter((n) => sheetKeyOf(n) === null && !/^Uppföljning( \d+)?$/.test(n));
}

const krOre = (ore: number) => kr(kronor(ore));

/**
 * The result sheet: the quarter table in the core's layout (the same columns as the command
 * line's report; its first five are the chart's source), the notes, the summary, the
 * reconciliation and the missing kommuner as a kommun × quarter grid.
 */
function reportRows(report: FollowUp, sheets: readonly string[], ageMissing: boolean): { rows: Array<Array<string | number>>; tableRows: number } {
  const base = report.baselineYear;
  const columns = quarterColumns(report);
  const cell = (v: LayoutValue, kind: ColumnKind): string | number => (v === null ? (kind === "pct" ? "–" : "") : kind === "pct" && typeof v === "number" ? pctText(v) : v);
  const table: Array<Array<string | number>> = [columns.map((c) => c.header), ...quarterRows(report).map((r) => r.map((v, i) => cell(v, columns[i]!.kind)))];
  const notes = followUpNotesSv(report);
  const grid = missingGrid(report);
  const rows: Array<Array<string | number>> = [
    ...table,
    [],
    ...(notes.length > 0 ? [["Att veta om siffrorna"], ...notes.map((n) => [n]), []] : []),
    ["Sammanfattning"],
    ["Körd", new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC"],
    ["Blad", sheets.join(", ")],
    ["Baslinjeår", base === null ? "–" : String(base)],
    ["Utgåvor som använts", report.editionsUsed.map((l) => l.name ?? "arbetsbokens listor").join(", ") || "ingen"],
    ["Alternativ", ageMissing ? `ålder saknas: vuxen (${linesSv(report.assumedAdult.lines)})` : "inga"],
    ["Rader", String(report.lines)],
    [],
    ["Avstämning (till öret)", "Belopp"],
    ["Indata", kronor(report.inputOre)],
    ["Fördelat", kronor(report.assignedOre)],
    ["Ej fördelat", kronor(report.unassignedOre)],
    ["Oläsbart", kronor(report.unreadableOre)],
    ["Stämmer", report.balanced ? "Ja" : "Nej"],
    [],
    ["Utelämnade rader per orsak", "Rader", "Belopp", "Orsak"],
    ...report.leftOutByCode.map((c) => [c.code, String(c.lines), kronor(c.ore), leftOutReasonSv(report, c.code)]),
    [],
    ["Saknade kommuner"],
    ...(grid.rows.length > 0 ? [[...grid.headers], ...grid.rows.map((r) => [...r])] : [["Alla 26 kommuner har rader i varje kvartal."]]),
    ...(report.unknownKommuner.length > 0 ? [[], ["Okänt kommunnamn", "Rader", "Belopp"], ...report.unknownKommuner.map((u) => [u.name || "(tomt)", String(u.lines), kronor(u.ore)])] : []),
  ];
  return { rows, tableRows: table.length };
}

/** Storsthlm's quarterly follow-up on one or more sheets of cost lines; the result goes to a new sheet with a chart. */
async function runFollowUp(): Promise<void> {
  const status = byId("follow-up-status");
  const select = byId<HTMLSelectElement>("follow-up-sheet");
  const whole = byId<HTMLInputElement>("follow-up-all").checked;
  const ageMissing = byId<HTMLInputElement>("follow-up-adult").checked;
  const baselineText = byId<HTMLInputElement>("follow-up-baseline").value.trim();
  const picked = Array.from(select.selectedOptions, (o) => o.value);
  if (!whole && picked.length === 0) {
    status.textContent = "Välj ett eller flera blad med kostnadsrader, eller Hela arbetsboken.";
    return;
  }
  const baselineYear = baselineText ? readYearText(baselineText) : null;
  if (baselineText && baselineYear === null) {
    status.textContent = notAYearSv("Baslinjeåret", baselineText, 2025);
    return;
  }
  try {
    const names = whole ? costSheetCandidates(await Excel.run((context) => sheetNames(context))) : picked;
    const wanted = new Set(names);
    // The cost lines and the lists that answer them, in the same round trips.
    const { basis, sheets: raw, names: allNames } = await basisWithSheets((n) => wanted.has(n));
    const run = new FollowUpRun(basis.lists, { baselineYear, ageMissing: ageMissing ? "adult" : null });
    const skipped: string[] = [];
    const read: string[] = [];
    for (const sheet of raw.sheets) {
      // Over the whole workbook, sheets without cost columns are other content, named but not counted.
      if (whole && !hasCostHeader(sheet.rows[0] ?? [])) {
        skipped.push(sheet.name);
        continue;
      }
      read.push(sheet.name);
      followUpRows(run, sheet.name, sheet.rows, sheet.firstRow ?? 1);
    }
    if (read.length === 0) {
      status.textContent = `Inget blad har kolumnerna ${REQUIRED_COLUMNS_SV} i första raden.`;
      return;
    }
    const report = run.finish();
    const unreadableSheets = report.sources.filter((s) => s.problem !== null);
    if (unreadableSheets.length === report.sources.length) {
      status.textContent = unreadableSheets.map((s) => s.problem).join(" ");
      return;
    }
    const { rows, tableRows } = reportRows(report, read, ageMissing);
    table("follow-up-table", rows[0]!.map(String), rows.slice(1, tableRows).map((r) => r.map((c) => (typeof c === "number" ? kr(c) : c))), (i) => ({ "data-quarter": report.quarters[i]!.quarter }));
    const notes = byId("follow-up-notes");
    notes.replaceChildren(...followUpNotesSv(report).map((n) => el("p", { text: n })));
    const name = await Excel.run((context) => addReportSheet(context, { name: "Uppföljning", rows, ...(report.quarters.length > 0 ? { chart: { title: "Parternas kostnader per kvartal", columns: 5, rows: tableRows, valueAxisTitle: "kr" } } : {}) }, allNames));
    const leftOut = report.leftOutByCode.reduce((n, c) => n + c.lines, 0);
    status.textContent =
      `Summa ${krOre(report.inputOre)} = fördelat ${krOre(report.assignedOre)} + ej fördelat ${krOre(report.unassignedOre)}${report.unreadableOre ? ` + oläsbart ${krOre(report.unreadableOre)}` : ""}` +
      `${report.balanced ? " – stämmer till öret" : " – STÄMMER INTE"}. ${leftOut} rad(er) utelämnade${report.beforeFirstEdition ? `, varav ${report.beforeFirstEdition.lines} före den första utgåvan (${report.beforeFirstEdition.firstEffective})` : ""}. ` +
      `${skipped.length > 0 ? `Blad utan kostnadskolumner hoppades över: ${skipped.join(", ")}. ` : ""}${unreadableSheets.map((s) => s.problem).join(" ")}${unreadableSheets.length ? " " : ""}Resultat, avstämning, saknade kommuner och diagram på bladet ${name}.`;
  } catch (e) {
    status.textContent = `Kunde inte följa upp: ${(e as Error).message}`;
  }
}

export function initCostsView(): void {
  // Beräkna reads the workbook again first: Kostnader or the lists may have changed since the last review.
  byId("cost-shift-run").addEventListener("click", () => void runValidation().then(renderCostShift));
  byId("follow-up-run").addEventListener("click", () => void exclusive(runFollowUp));
  byId("view-costs").addEventListener(VIEW_SHOWN, () => void fillSheetChoices().catch(() => undefined));
  // The view may start after its tab was shown (its script loads then): fill now too.
  void fillSheetChoices().catch(() => undefined);
  onValidated(renderCostShift);
  renderCostShift();
}
