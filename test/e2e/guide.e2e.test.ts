/*
 * Hjälpmedelsguiden in Debian's Chromium: a guide published from fixture workbooks answers as the
 * CLI's `who-pays --json` does (deep links and the form, from file:// and over HTTP), searches,
 * links its pages, fits 360 px, prints, passes axe-core (WCAG 2.1 A/AA) and keeps hostile cell
 * text inert. Any request outside the site's folder fails the test.
 */
import AxeBuilder from "@axe-core/playwright";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { toCsvLine } from "../../src/core/csv";
import { binary } from "../helpers/cli";
import { currentXlsx, HOSTILE, hostileUtgavaXlsx, NOTE_SOURCE, NOTE_TEXT, previousXlsx } from "./guideFixture";
import { publishGuide, type PublishedGuide } from "./guideSite";
import { screenshot } from "./browser";
import { EVERYDAY_CODES, EVERYDAY_NAMES } from "../helpers/everydayWords";

jest.setTimeout(120_000);

let guide: PublishedGuide;
let wide: BrowserContext;
let narrow: BrowserContext;

beforeAll(async () => {
  guide = await publishGuide(await previousXlsx(), await currentXlsx());
  wide = await guide.newContext(1200);
  narrow = await guide.newContext(360);
}, 120_000);

afterAll(async () => {
  await guide?.close();
});

afterEach(() => {
  // Every request outside the site's folder fails the test that made it.
  expect(guide.outside).toEqual([]);
});

const PAGES = ["index.html", "boendeform-sabo.html", "boendeform-sol-dagv.html", "boendeform-lss-bostad.html", "boendeform-lss-dv.html", "boendeform-sol-socpsyk.html", "nytt-i-utgavan.html"];

interface Case {
  readonly iso: string;
  readonly boendeform: string;
  readonly alder: string;
  readonly specialanpassad?: string;
  /** The rule code or input error code this case is there to reach (checked against the CLI's answer). */
  readonly reaches: string;
}

/** Every answer rule, aliases, tolerant codes and every input error. */
const CASES: readonly Case[] = [
  { iso: "12 22 03", boendeform: "SABO", alder: "80", reaches: "LIST" },
  { iso: "122203", boendeform: "SÄBO", alder: "80", reaches: "LIST" },
  { iso: "12.22.03", boendeform: "särskilt boende", alder: "67", reaches: "LIST" },
  { iso: "12-22-03", boendeform: "LSS-boende", alder: "45", reaches: "LIST" },
  { iso: "12 2203", boendeform: "gruppbostad", alder: "30", reaches: "LIST" },
  { iso: "12 23", boendeform: "SABO", alder: "90", reaches: "LIST" },
  { iso: "12 23", boendeform: "daglig verksamhet", alder: "25", reaches: "LIST" },
  { iso: "09 12 03", boendeform: "SABO", alder: "85", reaches: "LIST" },
  { iso: "12 06 06", boendeform: "SoL dagverksamhet", alder: "50", reaches: "LIST" },
  { iso: "12 22 03", boendeform: "SABO", alder: "12", reaches: "AGE_UNDER_18" },
  { iso: "22 06 18", boendeform: "SABO", alder: "80", reaches: "REGION_HORSEL" },
  { iso: "22 03 06", boendeform: "LSS_BOSTAD", alder: "40", reaches: "REGION_SYN" },
  { iso: "06 12", boendeform: "SABO", alder: "80", reaches: "REGION_ORTOPEDTEKNIK" },
  { iso: "04 24 12", boendeform: "LSS_DV", alder: "33", reaches: "REGION_DIABETES_TEST" },
  { iso: "12 22 03", boendeform: "SABO", alder: "80", specialanpassad: "ja", reaches: "SPECIALANPASSAD" },
  { iso: "12 36 03", boendeform: "socialpsykiatri", alder: "50", reaches: "SOCPSYK_KOMMUN" },
  { iso: "18 12 10", boendeform: "SOL_SOCPSYK", alder: "50", reaches: "BILAGA4" },
  { iso: "12 22 03", boendeform: "SOL_SOCPSYK", alder: "50", reaches: "SOCPSYK_DEFAULT" },
  { iso: "12", boendeform: "LSS_BOSTAD", alder: "50", reaches: "AMBIGUOUS" },
  { iso: "12 22 03", boendeform: "ordinärt boende", alder: "80", reaches: "NOT_IN_SCOPE" },
  { iso: "12 22 03", boendeform: "KORTTID_LSS", alder: "20", reaches: "NOT_IN_SCOPE" },
  { iso: "30 30 30", boendeform: "SABO", alder: "80", reaches: "UNLISTED" },
  { iso: "rullstol", boendeform: "SABO", alder: "80", reaches: "ISO_FORMAT" },
  { iso: "1222033", boendeform: "SABO", alder: "80", reaches: "ISO_FORMAT" },
  // Five digits: a code that lost its leading zero (42203 → 04 22 03), read as such, as everywhere.
  { iso: "42203", boendeform: "SABO", alder: "80", reaches: "UNLISTED" },
  { iso: "", boendeform: "SABO", alder: "80", reaches: "ISO_FORMAT" },
  { iso: "12 22 03", boendeform: "slott", alder: "80", reaches: "BOENDEFORM_UNKNOWN" },
  { iso: "12 22 03", boendeform: "", alder: "80", reaches: "BOENDEFORM_UNKNOWN" },
  { iso: "12 22 03", boendeform: "SABO", alder: "gammal", reaches: "AGE_INVALID" },
  { iso: "12 22 03", boendeform: "SABO", alder: "", reaches: "AGE_INVALID" },
  { iso: "12 22 03", boendeform: "SABO", alder: "80", specialanpassad: "kanske", reaches: "SPECIALANPASSAD_INVALID" },
];

