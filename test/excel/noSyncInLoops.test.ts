/**
 * Static check: no `*.sync()` round trip inside a loop in the Office.js code (src/excel,
 * src/taskpane). A sync per row is what makes an add-in crawl on Excel on the web, so every sync
 * that sits lexically inside a for / for-of / for-in / while / do loop, or inside a callback passed
 * to an iteration method (`.forEach`, `.map`, …), must be justified on its line or the line above:
 *
 *     // sync-in-loop: one round trip per chunk of ~CELLS_PER_SYNC cells, never per row
 *     await context.sync();
 *
 * "Lexically inside" includes functions defined in the loop body (e.g. an `Excel.run` callback
 * inside a for loop), but not the parts of a loop that run once (a for's initializer, a for-of's
 * iterable). Callbacks passed by name (`items.forEach(syncOne)`) are out of reach of this check.
 */
import { readdirSync, readFileSync } from "fs";
import path from "path";
import ts from "typescript";

/** Matches the justification comment; a reason after the colon is required. */
const MARKER = /\/\/\s*sync-in-loop:\s*\S/;

/** Array methods whose callback runs once per element. */
const ITERATION_METHODS = new Set([
  "forEach",
  "map",
  "flatMap",
  "filter",
  "reduce",
  "reduceRight",
  "some",
  "every",
  "find",
  "findIndex",
  "findLast",
  "findLastIndex",
]);

export interface SyncCall {
  /** 1-based line of the `sync` name. */
  readonly line: number;
  /** The innermost repeating construct around the call, e.g. "for-of" or ".map(callback)"; null when none. */
  readonly loop: string | null;
  /** True when the line or the line above has the `// sync-in-loop: <reason>` marker. */
  readonly marked: boolean;
}

/** The repeating construct when `child` is a part of `parent` that runs once per iteration, else null. */
function repeatingPart(parent: ts.Node, child: ts.Node): string | null {
  if (ts.isForStatement(parent)) return child === parent.initializer ? null : "for";
  if (ts.isForOfStatement(parent)) return child === parent.statement ? "for-of" : null;
  if (ts.isForInStatement(parent)) return child === parent.statement ? "for-in" : null;
  if (ts.isWhileStatement(parent)) return "while";
  if (ts.isDoStatement(parent)) return "do";
  if (
    (ts.isArrowFunction(child) || ts.isFunctionExpression(child)) &&
    ts.isCallExpression(parent) &&
    parent.arguments.some((a) => a === child) &&
    ts.isPropertyAccessExpression(parent.expression) &&
    ITERATION_METHODS.has(parent.expression.name.text)
  ) {
    return `.${parent.expression.name.text}(callback)`;
  }
  return null;
}

function enclosingLoop(node: ts.Node): string | null {
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    const loop = repeatingPart(parent, child);
    if (loop) return loop;
  }
  return null;
}

/** Every `<expression>.sync(…)` call in a source text, with the loop around it, if any. */
export function findSyncCalls(fileName: string, text: string): SyncCall[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, /* setParentNodes */ true, ts.ScriptKind.TS);
  const lines = text.split(/\r?\n/);
  const calls: SyncCall[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === "sync") {
      const line = source.getLineAndCharacterOfPosition(node.expression.name.getStart(source)).line + 1;
      const marked = MARKER.test(lines[line - 1] ?? "") || MARKER.test(lines[line - 2] ?? "");
      calls.push({ line, loop: enclosingLoop(node), marked });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return calls;
}

/** The calls that break the rule: inside a loop and not marked. */
export function unmarkedSyncsInLoops(fileName: string, text: string): SyncCall[] {
  return findSyncCalls(fileName, text).filter((c) => c.loop !== null && !c.marked);
}

const ROOT = path.resolve(__dirname, "../..");
const CHECKED_DIRS = ["src/excel", "src/taskpane"];

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

