import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { editDistance, FLAG_NAMES, parseArgs } from "../../src/cli/args";
import { COMMAND_TABLE, flagsOf } from "../../src/cli/commands";
import { cli } from "../helpers/cli";

const CLI_DIR = path.resolve(__dirname, "../../src/cli");

/** Every flag key each command takes, from the command table (the one place commands get their flags). */
function declaredFlags(): Map<string, string[]> {
  return new Map(COMMAND_TABLE.map((c) => [c.en, [...flagsOf(c).valueFlags, ...flagsOf(c).booleanFlags]]));
}

/** Flag words that are the same in Swedish (checked by hand). */
const SAME_IN_SWEDISH = new Set(["json", "specialanpassad", "beslutad"]);

describe("Swedish for users: the command line", () => {
  it("finds the flags of every command in the command table, and no command parses its own", () => {
    const flags = declaredFlags();
    expect([...flags.keys()].sort()).toEqual(["annual-report", "cost-shift", "demo", "diff", "follow-up", "new-workbook", "publish", "validate", "who-pays"]);
    expect(flags.get("who-pays")!.sort()).toEqual(["csv", "date", "edition", "json", "specialanpassad", "workbook"]);
    // parseArgs is called in one place only: the table's parseCommandArgs.
    for (const file of readdirSync(CLI_DIR).filter((f) => f.endsWith(".ts") && f !== "args.ts" && f !== "commands.ts")) {
      expect([file, /\bparseArgs\(/.test(readFileSync(path.join(CLI_DIR, file), "utf8"))]).toEqual([file, false]);
    }
  });

  it("gives every flag a Swedish name, with the English name kept as an alias", () => {
    for (const [file, keys] of declaredFlags()) {
      for (const key of keys) {
        const names = FLAG_NAMES[key];
        expect([file, key, names !== undefined]).toEqual([file, key, true]);
        if (!SAME_IN_SWEDISH.has(key)) {
          expect([key, names!.sv === key]).toEqual([key, false]);
          expect(names!.aliases).toContain(key);
        }
      }
    }
  });

  it.each([
    ["--arbetsbok", "--workbook", "workbook"],
    ["--utgåva", "--edition", "edition"],
    ["--datum", "--date", "date"],
    ["--tidigare", "--previous", "previous"],
    ["--ut", "--out", "out"],
    ["--frågefil", "--csv", "csv"],
    ["--baslinje", "--baseline", "baseline"],
    ["--giltig-från", "--giltig-fran", "giltig-fran"],
  ])("reads %s and %s as the same flag", (sv, en, key) => {
    const swedish = parseArgs([sv, "x"], [key], []);
    const english = parseArgs([en, "x"], [key], []);
    expect(swedish.flags.get(key)).toEqual(["x"]);
    expect(english.flags.get(key)).toEqual(["x"]);
  });

  it.each([
    ["--workbok", ["workbook"], "Okänd flagga --workbok. Menade du --arbetsbok (engelska --workbook)?"],
    ["--arbetbok", ["workbook"], "Okänd flagga --arbetbok. Menade du --arbetsbok (engelska --workbook)?"],
    ["--tidgare", ["previous"], "Okänd flagga --tidgare. Menade du --tidigare (engelska --previous)?"],
    ["--workbok", ["previous"], "Okänd flagga --workbok. Menade du --arbetsbok (engelska --workbook)? Den flaggan gäller inte det här kommandot."],
    ["--xyzzy-plugh", ["workbook"], "Okänd flagga --xyzzy-plugh."],
  ])("suggests the nearest flag for %s", (typed, keys, message) => {
    expect(() => parseArgs([typed, "x"], keys, [])).toThrow(message);
  });

  it("measures edit distance", () => {
    expect(editDistance("workbok", "workbook")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("utgava", "utgåva")).toBe(1);
  });

  it("prints help in Swedish, with Swedish command and flag names first", async () => {
    for (const word of ["--help", "hjälp", "-h"]) {
      const r = await cli(word);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^kostnadsansvar – bilagorna/);
      expect(r.out).toContain("Kommandon (det engelska namnet inom parentes fungerar också):");
      expect(r.out).toContain("  granska (validate) – granska bilagorna i en arbetsbok före publicering");
      expect(r.out).not.toMatch(/\b(Usage|Options|Commands|required|optional)\b/);
      // The usage lines name only Swedish flags; the English ones are listed once as aliases.
      const usage = r.out.slice(0, r.out.indexOf("Flaggorna har svenska namn"));
      for (const english of ["--workbook", "--edition", "--date", "--previous", "--out", "--force", "--baseline", "--csv"]) expect(usage).not.toContain(english);
      expect(r.out).toContain("--arbetsbok (--workbook)");
    }
    const sub = await cli("granska", "--help");
    expect(sub.out).toMatch(/^kostnadsansvar – bilagorna/);
  });

  it("answers to the Swedish command names", async () => {
    const r = await cli("vem-betalar", "12 22 03", "hemtjänst", "80", "--json");
    expect(JSON.parse(r.out)).toMatchObject({ payer: null, rule: "NOT_IN_SCOPE", section: "§1.1" });
  });
});
