/*
 * The workbooks the guide's browser tests publish: a previous edition and the current one, with
 * every answer rule reachable, per-form Villkor, publisher fields and hostile cell text.
 */
import { writeBilagorXlsx } from "../../src/node/writeXlsx";
import { DEFAULT_PRINCIPLES, listRow, withDecisions, workbook, type Rec, type WorkbookSpec } from "../helpers/workbooks";

const K = "Kommun";
const R = "Region";
const E = "Egenansvar";
const DOCS = { Motivering: "Ny vårdmetod", "Ekonomisk beräkning": "0", Konsekvensanalys: "Ingen", Beslutsdatum: "2026-01-10", "Giltig från": "2026-05-01" };

/** Cell texts that must stay text in every page. */
export const HOSTILE = {
  title: "Rollator <script>window.__xss = 'title'</script>",
  villkor: '"><img src=x onerror="window.__xss=\'villkor\'"> Gäller vid <b>fetstil</b>',
  agreement: "javascript:window.__xss='agreement'",
  contact: "<a href=\"javascript:window.__xss='contact'\">hjalpmedel@example.se</a>",
};

/** The maintainers' own notes on a row: never on a public page. */
export const NOTE_SOURCE = "Källa: arbetsgruppens minnesanteckning 2026-01-08";
export const NOTE_TEXT = "Anteckning: stäm av mot Stockholms sida";

const PREVIOUS: WorkbookSpec = {
  b1: [
    listRow("12 22", "Manuellt drivna rullstolar", [K, K, K, K], { Villkor: "Transportrullstol är boendets ansvar." }),
    listRow("12 23", "Eldrivna rullstolar", [K, R, R, R]),
    listRow("12 06 06", HOSTILE.title, [K, K, R, R]),
    listRow("18 12 10", "Sängar, elektriskt reglerbara", [K, K, K, K]),
  ],
  b2: [],
  b3: [{ "Produkt/behandling": "Sårvårdsmaterial", SÄBO: K, "LSS bostad": K, "LSS daglig verksamhet": K, "SoL dagverksamhet": K }],
  b4: [{ "ISO-kod": "18 12 10", Benämning: "Sängar", Kostnadsansvar: K, Grundutrustning: "Ja" }],
  principer: DEFAULT_PRINCIPLES,
  iso: [
    { "ISO-kod": "12 22 03", Benämning: "Manuella rullstolar med dubbla drivringar" },
    { "ISO-kod": "22 06 15", Benämning: "Bakom-örat-apparater", Sökord: "hörapparat; hörselapparat" },
    { "ISO-kod": "30 30 30", Benämning: "Kod utan rad i bilagorna" },
  ],
  utgava: [
    { Fält: "Utgåva", Värde: "2026:1" },
    { Fält: "Beslutad", Värde: "2025-06-01" },
    { Fält: "Giltig från", Värde: "2025-10-01" },
    { Fält: "Tolerans kostnadsneutralitet", Värde: "100 000" },
  ],
};

/** The current edition: a payer change, a new row, per-form Villkor and hostile Utgåva fields. */
const CURRENT: WorkbookSpec = {
  ...PREVIOUS,
  formVillkor: true,
  b1: [
    listRow("12 22", "Manuellt drivna rullstolar", [K, K, K, K], {
      Villkor: "Transportrullstol är boendets ansvar.",
      "Villkor LSS bostad": "Gäller rullstol för förflyttning inom bostaden.",
      Källa: NOTE_SOURCE,
      Anteckning: NOTE_TEXT,
    }),
    listRow("12 23", "Eldrivna rullstolar", [K, R, R, R], { ...DOCS, SÄBO: R }),
    listRow("12 06 06", HOSTILE.title, [K, K, R, R], { Villkor: HOSTILE.villkor, Sökord: "rullator; gåstol" }),
    listRow("18 12 10", "Sängar, elektriskt reglerbara", [K, K, K, K]),
    listRow("09 12", "Toaletthjälpmedel", [E, K, K, K], { ...DOCS }),
  ],
  utgava: [
    { Fält: "Utgåva", Värde: "2026:2" },
    { Fält: "Beslutad", Värde: "2026-01-10" },
    { Fält: "Giltig från", Värde: "2026-05-01" },
    { Fält: "Föregående utgåva", Värde: "2026:1" },
    { Fält: "Tolerans kostnadsneutralitet", Värde: "100 000" },
    { Fält: "Utgivare", Värde: "Hjälpmedelssamverkan i Stockholms län" },
    { Fält: "Kontakt", Värde: "hjalpmedel@example.se" },
    { Fält: "Överenskommelse", Värde: "https://www.example.se/overenskommelse.pdf" },
  ],
};

/** The huvudmän's decision on the new product group 09 12 (NEW_GROUP, §6.3), without which publishing stops. */
const DECISIONS: Rec[] = [
  { Datum: "2026-01-10", Beslutsreferens: "HSN 2026/2", "ISO-kod": "09 12", Bilaga: "Bilaga 1", Beslut: "Toaletthjälpmedel tas in i bilaga 1", "Beslutat av": "Huvudmännen" },
];

export const previousXlsx = (): Promise<Buffer> => writeBilagorXlsx(workbook(PREVIOUS));
export const currentXlsx = (): Promise<Buffer> => writeBilagorXlsx(withDecisions(CURRENT, DECISIONS));
/** The same edition with hostile Utgåva fields: a javascript: link and markup as the contact. */
export const hostileUtgavaXlsx = (): Promise<Buffer> =>
  writeBilagorXlsx(
    withDecisions({
      ...CURRENT,
      utgava: [
        ...CURRENT.utgava!.filter((r) => r.Fält !== "Överenskommelse" && r.Fält !== "Kontakt" && r.Fält !== "Utgivare"),
        { Fält: "Utgivare", Värde: HOSTILE.contact },
        { Fält: "Kontakt", Värde: HOSTILE.contact },
        { Fält: "Överenskommelse", Värde: HOSTILE.agreement },
      ],
    }, DECISIONS),
  );
