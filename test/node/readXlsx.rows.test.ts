import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { CellValue } from "../../src/core/cells";
import { forEachRow, readXlsxBytes } from "../../src/node/readXlsx";
import { hostileWorkbook } from "../helpers/xlsxFixtures";

describe("forEachRow: one sheet's rows streamed, without holding the sheet", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "kostnadsansvar-rows-"));
  const file = path.join(dir, "hostile.xlsx");

  it("gives every row with a value in file order, as the whole-workbook reader does apart from merged ranges", async () => {
    const bytes = await hostileWorkbook();
    writeFileSync(file, bytes);
    const seen: Array<[number, CellValue[]]> = [];
    const r = await forEachRow(file, (names) => names.find((n) => n.trim() === "bilaga 1"), (row, cells) => seen.push([row, [...cells]]));
    expect(r).toEqual({ ok: true, sheet: "bilaga 1 ", merges: ["A1:H1", "D13:D14"] });
    expect(seen.map(([row]) => row)).toEqual([1, 2, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14]);
    const whole = await readXlsxBytes(bytes, "hostile.xlsx");
    if (!whole.ok) throw new Error(whole.message);
    const rows = whole.workbook.sheets[0]!.rows;
    // Merged ranges are filled in only by the whole-workbook reader: A1:H1 and D13:D14.
    expect(seen[0]![1]).toEqual([rows[0]![0]]);
    expect(rows[0]).toEqual(Array(8).fill(rows[0]![0]));
    expect(seen[11]).toEqual([14, [null, "Samma cell sammanslagen", "18 09 21"]]);
    expect(rows[13]).toEqual([null, "Samma cell sammanslagen", "18 09 21", "Kommun"]); // D14 shows D13
    for (const [row, cells] of seen.filter(([n]) => n !== 1 && n !== 14)) expect({ row, cells }).toEqual({ row, cells: rows[row - 1] });
  });

  it("says in Swedish which sheets there are when none fits", async () => {
    const r = await forEachRow(file, () => undefined, () => undefined);
    expect(r).toEqual({ ok: false, message: "hostile.xlsx har inget blad som kan läsas (bladen: ”bilaga 1 ”, ”Bilaga 2”, ”Bilaga 3”, ”Bilaga 4”, ”Anteckningar”)." });
  });
});
