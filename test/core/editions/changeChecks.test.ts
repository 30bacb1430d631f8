import { editionFromModel, editionModel } from "../../../src/core/editions/edition";
import { readWorkbook } from "../../../src/core/model";
import type { Finding } from "../../../src/core/validation/finding";
import { validateWorkbook } from "../../../src/core/validation/validateWorkbook";
import { listRow, workbook, type WorkbookSpec } from "../../helpers/workbooks";

const K = "Kommun";
const R = "Region";
const ALL_K = [K, K, K, K];
const DOCS = { Motivering: "Ny vårdmetod", "Ekonomisk beräkning": "0", Konsekvensanalys: "Ingen" };

const PREVIOUS: WorkbookSpec = {
  b1: [listRow("12 22", "Rullstolar", ALL_K), listRow("12 23", "Elrullstolar", ALL_K), listRow("22 06 15", "Hörapparat", [R, R, R, R])],
  b4: [{ "ISO-kod": "12 36", Benämning: "Personlyftar", Kostnadsansvar: K }],
};
const previousEdition = editionFromModel(readWorkbook(workbook(PREVIOUS)), { name: "2025:1", decided: "2024-11-01", effective: "2025-03-01" });
const previous = { name: previousEdition.name, model: editionModel(previousEdition) };

const check = (draft: WorkbookSpec) => validateWorkbook(workbook(draft), { previous });
const at = (findings: Finding[], code: string) => findings.filter((f) => f.code === code).map((f) => `${f.sheet}!${f.cell ?? f.row}`);

