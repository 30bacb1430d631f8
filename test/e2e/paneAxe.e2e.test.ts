/*
 * WCAG 2.1 A/AA in the task pane: axe-core on every view (each tab, with results shown), in
 * Debian's Chromium against the stand-in office.js (harness.ts).
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { publishableWorkbook, reviewWorkbook } from "./fixtures";
import { eventually, setupE2E } from "./harness";

jest.setTimeout(120_000);

const e2e = setupE2E();

/** Violations of WCAG 2.0/2.1 level A and AA, one line each: rule id and the elements. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    // axe's preload fetches style sheets with XHR, which the pane's CSP refuses; not needed for these rules.
    .options({ preload: false })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  // An axe that checked nothing would report nothing: it must have passed some rules.
  if (result.passes.length === 0) throw new Error("axe-core ran no rule");
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

async function validate(page: Page): Promise<void> {
  await page.click("#run-validation");
  await page.waitForFunction(() => !document.querySelector<HTMLElement>("#summary")!.hidden && !document.querySelector<HTMLButtonElement>("#run-validation")!.disabled);
}

describe("axe-core finds no WCAG 2.1 A/AA violation in the task pane", () => {
  it("in every view of a workbook under review: Granska with findings, Beslutsunderlag, Publicera blocked, Kostnader, Vem betalar? with an answer, Skapa", async () => {
    const { page } = await e2e.openPane({ workbook: await reviewWorkbook() });
    expect(["start", await violations(page)]).toEqual(["start", []]);
    await validate(page);
    expect(["Granska", await violations(page)]).toEqual(["Granska", []]);
    await page.click("#tab-decisions");
    expect(["Beslutsunderlag", await violations(page)]).toEqual(["Beslutsunderlag", []]);
    await page.click("#tab-publish");
    await eventually(async () => expect(await page.textContent("#publish-blockers")).toMatch(/fel/));
    expect(["Publicera", await violations(page)]).toEqual(["Publicera", []]);
    await page.click("#tab-costs");
    expect(["Kostnader", await violations(page)]).toEqual(["Kostnader", []]);
    await page.click("#tab-lookup");
    expect(["Vem betalar?", await violations(page)]).toEqual(["Vem betalar?", []]);
    await page.fill("#iso", "12 22 03");
    await page.selectOption("#boendeform", { index: 1 });
    await page.fill("#age", "80");
    await page.locator("#lookup-form [type=submit]").click();
    await eventually(async () => expect(await page.isVisible("#answer")).toBe(true));
    expect(["Vem betalar? svar", await violations(page)]).toEqual(["Vem betalar? svar", []]);
    await page.click("#tab-create");
    expect(["Skapa", await violations(page)]).toEqual(["Skapa", []]);
  });

  it("after publishing, with the cost shift and the follow-up shown", async () => {
    const { page } = await e2e.openPane({ workbook: await publishableWorkbook() });
    await validate(page);
    await page.click("#tab-publish");
    await eventually(async () => expect(await page.isEnabled("#publish-run")).toBe(true));
    expect(["Publicera klar att publicera", await violations(page)]).toEqual(["Publicera klar att publicera", []]);
    await page.click("#publish-run");
    await page.locator("#publish-download").waitFor({ state: "visible" });
    expect(["Publicera publicerad", await violations(page)]).toEqual(["Publicera publicerad", []]);
    await page.click("#tab-costs");
    await page.click("#cost-shift-run");
    await eventually(async () => expect(await page.getAttribute("#cost-shift-verdict", "data-neutral")).not.toBeNull());
    await page.locator('#follow-up-sheet option[value="Kostnadsrader"]').waitFor({ state: "attached" });
    await page.selectOption("#follow-up-sheet", "Kostnadsrader");
    await page.click("#follow-up-run");
    await eventually(async () => expect(await page.textContent("#follow-up-status")).toMatch(/Summa/));
    expect(["Kostnader med resultat", await violations(page)]).toEqual(["Kostnader med resultat", []]);
  });

  it("outside Excel", async () => {
    const { page } = await e2e.openPane({ workbook: null, host: "Word" });
    await page.locator("#not-in-excel").waitFor({ state: "visible" });
    expect(await violations(page)).toEqual([]);
  });
});