describe("the checker itself", () => {
  const check = (text: string) => unmarkedSyncsInLoops("inline.ts", text).map((c) => `${c.line} ${c.loop}`);

  it("flags a sync in each kind of loop and iteration callback, at the right line", () => {
    const text = [
      "async function f(context: any, items: any[]) {", // 1
      "  for (const item of items) {", // 2
      "    item.load('x');", // 3
      "    await context.sync();", // 4
      "  }", // 5
      "  for (let i = 0; i < 3; i++) await context.sync();", // 6
      "  for (const k in items) { await context.sync(); }", // 7
      "  while (items.length) { items.pop(); await context.sync(); }", // 8
      "  do {", // 9
      "    await context", // 10
      "      .sync();", // 11
      "  } while (false);", // 12
      "  items.forEach(async (item) => { await context.sync(); });", // 13
      "  await Promise.all(items.map(async function (item) {", // 14
      "    await context.sync();", // 15
      "  }));", // 16
      "  for (const item of items) {", // 17
      "    await Excel.run(async (ctx: any) => { await ctx.sync(); });", // 18
      "  }", // 19
      "}", // 20
    ].join("\n");
    expect(check(text)).toEqual([
      "4 for-of",
      "6 for",
      "7 for-in",
      "8 while",
      "11 do",
      "13 .forEach(callback)",
      "15 .map(callback)",
      "18 for-of",
    ]);
  });

  it("accepts syncs outside loops and in the parts of a loop that run once", () => {
    const text = [
      "async function f(context: any, items: any[]) {",
      "  for (const item of items) item.load('x');",
      "  await context.sync();",
      "  for (const row of await context.sync().then(() => items)) row.x = 1;",
      "  for (let i = (await context.sync(), 0); i < 2; i++) items[i] = 0;",
      "  const handler = async () => { await context.sync(); };",
      "  items.forEach((item) => item.load('y'));",
      "  await context.sync();",
      "}",
    ].join("\n");
    expect(findSyncCalls("inline.ts", text)).toHaveLength(5);
    expect(check(text)).toEqual([]);
  });

  it("accepts a marker with a reason on the line or the line above, and nothing else", () => {
    const text = [
      "async function f(context: any, items: any[]) {", // 1
      "  for (const item of items) {", // 2
      "    // sync-in-loop: one round trip per chunk", // 3
      "    await context.sync();", // 4
      "    await context.sync(); // sync-in-loop: per chunk too", // 5
      "    // sync-in-loop: too far away", // 6
      "", // 7
      "    await context.sync();", // 8
      "    // sync-in-loop:", // 9
      "    await context.sync();", // 10
      "  }", // 11
      "}", // 12
    ].join("\n");
    expect(check(text)).toEqual(["8 for-of", "10 for-of"]);
  });
});

describe("no context.sync() inside loops in src/excel and src/taskpane", () => {
  const files = CHECKED_DIRS.flatMap((dir) => tsFiles(path.join(ROOT, dir))).sort();

  it("scans the Office.js sources (not vacuously)", () => {
    const relative = files.map((f) => path.relative(ROOT, f).split(path.sep).join("/"));
    expect(relative).toEqual(expect.arrayContaining(["src/excel/adapter.ts", "src/taskpane/taskpane.ts"]));
    const calls = files.reduce((n, f) => n + findSyncCalls(f, readFileSync(f, "utf8")).length, 0);
    expect(calls).toBeGreaterThan(0);
  });

  it("has no unmarked sync in a loop", () => {
    const offenders = files.flatMap((file) =>
      unmarkedSyncsInLoops(file, readFileSync(file, "utf8")).map(
        (c) => `${path.relative(ROOT, file).split(path.sep).join("/")}:${c.line} (${c.loop})`,
      ),
    );
    if (offenders.length > 0) {
      throw new Error(
        `context.sync() inside a loop; batch the work, or justify it with "// sync-in-loop: <reason>" on the line or the line above:\n  ${offenders.join("\n  ")}`,
      );
    }
  });
});
