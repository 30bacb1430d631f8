import { BOENDEFORM_INFO, BOENDEFORMER, type Boendeform } from "../boendeform";
import type { Payer } from "../payer";
import { PRINCIPLE_INFO, type RegionPrincipleKey } from "../principles";
import { upperFirst } from "../text";
import type { WhoPaysAnswer, WhoPaysInputError, WhoPaysRule } from "../whoPays";

/*
 * Texts and names the guide's pages (built in Node) and its script (in the browser) share.
 */

/** Page file of a housing form, e.g. `boendeform-lss-bostad.html`. */
export const formPageFile = (form: Boendeform): string => `boendeform-${form.toLowerCase().replace(/_/g, "-")}.html`;

// Stryker disable all: tables and names built at load, where a mutant switched on per test never reaches; guideTextGolden.test.ts kills each in plain jest (docs/utveckling.md).
export const START_PAGE = "index.html";
export const NEWS_PAGE = "nytt-i-utgavan.html";
export const GUIDE_SCRIPT = "guide.js";
export const GUIDE_DATA = "guide-data.js";
export const GUIDE_CSS = "guide.css";
/** The global the data file assigns (a script, not fetched JSON: fetch does not work from file://). */
export const GUIDE_GLOBAL = "HJALPMEDELSGUIDEN";

/** Short names of the housing forms for menus and headings. */
/** The forms' short labels: the core's register (BOENDEFORM_INFO.shortSv), never a second list. */
export const FORM_SHORT: Record<Boendeform, string> = Object.fromEntries(BOENDEFORMER.map((f) => [f, BOENDEFORM_INFO[f].shortSv])) as Record<Boendeform, string>;

export const FORM_ORDER: readonly Boendeform[] = BOENDEFORMER;

/** The payer as a sentence's subject, for the answer and the tables. */
export const PAYER_SV: Record<Payer, string> = {
  Kommun: "Kommunen",
  Region: "Region Stockholm",
  Egenansvar: "Den enskilde (egenansvar)",
};
// Stryker restore all

/** The answer's first line. */
export function payerHeadline(payer: Payer | null, rule: WhoPaysRule): string {
  if (payer === "Kommun") return "Kommunen betalar";
  if (payer === "Region") return "Region Stockholm betalar";
  if (payer === "Egenansvar") return "Den enskilde betalar själv (egenansvar)";
  if (rule === "AMBIGUOUS") return "Svaret är inte entydigt";
  if (rule === "NOT_IN_SCOPE") return "Boendeformen omfattas inte av överenskommelsen";
  return "Bilagorna anger ingen betalare";
}

// Stryker disable all: tables and names built at load, where a mutant switched on per test never reaches; guideTextGolden.test.ts kills each in plain jest (docs/utveckling.md).
function regionPrincipleSv(key: RegionPrincipleKey): string {
  return `${upperFirst(PRINCIPLE_INFO[key].areaSv)} bekostar Region Stockholm i alla åldrar och boendeformer.`;
}

/** Each answer rule in plain Swedish; a principle's rule in the principle register's words. */
export const RULE_SV: Record<WhoPaysRule, string> = {
  AGE_UNDER_18: "Personen är under 18 år. Region Stockholm bekostar förskrivna hjälpmedel till barn och unga.",
  DECIDED_EXCEPTION: "Huvudmännen har beslutat om ett undantag från överenskommelsens huvudregel för den här koden och boendeformen.",
  REGION_HORSEL: regionPrincipleSv("REGION_HORSEL"),
  REGION_SYN: regionPrincipleSv("REGION_SYN"),
  REGION_ORTOPEDTEKNIK: regionPrincipleSv("REGION_ORTOPEDTEKNIK"),
  REGION_KOSMETISK: regionPrincipleSv("REGION_KOSMETISK"),
  REGION_DIABETES_TEST: regionPrincipleSv("REGION_DIABETES_TEST"),
  SPECIALANPASSAD: "Specialanpassade hjälpmedel bekostar alltid Region Stockholm.",
  SOCPSYK_KOMMUN: `I socialpsykiatriskt boende bekostar kommunen ${PRINCIPLE_INFO.SOCPSYK_KOMMUN.areaSv}.`,
  BILAGA4: "I socialpsykiatriskt boende gäller bilaga 4 för den här koden.",
  SOCPSYK_DEFAULT: "I socialpsykiatriskt boende bekostar Region Stockholm hjälpmedlen, utom kommunens undantag och bilaga 4.",
  LIST: "Bilagans rad för koden anger betalaren för boendeformen.",
  AMBIGUOUS: "Bilagorna anger olika betalare för koden eller för koderna under den.",
  NOT_IN_SCOPE: "Överenskommelsen gäller bara särskilt boende, bostad med särskild service, daglig verksamhet och dagverksamhet.",
  UNLISTED: "Bilagorna anger ingen betalare för koden i den här boendeformen, och ingen princip i överenskommelsen avgör den.",
};

