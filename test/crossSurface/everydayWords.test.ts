/**
 * The words people use (issue "In the users' words"): every everyday name of a housing form and a
 * code that lost its leading zero read alike by parseBoendeform/parseIsoCode, WHO_PAYS (the
 * functions' logic) and `vem-betalar --json`; a name that could mean two forms is refused with the
 * choices, never guessed.
 */
import { parseBoendeform } from "../../src/core/boendeform";
import { exampleWorkbook } from "../../src/core/example/exampleWorkbook";
import { datedLists } from "../../src/core/editions/inForce";
import { readWorkbook } from "../../src/core/model";
import { whoPaysValue } from "../../src/functions/logic";
import { cli } from "../helpers/cli";

const NAMES: ReadonlyArray<readonly [string, string]> = [
  ["äldreboende", "SABO"],
  ["vård- och omsorgsboende", "SABO"],
  ["VOBO", "SABO"],
  ["särskilt boende", "SABO"],
  ["servicehus", "SABO"],
  ["gruppbostad", "LSS_BOSTAD"],
  ["gruppboende", "LSS_BOSTAD"],
  ["servicebostad", "LSS_BOSTAD"],
  ["boende enligt LSS", "LSS_BOSTAD"],
  ["daglig verksamhet", "LSS_DV"],
  ["dagverksamhet", "SOL_DAGV"],
  ["sysselsättning", "SOL_DAGV"],
  ["bostad med särskild service för personer med psykisk funktionsnedsättning", "SOL_SOCPSYK"],
  ["socialpsykiatriskt boende", "SOL_SOCPSYK"],
  ["ordinärt boende", "ORDINART_BOENDE"],
  ["hemtjänst", "ORDINART_BOENDE"],
  ["korttidsvistelse", "KORTTID_LSS"],
  ["korttidsboende", "KORTTID_LSS"],
];

describe("housing forms and codes as people type them", () => {
  const lists = [datedLists(readWorkbook(exampleWorkbook()), null, null)];

  it.each(NAMES)("reads %j as %s in the core, WHO_PAYS and vem-betalar", async (name, key) => {
    const parsed = parseBoendeform(name);
    expect(parsed.kind === "inScope" ? parsed.key : parsed.kind === "outOfScope" ? parsed.form.key : null).toBe(key);
    const r = await cli("vem-betalar", "12 22 03", name, "80", "--json");
    const json = JSON.parse(r.out) as { rule: string | null; error?: { code: string } | null };
    const fn = whoPaysValue({ iso: "12 22 03", boendeform: name, age: 80 }, lists);
    if (parsed.kind === "outOfScope") {
      expect(json.rule).toBe("NOT_IN_SCOPE");
      expect(fn).toMatchObject({ ok: false, error: "NA" });
    } else {
      // The same answer as for the form's key, in the CLI and in WHO_PAYS.
      const byKey = JSON.parse((await cli("vem-betalar", "12 22 03", key, "80", "--json")).out) as { payer: string | null; rule: string | null };
      expect([json.rule, json.error ?? null]).toEqual([byKey.rule, null]);
      expect(fn).toEqual(whoPaysValue({ iso: "12 22 03", boendeform: key, age: 80 }, lists));
    }
  });

  it.each(["bostad med särskild service", "boende med särskild service", "daglig sysselsättning"])("refuses %j with the choices, never a guess", async (name) => {
    expect(parseBoendeform(name)).toMatchObject({ kind: "unknown", choices: expect.arrayContaining([expect.any(String), expect.any(String)]) });
    const r = await cli("vem-betalar", "12 22 03", name, "80", "--json");
    const json = (JSON.parse(r.out) as { error: { code: string; message: string } }).error;
    expect(json.code).toBe("BOENDEFORM_UNKNOWN");
    expect(json.message).toMatch(/kan betyda flera boendeformer: [A-Z_]+ \(.+\) eller [A-Z_]+ \(.+\)\. Ange vilken\./);
    const fn = whoPaysValue({ iso: "12 22 03", boendeform: name, age: 80 }, lists);
    expect(fn).toMatchObject({ ok: false, error: "VALUE" });
  });

  it("reads 93312 (text or number) as 09 33 12 everywhere, and says so", async () => {
    for (const iso of ["93312", 93312] as const) {
      const fn = whoPaysValue({ iso, boendeform: "SÄBO", age: 80 }, lists);
      const why = fn.ok ? fn.value : fn.message;
      expect(why).not.toMatch(/ISO_FORMAT/);
    }
    const r = JSON.parse((await cli("vem-betalar", "93312", "SÄBO", "80", "--json")).out) as { rule: string; explanation: string };
    expect(r.rule).not.toBeNull();
    expect(r.explanation).toMatch(/^Koden 93312 lästes som 09 33 12 \(den inledande nollan saknades\)\./);
  });
});