interface CliAnswer {
  payer: string | null;
  rule: string | null;
  section: string | null;
  explanation: string | null;
  source: { sheet: string; row: number; iso: string } | null;
  villkor: string | null;
  error: { code: string; message: string } | null;
}

/** The date the guide answers on: the edition's first day, or today once it is in force. */
function answerDate(effective: string): string {
  const now = new Date();
  const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
  return effective > today ? effective : today;
}

let expected: CliAnswer[];

/** The CLI's answers for all cases, in one run of the real command. */
function cliAnswers(cases: readonly Case[]): CliAnswer[] {
  const csv = path.join(guide.work, "fragor.csv");
  writeFileSync(csv, [toCsvLine(["iso", "boendeform", "ålder", "specialanpassad"], ";"), ...cases.map((c) => toCsvLine([c.iso, c.boendeform, c.alder, c.specialanpassad ?? ""], ";"))].join("\n") + "\n");
  const r = binary(["who-pays", "--csv", csv, "--edition", guide.editionJson, "--date", answerDate("2026-05-01"), "--json"]);
  if (r.code !== 0) throw new Error(`who-pays failed: ${r.err}`);
  return JSON.parse(r.out) as CliAnswer[];
}

function deepLink(base: string, c: Case): string {
  const params = [`iso=${encodeURIComponent(c.iso)}`, `boendeform=${encodeURIComponent(c.boendeform)}`, `alder=${encodeURIComponent(c.alder)}`];
  if (c.specialanpassad !== undefined) params.push(`specialanpassad=${encodeURIComponent(c.specialanpassad)}`);
  return `${base}index.html?${params.join("&")}`;
}

interface Shown {
  payer: string | undefined;
  rule: string | undefined;
  error: string | undefined;
  row: string | null;
  villkor: string | null;
  section: string | null;
  message: string | null;
  hidden: boolean;
}

async function shownAnswer(page: Page): Promise<Shown> {
  return page.$eval("#svar", (s) => {
    const section = s as HTMLElement;
    const dd = (label: string) => [...section.querySelectorAll("dt")].find((dt) => dt.textContent === label)?.nextElementSibling?.textContent ?? null;
    return {
      payer: section.dataset.payer,
      rule: section.dataset.rule,
      error: section.dataset.error,
      row: dd("Rad i bilagan"),
      villkor: section.querySelector(".villkor")?.textContent ?? null,
      section: dd("Avsnitt i överenskommelsen"),
      message: section.querySelector(".error")?.textContent ?? null,
      hidden: section.hidden,
    };
  });
}

function expectSame(shown: Shown, cli: CliAnswer, c: Case): void {
  expect(shown.hidden).toBe(false);
  if (cli.error) {
    expect({ error: shown.error, rule: shown.rule, payer: shown.payer, message: shown.message }).toEqual({ error: cli.error.code, rule: "", payer: "", message: cli.error.message });
  } else {
    // The same payer, rule, §, bilaga row and Villkor as the CLI (the guide words the reason for the public).
    const bilagaRow = cli.source && /^Bilaga [1-4]$/.test(cli.source.sheet) ? `${cli.source.sheet}, rad ${cli.source.row}: ${cli.source.iso}` : null;
    expect({ payer: shown.payer, rule: shown.rule, section: shown.section, row: shown.row?.slice(0, bilagaRow?.length ?? 0) ?? null, villkor: shown.villkor, error: shown.error }).toEqual({
      payer: cli.payer ?? "",
      rule: cli.rule,
      section: cli.section,
      row: bilagaRow,
      villkor: cli.villkor,
      error: undefined,
    });
  }
  expect(cli.error?.code ?? cli.rule).toBe(c.reaches);
}

