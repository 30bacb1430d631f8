/*
 * The command table is the one source of the CLI's names, usage, flags and help: every name
 * dispatches, every flag a usage shows is accepted (by its Swedish name and its aliases) and no
 * other, every usage message is the table's, and the help and the README name every command.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { FLAG_NAMES } from "../../src/cli/args";
import { COMMAND_TABLE, COMMANDS_BY_NAME, flagsOf, helpText, parseCommandArgs, usageOf } from "../../src/cli/commands";
import { cli, ROOT } from "../helpers/cli";

describe("the command table", () => {
  it("gives each command its Swedish, English and further names, none shared", () => {
    const names = COMMAND_TABLE.flatMap((c) => [c.sv, c.en, ...c.aliases]);
    expect(new Set(names).size).toBe(new Set(COMMAND_TABLE.flatMap((c) => [c.sv, ...c.aliases])).size + COMMAND_TABLE.filter((c) => c.en !== c.sv).length);
    for (const c of COMMAND_TABLE) for (const n of [c.sv, c.en, ...c.aliases]) expect(COMMANDS_BY_NAME.get(n)).toBe(c);
    // Every name with å, ä or ö also answers without them.
    for (const c of COMMAND_TABLE) if (/[åäö]/.test(c.sv)) expect([c.en, ...c.aliases]).toContain(c.sv.replace(/[åä]/g, "a").replace(/ö/g, "o"));
  });

  it.each(COMMAND_TABLE.map((c) => [c.sv, c] as const))("%s accepts exactly the flags its usage shows, by every name", (_, spec) => {
    const { valueFlags, booleanFlags } = flagsOf(spec);
    const usage = usageOf(spec);
    for (const key of [...valueFlags, ...booleanFlags]) {
      expect(usage).toContain(`--${FLAG_NAMES[key]!.sv}`);
      for (const name of [FLAG_NAMES[key]!.sv, ...FLAG_NAMES[key]!.aliases]) {
        const args = parseCommandArgs(spec.en, valueFlags.includes(key) ? [`--${name}`, "x"] : [`--${name}`]);
        expect(args.flags.has(key)).toBe(true);
      }
    }
    for (const key of Object.keys(FLAG_NAMES).filter((k) => !valueFlags.includes(k) && !booleanFlags.includes(k))) {
      expect(() => parseCommandArgs(spec.en, [`--${FLAG_NAMES[key]!.sv}`, "x"])).toThrow(/Okänd flagga/);
    }
  });

  it.each(COMMAND_TABLE.filter((c) => c.en !== "demo").map((c) => [c.sv, c] as const))("%s called wrongly answers with the table's usage, by its English name too", async (_, spec) => {
    for (const name of [spec.sv, spec.en]) {
      // Called with nothing: every command but demo needs something.
      const r = await cli(name);
      expect(r.code).toBe(2);
      expect(r.err).toContain(usageOf(spec));
    }
  });

  it("lists every command, its English name and its usage in --help, and every Swedish name in the README", async () => {
    const r = await cli("--hjälp");
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe(helpText());
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    for (const c of COMMAND_TABLE) {
      expect(r.out).toContain(`  ${c.sv}${c.sv === c.en ? "" : ` (${c.en})`} – ${c.what}`);
      expect(r.out).toContain(usageOf(spec(c.en)));
      expect(readme).toContain(`kostnadsansvar ${c.sv}`);
    }
  });
});

const spec = (en: string) => COMMAND_TABLE.find((c) => c.en === en)!;
