import { contradictedPrinciple } from "../principleChecks";
import type { Rule } from "../rule";
import { says } from "../messages";

export const PRINCIPLE_CHANGE: Rule = {
  // Stryker disable all: the rule's table, read at load; catalogue.test.ts kills these (docs/utveckling.md).
  code: "PRINCIPLE_CHANGE",
  section: "§6.3",
  severity: "error",
  needsDecision: true,
  descriptionSv: "En ändring gör att en rad strider mot en av överenskommelsens principer.",
  // Stryker restore all
  check(ctx, report) {
    if (!ctx.previous) return;
    for (const change of ctx.changes) {
      if (change.kind !== "payer") continue;
      const code = change.after.row.iso.state === "ok" ? change.after.row.iso.value.code : null;
      if (!code) continue;
      const now = contradictedPrinciple(ctx.principleIndex, change.after.bilaga, code, change.to);
      if (!now || contradictedPrinciple(ctx.principleIndex, change.before.bilaga, code, change.from)) continue;
      const table = ctx.bilagor.find((t) => t.name === change.after.sheet)!;
      report(
        this,
        { table, row: change.after.row.row, column: change.boendeform },
        says("PRINCIPLE_CHANGE", "contradicts", { form: change.boendeform, from: change.from, to: change.to, iso: code, principle: now.key }),
      );
    }
  },
};