describe("answers equal the CLI's who-pays --json", () => {
  beforeAll(() => {
    expected = cliAnswers(CASES);
  });

  it("reaches every rule code and every input error in the case table", () => {
    const reached = new Set(expected.map((a) => a.error?.code ?? a.rule));
    for (const code of ["AGE_UNDER_18", "REGION_HORSEL", "REGION_SYN", "REGION_ORTOPEDTEKNIK", "REGION_DIABETES_TEST", "SPECIALANPASSAD", "SOCPSYK_KOMMUN", "BILAGA4", "SOCPSYK_DEFAULT", "LIST", "AMBIGUOUS", "NOT_IN_SCOPE", "UNLISTED", "ISO_FORMAT", "BOENDEFORM_UNKNOWN", "AGE_INVALID", "SPECIALANPASSAD_INVALID"]) {
      expect([code, reached.has(code)]).toEqual([code, true]);
    }
  });

  it("through deep links from file://", async () => {
    const page = await wide.newPage();
    for (const [i, c] of CASES.entries()) {
      await page.goto(deepLink(guide.fileBase, c));
      await page.waitForFunction(() => (window as { __guideReady?: boolean }).__guideReady === true);
      expectSame(await shownAnswer(page), expected[i]!, c);
    }
    await page.close();
  });

  it("through deep links over HTTP, with the answer's own link pointing back at the same question", async () => {
    const page = await wide.newPage();
    // Every fourth case: the same page over HTTP (all cases run from file:// above).
    for (const [i, c] of CASES.entries()) {
      if (i % 4 !== 0) continue;
      await page.goto(deepLink(guide.httpBase, c));
      await page.waitForFunction(() => (window as { __guideReady?: boolean }).__guideReady === true);
      expectSame(await shownAnswer(page), expected[i]!, c);
      const link = await page.$eval("#svar a", (a) => new URL((a as HTMLAnchorElement).href).searchParams.toString());
      const asked = new URLSearchParams({ iso: c.iso, boendeform: c.boendeform, alder: c.alder, ...(c.specialanpassad ? { specialanpassad: c.specialanpassad } : {}) });
      expect(link).toBe(asked.toString());
    }
    await page.close();
  });

  it("through the form (keyboard only), and the URL follows the form", async () => {
    const formCases = CASES.filter((c) => /^[A-Z_]+$/.test(c.boendeform) && (c.specialanpassad === undefined || c.specialanpassad === "ja") && c.boendeform !== "KORTTID_LSS");
    const formExpected = cliAnswers(formCases);
    const { page } = await guide.open(wide, `${guide.httpBase}index.html`);
    expect(await page.$eval("#svar", (s) => (s as HTMLElement).hidden)).toBe(true);
    for (const [i, c] of formCases.entries()) {
      await page.focus("#iso");
      await page.fill("#iso", c.iso);
      await page.keyboard.press("Tab");
      await page.selectOption("#boendeform", c.boendeform);
      await page.fill("#alder", c.alder);
      if ((await page.isChecked("#specialanpassad")) !== (c.specialanpassad === "ja")) {
        await page.focus("#specialanpassad");
        await page.keyboard.press("Space");
      }
      await page.focus("#alder");
      await page.keyboard.press("Enter");
      expectSame(await shownAnswer(page), formExpected[i]!, c);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("svar");
      const params = new URL(page.url()).searchParams;
      expect([params.get("iso"), params.get("boendeform"), params.get("alder"), params.get("specialanpassad")]).toEqual([c.iso, c.boendeform, c.alder, c.specialanpassad ?? null]);
    }
    await page.close();
  });

  it("shows the payer, the rule in plain Swedish, the section, the bilaga row and the form's own Villkor", async () => {
    const { page } = await guide.open(wide, `${guide.fileBase}index.html?iso=12%2022%2003&boendeform=LSS_BOSTAD&alder=45`);
    const text = await page.$eval("#svar", (s) => s.textContent ?? "");
    expect(text).toContain("Kommunen betalar");
    expect(text).toContain("Bilaga 1, rad 2: 12 22 Manuellt drivna rullstolar");
    expect(text).toContain("Gäller rullstol för förflyttning inom bostaden.");
    expect(text).not.toContain("Transportrullstol är boendets ansvar.");
    const sabo = await guide.open(wide, `${guide.fileBase}index.html?iso=12%2022%2003&boendeform=SABO&alder=80`);
    expect(await sabo.page.$eval("#svar", (s) => s.textContent ?? "")).toContain("Transportrullstol är boendets ansvar.");
    const unlisted = await guide.open(wide, `${guide.fileBase}index.html?iso=30%2030%2030&boendeform=SABO&alder=80`);
    expect(await unlisted.page.$eval("#svar .advice", (s) => s.textContent ?? "")).toMatch(/Gissa inte.*samverkansgruppen/);
    for (const p of [page, sabo.page, unlisted.page]) await p.close();
  });
});

