/*
 * Hjälpmedelsguiden in the browser: answers "vem betalar?" with the same whoPays as Excel and the
 * CLI, from the edition data that guide-data.js assigns to a global. Every text from the edition
 * goes into the page with textContent; nothing is fetched.
 */
import { parseBoendeform } from "../core/boendeform";
import type { Edition } from "../core/editions/edition";
import { editionToRawWorkbook } from "../core/editions/editionRaw";
import { compactForCode, expandEdition, type CompactEdition } from "../core/editions/guideData";
import { ADVICE_SV, GUIDE_GLOBAL, RULE_SV, START_PAGE, contactEmail, mailtoHref, payerHeadline, plainAnswerSv, questionMailSv } from "../core/editions/guideText";
import { parseIsoCode } from "../core/iso";
import { hitNoteSv, searchEntries, searchLists, type SearchEntry } from "../core/search";
import { readWorkbook } from "../core/model";
import { readYesNo, todayIso } from "../core/values";
import { buildWhoPaysIndex, whoPays, type WhoPaysIndex, type WhoPaysResult } from "../core/whoPays";

interface GuideData {
  readonly edition: CompactEdition;
}

declare global {
  interface Window {
    [GUIDE_GLOBAL]?: GuideData;
    /** Set when the page has started (and answered a deep link): for tests and measurements. */
    __guideReady?: boolean;
    /** performance.now() at that moment: ms since the page's navigation started. */
    __guideReadyMs?: number;
  }
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

// ------------------------------------------------------------------ answers

interface Guide {
  readonly edition: Edition;
  readonly index: WhoPaysIndex;
  readonly date: string;
  /** The search list, built on the first search (a deep link's answer does not wait for it). */
  entries(): readonly SearchEntry[];
  /** A bilaga row's title, for "the bilaga row it came from". */
  rowTitle(sheet: string, row: number): string | undefined;
}

function loadGuide(compact: CompactEdition): Guide {
  const edition = expandEdition(compact);
  const model = readWorkbook(editionToRawWorkbook(edition));
  const index = buildWhoPaysIndex(model, edition.name);
  // The edition answers from its first day; after that, on today's date (rows' own Giltig från count).
  const today = todayIso();
  const date = edition.effective && edition.effective > today ? edition.effective : today;
  let entries: SearchEntry[] | null = null;
  return {
    edition,
    index,
    date,
    entries: () => (entries ??= searchEntries(model)),
    rowTitle: (sheetName, row) => {
      const sheet = Object.values(edition.bilagor).find((s) => s?.name === sheetName);
      const r = sheet?.rows.find((x) => x.row === row);
      return r ? (r.title ?? r.product ?? "") : undefined;
    },
  };
}

interface Question {
  readonly iso: string;
  readonly boendeform: string;
  readonly alder: string;
  readonly specialanpassad: string;
}

function ask(guide: Guide, q: Question): WhoPaysResult {
  return whoPays({ iso: q.iso, boendeform: q.boendeform, age: q.alder, specialanpassad: q.specialanpassad, date: guide.date }, guide.index);
}

function term(dl: HTMLDListElement, label: string, value: string, className?: string): void {
  dl.append(el("dt", label), el("dd", value, className));
}

function showAnswer(guide: Guide, q: Question, result: WhoPaysResult, focus: boolean): void {
  const section = $("svar");
  const box = $("svar-innehall");
  const heading = $("svar-rubrik");
  if (!section || !box || !heading) return;
  box.replaceChildren();
  if (!result.ok) {
    section.dataset.payer = "";
    section.dataset.rule = "";
    section.dataset.error = result.code;
    heading.textContent = "Frågan kan inte besvaras ännu";
    box.append(el("p", result.message, "error"));
  } else {
    section.dataset.payer = result.payer ?? "";
    section.dataset.rule = result.rule;
    delete section.dataset.error;
    // The verdict first, then the reason in plain words, the Villkor once, and what to do.
    heading.textContent = payerHeadline(result.payer, result.rule);
    const title = result.source ? guide.rowTitle(result.source.sheet, result.source.row) : undefined;
    const plain = el("p", plainAnswerSv(result, title).join(" "), "plain");
    box.append(plain);
    if (result.villkor) {
      const villkor = el("div", undefined, "villkor-box");
      villkor.append(el("p", "Villkor", "label"), el("p", result.villkor, "villkor"));
      box.append(villkor);
    }
    const advice = ADVICE_SV[result.rule];
    if (advice) {
      const p = el("p", advice, "advice");
      if (guide.edition.contact) p.append(" ", `Kontakt: ${guide.edition.contact}.`);
      box.append(p);
    }
    // The technical trace, folded away: the rule's code, the § and the bilaga row.
    const trace = el("details", undefined, "trace");
    trace.append(el("summary", "Så kom svaret fram"));
    const dl = el("dl");
    term(dl, "Regel", `${RULE_SV[result.rule]} (${result.rule})`, "rule");
    term(dl, "Avsnitt i överenskommelsen", result.section);
    if (result.source && title !== undefined) term(dl, "Rad i bilagan", `${result.source.sheet}, rad ${result.source.row}: ${result.source.iso}${title ? ` ${title}` : ""}`);
    trace.append(dl);
    box.append(trace);
  }
  const link = el("a", "Länk till det här svaret");
  link.href = `${START_PAGE}?${queryString(q)}`;
  const date = el("p", `Svaret gäller utgåva ${guide.edition.name} den ${guide.date}. `, "meta");
  date.append(link);
  box.append(date);
  box.append(askTheGroup(guide, q, result, link.href));
  section.hidden = false;
  if (focus) {
    section.focus({ preventScroll: true });
    section.scrollIntoView({ block: "start" });
  }
}

/**
 * "Fråga om svaret": a prepared message to the Utgåva sheet's Kontakt (a mailto: link with the
 * question, the answer, the date, the edition and this page's link). Nothing leaves the page
 * unless the reader sends it; a Kontakt that is not an e-mail address is shown as text.
 */
function askTheGroup(guide: Guide, q: Question, result: WhoPaysResult, pageLink: string): HTMLElement {
  const p = el("p", undefined, "ask");
  const to = contactEmail(guide.edition.contact);
  const select = $<HTMLSelectElement>("boendeform");
  const formName = select?.value === q.boendeform ? (select.selectedOptions[0]?.textContent ?? q.boendeform) : q.boendeform;
  const verdict = result.ok ? payerHeadline(result.payer, result.rule) : "Frågan kunde inte besvaras";
  const mail = questionMailSv(
    { iso: q.iso, form: formName, age: q.alder, adapted: readYesNo(q.specialanpassad) === true },
    { verdict, rule: result.ok ? result.rule : result.code, section: result.ok ? result.section : null },
    guide.date,
    guide.edition.name,
    pageLink,
  );
  if (to) {
    const a = el("a", "Fråga om svaret", "mailto");
    a.href = mailtoHref(to, mail);
    p.append(a, ` – ett färdigt meddelande till ${to} öppnas i ditt e-postprogram. Inget skickas förrän du skickar det.`);
  } else if (guide.edition.contact) {
    p.append(`Fråga om svaret: ${guide.edition.contact}.`);
  } else {
    p.append("Fråga om svaret: kontakta din hjälpmedelssamordnare.");
  }
  return p;
}

function queryString(q: Question): string {
  const params = new URLSearchParams();
  params.set("iso", q.iso);
  params.set("boendeform", q.boendeform);
  params.set("alder", q.alder);
  if (q.specialanpassad !== "") params.set("specialanpassad", q.specialanpassad);
  // %20 rather than +, as in the documented links.
  return params.toString().replace(/\+/g, "%20");
}

// ------------------------------------------------------------------ search

const MAX_MATCHES = 15;

function showMatches(guide: Guide, text: string, choose: (code: string) => void): void {
  const list = $("traffar-lista");
  const count = $("traffar-antal");
  if (!list || !count) return;
  list.replaceChildren();
  const matches = searchLists(guide.entries(), text);
  if (text.trim() === "") {
    count.textContent = "";
    return;
  }
  count.textContent =
    matches.length === 0
      ? "Inga träffar i bilagorna. Du kan ändå fråga om koden."
      : matches.length > MAX_MATCHES
        ? `${matches.length} träffar, de ${MAX_MATCHES} första visas. Skriv mer för att begränsa.`
        : `${matches.length} ${matches.length === 1 ? "träff" : "träffar"}.`;
  for (const { entry, covers } of matches.slice(0, MAX_MATCHES)) {
    const button = el("button");
    button.type = "button";
    button.dataset.code = entry.code;
    button.append(el("span", entry.code, "code"), entry.title);
    button.dataset.coverage = entry.coverage.kind;
    button.append(el("span", hitNoteSv({ entry, covers }), "note"));
    button.addEventListener("click", () => choose(entry.code));
    const li = el("li");
    li.append(button);
    list.append(li);
  }
}

// ------------------------------------------------------------------ the start page

function formQuestion(): Question {
  return {
    iso: $<HTMLInputElement>("iso")!.value,
    boendeform: $<HTMLSelectElement>("boendeform")!.value,
    alder: $<HTMLInputElement>("alder")!.value,
    specialanpassad: $<HTMLInputElement>("specialanpassad")!.checked ? "ja" : "",
  };
}

function setUrl(q: Question): void {
  try {
    history.replaceState(null, "", `${location.pathname.split("/").pop() || START_PAGE}?${queryString(q)}`);
  } catch {
    // Some browsers refuse to change a file:// URL; the answer's own link still carries the question.
  }
}

function startPage(data: GuideData): void {
  // The whole edition is read once, when first needed; a deep link is answered before that from
  // the rows for its code alone (compactForCode: the same answer, a fraction of the work).
  let whole: Guide | null = null;
  const guide = (): Guide => (whole ??= loadGuide(data.edition));
  const form = $<HTMLFormElement>("fraga");
  const iso = $<HTMLInputElement>("iso");
  const select = $<HTMLSelectElement>("boendeform");
  const alder = $<HTMLInputElement>("alder");
  const special = $<HTMLInputElement>("specialanpassad");
  if (!form || !iso || !select || !alder || !special) return;

  const answerForm = (focus: boolean) => {
    const q = formQuestion();
    setUrl(q);
    const g = guide();
    showAnswer(g, q, ask(g, q), focus);
  };
  const complete = () => iso.value.trim() !== "" && select.value !== "" && alder.value.trim() !== "";

  // A deep link: answer exactly what the URL asks (also when the form cannot show it, e.g. an alias).
  const params = new URLSearchParams(location.search);
  const q: Question = {
    iso: params.get("iso") ?? "",
    boendeform: params.get("boendeform") ?? "",
    alder: params.get("alder") ?? "",
    specialanpassad: params.get("specialanpassad") ?? "",
  };
  iso.value = q.iso;
  alder.value = q.alder;
  const form_ = parseBoendeform(q.boendeform);
  select.value = form_.kind === "inScope" ? form_.key : form_.kind === "outOfScope" ? form_.form.key : "";
  // The core's yes/no words, so a link ticks the box exactly when the answer counts it as adapted.
  special.checked = q.specialanpassad.trim() !== "" && readYesNo(q.specialanpassad) === true;
  if (["iso", "boendeform", "alder", "specialanpassad"].some((k) => params.has(k))) {
    const code = parseIsoCode(q.iso);
    const first = code.ok ? loadGuide(compactForCode(data.edition, code.code)) : guide();
    // A shared link's answer comes into view with the focus on it (the form stays above it).
    showAnswer(first, q, ask(first, q), true);
  }
  // Read the whole edition while the reader looks at the page, so the first search is instant.
  const idle = (window as { requestIdleCallback?: (fn: () => void) => number }).requestIdleCallback;
  if (idle) idle(() => void guide());
  else setTimeout(() => void guide(), 200);

  const choose = (code: string) => {
    iso.value = code;
    showMatches(guide(), "", choose);
    if (complete()) answerForm(true);
    else (select.value === "" ? select : alder.value.trim() === "" ? alder : iso).focus();
  };
  iso.addEventListener("input", () => showMatches(guide(), iso.value, choose));
  for (const control of [select, special]) control.addEventListener("change", () => complete() && answerForm(false));
  for (const control of [iso, alder]) control.addEventListener("change", () => complete() && answerForm(false));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    showMatches(guide(), "", choose);
    answerForm(true);
  });
}

