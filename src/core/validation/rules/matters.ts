import { readDecisions } from "../../decisions";
import { valueOf, todayIso } from "../../values";
import { daysBetween, isOpen, matterNames, MATTER_OPEN_DAYS, readMatters, statusContradiction, type Matter } from "../../matters";
import { foldText } from "../../text";
import type { Rule, ValidationContext } from "../rule";
import { says } from "../messages";

/*
 * The checks of the register of matters (the optional `Ärenden` sheet, §6.3; docs/arbetsbok.md,
 * "Ärenden"). Each reads the matters once through readMatters and points at the matter's cell.
 */

const table = (ctx: ValidationContext) => ctx.model.arenden!;
/** A matter as its messages name it (messages.ts words it). */
const ref = (m: Matter) => ({ id: m.id, row: m.row });

/** A field of a matter that cannot be read, or a missing or repeated Ärende id. */
export const MATTER_INVALID: Rule = {
  // Stryker disable all: the rule's table, read at load; catalogue.test.ts kills these (docs/utveckling.md).
  code: "MATTER_INVALID",
  section: "§6.3",
  severity: "error",
  needsDecision: false,
  descriptionSv: "En rad i Ärenden saknar id, har ett id som redan finns, eller ett datum, en typ eller en status som inte kan läsas.",
  // Stryker restore all
  check(ctx, report) {
    if (!ctx.model.arenden) return;
    const seen = new Map<string, number>();
    for (const m of readMatters(ctx.model)) {
      const at = { table: table(ctx), row: m.row };
      if (m.id === null) report(this, { ...at, column: "arende" }, says("MATTER_INVALID", "noId", {}));
      else if (seen.has(foldText(m.id))) report(this, { ...at, column: "arende" }, says("MATTER_INVALID", "idTaken", { id: m.id, earlierRow: seen.get(foldText(m.id))! }));
      else seen.set(foldText(m.id), m.row);
      if (m.inkom === null && !m.unreadable.some((u) => u.field === "inkom")) report(this, { ...at, column: "inkom" }, says("MATTER_INVALID", "noInkom", { matter: ref(m) }));
      for (const u of m.unreadable) {
        if (u.field === "inkom" || u.field === "avslutad") report(this, { ...at, column: u.field }, says("MATTER_INVALID", "notADate", { matter: ref(m), text: u.text }));
        if (u.field === "typ") report(this, { ...at, column: "arendeTyp" }, says("MATTER_INVALID", "unknownType", { matter: ref(m), text: u.text }));
        if (u.field === "status") report(this, { ...at, column: "arendeStatus" }, says("MATTER_INVALID", "unknownStatus", { matter: ref(m), text: u.text }));
      }
      if (m.type === null && !m.unreadable.some((u) => u.field === "typ")) report(this, { ...at, column: "arendeTyp" }, says("MATTER_INVALID", "noType", { matter: ref(m) }));
      if (m.status === null && !m.unreadable.some((u) => u.field === "status")) report(this, { ...at, column: "arendeStatus" }, says("MATTER_INVALID", "noStatus", { matter: ref(m) }));
      if (m.inkom && m.closed && m.closed < m.inkom) report(this, { ...at, column: "avslutad" }, says("MATTER_INVALID", "closedBeforeInkom", { matter: ref(m), closed: m.closed, inkom: m.inkom }));
    }
  },
};

/** The matter's own fields contradict its status: it goes back, or skips a step. */
export const MATTER_STATUS_ORDER: Rule = {
  // Stryker disable all: the rule's table, read at load; catalogue.test.ts kills these (docs/utveckling.md).
  code: "MATTER_STATUS_ORDER",
  section: "§6.3",
  severity: "warning",
  needsDecision: false,
  descriptionSv: "Ett ärendes status går bakåt eller hoppar över ett steg: radens Beslut, Utgåva eller Avslutad säger att det kommit längre (eller kortare) än statusen.",
  // Stryker restore all
  check(ctx, report) {
    if (!ctx.model.arenden) return;
    for (const m of readMatters(ctx.model)) {
      const c = statusContradiction(m);
      if (!c) continue;
      const at = { table: table(ctx), row: m.row, column: "arendeStatus" };
      const message =
        c.evidence === "avslutad" && c.kind === "back"
          ? says("MATTER_STATUS_ORDER", "closedButOpen", { matter: ref(m), closed: m.closed, status: m.status })
          : c.evidence === "avslutad"
            ? says("MATTER_STATUS_ORDER", "closedNoDate", { matter: ref(m) })
            : c.evidence === "beslut"
              ? says("MATTER_STATUS_ORDER", "decidedButOpen", { matter: ref(m), decision: m.decision, status: m.status })
              : says("MATTER_STATUS_ORDER", "editionSkipped", { matter: ref(m), edition: m.edition, status: m.status });
      report(this, at, message);
    }
  },
};

