import { BOENDEFORM_INFO, OUT_OF_SCOPE, type Boendeform, type ListBoendeform } from "../boendeform";
import { lowerFirst, outputSafe } from "../text";
import { isoLevel } from "../iso";
import type { BilagaRow } from "../model";
import { PRINCIPLE_INFO, isRegionPrinciple } from "../principles";
import { SHEET_SPECS, type BilagaKey } from "../sheets";
import { statusCounts, statusValueCounts, valueOf } from "../values";
import type { Change } from "./diff";
import type { Edition, EditionRow } from "./edition";
import { compactEdition } from "./guideData";
import {
  FORM_ORDER,
  FORM_SHORT,
  GUIDE_CSS,
  GUIDE_DATA,
  GUIDE_GLOBAL,
  GUIDE_SCRIPT,
  NEWS_PAGE,
  PAYER_SV,
  START_PAGE,
  formPageFile,
} from "./guideText";

/*
 * Hjälpmedelsguiden: the static site `publish` writes. Pages are built here with every cell text
 * escaped; the answer form is filled in by guide.js (built from src/guide) with the same whoPays
 * as Excel and the CLI, from the edition data in guide-data.js. No inline script or style, no
 * request outside the folder, so it works from a file share and under a strict CSP.
 */

/** Text for HTML: control characters and bidi overrides shown escaped (outputSafe), then the markup characters. */
export const escapeHtml = (text: string): string =>
  outputSafe(text).replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);

const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'";

