/**
 * Rule 2a (docs/rules.md, DECIDED_EXCEPTION) end to end: a Bilaga 1 row puts 22 06 21
 * (benförankrad hörapparat, under the Region principle 22 06) on Kommun for SÄBO and LSS bostad.
 * Without a decision rule 2 answers (Region, REGION_HORSEL); with the huvudmän's decision in the
 * Beslut sheet every surface answers as decided: the core, WHO_PAYS through the functions'
 * logic, `vem-betalar --json` on the workbook and on the published edition, and the guide's data.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { editionFromModel, editionModel, parseEdition, serializeEdition } from "../../src/core/editions/edition";
import { compactEdition, compactForCode, expandEdition } from "../../src/core/editions/guideData";
import { editionToRawWorkbook } from "../../src/core/editions/editionRaw";
import { readWorkbook } from "../../src/core/model";
import { buildWhoPaysIndex, whoPays, type WhoPaysAnswer } from "../../src/core/whoPays";
import { basisOf } from "../../src/excel/basis";
import { whoPaysWhyValue } from "../../src/functions/logic";
import { cli } from "../helpers/cli";
import { rawXlsxFile } from "../helpers/xlsxFixtures";
import { listRow, withDecisions, workbook, type Rec } from "../helpers/workbooks";

const K = "Kommun";
const R = "Region";
const B1: Rec[] = [listRow("22 06 21", "Benförankrade hörapparater", [K, K, R, R]), listRow("12 22", "Manuellt drivna rullstolar", [K, K, K, K])];
const DECISION: Rec = { Datum: "2026-03-12", Beslutsreferens: "HMS 2026/4", "ISO-kod": "22 06 21", Bilaga: "Bilaga 1", Beslut: "Kommunen bekostar benförankrade hörapparater i SÄBO och LSS bostad", "Beslutat av": "Huvudmännen" };
const UTGAVA: Rec[] = [
  { Fält: "Utgåva", Värde: "2026:2" },
  { Fält: "Beslutad", Värde: "2026-03-12" },
  { Fält: "Giltig från", Värde: "2026-04-01" },
];

const ask = (boendeform: string) => ({ iso: "22 06 21", boendeform, age: 80, date: "2026-05-01" });
const pick = (a: WhoPaysAnswer | { ok: false }) => (a.ok ? { payer: (a as WhoPaysAnswer).payer, rule: (a as WhoPaysAnswer).rule, section: (a as WhoPaysAnswer).section, row: (a as WhoPaysAnswer).source?.row ?? null } : a);


describe("rule 2a, DECIDED_EXCEPTION", () => {
  const decided = withDecisions({ b1: B1, utgava: UTGAVA }, [DECISION]);
  const undecided = workbook({ b1: B1, utgava: UTGAVA });

  it("answers the Region principle while the deviation is undecided, and as decided once the decision is recorded", () => {
    const before = whoPays(ask("SÄBO"), buildWhoPaysIndex(readWorkbook(undecided)));
    expect(pick(before as WhoPaysAnswer)).toEqual({ payer: R, rule: "REGION_HORSEL", section: "§2.2", row: 2 });
    const index = buildWhoPaysIndex(readWorkbook(decided));
    const after = whoPays(ask("SÄBO"), index) as WhoPaysAnswer;
    expect(pick(after)).toEqual({ payer: K, rule: "DECIDED_EXCEPTION", section: "§6.3", row: 2 });
    // The explanation names the decision's reference and date.
    expect(after.explanation).toContain("HMS 2026/4");
    expect(after.explanation).toContain("2026-03-12");
    // Where the row does not deviate (LSS daglig verksamhet: Region) rule 2 still answers.
    expect(pick(whoPays(ask("LSS daglig verksamhet"), index) as WhoPaysAnswer)).toMatchObject({ payer: R, rule: "REGION_HORSEL" });
    // A decision about adults never overrides the rule for children.
    expect(pick(whoPays({ ...ask("SÄBO"), age: 12 }, index) as WhoPaysAnswer)).toMatchObject({ payer: R, rule: "AGE_UNDER_18" });
  });

  it("answers the same from the published edition, its guide data, the functions and the CLI", async () => {
    const model = readWorkbook(decided);
    const edition = editionFromModel(model, { name: "2026:2", decided: "2026-03-12", effective: "2026-04-01" });
    const reparsed = parseEdition(serializeEdition(edition));
    expect(reparsed.ok).toBe(true);
    const expected = { payer: K, rule: "DECIDED_EXCEPTION", section: "§6.3", row: 2 };

    const fromEdition = whoPays(ask("LSS bostad"), buildWhoPaysIndex(editionModel(edition), edition.name)) as WhoPaysAnswer;
    expect(pick(fromEdition)).toEqual(expected);
    // The guide's data (compact, and the rows for one code as a deep link reads them).
    const compact = compactEdition(edition);
    for (const data of [compact, compactForCode(compact, "22 06 21")]) {
      const guideIndex = buildWhoPaysIndex(readWorkbook(editionToRawWorkbook(expandEdition(JSON.parse(JSON.stringify(data))))), edition.name);
      expect(pick(whoPays(ask("LSS bostad"), guideIndex) as WhoPaysAnswer)).toEqual(expected);
    }
    // WHO_PAYS_WHY as the functions compute it from the pane's basis (workbook and stored edition).
    const basis = basisOf(model, [edition]);
    const why = whoPaysWhyValue({ iso: "22 06 21", boendeform: "LSS bostad", age: 80, datum: "2026-05-01" }, basis.lists);
    expect(why).toMatchObject({ ok: true });
    expect((why as { value: string }).value).toContain("DECIDED_EXCEPTION");

    // vem-betalar --json on the workbook file and on the edition file.
    const file = await rawXlsxFile(decided, mkdtempSync(path.join(tmpdir(), "kostnadsansvar-2a-")), "bilagor.xlsx");
    const editionFile = path.join(path.dirname(file), "2026-2.json");
    writeFileSync(editionFile, serializeEdition(edition));
    for (const source of [["--arbetsbok", file], ["--utgåva", editionFile]]) {
      const r = await cli("vem-betalar", "22 06 21", "LSS bostad", "80", "--datum", "2026-05-01", ...source, "--json");
      expect(r.code).toBe(0);
      const json = JSON.parse(r.out);
      expect({ payer: json.payer, rule: json.rule, section: json.section }).toEqual({ payer: K, rule: "DECIDED_EXCEPTION", section: "§6.3" });
    }
    expect(readFileSync(editionFile, "utf8")).toContain('"decisions"');
  });
});
