import { registerCommands } from "../commands/commands";
import { initCostsView } from "./costsView";
import { initCreateView } from "./createView";
import { initDecisionsView } from "./decisionsView";
import { byId } from "./dom";
import { initLookupView } from "./lookupView";
import { initPublishView } from "./publishView";
import { initValidateView, runValidation } from "./validateView";

/** Shown when the page is opened outside Excel (office.js absent or another host). */
export const NOT_IN_EXCEL = "Kostnadsansvar är ett tillägg för Excel. Öppna det i Excel (Windows, Mac eller Excel på webben) via gruppen Kostnadsansvar på fliken Start.";

const TABS = ["validate", "decisions", "publish", "costs", "lookup", "create"] as const;
export type Tab = (typeof TABS)[number];

/** Shows one view; the tabs follow the WAI-ARIA tab pattern (arrow keys move between them). */
export function showTab(tab: Tab): void {
  for (const t of TABS) {
    const button = byId(`tab-${t}`);
    const selected = t === tab;
    button.setAttribute("aria-selected", String(selected));
    button.tabIndex = selected ? 0 : -1;
    byId(`view-${t}`).hidden = !selected;
  }
}

function initTabs(): void {
  TABS.forEach((t, i) => {
    const button = byId(`tab-${t}`);
    button.addEventListener("click", () => showTab(t));
    button.addEventListener("keydown", (event) => {
      const moves: Record<string, number> = { ArrowRight: i + 1, ArrowLeft: i + TABS.length - 1, Home: 0, End: TABS.length - 1 };
      if (!(event.key in moves)) return;
      event.preventDefault();
      const next = TABS[moves[event.key]! % TABS.length]!;
      showTab(next);
      byId(`tab-${next}`).focus();
    });
  });
}

function showNotInExcel(): void {
  byId("app").hidden = true;
  byId("not-in-excel").hidden = false;
  byId("not-in-excel").textContent = NOT_IN_EXCEL;
  byId("status").textContent = "";
}

let started = false;

/** Starts the pane once; the ribbon commands call it too (shared runtime). */
export function startPane(): void {
  if (started) return;
  started = true;
  initTabs();
  initValidateView();
  initDecisionsView();
  initLookupView();
  initCreateView();
  initPublishView();
  initCostsView();
  showTab("validate");
  byId("status").textContent = "Klar. Välj Granska för att kontrollera bilagorna.";
}

if (typeof Office === "undefined") {
  document.addEventListener("DOMContentLoaded", showNotInExcel);
} else {
  void Office.onReady((info) => {
    if (info.host !== Office.HostType.Excel) {
      showNotInExcel();
      return;
    }
    startPane();
    registerCommands({
      showPane: () => Office.addin.showAsTaskpane(),
      validate: async () => {
        showTab("validate");
        await runValidation();
      },
      create: async () => showTab("create"),
    });
  });
}
