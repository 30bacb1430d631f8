/**
 * `npm run bench`: measures on this machine, in one run, and writes bench/results.json.
 * Figures are medians of repeated runs; ratios compare against a baseline measured in the same run.
 */
import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ISO_LIST } from "../src/core/example/isoList";
import { exampleWorkbook } from "../src/core/example/exampleWorkbook";
import { readWorkbook } from "../src/core/model";
import { buildWhoPaysIndex, whoPays } from "../src/core/whoPays";
import { validateWorkbook } from "../src/core/validation/validateWorkbook";
import { workbook } from "../test/helpers/workbooks";
import { generatedCode, largeWorkbook } from "../test/helpers/xlsxFixtures";
import { readXlsxBytes } from "../src/node/readXlsx";
import { readWithExcelJs } from "../test/helpers/excelJsReader";
import { readerFixtures } from "../test/helpers/readerFixtures";
import { installOfficeRuntime, loadOfficeRuntime, serialisedBytes } from "./officeRuntime";
import { BENCH_FORMS, lookupFigures, rangeFigures100k } from "./speed";
import { validateComparison } from "./validateBefore";
import { paneFigures } from "./pane";
import { paneSyncFigures } from "./paneSyncs";

/** The repository root, from bench/ or from its compiled copy in dist/bench/bench/. */
const ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? "../../.." : "..");

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Runs `fn` `times` times (after one warm-up) and returns the median in milliseconds. */
function timeMs(fn: () => void, times = 5): number {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

const FORMS = BENCH_FORMS;

/** whoPays against Map.get and the realistic floor: see bench/speed.ts (issue 13). */
function whoPaysFigures() {
  return lookupFigures();
}

/** A bilaga 1 of `n` generated rows, as the validation figures use it. */
const validationRows = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      "ISO-kod": generatedCode(i),
      Benämning: `Produktgrupp ${i}`,
      SÄBO: "Kommun",
      "LSS bostad": i % 3 === 0 ? "Region" : "Kommun",
      "LSS daglig verksamhet": "Kommun",
      "SoL dagverksamhet": i % 11 === 0 ? null : "Kommun",
      Huvudhjälpmedel: i % 13 === 0 ? generatedCode(i + 1) : null,
    }));

function validateFigures() {
  const measure = (n: number) => {
    const raw = workbook({ b1: validationRows(n) });
    return timeMs(() => void validateWorkbook(raw), n >= 100_000 ? 3 : 5);
  };
  return { validateRows1kMs: measure(1_000), validateRows10kMs: measure(10_000), validateRows100kMs: measure(100_000) };
}

async function cliFigures() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "kostnadsansvar-bench-"));
  const file = path.join(dir, "bilagor-10k.xlsx");
  writeFileSync(file, await largeWorkbook(10_000));
  const bin = path.join(ROOT, "bin", "kostnadsansvar.js");
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [bin, "validate", file, "--json"], { encoding: "utf8" });
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (r.status !== 0) throw new Error(`validate exited ${r.status}: ${r.stderr}`);
  }
  return { cliValidate10kMs: median(samples) };
}

/**
 * The CLI's .xlsx reading (issues 9 and 13), each figure from child processes: `--help` start-up
 * against bare Node, `validate` on a 100 000-row workbook (wall time and max RSS), and reading
 * alone with the fflate + saxes reader against the former ExcelJS reader, on that workbook and
 * on the whole fixture suite, in the same run.
 */
