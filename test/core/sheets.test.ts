import { readFileSync } from "node:fs";
import * as path from "node:path";
import { SHEET_SPECS, type SheetKey } from "../../src/core/sheets";

const DOCS = path.resolve(__dirname, "../../docs");
const workbookMd = readFileSync(path.join(DOCS, "workbook.md"), "utf8");
/** The Swedish user document: the same sheets, plus Beslut, whose columns the project defines. */
const arbetsbokMd = readFileSync(path.join(DOCS, "arbetsbok.md"), "utf8");

describe("the sheet specs follow the workbook contract (docs/workbook.md)", () => {
  it("names every sheet and every column header the contract names (Beslut: in docs/arbetsbok.md)", () => {
    for (const key of Object.keys(SHEET_SPECS) as SheetKey[]) {
      const spec = SHEET_SPECS[key];
      for (const column of spec.columns) expect([key, arbetsbokMd.includes(`\`${column.header}\``)]).toEqual([key, true]);
      expect(arbetsbokMd).toContain(`\`${spec.name}\``);
      if (key === "BESLUT") continue;
      expect(workbookMd).toContain(`\`${spec.name}\``);
      // A header may wrap across lines in the Markdown (the contract's optional additions do).
      const flowing = workbookMd.replace(/\s+/g, " ");
      for (const column of spec.columns) expect([key, column.header, flowing.includes(`\`${column.header}\``)]).toEqual([key, column.header, true]);
    }
  });

  it("marks as required exactly the bilaga 1 columns the contract's table marks yes", () => {
    const table = workbookMd.slice(workbookMd.indexOf("### Bilaga 1"), workbookMd.indexOf("### Bilaga 3"));
    const required = [...table.matchAll(/^\| `([^`]+)` \| yes \|/gm)].map((m) => m[1]);
    expect(SHEET_SPECS.B1.columns.filter((c) => c.required).map((c) => c.header)).toEqual(required);
  });
});
