import ExcelJS from "exceljs";
import type { RawWorkbook } from "../core/cells";
import { sheetLayouts } from "../core/template";
import { safeWorkbookText } from "./xlsxText";

/** How many rows below the header get drop-down lists in a new workbook. */
export const VALIDATED_ROWS = 2000;

const list = (values: readonly string[]): ExcelJS.DataValidation => ({
  type: "list",
  allowBlank: true,
  formulae: [`"${values.join(",")}"`],
  showErrorMessage: true,
  errorStyle: "warning",
  errorTitle: "Ogiltigt värde",
  error: `Välj ett av: ${values.join(", ")}`,
});

interface WithValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

/**
 * Writes a raw workbook as .xlsx with the bilagor conventions: bold frozen header row, ISO
 * columns formatted as text (so codes keep their leading zero), drop-down lists on payer,
 * ja/nej, Status and Princip columns. Writes values only, never custom-function formulas.
 */
export async function writeBilagorXlsx(raw: RawWorkbook): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "kostnadsansvar";
  for (const layout of sheetLayouts(raw)) {
    const ws = workbook.addWorksheet(layout.name);
    layout.rows.forEach((cells, i) => {
      const row = ws.getRow(i + 1);
      cells.forEach((value, j) => {
        if (value !== null) row.getCell(j + 1).value = value;
      });
    });
    if (layout.headerRow === null) continue;
    ws.views = [{ state: "frozen", ySplit: layout.headerRow }];
    ws.getRow(layout.headerRow).font = { bold: true };
    const first = layout.headerRow + 1;
    const last = layout.headerRow + VALIDATED_ROWS;
    const headerWidth = layout.rows[layout.headerRow - 1]?.length ?? 0;
    for (let c = 1; c <= headerWidth; c++) ws.getColumn(c).width = 18;
    for (const c of layout.wideColumns) ws.getColumn(c).width = 48;
    for (const c of layout.textColumns) {
      ws.getColumn(c).width = 12;
      for (let r = first; r <= last; r++) ws.getCell(r, c).numFmt = "@";
    }
    for (const { column, values } of layout.lists) {
      const letter = ws.getColumn(column).letter;
      // ExcelJS has range validations at run time but not in its typings.
      (ws as unknown as WithValidations).dataValidations.add(`${letter}${first}:${letter}${last}`, list(values));
    }
  }
  safeWorkbookText(workbook);
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer);
}
