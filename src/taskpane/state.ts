import type { WorkbookModel } from "../core/model";
import type { Finding } from "../core/validation/finding";

/** What the pane knows after the last validation. */
export interface PaneState {
  model: WorkbookModel | null;
  findings: Finding[];
  running: boolean;
  cancelled: boolean;
}

export const state: PaneState = { model: null, findings: [], running: false, cancelled: false };

/** Listeners told when a validation has finished (the decision view re-renders). */
const listeners: Array<() => void> = [];
export const onValidated = (fn: () => void): void => void listeners.push(fn);
export const notifyValidated = (): void => listeners.forEach((fn) => fn());
