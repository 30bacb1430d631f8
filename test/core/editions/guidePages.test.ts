/*
 * The guide's per-form pages take their words from the registers: the opening line from the
 * housing-form register, and socialpsykiatri's kommunal exceptions only from the edition's
 * principles (the page must not name an exception the edition does not have).
 */
import { BOENDEFORM_INFO, BOENDEFORMER } from "../../../src/core/boendeform";
import { editionFromModel, type Edition } from "../../../src/core/editions/edition";
import { guideFiles } from "../../../src/core/editions/guideSite";
import { formPageFile } from "../../../src/core/editions/guideText";
import { exampleWorkbook } from "../../../src/core/example/exampleWorkbook";
import { readWorkbook } from "../../../src/core/model";

const meta = { name: "2026:1", decided: "2025-10-01", effective: "2026-01-01" };
const example = (): Edition => editionFromModel(readWorkbook(exampleWorkbook()), meta);

const lead = (html: string): string => {
  const m = /<p class="lead">([^<]*)<\/p>/.exec(html);
  if (!m) throw new Error("no lead paragraph");
  return m[1]!;
};

describe("the guide's housing-form pages", () => {
  test("each page opens with the register's words for whom the form covers", () => {
    const files = guideFiles(example(), [], null, []);
    for (const form of BOENDEFORMER) {
      expect(lead(files.get(formPageFile(form))!)).toContain(`hjälpmedel ${BOENDEFORM_INFO[form].scopeSv}.`);
    }
  });

  test("socialpsykiatri's page points to the kommunal exceptions it lists, and to none when the edition has none", () => {
    const edition = example();
    const kommun = (edition.principles?.rows ?? []).filter((p) => p.principle === "SOCPSYK_KOMMUN");
    expect(kommun.length).toBeGreaterThan(0);
    const page = guideFiles(edition, [], null, []).get(formPageFile("SOL_SOCPSYK"))!;
    expect(lead(page)).toContain("principerna nedan");
    for (const p of kommun) expect(page).toContain(`<span class="iso">${p.iso}</span>`);

    const without: Edition = { ...edition, principles: { ...edition.principles!, rows: edition.principles!.rows.filter((p) => p.principle !== "SOCPSYK_KOMMUN") } };
    const bare = guideFiles(without, [], null, []).get(formPageFile("SOL_SOCPSYK"))!;
    expect(lead(bare)).not.toContain("principerna");
    expect(lead(bare)).toContain("bilaga 4");
    for (const p of kommun) expect(bare).not.toContain(`<span class="iso">${p.iso}</span>`);
  });
});
