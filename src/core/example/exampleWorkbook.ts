import { BILAGA_SHEET_COLUMNS, fieldDef, type BilagaFieldName, type BilagaHeader } from "../bilagaFields";
import { SHEET_SPECS, type BilagaKey } from "../sheets";
import { UTGAVA_FIELDS } from "../utgava";
import type { RawWorkbook, RawSheet, CellValue } from "../cells";
import type { Payer } from "../payer";
import { ISO_LIST, ISO_LIST_EDITION } from "./isoList";
import { DEFAULT_PRINCIPLES_SHEET } from "../defaultPrinciples";

/**
 * The built-in example edition: a small bilagor workbook built only from public sources in
 * `shared/data` and the agreement (§N). It is NOT an official bilaga. Every row's `Källa` names
 * its source and `Anteckning` what the source leaves open; `Villkor` (in bilaga 1 `Villkor SÄBO`:
 * the source is the SÄBO page) holds only what a prescriber must know. `docs/exempel-kallor.md`
 * gives the reasoning per row. Payer cells no source
 * answers are left empty on purpose — the validator shows them as PAYER_MISSING, which is the
 * honest picture of what the public sources do not say.
 */
export const EXAMPLE_EDITION_NAME = "Exempel 2026 (ej officiell)";

// ---------------------------------------------------------------------------------------------
// Headers, exactly as in workbook.md. Records below are keyed by these, so a typo is a type error.

/** A bilaga's headers from the field table (bilagaFields.ts), leaving out optional columns the example does not use. */
const sheetHeaders = (key: BilagaKey, leaveOut: readonly BilagaFieldName[] = []): readonly BilagaHeader[] =>
  BILAGA_SHEET_COLUMNS[key].filter((c) => !leaveOut.includes(c.field)).map((c) => fieldDef(c.field).header as BilagaHeader);
// Bilaga 1–2 give a Villkor of their own to SÄBO only (the source is the SÄBO page).
const LIST_HEADERS = sheetHeaders("B1", ["villkor:LSS_BOSTAD", "villkor:LSS_DV", "villkor:SOL_DAGV"]);
const B3_HEADERS = sheetHeaders("B3");
const B4_HEADERS = sheetHeaders("B4");

/** A row by header; a header the table does not know is a type error. */
type Row = Partial<Record<BilagaHeader, CellValue>>;

/** Lays records out as rows in header order; missing fields are empty cells (null). */
function toRows(headers: readonly BilagaHeader[], records: ReadonlyArray<Row>): CellValue[][] {
  return records.map((record) => {
    // A value under a header the sheet lacks would be lost in silence: the example is wrong.
    const lost = Object.keys(record).filter((h) => !headers.includes(h as BilagaHeader));
    if (lost.length > 0) throw new Error(`Example row has columns its sheet lacks: ${lost.join(", ")}`);
    return headers.map((header) => record[header] ?? null);
  });
}

/** A bilaga sheet: row 1 title, row 2 empty, row 3 headers, data from row 4. */
function bilagaSheet(name: string, title: string, headers: readonly BilagaHeader[], records: ReadonlyArray<Row>): RawSheet {
  return { name, rows: [[title], [], [...headers], ...toRows(headers, records)] };
}

const NOT_OFFICIAL = "EXEMPEL, inte en officiell bilaga – byggd ur publicerade källor, se kolumnen Källa.";

const ISO_TITLES = new Map<string, string>(ISO_LIST);

/** The classification's exact title, or the source's own title when the code is not listed. */
function benamning(code: string, sourceTitle: string): string {
  return ISO_TITLES.get(code) ?? sourceTitle;
}

// ---------------------------------------------------------------------------------------------
// Source tags (full URLs in docs/exempel-kallor.md and in shared/data/*.csv).

const SRC_SABO = "hjalpmedelstockholm.se, Hjälpmedel i särskilda boendeformer för äldre.";
const SRC_ANDRAS_ANSVAR = "vardgivarguiden.se, Hjälpmedelsguiden – Andras ansvar.";
const SRC_VARDANSVAR = "vardgivarguiden.se, Vårdansvar i boenden med särskild service.";
const SRC_MADRASSER = "hjalpmedelsverksamheterna.se, Antidecubitusmadrasser (anger ingen boendeform).";
const SRC_BAKGRUND = "Region Stockholms publicerade praxis enligt gruppens bakgrundsanteckning.";

/**
 * Everyday words for search (the ISO 9999 sheet's `Sökord`): the names prescribers and staff use
 * for common codes, plain synonyms of the classification's own titles, not taken from a source
 * (docs/exempel-kallor.md). They count for the code's bilaga rows too.
 */
