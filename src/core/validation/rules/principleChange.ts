import { PRINCIPLE_INFO } from "../../principles";
import { contradictedPrinciple } from "../principleChecks";
import type { Rule } from "../rule";
import { describeChange } from "./changeUndocumented";

export const PRINCIPLE_CHANGE: Rule = {
  code: "PRINCIPLE_CHANGE",
  section: "§6.3",
  severity: "error",
  needsDecision: true,
  descriptionSv: "En ändring gör att en rad strider mot en av överenskommelsens principer.",
  check(ctx, report) {
    if (!ctx.previous) return;
    for (const change of ctx.changes) {
      if (change.kind !== "payer") continue;
      const code = change.after.row.iso.state === "ok" ? change.after.row.iso.value.code : null;
      if (!code) continue;
      const now = contradictedPrinciple(ctx.principleIndex, change.after.bilaga, code, change.to);
      if (!now || contradictedPrinciple(ctx.principleIndex, change.before.bilaga, code, change.from)) continue;
      const table = ctx.bilagor.find((t) => t.name === change.after.sheet)!;
      const info = PRINCIPLE_INFO[now.key];
      report(
        this,
        { table, row: change.after.row.row, column: change.boendeform },
        `Ändringen (${describeChange(change)}) gör att ${code} strider mot principen ${now.key} (${info.areaSv}, ${info.section}). Samverkansgruppen kan inte besluta om större principiella ändringar; frågan går till huvudmännen (§6.3).`,
      );
    }
  },
};
