import { BOENDEFORM_INFO, BOENDEFORMER, type Boendeform } from "../boendeform";
import { toCsvLine } from "../csv";
import { PRINCIPLE_INFO, isRegionPrinciple } from "../principles";
import { BILAGA_KEYS, SHEET_SPECS, type BilagaKey } from "../sheets";
import { CHANGE_LOG_HEADERS, changeLogRows } from "./changeLog";
import type { Change } from "./diff";
import type { Edition, EditionRow, EditionSheet } from "./edition";

/** A file name for an edition: `2026:1` → `2026-1` (no characters Windows refuses). */
export function editionFileStem(name: string): string {
  const stem = name.trim().replace(/[\\/:*?"<>|\s]+/g, "-").replace(/^-+|-+$/g, "");
  return stem === "" ? "utgava" : stem;
}

const BOM = "\ufeff";

/** CSV for Excel in Swedish: UTF-8 with BOM, semicolons, CRLF. */
function csv(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  return BOM + rows.map((r) => toCsvLine(r, ";")).join("\r\n") + "\r\n";
}

function cellOf(row: EditionRow, field: string | null, index: number): string {
  if (field === null) return row.extra?.[String(index)] ?? "";
  const value = (row as unknown as Record<string, unknown>)[field] ?? (row.payers as Record<string, unknown>)[field];
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "Ja" : "Nej";
  return String(value);
}

/** One CSV per bilaga, with the sheet's own columns. */
export function bilagaCsv(sheet: EditionSheet): string {
  return csv([sheet.columns.map((c) => c.header), ...sheet.rows.map((r) => sheet.columns.map((c) => cellOf(r, c.field, c.index)))]);
}

export function changeLogCsv(edition: string, changes: readonly Change[]): string {
  return csv([[...CHANGE_LOG_HEADERS], ...changeLogRows(edition, changes)]);
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);

const PAGE_INTRO: Record<Boendeform, string> = {
  SABO: "Nedanstående hjälpmedel bekostas inte av Region Stockholm för personer som bor i särskilt boende för äldre enligt SoL, utom de som står under rubriken ”Region Stockholm bekostar”. Kommunen (boendet) eller den enskilde (egenansvar) bekostar dem.",
  LSS_BOSTAD: "Kostnadsansvar för förskrivna hjälpmedel för personer som bor i bostad med särskild service enligt 9 § 8 och 9 § 9 LSS och är 18 år eller äldre.",
  LSS_DV: "Kostnadsansvar för förskrivna hjälpmedel i daglig verksamhet enligt 9 § 10 LSS.",
  SOL_DAGV: "Kostnadsansvar för förskrivna hjälpmedel i dagverksamhet enligt SoL, inklusive sysselsättning enligt 3 kap. 6 § SoL.",
  SOL_SOCPSYK:
    "I bostad med särskild service enligt SoL (socialpsykiatri) är kostnadsansvaret för hjälpmedel huvudsakligen Region Stockholms. Kommunen bekostar alla typer av lyftar, duschvagn/duschsäng och vårdaraggregat till rullstol samt grundutrustning (bilaga 4). Bilaga 1–3 tillämpas inte (§5.2).",
};

const ORDER = ["Kommun", "Egenansvar", "Region", ""] as const;
const GROUP_TITLE: Record<(typeof ORDER)[number], string> = {
  Kommun: "Kommunen bekostar",
  Egenansvar: "Egenansvar – den enskilde bekostar",
  Region: "Region Stockholm bekostar",
  "": "Ej avgjort i bilagorna",
};

interface PageRow {
  readonly bilaga: string;
  readonly iso: string;
  readonly title: string;
  readonly payer: string;
  readonly villkor: string;
}

function pageRows(edition: Edition, form: Boendeform): PageRow[] {
  const keys: readonly BilagaKey[] = form === "SOL_SOCPSYK" ? ["B4"] : ["B1", "B2", "B3"];
  const rows: PageRow[] = [];
  for (const key of keys) {
    const sheet = edition.bilagor[key];
    for (const r of sheet?.rows ?? []) {
      if (r.status === "Utgår" || r.status === "Förslag" || r.status === "Kräver huvudmannabeslut") continue;
      rows.push({
        bilaga: SHEET_SPECS[key].name,
        iso: r.iso ?? "",
        title: r.title ?? r.product ?? "",
        payer: r.payers[form] ?? "",
        villkor: [r.villkor, r.giltigFran ? `Gäller från ${r.giltigFran}.` : null].filter(Boolean).join(" "),
      });
    }
  }
  return rows.sort((a, b) => a.iso.localeCompare(b.iso) || a.title.localeCompare(b.title, "sv"));
}

function table(caption: string, rows: readonly PageRow[]): string {
  const body = rows
    .map((r) => `<tr><td class="iso">${escapeHtml(r.iso)}</td><td>${escapeHtml(r.title)}</td><td>${escapeHtml(r.villkor)}</td><td>${escapeHtml(r.bilaga)}</td></tr>`)
    .join("\n");
  return `<table>
<caption>${escapeHtml(caption)} (${rows.length})</caption>
<thead><tr><th scope="col">ISO-kod</th><th scope="col">Benämning</th><th scope="col">Villkor och anmärkningar</th><th scope="col">Bilaga</th></tr></thead>
<tbody>
${body}
</tbody>
</table>`;
}

/**
 * The page people look things up on, per housing form: static HTML, every cell text escaped,
 * no scripts, readable on screen and on paper.
 */
export function boendeformPage(edition: Edition, form: Boendeform, changes: readonly Change[], previousName: string | null): string {
  const info = BOENDEFORM_INFO[form];
  const rows = pageRows(edition, form);
  const groups = ORDER.map((payer) => ({ payer, rows: rows.filter((r) => r.payer === payer) })).filter((g) => g.rows.length > 0);
  const principles = (edition.principles?.rows ?? []).filter((p) => isRegionPrinciple(p.principle) || (form === "SOL_SOCPSYK" && p.principle === "SOCPSYK_KOMMUN"));
  const principleItems = principles
    .map((p) => `<li><span class="iso">${escapeHtml(p.iso)}</span> – ${escapeHtml(PRINCIPLE_INFO[p.principle].areaSv)}: ${p.principle === "SOCPSYK_KOMMUN" ? "kommunen" : "Region Stockholm, alla åldrar"} (${escapeHtml(PRINCIPLE_INFO[p.principle].section)})</li>`)
    .join("\n");
  const relevant = changes.filter((c) => c.kind !== "payer" || c.boendeform === form).filter((c) => (form === "SOL_SOCPSYK" ? (c.kind === "removed" ? c.before : c.after).bilaga === "B4" : (c.kind === "removed" ? c.before : c.after).bilaga !== "B4"));
  const changeItems = changeLogRows(edition.name, relevant)
    .map((r) => `<li><span class="iso">${escapeHtml(r[2]!)}</span> ${escapeHtml(r[3]!)}${r[4] ? ` – ${escapeHtml(r[4])}` : ""}: ${escapeHtml(r[5] || "–")} → ${escapeHtml(r[6] || "–")}</li>`)
    .join("\n");
  const title = `${info.nameSv}: kostnadsansvar för hjälpmedel`;
  const validity = [edition.effective ? `gäller från ${edition.effective}` : null, edition.decided ? `beslutad ${edition.decided}` : null].filter(Boolean).join(", ");
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)} – utgåva ${escapeHtml(edition.name)}</title>
<style>
body { font-family: "Segoe UI", Arial, sans-serif; color: #242424; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
.meta { color: #555; margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; }
caption { text-align: left; font-weight: 600; font-size: 1.05rem; padding: .4rem 0; }
th, td { border: 1px solid #bbb; padding: .35rem .5rem; text-align: left; vertical-align: top; white-space: pre-line; }
th { background: #f0f0f0; }
.iso { font-family: Consolas, monospace; white-space: nowrap; }
footer { margin-top: 2rem; color: #555; font-size: .9rem; }
@media print { body { margin: 0; max-width: none; font-size: 10pt; } h2 { break-after: avoid; } tr { break-inside: avoid; } thead { display: table-header-group; } }
</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="meta">Bilagor till överenskommelsen om kostnadsansvar för hjälpmedel i Stockholms län – utgåva ${escapeHtml(edition.name)}${validity ? ` (${escapeHtml(validity)})` : ""}.</p>
</header>
<main>
<p>${escapeHtml(PAGE_INTRO[form])}</p>
<p>Region Stockholm bekostar alltid specialanpassade hjälpmedel och förskrivna hjälpmedel till barn och unga under 18 år (§2.2).</p>
${principleItems ? `<h2>Enligt överenskommelsens principer</h2>\n<ul>\n${principleItems}\n</ul>` : ""}
<h2>Per ISO-kod</h2>
${groups.length > 0 ? groups.map((g) => table(GROUP_TITLE[g.payer], g.rows)).join("\n") : "<p>Bilagorna har inga rader för den här boendeformen.</p>"}
<h2>Ändrat sedan ${previousName ? `utgåva ${escapeHtml(previousName)}` : "föregående utgåva"}</h2>
${previousName === null ? "<p>Ingen föregående utgåva angavs.</p>" : changeItems ? `<ul>\n${changeItems}\n</ul>` : "<p>Inga ändringar för den här boendeformen.</p>"}
</main>
<footer>Utgåvans kontrollsumma (SHA-256): <span class="iso">${escapeHtml(edition.hash)}</span></footer>
</body>
</html>
`;
}

/** The published files of an edition, by file name (relative to the output folder). */
export function publicationFiles(edition: Edition, changes: readonly Change[], previousName: string | null, serialized: string): Map<string, string> {
  const stem = editionFileStem(edition.name);
  const files = new Map<string, string>([[`${stem}.json`, serialized]]);
  for (const key of BILAGA_KEYS) {
    const sheet = edition.bilagor[key];
    if (sheet) files.set(`${stem}-bilaga-${key.slice(1)}.csv`, bilagaCsv(sheet));
  }
  files.set(`${stem}-andringslogg.csv`, changeLogCsv(edition.name, changes));
  for (const form of BOENDEFORMER) files.set(`${stem}-${form.toLowerCase().replace(/_/g, "-")}.html`, boendeformPage(edition, form, changes, previousName));
  return files;
}