const SOKORD: ReadonlyMap<string, string> = new Map([
  ["04 24 12", "teststickor; blodsockertest"],
  ["04 33 06", "trycksårsmadrass; antidecubitusmadrass"],
  ["09 12 03", "toalettstol; bäckenstol"],
  ["09 12 12", "toaförhöjning"],
  ["09 33 07", "duschstol"],
  ["09 33 12", "duschbrits; duschvagn"],
  ["12 03 06", "krycka; kryckor"],
  ["12 06 03", "gåbock"],
  ["12 06 06", "rullator; rollator"],
  ["12 22", "rullstol; manuell rullstol"],
  ["12 22 18", "transportrullstol"],
  ["12 23", "elrullstol; eldriven rullstol"],
  ["12 31 03", "glidlakan; vändlakan"],
  ["12 36", "lyft; patientlyft; personlyft"],
  ["12 36 12", "taklyft"],
  ["18 12", "säng; vårdsäng"],
  ["18 12 10", "vårdsäng; elsäng; elektrisk säng"],
  ["18 30 15", "ramp"],
  ["22 03 06", "glasögon; linser"],
  ["22 06", "hörselhjälpmedel; hörapparat"],
  ["22 06 15", "hörapparat; hörselapparat"],
  ["22 27 12", "klocka"],
]);

/** The published SÄBO page's heading for the codes it lists. */
const NOT_REGION = "Kan inte förskrivas på Region Stockholms bekostnad i särskilt boende för äldre (boendet/kommunen bekostar)";
const EGENANSVAR_2020 = "Ej Region; egenansvar fr.o.m. 2020-11-01.";

// ---------------------------------------------------------------------------------------------
// Bilaga 1 – förskrivningsbara hjälpmedel. Only SÄBO is published per code; the other payer
// columns stay empty (PAYER_MISSING) because no source gives them per code.

/** A row of the SÄBO page: its condition for SÄBO, and what the page leaves open (Anteckning). */
type SaboRow = readonly [code: string, sourceTitle: string, sabo: Payer, villkorSabo: string, anteckning?: string];

const BILAGA_1_SABO: readonly SaboRow[] = [
  ["04 19 98", "Tillbehör, reservdelar och komponenter", "Kommun", `${NOT_REGION}.`, "Sidan anger inte bilaga."],
  ["04 27 06", "Stimulatorer för smärtlindring", "Kommun", `${NOT_REGION}.`],
  ["04 27 18", "Hjälpmedel för sinnesstimulering", "Egenansvar", EGENANSVAR_2020],
  [
    "04 33",
    "Antidecubitushjälpmedel",
    "Kommun",
    `${NOT_REGION} (huvudregel). Undantag: antidecubitusdyna till en rullstol som Region Stockholm ` +
      `förskrivit får förskrivas på Region Stockholms bekostnad – tillbehör följer huvudhjälpmedlet (§2.4). ` +
      `Om 04 33 06: basmadrass under bäddmadrass är egenansvar; för behandlande madrasser bär förskrivande ` +
      `vårdgivare (regional eller kommunal) kostnaden de första 6 månaderna, därefter ordinarie ansvar.`,
    `Madrassernas regel kommer från en källa som inte anger boendeform (${SRC_MADRASSER})`,
  ],
  [
    "04 48 15",
    "Arm-, bål- och benträningsredskap",
    "Kommun",
    `${NOT_REGION}. Gymnastikmattor, bollar, cylinderkuddar, viktmanschetter och studsmatta är egenansvar fr.o.m. 2020-11-01.`,
  ],
  ["04 48 18", "Viktmanschetter", "Egenansvar", EGENANSVAR_2020],
  [
    "05 33 06",
    "Hjälpmedel för att träna dagliga personliga aktiviteter",
    "Kommun",
    `${NOT_REGION}. Stegpall för kortväxta är egenansvar fr.o.m. 2020-11-01.`,
  ],
  ["09 06 03", "Huvudskydd", "Kommun", `${NOT_REGION}.`],
  ["09 09", "Hjälpmedel för av- och påklädning", "Kommun", `${NOT_REGION} (hela gruppen).`],
  ["09 12", "Hjälpmedel vid toalettbesök", "Kommun", `${NOT_REGION} (hela gruppen).`],
  ["09 33", "Hjälpmedel vid tvättning, bad och dusch", "Kommun", `${NOT_REGION} (hela gruppen).`],
  ["09 39 03", "Hårtvättanordningar", "Kommun", `${NOT_REGION}.`],
  ["12 03", "Gånghjälpmedel som hanteras med en arm", "Kommun", `${NOT_REGION} (hela gruppen).`],
  ["12 06", "Gånghjälpmedel som hanteras med båda armarna", "Kommun", `${NOT_REGION} (hela gruppen).`],
  ["12 12 00", "Bilanpassning", "Egenansvar", EGENANSVAR_2020],
  [
    "12 22",
    "Manuellt drivna rullstolar",
    "Kommun",
    "Kan inte förskrivas på Region Stockholms bekostnad i särskilt boende för äldre. Transportrullstol är boendets ansvar.",
    "Sidan säger inte uttryckligen vad som gäller för övriga manuella rullstolar.",
  ],
  [
    "12 23",
    "Eldrivna rullstolar",
    "Kommun",
    "Boendet bekostar eldriven rullstol när den har vårdarstyrning, även i kombination med brukarstyrning.",
    "Sidans rubrik: Eldrivna vårdarmanövrerade rullstolar. Sidan anger inte betalare för eldriven rullstol utan vårdarstyrning.",
  ],
  [
    "12 24 09",
    "Drivaggregat till rullstolar",
    "Kommun",
    "Boendet bekostar drivaggregat som huvudsakligen framförs av personal. Undantag: kan förskrivas på " +
      "Region Stockholms bekostnad om patienten frekvent vistas eller bor hos närstående.",
  ],
  [
    "12 24 30",
    "Bälten och selar till rullstolar",
    "Kommun",
    "Boendet bekostar bälten och selar till rullstolar som boendet självt köpt in. " +
      "Till en rullstol som Region Stockholm förskrivit följer de huvudhjälpmedlet (§2.4).",
  ],
  [
    "12 31",
    "Hjälpmedel för överflyttning och vändning",
    "Kommun",
    `${NOT_REGION} (hela gruppen). Bärstolar är egenansvar fr.o.m. 2020-11-01.`,
  ],
  [
    "12 36",
    "Personlyftar",
    "Kommun",
    `${NOT_REGION}.`,
    "Sidans anmärkning börjar ”Gäller även …” men resten kunde inte läsas – kontrollera mot källan.",
  ],
];