describe("change checks against the previous edition (§6.3)", () => {
  it("a clean draft: only documented, neutral changes → no change findings", () => {
    const findings = check({ ...PREVIOUS, b1: [listRow("12 22", "Rullstolar", [K, R, K, K], DOCS), ...PREVIOUS.b1!.slice(1)], utgava: [{ Fält: "Tolerans kostnadsneutralitet", Värde: "100 000" }] });
    expect(findings).toEqual([]);
  });

  it("the issue's example: an undocumented payer change effective two months after its decision", () => {
    const findings = check({
      ...PREVIOUS,
      b1: [listRow("12 22", "Rullstolar", [K, R, K, K], { Beslutsdatum: "2026-02-10", "Giltig från": "2026-04-10" }), ...PREVIOUS.b1!.slice(1), listRow("12 24 09", "Drivaggregat", ALL_K)],
    });
    // The payer change, and the new row (which counts: it decides who pays), at its first missing field.
    expect(at(findings, "CHANGE_UNDOCUMENTED")).toEqual(["Bilaga 1!D2", "Bilaga 1!M5"]);
    expect(findings.filter((f) => f.code === "CHANGE_UNDOCUMENTED").map((f) => f.variant)).toEqual(["payer", "added"]);
    expect(at(findings, "EFFECTIVE_TOO_EARLY")).toEqual(["Bilaga 1!L2"]);
    expect(at(findings, "NEW_GROUP")).toEqual(["Bilaga 1!A5"]);
    expect(findings.find((f) => f.code === "NEW_GROUP")).toMatchObject({ needsDecision: true, severity: "warning" });
    expect(findings.find((f) => f.code === "CHANGE_UNDOCUMENTED")!.params.missing).toEqual(["motivering", "ekonomisk", "konsekvens"]);
  });

  it("CHANGE_UNDOCUMENTED names only what is missing and is silent for unchanged rows", () => {
    const findings = check({ ...PREVIOUS, b1: [listRow("12 22", "Rullstolar", [R, K, K, K], { Motivering: "x" }), listRow("12 23", "Elrullstolar", ALL_K), PREVIOUS.b1![2]!] });
    expect(at(findings, "CHANGE_UNDOCUMENTED")).toEqual(["Bilaga 1!C2"]);
    expect(findings.find((f) => f.code === "CHANGE_UNDOCUMENTED")!.params.missing).toEqual(["ekonomisk", "konsekvens"]);
  });

  it("CHANGE_UNDOCUMENTED on a new row: only when it counts, at the first field it lacks", () => {
    const added = (extra: Record<string, string>) => at(check({ ...PREVIOUS, b1: [...PREVIOUS.b1!, listRow("12 24 09", "Drivaggregat", ALL_K, extra)] }), "CHANGE_UNDOCUMENTED");
    expect(added({})).toEqual(["Bilaga 1!M5"]);
    expect(added({ Motivering: "Ny grupp" })).toEqual(["Bilaga 1!N5"]);
    expect(added(DOCS)).toEqual([]);
    // A proposal does not answer yet: its documentation is asked for when it counts.
    expect(added({ Status: "Förslag" })).toEqual([]);
  });

  it("CHANGE_UNDOCUMENTED on a moved Giltig från, and in the bilaga where the change is; another status is no such change", () => {
    const moved = (extra: Record<string, string>) => at(check({ ...PREVIOUS, b1: [PREVIOUS.b1![0]!, listRow("12 23", "Elrullstolar", ALL_K, extra), PREVIOUS.b1![2]!] }), "CHANGE_UNDOCUMENTED");
    expect(moved({ "Giltig från": "2026-09-01" })).toEqual(["Bilaga 1!L3"]);
    expect(moved({ "Giltig från": "2026-09-01", ...DOCS })).toEqual([]);
    expect(moved({ Status: "Beslutad" })).toEqual([]);
    // Bilaga 2: a payer change and a removed row are reported on Bilaga 2, not on the first bilaga.
    const prev2 = editionFromModel(readWorkbook(workbook({ ...PREVIOUS, b2: [listRow("09 30", "Absorberande", ALL_K), listRow("09 31", "Kateter", ALL_K)] })), { name: "2025:2", decided: "2024-11-01", effective: "2025-03-01" });
    const in2 = validateWorkbook(workbook({ ...PREVIOUS, b2: [listRow("09 30", "Absorberande", [R, K, K, K])] }), { previous: { name: prev2.name, model: editionModel(prev2) } });
    expect(in2.filter((f) => f.code === "CHANGE_UNDOCUMENTED").map((f) => [f.sheet, f.row, f.variant])).toEqual([
      ["Bilaga 2", null, "removed"],
      ["Bilaga 2", 2, "payer"],
    ]);
  });

  it("CHANGE_UNDOCUMENTED of every kind lands in Bilaga 2 when the change is there, the payer change pointing at its previous row", () => {
    const prev2 = editionFromModel(readWorkbook(workbook({ ...PREVIOUS, b2: [listRow("09 30", "Absorberande", ALL_K), listRow("09 31", "Kateter", ALL_K), listRow("09 32", "Uridom", ALL_K)] })), { name: "2025:2", decided: "2024-11-01", effective: "2025-03-01" });
    const draft = workbook({ ...PREVIOUS, b2: [listRow("09 30", "Absorberande", ALL_K, { Status: "Utgår" }), listRow("09 31", "Kateter", ALL_K, { "Giltig från": "2026-09-01" }), listRow("09 32", "Uridom", [R, K, K, K]), listRow("09 24", "Tappning", ALL_K)] });
    const found = validateWorkbook(draft, { previous: { name: prev2.name, model: editionModel(prev2) } }).filter((f) => f.code === "CHANGE_UNDOCUMENTED");
    expect(found.map((f) => [f.variant, `${f.sheet}!${f.cell ?? f.row}`, f.related.map((r) => `${r.sheet}!${r.row}`)])).toEqual([
      ["statusUtgar", "Bilaga 2!J2", []],
      ["dateMoved", "Bilaga 2!L3", []],
      ["payer", "Bilaga 2!C4", ["Bilaga 2!4"]],
      ["added", "Bilaga 2!M5", []],
    ]);
  });

  it("NEW_GROUP is raised even when the group has marked the row Beslutad: new groups are the huvudmän's", () => {
    const findings = check({ ...PREVIOUS, b1: [...PREVIOUS.b1!, listRow("12 24 09", "Drivaggregat", ALL_K, { Status: "Beslutad", Beslutsdatum: "2025-09-01" })] });
    expect(at(findings, "NEW_GROUP")).toEqual(["Bilaga 1!A5"]);
  });

  it("NEW_GROUP names the nearest code the previous edition had above the new one, as data", () => {
    const findings = check({ ...PREVIOUS, b1: [...PREVIOUS.b1!, listRow("12 22 18", "Vårdarmanövrerade", ALL_K, DOCS), listRow("12 24 09", "Drivaggregat", ALL_K, DOCS)] });
    expect(findings.filter((f) => f.code === "NEW_GROUP").map((f) => [f.cell, f.params.parent])).toEqual([
      ["A5", "12 22"],
      ["A6", null],
    ]);
  });

  it("CHANGE_UNDOCUMENTED: a row taken out of force (Utgår) or removed is a change that needs its documentation", () => {
    const outOfForce = check({ ...PREVIOUS, b1: [PREVIOUS.b1![0]!, listRow("12 23", "Elrullstolar", ALL_K, { Status: "Utgår" }), PREVIOUS.b1![2]!] });
    expect(at(outOfForce, "CHANGE_UNDOCUMENTED")).toEqual(["Bilaga 1!J3"]);
    const documented = check({ ...PREVIOUS, b1: [PREVIOUS.b1![0]!, listRow("12 23", "Elrullstolar", ALL_K, { Status: "Utgår", ...DOCS }), PREVIOUS.b1![2]!] });
    expect(at(documented, "CHANGE_UNDOCUMENTED")).toEqual([]);
    const removed = check({ ...PREVIOUS, b1: [PREVIOUS.b1![0]!, PREVIOUS.b1![2]!] });
    expect(removed.filter((f) => f.code === "CHANGE_UNDOCUMENTED").map((f) => [f.sheet, f.row, f.related[0]!.row])).toEqual([["Bilaga 1", null, 3]]);
  });

  it("PRINCIPLE_CHANGE: a change that makes a row contradict a principle needs the huvudmän", () => {
    const findings = check({
      b1: [PREVIOUS.b1![0]!, PREVIOUS.b1![1]!, listRow("22 06 15", "Hörapparat", [K, R, R, R], DOCS)],
      b4: [{ "ISO-kod": "12 36", Benämning: "Personlyftar", Kostnadsansvar: R, ...DOCS }],
    });
    expect(at(findings, "PRINCIPLE_CHANGE")).toEqual(["Bilaga 1!C4", "Bilaga 4!C2"]);
    expect(findings.filter((f) => f.code === "PRINCIPLE_CHANGE").every((f) => f.needsDecision && f.severity === "error")).toBe(true);
    // A row that contradicted the principle already is REGION_AREA's business, not a change.
    const unchanged = validateWorkbook(workbook({ b1: [listRow("22 06 15", "Hörapparat", [K, K, K, "Egenansvar"])] }), {
      previous: { name: "x", model: readWorkbook(workbook({ b1: [listRow("22 06 15", "Hörapparat", [K, K, K, K])] })) },
    });
    expect(at(unchanged, "PRINCIPLE_CHANGE")).toEqual([]);
  });

  it("CHANGE_NOT_NEUTRAL: the estimated shift against the tolerance in SEK", () => {
    const draft = (amount: string) => ({
      ...PREVIOUS,
      b1: [listRow("12 22", "Rullstolar", [R, K, K, K], { ...DOCS, "Ekonomisk beräkning": amount }), listRow("12 23", "Elrullstolar", [R, K, K, K], { ...DOCS, "Ekonomisk beräkning": "-100 000" }), PREVIOUS.b1![2]!],
      utgava: [{ Fält: "Utgåva", Värde: "2026:1" }, { Fält: "Tolerans kostnadsneutralitet", Värde: "250 000" }],
    });
    expect(at(check(draft("-300 000")), "CHANGE_NOT_NEUTRAL")).toEqual(["Utgåva!B3"]);
    expect(check(draft("-300 000")).find((f) => f.code === "CHANGE_NOT_NEUTRAL")).toMatchObject({ needsDecision: true, severity: "warning" });
    expect(at(check(draft("-150 000")), "CHANGE_NOT_NEUTRAL")).toEqual([]);
  });

  it("CHANGE_NOT_NEUTRAL is silent when the changes net to zero, whatever the tolerance", () => {
    const findings = check({
      ...PREVIOUS,
      b1: [listRow("12 22", "Rullstolar", [R, K, K, K], { ...DOCS, "Ekonomisk beräkning": "500" }), listRow("12 23", "Elrullstolar", [R, K, K, K], { ...DOCS, "Ekonomisk beräkning": "-500" }), PREVIOUS.b1![2]!],
      utgava: [{ Fält: "Tolerans kostnadsneutralitet", Värde: "1 %" }],
    });
    expect(at(findings, "CHANGE_NOT_NEUTRAL")).toEqual([]);
  });

  it("CHANGE_NOT_NEUTRAL reports what it cannot judge: no amount, no tolerance", () => {
    const findings = check({ ...PREVIOUS, b1: [listRow("12 22", "Rullstolar", [R, K, K, K], { ...DOCS, "Ekonomisk beräkning": "se bilaga" }), ...PREVIOUS.b1!.slice(1)] });
    expect(at(findings, "CHANGE_NOT_NEUTRAL")).toEqual(["Bilaga 1!N2"]);
    const noTolerance = check({ ...PREVIOUS, b1: [listRow("12 22", "Rullstolar", [R, K, K, K], { ...DOCS, "Ekonomisk beräkning": "50 000" }), ...PREVIOUS.b1!.slice(1)] });
    expect(at(noTolerance, "CHANGE_NOT_NEUTRAL")).toEqual(["Bilaga 1!N2"]);
    expect(noTolerance.find((f) => f.code === "CHANGE_NOT_NEUTRAL")!.message).toMatch(/ingen tolerans/);
  });

  it("CHANGE_NOT_NEUTRAL on an estimate in bilaga 2: the finding, its related cells and its signed net are the bilaga 2 row's", () => {
    const before = editionFromModel(readWorkbook(workbook({ ...PREVIOUS, b2: [listRow("18 12", "Sängar", ALL_K)] })), { name: "2025:1", decided: "2024-11-01", effective: "2025-03-01" });
    const findings = validateWorkbook(workbook({ ...PREVIOUS, b2: [listRow("18 12", "Sängar", [R, K, K, K], { ...DOCS, "Ekonomisk beräkning": "-300 000" })] }), {
      previous: { name: before.name, model: editionModel(before) },
    }).filter((f) => f.code === "CHANGE_NOT_NEUTRAL");
    expect(findings.map((f) => [`${f.sheet}!${f.cell}`, f.variant, f.params.net, f.related.map((r) => `${r.sheet}!${r.cell}`)])).toEqual([["Bilaga 2!N2", "estimateNoTolerance", -300000, ["Bilaga 2!N2"]]]);
    const noAmount = validateWorkbook(workbook({ ...PREVIOUS, b2: [listRow("18 12", "Sängar", [R, K, K, K], { ...DOCS, "Ekonomisk beräkning": "se bilaga" })] }), {
      previous: { name: before.name, model: editionModel(before) },
    }).filter((f) => f.code === "CHANGE_NOT_NEUTRAL");
    expect(noAmount.map((f) => [`${f.sheet}!${f.cell}`, f.variant])).toEqual([["Bilaga 2!N2", "noAmount"]]);
  });

  it("runs none of the change checks without a previous edition", () => {
    const findings = validateWorkbook(workbook({ b1: [listRow("12 22", "Rullstolar", [R, K, K, K])] }));
    expect(findings.filter((f) => ["NEW_GROUP", "CHANGE_UNDOCUMENTED", "CHANGE_NOT_NEUTRAL", "PRINCIPLE_CHANGE"].includes(f.code))).toEqual([]);
  });
});
