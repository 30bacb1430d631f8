import { annualReport, annualReportRows } from "../core/annualReport";
import { columnLetter } from "../core/cells";
import { daysBetween, isOpen, matterTouches, readMatters, type Matter } from "../core/matters";
import { notAYearSv, readYearText, todayIso } from "../core/values";
import { addReportSheet, selectCell } from "../excel/adapter";
import { byId, el } from "./dom";
import { exclusive, onValidated, state } from "./state";

/*
 * The register of matters in the pane: the open matters by status and age, each with its codes,
 * the bilaga rows and findings they touch (a button goes to the row), the decided and closed ones
 * apart; and the annual report as a new sheet. Everything is read with the core's readMatters and
 * annualReport, from the last review's model.
 */

const DECIDED = new Set(["Beslutad av huvudmännen", "Beslutad i samverkansgruppen"]);

async function goTo(sheet: string, address: string): Promise<void> {
  try {
    await Excel.run((context) => selectCell(context, sheet, address));
  } catch (e) {
    byId("matters-status").textContent = `Kunde inte gå till ${sheet}: ${(e as Error).message}`;
  }
}

function item(m: Matter, today: string): HTMLLIElement {
  const days = m.inkom ? daysBetween(m.inkom, today) : null;
  const head = el("p", { className: "matter-head" }, [
    el("strong", { text: m.id ?? `rad ${m.row}` }),
    document.createTextNode(` ${m.status ?? "okänd status"} · ${m.type ?? "okänd typ"}${days !== null ? ` · ${days} dagar` : ""}`),
  ]);
  const children: Array<Node> = [head];
  if (m.description) children.push(el("p", { className: "matter-text", text: m.description }));
  children.push(el("p", { className: "matter-codes", text: m.codes.length > 0 ? `ISO-kod: ${m.codes.join(", ")}` : "Ingen ISO-kod angiven" }));
  const touches = state.model ? matterTouches(state.model, state.findings, m) : [];
  if (touches.length > 0) {
    const list = el("ul", { className: "matter-rows" });
    for (const t of touches) {
      const button = el("button", { text: `${t.sheet} rad ${t.row}: ${t.iso}`, attrs: { type: "button", "data-sheet": t.sheet, "data-row": String(t.row) } });
      button.addEventListener("click", () => void goTo(t.sheet, `${t.isoColumn ? columnLetter(t.isoColumn) : "A"}${t.row}`));
      list.append(el("li", {}, [button, t.findings.length > 0 ? document.createTextNode(` – ${t.findings.join(", ")}`) : null]));
    }
    children.push(list);
  }
  const go = el("button", { className: "link", text: "Gå till ärendet", attrs: { type: "button" } });
  go.addEventListener("click", () => void goTo(m.sheet, `A${m.row}`));
  children.push(go);
  return el("li", { attrs: { "data-matter": m.id ?? "", "data-status": m.status ?? "" } }, children);
}

function render(): void {
  const today = todayIso();
  const matters = state.model ? readMatters(state.model) : [];
  const open = matters.filter((m) => isOpen(m) && !DECIDED.has(m.status ?? ""));
  const decided = matters.filter((m) => !isOpen(m) || DECIDED.has(m.status ?? ""));
  // Oldest first within the documented order of statuses.
  open.sort((a, b) => (a.inkom ?? "").localeCompare(b.inkom ?? ""));
  byId("matters-open").replaceChildren(...open.map((m) => item(m, today)));
  byId("matters-decided").replaceChildren(...decided.map((m) => item(m, today)));
  byId("matters-open-heading").textContent = `Öppna (${open.length})`;
  byId("matters-decided-heading").textContent = `Beslutade och avslutade (${decided.length})`;
  byId("matters-open-heading").hidden = open.length === 0;
  byId("matters-decided-heading").hidden = decided.length === 0;
  byId("matters-empty").textContent = !state.model
    ? "Granska bilagorna först (fliken Granska)."
    : !state.model.arenden
      ? "Arbetsboken har inget blad Ärenden. Lägg till det med fliken Skapa, eller med knappen Lägg till som ärende under Beslut."
      : matters.length === 0
        ? "Bladet Ärenden har inga ärenden."
        : "";
  byId("matters-empty").hidden = byId("matters-empty").textContent === "";
  const year = byId<HTMLInputElement>("annual-year");
  if (year.value === "") year.value = today.slice(0, 4);
}

async function annual(): Promise<void> {
  const status = byId("matters-status");
  const yearText = byId<HTMLInputElement>("annual-year").value.trim();
  const year = readYearText(yearText);
  if (year === null) {
    status.textContent = `${notAYearSv("Året", yearText, 2026)} Inget skrevs.`;
    return;
  }
  if (!state.model) {
    status.textContent = "Granska bilagorna först (fliken Granska). Inget skrevs.";
    return;
  }
  const report = annualReport({ year, model: state.model, editions: state.storedEditions, followUp: null, today: todayIso() });
  try {
    const name = await Excel.run((context) => addReportSheet(context, { name: `Årsrapport ${yearText}`, rows: annualReportRows(report) }));
    status.textContent = `Skapade bladet ${name}${report.problems.length > 0 ? `; underlaget är ofullständigt (${report.problems.length}): ${report.problems.map((p) => p.code).join(", ")}` : ""}.`;
  } catch (e) {
    status.textContent = `Kunde inte skapa bladet: ${(e as Error).message}`;
  }
}

export function initMattersView(): void {
  byId("annual-run").addEventListener("click", () => void exclusive(annual));
  onValidated(render);
  render();
}
