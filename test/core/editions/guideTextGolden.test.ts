/*
 * The words the guide's pages and its browser script share (guideText.ts), against the golden
 * file test/baselines/guide-texts.txt: every headline, rule, input error, advice and file name,
 * the plain answer for each kind of answer, which contacts become a mail link, and the prepared
 * question to the group as a mail and as a mailto: address. The browser tests read some of these
 * as a reader meets them; this one reads all of them in the same process.
 */
import { BOENDEFORMER } from "../../../src/core/boendeform";
import {
  ADVICE_SV,
  contactEmail,
  FORM_SHORT,
  formPageFile,
  GUIDE_CSS,
  GUIDE_DATA,
  GUIDE_GLOBAL,
  GUIDE_SCRIPT,
  INPUT_ERROR_SV,
  mailtoHref,
  NEWS_PAGE,
  NO_PAYER_BRIEF_SV,
  PAYER_SV,
  payerHeadline,
  plainAnswerSv,
  questionMailSv,
  RULE_SV,
  START_PAGE,
} from "../../../src/core/editions/guideText";
import { readWorkbook } from "../../../src/core/model";
import { buildWhoPaysIndex, whoPays, type WhoPaysQuery } from "../../../src/core/whoPays";
import { expectBaseline } from "../../helpers/baseline";
import { listRow, workbook } from "../../helpers/workbooks";

const table = (o: Record<string, string | undefined>) => Object.entries(o).map(([k, v]) => `${k}: ${v}`);

describe("the guide's shared words, against a golden file", () => {
  it("read as the golden file says", () => {
    const out: string[] = [];
    const section = (title: string, lines: readonly string[]) => out.push(`## ${title}`, ...lines, "");
    section("files", [START_PAGE, NEWS_PAGE, GUIDE_SCRIPT, GUIDE_DATA, GUIDE_CSS, GUIDE_GLOBAL, ...BOENDEFORMER.map((f) => `${f}: ${formPageFile(f)} (${FORM_SHORT[f]})`)]);
    section("payers", table(PAYER_SV));
    section("rules", table(RULE_SV));
    section("input errors", table(INPUT_ERROR_SV));
    section("no payer, briefly", table(NO_PAYER_BRIEF_SV));
    section("advice", table(ADVICE_SV));

    const index = buildWhoPaysIndex(
      readWorkbook(
        workbook({
          b1: [listRow("12 22", "Manuella rullstolar", ["Kommun", "Region", "Kommun", "Egenansvar"]), listRow("04 24 12", "Blodsockermätare", ["Region", "Region", "Region", "Region"])],
          b4: [{ "ISO-kod": "12 31", Benämning: "Förflyttning", Kostnadsansvar: "Region" }],
        }),
      ),
      "2026:1",
    );
    const queries: Array<[string, WhoPaysQuery, string | undefined]> = [
      ["a row for the code", { iso: "12 22", boendeform: "SÄBO", age: 80 }, "Manuella rullstolar"],
      ["a row above the code", { iso: "12 22 03", boendeform: "LSS bostad", age: 40 }, "Manuella rullstolar"],
      ["a row without a title", { iso: "12 22", boendeform: "SoL dagverksamhet", age: 70 }, ""],
      ["no title given", { iso: "12 22", boendeform: "LSS daglig verksamhet", age: 30 }, undefined],
      ["the leading zero lost", { iso: 42412, boendeform: "SÄBO", age: 80 }, "Blodsockermätare"],
      ["bilaga 4", { iso: "12 31", boendeform: "socialpsykiatri", age: 50 }, "Förflyttning"],
      ["a child", { iso: "12 22", boendeform: "SÄBO", age: 10 }, "Manuella rullstolar"],
      ["a principle", { iso: "22 06 15", boendeform: "SÄBO", age: 80 }, undefined],
      ["a code in no list", { iso: "99 99", boendeform: "SÄBO", age: 80 }, undefined],
      ["a form outside the agreement", { iso: "12 22", boendeform: "ordinärt boende", age: 80 }, undefined],
    ];
    for (const [title, query, rowTitle] of queries) {
      const a = whoPays({ ...query, date: "2026-06-01" }, index);
      if (!a.ok) throw new Error(`${title}: ${a.code}`);
      section(`answer: ${title} (${a.rule})`, [payerHeadline(a.payer, a.rule), ...plainAnswerSv(a, rowTitle)]);
    }
    section("headlines without a payer", (["AMBIGUOUS", "NOT_IN_SCOPE", "UNLISTED"] as const).map((r) => `${r}: ${payerHeadline(null, r)}`));

    const contacts = ["samverkan@example.se", "  åsa.öberg+fråga@kommun.stockholm.se ", "Storsthlm, tel 08-123 45", "a@b", "@example.se", "namn@exempel.s", "x y@example.se", "", undefined];
    section("contacts made a mail link", contacts.map((c) => `${JSON.stringify(c)} → ${JSON.stringify(contactEmail(c))}`));

    const full = questionMailSv({ iso: " 12 22 03 ", form: "Särskilt boende för äldre (SoL)", age: " 80 ", adapted: true }, { verdict: "Kommunen betalar", rule: "LIST", section: "§3.1" }, "2026-12-07", "2026:1", "https://example.se/guide/index.html?iso=12+22+03");
    const bare = questionMailSv({ iso: "  ", form: "", age: "", adapted: false }, { verdict: "Bilagorna anger ingen betalare", rule: null, section: null }, "2026-12-07", "2026:1", "index.html");
    const ruleOnly = questionMailSv({ iso: "99 99", form: "SABO", age: "80", adapted: false }, { verdict: "Bilagorna anger ingen betalare", rule: "UNLISTED", section: null }, "2026-12-07", "2026:1", "index.html");
    for (const [title, mail] of [["full", full], ["bare", bare], ["a rule without a section", ruleOnly]] as const) {
      section(`question mail: ${title}`, [`subject: ${mail.subject}`, ...mail.body.split("\n").map((l) => `| ${l}`)]);
    }
    section("mailto", [mailtoHref("samverkan@example.se", full), mailtoHref("åsa@example.se", bare)]);
    expectBaseline("guide-texts", out.join("\n"));
  });
});