/** Beslutad av huvudmännen without a matching row in the Beslut sheet. */
export const MATTER_DECISION_MISSING: Rule = {
  // Stryker disable all: the rule's table, read at load; catalogue.test.ts kills these (docs/utveckling.md).
  code: "MATTER_DECISION_MISSING",
  section: "§6.3",
  severity: "error",
  needsDecision: false,
  descriptionSv: "Ett ärende står som Beslutad av huvudmännen men har inget beslut i bladet Beslut med samma beslutsreferens.",
  // Stryker restore all
  check(ctx, report) {
    if (!ctx.model.arenden) return;
    const refs = new Set(readDecisions(ctx.model).flatMap((d) => (d.referens ? [foldText(d.referens)] : [])));
    for (const m of readMatters(ctx.model)) {
      if (m.status !== "Beslutad av huvudmännen") continue;
      if (m.decision !== null && refs.has(foldText(m.decision))) continue;
      report(
        this,
        { table: table(ctx), row: m.row, column: "beslut" },
        m.decision === null
          ? says("MATTER_DECISION_MISSING", "noReference", { matter: ref(m) })
          : says("MATTER_DECISION_MISSING", "notInBeslut", { matter: ref(m), decision: m.decision }),
      );
    }
  },
};

/** A draft change (against the previous edition) that no matter names. */
export const MATTER_CHANGE_UNREGISTERED: Rule = {
  // Stryker disable all: the rule's table, read at load; catalogue.test.ts kills these (docs/utveckling.md).
  code: "MATTER_CHANGE_UNREGISTERED",
  section: "§6.3",
  severity: "info",
  needsDecision: false,
  descriptionSv: "En ändring mot föregående utgåva har inget ärende i Ärenden som nämner koden.",
  // Stryker restore all
  check(ctx, report) {
    if (!ctx.model.arenden || ctx.changes.length === 0) return;
    const matters = readMatters(ctx.model);
    const told = new Set<string>();
    for (const change of ctx.changes) {
      const ref = change.kind === "removed" ? change.before : change.after;
      const code = valueOf(ref.row.iso)?.code;
      if (!code || told.has(`${ref.bilaga} ${code}`)) continue;
      if (matters.some((m) => matterNames(m, code))) continue;
      told.add(`${ref.bilaga} ${code}`);
      const bilaga = ctx.bilagor.find((t) => t.key === ref.bilaga);
      report(
        this,
        bilaga && change.kind !== "removed" ? { table: bilaga, row: ref.row.row, column: "iso" } : { table: table(ctx), row: null },
        says("MATTER_CHANGE_UNREGISTERED", "noMatter", { iso: code, bilaga: ref.bilaga }),
      );
    }
  },
};

/** An open matter older than MATTER_OPEN_DAYS. */
export const MATTER_OPEN_LONG: Rule = {
  // Stryker disable all: the rule's table, read at load; catalogue.test.ts kills these (docs/utveckling.md).
  code: "MATTER_OPEN_LONG",
  section: "§6.3",
  severity: "info",
  needsDecision: false,
  descriptionSv: `Ett ärende har varit öppet i mer än ${MATTER_OPEN_DAYS} dagar.`,
  // Stryker restore all
  check(ctx, report) {
    if (!ctx.model.arenden) return;
    const today = todayIso();
    for (const m of readMatters(ctx.model)) {
      if (!isOpen(m) || m.inkom === null) continue;
      const days = daysBetween(m.inkom, today);
      if (days <= MATTER_OPEN_DAYS) continue;
      report(this, { table: table(ctx), row: m.row, column: "inkom" }, says("MATTER_OPEN_LONG", "open", { matter: ref(m), days, inkom: m.inkom, status: m.status }));
    }
  },
};

/** Codes and housing forms in a matter that the lists do not know. */
export const MATTER_UNKNOWN: Rule = {
  // Stryker disable all: the rule's table, read at load; catalogue.test.ts kills these (docs/utveckling.md).
  code: "MATTER_UNKNOWN",
  section: "§6.3",
  severity: "warning",
  needsDecision: false,
  descriptionSv: "Ett ärende nämner en ISO-kod som inte kan läsas eller inte finns i ISO 9999-bladet, eller en boendeform som inte kan läsas.",
  // Stryker restore all
  check(ctx, report) {
    if (!ctx.model.arenden) return;
    const listed = new Set(ctx.bilagor.flatMap((t) => t.rows.flatMap((r) => (valueOf(r.iso) ? [valueOf(r.iso)!.code] : []))));
    for (const m of readMatters(ctx.model)) {
      const at = { table: table(ctx), row: m.row };
      for (const u of m.unreadable) {
        if (u.field === "iso") report(this, { ...at, column: "iso" }, says("MATTER_UNKNOWN", "notACode", { matter: ref(m), text: u.text }));
        if (u.field === "boendeform") report(this, { ...at, column: "boendeform" }, says("MATTER_UNKNOWN", "notAForm", { matter: ref(m), text: u.text }));
      }
      // A new product group is not yet in the lists; other codes should be in the classification.
      if (ctx.isoTitles && m.type !== "Ny produktgrupp") {
        for (const code of m.codes) {
          if (!ctx.isoTitles.has(code) && !listed.has(code)) report(this, { ...at, column: "iso" }, says("MATTER_UNKNOWN", "unknownCode", { matter: ref(m), iso: code }));
        }
      }
    }
  },
};

/** The register's checks, in the catalogue's order. */
// Stryker disable next-line all: a table read at load; catalogue.test.ts kills it (docs/utveckling.md).
export const MATTER_RULES: readonly Rule[] = [MATTER_INVALID, MATTER_STATUS_ORDER, MATTER_DECISION_MISSING, MATTER_CHANGE_UNREGISTERED, MATTER_OPEN_LONG, MATTER_UNKNOWN];