/** A link to the agreement: only http(s) addresses become links, anything else stays text. */
export function safeHttpUrl(text: string | undefined): string | null {
  const trimmed = text?.trim() ?? "";
  return /^https?:\/\/[a-z0-9.-]+(?::\d{1,5})?(?:[/?#][^\s<>"'\\`]*)?$/i.test(trimmed) ? trimmed : null;
}

export interface GuideDownload {
  readonly file: string;
  readonly label: string;
}

interface PageContext {
  readonly edition: Edition;
  readonly downloads: readonly GuideDownload[];
}

function editionLine(edition: Edition): string {
  const parts = [`Utgåva ${escapeHtml(edition.name)}`];
  if (edition.decided) parts.push(`beslutad ${escapeHtml(edition.decided)}`);
  if (edition.effective) parts.push(`gäller från ${escapeHtml(edition.effective)}`);
  return parts.join(", ");
}

function header(ctx: PageContext): string {
  const e = ctx.edition;
  const who = [e.publisher ? `Utgivare: ${escapeHtml(e.publisher)}.` : "", e.contact ? `Kontakt: ${escapeHtml(e.contact)}.` : ""].filter(Boolean).join(" ");
  return `<header class="site">
<p class="brand"><a href="${START_PAGE}">Hjälpmedelsguiden</a></p>
<p class="edition" data-edition="${escapeHtml(e.name)}">Kostnadsansvar för hjälpmedel i Stockholms län. ${editionLine(e)}.</p>
${who ? `<p class="publisher">${who}</p>\n` : ""}</header>`;
}

function nav(current: string): string {
  const item = (file: string, label: string) =>
    `<li><a href="${file}"${file === current ? ' aria-current="page"' : ""}>${escapeHtml(label)}</a></li>`;
  // Open as written (and without JavaScript); on a phone guide.js folds it to one line, so that
  // the search box is in view when the page opens.
  return `<nav class="pages" aria-label="Guidens sidor">
<details class="pages-menu" open>
<summary>Guidens sidor</summary>
<ul>
${item(START_PAGE, "Vem betalar?")}
${FORM_ORDER.map((f) => item(formPageFile(f), FORM_SHORT[f])).join("\n")}
${item(NEWS_PAGE, "Nytt i utgåvan")}
</ul>
</details>
</nav>`;
}

function footer(ctx: PageContext): string {
  const agreement = safeHttpUrl(ctx.edition.agreement);
  const agreementText = ctx.edition.agreement && !agreement ? `<p>Överenskommelsen: ${escapeHtml(ctx.edition.agreement)}</p>` : "";
  // No heading over an empty list: a guide built without files (not one `publicera` writes) says nothing of them.
  const downloads =
    ctx.downloads.length === 0
      ? ""
      : `<p>Bilagorna som filer (för kalkylprogram och andra system):</p>
<ul class="downloads">
${ctx.downloads.map((d) => `<li><a href="${escapeHtml(d.file)}">${escapeHtml(d.label)}</a></li>`).join("\n")}
</ul>
`;
  return `<footer class="site">
${agreement ? `<p><a href="${escapeHtml(agreement)}" rel="noopener noreferrer">Överenskommelsens text</a></p>` : agreementText}
${downloads}<p>${editionLine(ctx.edition)}.</p>
</footer>`;
}

function page(ctx: PageContext, file: string, title: string, body: string, options: { scripts: boolean; pageKind: string }): string {
  const scripts = options.scripts ? `<script src="${GUIDE_DATA}" defer></script>\n<script src="${GUIDE_SCRIPT}" defer></script>\n` : `<script src="${GUIDE_SCRIPT}" defer></script>\n`;
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)} – Hjälpmedelsguiden, utgåva ${escapeHtml(ctx.edition.name)}</title>
<link rel="stylesheet" href="${GUIDE_CSS}">
${scripts}</head>
<body data-page="${options.pageKind}">
<a class="skip" href="#innehall">Till innehållet</a>
${header(ctx)}
${nav(file)}
<main id="innehall" tabindex="-1">
${body}
</main>
${footer(ctx)}
</body>
</html>
`;
}

// ------------------------------------------------------------------ start page

function startPage(ctx: PageContext): string {
  const formOptions = FORM_ORDER.map((f) => `<option value="${f}">${escapeHtml(FORM_SHORT[f])}</option>`).join("\n");
  const outOptions = OUT_OF_SCOPE.map((f) => `<option value="${escapeHtml(f.key)}">${escapeHtml(f.nameSv)}</option>`).join("\n");
  const body = `<h1>Vem betalar hjälpmedlet?</h1>
<p class="lead">Sök på koden eller på vad hjälpmedlet heter, välj boendeform och skriv personens ålder.</p>
<form id="fraga" class="question" action="${START_PAGE}" method="get" novalidate>
<div class="field">
<label for="iso">Hjälpmedel eller ISO-kod</label>
<p id="iso-hint" class="hint">Till exempel rollator, hörapparat eller 12 22 03.</p>
<input id="iso" name="iso" type="search" autocomplete="off" spellcheck="false" aria-describedby="iso-hint" aria-controls="traffar">
</div>
<div id="traffar" class="matches">
<p id="traffar-antal" class="match-count" role="status"></p>
<ul id="traffar-lista"></ul>
</div>
<div class="field">
<label for="boendeform">Boendeform</label>
<select id="boendeform" name="boendeform">
<option value="">Välj boendeform</option>
${formOptions}
<optgroup label="Omfattas inte av överenskommelsen">
${outOptions}
</optgroup>
</select>
</div>
<div class="field">
<label for="alder">Ålder</label>
<p id="alder-hint" class="hint">Personens ålder i år.</p>
<input id="alder" name="alder" type="text" inputmode="numeric" autocomplete="off" aria-describedby="alder-hint" size="4">
</div>
<div class="field check">
<input id="specialanpassad" name="specialanpassad" type="checkbox" value="ja">
<label for="specialanpassad">Specialanpassat för personen</label>
</div>
<p><button type="submit">Visa svar</button></p>
</form>
<noscript><p class="notice">Svaren räknas fram i webbläsaren och kräver JavaScript. Tabellerna per boendeform fungerar utan.</p></noscript>
<section id="svar" class="answer" tabindex="-1" aria-labelledby="svar-rubrik" data-payer="" data-rule="" hidden>
<h2 id="svar-rubrik" class="headline">Svar</h2>
<div id="svar-innehall"></div>
</section>
<section class="rules">
<h2>Bra att veta</h2>
<ul>
<li>Region Stockholm bekostar förskrivna hjälpmedel till barn och unga under 18 år, och alltid specialanpassade hjälpmedel (§2.2).</li>
<li>Hörsel-, syn-, ortopedtekniska och kosmetiska hjälpmedel bekostar Region Stockholm i alla åldrar (§2.2).</li>
<li>En rad i bilagan för en klass eller underklass gäller också koderna under den, om inte en mer precis rad finns.</li>
<li>Saknas koden i bilagorna avgörs frågan av huvudmännen: gissa inte (§6.3).</li>
</ul>
</section>`;
  return page(ctx, START_PAGE, "Vem betalar?", body, { scripts: true, pageKind: "start" });
}

// ------------------------------------------------------------------ housing-form pages

/**
 * The page's opening line: whom the form covers, from the register. Socialpsykiatri adds its rule
 * (§5.2) without naming the kommun's exceptions, which the page lists from the edition's principles.
 */
function pageIntro(form: Boendeform, kommunPrinciples: boolean): string {
  const lead = `Kostnadsansvar för förskrivna hjälpmedel ${BOENDEFORM_INFO[form].scopeSv}.`;
  if (form !== "SOL_SOCPSYK") return lead;
  const except = kommunPrinciples ? "det som kommunen bekostar enligt principerna nedan och det som står i bilaga 4" : "det som står i bilaga 4";
  return `${lead} Där bekostar Region Stockholm hjälpmedlen, utom ${except}. Bilaga 1–3 tillämpas inte (§5.2).`;
}

const PAYER_ORDER = ["Kommun", "Region", "Egenansvar", ""] as const;
const PAYER_FILTER_LABEL: Record<(typeof PAYER_ORDER)[number], string> = {
  Kommun: "Kommunen",
  Region: "Region Stockholm",
  Egenansvar: "Egenansvar",
  "": "Ingen betalare angiven",
};

/** Rows that are in force in the edition (not proposals, not ended). */
function inForceRow(r: EditionRow): boolean {
  return r.status !== "Utgår" && r.status !== "Förslag" && r.status !== "Kräver huvudmannabeslut";
}

/** A row's Villkor for a form: its own column, else the general one. */
function villkorFor(r: EditionRow, form: Boendeform): string {
  const own = form === "SOL_SOCPSYK" ? undefined : r.formVillkor?.[form as ListBoendeform];
  return own ?? r.villkor ?? "";
}

interface FormRow {
  readonly bilaga: BilagaKey;
  readonly iso: string;
  readonly title: string;
  readonly payer: string;
  readonly villkor: string;
  readonly from: string | null;
}

function formRows(edition: Edition, form: Boendeform): FormRow[] {
  const keys: readonly BilagaKey[] = form === "SOL_SOCPSYK" ? ["B4"] : ["B1", "B2", "B3"];
  const rows: FormRow[] = [];
  for (const key of keys) {
    for (const r of edition.bilagor[key]?.rows ?? []) {
      if (!inForceRow(r)) continue;
      rows.push({
        bilaga: key,
        iso: r.iso ?? "",
        title: r.title ?? r.product ?? "",
        payer: r.payers[form] ?? "",
        villkor: villkorFor(r, form),
        from: r.giltigFran && edition.effective && r.giltigFran > edition.effective ? r.giltigFran : null,
      });
    }
  }
  // By code; bilaga 3's products without a code last, by name.
  return rows.sort((a, b) => (a.iso === "" ? 1 : 0) - (b.iso === "" ? 1 : 0) || a.iso.localeCompare(b.iso) || a.title.localeCompare(b.title, "sv"));
}

function formPage(ctx: PageContext, form: Boendeform): string {
  const rows = formRows(ctx.edition, form);
  const principles = (ctx.edition.principles?.rows ?? []).filter((p) => isRegionPrinciple(p.principle) || (form === "SOL_SOCPSYK" && p.principle === "SOCPSYK_KOMMUN"));
  const principleItems = principles
    .map(
      (p) =>
        `<li><span class="iso">${escapeHtml(p.iso)}</span> ${escapeHtml(PRINCIPLE_INFO[p.principle].areaSv)}: ${p.principle === "SOCPSYK_KOMMUN" ? "kommunen" : "Region Stockholm, alla åldrar"} (${escapeHtml(PRINCIPLE_INFO[p.principle].section)})</li>`,
    )
    .join("\n");
  const present = PAYER_ORDER.filter((p) => rows.some((r) => r.payer === p));
  const filter = `<fieldset id="filter" class="filter" hidden>
<legend>Visa rader där betalaren är</legend>
<div class="options">
<span class="option"><input type="radio" name="betalare" id="betalare-alla" value="alla" checked><label for="betalare-alla">Alla (${rows.length})</label></span>
${present
  .map((p) => {
    const id = `betalare-${p === "" ? "ingen" : p.toLowerCase()}`;
    return `<span class="option"><input type="radio" name="betalare" id="${id}" value="${p === "" ? "ingen" : p}"><label for="${id}">${PAYER_FILTER_LABEL[p]} (${rows.filter((r) => r.payer === p).length})</label></span>`;
  })
  .join("\n")}
</div>
<p id="filter-antal" class="match-count" role="status"></p>
</fieldset>`;
  const body = rows
    .map((r) => {
      const level = r.iso ? isoLevel(r.iso) : "division";
      const covers = r.iso && level !== "division" ? `<span class="covers">Gäller även koderna under ${escapeHtml(r.iso)}.</span>` : "";
      const from = r.from ? `<span class="covers">Gäller från ${escapeHtml(r.from)}.</span>` : "";
      return `<tr data-payer="${r.payer === "" ? "ingen" : escapeHtml(r.payer)}"><td class="iso" data-label="ISO-kod">${escapeHtml(r.iso) || "–"}</td><td data-label="Benämning">${escapeHtml(r.title)}${covers}${from}</td><td data-label="Betalar" class="payer">${r.payer ? escapeHtml(PAYER_SV[r.payer as keyof typeof PAYER_SV]) : "Ingen angiven"}</td><td data-label="Villkor" class="villkor">${escapeHtml(r.villkor) || "–"}</td><td data-label="Bilaga" class="bilaga">${escapeHtml(SHEET_SPECS[r.bilaga].name)}</td></tr>`;
    })
    .join("\n");
  const info = BOENDEFORM_INFO[form];
  const html = `<h1>${escapeHtml(info.nameSv)}</h1>
<p class="lead">${escapeHtml(pageIntro(form, principles.some((p) => p.principle === "SOCPSYK_KOMMUN")))}</p>
<p>Region Stockholm bekostar alltid specialanpassade hjälpmedel och förskrivna hjälpmedel till barn och unga under 18 år (§2.2). <a href="${START_PAGE}?boendeform=${form}">Fråga om en kod för ${escapeHtml(lowerFirst(FORM_SHORT[form]))}</a>.</p>
${form === "SOL_SOCPSYK" ? "" : `<p>Står koden varken här eller under en princip nedan, gissa inte: fråga din hjälpmedelssamordnare eller samverkansgruppen${ctx.edition.contact ? ` (${escapeHtml(ctx.edition.contact)})` : ""}. Frågan avgörs av huvudmännen (§6.3).</p>`}
${principleItems ? `<h2>Enligt överenskommelsens principer</h2>\n<ul class="principles">\n${principleItems}\n</ul>` : ""}
<h2 id="tabell-rubrik">Per ISO-kod</h2>
${
  rows.length > 0
    ? `${filter}
<div class="table-wrap">
<table class="rows" aria-labelledby="tabell-rubrik">
<thead><tr><th scope="col">ISO-kod</th><th scope="col">Benämning</th><th scope="col">Betalar</th><th scope="col">Villkor</th><th scope="col">Bilaga</th></tr></thead>
<tbody>
${body}
</tbody>
</table>
</div>`
    : "<p>Bilagorna har inga rader för den här boendeformen.</p>"
}`;
  return page(ctx, formPageFile(form), info.nameSv, html, { scripts: false, pageKind: "boendeform" });
}

// ------------------------------------------------------------------ Nytt i utgåvan

interface NewsItem {
  readonly iso: string;
  readonly title: string;
  readonly form: string;
  readonly what: string;
  readonly from: string;
}

const payerText = (p: string | null): string => (p ? PAYER_SV[p as keyof typeof PAYER_SV] : "ingen angiven");

/** A row people can look up in the edition: the rows that count (docs/rules.md), as the answers read them. */
const counts = (row: BilagaRow): boolean => statusCounts(row.status);

/**
 * The decided changes in plain Swedish: payer changes, new and removed rows, changed Villkor and
 * names. Status changes, proposals and documentation fields are internal and stay in the JSON and
 * the change-log CSV.
 */
export function newsItems(edition: Edition, changes: readonly Change[]): NewsItem[] {
  const items: NewsItem[] = [];
  for (const c of changes) {
    const ref = c.kind === "removed" ? c.before : c.after;
    const row = ref.row;
    const base = { iso: valueOf(row.iso)?.code ?? "", title: row.title ?? row.product ?? "", from: valueOf(row.giltigFran) ?? edition.effective ?? "" };
    if (c.kind !== "removed" && !counts(c.after.row)) {
      // A row that now ends is news; a proposal is not.
      if (valueOf(c.after.row.status) === "Utgår" && c.kind === "status") items.push({ ...base, form: "Alla", what: `Raden tas bort ur ${SHEET_SPECS[ref.bilaga].name.toLowerCase()}.` });
      continue;
    }
    switch (c.kind) {
      case "payer":
        items.push({ ...base, form: FORM_SHORT[c.boendeform], what: `${payerText(c.from)} → ${payerText(c.to)}` });
        break;
      case "added":
        for (const [form, cell] of Object.entries(row.payers) as Array<[Boendeform, BilagaRow["payers"][Boendeform]]>) {
          items.push({ ...base, form: FORM_SHORT[form], what: `Ny i ${SHEET_SPECS[ref.bilaga].name.toLowerCase()}: ${payerText(cell ? valueOf(cell) : null)}` });
        }
        break;
      case "removed":
        items.push({ ...base, form: "Alla", what: `Raden tas bort ur ${SHEET_SPECS[ref.bilaga].name.toLowerCase()}.` });
        break;
      case "villkor":
        items.push({ ...base, form: c.boendeform ? FORM_SHORT[c.boendeform] : "Alla", what: c.to ? `Nytt villkor: ${c.to}` : "Villkoret tas bort." });
        break;
      case "title":
        items.push({ ...base, form: "Alla", what: `Ny benämning (tidigare ”${c.from ?? ""}”).` });
        break;
      case "status":
        // Back in force after a proposal: the row's payers are new to readers.
        if (!statusValueCounts(c.from)) items.push({ ...base, form: "Alla", what: "Raden gäller från och med den här utgåvan." });
        break;
      case "giltigFran":
        items.push({ ...base, form: "Alla", what: c.to ? `Gäller från ${c.to}${c.from ? ` (tidigare ${c.from})` : ""}.` : `Gäller från utgåvans startdag (tidigare ${c.from ?? ""}).` });
        break;
    }
  }
  return items;
}

function newsPage(ctx: PageContext, changes: readonly Change[], previousName: string | null): string {
  const items = newsItems(ctx.edition, changes);
  const rows = items
    .map(
      (i) =>
        `<tr><td class="iso" data-label="ISO-kod">${escapeHtml(i.iso) || "–"}</td><td data-label="Benämning">${escapeHtml(i.title)}</td><td data-label="Boendeform">${escapeHtml(i.form)}</td><td data-label="Ändring">${escapeHtml(i.what)}</td><td data-label="Giltig från" class="date">${escapeHtml(i.from) || "–"}</td></tr>`,
    )
    .join("\n");
  const since = previousName ? `sedan utgåva ${escapeHtml(previousName)}` : "";
  const body = `<h1>Nytt i utgåvan</h1>
<p class="lead">Beslutade ändringar i bilagorna${since ? ` ${since}` : ""}${ctx.edition.effective ? `, som gäller från ${escapeHtml(ctx.edition.effective)} om inget annat anges` : ""}.</p>
${
  previousName === null
    ? "<p>Den här utgåvan jämförs inte med någon tidigare utgåva, så inga ändringar listas här.</p>"
    : items.length === 0
      ? "<p>Inga ändringar som rör förskrivning.</p>"
      : `<div class="table-wrap">
<table class="rows">
<caption>Ändringar (${items.length})</caption>
<thead><tr><th scope="col">ISO-kod</th><th scope="col">Benämning</th><th scope="col">Boendeform</th><th scope="col">Ändring</th><th scope="col">Giltig från</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</div>`
}`;
  return page(ctx, NEWS_PAGE, "Nytt i utgåvan", body, { scripts: false, pageKind: "nytt" });
}

// ------------------------------------------------------------------ data and style

/**
 * The edition data the guide answers from, as a script assigning one global: only what answers
 * and search read (documentation fields are in the edition JSON beside it).
 */
export function guideDataScript(edition: Edition): string {
  const data = { edition: compactEdition(edition) };
  // A JSON string given to JSON.parse: browsers parse JSON several times faster than the same
  // data as an object literal (about 800 kB for 2 000 rows). JSON.stringify of the JSON text makes
  // a valid JavaScript string literal (it escapes quotes, backslashes and control characters;
  // U+2028/U+2029 are valid in string literals since ES2019). The file is a script, never HTML.
  // Every text the page shows (with textContent) passes outputSafe: no control character or bidi override acts on the page.
  return `window.${GUIDE_GLOBAL} = JSON.parse(${JSON.stringify(JSON.stringify(data, (_key, value: unknown) => (typeof value === "string" ? outputSafe(value) : value)))});\n`;
}

export const GUIDE_STYLE = `:root { --text: #1b1b1b; --muted: #4a4a4a; --line: #8a8a8a; --accent: #005a9c; --bg-soft: #f2f5f8; --focus: #b35900; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { font-family: "Segoe UI", Arial, sans-serif; color: var(--text); background: #fff; margin: 0; line-height: 1.5; font-size: 1rem; overflow-wrap: anywhere; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, [tabindex]:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem; }
.skip:focus { left: .5rem; z-index: 1; }
header.site, nav.pages, main, footer.site { max-width: 64rem; margin: 0 auto; padding: 0 1rem; }
header.site { padding-top: 1rem; }
.brand { font-size: 1.3rem; font-weight: 700; margin: 0; }
.brand a { color: var(--text); text-decoration: none; }
.edition, .publisher { color: var(--muted); margin: .2rem 0; }
nav.pages summary { cursor: pointer; font-weight: 600; padding: .5rem 0; }
nav.pages ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem .5rem; padding: .5rem 0; margin: .5rem 0 0; border-top: 1px solid var(--line); border-bottom: 1px solid var(--line); }
nav.pages a { display: inline-block; padding: .35rem .5rem; border-radius: 4px; }
nav.pages a[aria-current="page"] { background: var(--accent); color: #fff; text-decoration: none; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 1.2rem 0 .5rem; }
h2 { font-size: 1.25rem; margin: 1.8rem 0 .5rem; }
.lead { font-size: 1.05rem; }
.question { background: var(--bg-soft); border: 1px solid var(--line); border-radius: 6px; padding: 1rem; }
.field { margin: 0 0 1rem; }
.field label { display: block; font-weight: 600; }
.hint { color: var(--muted); margin: .1rem 0 .3rem; font-size: .95rem; }
input[type="search"], input[type="text"], select { font: inherit; color: var(--text); background: #fff; border: 1px solid #6b6b6b; border-radius: 4px; padding: .45rem .5rem; max-width: 100%; }
input[type="search"] { width: 28rem; }
select { width: 28rem; }
.field.check { display: flex; gap: .5rem; align-items: center; }
.field.check label { display: inline; font-weight: 600; }
.field.check input { width: 1.3rem; height: 1.3rem; margin: 0; }
button { font: inherit; font-weight: 600; color: #fff; background: var(--accent); border: 0; border-radius: 4px; padding: .55rem 1.1rem; cursor: pointer; }
.matches ul { list-style: none; margin: 0 0 1rem; padding: 0; max-width: 40rem; }
.matches li { margin: 0; border-bottom: 1px solid #d0d0d0; }
.matches button { display: block; width: 100%; text-align: left; color: var(--text); background: #fff; font-weight: 400; border-radius: 0; padding: .45rem .5rem; }
.matches button:hover { background: #e6eef5; }
.matches .code { font-family: Consolas, "Courier New", monospace; font-weight: 700; margin-right: .5rem; }
.matches .note { display: block; color: var(--muted); font-size: .9rem; }
.match-count { color: var(--muted); margin: .3rem 0; min-height: 1.2em; }
.answer { border: 2px solid var(--accent); border-radius: 6px; padding: 0 1rem 1rem; margin: 1.5rem 0; }
.answer h2 { margin-top: 1rem; }
.answer .headline { font-size: 1.35rem; font-weight: 700; margin: .3rem 0 .6rem; }
.answer[data-payer=""] .headline { color: #8a2c00; }
.answer .plain { margin: .3rem 0 .6rem; }
.answer .villkor-box { border-left: 4px solid var(--accent); background: var(--bg-soft); padding: .4rem .75rem; margin: .6rem 0; }
.answer .villkor-box p { margin: 0; }
.answer .villkor-box .label { font-weight: 600; }
.answer details.trace { margin: .8rem 0 .4rem; }
.answer details.trace summary { cursor: pointer; color: var(--accent); font-weight: 600; }
.answer dl { margin: 0; }
.answer dt { font-weight: 600; margin-top: .6rem; }
.answer dd { margin: 0; }
.answer .advice { background: #fff4e5; border-left: 4px solid #b35900; padding: .5rem .75rem; }
.answer .error { background: #fdecea; border-left: 4px solid #a4262c; padding: .5rem .75rem; }
.notice { background: #fff4e5; padding: .5rem .75rem; }
.rules ul, .principles { padding-left: 1.2rem; }
.filter { border: 1px solid var(--line); border-radius: 6px; margin: .5rem 0 1rem; padding: .5rem 1rem; }
.filter legend { font-weight: 600; padding: 0 .3rem; }
.filter .options { display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
.filter .option { display: inline-flex; align-items: center; gap: .3rem; }
.table-wrap { max-width: 100%; overflow-x: auto; }
table.rows { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; }
table.rows caption { text-align: left; font-weight: 600; padding: .3rem 0; }
table.rows th, table.rows td { border: 1px solid #b0b0b0; padding: .35rem .5rem; text-align: left; vertical-align: top; white-space: pre-line; overflow-wrap: break-word; word-break: normal; hyphens: manual; }
table.rows th { background: #e9edf1; }
.iso { font-family: Consolas, "Courier New", monospace; white-space: nowrap; }
table.rows td.iso, table.rows td.date, table.rows td.bilaga { white-space: nowrap; }
.covers { display: block; color: var(--muted); font-size: .9rem; }
footer.site { margin-top: 2.5rem; padding-bottom: 2rem; border-top: 1px solid var(--line); color: var(--muted); }
footer.site ul { padding-left: 1.2rem; }
@media (min-width: 40.01rem) {
  nav.pages summary { display: none; }
}
@media (max-width: 40rem) {
  header.site { padding-top: .5rem; }
  .edition, .publisher { font-size: .9rem; }
  nav.pages details[open] summary { border-bottom: 1px solid var(--line); }
  nav.pages ul { border: 0; margin: 0; }
  h1 { font-size: 1.45rem; margin-top: .8rem; }
  .question { padding: .75rem; }
  input[type="search"], select { width: 100%; }
  table.rows, table.rows tbody, table.rows tr, table.rows td { display: block; width: 100%; }
  table.rows thead { position: absolute; left: -9999px; }
  table.rows caption { display: block; width: auto; }
  table.rows tr { border: 1px solid #b0b0b0; border-radius: 4px; margin-bottom: .6rem; padding: .2rem .1rem; }
  table.rows td { border: 0; padding: .2rem .5rem; }
  table.rows td::before { content: attr(data-label) ": "; font-weight: 600; font-family: "Segoe UI", Arial, sans-serif; }
  .iso, table.rows td.iso, table.rows td.date, table.rows td.bilaga { white-space: normal; }
}
@media print {
  @page { size: A4; margin: 15mm; }
  body { font-size: 10pt; overflow-wrap: anywhere; }
  .skip, nav.pages, .question, .matches, .filter, noscript, footer.site .downloads { display: none !important; }
  header.site, main, footer.site { max-width: none; padding: 0; }
  a { color: var(--text); text-decoration: none; }
  .answer { border: 1px solid #000; break-inside: avoid; }
  table.rows tr { break-inside: avoid; }
  table.rows thead { display: table-header-group; }
  h2 { break-after: avoid; }
}
`;

/**
 * The guide's files (all but the script, which the build makes once): the start page, one page per
 * housing form, Nytt i utgåvan, the data script and the style sheet.
 */
export function guideFiles(edition: Edition, changes: readonly Change[], previousName: string | null, downloads: readonly GuideDownload[]): Map<string, string> {
  const ctx: PageContext = { edition, downloads };
  const files = new Map<string, string>();
  files.set(START_PAGE, startPage(ctx));
  for (const form of FORM_ORDER) files.set(formPageFile(form), formPage(ctx, form));
  files.set(NEWS_PAGE, newsPage(ctx, changes, previousName));
  files.set(GUIDE_DATA, guideDataScript(edition));
  files.set(GUIDE_CSS, GUIDE_STYLE);
  return files;
}
