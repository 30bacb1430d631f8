import { readWorkbook } from "../core/model";
import { codeWithSection, SEVERITY_SV, summarize, summarySv, type Finding, type Severity } from "../core/validation/finding";
import { groupByCause, type FindingGroup } from "../core/validation/group";
import { changeChecksNotRunSv, validationSteps } from "../core/validation/validateWorkbook";
import { readEditionInfo } from "../core/utgava";
import { editionModel } from "../core/editions/edition";
import { readBilagorAndEditions, ReadCancelled, selectCell, watchBilagorSheets } from "../excel/adapter";
import { parseStoredEditions } from "../excel/basis";
import { invalidateBasis } from "../excel/modelSource";
import { byId, debounce, el, yieldToUi } from "./dom";
import { flag, flaggedCount, unflagAll } from "./flags";
import { exclusive, notifyValidated, previousEdition, state } from "./state";

/** At most this many findings are drawn at once; the rest behind "Visa fler". */
const PAGE = 300;
const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];
const SEVERITY_HEADINGS: Record<Severity, string> = { error: "Fel", warning: "Varningar", info: "Upplysningar" };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

let shown = PAGE;

/** The view's own status line: what Granska is doing or found (never shown on another tab). */
function setStatus(text: string): void {
  byId("validate-status").textContent = text;
}

let inFlight: Promise<void> | null = null;

/**
 * Reads the open workbook's bilagor and runs every check, in chunks so Excel never sees a hung
 * pane. A call during a run waits for that run, so callers always see finished results.
 */
