/**
 * The honest figures of issue 13: lookups against their floors, range calls with Excel's real
 * error class, and the payload as the Office runtime serialises it. Every figure here comes from
 * fresh inputs (new strings and query objects per timed pass), the way cells arrive from Excel.
 */
import { BOENDEFORM_INFO, OUT_OF_SCOPE } from "../src/core/boendeform";
import type { CellValue } from "../src/core/cells";
import { NO_PAYER_BRIEF_SV } from "../src/core/editions/guideText";
import { whoPaysOnDate, type DatedLists } from "../src/core/editions/inForce";
import { exampleWorkbook } from "../src/core/example/exampleWorkbook";
import { ISO_LIST } from "../src/core/example/isoList";
import { readWorkbook } from "../src/core/model";
import { todayIso } from "../src/core/values";
import { buildWhoPaysIndex, whoPaysSpec } from "../src/core/whoPays";
import { installOfficeRuntime, loadOfficeRuntime, serialisedBytes } from "./officeRuntime";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Median milliseconds of each task over `times` rounds; in each round every task runs once, on
 * inputs its `build` makes fresh (untimed), so figures that are compared share the machine's load.
 */
function interleaved(tasks: ReadonlyArray<{ build: () => unknown; run: (input: unknown) => void }>, times: number): number[] {
  for (const t of tasks) t.run(t.build());
  const samples = tasks.map(() => [] as number[]);
  for (let i = 0; i < times; i++) {
    tasks.forEach((t, k) => {
      const input = t.build();
      (globalThis as { gc?: () => void }).gc?.();
      const start = process.hrtime.bigint();
      t.run(input);
      samples[k]!.push(Number(process.hrtime.bigint() - start) / 1e6);
    });
  }
  return samples.map(median);
}

/** The housing forms of today's bench mix, exactly as spelled there. */
export const BENCH_FORMS = ["SÄBO", "LSS bostad", "daglig verksamhet", "dagverksamhet", "socialpsykiatri", "ordinärt boende"];

/** One row as it arrives from a sheet: any cell type. */
export interface RawRow {
  readonly iso: CellValue;
  readonly boendeform: CellValue;
  readonly age: CellValue;
}

/** A tiny deterministic generator (mulberry32), so every run measures the same mix. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The cases people type a housing form in: as listed, "säbo", "LSS BOSTAD", "Daglig verksamhet". */
function anyCase(text: string, r: () => number): string {
  const k = r();
  if (k < 0.4) return text;
  if (k < 0.7) return text.toLowerCase();
  if (k < 0.85) return text.toUpperCase();
  return text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();
}

/** A code the way it arrives: `122203`, `12.22.03`, padded, `12 22 03`, or a number that lost its zero. */
function spelled(code: string, r: () => number): CellValue {
  const digits = code.replace(/ /g, "");
  const k = r();
  if (k < 0.4) return code.slice(0); // as listed; a fresh copy is made by the caller's concatenation below
  if (k < 0.6) return digits;
  if (k < 0.7) return code.replace(/ /g, ".");
  if (k < 0.8) return ` ${code}  `;
  if (k < 0.9) return code.replace(/ /g, "-");
  return Number(digits); // a cell formatted as a number: 093312 becomes 93312
}

/** Codes that are not ISO codes, forms that are not forms, ages that are not ages. */
const INVALID: ReadonlyArray<(r: () => number) => RawRow> = [
  (r) => ({ iso: `${Math.floor(r() * 90) + 10} 2`, boendeform: "SÄBO", age: 80 }),
  (r) => ({ iso: "okänd", boendeform: "SÄBO", age: 70 + Math.floor(r() * 20) }),
  () => ({ iso: "12 22 03", boendeform: "hemtjänst", age: 80 }),
  () => ({ iso: "12 22 03", boendeform: "SÄBO", age: "-" }),
  () => ({ iso: null, boendeform: "SÄBO", age: 80 }),
];

/**
 * A realistic sheet of `n` rows: 90 % valid rows that the example edition answers with a payer,
 * spelled in every usual way (codes as text with spaces, dots, dashes, padding, or numbers with a
 * lost zero; housing forms by any alias in any case; ages as numbers or text), 10 % invalid.
 * Strings are rebuilt per call, so no hash is cached from a previous pass.
 */
export function realisticRows(n: number, lists: readonly DatedLists[], seed = 13): RawRow[] {
  const r = random(seed);
  const pool = answeredPool(lists);
  const rows: RawRow[] = new Array(n);
  for (let i = 0; i < n; i++) {
    if (r() < 0.1) {
      rows[i] = INVALID[Math.floor(r() * INVALID.length)]!(r);
      continue;
    }
    const [code, aliases] = pool[Math.floor(r() * pool.length)]!;
    const iso = spelled(code, r);
    const age = 18 + Math.floor(r() * 80);
    rows[i] = {
      iso: typeof iso === "string" ? fresh(iso) : iso,
      boendeform: fresh(anyCase(aliases[Math.floor(r() * aliases.length)]!, r)),
      age: r() < 0.3 ? fresh(String(age)) : age,
    };
  }
  return rows;
}

