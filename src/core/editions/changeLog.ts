import { lowerFirst } from "../text";
import { BOENDEFORM_INFO } from "../boendeform";
import { SHEET_SPECS } from "../sheets";
import { valueOf } from "../values";
import { countChanges, rowLabel, type Change } from "./diff";

/** Headers of the `Ändringslogg` sheet and the change log CSV (`workbook.md`). */
export const CHANGE_LOG_HEADERS = ["Utgåva", "Bilaga", "ISO-kod", "Benämning", "Boendeform", "Före", "Efter", "Beslutsdatum", "Giltig från", "Motivering"] as const;

const BILAGA_NUMBER = { B1: "1", B2: "2", B3: "3", B4: "4" } as const;

/** One change log line per change, in the order of the diff. */
export function changeLogRows(edition: string, changes: readonly Change[]): string[][] {
  return changes.map((c) => {
    const ref = c.kind === "removed" ? c.before : c.after;
    const row = ref.row;
    const base = (form: string, before: string, after: string) => [
      edition,
      BILAGA_NUMBER[ref.bilaga],
      valueOf(row.iso)?.code ?? "",
      row.title ?? row.product ?? "",
      form,
      before,
      after,
      valueOf(row.beslutsdatum) ?? "",
      valueOf(row.giltigFran) ?? "",
      c.kind === "removed" ? "" : row.motivering ?? "",
    ];
    switch (c.kind) {
      case "payer":
        return base(BOENDEFORM_INFO[c.boendeform].shortSv, c.from ?? "", c.to ?? "");
      case "added":
        return base("", "", "Ny rad");
      case "removed":
        return base("", "Fanns", "Borttagen");
      case "villkor":
        return base(c.boendeform ? `(Villkor) ${BOENDEFORM_INFO[c.boendeform].shortSv}` : "(Villkor)", c.from ?? "", c.to ?? "");
      case "status":
        return base("(Status)", c.from ?? "Gällande", c.to ?? "Gällande");
      case "title":
        return base("(Benämning)", c.from ?? "", c.to ?? "");
      case "giltigFran":
        return base("(Giltig från)", c.from ?? "", c.to ?? "");
      case "beslutsdatum":
        return base("(Beslutsdatum)", c.from ?? "", c.to ?? "");
    }
  });
}

/** A change described in one Swedish line, for the diff command and the pane. */
export function describeChangeSv(c: Change): string {
  const ref = c.kind === "removed" ? c.before : c.after;
  const where = `${ref.sheet}: ${rowLabel(ref.row)}`;
  switch (c.kind) {
    case "payer":
      return `${where} – ${BOENDEFORM_INFO[c.boendeform].nameSv}: ${c.from ?? "tom"} → ${c.to ?? "tom"}`;
    case "added":
      return `${where} – ny rad`;
    case "removed":
      return `${where} – borttagen`;
    case "villkor":
      return c.boendeform ? `${where} – Villkor för ${lowerFirst(BOENDEFORM_INFO[c.boendeform].nameSv)} ändrat` : `${where} – Villkor ändrat`;
    case "status":
      return `${where} – Status ${c.from ?? "Gällande"} → ${c.to ?? "Gällande"}`;
    case "title":
      return `${where} – Benämning ändrad från ${c.from ? `”${c.from}”` : "tom"}`;
    case "giltigFran":
      return `${where} – Giltig från ${c.from ?? "tom"} → ${c.to ?? "tom"}`;
    case "beslutsdatum":
      return `${where} – Beslutsdatum ${c.from ?? "tom"} → ${c.to ?? "tom"}`;
  }
}

const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** The one-line summary of a change list, the same in `jämför` and the pane. */
export function changeSummarySv(changes: readonly Change[]): string {
  const c = countChanges(changes);
  return [
    n(c.payer, "ändrad betalare", "ändrade betalare"),
    n(c.added, "ny rad", "nya rader"),
    n(c.removed, "borttagen", "borttagna"),
    n(c.status, "ändrad status", "ändrade statusar"),
    n(c.dates, "flyttat datum", "flyttade datum"),
    n(c.texts, "ändrad text", "ändrade texter"),
  ].join(", ");
}

export const CHANGE_LOG_SHEET = SHEET_SPECS.ANDRINGSLOGG.name;
