import { LIST_BOENDEFORMER, type Boendeform, type ListBoendeform } from "../boendeform";
import type { BilagaRow, SheetTable, WorkbookModel } from "../model";
import type { Payer } from "../payer";
import { BILAGA_KEYS, type BilagaKey } from "../sheets";
import { foldText } from "../text";
import { valueOf } from "../values";

/** What identifies a row across editions: its code, or in bilaga 3 its product/treatment. */
export function rowKey(bilaga: BilagaKey, row: BilagaRow): string | null {
  if (bilaga === "B3") return row.product ? foldText(row.product) : valueOf(row.iso)?.code ?? null;
  return valueOf(row.iso)?.code ?? null;
}

/** A row's label for people: its code and name. */
export function rowLabel(row: BilagaRow): string {
  const code = valueOf(row.iso)?.code;
  const name = row.title ?? row.product ?? "";
  return [code, name].filter(Boolean).join(" ");
}

export interface RowRef {
  readonly bilaga: BilagaKey;
  readonly key: string;
  readonly sheet: string;
  readonly row: BilagaRow;
}

export type Change =
  | { readonly kind: "added"; readonly after: RowRef }
  | { readonly kind: "removed"; readonly before: RowRef }
  | { readonly kind: "payer"; readonly before: RowRef; readonly after: RowRef; readonly boendeform: Boendeform; readonly from: Payer | null; readonly to: Payer | null }
  | { readonly kind: "villkor" | "title" | "status" | "giltigFran" | "beslutsdatum"; readonly before: RowRef; readonly after: RowRef; readonly from: string | null; readonly to: string | null; readonly boendeform?: ListBoendeform };

function rowsByKey(bilaga: BilagaKey, table: SheetTable<BilagaRow> | undefined): Map<string, RowRef> {
  const map = new Map<string, RowRef>();
  for (const row of table?.rows ?? []) {
    const key = rowKey(bilaga, row);
    if (key !== null && !map.has(key)) map.set(key, { bilaga, key, sheet: table!.name, row });
  }
  return map;
}

/**
 * The changes from one edition (or draft) to another: rows added and removed, payer changes per
 * (bilaga, code, boendeform), and changed Status, Giltig från/Beslutsdatum (alone on a row), Villkor
 * and Benämning. Order: bilaga, then the new
 * edition's row order, removals last.
 */
export function diffModels(before: WorkbookModel, after: WorkbookModel): Change[] {
  const changes: Change[] = [];
  for (const bilaga of BILAGA_KEYS) {
    const old = rowsByKey(bilaga, before.bilagor[bilaga]);
    const now = rowsByKey(bilaga, after.bilagor[bilaga]);
    for (const [key, a] of now) {
      const b = old.get(key);
      if (!b) {
        changes.push({ kind: "added", after: a });
        continue;
      }
      const rowStart = changes.length;
      const forms = new Set([...Object.keys(b.row.payers), ...Object.keys(a.row.payers)] as Boendeform[]);
      for (const form of forms) {
        const from = valueOf(b.row.payers[form] ?? { state: "empty" });
        const to = valueOf(a.row.payers[form] ?? { state: "empty" });
        if (from !== to) changes.push({ kind: "payer", before: b, after: a, boendeform: form, from, to });
      }
      const bs = valueOf(b.row.status);
      const as = valueOf(a.row.status);
      if (bs !== as) changes.push({ kind: "status", before: b, after: a, from: bs, to: as });
      // A moved date changes who pays in between, so it is a change like any other; beside a
      // changed payer or Status it is part of that change (every change line carries the dates).
      const payerOrStatus = changes.length > rowStart;
      for (const kind of payerOrStatus ? [] : (["giltigFran", "beslutsdatum"] as const)) {
        const from = valueOf(b.row[kind]);
        const to = valueOf(a.row[kind]);
        if (from !== to) changes.push({ kind, before: b, after: a, from, to });
      }
      if ((b.row.villkor ?? null) !== (a.row.villkor ?? null)) changes.push({ kind: "villkor", before: b, after: a, from: b.row.villkor, to: a.row.villkor });
      for (const form of LIST_BOENDEFORMER) {
        const from = b.row.formVillkor?.[form] ?? null;
        const to = a.row.formVillkor?.[form] ?? null;
        if (from !== to) changes.push({ kind: "villkor", before: b, after: a, from, to, boendeform: form });
      }
      const bt = b.row.title ?? b.row.product;
      const at = a.row.title ?? a.row.product;
      if ((bt ?? null) !== (at ?? null)) changes.push({ kind: "title", before: b, after: a, from: bt, to: at });
    }
    for (const [key, b] of old) if (!now.has(key)) changes.push({ kind: "removed", before: b });
  }
  return changes;
}

/** Every code in any bilaga of a model (for "is this a new product group?"). */
export function codesIn(model: WorkbookModel): Set<string> {
  const codes = new Set<string>();
  for (const table of Object.values(model.bilagor)) {
    for (const row of table?.rows ?? []) {
      const code = valueOf(row.iso)?.code;
      if (code) codes.add(code);
    }
  }
  return codes;
}

/** The changes by kind, as every summary of a change list counts them. */
export interface ChangeCounts {
  readonly payer: number;
  readonly added: number;
  readonly removed: number;
  readonly status: number;
  readonly dates: number;
  /** Villkor and Benämning. */
  readonly texts: number;
}

export function countChanges(changes: readonly Change[]): ChangeCounts {
  const n = (kinds: readonly Change["kind"][]) => changes.filter((c) => kinds.includes(c.kind)).length;
  return { payer: n(["payer"]), added: n(["added"]), removed: n(["removed"]), status: n(["status"]), dates: n(["giltigFran", "beslutsdatum"]), texts: n(["villkor", "title"]) };
}
