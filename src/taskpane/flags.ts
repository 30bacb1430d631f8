import type { BilagaRow, SheetTable, WorkbookModel } from "../core/model";
import { valueOf } from "../core/values";
import type { Finding } from "../core/validation/finding";
import { flagRows, unflagRows, type FlagRecord, type FlagTarget } from "../excel/adapter";

/** Where the add-in remembers what a flag replaced: in the workbook itself, so it survives closing. */
export const FLAG_SETTING = "kostnadsansvar.flaggor";

function storedFlags(): FlagRecord[] {
  const value = Office.context.document.settings.get(FLAG_SETTING) as unknown;
  return Array.isArray(value) ? (value as FlagRecord[]) : [];
}

function saveFlags(records: FlagRecord[]): Promise<void> {
  const settings = Office.context.document.settings;
  if (records.length === 0) settings.remove(FLAG_SETTING);
  else settings.set(FLAG_SETTING, records);
  return new Promise((resolve, reject) =>
    settings.saveAsync((result) => (result.status === Office.AsyncResultStatus.Failed ? reject(new Error(result.error.message)) : resolve())),
  );
}

export function flaggedCount(): number {
  return storedFlags().length;
}

function tableOf(model: WorkbookModel, sheet: string): SheetTable<BilagaRow> | undefined {
  return Object.values(model.bilagor).find((t) => t?.name === sheet);
}

/** The rows of these findings as flag targets (one per row, rows already flagged left out). */
export function flagTargets(model: WorkbookModel, findings: readonly Finding[]): FlagTarget[] {
  const already = new Set(storedFlags().map((r) => `${r.sheet}\u0000${r.row}`));
  const seen = new Set<string>();
  const targets: FlagTarget[] = [];
  for (const f of findings) {
    if (!f.needsDecision || f.row === null) continue;
    const key = `${f.sheet}\u0000${f.row}`;
    const table = tableOf(model, f.sheet);
    if (!table || seen.has(key) || already.has(key)) continue;
    seen.add(key);
    const indexes = [...table.columns.values(), ...table.extraColumns].map((c) => c.index);
    const row = table.rows.find((r) => r.row === f.row);
    targets.push({
      sheet: f.sheet,
      row: f.row,
      statusColumn: table.columns.get("status")?.index ?? null,
      firstColumn: indexes.reduce((a, b) => Math.min(a, b)),
      lastColumn: indexes.reduce((a, b) => Math.max(a, b)),
      iso: row ? valueOf(row.iso)?.code ?? null : null,
      isoColumn: table.columns.get("iso")?.index ?? null,
    });
  }
  return targets;
}

/** Flags the rows (Status and fill), on the user's click only. Returns how many rows were flagged. */
export async function flag(model: WorkbookModel, findings: readonly Finding[]): Promise<{ flagged: number; withoutStatus: number; moved: number }> {
  const targets = flagTargets(model, findings);
  if (targets.length === 0) return { flagged: 0, withoutStatus: 0, moved: 0 };
  const records = await Excel.run((context) => flagRows(context, targets));
  await saveFlags([...storedFlags(), ...records]);
  return { flagged: records.length, withoutStatus: records.filter((r) => r.statusColumn === null).length, moved: targets.length - records.length };
}

/** Removes every flag the add-in set, restoring Status and fill. */
export async function unflagAll(): Promise<number> {
  const records = storedFlags();
  if (records.length === 0) return 0;
  const restored = await Excel.run((context) => unflagRows(context, records));
  await saveFlags([]);
  return restored;
}
