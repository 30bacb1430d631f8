/*
 * The one header matcher (foldHeader), as the bilaga sheets, the cost files and the question files
 * meet it: the same header written with a BOM, a zero-width space, another case, å ä ö or a colon
 * is the same column everywhere.
 */
import { FollowUpRun, followUpRows } from "../../src/core/costs/followUp";
import { foldHeader } from "../../src/core/text";
import { cli } from "../helpers/cli";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";

describe("foldHeader", () => {
  it.each([
    ["Ålder", "alder"],
    ["\ufeffÅlder:", "alder"],
    ["ISO\u200b-kod", "iso-kod"],
    ["  Giltig   från ", "giltig fran"],
    ["BOENDEFORM :", "boendeform"],
  ])("folds %j to %j", (header, folded) => {
    expect(foldHeader(header)).toBe(folded);
  });

  it("lets a cost file and a question file name their columns the same ways", async () => {
    const header = ["\ufeffKommun:", "KVARTAL", "ISO\u200b-kod", "Boendeform", "Ålder:", "Belopp"];
    const run = new FollowUpRun([]);
    followUpRows(run, "k", [header, ["Solna", "2026Q1", "12 22 03", "SÄBO", 80, 100]]);
    expect(run.finish().sources[0]!.problem).toBeNull();

    const file = path.join(mkdtempSync(path.join(tmpdir(), "kostnadsansvar-header-")), "q.csv");
    writeFileSync(file, "\ufeffISO\u200b-kod;Boendeform:;Ålder\n12 22 03;SÄBO;80\n");
    const r = await cli("vem-betalar", "--frågefil", file, "--json");
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as Array<{ rule: string }>)[0]!.rule).toBe("LIST");
  });
});