/** A new flat string with the same characters (a fresh cell value, its hash not yet computed). */
function fresh(text: string): string {
  return Buffer.from(text, "utf8").toString("utf8");
}

let poolCache: Array<[string, readonly string[]]> | null = null;

/** (code, aliases of a housing form) pairs the example edition answers with a payer for an adult. */
function answeredPool(lists: readonly DatedLists[]): Array<[string, readonly string[]]> {
  if (poolCache) return poolCache;
  const date = todayIso();
  const forms = Object.values(BOENDEFORM_INFO).map((info) => [info.key, [info.key, info.nameSv, ...info.aliases]] as const);
  poolCache = [];
  for (const [code] of ISO_LIST) {
    for (const [key, aliases] of forms) {
      const a = whoPaysOnDate({ iso: code, boendeform: key, age: 50, date }, lists);
      if (a.ok && a.payer !== null) poolCache.push([code, aliases]);
    }
  }
  return poolCache;
}

/** The example edition, answering as the built-in basis of the add-in does (one undated list). */
export function exampleLists(): DatedLists[] {
  const index = buildWhoPaysIndex(readWorkbook(exampleWorkbook()));
  return [{ name: null, effective: null, index }];
}

// ---------------------------------------------------------------------------------------------
// The floor: what any implementation must at least do for a raw row.

const FLOOR_FORMS = new Map<string, number>();

/** ISO text or number to an integer key (level in the top digits), or -1; charCodeAt only. */
function floorIsoKey(raw: CellValue): number {
  if (typeof raw === "number") return raw >= 0 && raw < 1e6 && raw === Math.floor(raw) ? 3_000_000 + raw : -1;
  if (typeof raw !== "string") return -1;
  let value = 0;
  let digits = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      digits++;
    } else if (c !== 32 && c !== 46 && c !== 45) return -1;
  }
  return digits === 2 || digits === 4 || digits === 6 ? digits * 1_000_000 + value : -1;
}

/**
 * Lookups per second at the realistic floor: per raw row, parse the ISO text to an integer, look
 * the housing form up by its raw spelling, fold the age, and one integer-keyed Map.get.
 */
function floorRun(rows: readonly RawRow[], answers: Map<number, string>): number {
  let hits = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const iso = floorIsoKey(row.iso);
    const form = typeof row.boendeform === "string" ? FLOOR_FORMS.get(row.boendeform) : undefined;
    const age = typeof row.age === "number" ? row.age : Number(row.age);
    if (iso < 0 || form === undefined || !(age >= 0)) continue;
    if (answers.get(iso * 16 + form * 2 + (age < 18 ? 1 : 0)) !== undefined) hits++;
  }
  return hits;
}

/**
 * Map.get over pre-built keys (the absolute floor), the realistic floor, today's mix through the
 * range wrapper's per-row path (`whoPaysOnDate`, with a date, fresh query objects), and a
 * realistic fresh mix through the same path.
 */
export function lookupFigures() {
  const lists = exampleLists();
  const index = lists[0]!.index;
  const codes = ISO_LIST.map(([code]) => code);
  const date = todayIso();
  const N = 1_000_000;
  // Today's mix: every code of the built-in list, six housing forms, ages 5–99.
  const queries = Array.from({ length: 4096 }, (_, i) => ({
    iso: i % 7 === 0 ? codes[i % codes.length]!.replace(/ /g, "") : codes[i % codes.length]!,
    boendeform: BENCH_FORMS[i % BENCH_FORMS.length]!,
    age: 5 + ((i * 37) % 95),
  }));
  const map = new Map(queries.map((q) => [`${q.iso}|${q.boendeform}`, "Kommun"]));
  const keys = queries.map((q) => `${q.iso}|${q.boendeform}`);
  let sink = 0;
  // Realistic fresh rows; the floor and whoPays see the same rows.
  const R = 200_000;
  const answers = new Map<number, string>();
  for (const row of realisticRows(20_000, lists)) {
    const iso = floorIsoKey(row.iso);
    if (typeof row.boendeform === "string" && !FLOOR_FORMS.has(row.boendeform)) FLOOR_FORMS.set(row.boendeform, FLOOR_FORMS.size % 8);
    const form = typeof row.boendeform === "string" ? FLOOR_FORMS.get(row.boendeform)! : 0;
    if (iso >= 0) answers.set(iso * 16 + form * 2, "Kommun");
  }
  // The floor knows every spelling up front; an implementation must fold unseen ones itself.
  for (const info of Object.values(BOENDEFORM_INFO)) for (const a of [info.key, info.nameSv, ...info.aliases]) FLOOR_FORMS.set(a, FLOOR_FORMS.size % 8);
  for (const form of OUT_OF_SCOPE) for (const a of form.aliases) FLOOR_FORMS.set(a, FLOOR_FORMS.size % 8);
  let seed = 100;
  const realistic = () => realisticRows(R, lists, seed++);
  // The machine is shared: the figures that are compared run interleaved, sample by sample.
  const [mapMs, whoPaysMs, floorMs, realisticMs, specMs] = interleaved(
    [
      {
        build: () => null,
        run: () => {
          for (let i = 0; i < N; i++) if (map.get(keys[i & 4095]!)) sink++;
        },
      },
      {
        build: () => null,
        run: () => {
          for (let i = 0; i < N; i++) {
            const q = queries[i & 4095]!;
            const r = whoPaysOnDate({ iso: q.iso, boendeform: q.boendeform, age: q.age, date }, lists);
            if (r.ok && r.payer) sink++;
          }
        },
      },
      { build: realistic, run: (rows) => void (sink += floorRun(rows as RawRow[], answers)) },
      {
        build: realistic,
        run: (rows) => {
          for (const row of rows as RawRow[]) {
            const r = whoPaysOnDate({ iso: row.iso, boendeform: row.boendeform, age: row.age, date }, lists);
            if (r.ok && r.payer) sink++;
          }
        },
      },
      {
        // The specification alone (no memo), on the same realistic rows: what the fast path saves.
        build: realistic,
        run: (rows) => {
          for (const row of rows as RawRow[]) {
            const r = whoPaysSpec({ iso: row.iso, boendeform: row.boendeform, age: row.age, date }, index);
            if (r.ok && r.payer) sink++;
          }
        },
      },
    ],
    7,
  ) as [number, number, number, number, number];
  if (sink < 0) console.log(sink);
  return {
    mapGetPerSecond: Math.round(N / (mapMs / 1000)),
    whoPaysPerSecond: Math.round(N / (whoPaysMs / 1000)),
    floorPerSecond: Math.round(R / (floorMs / 1000)),
    whoPaysRealisticPerSecond: Math.round(R / (realisticMs / 1000)),
    whoPaysCorePerSecond: Math.round(R / (specMs / 1000)),
  };
}

