import { coveringPrinciple } from "../../principlesInForce";
import { valueOf } from "../../values";
import { type Rule } from "../rule";

export const FORTROENDE: Rule = {
  code: "FORTROENDE",
  section: "§2.3.1",
  severity: "error",
  needsDecision: false,
  descriptionSv: "Förtroendeförskrivning tillåten där §2.3.1 inte medger den.",
  check(ctx, report) {
    for (const table of ctx.bilagor) {
      if (table.key === "B1") continue;
      for (const row of table.rows) {
        if (valueOf(row.fortroende) !== true) continue;
        const iso = valueOf(row.iso);
        if (table.key === "B2") {
          if (iso && coveringPrinciple(ctx.principleIndex, iso.code, (k) => k === "FORTROENDE_BILAGA2")) continue;
          report(
            this,
            { table, row: row.row, column: "fortroende" },
            `${iso?.code ?? "Raden"} får inte förtroendeförskrivas: i bilaga 2 gäller det bara teststickor för självtest, lansetter och pennkanyler vid diabetes (§2.3.1, principen FORTROENDE_BILAGA2).`,
          );
        } else {
          report(
            this,
            { table, row: row.row, column: "fortroende" },
            `Förtroendeförskrivning kan inte ske i ${table.name}: den gäller hjälpmedel i bilaga 1 och några förbrukningshjälpmedel i bilaga 2 (§2.3.1).`,
          );
        }
      }
    }
  },
};
