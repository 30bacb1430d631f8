import fc from "fast-check";
import { isLocalExtension, isoChain, isoParent, liesUnder, normalizeIso, parseIsoCode } from "../../src/core/iso";

describe("parseIsoCode", () => {
  it.each([
    ["12 22 03", "12 22 03", "division"],
    ["122203", "12 22 03", "division"],
    ["12.22.03", "12 22 03", "division"],
    ["12-22-03", "12 22 03", "division"],
    ["12 2203", "12 22 03", "division"],
    [" 12 22 ", "12 22", "subclass"],
    ["1222", "12 22", "subclass"],
    ["12", "12", "class"],
    ["22 21 90", "22 21 90", "division"],
    ["12\u00a022\u00a003", "12 22 03", "division"],
  ])("reads %j as %s (%s)", (input, code, level) => {
    expect(parseIsoCode(input)).toEqual({ ok: true, code, level, leadingZeroLost: false });
  });

  it.each([
    [93312, "09 33 12"],
    // Text with a lost leading zero (the number copied as text): read the same way, and flagged.
    ["93312", "09 33 12"],
    ["433", "04 33"],
    [433, "04 33"],
    [4, "04"],
    [122203, "12 22 03"],
  ])("pads the number %d to %s and flags a lost zero only when padding was needed", (input, code) => {
    const parsed = parseIsoCode(input);
    expect(parsed).toMatchObject({ ok: true, code, leadingZeroLost: String(input).length % 2 === 1 });
  });

  it.each(["", "   ", null, undefined])("reports %j as empty", (input) => {
    expect(parseIsoCode(input as never)).toMatchObject({ ok: false, reason: "empty" });
  });

  it.each(["12 22 03 04", "1 222 03", "12a22", "ISO 12 22", "12 22 3", "9 33 12", "12.22.03.", 12.5, -12, 1.5e9, true, { error: "#N/A" }])(
    "rejects %j as a format error",
    (input) => {
      expect(parseIsoCode(input as never)).toMatchObject({ ok: false, reason: "format" });
    },
  );

  it("never throws and always yields a normal form or a reason, for any input", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.date()), (input) => {
        const parsed = parseIsoCode(input as never);
        if (parsed.ok) expect(parsed.code).toMatch(/^\d{2}( \d{2}){0,2}$/);
        else expect(["empty", "format"]).toContain(parsed.reason);
      }),
    );
  });

  it("normalises every separator variant of a code to the same normal form", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 1, maxLength: 3 }), fc.constantFrom(" ", ".", "-", ""), (parts, sep) => {
        const pairs = parts.map((p) => String(p).padStart(2, "0"));
        expect(normalizeIso(pairs.join(sep))).toBe(pairs.join(" "));
      }),
    );
  });
});

describe("code hierarchy", () => {
  it("lists a code and its ancestors, most specific first", () => {
    expect(isoChain("12 22 03")).toEqual(["12 22 03", "12 22", "12"]);
    expect(isoChain("12")).toEqual(["12"]);
    expect(isoParent("12 22")).toBe("12");
    expect(isoParent("12")).toBeNull();
  });

  it("knows what lies under what, without prefix confusion", () => {
    expect(liesUnder("22 06 15", "22 06")).toBe(true);
    expect(liesUnder("22 06", "22 06")).toBe(true);
    expect(liesUnder("22 06", "22 06 15")).toBe(false);
    expect(liesUnder("12 22", "12 2")).toBe(false);
  });

  it("recognises local Swedish extension codes ending in 90", () => {
    expect(isLocalExtension("22 21 90")).toBe(true);
    expect(isLocalExtension("22 90")).toBe(true);
    expect(isLocalExtension("22 21 09")).toBe(false);
  });
});