const BILAGA_1: ReadonlyArray<Row> = BILAGA_1_SABO.map(([code, sourceTitle, sabo, villkorSabo, anteckning]) => ({
  "ISO-kod": code,
  Benämning: benamning(code, sourceTitle),
  SÄBO: sabo,
  // Every row is from the SÄBO page, so its condition is SÄBO's own: an LSS answer never shows it.
  "Villkor SÄBO": villkorSabo,
  Källa: SRC_SABO,
  ...(anteckning ? { Anteckning: anteckning } : {}),
}));

// ---------------------------------------------------------------------------------------------
// Bilaga 2 – förskrivningsbara förbrukningshjälpmedel. Only codes in the ISO list that clearly
// match a sourced fact; incontinence, dressings, nutrition and pen needles have no code there.

const BILAGA_2: ReadonlyArray<Row> = [
  {
    "ISO-kod": "04 24 12",
    Benämning: benamning("04 24 12", "Blodanalysmaterial"),
    // §2.2 puts diabetes self-test material on the Region in every form the agreement covers.
    SÄBO: "Region",
    "LSS bostad": "Region",
    "LSS daglig verksamhet": "Region",
    "SoL dagverksamhet": "Region",
    Villkor:
      "Testmaterial vid självtest av diabetes (teststickor, lansetter) bekostas av Region Stockholm (§2.2) " +
      "och får förtroendeförskrivas (§2.3.1). Kommunen bekostar inte diabetesprodukter i särskilt boende eller bostad med särskild service.",
    Förtroendeförskrivning: "Ja",
    Källa: SRC_BAKGRUND,
    Anteckning: "Att testmaterialet ligger under 04 24 12 är exemplets mappning.",
  },
];

// ---------------------------------------------------------------------------------------------
// Bilaga 3 – produkter som används i vård och omsorg (per product/treatment, ISO optional).

const BILAGA_3: ReadonlyArray<Row> = [
  {
    "Produkt/behandling": "Sårvårdsmaterial",
    SÄBO: "Kommun",
    "LSS bostad": "Kommun",
    "LSS daglig verksamhet": "Kommun",
    Villkor: "Vårdgivaren bekostar material som används i behandlingen (§2.3.2).",
    Källa: `LSS: ${SRC_VARDANSVAR} SÄBO: ${SRC_BAKGRUND}`,
    Anteckning:
      "LSS: kommunen ansvarar för basal hemsjukvård i bostad med särskild service och daglig verksamhet, " +
      "inklusive alla kostnader för sårvårdsmaterial. SÄBO: kommunen bekostar förband. SoL dagverksamhet: ingen källa.",
  },
];

