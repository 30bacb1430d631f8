import type ExcelJS from "exceljs";
import { outputSafe } from "../core/text";

/** Excel's limit on the characters of one cell. */
export const EXCEL_CELL_CHARS = 32_767;

/** A text for one cell: control characters shown escaped, and cut to Excel's limit with a note of the length. */
export function cellText(text: string): string {
  const safe = outputSafe(text);
  if (safe.length <= EXCEL_CELL_CHARS) return safe;
  const note = ` … [avkortad: ${safe.length.toLocaleString("sv-SE")} tecken]`;
  return safe.slice(0, EXCEL_CELL_CHARS - note.length) + note;
}

/**
 * Every text cell of a workbook about to be written made safe to open: no control character
 * (XML cannot carry most of them; Excel would call the file corrupt) and no cell over 32 767
 * characters (Excel cuts or refuses it, and this project's own reader refuses it). Formulas
 * are the writer's own and left alone. Called by every .xlsx writer just before it writes.
 */
export function safeWorkbookText(workbook: ExcelJS.Workbook): void {
  workbook.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        if (typeof v === "string") {
          const safe = cellText(v);
          if (safe !== v) cell.value = safe;
        } else if (v && typeof v === "object" && "richText" in v) {
          cell.value = { richText: v.richText.map((r) => ({ ...r, text: outputSafe(r.text) })) };
        } else if (v && typeof v === "object" && "text" in v && "hyperlink" in v) {
          cell.value = { ...v, text: cellText(v.text) };
        }
      });
    });
  });
}
