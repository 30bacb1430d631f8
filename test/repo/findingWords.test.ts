import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { MATTER_STATUSES, MATTER_TYPES } from "../../src/core/matters";
import { STATUSES } from "../../src/core/values";

/*
 * Findings are worded in one place (src/core/validation/messages.ts). An audit of the rule files'
 * text (kept out of mutation testing, whose instrumented copies it would read).
 */

const RULES_DIR = path.resolve(__dirname, "../../src/core/validation/rules");

describe("the rule files", () => {
  it("keeps the rules free of message text: every string with words in a rule file is a rule's description or a domain value", () => {
    const domain = new Set<string>([...MATTER_TYPES, ...MATTER_STATUSES, ...STATUSES]);
    const offenders: string[] = [];
    for (const file of readdirSync(RULES_DIR).filter((f) => f.endsWith(".ts"))) {
      const source = readFileSync(path.join(RULES_DIR, file), "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .split("\n")
        .filter((line) => !/^\s*(\/\/|descriptionSv:)/.test(line))
        .join("\n");
      for (const m of source.matchAll(/`([^`]*)`|"([^"\n]*)"/g)) {
        const text = m[1] ?? m[2] ?? "";
        // Two words, or a word before a value in a template ("rad ${row.row}"), is a message in the making.
        const worded = /[A-Za-zÅÄÖåäö]+ [A-Za-zÅÄÖåäö]+/.test(text) || (m[1] !== undefined && /[A-Za-zÅÄÖåäö]{2,} \$\{/.test(text));
        if (worded && !domain.has(text)) offenders.push(`${file}: ${text.slice(0, 60)}`);
      }
    }
    expect(offenders).toEqual([]);
  });

});
