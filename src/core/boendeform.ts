import { foldText } from "./text";

/** The housing forms the agreement covers (§1.1). */
export const BOENDEFORMER = ["SABO", "SOL_DAGV", "LSS_BOSTAD", "LSS_DV", "SOL_SOCPSYK"] as const;
export type Boendeform = (typeof BOENDEFORMER)[number];

/** The four forms that bilaga 1–3 have a payer column for. */
export const LIST_BOENDEFORMER = ["SABO", "LSS_BOSTAD", "LSS_DV", "SOL_DAGV"] as const;
export type ListBoendeform = (typeof LIST_BOENDEFORMER)[number];

export interface BoendeformInfo {
  readonly key: Boendeform;
  /** The name in running text; it names the law (SoL/LSS). */
  readonly nameSv: string;
  /**
   * The short label, naming the law, everywhere a form is listed (the pane, the guide, reports);
   * with `key` and `nameSv` (the agreement's full name) the only names a form has.
   */
  readonly shortSv: string;
  /** The everyday name to type, as messages and help suggest it ("SÄBO", "LSS bostad"); it is read like any alias. */
  readonly typedSv: string;
  /**
   * Whom or what the form covers, naming its law, as running text after "hjälpmedel" (the guide's
   * page for the form opens with it).
   */
  readonly scopeSv: string;
  readonly aliases: readonly string[];
}

export const BOENDEFORM_INFO: Record<Boendeform, BoendeformInfo> = {
  SABO: {
    key: "SABO",
    nameSv: "Särskilt boende för äldre enligt SoL",
    shortSv: "Särskilt boende för äldre (SoL)",
    typedSv: "SÄBO",
    scopeSv: "för personer som bor i särskilt boende för äldre enligt SoL",
    aliases: [
      "Särskilt boende för äldre","SÄBO", "särskilt boende", "särskilt boende för äldre enligt SoL", "SABO_SOL", "SÄBO SoL",
      // The everyday names in Stockholm's kommuner (docs/regler.md).
      "äldreboende", "vård- och omsorgsboende", "vård och omsorgsboende", "VOBO", "vårdboende", "omsorgsboende", "demensboende", "gruppboende för äldre", "servicehus"],
  },
  SOL_DAGV: {
    key: "SOL_DAGV",
    nameSv: "Dagverksamhet enligt SoL (inkl. sysselsättning)",
    shortSv: "Dagverksamhet (SoL)",
    typedSv: "dagverksamhet (SoL)",
    scopeSv: "i dagverksamhet enligt SoL, inklusive sysselsättning enligt 3 kap. 6 § SoL",
    aliases: [
      "Dagverksamhet enligt SoL, inkl. sysselsättning enligt 3 kap. 6 § SoL (socialpsykiatri)",
      "dagverksamhet",
      "dagverksamhet enligt SoL",
      "SoL dagverksamhet",
      "dagverksamhet SoL",
      "sysselsättning",
      "Dagverksamhet enligt SoL, incl. sysselsättning 3 kap 6 § SoL (socialpsykiatri)",
      "Dagverksamhet enligt SoL, inkl. sysselsättning 3 kap 6 § SoL (socialpsykiatri)",
    ],
  },
  LSS_BOSTAD: {
    key: "LSS_BOSTAD",
    nameSv: "Bostad med särskild service för vuxna enligt LSS",
    shortSv: "Bostad med särskild service (LSS)",
    typedSv: "LSS bostad",
    scopeSv: "för personer som bor i bostad med särskild service enligt 9 § 8 och 9 § 9 LSS och är 18 år eller äldre",
    aliases: [
      "Bostad med särskild service för vuxna",
      "LSS bostad",
      "LSS-bostad",
      "LSS-boende",
      "LSS boende",
      "gruppbostad",
      "servicebostad",
      "bostad med särskild service LSS",
      "bostad med särskild service enligt LSS",
      "gruppboende",
      "gruppboende LSS",
      "boende enligt LSS",
      "bostad enligt LSS",
      "LSS-gruppbostad",
      "servicebostad LSS",
      "särskilt anpassad bostad",
    ],
  },
  LSS_DV: {
    key: "LSS_DV",
    nameSv: "Daglig verksamhet enligt LSS",
    shortSv: "Daglig verksamhet (LSS)",
    typedSv: "daglig verksamhet (LSS)",
    scopeSv: "i daglig verksamhet enligt 9 § 10 LSS",
    aliases: [
      "Daglig verksamhet","daglig verksamhet", "DV", "LSS daglig verksamhet", "daglig verksamhet LSS", "LSS_DAGLIG"],
  },
  SOL_SOCPSYK: {
    key: "SOL_SOCPSYK",
    nameSv: "Bostad med särskild service enligt SoL (socialpsykiatri)",
    shortSv: "Socialpsykiatri, bostad (SoL)",
    typedSv: "socialpsykiatri (SoL)",
    scopeSv: "för personer som bor i bostad med särskild service enligt SoL (socialpsykiatri)",
    aliases: [
      "socialpsykiatri",
      "socialpsykiatriskt boende",
      "SOL_SOCIALPSYKIATRI",
      "bostad med särskild service enligt SoL",
      "boende med särskild service enligt SoL",
      "bostad med särskild service för personer med psykisk funktionsnedsättning",
      "boende med särskild service för personer med psykisk funktionsnedsättning",
      "boende för personer med psykisk funktionsnedsättning",
      "psykiatriboende",
      "socialpsykiatrisk bostad",
    ],
  },
};