describe("search as you type", () => {
  const matches = (page: Page) => page.$$eval("#traffar-lista button", (bs) => bs.map((b) => ({ code: (b as HTMLElement).dataset.code, coverage: (b as HTMLElement).dataset.coverage, text: b.textContent ?? "" })));

  it("finds a code in any form, the rows above it that cover it, and words of the Benämning", async () => {
    const { page } = await guide.open(wide, `${guide.fileBase}index.html`);
    for (const typed of ["122203", "12.22.03", "12 22 03", "12-22-03"]) {
      await page.fill("#iso", "");
      await page.type("#iso", typed);
      const found = await matches(page);
      expect(found.map((m) => m.code)).toEqual(["12", "12 22", "12 22 03"].filter((c) => found.some((m) => m.code === c)));
      expect(found.find((m) => m.code === "12 22")?.coverage).toBe("own");
      expect(found.find((m) => m.code === "12 22")?.text).toMatch(/gäller också koden du skrev/);
      // Covered by the row above: never "not in the bilagor".
      expect(found.find((m) => m.code === "12 22 03")?.coverage).toBe("above");
      expect(found.find((m) => m.code === "12 22 03")?.text).toMatch(/Omfattas av 12 22 i Bilaga 1/);
    }
    await page.fill("#iso", "");
    await page.type("#iso", "912");
    expect((await matches(page)).map((m) => m.code)).toContain("09 12");
    await page.fill("#iso", "");
    await page.type("#iso", "rullstolar eldrivna");
    expect((await matches(page)).map((m) => m.code)).toEqual(["12 23"]);
    await page.fill("#iso", "");
    await page.type("#iso", "SANGAR");
    // One row in bilaga 1 and one in bilaga 4, each with its own name.
    expect((await matches(page)).map((m) => [m.code, /Bilaga \d/.exec(m.text)?.[0]])).toEqual([
      ["18 12 10", "Bilaga 1"],
      ["18 12 10", "Bilaga 4"],
    ]);
    expect(await page.$eval("#traffar-antal", (p) => p.textContent)).toBe("2 träffar.");
    // Choosing a match fills the code; with the other fields given, the answer follows.
    await page.selectOption("#boendeform", "SABO");
    await page.fill("#alder", "80");
    await page.click('#traffar-lista button[data-code="18 12 10"]');
    expect(await page.inputValue("#iso")).toBe("18 12 10");
    expect(await page.$eval("#svar", (s) => [(s as HTMLElement).dataset.payer, (s as HTMLElement).dataset.rule])).toEqual(["Kommun", "LIST"]);
    await page.close();
  });
});

describe("words people use", () => {
  const matches = (page: Page) => page.$$eval("#traffar-lista button", (bs) => bs.map((b) => ({ code: (b as HTMLElement).dataset.code, coverage: (b as HTMLElement).dataset.coverage, text: b.textContent ?? "" })));

  it("finds Sökord of the ISO 9999 sheet and of a bilaga row, and labels each hit by what answers for it", async () => {
    const { page } = await guide.open(wide, `${guide.fileBase}index.html`);
    await page.fill("#iso", "hörapparat");
    // 22 06 15 has no row of its own: the hearing principle answers for it.
    expect(await matches(page)).toEqual([{ code: "22 06 15", coverage: "principle", text: expect.stringMatching(/Bakom-örat-apparater.*Region Stockholm betalar hörselhjälpmedel/) }]);
    await page.fill("#iso", "rullator");
    expect((await matches(page)).map((m) => [m.code, m.coverage])).toEqual([["12 06 06", "own"]]);
    await page.fill("#iso", "GÅSTOL");
    expect((await matches(page)).map((m) => m.code)).toEqual(["12 06 06"]);
    // The Sökord words are searched, never shown as a title.
    expect((await matches(page))[0]!.text).not.toContain("gåstol");
    await page.fill("#iso", "30 30 30");
    expect(await matches(page)).toEqual([{ code: "30 30 30", coverage: "none", text: expect.stringMatching(/Står inte i bilagorna/) }]);
    await page.close();
  });

  it("never shows the maintainers' Källa or Anteckning, status words, Principer rows or tool names on a public page", async () => {
    const texts: string[] = [];
    for (const p of PAGES) {
      const { page } = await guide.open(wide, `${guide.fileBase}${p}`);
      texts.push(await page.evaluate(() => document.body.innerText));
      await page.close();
    }
    // Every answer of the case table, with its folded trace opened.
    const page = await wide.newPage();
    for (const c of CASES) {
      await page.goto(deepLink(guide.fileBase, c));
      await page.waitForFunction(() => (window as { __guideReady?: boolean }).__guideReady === true);
      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
      texts.push(await page.$eval("#svar", (s) => (s as HTMLElement).innerText));
    }
    await page.close();
    const all = texts.join("\n");
    for (const internal of [NOTE_SOURCE, NOTE_TEXT, "Principer, rad", "Excel", "(ISO 9999)", "Status", "Gällande", "Kräver huvudmannabeslut", "kolumn LSS bostad", "närmaste överordnade"]) {
      expect([internal, all.includes(internal)]).toEqual([internal, false]);
    }
  });
});

