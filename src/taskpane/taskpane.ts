import { BOENDEFORM_INFO, BOENDEFORMER } from "../core/boendeform";
import { whoPays } from "../core/whoPays";
import { currentBasis } from "../excel/modelSource";

/** Shown when the page is opened outside Excel (office.js absent or another host). */
export const NOT_IN_EXCEL = "Kostnadsansvar är ett tillägg för Excel. Öppna det i Excel (Windows, Mac eller Excel på webben) via knappen på fliken Start.";

function byId<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

function showNotInExcel(): void {
  const status = byId<HTMLParagraphElement>("status");
  status.className = "notice";
  status.textContent = NOT_IN_EXCEL;
}

async function start(): Promise<void> {
  const select = byId<HTMLSelectElement>("boendeform");
  for (const key of BOENDEFORMER) {
    const option = document.createElement("option");
    option.value = key;
    option.textContent = BOENDEFORM_INFO[key].nameSv;
    select.append(option);
  }
  const basis = await currentBasis();
  byId("status").textContent = `Svarar ur ${basis.label}.`;
  byId("lookup").hidden = false;
  byId<HTMLFormElement>("lookup-form").addEventListener("submit", (event) => {
    event.preventDefault();
    void answer();
  });
}

async function answer(): Promise<void> {
  const basis = await currentBasis();
  const result = whoPays(
    {
      iso: byId<HTMLInputElement>("iso").value,
      boendeform: byId<HTMLSelectElement>("boendeform").value,
      age: byId<HTMLInputElement>("age").value,
      specialanpassad: byId<HTMLInputElement>("special").checked,
    },
    basis.index,
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

if (typeof Office === "undefined") {
  document.addEventListener("DOMContentLoaded", showNotInExcel);
} else {
  void Office.onReady((info) => {
    if (info.host !== Office.HostType.Excel) showNotInExcel();
    else void start();
  });
}
