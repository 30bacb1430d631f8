import { BOENDEFORM_INFO, BOENDEFORMER } from "../core/boendeform";
import { INPUT_ERROR_SV, RULE_SV, payerHeadline } from "../core/editions/guideText";
import { whoPaysOnDate } from "../core/editions/inForce";
import type { WorkbookModel } from "../core/model";
import { hitNoteSv, searchEntries, searchLists, type SearchEntry } from "../core/search";
import { currentBasis } from "../excel/modelSource";
import { byId, debounce, el } from "./dom";

/** Hits shown at most; the count says how many there are. */
const MAX_HITS = 10;

/** The search list of a model, built once per model (the guide's search: one derivation in the core). */
const entriesOf = new WeakMap<WorkbookModel, SearchEntry[]>();

async function answer(): Promise<void> {
  let basis;
  try {
    basis = await currentBasis();
  } catch (e) {
    byId("lookup-basis").textContent = (e as Error).message;
    return;
  }
  byId("lookup-basis").textContent = `Svarar ur ${basis.label}.`;
  // Today's answer, from the edition in force (as =HJM.VEM_BETALAR gives it).
  const result = whoPaysOnDate(
    {
      iso: byId<HTMLInputElement>("iso").value,
      boendeform: byId<HTMLSelectElement>("boendeform").value,
      age: byId<HTMLInputElement>("age").value,
      specialanpassad: byId<HTMLInputElement>("special").checked,
    },
    basis.lists,
  );
  const box = byId("answer");
  box.hidden = false;
  if (!result.ok) {
    box.className = "answer error";
    byId("answer-payer").textContent = "Kan inte svara";
    byId("answer-rule").textContent = INPUT_ERROR_SV[result.code];
    byId("answer-code").textContent = result.code;
    byId("answer-explanation").textContent = result.message;
    return;
  }
  // The verdict and the rule in words first (as the guide says them), the code and § beside.
  box.className = result.payer ? "answer" : "answer none";
  box.dataset.payer = result.payer ?? "";
  box.dataset.rule = result.rule;
  byId("answer-payer").textContent = payerHeadline(result.payer, result.rule);
  byId("answer-rule").textContent = RULE_SV[result.rule];
  byId("answer-code").textContent = `Regel ${result.rule}, ${result.section}`;
  byId("answer-explanation").textContent = result.explanation;
}

async function showHits(): Promise<void> {
  const input = byId<HTMLInputElement>("iso");
  const list = byId("lookup-hits");
  const count = byId("lookup-hit-count");
  const text = input.value;
  if (text.trim() === "") {
    list.replaceChildren();
    count.textContent = "";
    return;
  }
  let model: WorkbookModel;
  try {
    model = (await currentBasis()).model;
  } catch {
    return; // the answer says why the lists cannot be read
  }
  if (input.value !== text) return; // typed on meanwhile
  let entries = entriesOf.get(model);
  if (!entries) entriesOf.set(model, (entries = searchEntries(model)));
  const hits = searchLists(entries, text);
  count.textContent =
    hits.length === 0 ? "Inga träffar i bilagorna. Du kan ändå fråga om koden." : hits.length > MAX_HITS ? `${hits.length} träffar, de ${MAX_HITS} första visas.` : `${hits.length} ${hits.length === 1 ? "träff" : "träffar"}.`;
  list.replaceChildren(
    ...hits.slice(0, MAX_HITS).map((hit) => {
      const button = el("button", { className: "hit", attrs: { type: "button", "data-code": hit.entry.code, "data-coverage": hit.entry.coverage.kind } }, [
        el("span", { className: "code", text: hit.entry.code }),
        document.createTextNode(` ${hit.entry.title}`),
        el("span", { className: "note", text: hitNoteSv(hit) }),
      ]);
      button.addEventListener("click", () => {
        input.value = hit.entry.code;
        list.replaceChildren();
        count.textContent = "";
        if (byId<HTMLInputElement>("age").value.trim() !== "") void answer();
        else byId("age").focus();
      });
      return el("li", {}, [button]);
    }),
  );
}

export function initLookupView(): void {
  const select = byId<HTMLSelectElement>("boendeform");
  for (const key of BOENDEFORMER) select.append(el("option", { text: BOENDEFORM_INFO[key].shortSv, attrs: { value: key, title: BOENDEFORM_INFO[key].nameSv } }));
  byId<HTMLInputElement>("iso").addEventListener("input", debounce(() => void showHits(), 150));
  byId<HTMLFormElement>("lookup-form").addEventListener("submit", (event) => {
    event.preventDefault();
    byId("lookup-hits").replaceChildren();
    byId("lookup-hit-count").textContent = "";
    void answer();
  });
}
