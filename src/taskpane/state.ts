import type { Edition } from "../core/editions/edition";
import type { RawWorkbook } from "../core/cells";
import type { WorkbookModel } from "../core/model";
import type { Finding } from "../core/validation/finding";

/** What the pane knows after the last validation. */
export interface PaneState {
  model: WorkbookModel | null;
  /** The cells the model was read from (an edition keeps extra columns from them). */
  raw: RawWorkbook | null;
  findings: Finding[];
  cancelled: boolean;
  /** Editions published into this workbook, oldest first. */
  storedEditions: Edition[];
  /** An edition the user loaded from a file to compare with; otherwise the latest stored one is used. */
  loadedPrevious: Edition | null;
}

export const state: PaneState = { model: null, raw: null, findings: [], cancelled: false, storedEditions: [], loadedPrevious: null };

/** The edition the draft is compared with: one loaded from file, else the latest published into the workbook. */
export function previousEdition(): Edition | null {
  return state.loadedPrevious ?? state.storedEditions.at(-1) ?? null;
}

/** Listeners told when a validation has finished (the decision view re-renders). */
const listeners: Array<() => void> = [];
export const onValidated = (fn: () => void): void => void listeners.push(fn);
export const notifyValidated = (): void => listeners.forEach((fn) => fn());

let busy = false;

/**
 * Runs a workbook-writing action unless another is under way: a double click never starts two
 * batches on the same rows (a second flag would record the first one's yellow as "original").
 */
export async function exclusive(action: () => Promise<void>): Promise<void> {
  if (busy) return;
  busy = true;
  try {
    await action();
  } finally {
    busy = false;
  }
}