export async function cliReaderFigures() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "kostnadsansvar-bench-read-"));
  const file = path.join(dir, "bilagor-100k.xlsx");
  writeFileSync(file, await largeWorkbook(100_000));
  const bin = path.join(ROOT, "bin", "kostnadsansvar.js");
  // Reports the child's peak resident memory on stderr when it exits.
  const preload = path.join(dir, "maxrss.js");
  writeFileSync(preload, 'process.on("exit", () => process.stderr.write("\\nMAXRSS_KB " + process.resourceUsage().maxRSS + "\\n"));\n');
  const timed = (args: string[], expectStatus = 0) => {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ["--require", preload, ...args], { encoding: "utf8", cwd: ROOT, maxBuffer: 256 * 1024 * 1024 });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (r.status !== expectStatus) throw new Error(`bench: ${args.join(" ")} exited ${r.status}: ${r.stderr.slice(-500)}`);
    const rss = Number(/MAXRSS_KB (\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
    return { ms, rss, out: r.stdout };
  };
  const medianOf = (n: number, run: () => { ms: number; rss: number }) => {
    const runs = Array.from({ length: n }, run);
    return { ms: median(runs.map((r) => r.ms)), rss: median(runs.map((r) => r.rss)) };
  };
  const node = medianOf(5, () => timed(["-e", "0"]));
  const help = medianOf(5, () => timed([bin, "--help"]));
  const validate = medianOf(3, () => timed([bin, "validate", file, "--json"]));
  // Reading alone, each reader in its own process (compiled beside this file).
  const readScript = (reader: "new" | "exceljs") => `
    const fs = require("node:fs");
    const bytes = fs.readFileSync(${JSON.stringify(file)});
    const start = process.hrtime.bigint();
    const read = ${reader === "new" ? `require(${JSON.stringify(path.join(__dirname, "..", "src", "node", "readXlsx.js"))}).readXlsxBytes(bytes, "x.xlsx")` : `require(${JSON.stringify(path.join(__dirname, "..", "test", "helpers", "excelJsReader.js"))}).readWithExcelJs(bytes)`};
    Promise.resolve(read).then((r) => { const ms = Number(process.hrtime.bigint() - start) / 1e6; process.stdout.write(JSON.stringify({ ms, ok: r.ok !== false })); });`;
  const readOnce = (reader: "new" | "exceljs") => {
    const r = timed(["-e", readScript(reader)]);
    const parsed = JSON.parse(r.out) as { ms: number; ok: boolean };
    if (!parsed.ok) throw new Error(`bench: the ${reader} reader refused the 100k workbook`);
    return { ms: parsed.ms, rss: r.rss };
  };
  const readNew = medianOf(3, () => readOnce("new"));
  const readOld = medianOf(3, () => readOnce("exceljs"));
  // The whole fixture suite in this process: old and new reader alternately, medians of 3.
  const fixtures = await readerFixtures();
  const suite = async (read: (bytes: Buffer, name: string) => Promise<unknown>) => {
    const start = process.hrtime.bigint();
    for (const f of fixtures) await read(f.bytes, f.name);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const newSuite: number[] = [];
  const oldSuite: number[] = [];
  for (let k = 0; k < 3; k++) {
    newSuite.push(await suite((b, n) => readXlsxBytes(b, n)));
    oldSuite.push(await suite((b) => readWithExcelJs(b)));
  }
  return {
    cliStartupMs: Math.round(help.ms),
    nodeStartupMs: Math.round(node.ms),
    cliValidate100kMs: Math.round(validate.ms),
    cliValidate100kMaxRssMb: Math.round(validate.rss),
    xlsxRead100kMs: Math.round(readNew.ms),
    xlsxRead100kMaxRssMb: Math.round(readNew.rss),
    xlsxRead100kExcelJsMs: Math.round(readOld.ms),
    xlsxRead100kExcelJsMaxRssMb: Math.round(readOld.rss),
    xlsxReadFixturesMs: Math.round(median(newSuite)),
    xlsxReadFixturesExcelJsMs: Math.round(median(oldSuite)),
  };
}

/** The range form through the real wrapper (2-D in, 2-D out), and how big its answer is. */
async function rangeFigures() {
  installOfficeRuntime(loadOfficeRuntime(ROOT));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fns = require("../src/functions/functions") as typeof import("../src/functions/functions");
  const codes = ISO_LIST.map(([code]) => code);
  const n = 100_000;
  const iso = Array.from({ length: n }, (_, i) => [codes[i % codes.length]!]);
  const forms = Array.from({ length: n }, (_, i) => [FORMS[i % 5]!]);
  const ages = Array.from({ length: n }, (_, i) => [18 + (i % 80)]);
  await fns.whoPaysFn(iso.slice(0, 1000), forms.slice(0, 1000), ages.slice(0, 1000));
  const samples: number[] = [];
  let payers: unknown[][] = [];
  for (let k = 0; k < 5; k++) {
    const start = process.hrtime.bigint();
    payers = await fns.whoPaysFn(iso, forms, ages);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const why = await fns.whoPaysWhyFn(iso, forms, ages);
  // As the Office runtime sends it: JSON, each error through its own toJSON.
  const size = serialisedBytes;
  return { rangeRows100kMs: median(samples), rangePayload100kBytes: size(payers), rangeWhyPayload100kBytes: size(why) };
}

/**
 * HyperFormula recalculating 10 000 cells: =HJM.WHO_PAYS(...) against what a user would write
 * without the add-in, nested XLOOKUP/IFERROR from division to subclass to class, on the same list.
 */
async function hyperFormulaFigures() {
  const { HyperFormula } = await import("hyperformula");
  const { functionsMetadata } = await import("../test/helpers/metadata");
  const { registerAddinFunctions, settle } = await import("../test/helpers/hyperformula");
  const { basisOf } = await import("../src/excel/basis");
  const { readWorkbook } = await import("../src/core/model");
  // A list of 2 000 rows: classes, subclasses and divisions with a SÄBO payer each.
  const list: Array<[string, string]> = [];
  for (let c = 30; list.length < 2000; c++) {
    list.push([`${c}`, "Kommun"]);
    for (let s = 3; s <= 30 && list.length < 2000; s += 3) {
      list.push([`${c} ${String(s).padStart(2, "0")}`, s % 2 ? "Region" : "Kommun"]);
      for (let d = 3; d <= 9 && list.length < 2000; d += 3) list.push([`${c} ${String(s).padStart(2, "0")} ${String(d).padStart(2, "0")}`, d === 6 ? "Egenansvar" : "Region"]);
    }
  }
  const basis = basisOf(readWorkbook(workbook({ b1: list.map(([code, payer]) => ({ "ISO-kod": code, Benämning: "x", SÄBO: payer, "LSS bostad": payer, "LSS daglig verksamhet": payer, "SoL dagverksamhet": payer })), principer: [] })));
  registerAddinFunctions(await functionsMetadata(), () => basis);
  const rows = 10_000;
  // Queries at all three levels, and codes the list has only coarser rows for.
  const queries = Array.from({ length: rows }, (_, i) => {
    const [code] = list[(i * 7) % list.length]!;
    return i % 4 === 0 && code.length === 8 ? `${code.slice(0, 6)}12` : code;
  });
  const last = list.length + 1;
  const lookup = (r: number) => {
    const L = (range: string) => `Lista!$${range}$2:$${range}$${last}`;
    return `=IFERROR(XLOOKUP(A${r},${L("A")},${L("B")}),IFERROR(XLOOKUP(LEFT(A${r},5),${L("A")},${L("B")}),XLOOKUP(LEFT(A${r},2),${L("A")},${L("B")})))`;
  };
  const sheet = (formula: (r: number) => string) => ({
    Lista: [["ISO-kod", "SÄBO"], ...list],
    Frågor: [["iso", "boendeform", "ålder", "betalare"], ...queries.map((q, i) => [q, "SÄBO", 80, formula(i + 2)])],
  });
  const measure = async (formula: (r: number) => string) => {
    const hf = HyperFormula.buildFromSheets(sheet(formula), { licenseKey: "gpl-v3", dateFormats: ["YYYY-MM-DD"] });
    // The add-in's functions are asynchronous (Excel shows #BUSY! until they resolve): settle them.
    await settle(hf);
    const samples: number[] = [];
    for (let k = 0; k < 3; k++) {
      const start = process.hrtime.bigint();
      hf.rebuildAndRecalculate();
      await settle(hf);
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    const values = hf.getSheetValues(hf.getSheetId("Frågor")!).slice(1).map((r) => r[3]);
    hf.destroy();
    return { ms: median(samples), values };
  };
  const addin = await measure((r) => `=HJM.WHO_PAYS(A${r},B${r},C${r})`);
  const plain = await measure(lookup);
  // Both must give the same answers, or the comparison means nothing.
  const differ = addin.values.filter((v, i) => v !== plain.values[i]).length;
  if (differ > 0) throw new Error(`bench: the add-in and the lookup formula disagree on ${differ} rows`);
  return { hfAddinRows10kMs: addin.ms, hfLookupRows10kMs: plain.ms };
}

/**
 * `follow-up` over generated cost files of 1 M and 5 M lines (26 kommuner, 8 quarters, amounts as
 * Swedish text, every 53rd line without age, every 97th unlisted), run as the user runs it, in a child process whose
 * peak RSS it reports on exit. Memory must stay flat: 5 M lines in about the RSS of 1 M.
 */
export async function followUpFigures() {
  const { createWriteStream } = await import("node:fs");
  const dir = mkdtempSync(path.join(os.tmpdir(), "kostnadsansvar-bench-fu-"));
  const kommuner = ["Botkyrka", "Danderyd", "Ekerö", "Haninge", "Huddinge", "Järfälla", "Lidingö", "Nacka", "Norrtälje", "Nykvarn", "Nynäshamn", "Salem", "Sigtuna", "Sollentuna", "Solna", "Stockholm", "Sundbyberg", "Södertälje", "Tyresö", "Täby", "Upplands Väsby", "Upplands-Bro", "Vallentuna", "Vaxholm", "Värmdö", "Österåker"];
  // Codes the example lists answer for an adult in SÄBO, as most real lines are; every 97th line is unlisted.
  const index = buildWhoPaysIndex(readWorkbook(exampleWorkbook()));
  const codes = ISO_LIST.map(([code]) => code).filter((code) => {
    const r = whoPays({ iso: code, boendeform: "SÄBO", age: 65 }, index);
    return r.ok && r.payer !== null;
  });
  const forms = ["SÄBO", "LSS bostad", "daglig verksamhet", "dagverksamhet", "socialpsykiatri"];
  const generate = (lines: number) =>
    new Promise<string>((resolve, reject) => {
      const file = path.join(dir, `kostnader-${lines}.csv`);
      const out = createWriteStream(file).on("error", reject);
      out.write("kommun;kvartal;iso;boendeform;ålder;belopp\n");
      let i = 0;
      const more = (): void => {
        while (i < lines) {
          const batch: string[] = [];
          for (const end = Math.min(lines, i + 10_000); i < end; i++) {
            const ore = (i * 7919) % 500_000;
            const kr = Math.floor(ore / 100).toLocaleString("sv-SE");
            batch.push(`${kommuner[(i >> 4) % 26]};${2025 + ((i >> 3) & 1)}Q${1 + (i % 4)};${i % 97 === 0 ? "15 09" : codes[(i * 31) % codes.length]};${forms[(i >> 2) % 5]};${i % 53 === 0 ? "" : 18 + (i % 80)};${kr},${String(ore % 100).padStart(2, "0")}`);
          }
          if (!out.write(batch.join("\n") + "\n")) return void out.once("drain", more);
        }
        out.end(() => resolve(file));
      };
      more();
    });
  const preload = path.join(dir, "maxrss.js");
  writeFileSync(preload, 'process.on("exit", () => { const u = process.resourceUsage(); process.stderr.write("MAXRSS " + u.maxRSS + " CPU " + (u.userCPUTime + u.systemCPUTime) + "\\n"); });\n');
  const bin = path.join(ROOT, "bin", "kostnadsansvar.js");
  // `toFile`: the output goes to a file, as a user keeps a --json run (`--json > uppföljning.json`);
  // through a pipe, the bench's own reading of 130 MB would be timed too.
  const child = (args: string[], toFile?: string) => {
    const fd = toFile ? openSync(toFile, "w") : null;
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ["-r", preload, ...args], { encoding: "utf8", maxBuffer: 512 * 1024 * 1024, stdio: ["ignore", fd ?? "pipe", "pipe"] });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (fd !== null) closeSync(fd);
    const m = /MAXRSS (\d+) CPU (\d+)/.exec(r.stderr);
    if (!m) throw new Error(`bench: no figures from the child: ${r.stderr}`);
    // CPU time beside wall time: on a shared machine the wall clock also counts waiting for a core.
    return { ms, rssMb: Number(m[1]) / 1024, cpuMs: Number(m[2]) / 1000, status: r.status, stdout: toFile ? readFileSync(toFile, "utf8") : r.stdout, stderr: r.stderr };
  };
  const runOnce = (file: string, json = false) => {
    const r = json ? child([bin, "follow-up", file, "--json"], path.join(dir, "uppföljning.json")) : child([bin, "follow-up", file]);
    if (r.status !== 0 && r.status !== 1) throw new Error(`follow-up exited ${r.status}: ${r.stderr}`);
    if (json ? !(JSON.parse(r.stdout) as { totals: { balanced: boolean } }).totals.balanced : !/stämmer till öret/.test(r.stdout)) throw new Error("bench: follow-up did not reconcile");
    return r;
  };
  // The analyst's floor: the keys answered beforehand by whoPays (as DuckDB joined the answers of
  // vem-betalar --frågefil), then one streaming pass that only sums (bench/analystFloor.ts).
  const answersFile = path.join(dir, "svar.json");
  const payerOf = (code: string, form: string, age: number) => {
    const r = whoPays({ iso: code, boendeform: form, age }, index);
    return r.ok && r.payer !== null ? r.payer : "unassigned";
  };
  const keys: Array<[string, string]> = [];
  for (const code of [...codes, "15 09"]) {
    for (const form of forms) {
      const [child_, adult] = [payerOf(code, form, 17), payerOf(code, form, 65)];
      keys.push([`${code};${form}|child`, child_], [`${code};${form}|adult`, adult], [`${code};${form}|`, child_ === adult ? adult : "unassigned"]);
    }
  }
  writeFileSync(answersFile, JSON.stringify(keys));
  const floorOnce = (file: string) => child([path.join(__dirname, "analystFloor.js"), file, answersFile]);
  try {
    const oneM = await generate(1_000_000);
    const runs = [runOnce(oneM), runOnce(oneM), runOnce(oneM)];
    const fiveM = await generate(5_000_000);
    const floor = floorOnce(fiveM);
    const five = runOnce(fiveM);
    const fiveJson = runOnce(fiveM, true);
    // Same totals to the öre, quarter by quarter and payer by payer.
    const floorTotals = JSON.parse(floor.stdout) as Record<string, number>;
    const quarters = (JSON.parse(fiveJson.stdout) as { quarters: Array<{ quarter: string; kommun: number; region: number; egenansvar: number; unassigned: number }> }).quarters;
    for (const q of quarters) {
      for (const [payer, kr] of [["Kommun", q.kommun], ["Region", q.region], ["Egenansvar", q.egenansvar], ["unassigned", q.unassigned]] as const) {
        const ore = floorTotals[`${q.quarter}|${payer}`] ?? 0;
        if (Math.round(kr * 100) !== ore) throw new Error(`bench: follow-up and the analyst's floor differ in ${q.quarter} ${payer}: ${kr} kr against ${ore} öre`);
      }
    }
    return {
      followUpLines1MMs: median(runs.map((r) => r.ms)),
      followUpLines1MCpuMs: Math.round(median(runs.map((r) => r.cpuMs))),
      followUpLines1MMaxRssMb: Math.round(median(runs.map((r) => r.rssMb))),
      followUp5MMaxRssMb: Math.round(five.rssMb),
      followUp5MMs: Math.round(five.ms),
      followUp5MJsonMs: Math.round(fiveJson.ms),
      followUp5MJsonMaxRssMb: Math.round(fiveJson.rssMb),
      followUpFloor5MMs: Math.round(floor.ms),
    };
  } finally {
    // About 300 MB of generated lines: never left behind.
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Hjälpmedelsguiden: the size a reader downloads (guide.js + the edition's data, gzip -9) for the
 * example edition and a generated 2 000-row edition, and the median time from opening a deep link
 * (file://) to the answer shown, in Debian's Chromium.
 */
export async function guideFigures() {
  const { gzipSync } = await import("node:zlib");
  const { readFileSync, existsSync } = await import("node:fs");
  const { editionFromModel } = await import("../src/core/editions/edition");
  const { publicationFiles } = await import("../src/core/editions/publication");
  const script = path.join(ROOT, "dist", "guide", "guide.js");
  if (!existsSync(script)) throw new Error("bench: dist/guide/guide.js saknas; kör npm run build:cli");
  const guideJs = readFileSync(script);
  const meta = { name: "bench", decided: "2026-01-01", effective: "2026-04-01" };
  const example = editionFromModel(readWorkbook(exampleWorkbook()), meta);
  const rows = Array.from({ length: 2000 }, (_, i) => ({
    "ISO-kod": generatedCode(i),
    Benämning: `Produktgrupp ${i} med en benämning av vanlig längd`,
    SÄBO: i % 3 === 0 ? "Region" : "Kommun",
    "LSS bostad": "Kommun",
    "LSS daglig verksamhet": i % 5 === 0 ? "Egenansvar" : "Kommun",
    "SoL dagverksamhet": "Kommun",
    Villkor: i % 4 === 0 ? "Gäller när hjälpmedlet används i boendets gemensamma utrymmen." : null,
  }));
  const large = editionFromModel(readWorkbook(workbook({ b1: rows })), meta);
  const gzipKb = (edition: typeof example) => {
    const data = publicationFiles(edition, [], null, "{}").get("guide-data.js")!;
    return gzipSync(Buffer.concat([guideJs, Buffer.from(data, "utf8")]), { level: 9 }).length / 1024;
  };
  const dir = mkdtempSync(path.join(os.tmpdir(), "kostnadsansvar-guide-bench-"));
  for (const [name, content] of publicationFiles(large, [], null, "{}")) writeFileSync(path.join(dir, name), content);
  writeFileSync(path.join(dir, "guide.js"), guideJs);
  // The floor in the same run: the same folder and data, with a guide script that answers nothing
  // (it only says it is ready): what loading the page and the edition's data costs the browser.
  const floorDir = mkdtempSync(path.join(os.tmpdir(), "kostnadsansvar-guide-floor-"));
  for (const [name, content] of publicationFiles(large, [], null, "{}")) writeFileSync(path.join(floorDir, name), content);
  writeFileSync(
    path.join(floorDir, "guide.js"),
    'function ready() { document.getElementById("svar").dataset.rule = "LIST"; window.__guideReadyMs = performance.now(); window.__guideReady = true; }\n' +
      'if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready); else ready();\n',
  );
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--headless=new", "--no-sandbox", "--disable-gpu"] });
  const samples: number[] = [];
  const floor: number[] = [];
  // From the HTML parsed (domInteractive) to the answer: running the edition's data and the guide.
  const afterHtml: number[] = [];
  try {
    const page = await browser.newPage();
    const code = generatedCode(1234).replace(/ /g, "%20");
    // The guide and the floor alternately, so both meet the same machine.
    for (let i = 0; i < 32; i++) {
      const isFloor = i % 2 === 1;
      await page.goto(`file://${isFloor ? floorDir : dir}/index.html?iso=${code}&boendeform=SABO&alder=80`);
      // Strings: the bench compiles without the DOM's types.
      await page.waitForFunction("window.__guideReady === true");
      const [ms, rule, html] = (await page.evaluate('[window.__guideReadyMs, document.getElementById("svar").dataset.rule, performance.getEntriesByType("navigation")[0].domInteractive]')) as [number, string, number];
      if (rule !== "LIST") throw new Error(`bench: the guide answered ${rule}, not LIST`);
      if (i < 2) continue;
      if (isFloor) floor.push(ms);
      else {
        samples.push(ms);
        afterHtml.push(ms - html);
      }
    }
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(floorDir, { recursive: true, force: true });
  }
  return { guideJsGzipKb: Number(gzipKb(example).toFixed(1)), guideJsGzip2kKb: Number(gzipKb(large).toFixed(1)), guideAnswerMs: Number(median(samples).toFixed(1)), guideAnswerAfterHtmlMs: Number(median(afterHtml).toFixed(1)), guideFloorMs: Number(median(floor).toFixed(1)), guideData2kKb: Number((Buffer.byteLength(publicationFiles(large, [], null, "{}").get("guide-data.js")!) / 1024).toFixed(1)) };
}

async function main() {
  const results = {
    ...whoPaysFigures(),
    ...(await rangeFigures()),
    ...(await rangeFigures100k(ROOT)),
    ...paneFigures(ROOT),
    ...(await paneSyncFigures()),
    ...(await hyperFormulaFigures()),
    ...validateFigures(),
    ...validateComparison(ROOT, workbook({ b1: validationRows(100_000) })),
    ...(await cliFigures()),
    ...(await cliReaderFigures()),
    ...(await followUpFigures()),
    ...(await guideFigures()),
    node: process.version,
    cpu: `${os.cpus()[0]?.model ?? "okänd"} (${os.cpus().length} kärnor)`,
    date: new Date().toISOString().slice(0, 10),
  };
  writeFileSync(path.join(ROOT, "bench", "results.json"), JSON.stringify(results, null, 2) + "\n");
  const r = results;
  const rows: Array<[string, string]> = [
    ["whoPays med datum, färska frågor, svar/s (1 000 000)", r.whoPaysPerSecond.toLocaleString("sv-SE")],
    ["Map.get, uppslag/s (baslinje)", r.mapGetPerSecond.toLocaleString("sv-SE")],
    ["  kvot whoPays / Map.get (mål ≥ 0,25)", (r.whoPaysPerSecond / r.mapGetPerSecond).toFixed(3)],
    ["golv: rå rad → heltalsnyckel → Map.get, svar/s", r.floorPerSecond.toLocaleString("sv-SE")],
    ["whoPays realistisk färsk blandning, svar/s", r.whoPaysRealisticPerSecond.toLocaleString("sv-SE")],
    ["  kvot realistisk / golv (mål ≥ 0,5)", (r.whoPaysRealisticPerSecond / r.floorPerSecond).toFixed(2)],
    ["  whoPays-specifikationen utan snabbväg, svar/s", r.whoPaysCorePerSecond.toLocaleString("sv-SE")],
    ["VEM_BETALAR 100 000 rader, CPU-ms (värsta / realistisk)", `${r.rangeRows100kCpuMs.toFixed(0)} / ${r.rangeRows100kRealisticCpuMs.toFixed(0)}`],
    ["  serialiserat, MB (värsta / realistisk)", `${(r.rangePayloadBytes100k / 1e6).toFixed(2)} / ${(r.rangePayloadBytes100kRealistic / 1e6).toFixed(2)}`],
    ["  rader utan svar (värsta / realistisk)", `${r.rangeUnanswered100k} / ${r.rangeUnanswered100kRealistic}`],
    ["  ett fel med toJSON, byte (utan / med meddelande)", `${r.officeErrorBytes} / ${r.officeErrorBytesWithMessage}`],
    ["aktivitetsfönstrets JS före första ritning, KB gzip", r.paneJsGzipKb.toFixed(1)],
    ["rundturer (context.sync) Granska, 2 000 / 20 000 rader (mål ≤ 4)", `${r.paneSyncsValidate2k} / ${r.paneSyncsValidate20k}`],
    ["  byte på tråden Granska, 2 000 / 20 000 rader, MB", `${(r.paneBytesValidate2k / 1e6).toFixed(2)} / ${(r.paneBytesValidate20k / 1e6).toFixed(2)}`],
    ["rundturer Markera 5 / 50 rader, Ta bort 50 (mål ≤ 2)", `${r.paneSyncsFlag5} / ${r.paneSyncsFlag50}, ${r.paneSyncsUnflag50}`],
    ["rundturer Publicera (med granskningen), 2 000 / 20 000 rader", `${r.paneSyncsPublish2k} / ${r.paneSyncsPublish20k}`],
    ["rundturer Skapa bilageblad", String(r.paneSyncsCreate)],
    ["rundturer Uppföljning, 10 000 / 100 000 kostnadsrader; MB på tråden (100 000)", `${r.paneSyncsFollowUp10k} / ${r.paneSyncsFollowUp100k}; ${(r.paneBytesFollowUp100k / 1e6).toFixed(1)}`],
    ["VEM_BETALAR över 100 000 rader (ett anrop), ms", r.rangeRows100kMs.toFixed(0)],
    ["  svarets storlek, VEM_BETALAR / VARFÖR, MB", `${(r.rangePayload100kBytes / 1e6).toFixed(2)} / ${(r.rangeWhyPayload100kBytes / 1e6).toFixed(1)}`],
    ["HyperFormula 10 000 × =HJM.WHO_PAYS, ms", r.hfAddinRows10kMs.toFixed(0)],
    ["HyperFormula 10 000 × XLOOKUP/IFERROR, ms", r.hfLookupRows10kMs.toFixed(0)],
    ["  kvot tillägget / uppslagsformeln", (r.hfAddinRows10kMs / r.hfLookupRows10kMs).toFixed(2)],
    ["validering 1 000 rader, ms", r.validateRows1kMs.toFixed(1)],
    ["validering 10 000 rader, ms", r.validateRows10kMs.toFixed(1)],
    ["validering 100 000 rader, ms", r.validateRows100kMs.toFixed(1)],
    ["validering 100 000 rader, före / efter nummer 13 (samma körning), ms", `${r.validateRows100kMsBefore.toFixed(0)} / ${r.validateRows100kMsAfter.toFixed(0)} (${(r.validateRows100kMsBefore / r.validateRows100kMsAfter).toFixed(1)}×)`],
    ["  tillväxt 10k→100k (10 = linjärt)", (r.validateRows100kMs / r.validateRows10kMs).toFixed(1)],
    ["kostnadsansvar validate, 10 000 rader .xlsx, ms", r.cliValidate10kMs.toFixed(0)],
    ["kostnadsansvar validate, 100 000 rader .xlsx, ms / max RSS MB", `${r.cliValidate100kMs} / ${r.cliValidate100kMaxRssMb}`],
    ["kostnadsansvar --help, ms (node -e 0: baslinje)", `${r.cliStartupMs} (${r.nodeStartupMs})`],
    ["läsa 100 000 rader .xlsx, ms / max RSS MB: fflate+saxes", `${r.xlsxRead100kMs} / ${r.xlsxRead100kMaxRssMb}`],
    ["  samma med ExcelJS (tidigare läsare)", `${r.xlsxRead100kExcelJsMs} / ${r.xlsxRead100kExcelJsMaxRssMb}`],
    ["läsa alla testarbetsböcker, ms: fflate+saxes / ExcelJS", `${r.xlsxReadFixturesMs} / ${r.xlsxReadFixturesExcelJsMs}`],
    ["follow-up 1 000 000 kostnadsrader (CSV), ms (cpu-tid)", `${r.followUpLines1MMs.toFixed(0)} (${r.followUpLines1MCpuMs})`],
    ["  högsta RSS, 1 000 000 / 5 000 000 rader, MB", `${r.followUpLines1MMaxRssMb} / ${r.followUp5MMaxRssMb}`],
    ["follow-up 5 000 000 kostnadsrader (CSV), ms", r.followUp5MMs.toFixed(0)],
    ["  analytikerns golv (strömma, summera, nycklar besvarade i förväg), ms", r.followUpFloor5MMs.toFixed(0)],
    ["  kvot follow-up / golv (mål ≤ 2)", (r.followUp5MMs / r.followUpFloor5MMs).toFixed(2)],
    ["  --json, ms / högsta RSS MB; kvot --json / text (mål ≤ 2)", `${r.followUp5MJsonMs} / ${r.followUp5MJsonMaxRssMb}; ${(r.followUp5MJsonMs / r.followUp5MMs).toFixed(2)}`],
    ["Hjälpmedelsguiden, skript + exempelutgåvans data, gzip -9, kB", r.guideJsGzipKb.toFixed(1)],
    ["Hjälpmedelsguiden, skript + 2 000 raders data, gzip -9, kB", r.guideJsGzip2kKb.toFixed(1)],
    ["Hjälpmedelsguiden, djuplänk till svar (2 000 rader), ms från navigering / från tolkad HTML", `${r.guideAnswerMs.toFixed(1)} / ${r.guideAnswerAfterHtmlMs.toFixed(1)}`],
    ["  samma sida och data med ett skript som inte svarar (golv), ms; guidens eget arbete", `${r.guideFloorMs.toFixed(1)}; ${(r.guideAnswerMs - r.guideFloorMs).toFixed(1)}`],
    ["  guide-data.js för 2 000 rader, kB (okomprimerad)", r.guideData2kKb.toFixed(1)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`Mätning ${r.date}, Node ${r.node}, ${r.cpu}`);
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  console.log("Skrev bench/results.json");
}

// Importable, so one group of figures can be measured alone: require("./run").followUpFigures().
if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