describe("everyday names and code forms, as the CLI reads them", () => {
  it("answers every housing-form name and code form of the shared table exactly as who-pays --json", async () => {
    const cases: Case[] = [
      ...EVERYDAY_NAMES.map(([name]) => ({ iso: "12 22 03", boendeform: name, alder: "80", reaches: "" })),
      ...EVERYDAY_CODES.map(([typed]) => ({ iso: typed, boendeform: "SABO", alder: "80", reaches: "" })),
    ];
    const answers = cliAnswers(cases);
    const page = await wide.newPage();
    for (const [i, c] of cases.entries()) {
      await page.goto(deepLink(guide.fileBase, c));
      await page.waitForFunction(() => (window as { __guideReady?: boolean }).__guideReady === true);
      const shown = await shownAnswer(page);
      const cli = answers[i]!;
      expect([c.boendeform, c.iso, shown.error ?? shown.rule, shown.payer]).toEqual([c.boendeform, c.iso, cli.error?.code ?? cli.rule, cli.payer ?? ""]);
    }
    // The code as read is said in the answer (a lost leading zero), as the CLI's explanation says it.
    await page.goto(deepLink(guide.fileBase, { iso: "93312", boendeform: "SABO", alder: "80", reaches: "" }));
    await page.waitForFunction(() => (window as { __guideReady?: boolean }).__guideReady === true);
    expect(await page.$eval("#svar .plain", (p) => p.textContent)).toMatch(/^Koden 93312 lästes som 09 33 12/);
    await page.close();
  });
});

describe("from the guide to the group", () => {
  it("offers a prepared message to the Kontakt with the question, answer, date, edition and link, and sends nothing", async () => {
    for (const c of [
      { iso: "30 30 30", boendeform: "SABO", alder: "80", rule: "UNLISTED", form: "Särskilt boende för äldre (SoL)" },
      { iso: "12", boendeform: "LSS_BOSTAD", alder: "50", rule: "AMBIGUOUS", form: "Bostad med särskild service (LSS)" },
      { iso: "12 22 03", boendeform: "SABO", alder: "80", rule: "LIST", form: "Särskilt boende för äldre (SoL)" },
    ]) {
      const { page } = await guide.open(wide, deepLink(guide.httpBase, { ...c, reaches: c.rule }));
      const href = await page.$eval("#svar a.mailto", (a) => (a as HTMLAnchorElement).href);
      const url = new URL(href);
      expect([url.protocol, url.pathname]).toEqual(["mailto:", "hjalpmedel@example.se"]);
      const subject = url.searchParams.get("subject")!;
      const body = url.searchParams.get("body")!;
      expect(subject).toBe(`Fråga om kostnadsansvar: ${c.iso}, ${c.form}`);
      const date = await page.$eval("#svar .meta", (p) => /den (\d{4}-\d{2}-\d{2})/.exec(p.textContent ?? "")![1]);
      const link = await page.$eval("#svar .meta a", (a) => (a as HTMLAnchorElement).href);
      for (const line of [`ISO-kod: ${c.iso}`, `Boendeform: ${c.form}`, `Ålder: ${c.alder}`, `(${c.rule}, `, `Datum: ${date}`, "Utgåva: 2026:2", `Länk: ${link}`]) expect([line, body.includes(line)]).toEqual([line, true]);
      // Line ends as the mailto: standard has them.
      expect(href).toContain("%0D%0A");
      await page.close();
    }
    // A Kontakt that is not an e-mail address is never made a link (the hostile Utgåva fields).
    const base = await guide.publishAnother(await hostileUtgavaXlsx(), "mailto-hostile");
    const hostile = await guide.open(wide, `${base}index.html?iso=30%2030%2030&boendeform=SABO&alder=80`);
    expect(await hostile.page.$$eval("#svar a.mailto", (as) => as.length)).toBe(0);
    expect(await hostile.page.$eval("#svar .ask", (p) => p.textContent)).toContain(HOSTILE.contact);
    await hostile.page.close();
  });
});

