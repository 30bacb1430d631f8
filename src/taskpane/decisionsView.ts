import { AWAITING_STATUS, decisionItems, decisionSheetRow, DECISION_HEADERS, type DecisionItem } from "../core/decisions";
import { BOENDEFORM_INFO } from "../core/boendeform";
import { SHEET_SPECS } from "../core/sheets";
import { parseIsoDate, todayIso } from "../core/values";
import { MATTER_HEADERS, matterRowFor, readMatters } from "../core/matters";
import { addSheets, appendToOwnSheet } from "../excel/adapter";
import { byId, el } from "./dom";
import { exclusive, onValidated, state } from "./state";
import { runValidation } from "./validateView";

const HEADERS = ["Blad", "Rad", "ISO-kod", "Benämning", "Skäl (kod §)", "Motivering", "Ekonomisk beräkning", "Konsekvensanalys"];
const DECIDED_HEADERS = ["Blad", "Rad", "ISO-kod", "Benämning", "Skäl (kod §)", "Beslut", "Datum", "Beslutsreferens"];

const asCells = (d: DecisionItem) => [
  d.sheet,
  d.row === null ? "–" : String(d.row),
  d.iso ?? "–",
  d.title,
  d.reasons.join("; "),
  d.motivering || "saknas",
  d.ekonomisk || "saknas",
  d.konsekvens || "saknas",
];
const asDecidedCells = (d: DecisionItem) => [d.sheet, d.row === null ? "–" : String(d.row), d.iso ?? "–", d.title, d.reasons.join("; "), d.decision?.beslut ?? "", d.decision?.datum ?? "", d.decision?.referens ?? ""];

function items(): DecisionItem[] {
  return state.model ? decisionItems(state.model, state.findings) : [];
}

function table(id: string, headers: readonly string[], rows: readonly DecisionItem[], cells: (d: DecisionItem) => string[]): void {
  const head = el("thead", {}, [el("tr", {}, headers.map((h) => el("th", { text: h, attrs: { scope: "col" } })))]);
  const body = el(
    "tbody",
    {},
    rows.map((d) =>
      el(
        "tr",
        { attrs: { "data-sheet": d.sheet, "data-row": d.row === null ? "" : String(d.row) } },
        cells(d).map((c, i) => el("td", { text: c, className: c === "saknas" ? "missing" : "", attrs: { "data-label": headers[i]! } })),
      ),
    ),
  );
  byId<HTMLTableElement>(id).replaceChildren(head, body);
}

const itemKey = (d: DecisionItem) => `${d.sheet}\u0000${d.row ?? ""}`;

/** A row label for the select, short enough for a narrow pane. */
const itemLabel = (d: DecisionItem) => `${d.row === null ? d.sheet : `${d.sheet} rad ${d.row}`}: ${d.iso ?? "hela arbetsboken"}${d.title ? ` ${d.title}` : ""}`;

function render(): void {
  const all = items();
  const undecided = all.filter((d) => d.decision === null);
  const decided = all.filter((d) => d.decision !== null);
  table("decision-table", HEADERS, undecided, asCells);
  table("decided-table", DECIDED_HEADERS, decided, asDecidedCells);
  byId("undecided-heading").textContent = `Väntar på beslut (${undecided.length})`;
  byId("decided-heading").textContent = `Beslutade (${decided.length})`;
  byId("decided-heading").hidden = decided.length === 0;
  byId("undecided-heading").hidden = undecided.length === 0;
  byId("decided-table").hidden = decided.length === 0;
  byId("decision-empty").hidden = undecided.length > 0;
  byId("decision-empty").textContent = !state.model
    ? "Granska bilagorna först (fliken Granska)."
    : decided.length > 0
      ? "Inget väntar på beslut: allt som krävde huvudmännens beslut är beslutat."
      : "Inga rader kräver huvudmännens beslut.";
  byId<HTMLButtonElement>("export-decisions").disabled = undecided.length === 0;
  byId<HTMLButtonElement>("copy-decisions").disabled = undecided.length === 0;
  const select = byId<HTMLSelectElement>("record-row");
  const current = select.value;
  select.replaceChildren(...undecided.map((d) => el("option", { text: itemLabel(d), attrs: { value: itemKey(d) } })));
  if (undecided.some((d) => itemKey(d) === current)) select.value = current;
  byId("record-decision").hidden = undecided.length === 0;
  byId<HTMLButtonElement>("record-run").disabled = undecided.length === 0;
  byId<HTMLButtonElement>("record-matter").disabled = undecided.length === 0;
}

/** Tab-separated text, ready to paste into a memo or a sheet. */
export function decisionText(rows: readonly DecisionItem[]): string {
  return [HEADERS, ...rows.map(asCells)].map((cells) => cells.map((c) => c.replace(/[\t\r\n]+/g, " ")).join("\t")).join("\n");
}

const undecidedItems = () => items().filter((d) => d.decision === null);