/** Recognised forms the agreement does not cover (§1.1, §3.2). */
export interface OutOfScopeForm {
  readonly key: string;
  readonly nameSv: string;
  readonly section: string;
  readonly aliases: readonly string[];
}

export const OUT_OF_SCOPE: readonly OutOfScopeForm[] = [
  {
    key: "ORDINART_BOENDE",
    nameSv: "Ordinärt boende",
    section: "§1.1",
    aliases: [
      "ordinärt boende",
      "ordinart",
      "eget boende",
      "egen bostad",
      "egen lägenhet",
      "hemmet",
      "hemma",
      "eget hem",
      "hemmaboende",
      "hemtjänst",
      "hemtjänst SoL",
      "ordinärt boende med hemtjänst",
      "hemsjukvård",
      "trygghetsboende",
      "seniorboende",
      "vanligt boende",
    ],
  },
  {
    key: "KORTTID_LSS",
    nameSv: "Korttidsvistelse enligt LSS",
    section: "§3.2",
    aliases: ["korttidsvistelse", "korttidsboende", "korttidsvistelse LSS", "korttidsboende LSS", "korttids LSS", "korttidshem", "korttid", "korttidsplats", "växelvård", "avlastning", "korttidsboende SoL"],
  },
];

export type BoendeformParse =
  | { readonly kind: "inScope"; readonly key: Boendeform }
  | { readonly kind: "outOfScope"; readonly form: OutOfScopeForm }
  /** Not a housing form this tool knows; `choices` when the name could mean more than one (never guessed). */
  | { readonly kind: "unknown"; readonly text: string; readonly choices?: readonly Boendeform[] };

/** Names that mean more than one housing form: refused with the choices (docs/regler.md). */
const AMBIGUOUS_NAMES: ReadonlyArray<readonly [name: string, choices: readonly Boendeform[]]> = [
  // LSS 9 § 9 for adults, or SoL's for people with a psychiatric disability (socialpsykiatri).
  ["bostad med särskild service", ["LSS_BOSTAD", "SOL_SOCPSYK"]],
  ["boende med särskild service", ["LSS_BOSTAD", "SOL_SOCPSYK"]],
  // Daytime activity under LSS or under SoL.
  ["daglig sysselsättning", ["LSS_DV", "SOL_DAGV"]],
];

/** Case, diacritics, hyphens, underscores and spaces do not matter: "LSS-boende" = "lssboende". */
function foldForm(text: string): string {
  return foldText(text).replace(/[\s\-_]/g, "");
}

const LOOKUP = new Map<string, BoendeformParse>();
for (const info of Object.values(BOENDEFORM_INFO)) {
  for (const name of [info.key, info.nameSv, info.shortSv, info.typedSv, ...info.aliases]) LOOKUP.set(foldForm(name), { kind: "inScope", key: info.key });
}
for (const form of OUT_OF_SCOPE) {
  for (const name of [form.key, form.nameSv, ...form.aliases]) LOOKUP.set(foldForm(name), { kind: "outOfScope", form });
}
for (const [name, choices] of AMBIGUOUS_NAMES) LOOKUP.set(foldForm(name), { kind: "unknown", text: name, choices });

/**
 * Reads a housing form typed in any accepted way (keys, Swedish names, aliases; case-,
 * space- and diacritic-insensitive).
 * @example parseBoendeform("säbo") // { kind: "inScope", key: "SABO" }
 */
export function parseBoendeform(raw: unknown): BoendeformParse {
  const text = typeof raw === "string" ? raw : raw === null || raw === undefined ? "" : String(raw);
  const seen = RECENT.get(text);
  if (seen) return seen;
  const known = LOOKUP.get(foldForm(text));
  const parsed: BoendeformParse = known ? (known.kind === "unknown" ? { ...known, text: text.slice(0, 100) } : known) : { kind: "unknown", text: text.slice(0, 100) };
  // Cost sheets repeat the same few spellings; remember them (bounded, so odd input cannot grow it).
  if (RECENT.size >= 1000) RECENT.clear();
  RECENT.set(text, parsed);
  return parsed;
}

const RECENT = new Map<string, BoendeformParse>();

/** The everyday names in the agreement's order (§1.1), from the register. */
const TYPED_ORDER: readonly Boendeform[] = ["SABO", "LSS_BOSTAD", "LSS_DV", "SOL_DAGV", "SOL_SOCPSYK"];
const TYPED = TYPED_ORDER.map((k) => BOENDEFORM_INFO[k].typedSv);

/** The names to type and the keys, for messages: derived from the register, so each one is read. */
export const BOENDEFORM_KEYS_TEXT = `${TYPED.slice(0, -1).join(", ")} och ${TYPED.at(-1)}, eller nycklarna ${BOENDEFORMER.join(", ")}`;

/** The same for the command line's help. */
export const BOENDEFORM_HELP_SV = `${TYPED.join(", ")}; nycklarna ${BOENDEFORMER.join(", ")} går också.`;
