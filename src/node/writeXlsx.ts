import ExcelJS from "exceljs";
import { isCellError, type RawWorkbook } from "../core/cells";
import { readWorkbook, type SheetTable } from "../core/model";
import { PAYERS } from "../core/payer";
import { PRINCIPLE_KEYS } from "../core/principles";
import { STATUSES } from "../core/values";

/** How many rows below the header get drop-down lists in a new workbook. */
export const VALIDATED_ROWS = 2000;

const list = (values: readonly string[], prompt: string): ExcelJS.DataValidation => ({
  type: "list",
  allowBlank: true,
  formulae: [`"${values.join(",")}"`],
  showErrorMessage: true,
  errorStyle: "warning",
  errorTitle: "Ogiltigt värde",
  error: `Välj ett av: ${values.join(", ")}`,
  showInputMessage: false,
  promptTitle: "",
  prompt,
});

const PAYER_LIST = list(PAYERS, "Vem betalar");
const YES_NO_LIST = list(["Ja", "Nej"], "Ja eller Nej");
const STATUS_LIST = list(STATUSES, "Status (tom = Gällande)");
const PRINCIPLE_LIST = list(PRINCIPLE_KEYS, "Princip");

/** Which drop-down each field gets. */
const FIELD_LISTS: Record<string, ExcelJS.DataValidation> = {
  SABO: PAYER_LIST,
  LSS_BOSTAD: PAYER_LIST,
  LSS_DV: PAYER_LIST,
  SOL_DAGV: PAYER_LIST,
  SOL_SOCPSYK: PAYER_LIST,
  fortroende: YES_NO_LIST,
  grundutrustning: YES_NO_LIST,
  status: STATUS_LIST,
  principle: PRINCIPLE_LIST,
};

interface WithValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

const WIDE_FIELDS = new Set(["title", "product", "villkor", "motivering", "konsekvens", "comment", "ekonomisk"]);

/**
 * Writes a raw workbook as .xlsx with the bilagor conventions: bold frozen header row, ISO
 * columns formatted as text (so codes keep their leading zero), drop-down lists on payer,
 * ja/nej, Status and Princip columns. Writes values only, never custom-function formulas.
 */
export async function writeBilagorXlsx(raw: RawWorkbook): Promise<Buffer> {
  const model = readWorkbook(raw);
  const tables = new Map<string, SheetTable<unknown>>();
  for (const t of [...Object.values(model.bilagor), model.principer, model.iso, model.utgava, model.kostnader]) {
    if (t) tables.set(t.name, t as SheetTable<unknown>);
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "kostnadsansvar";
  for (const sheet of raw.sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    sheet.rows.forEach((cells, i) => {
      const row = ws.getRow((sheet.firstRow ?? 1) + i);
      cells.forEach((value, j) => {
        if (value === null || value === undefined) return;
        row.getCell((sheet.firstColumn ?? 1) + j).value = isCellError(value) ? { error: value.error as ExcelJS.CellErrorValue["error"] } : value;
      });
    });
    const table = tables.get(sheet.name);
    if (!table) continue;
    ws.views = [{ state: "frozen", ySplit: table.headerRow }];
    ws.getRow(table.headerRow).font = { bold: true };
    const first = table.headerRow + 1;
    const last = table.headerRow + VALIDATED_ROWS;
    for (const [field, ref] of table.columns) {
      const column = ws.getColumn(ref.index);
      column.width = WIDE_FIELDS.has(field) ? 48 : field === "iso" || field === "huvudhjalpmedel" ? 12 : 18;
      if (field === "iso" || field === "huvudhjalpmedel") {
        for (let r = first; r <= last; r++) ws.getCell(r, ref.index).numFmt = "@";
      }
      const validation = FIELD_LISTS[field];
      if (validation) {
        const letter = column.letter;
        // ExcelJS has range validations at run time but not in its typings.
        (ws as unknown as WithValidations).dataValidations.add(`${letter}${first}:${letter}${last}`, validation);
      }
    }
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer);
}