// ---------------------------------------------------------------------------------------------
// Range calls through functions.ts, with the real CustomFunctions.Error of office-js.

/** CPU milliseconds (user + system) of one call; CPU, not wall time, so other processes count less. */
async function cpuMs(fn: () => Promise<unknown>): Promise<number> {
  (globalThis as { gc?: () => void }).gc?.();
  // The forced collection sweeps on V8's background threads for a while after gc() returns, and
  // process.cpuUsage counts every thread: wait for that to end, so the figure is the call's own
  // CPU (collections the call itself causes still count).
  await new Promise((resolve) => setTimeout(resolve, 100));
  const before = process.cpuUsage();
  await fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

export async function rangeFigures100k(root: string) {
  const runtime = loadOfficeRuntime(root);
  installOfficeRuntime(runtime);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fns = require("../src/functions/functions") as typeof import("../src/functions/functions");
  const codes = ISO_LIST.map(([code]) => code);
  const n = 100_000;
  // The worst case as the bench always had it: every listed code, five forms, adults.
  const worst = () => ({
    iso: Array.from({ length: n }, (_, i) => [fresh(codes[i % codes.length]!)]),
    forms: Array.from({ length: n }, (_, i) => [fresh(BENCH_FORMS[i % 5]!)]),
    ages: Array.from({ length: n }, (_, i) => [18 + (i % 80)]),
  });
  const lists = exampleLists();
  let seed = 1;
  const realistic = () => {
    const rows = realisticRows(n, lists, seed++);
    return { iso: rows.map((r) => [r.iso]), forms: rows.map((r) => [r.boendeform]), ages: rows.map((r) => [r.age]) };
  };
  const call = (a: { iso: unknown[][]; forms: unknown[][]; ages: unknown[][] }) => fns.whoPaysFn(a.iso, a.forms, a.ages);
  await call(realistic());
  const samples: number[] = [];
  let payers: unknown[][] = [];
  for (let k = 0; k < 5; k++) {
    const args = worst();
    samples.push(await cpuMs(async () => void (payers = await call(args))));
  }
  const realisticSamples: number[] = [];
  let realisticPayers: unknown[][] = [];
  for (let k = 0; k < 5; k++) {
    const args = realistic();
    realisticSamples.push(await cpuMs(async () => void (realisticPayers = await call(args))));
  }
  const errors = (m: unknown[][]) => m.filter((r) => r[0] instanceof Error).length;
  return {
    rangeRows100kCpuMs: median(samples),
    rangeRows100kRealisticCpuMs: median(realisticSamples),
    rangePayloadBytes100k: serialisedBytes(payers),
    rangePayloadBytes100kRealistic: serialisedBytes(realisticPayers),
    rangeUnanswered100k: errors(payers),
    rangeUnanswered100kRealistic: errors(realisticPayers),
    officeErrorBytes: serialisedBytes(new runtime.Error(runtime.ErrorCode.notAvailable!)),
    officeErrorBytesWithMessage: serialisedBytes(new runtime.Error(runtime.ErrorCode.notAvailable!, `UNLISTED §6.3: ${NO_PAYER_BRIEF_SV.UNLISTED}`)),
  };
}