export function runValidation(): Promise<void> {
  inFlight ??= validate().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

async function validate(): Promise<void> {
  state.cancelled = false;
  const progress = byId<HTMLProgressElement>("progress");
  const run = byId<HTMLButtonElement>("run-validation");
  const cancel = byId<HTMLButtonElement>("cancel-validation");
  progress.hidden = false;
  progress.value = 0;
  run.disabled = true;
  cancel.hidden = false;
  // The start-up line above the tabs has done its job once a review runs.
  byId("status").textContent = "";
  setStatus("Läser bilagorna …");
  try {
    let storedProblem = "";
    const { workbook: raw, editions: stored, editionsError } = await Excel.run((context) =>
      readBilagorAndEditions(context, (done, total) => (progress.value = total === 0 ? 0.7 : (0.7 * done) / total), () => state.cancelled),
    );
    if (editionsError) storedProblem = ` De publicerade utgåvorna kunde inte läsas (${editionsError.message}); ändringskontrollerna körs inte.`;
    const model = readWorkbook(raw);
    state.storedEditions = parseStoredEditions(stored).sort((a, b) => (a.effective ?? "").localeCompare(b.effective ?? ""));
    const damaged = stored.length - state.storedEditions.length;
    if (damaged > 0) storedProblem += damaged === 1 ? " 1 sparad utgåva i arbetsboken är skadad och används inte." : ` ${damaged} sparade utgåvor i arbetsboken är skadade och används inte.`;
    const previous = previousEdition();
    setStatus("Granskar …");
    // The core's own validation, step by step: the pane yields to the UI between the checks.
    const steps = validationSteps(model, { previous: previous ? { name: previous.name, model: editionModel(previous) } : null });
    let findings: Finding[];
    for (;;) {
      if (state.cancelled) throw new ReadCancelled();
      const step = steps.next();
      if (step.done) {
        findings = step.value;
        break;
      }
      progress.value = 0.7 + (0.3 * step.value.done) / step.value.total;
      await yieldToUi();
    }
    state.model = model;
    state.raw = raw;
    state.findings = findings;
    // The functions answer from the bilagor just read.
    invalidateBasis();
    shown = PAGE;
    const s = summarize(state.findings);
    const against = previous ? ` Jämfört med utgåva ${previous.name}.` : ` ${changeChecksNotRunSv(readEditionInfo(model).foregaende, "Läs in den senast publicerade utgåvan under Publicera.")}`;
    setStatus(`Granskat ${new Date().toLocaleTimeString("sv-SE")}: ${summarySv(s)}${against}${storedProblem}`);
    render();
    notifyValidated();
  } catch (e) {
    setStatus(e instanceof ReadCancelled ? "Granskningen avbröts. Inget ändrades." : `Kunde inte granska arbetsboken: ${(e as Error).message}`);
  } finally {
    run.disabled = false;
    cancel.hidden = true;
    progress.hidden = true;
  }
}

function filtered(): Finding[] {
  const severity = byId<HTMLSelectElement>("filter-severity").value;
  const sheet = byId<HTMLSelectElement>("filter-sheet").value;
  const decision = byId<HTMLInputElement>("filter-decision").checked;
  const text = byId<HTMLInputElement>("filter-text").value.trim().toLowerCase();
  return state.findings.filter(
    (f) =>
      (!severity || f.severity === severity) &&
      (!sheet || f.sheet === sheet) &&
      (!decision || (f.needsDecision && !f.decision)) &&
      (!text || `${f.code} ${f.message} ${f.cell ?? ""} ${f.column ?? ""}`.toLowerCase().includes(text)),
  );
}

function renderSummary(): void {
  const s = summarize(state.findings);
  for (const key of ["errors", "warnings", "info", "needsDecision", "decided"] as const) {
    const node = document.querySelector<HTMLElement>(`#summary [data-count="${key}"]`);
    if (node) node.textContent = String(s[key]);
  }
  byId("summary").hidden = false;
  const flagAll = byId<HTMLButtonElement>("flag-all");
  flagAll.disabled = s.needsDecision === 0;
  byId("filters-count").textContent = activeFilters() > 0 ? ` (${activeFilters()} aktiva)` : "";
  byId<HTMLButtonElement>("unflag-all").disabled = flaggedCount() === 0;
}

function renderSheetFilter(): void {
  const select = byId<HTMLSelectElement>("filter-sheet");
  const current = select.value;
  select.replaceChildren(el("option", { text: "Alla blad", attrs: { value: "" } }));
  for (const sheet of new Set(state.findings.map((f) => f.sheet))) select.append(el("option", { text: sheet, attrs: { value: sheet } }));
  select.value = [...select.options].some((o) => o.value === current) ? current : "";
}

function activeFilters(): number {
  return ["filter-severity", "filter-sheet", "filter-text"].filter((id) => byId<HTMLInputElement>(id).value.trim() !== "").length + (byId<HTMLInputElement>("filter-decision").checked ? 1 : 0);
}

/** One card per cause: the cells of one row with one message, and one flag button per row. */
function groupItem(g: FindingGroup, flagButtonFor: Set<string>): HTMLLIElement {
  const first = g.cells[0]!;
  const where = first.cell ?? (first.row !== null ? `rad ${first.row}` : "bladet");
  const goto = el("button", { className: "goto", text: where, attrs: { type: "button", title: `Gå till ${g.sheet}!${where}` } });
  goto.disabled = g.row === null;
  goto.addEventListener("click", () => void goTo(g.findings[0]!));
  const others = g.cells.slice(1).map((c) => c.cell ?? "").filter((c) => c !== "");
  const badge = g.decision
    ? el("span", { className: "badge decided", text: `Beslutat${g.decision.datum ? ` ${g.decision.datum}` : ""}${g.decision.referens ? `, ${g.decision.referens}` : ""}` })
    : g.needsDecision
      ? el("span", { className: "badge", text: "Kräver huvudmannabeslut" })
      : null;
  const item = el(
    "li",
    {
      className: `finding ${g.severity}${g.decision ? " decided" : ""}`,
      attrs: { "data-code": g.code, "data-sheet": g.sheet, "data-cell": first.cell ?? "", "data-cells": g.cells.map((c) => c.cell ?? "").join(" "), "data-severity": g.severity },
    },
    [
      el("div", { className: "finding-head" }, [goto, others.length > 0 ? el("span", { className: "cells", text: `+ ${others.join(", ")}` }) : null, el("span", { className: "code", text: codeWithSection(g) }), badge]),
      el("p", { className: "message", text: g.message }),
    ],
  );
  const rowKey = `${g.sheet}\u0000${g.row}`;
  if (g.needsDecision && !g.decision && g.row !== null && flagButtonFor.has(rowKey)) {
    flagButtonFor.delete(rowKey);
    const button = el("button", { className: "flag", text: "Flagga raden", attrs: { type: "button", title: `Sätter Status till Kräver huvudmannabeslut på ${g.sheet} rad ${g.row}` } });
    button.addEventListener("click", () => void exclusive(() => flagFindings(g.findings)));
    item.append(button);
  }
  return item;
}

/** Draws the findings grouped by sheet, then severity, one card per cause. */
export function render(): void {
  renderSummary();
  renderSheetFilter();
  const list = byId("findings");
  const all = groupByCause(filtered());
  const visible = all.slice(0, shown);
  // One flag button per row, on the row's first card that needs a decision.
  const flagButtonFor = new Set(visible.filter((g) => g.needsDecision && !g.decision && g.row !== null).map((g) => `${g.sheet}\u0000${g.row}`));
  const groups = new Map<string, FindingGroup[]>();
  for (const g of visible) {
    const list = groups.get(g.sheet);
    if (list) list.push(g);
    else groups.set(g.sheet, [g]);
  }
  const sections: HTMLElement[] = [];
  for (const [sheet, causes] of groups) {
    const section = el("section", { className: "group", attrs: { "data-sheet": sheet } }, [el("h3", { text: `${sheet} (${causes.length})` })]);
    // The headings count as the tiles do (summarize): undecided problems by severity, decided apart.
    for (const severity of SEVERITIES) {
      const ofSeverity = causes.filter((g) => g.severity === severity && g.decision === null);
      if (ofSeverity.length === 0) continue;
      section.append(el("h4", { className: severity, text: `${SEVERITY_HEADINGS[severity]} (${ofSeverity.length})` }), el("ul", {}, ofSeverity.map((g) => groupItem(g, flagButtonFor))));
    }
    const decided = causes.filter((g) => g.decision !== null);
    if (decided.length > 0) section.append(el("h4", { className: "decided", text: `Beslutade (${decided.length})` }), el("ul", {}, decided.map((g) => groupItem(g, flagButtonFor))));
    sections.push(section);
  }
  if (state.findings.length === 0) sections.push(el("p", { className: "empty", text: "Inga fynd – bilagorna klarar alla kontroller." }));
  else if (all.length === 0) sections.push(el("p", { className: "empty", text: "Inga fynd matchar filtret." }));
  if (all.length > shown) {
    const more = el("button", { className: "more", text: `Visa fler (${all.length - shown} till)`, attrs: { type: "button" } });
    more.addEventListener("click", () => {
      const firstNew = shown;
      shown += PAGE;
      render();
      // The button is redrawn: move focus to the first finding it revealed.
      byId("findings").querySelectorAll<HTMLButtonElement>("li.finding button.goto")[firstNew]?.focus();
    });
    sections.push(more);
  }
  list.replaceChildren(...sections);
}

async function goTo(f: Finding): Promise<void> {
  if (f.row === null) return;
  try {
    await Excel.run((context) => selectCell(context, f.sheet, f.cell ?? `A${f.row}`));
  } catch (e) {
    setStatus(`Kunde inte gå till ${f.sheet}: ${(e as Error).message}`);
  }
}

async function flagFindings(findings: readonly Finding[]): Promise<void> {
  if (!state.model) return;
  try {
    const { flagged, withoutStatus, moved } = await flag(state.model, findings);
    const note =
      (withoutStatus > 0 ? ` ${withoutStatus === 1 ? "1 rad saknar" : `${withoutStatus} rader saknar`} kolumnen Status och markerades bara med färg.` : "") +
      (moved > 0 ? ` ${moved === 1 ? "1 rad har" : `${moved} rader har`} flyttats eller ändrats sedan granskningen och lämnades orörda – granska igen.` : "");
    setStatus(flagged === 0 ? "Raderna var redan flaggade." : `Flaggade ${plural(flagged, "rad", "rader")} för huvudmannabeslut.${note}`);
  } catch (e) {
    setStatus(`Kunde inte flagga: ${(e as Error).message}`);
  }
  renderSummary();
}

async function removeFlags(): Promise<void> {
  try {
    const restored = await unflagAll();
    setStatus(`Tog bort flaggorna på ${plural(restored, "rad", "rader")}; Status och färg är återställda.`);
  } catch (e) {
    setStatus(`Kunde inte ta bort flaggor: ${(e as Error).message}`);
  }
  renderSummary();
}

let watching = false;
const revalidateSoon = debounce(() => {
  if (byId<HTMLInputElement>("auto-validate").checked) void runValidation();
}, 2000);

/** Wires the view's controls. */
export function initValidateView(): void {
  byId("run-validation").addEventListener("click", () => void runValidation());
  byId("cancel-validation").addEventListener("click", () => {
    state.cancelled = true;
  });
  for (const id of ["filter-severity", "filter-sheet", "filter-decision"]) {
    byId(id).addEventListener("change", () => {
      shown = PAGE;
      render();
    });
  }
  byId("filter-text").addEventListener("input", debounce(() => render(), 150));
  byId("flag-all").addEventListener("click", () => void exclusive(() => flagFindings(state.findings)));
  byId("unflag-all").addEventListener("click", () => void exclusive(removeFlags));
  byId<HTMLInputElement>("auto-validate").addEventListener("change", (event) => {
    if (!(event.target as HTMLInputElement).checked || watching) return;
    watching = true;
    void Excel.run((context) => watchBilagorSheets(context, revalidateSoon)).catch(() => {
      watching = false;
    });
  });
  byId<HTMLButtonElement>("unflag-all").disabled = flaggedCount() === 0;
  for (const severity of SEVERITIES) {
    const option = document.querySelector<HTMLOptionElement>(`#filter-severity option[value="${severity}"]`);
    if (option) option.textContent = SEVERITY_SV[severity];
  }
}
