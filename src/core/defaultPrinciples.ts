/**
 * The principle defaults that ship with the add-in: which codes the agreement's principles cover,
 * as the `Principer` sheet of the example edition lays them out (header row first). Used when a
 * workbook has no Principer sheet of its own; kept apart from the example so that answering does
 * not load the example edition.
 */
// Principer – which codes the agreement's principles cover (a code covers its subtree).
// No REGION_KOSMETISK row: the ISO list has no cosmetic-aid code. No vårdaraggregat code under
// SOCPSYK_KOMMUN: none in the list clearly is one (12 24 09 is user-driven drive units).

const PRINCIPER: ReadonlyArray<readonly [princip: string, isoKod: string, kommentar: string]> = [
  ["REGION_HORSEL", "22 06", "§2.2 hörselhjälpmedel – Region för alla åldrar (22 06 Hörhjälpmedel)."],
  [
    "REGION_SYN",
    "22 03",
    "§2.2 synhjälpmedel – Region för alla åldrar. 22 03 saknas i den partiella ISO-listan; dess produktgrupper 22 03 06, 22 03 09 och 22 03 18 finns.",
  ],
  ["REGION_ORTOPEDTEKNIK", "06", "§2.2 ortopedtekniska hjälpmedel – Region för alla åldrar (klass 06 Ortoser och proteser)."],
  [
    "REGION_DIABETES_TEST",
    "04 24 12",
    "§2.2 testmaterial vid självtest av diabetes – Region. 04 24 12 Blodanalysmaterial är exemplets mappning.",
  ],
  ["SOCPSYK_KOMMUN", "12 36", "§5.2 alla typer av lyftar – kommunen i socialpsykiatriskt boende (personlyft)."],
  ["SOCPSYK_KOMMUN", "18 12 12", "§5.2 alla typer av lyftar – kommunen i socialpsykiatriskt boende (sänglyft; mappning efter benämningen)."],
  [
    "SOCPSYK_KOMMUN",
    "09 33 12",
    "§5.2 duschvagn/duschsäng – kommunen. Duschvagn är mappad till 09 33 12 i projektets sammanställning av Region Stockholms publicerade uppgifter.",
  ],
  [
    "FORTROENDE_BILAGA2",
    "04 24 12",
    "§2.3.1 teststickor och lansetter för självtest vid diabetes får förtroendeförskrivas. Pennkanyler saknar kod i ISO-listan.",
  ],
];


/** The Principer sheet's rows: its header, then one row per default principle. */
export const DEFAULT_PRINCIPLES_SHEET: ReadonlyArray<readonly string[]> = [["Princip", "ISO-kod", "Kommentar"], ...PRINCIPER];
