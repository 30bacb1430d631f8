import { FINDING_MESSAGES, renderFinding, says, type FindingText } from "../../../src/core/validation/messages";
import { expectBaseline } from "../../helpers/baseline";

// Every message a finding can have, rendered from sample parameters (each branch of a message at
// least once), against the golden file test/baselines/finding-messages.txt: a change of wording
// shows as a diff for the group to read, and a test fails until the file is updated
// (UPDATE_BASELINES=1). The parameters are typed by `says`, so a sample cannot drift from its rule.

const m1 = { id: "2026-07", row: 4 };
const m2 = { id: null, row: 9 };
const row = { code: "12 22 03", product: null, row: 5 };

const SAMPLES: readonly FindingText[] = [
  says("ACCESSORY_PAYER", "mainMissing", { main: "12 22 03", what: row, sheet: "Bilaga 2", alsoBilaga1: true }),
  says("ACCESSORY_PAYER", "mainMissing", { main: "12 22 03", what: { code: null, product: "Dynor", row: 7 }, sheet: "Bilaga 1", alsoBilaga1: false }),
  says("ACCESSORY_PAYER", "differs", { what: { code: null, product: null, row: 12 }, main: "12 22 03", mainSheet: "Bilaga 1", mainRow: 5, mine: "Region", theirs: "Kommun", form: "SABO" }),
  says("CELL_ERROR", "error", { error: "#N/A" }),
  says("CHANGE_NOT_NEUTRAL", "noAmount", { text: "ca en miljon" }),
  says("CHANGE_NOT_NEUTRAL", "noAmount", { text: null }),
  says("CHANGE_NOT_NEUTRAL", "estimateNoTolerance", { net: 125000.4 }),
  says("CHANGE_NOT_NEUTRAL", "estimatePercentNoTotal", { net: -80000, percent: 1.5 }),
  says("CHANGE_NOT_NEUTRAL", "estimateOverTolerance", { net: 300000, tolerance: 100000 }),
  says("CHANGE_NOT_NEUTRAL", "estimateOverTolerance", { net: -300000, tolerance: 100000 }),
  says("CHANGE_NOT_NEUTRAL", "costUnattributed", { iso: "12 22", before: "Kommun", after: "ingen betalare" }),
  says("CHANGE_NOT_NEUTRAL", "costsNoTolerance", { net: 0, costSheet: "Kostnader" }),
  says("CHANGE_NOT_NEUTRAL", "costsNoTolerance", { net: -1, costSheet: "Kostnader" }),
  says("CHANGE_NOT_NEUTRAL", "costsOverTolerance", { net: 250000, tolerance: 50000, percentText: "1 %", totalCost: 5000000 }),
  says("CHANGE_NOT_NEUTRAL", "costsOverTolerance", { net: -250000, tolerance: 50000, percentText: null, totalCost: 0 }),
  says("CHANGE_UNDOCUMENTED", "statusUtgar", { previous: "2026:1", missing: ["motivering", "ekonomisk", "konsekvens"] }),
  says("CHANGE_UNDOCUMENTED", "dateMoved", { previous: "2026:1", from: "2026-01-01", to: null, missing: ["motivering"] }),
  says("CHANGE_UNDOCUMENTED", "dateMoved", { previous: "2026:1", from: null, to: "2026-07-01", missing: ["konsekvens"] }),
  says("CHANGE_UNDOCUMENTED", "added", { label: "12 22 18", previous: "2026:1", missing: ["ekonomisk", "konsekvens"] }),
  says("CHANGE_UNDOCUMENTED", "removed", { label: "12 22 18", row: 8, previous: "2026:1" }),
  says("CHANGE_UNDOCUMENTED", "payer", {
    previous: "2026:1",
    changes: [
      { form: "SABO", from: "Kommun", to: "Region" },
      { form: "LSS_BOSTAD", from: null, to: "Kommun" },
      { form: "SOL_DAGV", from: "Region", to: null },
    ],
    missing: ["motivering"],
  }),
  says("CROSS_BILAGA", "differs", {
    iso: "09 30",
    b1Row: 14,
    forms: [
      { form: "SABO", b1: "Kommun", b2: "Region" },
      { form: "LSS_DV", b1: "Region", b2: "Kommun" },
    ],
  }),
  says("DUPLICATE", "code", { iso: "12 22", earlierRow: 3, sheet: "Bilaga 1" }),
  says("DUPLICATE", "product", { product: "P".repeat(90), earlierRow: 3, sheet: "Bilaga 3" }),
  says("EFFECTIVE_TOO_EARLY", "tooEarly", { decided: "2026-11-30", effective: "2027-02-12", earliest: "2027-02-28" }),
  says("FORTROENDE", "bilaga2", { iso: "09 30 24" }),
  says("FORTROENDE", "bilaga2", { iso: null }),
  says("FORTROENDE", "notAllowed", { sheet: "Bilaga 3" }),
  says("HEADER_MISSING", "noHeaderRow", { sheet: "Bilaga 1", keyHeader: "ISO-kod" }),
  says("HEADER_MISSING", "column", { sheet: "Bilaga 1", header: "SÄBO", headerRow: 2 }),
  says("HEADER_MISSING", "twice", { sheet: "Bilaga 1", header: "SÄBO", first: 4, again: 28 }),
  says("ISO_FORMAT", "invalid", { text: "x".repeat(70) }),
  says("ISO_FORMAT", "missing", {}),
  says("ISO_LEADING_ZERO", "lost", { iso: "09 33 12" }),
  says("ISO_TITLE_MISMATCH", "differs", { title: "T".repeat(85), expected: "Manuella rullstolar", iso: "12 22" }),
  says("ISO_UNKNOWN", "unknown", { iso: "12 99", isoSheet: "ISO 9999" }),
  says("MATTER_INVALID", "noId", {}),
  says("MATTER_INVALID", "idTaken", { id: "2026-07", earlierRow: 3 }),
  says("MATTER_INVALID", "noInkom", { matter: m1 }),
  says("MATTER_INVALID", "notADate", { matter: m2, text: "igår" }),
  says("MATTER_INVALID", "unknownType", { matter: m1, text: "t".repeat(50) }),
  says("MATTER_INVALID", "unknownStatus", { matter: m2, text: "s".repeat(50) }),
  says("MATTER_INVALID", "noType", { matter: m1 }),
  says("MATTER_INVALID", "noStatus", { matter: m1 }),
  says("MATTER_INVALID", "closedBeforeInkom", { matter: m1, closed: "2026-01-01", inkom: "2026-02-01" }),
  says("MATTER_STATUS_ORDER", "closedButOpen", { matter: m1, closed: "2026-05-01", status: "Bereds" }),
  says("MATTER_STATUS_ORDER", "closedNoDate", { matter: m2 }),
  says("MATTER_STATUS_ORDER", "decidedButOpen", { matter: m1, decision: "HMS 2026:4", status: "Inkommen" }),
  says("MATTER_STATUS_ORDER", "editionSkipped", { matter: m1, edition: "2026:2", status: "Bereds" }),
  says("MATTER_DECISION_MISSING", "noReference", { matter: m1 }),
  says("MATTER_DECISION_MISSING", "notInBeslut", { matter: m2, decision: "HMS 2026:9" }),
  says("MATTER_CHANGE_UNREGISTERED", "noMatter", { iso: "12 22", bilaga: "B2" }),
  says("MATTER_OPEN_LONG", "open", { matter: m1, days: 400, inkom: "2025-10-01", status: "Bereds" }),
  says("MATTER_OPEN_LONG", "open", { matter: m2, days: 200, inkom: "2026-05-01", status: null }),
  says("MATTER_UNKNOWN", "notACode", { matter: m1, text: "k".repeat(50) }),
  says("MATTER_UNKNOWN", "notAForm", { matter: m1, text: "f".repeat(50) }),
  says("MATTER_UNKNOWN", "unknownCode", { matter: m2, iso: "99 99" }),
  says("NEW_GROUP", "newCode", { iso: "12 22 18", previous: "2026:1", parent: "12 22" }),
  says("NEW_GROUP", "newCode", { iso: "12 23", previous: "2026:1", parent: null }),
  says("OVERRIDE", "differs", {
    iso: "12 22 18",
    parent: "12 22",
    parentRow: 5,
    forms: [
      { form: "SABO", mine: "Region", theirs: "Kommun" },
      { form: "SOL_SOCPSYK", mine: "Kommun", theirs: "Region" },
    ],
  }),
  says("PAYER_INVALID", "invalid", { text: "Landstinget" }),
  says("PAYER_MISSING", "empty", { what: row, headers: ["SÄBO"] }),
  says("PAYER_MISSING", "empty", { what: { code: null, product: "Dynor", row: 3 }, headers: ["SÄBO", "LSS bostad", "LSS daglig verksamhet"] }),
  says("PRINCIPLE_CHANGE", "contradicts", { form: "LSS_BOSTAD", from: "Region", to: "Kommun", iso: "22 06", principle: "REGION_HORSEL" }),
  says("REGION_AREA", "notRegion", { iso: "22 06", principle: "REGION_HORSEL", principleCode: "22 06", principleSheet: "Principer", principleRow: 3, payers: [{ payer: "Kommun", headers: ["SÄBO"] }] }),
  says("REGION_AREA", "notRegion", {
    iso: "22 06 15",
    principle: "REGION_HORSEL",
    principleCode: "22 06",
    principleSheet: "Principer",
    principleRow: null,
    payers: [
      { payer: "Kommun", headers: ["SÄBO", "LSS bostad", "SoL dagverksamhet"] },
      { payer: "Egenansvar", headers: ["LSS daglig verksamhet", "Socialpsykiatri"] },
    ],
  }),
  says("ROW_LATER_THAN_EDITION", "later", { own: "2026-07-01", start: "2026-01-01" }),
  says("SHEET_MISSING", "missing", { sheet: "Bilaga 3" }),
  says("SHEET_MISSING", "lookalike", { sheet: "Bilaga 1 (2)", first: "Bilaga 1" }),
  says("SHEET_HIDDEN", "hidden", { sheet: "Bilaga 2" }),
  says("SHEET_COPY", "copy", { sheet: "Bilaga 1 (2)", hidden: true, of: "Bilaga 1", ofHidden: true }),
  says("SHEET_COPY", "copy", { sheet: "Bilaga 1 (2)", hidden: false, of: "Bilaga 1", ofHidden: false }),
  says("SHEET_COPY", "copy", { sheet: "Kopia av Bilaga 4", hidden: false, of: null, ofHidden: false }),
  says("SOCPSYK_EXCEPTION", "notKommun", { iso: "12 36", exceptionCode: "12 36", payer: "Region" }),
  says("SOCPSYK_EXCEPTION", "notKommun", { iso: "12 36 03", exceptionCode: "12 36", payer: "Egenansvar" }),
  says("SOCPSYK_EXCEPTION", "kommunNotBasic", { iso: "18 09" }),
  says("VALUE_INVALID", "cell", { text: "kanske", expected: "Ja eller Nej" }),
  says("VALUE_INVALID", "principle", { text: "REGION_SYN", known: ["REGION_HORSEL", "REGION_ORTOPEDTEKNIK"] }),
  says("VALUE_INVALID", "utgava", { field: "Giltig från", text: "snart", expected: "ett datum (ÅÅÅÅ-MM-DD)" }),
  says("VALUE_INVALID", "boendeform", { text: "Hemmet", known: "SÄBO, LSS bostad" }),
  says("VALUE_INVALID", "boendeformMissing", { known: "SÄBO, LSS bostad" }),
  says("VALUE_INVALID", "amount", { text: "mycket" }),
];

describe("the finding messages (golden file)", () => {
  it("renders a sample of every variant of every code", () => {
    const sampled = new Set(SAMPLES.map((s) => `${s.code}/${s.variant as string}`));
    const all = Object.entries(FINDING_MESSAGES).flatMap(([code, variants]) => Object.keys(variants).map((v) => `${code}/${v}`));
    expect(all.filter((k) => !sampled.has(k))).toEqual([]);
  });

  it("says each message as the golden file has it", () => {
    expectBaseline("finding-messages", SAMPLES.map((s) => `${s.code}/${s.variant as string}: ${renderFinding(s)}`).join("\n"));
  });
});
