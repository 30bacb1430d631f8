import { fieldDef, type BilagaFieldName } from "../bilagaFields";
import { BOENDEFORM_INFO, type Boendeform } from "../boendeform";
import { columnLetter } from "../cells";
import { MATTER_STATUSES, MATTER_TYPES } from "../matters";
import { PRINCIPLE_INFO } from "../principles";
import { lowerFirst, upperFirst } from "../text";
import { notADateSv } from "../values";

/*
 * Every finding's words, in one place. A rule reports a finding as its code, a variant and
 * parameters — plain data: codes, sheet names, row and column numbers, amounts in kronor,
 * housing-form keys — and `renderFinding` makes the Swedish message from them. The CLI's
 * `--json` carries the variant and parameters beside the message, so a reader can act on the
 * data without parsing a sentence; tests assert on codes, cells, variants and parameters.
 */

/** Kronor as Swedes write them: "125 000 kr". */
const kr = (n: number) => `${Math.round(n).toLocaleString("sv-SE")} kr`;
/** A housing form's name inside a sentence ("särskilt boende för äldre"). */
const formName = (form: Boendeform) => lowerFirst(BOENDEFORM_INFO[form].nameSv);
/** "a", "a och b", "a, b och c". */
const listSv = (items: readonly string[]) => (items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} och ${items.at(-1)}`);
/** A cell's text as quoted in a message, cut at `max` characters (an ellipsis says it was cut). */
const quoted = (text: string, max = 60) => `”${text.length > max ? `${text.slice(0, max)}…` : text}”`;
/** An Ärende as named in a message. */
const matter = (p: { id: string | null; row: number }) => (p.id ? `Ärende ${p.id}` : `Ärendet på rad ${p.row}`);
const toward = (net: number) => (net >= 0 ? "till kommunerna" : "till regionen");
/** "125 000 kr per år till kommunerna", "80 000 kr per år till regionen": an amount and its direction. */
const shift = (net: number) => `${kr(Math.abs(net))} per år ${toward(net)}`;

type MatterRef = { id: string | null; row: number };
/** A bilaga row as a finding names it, as data: its code, else its product, else its row number. */
export type RowName = { readonly code: string | null; readonly product: string | null; readonly row: number };
/** "12 22 03", "Sårvårdsmaterial" or "rad 7". */
const rowNamed = (r: RowName) => r.code ?? r.product ?? `rad ${r.row}`;
type FormPayers = ReadonlyArray<{ form: Boendeform; mine: string; theirs: string }>;

/** The documentation §6.3 asks of a change (fields of the bilaga field table). */
export const DOC_FIELDS = ["motivering", "ekonomisk", "konsekvens"] as const satisfies readonly BilagaFieldName[];
export type DocField = (typeof DOC_FIELDS)[number];
/** The missing documentation by its headers: "Motivering, Konsekvensanalys". */
const headersOf = (fields: readonly DocField[]) => listSv(fields.map((f) => fieldDef(f).header));

const ISO_HOW = "Skriv koden som NN, NN NN eller NN NN NN, t.ex. 12 22 03.";

/** Code → variant → message. A variant's parameter type is what the rule must give. */
export const FINDING_MESSAGES = {
  ACCESSORY_PAYER: {
    mainMissing: (p: { main: string; what: RowName; sheet: string; alsoBilaga1: boolean }) =>
      `Huvudhjälpmedlet ${p.main} för ${rowNamed(p.what)} finns inte i ${p.sheet}${p.alsoBilaga1 ? " eller bilaga 1" : ""}, så det går inte att se att tillbehöret följer dess betalare (§2.4).`,
    differs: (p: { what: RowName; main: string; mainSheet: string; mainRow: number; mine: string; theirs: string; form: Boendeform }) =>
      `${upperFirst(rowNamed(p.what))} är tillbehör till ${p.main} (${p.mainSheet} rad ${p.mainRow}), men har betalaren ${p.mine} i stället för huvudhjälpmedlets ${p.theirs} i ${formName(p.form)}. Tillbehör och reservdelar följer huvudhjälpmedlet (§2.4).`,
  },
  CELL_ERROR: {
    error: (p: { error: string }) => `Cellen innehåller felvärdet ${p.error}. Rätta formeln eller skriv in värdet.`,
  },
  CHANGE_NOT_NEUTRAL: {
    noAmount: (p: { text: string | null }) =>
      `Betalaren är ändrad men Ekonomisk beräkning anger inget belopp${p.text !== null ? ` (${quoted(p.text)})` : ""}, så kostnadsneutraliteten kan inte bedömas. Ange den uppskattade årliga förskjutningen till kommunerna i kronor (negativ = till regionen), grundad på föregående års faktiska kostnader (§6.3).`,
    estimateNoTolerance: (p: { net: number }) =>
      `Ändringarna flyttar uppskattningsvis ${shift(p.net)}, men ingen tolerans för kostnadsneutralitet är satt (bladet Utgåva, Tolerans kostnadsneutralitet). Ändringar ska vara kostnadsneutrala (§6.3).`,
    estimatePercentNoTotal: (p: { net: number; percent: number }) =>
      `Ändringarna flyttar uppskattningsvis ${shift(p.net)}. Toleransen ${p.percent.toLocaleString("sv-SE")} % kräver de totala kostnaderna, som inte finns i arbetsboken; bedöm neutraliteten manuellt eller ange toleransen i kronor (§6.3).`,
    estimateOverTolerance: (p: { net: number; tolerance: number }) =>
      `Ändringarna flyttar uppskattningsvis ${shift(p.net)}, mer än toleransen ${kr(p.tolerance)}. Ändringar ska vara kostnadsneutrala (§6.3); annars krävs huvudmännens beslut.`,
    costUnattributed: (p: { iso: string; before: string; after: string }) =>
      `Kostnaden för ${p.iso} kan inte fördelas: betalaren är ${p.before} i föregående utgåva och ${p.after} nu. Kostnadsförskjutningen räknas utan raden; rätta listorna eller kostnadsraden.`,
    costsNoTolerance: (p: { net: number; costSheet: string }) =>
      `Ändringarna flyttar ${shift(p.net)} (föregående års kostnader, bladet ${p.costSheet}), men ingen tolerans för kostnadsneutralitet är satt i bladet Utgåva (§6.3).`,
    costsOverTolerance: (p: { net: number; tolerance: number; percentText: string | null; totalCost: number }) =>
      `Ändringarna flyttar ${shift(p.net)} enligt föregående års kostnader, mer än toleransen ${kr(p.tolerance)}${p.percentText !== null ? ` (${p.percentText} av ${kr(p.totalCost)})` : ""}. Ändringar ska vara kostnadsneutrala (§6.3); annars krävs huvudmännens beslut.`,
  },
  CHANGE_UNDOCUMENTED: {
    statusUtgar: (p: { previous: string; missing: readonly DocField[] }) =>
      `Raden har satts till Utgår sedan utgåva ${p.previous} men ${headersOf(p.missing)} saknas. Ändringar ska dokumenteras (§6.3).`,
    dateMoved: (p: { previous: string; from: string | null; to: string | null; missing: readonly DocField[] }) =>
      `Giltig från har flyttats från ${p.from ?? "tom"} till ${p.to ?? "tom"} sedan utgåva ${p.previous} men ${headersOf(p.missing)} saknas. Vem som betalar däremellan ändras; ändringen ska dokumenteras (§6.3).`,
    added: (p: { label: string; previous: string; missing: readonly DocField[] }) =>
      `${p.label} är ny sedan utgåva ${p.previous} men ${headersOf(p.missing)} saknas. En ny rad ändrar vem som betalar och ska dokumenteras (§6.3).`,
    removed: (p: { label: string; row: number; previous: string }) =>
      `${p.label} (rad ${p.row} i utgåva ${p.previous}) är borttagen. Behåll raden med Status Utgår och dokumentera Motivering, Ekonomisk beräkning och Konsekvensanalys (§6.3).`,
    payer: (p: { previous: string; changes: ReadonlyArray<{ form: Boendeform; from: string | null; to: string | null }>; missing: readonly DocField[] }) =>
      `Betalaren är ändrad sedan utgåva ${p.previous} (${p.changes.map(describePayerChange).join("; ")}) men ${headersOf(p.missing)} saknas. Vid ändringar ska motiveringar, ekonomiska beräkningar och konsekvensanalyser dokumenteras (§6.3).`,
  },
  CROSS_BILAGA: {
    differs: (p: { iso: string; b1Row: number; forms: ReadonlyArray<{ form: Boendeform; b1: string; b2: string }> }) =>
      `${p.iso} står i både bilaga 1 (rad ${p.b1Row}) och bilaga 2 med olika betalare (${p.forms.map((f) => `${formName(f.form)}: ${f.b1} i bilaga 1, ${f.b2} i bilaga 2`).join("; ")}). En produktgrupp är antingen hjälpmedel eller förbrukningshjälpmedel (§1.2).`,
  },
  DUPLICATE: {
    code: (p: { iso: string; earlierRow: number; sheet: string }) =>
      `${p.iso} står redan på rad ${p.earlierRow} i ${p.sheet}. En bilaga har en rad per kod; slå ihop raderna eller ta bort den ena.`,
    product: (p: { product: string; earlierRow: number; sheet: string }) =>
      `${quoted(p.product, 80)} står redan på rad ${p.earlierRow} i ${p.sheet}. En bilaga har en rad per produkt/behandling; slå ihop raderna eller ta bort den ena.`,
  },
  EFFECTIVE_TOO_EARLY: {
    tooEarly: (p: { decided: string; effective: string; earliest: string }) =>
      `Giltig från ${p.effective} ligger mindre än tre månader efter beslutet ${p.decided}. Ändringar får träda i kraft tidigast tre månader efter samverkansgruppens beslut (§6.3): tidigast ${p.earliest}.`,
  },
  FORTROENDE: {
    bilaga2: (p: { iso: string | null }) =>
      `${p.iso ?? "Raden"} får inte förtroendeförskrivas: i bilaga 2 gäller det bara teststickor för självtest, lansetter och pennkanyler vid diabetes (§2.3.1, principen FORTROENDE_BILAGA2).`,
    notAllowed: (p: { sheet: string }) =>
      `Förtroendeförskrivning kan inte ske i ${p.sheet}: den gäller hjälpmedel i bilaga 1 och några förbrukningshjälpmedel i bilaga 2 (§2.3.1).`,
  },
  HEADER_MISSING: {
    noHeaderRow: (p: { sheet: string; keyHeader: string }) =>
      `Bladet ”${p.sheet}” saknar rubriken ”${p.keyHeader}” bland sina första 10 rader, så bladet kan inte läsas. Lägg till rubrikraden.`,
    column: (p: { sheet: string; header: string; headerRow: number }) => `Kolumnen ”${p.header}” saknas i bladet ”${p.sheet}” (rubrikraden är rad ${p.headerRow}). Lägg till den.`,
    twice: (p: { sheet: string; header: string; first: number; again: number }) =>
      `Kolumnen ”${p.header}” finns två gånger i bladet ”${p.sheet}” (kolumn ${columnLetter(p.first)} och ${columnLetter(p.again)}); bara den första läses. Ta bort eller byt namn på den ena.`,
  },
  ISO_FORMAT: {
    invalid: (p: { text: string }) => `${quoted(p.text)} är ingen giltig ISO 9999-kod. ${ISO_HOW}`,
    missing: () => `ISO-kod saknas. ${ISO_HOW}`,
  },
  ISO_LEADING_ZERO: {
    lost: (p: { iso: string }) => {
      const number = p.iso.replace(/ /g, "").replace(/^0/, "");
      return `Koden är lagrad som talet ${number} och har tappat sin inledande nolla; den läses som ${p.iso}. Skriv ”${p.iso}” som text (formatera kolumnen som Text).`;
    },
  },
  ISO_TITLE_MISMATCH: {
    differs: (p: { title: string; expected: string; iso: string }) => `Benämningen ${quoted(p.title, 80)} skiljer sig från klassifikationens ”${p.expected}” för ${p.iso}.`,
  },
  ISO_UNKNOWN: {
    unknown: (p: { iso: string; isoSheet: string }) =>
      `Koden ${p.iso} finns inte i bladet ”${p.isoSheet}”. Kontrollera koden, eller lägg till den i klassifikationen om den är ny i en senare utgåva av ISO 9999.`,
  },
  MATTER_INVALID: {
    noId: () => "Ärendet saknar id (t.ex. 2026-07). Ge varje ärende ett eget id.",
    idTaken: (p: { id: string; earlierRow: number }) => `Id ${p.id} finns redan på rad ${p.earlierRow}. Ge varje ärende ett eget id.`,
    noInkom: (p: { matter: MatterRef }) => `${matter(p.matter)} saknar datum i Inkom. Ange ÅÅÅÅ-MM-DD.`,
    notADate: (p: { matter: MatterRef; text: string }) => `${matter(p.matter)}: ${notADateSv("", p.text)}`,
    unknownType: (p: { matter: MatterRef; text: string }) => `${matter(p.matter)}: okänd typ ”${p.text.slice(0, 40)}”. Giltiga typer: ${MATTER_TYPES.join(", ")}.`,
    unknownStatus: (p: { matter: MatterRef; text: string }) => `${matter(p.matter)}: okänd status ”${p.text.slice(0, 40)}”. Giltiga statusar, i ordning: ${MATTER_STATUSES.join(", ")}.`,
    noType: (p: { matter: MatterRef }) => `${matter(p.matter)} saknar typ. Giltiga typer: ${MATTER_TYPES.join(", ")}.`,
    noStatus: (p: { matter: MatterRef }) => `${matter(p.matter)} saknar status. Ett nytt ärende står som Inkommen.`,
    closedBeforeInkom: (p: { matter: MatterRef; closed: string; inkom: string }) => `${matter(p.matter)} avslutades ${p.closed}, före det kom in (${p.inkom}).`,
  },
  MATTER_STATUS_ORDER: {
    closedButOpen: (p: { matter: MatterRef; closed: string | null; status: string | null }) =>
      `${matter(p.matter)} har ett datum i Avslutad (${p.closed}) men status ${p.status}: statusen har gått bakåt. Sätt status Avslutad eller ta bort datumet.`,
    closedNoDate: (p: { matter: MatterRef }) => `${matter(p.matter)} står som Avslutad utan datum i Avslutad. Ange när ärendet avslutades.`,
    decidedButOpen: (p: { matter: MatterRef; decision: string | null; status: string | null }) =>
      `${matter(p.matter)} har ett beslut (${p.decision}) men status ${p.status}: statusen har gått bakåt. Efter huvudmännens beslut är statusen Beslutad av huvudmännen.`,
    editionSkipped: (p: { matter: MatterRef; edition: string | null; status: string | null }) =>
      `${matter(p.matter)} fördes in i utgåva ${p.edition} men står som ${p.status}: beredningen och beslutet hoppades över. Ett ärende beslutas (i samverkansgruppen eller av huvudmännen) innan en utgåva för in det.`,
  },
  MATTER_DECISION_MISSING: {
    noReference: (p: { matter: MatterRef }) =>
      `${matter(p.matter)} står som Beslutad av huvudmännen men anger inget beslut. Skriv beslutsreferensen i kolumnen Beslut och för in beslutet i bladet Beslut.`,
    notInBeslut: (p: { matter: MatterRef; decision: string }) =>
      `${matter(p.matter)} hänvisar till beslut ${p.decision}, som inte finns i bladet Beslut (kolumnen Beslutsreferens). För in beslutet eller rätta referensen.`,
  },
  MATTER_CHANGE_UNREGISTERED: {
    noMatter: (p: { iso: string; bilaga: string }) =>
      `Ändringen av ${p.iso} (${p.bilaga.replace("B", "bilaga ")}) har inget ärende i Ärenden. Lägg till ett så att frågan går att följa från förslag till utgåva.`,
  },
  MATTER_OPEN_LONG: {
    open: (p: { matter: MatterRef; days: number; inkom: string; status: string | null }) =>
      `${matter(p.matter)} har varit öppet i ${p.days} dagar (inkom ${p.inkom}, status ${p.status ?? "okänd"}).`,
  },
  MATTER_UNKNOWN: {
    notACode: (p: { matter: MatterRef; text: string }) => `${matter(p.matter)}: ”${p.text.slice(0, 40)}” är ingen ISO-kod. Skriv koderna som NN NN NN, åtskilda med semikolon.`,
    notAForm: (p: { matter: MatterRef; text: string }) =>
      `${matter(p.matter)}: boendeformen ”${p.text.slice(0, 40)}” kan inte läsas. Giltiga: ${Object.values(BOENDEFORM_INFO).map((b) => b.shortSv).join(", ")}.`,
    unknownCode: (p: { matter: MatterRef; iso: string }) => `${matter(p.matter)}: koden ${p.iso} finns varken i ISO 9999-bladet eller i bilagorna.`,
  },
  NEW_GROUP: {
    newCode: (p: { iso: string; previous: string; parent: string | null }) =>
      `${p.iso} fanns inte i utgåva ${p.previous}${p.parent ? ` (en finare uppdelning av ${p.parent}, som fanns)` : ""}. Kostnadsansvar för nya produktgrupper avgörs av huvudmännen; samverkansgruppen bereder ärendet och uppdaterar bilagan efter deras beslut (§6.3).`,
  },
  OVERRIDE: {
    differs: (p: { iso: string; parent: string; parentRow: number; forms: FormPayers }) =>
      `${p.iso} avviker från ${p.parent} (rad ${p.parentRow}): ${p.forms.map((f) => `${formName(f.form)}: ${f.mine} i stället för ${f.theirs}`).join("; ")}. Tillåtet – den finare koden gäller (§2.5) – men kontrollera att det är avsett.`,
  },
  PAYER_INVALID: {
    invalid: (p: { text: string }) => `${quoted(p.text)} är ingen betalare. Skriv Kommun, Region eller Egenansvar (eller K, R, E).`,
  },
  PAYER_MISSING: {
    empty: (p: { what: RowName; headers: readonly string[] }) =>
      `Betalare saknas för ${rowNamed(p.what)} i ${p.headers.length === 1 ? `kolumnen ${p.headers[0]}` : `kolumnerna ${p.headers.slice(0, -1).join(", ")} och ${p.headers.at(-1)}`}. Ange Kommun, Region eller Egenansvar.`,
  },
  PRINCIPLE_CHANGE: {
    contradicts: (p: { form: Boendeform; from: string | null; to: string | null; iso: string; principle: keyof typeof PRINCIPLE_INFO }) =>
      `Ändringen (${describePayerChange(p)}) gör att ${p.iso} strider mot principen ${p.principle} (${PRINCIPLE_INFO[p.principle].areaSv}, ${PRINCIPLE_INFO[p.principle].section}). Samverkansgruppen kan inte besluta om större principiella ändringar; frågan går till huvudmännen (§6.3).`,
  },
  REGION_AREA: {
    notRegion: (p: { iso: string; principle: keyof typeof PRINCIPLE_INFO; principleCode: string; principleSheet: string; principleRow: number | null; payers: ReadonlyArray<{ payer: string; headers: readonly string[] }> }) => {
      const under = p.iso === p.principleCode ? `${p.iso} är ett av regionens ansvarsområden` : `${p.iso} ligger under ${p.principleCode}`;
      const where = p.principleRow === null ? "inbyggda principer" : `${p.principleSheet} rad ${p.principleRow}`;
      const onWhat = p.payers.map((x) => `${x.payer} för ${listSv(x.headers)}`);
      return `${under} (${PRINCIPLE_INFO[p.principle].areaSv}, ${where}), som Region Stockholm bekostar för alla åldrar (§2.2), men står här på ${onWhat.join("; ")}. En sådan avvikelse från överenskommelsens princip kräver huvudmännens beslut.`;
    },
  },
  ROW_LATER_THAN_EDITION: {
    later: (p: { own: string; start: string }) =>
      `Raden gäller från ${p.own}, senare än utgåvan (${p.start}). Fram till dess svarar raden inte i någon boendeform – en överordnad rad, eller ingen, svarar i stället. Gäller ändringen bara en boendeform, lägg den i en senare utgåva i stället för ett senare datum på hela raden.`,
  },
  SHEET_MISSING: {
    missing: (p: { sheet: string }) => `Bladet ”${p.sheet}” saknas i arbetsboken. Överenskommelsen har bilaga 1–4 (§8); lägg till bladet (t.ex. med Skapa bilagor).`,
    lookalike: (p: { sheet: string; first: string }) => `Bladet ”${p.sheet}” ser ut som bladet ”${p.first}”, som redan finns; bara ”${p.first}” läses. Ta bort eller byt namn på det ena.`,
  },
  SHEET_HIDDEN: {
    hidden: (p: { sheet: string }) =>
      `Bladet ”${p.sheet}” är dolt men läses ändå, och svaren kommer från det. Visa bladet (högerklicka på en bladflik → Ta fram) så att alla ser vad som gäller.`,
  },
  SHEET_COPY: {
    copy: (p: { sheet: string; hidden: boolean; of: string | null; ofHidden: boolean }) => {
      const read = p.of ? `Bara ”${p.of}” läses${p.ofHidden ? ", och det är dolt" : ""}.` : "Inget blad med det riktiga namnet finns, så kopian räknas som saknad.";
      return `Bladet ”${p.sheet}” är ${p.hidden ? "dolt och " : ""}en kopia av ett blad till namnet och läses inte. ${read} Ta bort kopian, eller byt namn så att rätt blad har det riktiga namnet.`;
    },
  },
  SOCPSYK_EXCEPTION: {
    notKommun: (p: { iso: string; exceptionCode: string; payer: string }) =>
      `${p.iso === p.exceptionCode ? `${p.iso} är en av koderna` : `${p.iso} ligger under ${p.exceptionCode}`} (${PRINCIPLE_INFO.SOCPSYK_KOMMUN.areaSv}), som kommunen bekostar i socialpsykiatriskt boende (§5.2), men står här på ${p.payer}.`,
    kommunNotBasic: (p: { iso: string }) =>
      `${p.iso} står på Kommun men är varken grundutrustning eller något av det kommunen bekostar enligt SOCPSYK_KOMMUN (${PRINCIPLE_INFO.SOCPSYK_KOMMUN.areaSv}). I socialpsykiatriskt boende är kostnadsansvaret annars regionens (§5.2); markera Grundutrustning = Ja om det är grundutrustning.`,
  },
  VALUE_INVALID: {
    cell: (p: { text: string; expected: string }) => `${quoted(p.text)} kan inte läsas. Skriv ${p.expected}.`,
    principle: (p: { text: string; known: readonly string[] }) => `${quoted(p.text)} är ingen känd princip. Giltiga: ${p.known.join(", ")}.`,
    utgava: (p: { field: string; text: string; expected: string }) => `${p.field}: ${quoted(p.text)} kan inte läsas. Skriv ${p.expected}.`,
    boendeform: (p: { text: string; known: string }) => `${quoted(p.text)} är ingen boendeform i överenskommelsen. Skriv ${p.known}.`,
    boendeformMissing: (p: { known: string }) => `Boendeform saknas, så kostnaden räknas inte i kostnadsförskjutningen. Skriv ${p.known}.`,
    amount: (p: { text: string }) => `${quoted(p.text)} är inget belopp. Skriv kronor som tal, t.ex. 125000.`,
  },
} as const;

/** A payer change as the change checks word it: "särskilt boende för äldre: Kommun → Region". */
export function describePayerChange(c: { form: Boendeform; from: string | null; to: string | null }): string {
  return `${formName(c.form)}: ${c.from ?? "tom"} → ${c.to ?? "tom"}`;
}

type Messages = typeof FINDING_MESSAGES;
export type FindingCode = keyof Messages;
type ParamsOf<F> = F extends (p: infer P) => string ? P : Record<string, never>;

/** What a rule reports: its code, the variant and the variant's parameters (plain data). */
export type FindingText = {
  [C in FindingCode]: { [V in keyof Messages[C]]: { readonly code: C; readonly variant: V; readonly params: ParamsOf<Messages[C][V]> } }[keyof Messages[C]];
}[FindingCode];

/** A finding's text for a code and variant (checked against the code's messages). */
export function says<C extends FindingCode, V extends keyof Messages[C]>(code: C, variant: V, params: ParamsOf<Messages[C][V]>): FindingText {
  return { code, variant, params } as unknown as FindingText;
}

/** The Swedish message of a finding. */
export function renderFinding(text: { readonly code: string; readonly variant: string; readonly params: unknown }): string {
  const variants = (FINDING_MESSAGES as Record<string, Record<string, (p: unknown) => string>>)[text.code];
  const render = variants?.[text.variant];
  if (!render) throw new Error(`No message for ${text.code}/${text.variant}`);
  return render(text.params);
}
