import { BOENDEFORM_INFO } from "../core/boendeform";
import { costLines, costShift } from "../core/costs/costShift";
import { followUp, kronor, readFollowUpRows, type FollowUp } from "../core/costs/followUp";
import { editionModel } from "../core/editions/edition";
import { sheetKeyOf } from "../core/model";
import { addReportSheet, readSheets, sheetNames } from "../excel/adapter";
import { currentBasis } from "../excel/modelSource";
import { byId, el } from "./dom";
import { exclusive, onValidated, previousEdition, state } from "./state";
import { runValidation } from "./validateView";

const kr = (n: number) => `${n.toLocaleString("sv-SE", { maximumFractionDigits: 2 })} kr`;

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
      [...shift.changes, ...shift.egenansvar].map((c) => [c.bilaga ? String(c.bilaga) : "–", c.iso, BOENDEFORM_INFO[c.boendeform].nameSv, c.from, c.to, kr(c.amount)]),
    );
    const direction = shift.netToKommun >= 0 ? "till kommunerna" : "till regionen";
    const judged = shift.neutral === null ? "Ingen tolerans är satt (bladet Utgåva)." : shift.neutral ? `Kostnadsneutral inom toleransen ${kr(shift.tolerance!)}.` : `Inte kostnadsneutral: mer än toleransen ${kr(shift.tolerance!)}. Kräver huvudmännens beslut (§6.3).`;
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
  const current = select.value;
  select.replaceChildren(...names.filter((n) => sheetKeyOf(n) === null).map((n) => el("option", { text: n, attrs: { value: n } })));
  if (names.includes(current)) select.value = current;
}

function reportRows(report: FollowUp): Array<Array<string | number>> {
  const base = report.baselineYear;
  return [
    ["Kvartal", "Kommun", "Region", `Kommun ${base ?? ""} (baslinje)`.trim(), `Region ${base ?? ""} (baslinje)`.trim(), "Egenansvar", "Ej fördelat"],
    ...report.quarters.map((q) => [q.quarter, kronor(q.totals.kommun), kronor(q.totals.region), q.baseline ? kronor(q.baseline.kommun) : "", q.baseline ? kronor(q.baseline.region) : "", kronor(q.totals.egenansvar), kronor(q.totals.unassigned)]),
  ];
}

/** Storsthlm's quarterly follow-up on a sheet of cost lines; the result goes to a new sheet with a chart. */
async function runFollowUp(): Promise<void> {
  const status = byId("follow-up-status");
  const sheet = byId<HTMLSelectElement>("follow-up-sheet").value;
  const baselineText = byId<HTMLInputElement>("follow-up-baseline").value.trim();
  if (!sheet) {
    status.textContent = "Välj bladet med kostnadsraderna.";
    return;
  }
  if (baselineText && !/^\d{4}$/.test(baselineText)) {
    status.textContent = "Baslinjeåret ska vara ett år, t.ex. 2025.";
    return;
  }
  try {
    const raw = await Excel.run((context) => readSheets(context, (n) => n === sheet));
    const source = raw.sheets[0];
    const input = readFollowUpRows(source?.rows ?? [], source?.firstRow ?? 1);
    if (input.missing.length > 0) {
      status.textContent = `Bladet ${sheet} saknar kolumnerna ${input.missing.join(", ")} i första raden.`;
      return;
    }
    const basis = await currentBasis();
    const report = followUp(input.lines, basis.lists, baselineText ? Number(baselineText) : undefined);
    table("follow-up-table", reportRows(report)[0]!.map(String), reportRows(report).slice(1).map((r) => r.map((c) => (typeof c === "number" ? kr(c) : c))), (i) => ({ "data-quarter": report.quarters[i]!.quarter }));
    const name = await Excel.run((context) => addReportSheet(context, { name: "Uppföljning", rows: reportRows(report), chart: { title: "Parternas kostnader per kvartal", columns: 5 } }));
    status.textContent = `Summa ${kr(kronor(report.inputOre + input.unreadOre))} = fördelat ${kr(kronor(report.assignedOre))} + ej fördelat ${kr(kronor(report.unassignedOre))}${input.unreadOre ? ` + oläsbart kvartal ${kr(kronor(input.unreadOre))}` : ""}. ${report.unassignedLines.length} rad(er) utan betalare, ${input.problems.length} oläsbara. Resultat och diagram på bladet ${name}.`;
  } catch (e) {
    status.textContent = `Kunde inte följa upp: ${(e as Error).message}`;
  }
}

export function initCostsView(): void {
  // Beräkna reads the workbook again first: Kostnader or the lists may have changed since the last review.
  byId("cost-shift-run").addEventListener("click", () => void runValidation().then(renderCostShift));
  byId("follow-up-run").addEventListener("click", () => void exclusive(runFollowUp));
  byId("tab-costs").addEventListener("click", () => void fillSheetChoices().catch(() => undefined));
  onValidated(renderCostShift);
  renderCostShift();
}