/** Each input error in a few plain words (the answer CSV's rule column). */
export const INPUT_ERROR_SV: Record<WhoPaysInputError | "CSV_ROW_WIDTH", string> = {
  ISO_FORMAT: "Koden kan inte läsas",
  BOENDEFORM_UNKNOWN: "Boendeformen kan inte läsas",
  AGE_INVALID: "Åldern kan inte läsas",
  SPECIALANPASSAD_INVALID: "Specialanpassad kan inte läsas",
  DATE_INVALID: "Datumet kan inte läsas",
  NO_EDITION: "Ingen utgåva gällde på datumet",
  CSV_ROW_WIDTH: "Raden har fler fält än rubrikraden",
};

/**
 * Why there is no payer, in a few words, for a spilled column's errors (the functions), beside
 * INPUT_ERROR_SV for the input errors: a long list stays short.
 */
export const NO_PAYER_BRIEF_SV: Record<"UNLISTED" | "AMBIGUOUS" | "NOT_IN_SCOPE", string> = {
  UNLISTED: "Står inte i bilagorna",
  AMBIGUOUS: "Ange hela koden",
  NOT_IN_SCOPE: "Utanför överenskommelsen",
};

/** What a prescriber should do when there is no payer (never a guess). */
export const ADVICE_SV: Partial<Record<WhoPaysRule, string>> = {
  UNLISTED:
    "Gissa inte. Kontrollera koden, och fråga annars din hjälpmedelssamordnare eller samverkansgruppen för hjälpmedel: frågan avgörs av huvudmännen (§6.3).",
  AMBIGUOUS:
    "Sök på den mer precisa koden för hjälpmedlet (produktgruppen, sex siffror) och fråga igen. Går det inte att avgöra, fråga din hjälpmedelssamordnare eller samverkansgruppen (§2.5).",
  NOT_IN_SCOPE:
    "Överenskommelsen avgör inte frågan för den här boendeformen. Följ Region Stockholms och kommunens egna regler för förskrivning, eller fråga din hjälpmedelscentral.",
};

/** Answers that come from a bilaga row (the row is named in plain words). */
const FROM_ROW: ReadonlySet<WhoPaysRule> = new Set(["LIST", "BILAGA4", "DECIDED_EXCEPTION"]);
// Stryker restore all

/**
 * The answer in a reader's words, from the core's answer and nothing else: how the code was read
 * (when it was not written in normal form), the rule in plain Swedish, and where it stands in the
 * bilagor. No rule codes, sheet rows or status words: those are in the answer's trace.
 * @example plainAnswerSv(answer, "Manuellt drivna rullstolar") // ["Bilagans rad …", "Det står i Bilaga 1 under 12 22 …"]
 */
export function plainAnswerSv(answer: WhoPaysAnswer, rowTitle: string | undefined): string[] {
  const out: string[] = [];
  if (answer.readAs) out.push(answer.readAs);
  out.push(RULE_SV[answer.rule]);
  if (answer.source && rowTitle !== undefined && FROM_ROW.has(answer.rule)) {
    const covers = answer.source.iso !== answer.iso ? `, som gäller också ${answer.iso}` : "";
    out.push(`Det står i ${answer.source.sheet} under ${answer.source.iso}${rowTitle ? ` ${rowTitle}` : ""}${covers}.`);
  }
  return out;
}

/** A Kontakt that is a plain e-mail address (anything else is shown as text, never made a link). */
export function contactEmail(contact: string | undefined): string | null {
  const t = contact?.trim() ?? "";
  return /^[A-Za-z0-9._%+\-åäöÅÄÖ]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}$/.test(t) ? t : null;
}

export interface QuestionMail {
  readonly subject: string;
  readonly body: string;
}

/**
 * The prepared message "Fråga om svaret" to the group (issue: the group's year): the question as
 * asked, the answer it got, the date, the edition and the page's link, so the maintainers can
 * paste it into Ärenden. Nothing is sent unless the reader sends it from their own mail program.
 */
export function questionMailSv(q: { iso: string; form: string; age: string; adapted: boolean }, answer: { verdict: string; rule: string | null; section: string | null }, date: string, edition: string, link: string): QuestionMail {
  const code = q.iso.trim() || "(ingen kod)";
  return {
    subject: `Fråga om kostnadsansvar: ${code}, ${q.form || "ingen boendeform"}`,
    body: [
      "Hej!",
      "",
      "Jag har en fråga om svaret i Hjälpmedelsguiden:",
      "",
      `ISO-kod: ${code}`,
      `Boendeform: ${q.form || "(ingen)"}`,
      `Ålder: ${q.age.trim() || "(ingen)"}`,
      `Specialanpassat: ${q.adapted ? "ja" : "nej"}`,
      `Svar: ${answer.verdict}${answer.rule ? ` (${answer.rule}${answer.section ? `, ${answer.section}` : ""})` : ""}`,
      `Datum: ${date}`,
      `Utgåva: ${edition}`,
      `Länk: ${link}`,
      "",
      "Min fråga:",
      "",
    ].join("\n"),
  };
}

/** The message as a mailto: address (RFC 6068: each part percent-encoded, line ends as %0D%0A). */
export function mailtoHref(to: string, mail: QuestionMail): string {
  const enc = (t: string) => encodeURIComponent(t).replace(/%0A/g, "%0D%0A");
  return `mailto:${encodeURIComponent(to).replace(/%40/g, "@")}?subject=${enc(mail.subject)}&body=${enc(mail.body)}`;
}
