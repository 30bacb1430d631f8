/*
 * The two surfaces in a browser, over generated bilagor (fast-check, a sample): Hjälpmedelsguiden
 * published from an edition of the workbook, and the task pane's Fråga on the workbook itself,
 * both in Debian's Chromium, give the payer and rule that whoPays and `vem-betalar --json` give
 * for the same question on the same day.
 */
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { chromium, type Browser } from "playwright-core";
import { editionFromModel, serializeEdition } from "../../src/core/editions/edition";
import { publicationFiles } from "../../src/core/editions/publication";
import { readWorkbook } from "../../src/core/model";
import { todayIso } from "../../src/core/values";
import { buildWhoPaysIndex, whoPays } from "../../src/core/whoPays";
import { writeBilagorXlsx } from "../../src/node/writeXlsx";
import { CHROMIUM, eventually, setupE2E } from "../e2e/harness";
import { cli, ensureBuiltCli, ROOT } from "../helpers/cli";
import { bilaga, book, CODES } from "../helpers/generatedBooks";
import { workbook } from "../helpers/workbooks";

jest.setTimeout(240_000);

const e2e = setupE2E();
let browser: Browser;

beforeAll(async () => {
  ensureBuiltCli();
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--headless=new", "--no-sandbox", "--disable-gpu"] });
}, 90_000);

afterAll(async () => {
  await browser?.close();
});

const question = fc.record({
  iso: fc.constantFrom(...CODES, "12 22 03", "12"),
  form: fc.constantFrom("SABO", "LSS_BOSTAD", "LSS_DV", "SOL_DAGV", "SOL_SOCPSYK"),
  age: fc.constantFrom(12, 80),
});

it("answers alike in whoPays, vem-betalar --json, the guide and the pane's Fråga", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "kostnadsansvar-surfaces-"));
  let n = 0;
  await fc.assert(
    fc.asyncProperty(book, fc.array(question, { minLength: 3, maxLength: 3 }), async (rows, questions) => {
      const raw = workbook({ b1: bilaga(rows) });
      const model = readWorkbook(raw);
      const xlsx = await writeBilagorXlsx(raw);
      const file = path.join(dir, `b${++n}.xlsx`);
      writeFileSync(file, xlsx);
      // The guide of an edition in force since June: it answers on today's date, as the pane does.
      const edition = editionFromModel(model, { name: `2026:${n}`, decided: "2026-05-01", effective: "2026-06-01" });
      const site = path.join(dir, `guide${n}`);
      mkdirSync(site);
      for (const [name, content] of publicationFiles(edition, [], null, serializeEdition(edition))) writeFileSync(path.join(site, name), content);
      copyFileSync(path.join(ROOT, "dist", "guide", "guide.js"), path.join(site, "guide.js"));
      const today = todayIso();
      const index = buildWhoPaysIndex(model);
      const guidePage = await browser.newPage();
      const pane = await e2e.openPane({ workbook: xlsx });
      try {
        for (const q of questions) {
          const core = whoPays({ iso: q.iso, boendeform: q.form, age: q.age, date: today }, index);
          if (!core.ok) throw new Error(`whoPays refused ${q.iso}: ${core.code}`);
          const expected = [core.payer ?? "", core.rule];
          const r = await cli("vem-betalar", q.iso, q.form, String(q.age), "--arbetsbok", file, "--datum", today, "--json");
          const json = JSON.parse(r.out) as { payer: string | null; rule: string };
          expect([json.payer ?? "", json.rule]).toEqual(expected);

          await guidePage.goto(`${pathToFileURL(site).href}/index.html?iso=${encodeURIComponent(q.iso)}&boendeform=${q.form}&alder=${q.age}`);
          await guidePage.waitForFunction("window.__guideReady === true");
          expect(await guidePage.$eval("#svar", (s) => [(s as HTMLElement).dataset.payer, (s as HTMLElement).dataset.rule])).toEqual(expected);

          const { page } = pane;
          if (!(await page.isVisible("#lookup-form"))) await page.click("#tab-lookup");
          await page.fill("#iso", q.iso);
          await page.selectOption("#boendeform", q.form);
          await page.fill("#age", String(q.age));
          await page.evaluate(() => document.getElementById("answer")!.removeAttribute("data-rule"));
          await page.locator("#lookup-form [type=submit]").click();
          await eventually(async () => expect(await page.getAttribute("#answer", "data-rule")).toBe(core.rule));
          expect(await page.getAttribute("#answer", "data-payer")).toBe(core.payer ?? "");
        }
        expect(pane.pageErrors).toEqual([]);
      } finally {
        await guidePage.close();
        await pane.page.close();
      }
    }),
    { numRuns: 4, seed: 20261204 },
  );
});