async function copy(): Promise<void> {
  const text = decisionText(undecidedItems());
  const status = byId("decision-status");
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = "Beslutsunderlaget är kopierat.";
  } catch {
    // Clipboard access can be blocked in Office; show the text selected so Ctrl+C works.
    const area = byId<HTMLTextAreaElement>("decision-text");
    area.value = text;
    area.hidden = false;
    area.select();
    status.textContent = "Markera och kopiera texten nedan (Ctrl+C).";
  }
}

async function exportSheet(): Promise<void> {
  const rows = undecidedItems();
  const status = byId("decision-status");
  try {
    const result = await Excel.run(async (context) => {
      const names = context.workbook.worksheets;
      names.load("items/name");
      await context.sync();
      const taken = new Set(names.items.map((w) => w.name.toLowerCase()));
      let name = "Beslutsunderlag";
      for (let n = 2; taken.has(name.toLowerCase()); n++) name = `Beslutsunderlag ${n}`;
      return addSheets(context, [{ name, rows: [HEADERS, ...rows.map(asCells)], headerRow: 1 }]);
    });
    status.textContent = `Skapade bladet ${result.added.join(", ")}.`;
  } catch (e) {
    status.textContent = `Kunde inte skapa bladet: ${(e as Error).message}`;
  }
}

/**
 * Records the huvudmän's decision for the chosen row: one new row in the Beslut sheet (created
 * when missing), nothing else in the workbook; then reviews again so the row shows as decided.
 */
async function record(): Promise<void> {
  const status = byId("decision-status");
  const item = undecidedItems().find((d) => itemKey(d) === byId<HTMLSelectElement>("record-row").value);
  const dateText = byId<HTMLInputElement>("record-date").value.trim();
  const date = parseIsoDate(dateText);
  const reference = byId<HTMLInputElement>("record-reference").value.trim();
  const decision = byId<HTMLInputElement>("record-decision-text").value.trim();
  const by = byId<HTMLInputElement>("record-by").value.trim();
  const missing = [!item ? "raden" : "", !date ? "beslutsdatum (ÅÅÅÅ-MM-DD)" : "", !reference ? "beslutsreferens" : "", !decision ? "vad som beslutades" : ""].filter((m) => m);
  if (missing.length > 0 || !item || !date) {
    status.textContent = `Fyll i ${missing.join(", ")}. Inget skrevs.`;
    return;
  }
  // A decision about some housing forms only names the form when it is one; otherwise the whole row.
  const form = item.forms.length === 1 ? BOENDEFORM_INFO[item.forms[0]!].shortSv : "";
  const row = decisionSheetRow({ datum: date, referens: reference, iso: item.iso, bilaga: item.bilaga, boendeform: form, beslut: decision, beslutatAv: by });
  try {
    await Excel.run((context) => appendToOwnSheet(context, SHEET_SPECS.BESLUT.name, DECISION_HEADERS, [row]));
  } catch (e) {
    status.textContent = `Kunde inte föra in beslutet: ${(e as Error).message}. Inget skrevs.`;
    return;
  }
  for (const id of ["record-reference", "record-decision-text"]) byId<HTMLInputElement>(id).value = "";
  await runValidation();
  status.textContent = `Beslutet för ${itemLabel(item)} är infört i bladet ${SHEET_SPECS.BESLUT.name}${item.flagged ? `. Raden har fortfarande Status ${AWAITING_STATUS}; ändra den till Beslutad när bilagan uppdaterats` : ""}.`;
}

/**
 * Turns the chosen row into a matter: one new row in the Ärenden sheet (created when missing), on
 * the user's click, nothing else in the workbook; then reviews again so the register shows it.
 */
async function recordMatter(): Promise<void> {
  const status = byId("decision-status");
  const item = undecidedItems().find((d) => itemKey(d) === byId<HTMLSelectElement>("record-row").value);
  if (!item || !state.model) {
    status.textContent = "Välj en rad. Inget skrevs.";
    return;
  }
  const row = matterRowFor(item, readMatters(state.model), todayIso());
  try {
    await Excel.run((context) => appendToOwnSheet(context, SHEET_SPECS.ARENDEN.name, MATTER_HEADERS, [row]));
  } catch (e) {
    status.textContent = `Kunde inte lägga till ärendet: ${(e as Error).message}. Inget skrevs.`;
    return;
  }
  await runValidation();
  status.textContent = `Ärende ${row[0]} för ${itemLabel(item)} är infört i bladet ${SHEET_SPECS.ARENDEN.name} (status Inkommen).`;
}

export function initDecisionsView(): void {
  byId("record-matter").addEventListener("click", () => void exclusive(recordMatter));
  byId("copy-decisions").addEventListener("click", () => void copy());
  byId("export-decisions").addEventListener("click", () => void exclusive(exportSheet));
  byId("record-run").addEventListener("click", () => void exclusive(record));
  onValidated(render);
  render();
}