// ------------------------------------------------------------------ housing-form pages

function formPage(): void {
  const filter = $<HTMLFieldSetElement>("filter");
  const status = $("filter-antal");
  if (!filter || !status) return;
  const rows = [...document.querySelectorAll<HTMLTableRowElement>("tr[data-payer]")];
  const apply = () => {
    const chosen = filter.querySelector<HTMLInputElement>("input[name=betalare]:checked")?.value ?? "alla";
    let shown = 0;
    for (const row of rows) {
      row.hidden = chosen !== "alla" && row.dataset.payer !== chosen;
      if (!row.hidden) shown++;
    }
    status.textContent = `Visar ${shown} av ${rows.length} rader.`;
  };
  filter.addEventListener("change", apply);
  filter.hidden = false;
  apply();
}

/** On a phone the page menu starts folded (one line), so the search or the table is in view; wide screens keep it open. */
function foldMenu(): void {
  const menu = document.querySelector<HTMLDetailsElement>("nav.pages details");
  if (!menu || typeof window.matchMedia !== "function") return;
  const narrow = window.matchMedia("(max-width: 40rem)");
  const apply = () => {
    menu.open = !narrow.matches;
  };
  apply();
  narrow.addEventListener?.("change", apply);
}

function start(): void {
  foldMenu();
  if (document.body.dataset.page === "boendeform") formPage();
  if (document.body.dataset.page === "start") {
    const data = window[GUIDE_GLOBAL];
    if (!data) {
      const box = $("svar-innehall");
      const section = $("svar");
      if (box && section) {
        box.replaceChildren(el("p", "Utgåvans data (guide-data.js) saknas i mappen, så inga svar kan visas.", "error"));
        section.hidden = false;
      }
    } else {
      startPage(data);
    }
  }
  window.__guideReadyMs = performance.now();
  window.__guideReady = true;
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
