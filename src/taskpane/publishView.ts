import { CHANGE_LOG_HEADERS, CHANGE_LOG_SHEET, changeLogRows, describeChangeSv } from "../core/editions/changeLog";
import { diffModels } from "../core/editions/diff";
import { editionFromModel, editionModel, parseEdition, serializeEdition } from "../core/editions/edition";
import { editionFileStem } from "../core/editions/publication";
import { readEditionInfo } from "../core/utgava";
import { publishReadiness, type PublishReadiness } from "../core/editions/readiness";
import { publishInWorkbook } from "../excel/adapter";
import { invalidateBasis } from "../excel/modelSource";
import { byId, el } from "./dom";
import { exclusive, onValidated, previousEdition, state } from "./state";
import { runValidation } from "./validateView";

/** The core's publish check on the form as filled in (every rule, as the CLI's publicera applies it). */
function readiness(): PublishReadiness | null {
  if (!state.model) return null;
  const name = byId<HTMLInputElement>("publish-name").value.trim();
  const decided = byId<HTMLInputElement>("publish-decided").value;
  const effective = byId<HTMLInputElement>("publish-effective").value;
  return publishReadiness(state.model, state.findings, { name, decided, effective, published: state.storedEditions.map((e) => e.name) });
}

/** Why publishing is not possible now, in Swedish; empty when it is. */
export function publishBlockers(r: PublishReadiness | null = readiness()): Array<{ text: string; items: readonly string[] }> {
  if (!r) return [{ text: "Granska bilagorna först.", items: [] }];
  return r.blockers.map((b) => ({ text: b.code === "ERRORS" ? `${b.message} Se fliken Granska.` : b.message, items: b.items }));
}

function render(): void {
  const previous = previousEdition();
  byId("publish-previous").textContent = previous
    ? `Jämförs med utgåva ${previous.name}${previous.effective ? ` (gäller från ${previous.effective})` : ""}${state.loadedPrevious ? ", inläst från fil" : ", publicerad i arbetsboken"}.`
    : "Ingen tidigare utgåva: arbetsboken har ingen publicerad utgåva. Läs in en från fil om den finns.";
  const list = byId("publish-changes");
  if (state.model && previous) {
    const changes = diffModels(editionModel(previous), state.model);
    list.replaceChildren(...(changes.length > 0 ? changes.map((c) => el("li", { text: describeChangeSv(c) })) : [el("li", { text: "Inga ändringar." })]));
  } else {
    list.replaceChildren();
  }
  const blockers = publishBlockers();
  byId("publish-blockers").replaceChildren(
    ...blockers.map((b) => el("li", { text: b.text }, b.items.length > 0 ? [el("ul", {}, b.items.map((i) => el("li", { text: i })))] : [])),
  );
  byId<HTMLButtonElement>("publish-run").disabled = blockers.length > 0;
}

/** Fills name and dates from the Utgåva sheet the first time a validation has read it. */
function prefill(): void {
  if (!state.model) return;
  const info = readEditionInfo(state.model);
  const fill = (id: string, value: string | null) => {
    const input = byId<HTMLInputElement>(id);
    if (!input.value && value) input.value = value;
  };
  fill("publish-name", info.name);
  // As written, so that a Beslutad that is no date is said to be one, not to be missing.
  fill("publish-decided", info.written.beslutad);
  fill("publish-effective", info.written.giltigFran);
}

async function loadPreviousFromFile(file: File): Promise<void> {
  const status = byId("publish-status");
  const parsed = parseEdition(await file.text(), file.name);
  if (!parsed.ok) {
    status.textContent = parsed.message;
    return;
  }
  state.loadedPrevious = parsed.edition;
  status.textContent = `Läste in utgåva ${parsed.edition.name}. Granskar igen mot den …`;
  await runValidation();
}

/** Publishes: snapshot, change log sheet, edition stored in the workbook, JSON offered for download. */
async function publish(): Promise<void> {
  const status = byId("publish-status");
  await runValidation();
  const checked = readiness();
  if (!checked || !state.model || publishBlockers(checked).length > 0) {
    render();
    status.textContent = "Publiceringen avbröts; se punkterna ovan.";
    return;
  }
  const name = byId<HTMLInputElement>("publish-name").value.trim();
  // The dates as the check read them: no blocker means both are dates.
  const decided = checked.dates.decided!;
  const effective = checked.dates.effective!;
  const previous = previousEdition();
  const edition = editionFromModel(state.model, { name, decided, effective }, state.raw);
  const json = serializeEdition(edition);
  const changes = previous ? diffModels(editionModel(previous), state.model) : [];
  try {
    await Excel.run((context) => publishInWorkbook(context, json, { name: CHANGE_LOG_SHEET, headers: CHANGE_LOG_HEADERS, rows: changeLogRows(name, changes) }));
  } catch (e) {
    status.textContent = `Kunde inte publicera: ${(e as Error).message}. Inget lagrades.`;
    return;
  }
  state.storedEditions = [...state.storedEditions, edition].sort((a, b) => (a.effective ?? "").localeCompare(b.effective ?? ""));
  state.loadedPrevious = null;
  invalidateBasis();
  const link = byId<HTMLAnchorElement>("publish-download");
  if (link.href.startsWith("blob:")) URL.revokeObjectURL(link.href);
  link.href = URL.createObjectURL(new Blob([json], { type: "application/json" }));
  link.download = `${editionFileStem(name)}.json`;
  link.textContent = `Ladda ned ${link.download}`;
  link.hidden = false;
  status.textContent = `Publicerade utgåva ${name} (${changes.length} ${changes.length === 1 ? "ändring skriven" : "ändringar skrivna"} till bladet ${CHANGE_LOG_SHEET}). Utgåvan är sparad i arbetsboken; nästa granskning jämför mot den.`;
  render();
}

export function initPublishView(): void {
  for (const id of ["publish-name", "publish-decided", "publish-effective"]) byId(id).addEventListener("input", render);
  byId("publish-run").addEventListener("click", () => void exclusive(publish));
  byId("publish-preview").addEventListener("click", () => void runValidation());
  byId<HTMLInputElement>("publish-previous-file").addEventListener("change", (event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    // Cleared, so that choosing the same file again is noticed.
    input.value = "";
    byId("publish-previous-file-name").textContent = file ? file.name : "Ingen fil vald";
    if (file) void loadPreviousFromFile(file);
  });
  onValidated(() => {
    prefill();
    render();
  });
  render();
}
