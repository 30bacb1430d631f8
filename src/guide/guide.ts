/*
 * Hjälpmedelsguiden in the browser: answers "vem betalar?" with the same whoPays as Excel and the
 * CLI, from the edition data that guide-data.js assigns to a global. Every text from the edition
 * goes into the page with textContent; nothing is fetched.
 */
import { parseBoendeform } from "../core/boendeform";
import type { Edition } from "../core/editions/edition";
import { editionToRawWorkbook } from "../core/editions/editionRaw";
import { compactForCode, expandEdition, type CompactEdition } from "../core/editions/guideData";
import { ADVICE_SV, GUIDE_GLOBAL, RULE_SV, START_PAGE, payerHeadline } from "../core/editions/guideText";
import { isoChain, isoLevel, parseIsoCode } from "../core/iso";
import { readWorkbook } from "../core/model";
import { foldText } from "../core/text";
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

interface Entry {
  readonly code: string;
  readonly title: string;
  readonly folded: string;
  readonly where: string;
  readonly digits: string;
}

interface Guide {
  readonly edition: Edition;
  readonly index: WhoPaysIndex;
  readonly date: string;
  /** The search list, built on the first search (a deep link's answer does not wait for it). */
  entries(): readonly Entry[];
  /** A bilaga row's title, for "the bilaga row it came from". */
  rowTitle(sheet: string, row: number): string | undefined;
}

function searchEntries(edition: Edition): Entry[] {
  const entries: Entry[] = [];
  const seen = new Set<string>();
  const codes = new Set<string>();
  for (const sheet of Object.values(edition.bilagor)) {
    for (const r of sheet?.rows ?? []) {
      if (!r.iso || r.status === "Förslag" || r.status === "Kräver huvudmannabeslut" || r.status === "Utgår") continue;
      const title = r.title ?? r.product ?? "";
      const key = `${r.iso}\u0000${title}`;
      if (seen.has(key)) continue;
      seen.add(key);
      codes.add(r.iso);
      entries.push({ code: r.iso, title, folded: foldText(title), where: sheet!.name, digits: r.iso.replace(/ /g, "") });
    }
  }
  for (const r of edition.iso?.rows ?? []) {
    if (codes.has(r.iso)) continue;
    codes.add(r.iso);
    const title = r.title ?? "";
    entries.push({ code: r.iso, title, folded: foldText(title), where: "", digits: r.iso.replace(/ /g, "") });
  }
  entries.sort((a, b) => a.code.localeCompare(b.code));
  return entries;
}

function loadGuide(compact: CompactEdition): Guide {
  const edition = expandEdition(compact);
  const model = readWorkbook(editionToRawWorkbook(edition));
  const index = buildWhoPaysIndex(model, edition.name);
  // The edition answers from its first day; after that, on today's date (rows' own Giltig från count).
  const today = todayIso();
  const date = edition.effective && edition.effective > today ? edition.effective : today;
  let entries: Entry[] | null = null;
  return {
    edition,
    index,
    date,
    entries: () => (entries ??= searchEntries(edition)),
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
  if (!section || !box) return;
  box.replaceChildren();
  if (!result.ok) {
    section.dataset.payer = "";
    section.dataset.rule = "";
    section.dataset.error = result.code;
    box.append(el("p", "Frågan kan inte besvaras ännu", "headline"), el("p", result.message, "error"));
  } else {
    section.dataset.payer = result.payer ?? "";
    section.dataset.rule = result.rule;
    delete section.dataset.error;
    box.append(el("p", payerHeadline(result.payer, result.rule), "headline"));
    const advice = ADVICE_SV[result.rule];
    if (advice) {
      const p = el("p", advice, "advice");
      if (guide.edition.contact) p.append(" ", `Kontakt: ${guide.edition.contact}.`);
      box.append(p);
    }
    const dl = el("dl");
    term(dl, "Regel", RULE_SV[result.rule]);
    term(dl, "Avsnitt i överenskommelsen", result.section);
    if (result.source) {
      const title = guide.rowTitle(result.source.sheet, result.source.row);
      term(dl, "Rad i bilagan", `${result.source.sheet}, rad ${result.source.row}: ${result.source.iso}${title ? ` ${title}` : ""}`);
    }
    if (result.villkor) term(dl, "Villkor", result.villkor, "villkor");
    term(dl, "Förklaring", result.explanation, "explanation");
    box.append(dl);
  }
  const link = el("a", "Länk till det här svaret");
  link.href = `${START_PAGE}?${queryString(q)}`;
  const date = el("p", `Svaret gäller utgåva ${guide.edition.name} den ${guide.date}. `, "meta");
  date.append(link);
  box.append(date);
  section.hidden = false;
  if (focus) section.focus();
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

/** Rows matching what is typed: a code in any form (and the rows above it that cover it), or words of the Benämning. */
export function search(guide: Guide, text: string): Array<{ entry: Entry; covers: boolean }> {
  const trimmed = text.trim();
  if (trimmed === "") return [];
  if (/^[\d\s.\-]+$/.test(trimmed)) {
    const digits = trimmed.replace(/[^\d]/g, "");
    const prefixes = new Set([digits]);
    // A code that lost its leading zero (42203 for 04 22 03).
    if (digits.length % 2 === 1) prefixes.add("0" + digits);
    const parsed = parseIsoCode(trimmed);
    const covering = new Set(parsed.ok ? isoChain(parsed.code).filter((c) => c !== parsed.code) : []);
    if (!parsed.ok && digits.length % 2 === 1) {
      const padded = parseIsoCode("0" + digits);
      if (padded.ok) for (const c of isoChain(padded.code)) if (c !== padded.code) covering.add(c);
    }
    const out: Array<{ entry: Entry; covers: boolean }> = [];
    for (const entry of guide.entries()) {
      if (covering.has(entry.code)) out.push({ entry, covers: true });
      else if ([...prefixes].some((p) => entry.digits.startsWith(p))) out.push({ entry, covers: false });
    }
    return out;
  }
  const words = foldText(trimmed).split(" ").filter((w) => w.length > 0);
  return guide.entries().filter((e) => words.every((w) => e.folded.includes(w))).map((entry) => ({ entry, covers: false }));
}

function showMatches(guide: Guide, text: string, choose: (code: string) => void): void {
  const list = $("traffar-lista");
  const count = $("traffar-antal");
  if (!list || !count) return;
  list.replaceChildren();
  const matches = search(guide, text);
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
    const notes = [entry.where || "Finns inte i bilagorna (ISO 9999)"];
    if (covers) notes.push("gäller även den kod du skrev");
    else if (isoLevel(entry.code) !== "division" && entry.where) notes.push("gäller även koderna under");
    button.append(el("span", notes.join(", ") + ".", "note"));
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
    showAnswer(first, q, ask(first, q), false);
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

function start(): void {
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
