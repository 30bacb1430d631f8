/**
 * No spread of an unbounded array into a call (`Math.min(...rows)`): past about 120 000 elements
 * V8 throws "Maximum call stack size exceeded" (granska stopped so at about 130 000 rows). The
 * only spreads into calls left in src are of bounded arrays, named here with why.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";

const SRC = path.resolve(__dirname, "../../src");
const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(path.join(dir, n)).isDirectory() ? files(path.join(dir, n)) : n.endsWith(".ts") ? [path.join(dir, n)] : []));

describe("calls with a spread argument", () => {
  it("never spread into Math.min/Math.max/String.fromCharCode/push", () => {
    const found = files(SRC).flatMap((f) =>
      readFileSync(f, "utf8")
        .split("\n")
        .flatMap((line, i) => (/(Math\.(min|max)|fromCharCode|\.push)\(\s*\.\.\./.test(line) ? [`${path.relative(SRC, f)}:${i + 1}`] : [])),
    );
    // args.ts: the command line's own arguments; followUpCommand.ts: the sheet names of one file.
    expect(found.filter((f) => !/^cli\/(args|followUpCommand)\.ts:/.test(f))).toEqual([]);
  });
});
