import { BOENDEFORM_INFO, BOENDEFORMER } from "../core/boendeform";
import { whoPaysOnDate } from "../core/editions/inForce";
import { currentBasis } from "../excel/modelSource";
import { byId, el } from "./dom";

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
    byId("answer-rule").textContent = result.code;
    byId("answer-explanation").textContent = result.message;
    return;
  }
  box.className = result.payer ? "answer" : "answer none";
  byId("answer-payer").textContent = result.payer ?? "Ingen betalare";
  byId("answer-rule").textContent = `${result.rule} ${result.section}`;
  byId("answer-explanation").textContent = result.explanation;
}

export function initLookupView(): void {
  const select = byId<HTMLSelectElement>("boendeform");
  for (const key of BOENDEFORMER) select.append(el("option", { text: BOENDEFORM_INFO[key].shortSv, attrs: { value: key, title: BOENDEFORM_INFO[key].nameSv } }));
  byId<HTMLFormElement>("lookup-form").addEventListener("submit", (event) => {
    event.preventDefault();
    void answer();
  });
}
