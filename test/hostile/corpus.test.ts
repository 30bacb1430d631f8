import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { BIN, cli, ensureBuiltCli } from "../helpers/cli";
import { GENERATORS } from "./generators";

/**
 * The hostile-input corpus: one folder per case under test/hostile/cases, holding its input files
 * and a case.json with the command and the expected outcome. A new case is a new folder; nothing
 * here changes. Every case runs the real command on a copy of its folder and must:
 * - exit with the expected code and print the expected Swedish key phrases (and never a stack
 *   trace, "Oväntat fel" or an English errno text),
 * - leave every input file byte for byte as it was,
 * - create nothing but its declared outputs (so a refused command leaves no half-written output).
 */
interface Expect {
  readonly argv?: string[];
  /** A bash command line instead of argv; {cli} is the command, {dir} the case's folder. */
  readonly shell?: string;
  readonly exit: number;
  readonly stdout?: string[];
  readonly stderr?: string[];
  readonly notStdout?: string[];
  readonly notStderr?: string[];
}

interface Case extends Expect {
  readonly about: string;
  readonly generate?: boolean;
  readonly mkdir?: string[];
  readonly fifo?: string;
  readonly chmod?: Record<string, string>;
  /** Run as an unprivileged user (root reads any file, so permissions would not bite). */
  readonly unprivileged?: boolean;
  readonly env?: Record<string, string>;
  readonly maxMs?: number;
  /** Paths (relative to the case folder) the command may create. */
  readonly outputs?: string[];
  /** Where no CSV field may start a formula: "stdout" or a glob like "pub/*.csv". */
  readonly noFormulaIn?: string[];
  readonly csvWidth?: { readonly stream: "stdout"; readonly width: number };
  readonly fileContains?: Record<string, string[]>;
  readonly also?: Expect[];
}

const CASES = path.join(__dirname, "cases");
const names = readdirSync(CASES).sort();
const NEVER = [/Oväntat fel/, /\n\s+at .*\.js:\d+/, /\bE[A-Z]{3,}\b/, /\b(no such file|permission denied|TypeError|RangeError)\b/i];
// As root, drop only the capabilities that bypass file permissions: the process can still read the
// checkout wherever it lies (a fresh clone in a 0700 temp folder too), but not a file set to 000.
const UNPRIVILEGED = process.getuid?.() === 0 ? ["setpriv", "--bounding-set=-dac_override,-dac_read_search"] : [];

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** Every path under `dir` with what it is: a file's hash, "dir" or "fifo" (never opened). */
function snapshot(dir: string, rel = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(path.join(dir, rel))) {
    const p = path.join(rel, name);
    const stat = lstatSync(path.join(dir, p));
    if (stat.isDirectory()) {
      out.set(p, "dir");
      for (const [k, v] of snapshot(dir, p)) out.set(k, v);
    } else out.set(p, stat.isFIFO() ? "fifo" : `${stat.mode & 0o777}:${sha(path.join(dir, p))}`);
  }
  return out;
}

/** RFC 4180 fields of a CSV text, written here so the check does not lean on the code under test. */
function csvFields(text: string, delimiter: string): string[][] {
  const rows: string[][] = [[]];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i <= text.length) {
    let field = "";
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new Error("unclosed quote in output");
        field += text.slice(i, q);
        i = q + 1;
        if (text[i] === '"') {
          field += '"';
          i++;
        } else break;
      }
    } else {
      let j = i;
      while (j < text.length && text[j] !== delimiter && text[j] !== "\r" && text[j] !== "\n") j++;
      field = text.slice(i, j);
      i = j;
    }
    rows.at(-1)!.push(field);
    if (text[i] === delimiter) i++;
    else if (text[i] === "\r" && text[i + 1] === "\n") (i += 2), rows.push([]);
    else if (text[i] === "\n" || text[i] === "\r") i++, rows.push([]);
    else i++;
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ""));
}

const delimiterOf = (text: string) => [",", ";", "\t"].map((d) => [d, text.split(/\r?\n/)[0]!.split(d).length] as const).reduce((a, b) => (b[1] > a[1] ? b : a))[0];

/** A field a spreadsheet would run as a formula: starts with = + - @ tab CR and is not a plain number. */
const runsAsFormula = (field: string) => /^[=+\-@\t\r]/.test(field) && !/^[+-]?\d[\d \u00a0]*([.,]\d+)?$/.test(field);

/**
 * Runs a case: in this process through the CLI's own entry (`run`, as bin/kostnadsansvar.js
 * calls it), or as the real binary when the case needs a shell or another user.
 */
