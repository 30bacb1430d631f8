import { registerCommands } from "../commands/commands";
import { byId, VIEW_SHOWN } from "./dom";

/** Shown when the page is opened outside Excel (office.js absent or another host). */
export const NOT_IN_EXCEL = "Kostnadsansvar är ett tillägg för Excel. Öppna det i Excel (Windows, Mac eller Excel på webben) via gruppen Kostnadsansvar på fliken Start.";

const TABS = ["validate", "decisions", "matters", "publish", "costs", "lookup", "create"] as const;
export type Tab = (typeof TABS)[number];

/**
 * Each view is its own chunk (webpack splits at `import()`), so the pane paints before any view's
 * code arrives: the open tab's view loads first, the others right after in the background (a
 * view must be listening before the first validation ends, or it would miss it).
 */
const VIEWS: Record<Tab, () => Promise<() => void>> = {
  validate: () => import(/* webpackChunkName: "granska" */ "./validateView").then((m) => m.initValidateView),
  decisions: () => import(/* webpackChunkName: "beslut" */ "./decisionsView").then((m) => m.initDecisionsView),
  matters: () => import(/* webpackChunkName: "arenden" */ "./mattersView").then((m) => m.initMattersView),
  publish: () => import(/* webpackChunkName: "publicera" */ "./publishView").then((m) => m.initPublishView),
  costs: () => import(/* webpackChunkName: "kostnader" */ "./costsView").then((m) => m.initCostsView),
  lookup: () => import(/* webpackChunkName: "sok" */ "./lookupView").then((m) => m.initLookupView),
  create: () => import(/* webpackChunkName: "skapa" */ "./createView").then((m) => m.initCreateView),
};

const loading = new Map<Tab, Promise<void>>();

/** Loads and starts a view once; later calls wait for the same load. */
function loadView(tab: Tab): Promise<void> {
  let load = loading.get(tab);
  if (!load) {
    load = VIEWS[tab]().then(
      (init) => {
        init();
        // Until its code has arrived and wired the controls, a view is inert (set in the HTML): a
        // click on "Granska bilagor" the moment the pane opens would otherwise reach a button
        // with no handler yet and be lost in silence.
        const view = byId(`view-${tab}`);
        view.inert = false;
        view.removeAttribute("aria-busy");
      },
      (e: unknown) => {
        loading.delete(tab);
        byId("status").textContent = `Vyn kunde inte laddas: ${(e as Error)?.message ?? String(e)}. Försök igen.`;
      },
    );
    loading.set(tab, load);
  }
  return load;
}

/** Shows one view; the tabs follow the WAI-ARIA tab pattern (arrow keys move between them). */
export function showTab(tab: Tab): void {
  for (const t of TABS) {
    const button = byId(`tab-${t}`);
    const selected = t === tab;
    button.setAttribute("aria-selected", String(selected));
    button.tabIndex = selected ? 0 : -1;
    byId(`view-${t}`).hidden = !selected;
  }
  // By click or by arrow key alike: a view that shows live workbook state refreshes on this.
  byId(`view-${tab}`).dispatchEvent(new Event(VIEW_SHOWN));
  void loadView(tab);
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
  showTab("validate");
  // The other views in the background, after the first paint, in tab order.
  setTimeout(() => TABS.reduce((chain, t) => chain.then(() => loadView(t)), Promise.resolve()), 0);
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
        await loadView("validate");
        await (await import(/* webpackChunkName: "granska" */ "./validateView")).runValidation();
      },
      create: async () => showTab("create"),
    });
  });
}
