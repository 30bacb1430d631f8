/*
 * The function table is what Excel gets: functions.json (generated from the JSDoc) and
 * functions-sv.json (from sv.json) name the same functions, with the same arguments in the same
 * order and the same optional ones, as FUNCTION_TABLE; every function of the table is implemented
 * and registered; the README names each function in English and Swedish.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { FUNCTIONS } from "../../src/functions/functions";
import { broadcast, readArgs } from "../../src/functions/logic";
import { FUNCTION_TABLE, argNamesSv, type FunctionId } from "../../src/functions/table";
import { ROOT } from "../helpers/cli";
import { functionsMetadata } from "../helpers/metadata";

const ids = Object.keys(FUNCTION_TABLE) as FunctionId[];

describe("the function table", () => {
  it("is what functions.json and functions-sv.json declare, function by function and argument by argument", async () => {
    const { en, sv } = await functionsMetadata();
    expect(en.functions.map((f) => f.id).sort()).toEqual([...ids].sort());
    for (const id of ids) {
      const spec = FUNCTION_TABLE[id];
      const english = en.functions.find((f) => f.id === id)!;
      const swedish = sv.functions.find((f) => f.id === id)!;
      expect(english.parameters.map((p) => [p.name, Boolean(p.optional)])).toEqual(spec.args.map((a) => [a.name, a.optional]));
      expect(swedish.name).toBe(spec.sv);
      expect(swedish.parameters.map((p) => [p.name, Boolean(p.optional)])).toEqual(spec.args.map((a) => [a.sv, a.optional]));
      // Every argument takes a range (how the table's "rows" spread is declared to Excel).
      expect(english.parameters.every((p) => p.dimensionality === "matrix") && english.result.dimensionality === "matrix").toBe(true);
    }
  });

  it("has an implementation for every function and none besides", () => {
    expect(Object.keys(FUNCTIONS).sort()).toEqual([...ids].sort());
    for (const id of ids) expect(typeof FUNCTIONS[id]).toBe("function");
  });

  it("spreads ranges as it says: one value counts for every row, columns and rows must be equally long, a block is refused, each named in Swedish", () => {
    const names = argNamesSv("COST_SHIFT");
    const column = (n: number) => Array.from({ length: n }, (_, i) => [i]);
    const spread = broadcast([column(3), [["SÄBO"]], [[1, 2, 3]]], names);
    // A row counts as a column; arguments left out at the end are empty in every row.
    expect(spread).toEqual({ ok: true, rows: 3, columns: [[0, 1, 2], ["SÄBO", "SÄBO", "SÄBO"], [1, 2, 3], [null, null, null], [null, null, null]] });
    const uneven = readArgs([column(3), column(2)], names);
    expect(uneven.ok === false && uneven.message.startsWith(`${names[1]} har 2 rader`)).toBe(true);
    const block = readArgs([column(2), [[1, 2], [3, 4]]], names);
    expect(block.ok === false && block.message.startsWith(`${names[1]}: ange en kolumn`)).toBe(true);
    const ages = readArgs([column(3), column(3), column(2)], argNamesSv("WHO_PAYS"));
    expect(ages.ok === false && ages.message.startsWith("ålder har 2 rader")).toBe(true);
  });

  it("is named in the README, each function in English and Swedish", () => {
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    for (const id of ids) {
      expect([id, readme.includes(id)]).toEqual([id, true]);
      expect([FUNCTION_TABLE[id].sv, readme.includes(FUNCTION_TABLE[id].sv)]).toEqual([FUNCTION_TABLE[id].sv, true]);
    }
  });
});