describe("on a phone (360 × 740)", () => {
  let phone: BrowserContext;
  beforeAll(async () => {
    phone = await guide.newContext(360, 740);
  });

  it("shows the search box without scrolling", async () => {
    const { page } = await guide.open(phone, `${guide.fileBase}index.html`);
    const box = await page.$eval("#iso", (e) => e.getBoundingClientRect().bottom);
    expect(box).toBeLessThanOrEqual(740);
    // The page menu is folded to one line and opens on a tap.
    expect(await page.$eval("nav details", (d) => (d as HTMLDetailsElement).open)).toBe(false);
    await page.click("nav summary");
    expect(await page.isVisible('nav a[href="nytt-i-utgavan.html"]')).toBe(true);
    await page.close();
  });

  it("brings a shared link's answer into view with the focus on it, the verdict first and the trace folded", async () => {
    const { page } = await guide.open(phone, `${guide.fileBase}index.html?iso=12%2022%2003&boendeform=gruppbostad&alder=45`);
    const state = await page.evaluate(() => {
      const s = document.getElementById("svar")!;
      const first = s.querySelector("h2")!;
      return {
        focused: document.activeElement?.id,
        top: s.getBoundingClientRect().top,
        headingBottom: first.getBoundingClientRect().bottom,
        verdict: first.textContent,
        traceOpen: s.querySelector("details")?.open,
        villkorShown: [...s.querySelectorAll(".villkor")].length,
      };
    });
    expect(state.focused).toBe("svar");
    expect(state.top).toBeGreaterThanOrEqual(-1);
    expect(state.headingBottom).toBeLessThanOrEqual(740);
    expect(state.verdict).toBe("Kommunen betalar");
    expect(state.traceOpen).toBe(false);
    expect(state.villkorShown).toBe(1);
    // Two taps from the page: the search and a hit, once the form is filled.
    await page.close();
  });

  it("answers an everyday question in two taps: a hit, then Visa svar", async () => {
    const { page } = await guide.open(phone, `${guide.fileBase}index.html`);
    await page.selectOption("#boendeform", "LSS_BOSTAD");
    await page.fill("#alder", "45");
    await page.fill("#iso", "rullator");
    await page.click('#traffar-lista button[data-code="12 06 06"]');
    expect(await page.$eval("#svar", (s) => [(s as HTMLElement).dataset.payer, document.activeElement?.id, s.querySelector("h2")!.textContent])).toEqual(["Kommun", "svar", "Kommunen betalar"]);
    expect(await page.$eval("#svar", (s) => s.getBoundingClientRect().top)).toBeLessThan(740);
    await page.close();
  });

  it("never breaks a word across lines in a table cell, from 360 to 1 600 px", async () => {
    const broken: string[] = [];
    for (const width of [360, 800, 1024, 1280, 1600]) {
      const context = await guide.newContext(width, 900);
      for (const p of PAGES.filter((x) => x !== "index.html")) {
        const { page } = await guide.open(context, `${guide.fileBase}${p}`);
        const found = await page.evaluate(() => {
          const out: string[] = [];
          for (const cell of document.querySelectorAll("table td, table th")) {
            const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const text = node.textContent ?? "";
              // Words between spaces; a line may end after a hyphen or a slash.
              for (const m of text.matchAll(/[^\s\-–/]+[\-–/]?/g)) {
                const range = document.createRange();
                range.setStart(node, m.index!);
                range.setEnd(node, m.index! + m[0].length);
                const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
                if (tops.size > 1) out.push(m[0]);
              }
            }
          }
          return out;
        });
        for (const w of found) broken.push(`${width} ${p}: ${w}`);
        await page.close();
      }
      await context.close();
    }
    expect(broken).toEqual([]);
  });
});

