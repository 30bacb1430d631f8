import type { BilagaRow, SheetTable, WorkbookModel } from "../core/model";
import type { Finding } from "../core/validation/finding";
import { valueOf } from "../core/values";
import { addSheets } from "../excel/adapter";
import { byId, el } from "./dom";
import { exclusive, onValidated, state } from "./state";

/** One row that needs a decision by the huvudmän, with the documentation §6.3 asks for. */
export interface DecisionRow {
  readonly sheet: string;
  readonly row: number;
  readonly iso: string;
  readonly title: string;
  readonly reasons: string;
  readonly motivering: string;
  readonly ekonomisk: string;
  readonly konsekvens: string;
}

const HEADERS = ["Blad", "Rad", "ISO-kod", "Benämning", "Skäl (kod §)", "Motivering", "Ekonomisk beräkning", "Konsekvensanalys"];

/** Rows with findings that need a decision, and rows already marked "Kräver huvudmannabeslut". */
export function decisionRows(model: WorkbookModel, findings: readonly Finding[]): DecisionRow[] {
  const reasons = new Map<string, Set<string>>();
  for (const f of findings) {
    if (!f.needsDecision || f.row === null) continue;
    const key = `${f.sheet}\u0000${f.row}`;
    (reasons.get(key) ?? reasons.set(key, new Set()).get(key)!).add(`${f.code} ${f.section}`);
  }
  const rows: DecisionRow[] = [];
  for (const table of Object.values(model.bilagor) as Array<SheetTable<BilagaRow>>) {
    for (const r of table.rows) {
      const key = `${table.name}\u0000${r.row}`;
      const marked = r.status.state === "ok" && r.status.value === "Kräver huvudmannabeslut";
      if (!reasons.has(key) && !marked) continue;
      const why = [...(reasons.get(key) ?? [])];
      if (marked) why.push("Status: Kräver huvudmannabeslut");
      rows.push({
        sheet: table.name,
        row: r.row,
        iso: valueOf(r.iso)?.code ?? "",
        title: r.title ?? r.product ?? "",
        reasons: why.join("; "),
        motivering: r.motivering ?? "",
        ekonomisk: r.ekonomisk?.text ?? "",
        konsekvens: r.konsekvens ?? "",
      });
    }
  }
  return rows;
}

const asCells = (d: DecisionRow) => [d.sheet, String(d.row), d.iso, d.title, d.reasons, d.motivering || "saknas", d.ekonomisk || "saknas", d.konsekvens || "saknas"];

function render(): void {
  const rows = state.model ? decisionRows(state.model, state.findings) : [];
  const table = byId<HTMLTableElement>("decision-table");
  const head = el("thead", {}, [el("tr", {}, HEADERS.map((h) => el("th", { text: h, attrs: { scope: "col" } })))]);
  const body = el(
    "tbody",
    {},
    rows.map((d) =>
      el("tr", { attrs: { "data-sheet": d.sheet, "data-row": String(d.row) } }, asCells(d).map((c, i) => el("td", { text: c, className: c === "saknas" ? "missing" : "", attrs: { "data-label": HEADERS[i]! } }))),
    ),
  );
  table.replaceChildren(head, body);
  byId("decision-empty").hidden = rows.length > 0;
  byId("decision-empty").textContent = state.model ? "Inga rader kräver huvudmännens beslut." : "Granska bilagorna först (fliken Granska).";
  byId<HTMLButtonElement>("export-decisions").disabled = rows.length === 0;
  byId<HTMLButtonElement>("copy-decisions").disabled = rows.length === 0;
}

/** Tab-separated text, ready to paste into a memo or a sheet. */
export function decisionText(rows: readonly DecisionRow[]): string {
  return [HEADERS, ...rows.map(asCells)].map((cells) => cells.map((c) => c.replace(/[\t\r\n]+/g, " ")).join("\t")).join("\n");
}

async function copy(): Promise<void> {
  const text = decisionText(state.model ? decisionRows(state.model, state.findings) : []);
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
  const rows = state.model ? decisionRows(state.model, state.findings) : [];
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

export function initDecisionsView(): void {
  byId("copy-decisions").addEventListener("click", () => void copy());
  byId("export-decisions").addEventListener("click", () => void exclusive(exportSheet));
  onValidated(render);
  render();
}
