/**
 * `npm run bench`: measures on this machine, in one run, and writes bench/results.json.
 * Figures are medians of repeated runs; ratios compare against a baseline measured in the same run.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ISO_LIST } from "../src/core/example/isoList";
import { exampleWorkbook } from "../src/core/example/exampleWorkbook";
import { readWorkbook } from "../src/core/model";
import { validateWorkbook } from "../src/core/validation/validateWorkbook";
import { buildWhoPaysIndex, whoPays } from "../src/core/whoPays";
import { workbook } from "../test/helpers/workbooks";
import { generatedCode, largeWorkbook } from "../test/helpers/xlsxFixtures";

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

const FORMS = ["SÄBO", "LSS bostad", "daglig verksamhet", "dagverksamhet", "socialpsykiatri", "ordinärt boende"];

function whoPaysFigures() {
  const index = buildWhoPaysIndex(readWorkbook(exampleWorkbook()));
  const codes = ISO_LIST.map(([code]) => code);
  const N = 1_000_000;
  // Mixed queries: every code of the built-in list, six housing forms, ages 5–99, some as typed by people.
  const queries = Array.from({ length: 4096 }, (_, i) => ({
    iso: i % 7 === 0 ? codes[i % codes.length]!.replace(/ /g, "") : codes[i % codes.length]!,
    boendeform: FORMS[i % FORMS.length]!,
    age: 5 + ((i * 37) % 95),
  }));
  const map = new Map(queries.map((q) => [`${q.iso}|${q.boendeform}`, "Kommun"]));
  const keys = queries.map((q) => `${q.iso}|${q.boendeform}`);
  let sink = 0;
  const whoPaysMs = timeMs(() => {
    for (let i = 0; i < N; i++) {
      const r = whoPays(queries[i & 4095]!, index);
      if (r.ok && r.payer) sink++;
    }
  }, 3);
  const mapMs = timeMs(() => {
    for (let i = 0; i < N; i++) if (map.get(keys[i & 4095]!)) sink++;
  }, 3);
  if (sink < 0) console.log(sink);
  return { whoPaysPerSecond: Math.round(N / (whoPaysMs / 1000)), mapGetPerSecond: Math.round(N / (mapMs / 1000)) };
}

function validateFigures() {
  const rowsOf = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      "ISO-kod": generatedCode(i),
      Benämning: `Produktgrupp ${i}`,
      SÄBO: "Kommun",
      "LSS bostad": i % 3 === 0 ? "Region" : "Kommun",
      "LSS daglig verksamhet": "Kommun",
      "SoL dagverksamhet": i % 11 === 0 ? null : "Kommun",
      Huvudhjälpmedel: i % 13 === 0 ? generatedCode(i + 1) : null,
    }));
  const measure = (n: number) => {
    const raw = workbook({ b1: rowsOf(n) });
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

async function main() {
  const results = {
    ...whoPaysFigures(),
    ...validateFigures(),
    ...(await cliFigures()),
    node: process.version,
    cpu: `${os.cpus()[0]?.model ?? "okänd"} (${os.cpus().length} kärnor)`,
    date: new Date().toISOString().slice(0, 10),
  };
  writeFileSync(path.join(ROOT, "bench", "results.json"), JSON.stringify(results, null, 2) + "\n");
  const r = results;
  const rows: Array<[string, string]> = [
    ["whoPays, svar/s (1 000 000 blandade frågor)", r.whoPaysPerSecond.toLocaleString("sv-SE")],
    ["Map.get, uppslag/s (baslinje)", r.mapGetPerSecond.toLocaleString("sv-SE")],
    ["  kvot whoPays / Map.get", (r.whoPaysPerSecond / r.mapGetPerSecond).toFixed(3)],
    ["validering 1 000 rader, ms", r.validateRows1kMs.toFixed(1)],
    ["validering 10 000 rader, ms", r.validateRows10kMs.toFixed(1)],
    ["validering 100 000 rader, ms", r.validateRows100kMs.toFixed(1)],
    ["  tillväxt 10k→100k (10 = linjärt)", (r.validateRows100kMs / r.validateRows10kMs).toFixed(1)],
    ["kostnadsansvar validate, 10 000 rader .xlsx, ms", r.cliValidate10kMs.toFixed(0)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`Mätning ${r.date}, Node ${r.node}, ${r.cpu}`);
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
  console.log("Skrev bench/results.json");
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
