import { BOENDEFORM_HELP_SV, BOENDEFORM_INFO, BOENDEFORM_KEYS_TEXT, BOENDEFORMER, OUT_OF_SCOPE, parseBoendeform } from "../../src/core/boendeform";

describe("parseBoendeform", () => {
  it.each(BOENDEFORMER.flatMap((key) => [key, BOENDEFORM_INFO[key].nameSv, ...BOENDEFORM_INFO[key].aliases].map((name) => [name, key] as const)))(
    "reads %j as %s",
    (name, key) => {
      expect(parseBoendeform(name)).toEqual({ kind: "inScope", key });
    },
  );

  it.each([
    ["säbo", "SABO"],
    ["SABO", "SABO"],
    ["  Särskilt   Boende ", "SABO"],
    ["sarskilt boende", "SABO"],
    ["lss-boende", "LSS_BOSTAD"],
    ["LSS_BOSTAD", "LSS_BOSTAD"],
    ["Gruppbostad", "LSS_BOSTAD"],
    ["servicebostad", "LSS_BOSTAD"],
    ["dv", "LSS_DV"],
    ["Daglig Verksamhet", "LSS_DV"],
    ["DAGVERKSAMHET", "SOL_DAGV"],
    ["socialpsykiatriskt boende", "SOL_SOCPSYK"],
    ["Socialpsykiatri", "SOL_SOCPSYK"],
    ["LSSbostad", "LSS_BOSTAD"],
    ["särskiltboende", "SABO"],
    ["Dagverksamhet enligt SoL, incl. sysselsättning 3 kap 6 § SoL (socialpsykiatri)", "SOL_DAGV"],
  ])("is case-, space- and diacritic-insensitive: %j → %s", (name, key) => {
    expect(parseBoendeform(name)).toEqual({ kind: "inScope", key });
  });

  it.each(["ordinärt boende", "eget boende", "hemmet", "korttidsvistelse", "Korttidsboende LSS"])("recognises %j as outside the agreement", (name) => {
    const parsed = parseBoendeform(name);
    expect(parsed.kind).toBe("outOfScope");
  });

  it("names the section for each out-of-scope form", () => {
    expect(OUT_OF_SCOPE.map((f) => f.section)).toEqual(["§1.1", "§3.2"]);
  });

  it.each(["", "sjukhus", "SÄBO2", "12", null])("rejects %j as unknown", (name) => {
    expect(parseBoendeform(name).kind).toBe("unknown");
  });
});

describe("the names messages and help suggest", () => {
  it("reads every name BOENDEFORM_KEYS_TEXT and the help list: 'socialpsykiatri (SoL)' was suggested but refused", () => {
    for (const key of BOENDEFORMER) expect([key, parseBoendeform(BOENDEFORM_INFO[key].typedSv)]).toEqual([key, { kind: "inScope", key }]);
    const named = BOENDEFORM_KEYS_TEXT.replace(/, eller nycklarna .*$/, "").split(/, | och /);
    expect(named).toHaveLength(BOENDEFORMER.length);
    for (const name of [...named, ...BOENDEFORM_HELP_SV.replace(/; nycklarna.*$/, "").split(", ")]) expect(parseBoendeform(name).kind).toBe("inScope");
  });
});
