import type { RawWorkbook } from "../core/cells";
import { exampleWorkbook } from "../core/example/exampleWorkbook";
import { emptyWorkbook, sheetLayouts } from "../core/template";
import { addSheets } from "../excel/adapter";
import { byId } from "./dom";
import { exclusive } from "./state";

/** Adds the bilagor sheets to the open workbook; an existing sheet is never overwritten. */
export async function createSheets(source: RawWorkbook): Promise<{ added: string[]; skipped: string[] }> {
  const layouts = sheetLayouts(source).map((l) => ({ name: l.name, rows: l.rows, headerRow: l.headerRow, lists: l.lists, textColumns: l.textColumns }));
  return Excel.run((context) => addSheets(context, layouts));
}

export function initCreateView(): void {
  byId("create-sheets").addEventListener("click", () => void exclusive(async () => {
    const mode = document.querySelector<HTMLInputElement>('input[name="create-mode"]:checked')?.value ?? "empty";
    const result = byId("create-result");
    const button = byId<HTMLButtonElement>("create-sheets");
    button.disabled = true;
    try {
      const { added, skipped } = await createSheets(mode === "example" ? exampleWorkbook() : emptyWorkbook());
      const parts = [];
      if (added.length > 0) parts.push(`Lade till: ${added.join(", ")}.`);
      if (skipped.length > 0) parts.push(`Fanns redan och lämnades orörda: ${skipped.join(", ")}.`);
      result.textContent = parts.join(" ") || "Inget att lägga till.";
    } catch (e) {
      result.textContent = `Kunde inte skapa bladen: ${(e as Error).message}`;
    } finally {
      button.disabled = false;
    }
  }));
}
