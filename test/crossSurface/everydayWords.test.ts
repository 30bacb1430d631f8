/**
 * The words people use (issue "In the users' words"): every everyday name of a housing form and a
 * code that lost its leading zero read alike by parseBoendeform/parseIsoCode, WHO_PAYS (the
 * functions' logic) and `vem-betalar --json`; a name that could mean two forms is refused with the
 * choices, never guessed.
 */
import { parseBoendeform } from "../../src/core/boendeform";
import { parseIsoCode } from "../../src/core/iso";
import { exampleWorkbook } from "../../src/core/example/exampleWorkbook";
import { datedLists } from "../../src/core/editions/inForce";
import { readWorkbook } from "../../src/core/model";
import { whoPaysValue } from "../../src/functions/logic";
import { cli } from "../helpers/cli";
import { EVERYDAY_CODES, EVERYDAY_NAMES as NAMES } from "../helpers/everydayWords";


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

  it.each(EVERYDAY_CODES)("reads the code %j as %s in the core, WHO_PAYS and vem-betalar", async (typed, code) => {
    const parsed = parseIsoCode(typed);
    expect(parsed.ok ? parsed.code : null).toBe(code);
    const json = JSON.parse((await cli("vem-betalar", typed, "SÄBO", "80", "--json")).out) as { iso: string | null; rule: string | null };
    const byCode = JSON.parse((await cli("vem-betalar", code, "SÄBO", "80", "--json")).out) as { iso: string | null; rule: string | null };
    expect([json.iso, json.rule]).toEqual([code, byCode.rule]);
    // The same value or error in WHO_PAYS (an error's message also says how the code was read).
    const { message: _typedMessage, ...asTyped } = whoPaysValue({ iso: typed, boendeform: "SABO", age: 80 }, lists) as { message?: string };
    const { message: _codeMessage, ...asCode } = whoPaysValue({ iso: code, boendeform: "SABO", age: 80 }, lists) as { message?: string };
    expect(asTyped).toEqual(asCode);
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