describe("pages", () => {
  it("link to each other and to the downloads, and every link resolves inside the folder", async () => {
    const files = new Set(readdirSync(guide.dir));
    for (const p of PAGES) expect([p, files.has(p)]).toEqual([p, true]);
    for (const p of PAGES) {
      const { page } = await guide.open(wide, `${guide.fileBase}${p}`);
      const hrefs = await page.$$eval("a[href]", (as) => as.map((a) => a.getAttribute("href")!));
      const nav = await page.$$eval("nav a", (as) => as.map((a) => a.getAttribute("href")));
      expect(nav).toEqual(PAGES);
      expect(await page.$eval('nav a[aria-current="page"]', (a) => a.getAttribute("href"))).toBe(p);
      for (const href of hrefs) {
        if (href === "#innehall") continue;
        // The one link that leaves the folder: the agreement's text, followed only when clicked.
        if (href === "https://www.example.se/overenskommelse.pdf") continue;
        const target = href.split("?")[0]!;
        expect([p, href, files.has(target)]).toEqual([p, href, true]);
      }
      // Edition, decision and validity on every page; publisher line; nothing internal.
      const body = await page.$eval("body", (b) => b.textContent ?? "");
      expect(body).toContain("Utgåva 2026:2, beslutad 2026-01-10, gäller från 2026-05-01");
      expect(body).toContain("Utgivare: Hjälpmedelssamverkan i Stockholms län.");
      const json = JSON.parse(readFileSync(guide.editionJson, "utf8")) as { hash: string };
      expect(body).not.toContain(json.hash);
      expect(body).not.toMatch(/SHA-256|Ingen föregående utgåva angavs|Gällande →|→ Gällande|Ny rad/);
      await page.close();
    }
  });

  it("show one table per housing form with its own Villkor, filterable by payer", async () => {
    const { page } = await guide.open(wide, `${guide.fileBase}boendeform-lss-bostad.html`);
    expect(await page.$$eval("table", (t) => t.length)).toBe(1);
    const rows = () => page.$$eval("tbody tr:not([hidden])", (trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
    const all = await rows();
    expect(all.map((r) => r[0])).toEqual(["09 12", "12 06 06", "12 22", "12 23", "18 12 10", "–"]);
    expect(all.find((r) => r[0] === "12 22")![3]).toBe("Gäller rullstol för förflyttning inom bostaden.");
    expect(all.find((r) => r[0] === "12 22")![1]).toContain("Gäller även koderna under 12 22.");
    await page.check("#betalare-region");
    expect((await rows()).map((r) => r[0])).toEqual(["12 23"]);
    expect(await page.$eval("#filter-antal", (p) => p.textContent)).toBe("Visar 1 av 6 rader.");
    await page.check("#betalare-alla");
    expect(await rows()).toHaveLength(6);
    const sabo = await guide.open(wide, `${guide.fileBase}boendeform-sabo.html`);
    const saboRows = await sabo.page.$$eval("tbody tr", (trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
    expect(saboRows.find((r) => r[0] === "12 22")![3]).toBe("Transportrullstol är boendets ansvar.");
    const socpsyk = await guide.open(wide, `${guide.fileBase}boendeform-sol-socpsyk.html`);
    expect(await socpsyk.page.$$eval("tbody tr", (trs) => trs.map((tr) => tr.querySelector("td")!.textContent))).toEqual(["18 12 10"]);
    for (const p of [page, sabo.page, socpsyk.page]) await p.close();
  });

  it("Nytt i utgåvan lists the decided changes in plain Swedish", async () => {
    const { page } = await guide.open(wide, `${guide.fileBase}nytt-i-utgavan.html`);
    const rows = await page.$$eval("tbody tr", (trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
    expect(rows).toEqual(
      expect.arrayContaining([
        ["12 22", "Manuellt drivna rullstolar", "Bostad med särskild service (LSS)", "Nytt villkor: Gäller rullstol för förflyttning inom bostaden.", "2026-05-01"],
        ["12 23", "Eldrivna rullstolar", "Särskilt boende för äldre (SoL)", "Kommunen → Region Stockholm", "2026-05-01"],
        ["09 12", "Toaletthjälpmedel", "Särskilt boende för äldre (SoL)", "Ny i bilaga 1: Den enskilde (egenansvar)", "2026-05-01"],
      ]),
    );
    expect(await page.$eval("main", (m) => m.textContent ?? "")).toContain("sedan utgåva 2026:1");
    await page.close();
  });
});

describe("works for everyone", () => {
  const axe = async (page: Page) => {
    const result = await new AxeBuilder({ page })
      // axe's preload fetches style sheets with XHR, which the guide's CSP (rightly) refuses.
      .options({ preload: false })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    // An axe that checked nothing would report nothing: it must have passed some rules.
    if (result.passes.length === 0) throw new Error("axe-core ran no rule");
    // An axe that checked nothing would report nothing: it must have passed some rules.
  if (result.passes.length === 0) throw new Error("axe-core ran no rule");
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  };

  const AXE_VIEWS: ReadonlyArray<[string, "wide" | "narrow"]> = [
    ...PAGES.map((p) => [p, "narrow"] as [string, "narrow"]),
    ["index.html", "wide"],
    ["boendeform-sabo.html", "wide"],
    ["nytt-i-utgavan.html", "wide"],
    ["index.html?iso=x&boendeform=SABO&alder=80", "narrow"],
  ];
  it.each(AXE_VIEWS)("axe-core finds no WCAG 2.1 A/AA violation on %s (%s), answer and matches shown", async (p, width) => {
    const url = p === "index.html" ? `${guide.fileBase}index.html?iso=12%2022%2003&boendeform=SABO&alder=80` : `${guide.fileBase}${p}`;
    const { page, errors } = await guide.open(width === "wide" ? wide : narrow, url);
    if (p === "index.html") await page.fill("#iso", "rullstol");
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("has no horizontal scroll at 360 px and cuts no text off", async () => {
    for (const p of PAGES) {
      const url = p === "index.html" ? `${guide.fileBase}index.html?iso=12%2006%2006&boendeform=SABO&alder=80` : `${guide.fileBase}${p}`;
      const { page } = await guide.open(narrow, url);
      if (p === "index.html") await page.fill("#iso", "rull");
      const overflow = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        cut: [...document.querySelectorAll("body *")]
          .filter((e) => (e as HTMLElement).offsetParent !== null && e.getBoundingClientRect().right > window.innerWidth + 0.5)
          .map((e) => e.tagName + "." + e.className),
      }));
      expect([p, overflow]).toEqual([p, { page: 360, cut: [] }]);
      // No heading or caption squeezed into a column one letter wide.
      const narrowest = await page.$$eval("h1, h2, caption, legend", (els) => Math.min(...els.map((e) => e.getBoundingClientRect().width)));
      expect([p, narrowest > 150]).toEqual([p, true]);
      await page.close();
    }
  });

  it("prints every page on A4 without the navigation and the form", async () => {
    for (const p of PAGES) {
      const { page } = await guide.open(wide, p === "index.html" ? `${guide.fileBase}index.html?iso=12%2022%2003&boendeform=SABO&alder=80` : `${guide.fileBase}${p}`);
      await page.emulateMedia({ media: "print" });
      const shown = await page.evaluate(() => ({
        nav: getComputedStyle(document.querySelector("nav")!).display,
        form: document.querySelector("form") ? getComputedStyle(document.querySelector("form")!).display : "none",
        main: getComputedStyle(document.querySelector("main")!).display,
        answer: document.querySelector("#svar") ? getComputedStyle(document.querySelector("#svar")!).display : "block",
      }));
      expect([p, shown]).toEqual([p, { nav: "none", form: "none", main: "block", answer: "block" }]);
      if (p === "index.html" || p === "boendeform-lss-bostad.html") {
        const pdf = await page.pdf({ format: "A4" });
        expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      }
      await page.close();
    }
  });

  it("keeps hostile cell text inert: no script runs, no markup or javascript: link is made", async () => {
    for (const p of PAGES) {
      const url = p === "index.html" ? `${guide.fileBase}index.html?iso=12%2006%2006&boendeform=SABO&alder=80` : `${guide.fileBase}${p}`;
      const { page, errors } = await guide.open(wide, url);
      if (p === "index.html") await page.fill("#iso", "rollator");
      const state = await page.evaluate(() => ({
        xss: (window as { __xss?: unknown }).__xss ?? null,
        img: document.querySelectorAll("img, script:not([src]), b").length,
        js: [...document.querySelectorAll("a[href]")].filter((a) => /^\s*javascript:/i.test(a.getAttribute("href")!)).length,
        scripts: [...document.querySelectorAll("script")].map((s) => s.getAttribute("src")),
      }));
      expect([p, state.xss, state.img, state.js]).toEqual([p, null, 0, 0]);
      expect(state.scripts.every((s) => s === "guide.js" || s === "guide-data.js")).toBe(true);
      const text = await page.$eval("body", (b) => b.textContent ?? "");
      if (p !== "nytt-i-utgavan.html" && p !== "boendeform-sol-socpsyk.html") expect(text).toContain("Rollator <script>");
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it("links to the agreement's text when the Utgåva sheet gives an https address; hostile Utgåva fields stay text", async () => {
    const { page } = await guide.open(wide, `${guide.fileBase}index.html`);
    expect(await page.$eval("footer a[rel]", (a) => [a.textContent, a.getAttribute("href")])).toEqual(["Överenskommelsens text", "https://www.example.se/overenskommelse.pdf"]);
    expect(await page.$eval("header", (h) => h.textContent)).toContain("Kontakt: hjalpmedel@example.se.");
    await page.close();
    const base = await guide.publishAnother(await hostileUtgavaXlsx(), "hostile");
    for (const p of ["index.html?iso=30%2030%2030&boendeform=SABO&alder=80", "boendeform-sabo.html", "nytt-i-utgavan.html"]) {
      const { page: hostile, errors } = await guide.open(wide, `${base}${p}`);
      const state = await hostile.evaluate(() => ({
        xss: (window as { __xss?: unknown }).__xss ?? null,
        links: [...document.querySelectorAll("a[href]")].map((a) => a.getAttribute("href")!).filter((h) => !/^(index|boendeform-[a-z-]+|nytt-i-utgavan)\.html(\?.*)?$|^#innehall$|^2026-2[-a-z0-9]*\.(csv|json)$/.test(h)),
        header: document.querySelector("header")!.textContent,
        footer: document.querySelector("footer")!.textContent,
        advice: document.querySelector("#svar .advice")?.textContent ?? null,
      }));
      expect(state.xss).toBeNull();
      expect(state.links).toEqual([]);
      expect(state.header).toContain(`Utgivare: ${HOSTILE.contact}. Kontakt: ${HOSTILE.contact}.`);
      expect(state.footer).toContain(`Överenskommelsen: ${HOSTILE.agreement}`);
      if (p.startsWith("index")) expect(state.advice).toContain(`Kontakt: ${HOSTILE.contact}.`);
      expect(errors).toEqual([]);
      await hostile.close();
    }
  });

  it("screenshots: start page with an answer, a housing-form page, Nytt i utgåvan at 1200 and 360 px", async () => {
    for (const [context, width] of [[wide, 1200], [narrow, 360]] as const) {
      const start = await guide.open(context, `${guide.fileBase}index.html?iso=12%2022%2003&boendeform=LSS_BOSTAD&alder=45`);
      await start.page.fill("#iso", "12 22");
      await screenshot(start.page, `guide-start-${width}`);
      const form = await guide.open(context, `${guide.fileBase}boendeform-lss-bostad.html`);
      await screenshot(form.page, `guide-lss-bostad-${width}`);
      const news = await guide.open(context, `${guide.fileBase}nytt-i-utgavan.html`);
      await screenshot(news.page, `guide-nytt-${width}`);
      for (const p of [start.page, form.page, news.page]) await p.close();
    }
  });
});
