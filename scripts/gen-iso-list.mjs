#!/usr/bin/env node
// Generates src/core/example/isoList.ts from the partial public ISO 9999 list (CSV).
// Usage: node scripts/gen-iso-list.mjs [path/to/iso9999-sv-partial.csv [path/to/output.ts]]
// Default input: data/iso9999-sv-partial.csv in the repository (each row names its source).
// Plain Node ESM, no dependencies. Rows whose code is not `NN`, `NN NN` or `NN NN NN`, or that
// repeat an earlier code, are reported on stderr and skipped.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const input = resolve(repoRoot, process.argv[2] ?? "data/iso9999-sv-partial.csv");
const output = resolve(repoRoot, process.argv[3] ?? "src/core/example/isoList.ts");
const CODE = /^\d{2}( \d{2}){0,2}$/;

/**
 * RFC 4180 CSV: fields separated by commas, optionally quoted; inside quotes a doubled quote is
 * a quote and commas and line breaks are data. Accepts LF and CRLF and a leading BOM.
 * Returns rows with the 1-based line on which each row starts.
 */
function parseCsv(text) {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = "";
  };
  const endRow = () => {
    endField();
    rows.push({ line: rowLine, fields: row });
    row = [];
  };
  while (i < src.length) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === "\n") line += 1;
        field += ch;
      }
      i += 1;
      continue;
    }
    if (ch === '"' && field === "") {
      quoted = true;
    } else if (ch === ",") {
      endField();
    } else if (ch === "\r" && src[i + 1] === "\n") {
      // CRLF: handled by the \n on the next step.
    } else if (ch === "\n" || ch === "\r") {
      endRow();
      line += 1;
      rowLine = line;
    } else {
      field += ch;
    }
    i += 1;
  }
  if (quoted) throw new Error(`${input}: unterminated quoted field starting on line ${rowLine}`);
  if (field !== "" || row.length > 0) endRow();
  // Blank lines are not rows.
  return rows.filter((r) => !(r.fields.length === 1 && r.fields[0].trim() === ""));
}

const rows = parseCsv(readFileSync(input, "utf8"));
if (rows.length === 0) throw new Error(`${input}: empty file`);
const header = rows[0].fields.map((h) => h.trim());
const col = (name) => {
  const index = header.indexOf(name);
  if (index < 0) throw new Error(`${input}: column ${name} missing (header: ${header.join(", ")})`);
  return index;
};
const codeCol = col("iso_code");
const titleCol = col("title_sv");
const editionCol = col("edition_hint");
const otherCol = col("other_titles_seen");

const entries = [];
const seen = new Set();
const years = new Set();
let skipped = 0;
for (const { line, fields } of rows.slice(1)) {
  const code = (fields[codeCol] ?? "").trim();
  const title = (fields[titleCol] ?? "").replace(/\s+/g, " ").trim();
  if (!CODE.test(code)) {
    console.error(`line ${line}: skipped, code ${JSON.stringify(code)} is not NN, NN NN or NN NN NN`);
    skipped += 1;
    continue;
  }
  if (title === "") {
    console.error(`line ${line}: skipped, code ${code} has no title_sv`);
    skipped += 1;
    continue;
  }
  if (seen.has(code)) {
    console.error(`line ${line}: skipped, code ${code} repeats an earlier row`);
    skipped += 1;
    continue;
  }
  seen.add(code);
  // A source that gave a product group its subclass's title (12 06 06 "Gånghjälpmedel som hanteras
  // med båda armarna", the title of 12 06) would make a correct title look wrong: take the first
  // other title seen for the code instead ("Rollatorer"), and say so.
  const parent = code.length > 2 ? entries.find(([c]) => c === code.slice(0, -3)) : undefined;
  const other = (fields[otherCol] ?? "").split("|").map((t) => t.replace(/\s+/g, " ").trim()).find((t) => t !== "" && t !== title);
  if (parent && parent[1] === title && other) {
    console.error(`line ${line}: ${code} has its parent's title ${JSON.stringify(title)}; using the other title seen, ${JSON.stringify(other)}`);
    entries.push([code, other]);
  } else {
    entries.push([code, title]);
  }
  for (const match of (fields[editionCol] ?? "").matchAll(/\b(?:19|20)\d{2}\b/g)) years.add(match[0]);
}

const yearList = [...years].sort();
const joined =
  yearList.length <= 1 ? yearList.join("") : `${yearList.slice(0, -1).join(", ")} och ${yearList.at(-1)}`;
const edition =
  yearList.length === 0
    ? "Partiell offentlig lista, ISO-utgåva okänd"
    : `Partiell offentlig lista, blandar ISO 9999:${joined}`;

const sourceName = relative(repoRoot, input).split(sep).join("/");
const out = `// GENERATED FILE – do not edit by hand.
// Generated by scripts/gen-iso-list.mjs from ${sourceName} (relative to the repo root)
// (${entries.length} codes, in the CSV's order). The public source URL of each row, the other
// titles seen and the edition hint are in that CSV. This is a partial list compiled from
// regions' public prescription guides, not the SIS standard; members import their own copy.

/** Short Swedish description of the list: partial, public, mixed ISO 9999 editions. */
export const ISO_LIST_EDITION = ${JSON.stringify(edition)};

/** ISO 9999 codes in normal form (\`NN\`, \`NN NN\`, \`NN NN NN\`) with their Swedish titles. */
export const ISO_LIST: ReadonlyArray<readonly [code: string, title: string]> = [
${entries.map(([code, title]) => `  [${JSON.stringify(code)}, ${JSON.stringify(title)}],`).join("\n")}
];
`;
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, out, "utf8");
console.error(`wrote ${relative(repoRoot, output)}: ${entries.length} codes, ${skipped} skipped; ${edition}`);
