import { DEFAULT_PRINCIPLES_SHEET } from "./defaultPrinciples";
import { readWorkbook, type WorkbookModel } from "./model";
import { isoChain } from "./iso";
import type { PrincipleEntry, PrincipleKey } from "./principles";
import { SHEET_SPECS } from "./sheets";
import { valueOf } from "./values";

export interface PrinciplesInForce {
  readonly entries: readonly PrincipleEntry[];
  /** The sheet the entries come from; the built-in defaults say so in explanations. */
  readonly sheet: string;
  readonly builtIn: boolean;
}

let defaults: PrinciplesInForce | null = null;

/** The principle defaults that ship with the add-in (the example edition's `Principer`, read the same way). */
export function defaultPrinciples(): PrinciplesInForce {
  if (!defaults) {
    const table = readWorkbook({ sheets: [{ name: SHEET_SPECS.PRINCIPER.name, rows: DEFAULT_PRINCIPLES_SHEET.map((row) => [...row]) }] }).principer;
    const entries: PrincipleEntry[] = [];
    for (const row of table?.rows ?? []) {
      const key = valueOf(row.principle);
      const iso = valueOf(row.iso);
      if (key && iso) entries.push({ key, code: iso.code, sheet: SHEET_SPECS.PRINCIPER.name, row: null });
    }
    defaults = { entries, sheet: SHEET_SPECS.PRINCIPER.name, builtIn: true };
  }
  return defaults;
}

/**
 * The principles a workbook uses: its own `Principer` sheet when it has one (the group may edit
 * it), otherwise the built-in defaults.
 */
export function principlesInForce(model: WorkbookModel): PrinciplesInForce {
  if (!model.principer) return defaultPrinciples();
  const entries: PrincipleEntry[] = [];
  for (const row of model.principer.rows) {
    const key = valueOf(row.principle);
    const iso = valueOf(row.iso);
    if (key && iso) entries.push({ key, code: iso.code, sheet: model.principer.name, row: row.row });
  }
  return { entries, sheet: model.principer.name, builtIn: false };
}

/** Principle entries by code, for "does this code lie under principle X" in a few lookups. */
export type PrincipleIndex = ReadonlyMap<string, readonly PrincipleEntry[]>;

export function indexPrinciples(entries: readonly PrincipleEntry[]): PrincipleIndex {
  const index = new Map<string, PrincipleEntry[]>();
  for (const entry of entries) {
    const list = index.get(entry.code);
    if (list) list.push(entry);
    else index.set(entry.code, [entry]);
  }
  return index;
}

/** The first principle matching `accept` that covers `code` (the code or an ancestor), most specific first. */
export function coveringPrinciple(
  index: PrincipleIndex,
  code: string,
  accept: (key: PrincipleKey) => boolean,
): PrincipleEntry | null {
  for (const ancestor of isoChain(code)) {
    const hit = index.get(ancestor)?.find((e) => accept(e.key));
    if (hit) return hit;
  }
  return null;
}
