/*
 * The counts, over generated bilagor with errors, warnings, questions for the huvudmän and
 * decisions (fast-check, a sample): `granska --json`'s summary, `granska`'s Sammanfattning line,
 * the pane's five tiles, its status line and the sum of its list headings give the same numbers
 * as the core's summarize, in one unit (a problem is a grouped finding; cells are counted apart).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { readWorkbook } from "../../src/core/model";
import { summarize, summarySv } from "../../src/core/validation/finding";
import { validateWorkbook } from "../../src/core/validation/validateWorkbook";
import { writeBilagorXlsx } from "../../src/node/writeXlsx";
import { setupE2E } from "../e2e/harness";
import { cli, ensureBuiltCli } from "../helpers/cli";
import { CODES, DOCS, TITLE } from "../helpers/generatedBooks";
import { listRow, withDecisions, type Rec } from "../helpers/workbooks";

jest.setTimeout(240_000);

const e2e = setupE2E();

beforeAll(() => ensureBuiltCli());

// Empty and unknown payers are errors; a hearing aid on Kommun is a question for the huvudmän.
const ISO: Rec[] = [...CODES, "22 06 21"].map((code) => ({ "ISO-kod": code, Benämning: TITLE[code] ?? "Benförankrade hörapparater" }));
const payer = fc.constantFrom("Kommun", "Region", "Egenansvar", "", "Landstinget");
const spec = fc.record({
  payers: fc.array(fc.array(payer, { minLength: 4, maxLength: 4 }), { minLength: CODES.length, maxLength: CODES.length }),
  hearingAid: fc.constantFrom("none", "undecided", "decided"),
  // A code the workbook's ISO 9999 sheet does not have: a warning.
  unknownCode: fc.boolean(),
});

const HEARING_AID_DECISION: Rec = { Datum: "2026-01-15", Beslutsreferens: "HMS 2026/1", "ISO-kod": "22 06 21", Bilaga: "Bilaga 1", Beslut: "Kommunen bekostar", "Beslutat av": "Huvudmännen" };

it("counts alike in granska --json, its Sammanfattning, the pane's tiles, status and list headings", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "kostnadsansvar-counts-"));
  let n = 0;
  const seen = { errors: 0, warnings: 0, needsDecision: 0, decided: 0 };
  await fc.assert(
    fc.asyncProperty(spec, async (s) => {
      const rows: Rec[] = s.payers.map((p, i) => listRow(s.unknownCode && i === 0 ? "12 98" : CODES[i]!, TITLE[CODES[i]!]!, p.map((x) => (x === "" ? null : x)), DOCS));
      if (s.hearingAid !== "none") rows.push(listRow("22 06 21", "Benförankrade hörapparater", ["Kommun", "Kommun", "Region", "Region"], DOCS));
      const raw = withDecisions({ b1: rows, iso: ISO }, s.hearingAid === "decided" ? [HEARING_AID_DECISION] : []);
      const core = summarize(validateWorkbook(readWorkbook(raw)));
      for (const k of Object.keys(seen) as Array<keyof typeof seen>) seen[k] += core[k] > 0 ? 1 : 0;
      const file = path.join(dir, `b${++n}.xlsx`);
      const xlsx = await writeBilagorXlsx(raw);
      writeFileSync(file, xlsx);

      const json = JSON.parse((await cli("granska", file, "--json")).out) as { summary: typeof core };
      expect(json.summary).toEqual(core);
      const text = (await cli("granska", file)).out.trimEnd().split("\n").at(-1);
      expect(text).toBe(`Sammanfattning: ${summarySv(core)}`);

      const pane = await e2e.openPane({ workbook: xlsx });
      const { page } = pane;
      try {
        await page.click("#tab-validate");
        await page.click("#run-validation");
        await page.waitForFunction(() => !document.querySelector<HTMLElement>("#summary")!.hidden && !document.querySelector<HTMLButtonElement>("#run-validation")!.disabled);
        const tiles = await page.$$eval("#summary [data-count]", (dds) => Object.fromEntries(dds.map((d) => [(d as HTMLElement).dataset.count, Number(d.textContent)])));
        expect(tiles).toEqual({ errors: core.errors, warnings: core.warnings, info: core.info, needsDecision: core.needsDecision, decided: core.decided });
        expect(await page.textContent("#validate-status")).toContain(`: ${summarySv(core)}`);
        // The list's headings, summed over the sheets, count the same problems.
        const headings = await page.$$eval("#findings h4", (hs) => hs.map((h) => [h.className, Number(/\((\d+)\)$/.exec(h.textContent ?? "")![1])] as const));
        const sum = (cls: string) => headings.filter(([c]) => c === cls).reduce((a, [, k]) => a + k, 0);
        expect({ errors: sum("error"), warnings: sum("warning"), info: sum("info"), decided: sum("decided") }).toEqual({ errors: core.errors, warnings: core.warnings, info: core.info, decided: core.decided });
        expect(pane.pageErrors).toEqual([]);
      } finally {
        await page.close();
      }
    }),
    { numRuns: 6, seed: 20261204 },
  );
  // The sample met every kind of count at least once, so the comparison was not of zeros only.
  expect(seen).toEqual({ errors: expect.any(Number), warnings: expect.any(Number), needsDecision: expect.any(Number), decided: expect.any(Number) });
  expect(Object.entries(seen).filter(([, k]) => k === 0)).toEqual([]);
});
