/*
 * A principle is worded once (PRINCIPLE_INFO.areaSv): the rule texts, the answers and the findings
 * about it all say what it covers in those words.
 */
import { RULE_SV } from "../../src/core/editions/guideText";
import { exampleWorkbook } from "../../src/core/example/exampleWorkbook";
import { readWorkbook } from "../../src/core/model";
import { PRINCIPLE_INFO, PRINCIPLE_KEYS } from "../../src/core/principles";
import { validateWorkbook } from "../../src/core/validation/validateWorkbook";
import { buildWhoPaysIndex, whoPays } from "../../src/core/whoPays";
import { listRow, workbook } from "../helpers/workbooks";

const area = (key: keyof typeof PRINCIPLE_INFO) => PRINCIPLE_INFO[key].areaSv.toLowerCase();

describe("a principle's words", () => {
  test("every answering principle's rule text says what it covers in the register's words", () => {
    const answering = PRINCIPLE_KEYS.filter((k) => k in RULE_SV);
    expect(answering).toEqual(["REGION_HORSEL", "REGION_SYN", "REGION_ORTOPEDTEKNIK", "REGION_KOSMETISK", "REGION_DIABETES_TEST", "SOCPSYK_KOMMUN"]);
    for (const key of answering) expect([key, RULE_SV[key as keyof typeof RULE_SV].toLowerCase()]).toEqual([key, expect.stringContaining(area(key))]);
  });

  test("the answers under a principle explain it in the same words", () => {
    const index = buildWhoPaysIndex(readWorkbook(exampleWorkbook()), "exempel");
    const hearing = whoPays({ iso: "22 06 15", boendeform: "SÄBO", age: 80 }, index);
    const lift = whoPays({ iso: "12 36 03", boendeform: "socialpsykiatri", age: 50 }, index);
    expect(hearing).toMatchObject({ ok: true, rule: "REGION_HORSEL" });
    expect(lift).toMatchObject({ ok: true, rule: "SOCPSYK_KOMMUN" });
    if (!hearing.ok || !lift.ok) throw new Error("unreachable");
    expect(hearing.explanation.toLowerCase()).toContain(area("REGION_HORSEL"));
    expect(lift.explanation.toLowerCase()).toContain(area("SOCPSYK_KOMMUN"));
  });

  test("the socialpsykiatri findings name the kommun's exceptions in the same words", () => {
    const findings = validateWorkbook(
      workbook({
        b1: [listRow("12 22", "x", ["Kommun", "Kommun", "Kommun", "Kommun"])],
        b4: [
          { "ISO-kod": "12 36", Benämning: "Lyftar", Kostnadsansvar: "Region", Grundutrustning: "Nej" },
          { "ISO-kod": "18 12 10", Benämning: "Sängar", Kostnadsansvar: "Kommun", Grundutrustning: "Nej" },
        ],
      }),
    ).filter((f) => f.code === "SOCPSYK_EXCEPTION");
    expect(findings.map((f) => f.cell)).toEqual(["C2", "C3"]);
    for (const f of findings) expect(f.message.toLowerCase()).toContain(area("SOCPSYK_KOMMUN"));
  });
});
