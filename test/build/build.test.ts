import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import * as vm from "node:vm";
import * as zlib from "node:zlib";

const ROOT = path.resolve(__dirname, "../..");
const PROD_URL = "https://hjalpmedel.example.se/kostnadsansvar/";
const out = mkdtempSync(path.join(tmpdir(), "kostnadsansvar-build-"));

/** Runs the real production build (`npm run build`'s webpack) into a temporary folder, in a child process. */
function build(): void {
  const r = spawnSync(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", out],
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, ADDIN_URL: PROD_URL } },
  );
  if (r.status !== 0) throw new Error(`webpack failed:\n${r.stdout}\n${r.stderr}`);
}

const read = (name: string) => readFileSync(path.join(out, name), "utf8");

beforeAll(() => build(), 120_000);

describe("the production build", () => {
  it("emits functions.json, functions-sv.json, taskpane.html, the bundles and the icons", () => {
    const files = readdirSync(out);
    for (const name of ["functions.json", "functions-sv.json", "functions.js", "taskpane.js", "taskpane.html", "taskpane.css", "manifest.xml", "hjalp.html"]) {
      expect(files).toContain(name);
    }
    expect(readdirSync(path.join(out, "assets")).sort()).toEqual(expect.arrayContaining(["icon-16.png", "icon-32.png", "icon-64.png", "icon-80.png"]));
  });

  it("ships no source maps in the production folder", () => {
    const all = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? all(path.join(dir, e.name)) : [e.name]));
    expect(all(out).filter((name) => name.endsWith(".map"))).toEqual([]);
    for (const js of ["functions.js", "taskpane.js"]) expect([js, read(js).includes("sourceMappingURL")]).toEqual([js, false]);
  });

  it("gives every function, English and Swedish, an https help URL to its own section of the built help page", () => {
    const helpHtml = read("hjalp.html"); // minified: attribute quotes may be dropped
    for (const file of ["functions.json", "functions-sv.json"]) {
      const functions = (JSON.parse(read(file)) as { functions: Array<{ id: string; helpUrl?: string }> }).functions;
      expect(functions.length).toBe(5);
      for (const f of functions) {
        const expectedUrl = `${PROD_URL}hjalp.html#fn-${f.id.toLowerCase().replace(/_/g, "-")}`;
        expect([file, f.id, f.helpUrl]).toEqual([file, f.id, expectedUrl]);
        const fragment = expectedUrl.slice(expectedUrl.indexOf("#") + 1);
        expect([f.id, (helpHtml.match(new RegExp(`id="?${fragment}["\\s>]`, "g")) ?? []).length]).toEqual([f.id, 1]);
      }
    }
  });

  it("emits functions.json and functions-sv.json with the ids, names, parameters and result shapes written here by hand", () => {
    // Expected from the contract (issue 3/5 and src/functions/sv.json), not from the generator:
    // every argument may be a range (matrix) and every result spills (matrix); error cells reach the functions.
    type P = readonly [name: string, optional: boolean];
    const fn = (id: string, name: string, parameters: readonly P[]) => ({
      id,
      name,
      parameters: parameters.map(([pname, optional]) => ({ name: pname, optional, dimensionality: "matrix", type: "any" })),
      result: { dimensionality: "matrix" },
      options: { capturesCalculationErrors: true },
    });
    const pay: P[] = [["iso", false], ["boendeform", false], ["age", false], ["specialanpassad", true], ["datum", true]];
    const paySv: P[] = [["iso", false], ["boendeform", false], ["ålder", false], ["specialanpassad", true], ["datum", true]];
    const expected = {
      en: [
        fn("WHO_PAYS", "WHO_PAYS", pay),
        fn("WHO_PAYS_WHY", "WHO_PAYS_WHY", pay),
        fn("ISO_TITLE", "ISO_TITLE", [["iso", false]]),
        fn("ISO_NORMALIZE", "ISO_NORMALIZE", [["iso", false]]),
        fn("COST_SHIFT", "COST_SHIFT", [["iso", false], ["boendeform", false], ["cost", false], ["from_date", false], ["to_date", false]]),
      ],
      sv: [
        fn("WHO_PAYS", "VEM_BETALAR", paySv),
        fn("WHO_PAYS_WHY", "VEM_BETALAR_VARFÖR", paySv),
        fn("ISO_TITLE", "ISO_BENÄMNING", [["iso", false]]),
        fn("ISO_NORMALIZE", "ISO_NORMALISERA", [["iso", false]]),
        fn("COST_SHIFT", "KOSTNADSFÖRSKJUTNING", [["iso", false], ["boendeform", false], ["kostnad", false], ["från_datum", false], ["till_datum", false]]),
      ],
    };
    /** What Excel registers from the metadata; descriptions are prose, checked only for being there. */
    const shape = (file: string) =>
      (JSON.parse(read(file)) as { functions: Array<Record<string, unknown> & { description: string; parameters: Array<Record<string, unknown> & { description: string }> }> }).functions.map((f) => {
        expect([f.id, f.description.length > 20, f.parameters.every((p) => p.description.length > 5)]).toEqual([f.id, true, true]);
        return {
          id: f.id,
          name: f.name,
          parameters: f.parameters.map((p) => ({ name: p.name, optional: p.optional === true, dimensionality: p.dimensionality, type: p.type })),
          result: f.result,
          options: f.options,
        };
      });
    expect(shape("functions.json")).toEqual(expected.en);
    expect(shape("functions-sv.json")).toEqual(expected.sv);
    // The Swedish description is Swedish.
    expect((JSON.parse(read("functions-sv.json")) as { functions: Array<{ description: string }> }).functions[0]!.description).toMatch(/^Vem betalar/);
  });

  it("rewrites every localhost URL in the manifest to the production URL", () => {
    const manifest = read("manifest.xml");
    expect(manifest).not.toContain("localhost");
    expect(manifest).toContain(`${PROD_URL}taskpane.html`);
    expect(manifest).toContain(`${PROD_URL}functions-sv.json`);
  });

  it("loads office.js from Microsoft's CDN only and both bundles in one page (shared runtime)", () => {
    const html = read("taskpane.html");
    const scripts = [...html.matchAll(/<script[^>]*src="?([^"\s>]+)/g)].map((m) => m[1]);
    expect(scripts).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js", "functions.js", "taskpane.js"]);
    expect(html).toMatch(/Content-Security-Policy/);
  });

  it("does not bundle HyperFormula (GPL, tests only), eval, or other locales of zod", () => {
    const scripts = readdirSync(out).filter((name) => name.endsWith(".js"));
    expect(scripts).toEqual(expect.arrayContaining(["functions.js", "taskpane.js"]));
    for (const name of scripts) {
      const js = read(name);
      expect(js).not.toMatch(/hyperformula|HyperFormula/);
      expect(js).not.toMatch(/\beval\(/);
      expect(js).not.toMatch(/Noto‘g‘ri|无效输入/);
    }
    // zod (in a chunk the pane loads when an edition is read) has a compiler probe in its code;
    // the core switches it off (jitless), so a strict CSP never sees a `new Function`. The chunk
    // that holds zod's config must also hold that switch.
    const withZod = scripts.filter((name) => /jitless/.test(read(name)));
    expect(withZod.length).toBeGreaterThan(0);
    for (const name of withZod) expect(read(name)).toMatch(/jitless:!0/);
  });

  it("keeps the pane's bundle small", () => {
    const gzip = zlib.gzipSync(readFileSync(path.join(out, "taskpane.js"))).length + zlib.gzipSync(readFileSync(path.join(out, "functions.js"))).length;
    expect(gzip).toBeLessThan(80 * 1024);
  });

  it("registers every custom function by id in the functions bundle", () => {
    const js = read("functions.js");
    for (const id of ["WHO_PAYS", "WHO_PAYS_WHY", "ISO_TITLE", "ISO_NORMALIZE", "COST_SHIFT"]) expect(js).toContain(`associate("${id}"`);
  });

  it("associates every function while functions.js is first run, before any await (a late associate fails the first call)", () => {
    // Microsoft's Q&A: CustomFunctions.associate after an await makes the first invocation #VALUE!.
    // The bundle runs in a bare context whose only Office object records associate calls; what is
    // recorded when the script returns, before any microtask, is what Excel can call at once.
    const associated: string[] = [];
    const sandbox: Record<string, unknown> = {
      CustomFunctions: { associate: (id: string) => associated.push(id), Error: class {}, ErrorCode: {} },
      Office: { onReady: () => new Promise(() => undefined), actions: { associate: () => undefined } },
      // webpack's runtime finds its chunks' folder from the running script's address.
      document: { currentScript: { tagName: "SCRIPT", src: `${PROD_URL}functions.js` }, getElementsByTagName: () => [] },
      setTimeout, clearTimeout, console,
    };
    sandbox.window = sandbox;
    sandbox.self = sandbox;
    sandbox.globalThis = sandbox;
    try {
      vm.runInNewContext(read("functions.js"), sandbox, { filename: "functions.js" });
    } catch (e) {
      throw new Error(`functions.js failed when first run: ${(e as Error).message}`); // not the whole minified bundle
    }
    expect(associated.sort()).toEqual(["COST_SHIFT", "ISO_NORMALIZE", "ISO_TITLE", "WHO_PAYS", "WHO_PAYS_WHY"]);
  });
});