// ---------------------------------------------------------------------------------------------
// Bilaga 4 – bostad med särskild service enligt SoL (socialpsykiatri), §5.2.

const BILAGA_4: ReadonlyArray<Row> = [
  {
    "ISO-kod": "12 36",
    Benämning: benamning("12 36", "Personlyftar"),
    Kostnadsansvar: "Kommun",
    Grundutrustning: "Nej",
    Villkor: "Alla typer av lyftar bekostas av kommunen i socialpsykiatriskt boende (§5.2): kommunen ansvarar för arbetstekniska hjälpmedel.",
    Källa: SRC_ANDRAS_ANSVAR,
  },
  {
    "ISO-kod": "09 33 12",
    Benämning: benamning("09 33 12", "Badbritsar, duschbord och skötbord"),
    Kostnadsansvar: "Kommun",
    Grundutrustning: "Nej",
    Villkor: "Duschvagn/duschsäng bekostas av kommunen (§5.2): kommunen ansvarar för duschvagnar som arbetstekniska hjälpmedel.",
    Källa: SRC_ANDRAS_ANSVAR,
    Anteckning: "Källan anger produkttyp, inte ISO-kod – 09 33 12 är exemplets mappning.",
  },
];

// ---------------------------------------------------------------------------------------------

/**
 * The example edition as a raw workbook, in the format of `workbook.md`.
 * @example validateWorkbook(exampleWorkbook()) // PAYER_MISSING where sources are silent
 */
export function exampleWorkbook(): RawWorkbook {
  return {
    sheets: [
      bilagaSheet("Bilaga 1", `Bilaga 1 – Förskrivningsbara hjälpmedel. ${NOT_OFFICIAL}`, LIST_HEADERS, BILAGA_1),
      bilagaSheet("Bilaga 2", `Bilaga 2 – Förskrivningsbara förbrukningshjälpmedel. ${NOT_OFFICIAL}`, LIST_HEADERS, BILAGA_2),
      bilagaSheet("Bilaga 3", `Bilaga 3 – Produkter som används i vård och omsorg. ${NOT_OFFICIAL}`, B3_HEADERS, BILAGA_3),
      bilagaSheet(
        "Bilaga 4",
        `Bilaga 4 – Förskrivningsbara hjälpmedel för bostad med särskild service enligt SoL (socialpsykiatriskt boende). ${NOT_OFFICIAL}`,
        B4_HEADERS,
        BILAGA_4,
      ),
      { name: "Principer", rows: [...DEFAULT_PRINCIPLES_SHEET.map((row) => [...row])] },
      {
        name: "ISO 9999",
        rows: [["ISO-kod", "Benämning", "Utgåva", "Sökord"], ...ISO_LIST.map(([code, title]) => [code, title, ISO_LIST_EDITION, SOKORD.get(code) ?? null])],
      },
      {
        name: "Utgåva",
        rows: [
          SHEET_SPECS.UTGAVA.columns.map((c) => c.header),
          [UTGAVA_FIELDS.name, EXAMPLE_EDITION_NAME],
          // No real decision and no start date: this is an example, not a decided edition.
          [UTGAVA_FIELDS.beslutad, null],
          [UTGAVA_FIELDS.giltigFran, null],
          [UTGAVA_FIELDS.isoUtgava, ISO_LIST_EDITION],
          [UTGAVA_FIELDS.foregaende, null],
          // An example setting, not a figure the samverkansgrupp has decided.
          [UTGAVA_FIELDS.tolerance, "1 %"],
        ],
      },
      // Empty, with their headers: the group enters last year's costs and the huvudmän's decisions here.
      { name: SHEET_SPECS.KOSTNADER.name, rows: [SHEET_SPECS.KOSTNADER.columns.map((c) => c.header)] },
      { name: SHEET_SPECS.BESLUT.name, rows: [SHEET_SPECS.BESLUT.columns.map((c) => c.header)] },
      // The group's register of matters (§6.3), empty: questions and proposals go here.
      { name: SHEET_SPECS.ARENDEN.name, rows: [SHEET_SPECS.ARENDEN.columns.map((c) => c.header)] },
    ],
  };
}