async function run(c: Expect & { env?: Record<string, string>; unprivileged?: boolean; maxMs?: number }, dir: string) {
  const expand = (s: string) => s.replaceAll("{dir}", dir).replaceAll("{long250}", "Å".repeat(250)).replaceAll("{cli}", `"${process.execPath}" "${BIN}"`);
  const started = Date.now();
  if (!c.shell && !c.unprivileged) {
    const saved = { ...process.env };
    Object.assign(process.env, c.env ?? {});
    try {
      const r = await cli(...c.argv!.map(expand));
      return { code: r.code, out: r.out, err: r.err, ms: Date.now() - started, signal: null };
    } finally {
      for (const key of Object.keys(c.env ?? {})) if (saved[key] === undefined) delete process.env[key];
      Object.assign(process.env, saved);
    }
  }
  const prefix = c.unprivileged ? UNPRIVILEGED : [];
  const [cmd, ...args] = c.shell ? [...prefix, "bash", "-c", expand(c.shell)] : [...prefix, process.execPath, BIN, ...c.argv!.map(expand)];
  const r = spawnSync(cmd!, args, { cwd: dir, env: { ...process.env, ...(c.env ?? {}) }, encoding: "utf8", timeout: Math.max(c.maxMs ?? 0, 60_000), maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr, ms: Date.now() - started, signal: r.signal };
}

type Ran = Awaited<ReturnType<typeof run>>;

function check(c: Expect, r: Ran) {
  expect({ code: r.code, signal: r.signal }).toEqual({ code: c.exit, signal: null });
  for (const p of c.stdout ?? []) expect(r.out).toMatch(new RegExp(p, "m"));
  for (const p of c.stderr ?? []) expect(r.err).toMatch(new RegExp(p, "m"));
  for (const p of c.notStdout ?? []) expect(r.out).not.toMatch(new RegExp(p, "m"));
  for (const p of c.notStderr ?? []) expect(r.err).not.toMatch(new RegExp(p, "im"));
  for (const p of NEVER) expect(r.err).not.toMatch(p);
}

beforeAll(() => ensureBuiltCli());

describe("the hostile-input corpus (test/hostile/cases)", () => {
  it("has a case.json in every folder and a generator for every generated case", () => {
    expect(names.length).toBeGreaterThanOrEqual(30);
    for (const name of names) {
      const c = JSON.parse(readFileSync(path.join(CASES, name, "case.json"), "utf8")) as Case;
      expect([name, typeof c.about, typeof c.exit, Boolean(c.argv) !== Boolean(c.shell)]).toEqual([name, "string", "number", true]);
      if (c.generate) expect([name, typeof GENERATORS[name]]).toEqual([name, "function"]);
    }
    for (const name of Object.keys(GENERATORS)) expect(names).toContain(name);
  });

  it.each(names)("%s", async (name) => {
    const c = JSON.parse(readFileSync(path.join(CASES, name, "case.json"), "utf8")) as Case;
    const dir = mkdtempSync(path.join(tmpdir(), `hostile-${name}-`));
    chmodSync(dir, 0o755);
    for (const f of readdirSync(path.join(CASES, name))) if (f !== "case.json") cpSync(path.join(CASES, name, f), path.join(dir, f), { recursive: true });
    if (c.generate) await GENERATORS[name]!(dir);
    for (const d of c.mkdir ?? []) mkdirSync(path.join(dir, d));
    if (c.fifo) expect(spawnSync("mkfifo", [path.join(dir, c.fifo)]).status).toBe(0);
    for (const [f, mode] of Object.entries(c.chmod ?? {})) chmodSync(path.join(dir, f), parseInt(mode, 8));
    const before = snapshot(dir);

    const r = await run(c, dir);
    check(c, r);
    if (c.maxMs) expect(r.ms).toBeLessThan(c.maxMs);
    for (const extra of c.also ?? []) check(extra, await run(extra, dir));

    // Inputs untouched; nothing created but the declared outputs.
    const after = snapshot(dir);
    for (const [p, what] of before) expect([p, after.get(p)]).toEqual([p, what]);
    const created = [...after.keys()].filter((p) => !before.has(p));
    const allowed = (p: string) => (c.outputs ?? []).some((o) => p === o || p.startsWith(o + path.sep));
    expect(created.filter((p) => !allowed(p))).toEqual([]);
    for (const o of c.outputs ?? []) expect([o, existsSync(path.join(dir, o))]).toEqual([o, true]);

    for (const where of c.noFormulaIn ?? []) {
      const texts =
        where === "stdout"
          ? [r.out]
          : readdirSync(path.join(dir, path.dirname(where)))
              .filter((f) => f.endsWith(path.extname(where)))
              .map((f) => readFileSync(path.join(dir, path.dirname(where), f), "utf8"));
      expect(texts.length).toBeGreaterThan(0);
      for (const text of texts) {
        const fields = csvFields(text, delimiterOf(text)).flat();
        expect(fields.filter(runsAsFormula)).toEqual([]);
      }
    }
    if (c.csvWidth) {
      const rows = csvFields(r.out, delimiterOf(r.out));
      expect(rows.map((row) => row.length)).toEqual(rows.map(() => c.csvWidth!.width));
    }
    for (const [file, patterns] of Object.entries(c.fileContains ?? {})) {
      const text = readFileSync(path.join(dir, file), "utf8");
      for (const p of patterns) expect(text).toMatch(new RegExp(p));
    }
  });
});
