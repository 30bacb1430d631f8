import { createHash } from "node:crypto";
import fc from "fast-check";
import { sha256Hex } from "../../src/core/hash";

describe("sha256Hex", () => {
  it("matches the standard test vectors", () => {
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });

  it("agrees with Node's crypto on any text, Swedish characters and line breaks included", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (text) => {
        expect(sha256Hex(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
      }),
    );
    const long = "Transportrullstol är boendets ansvar\n".repeat(500);
    expect(sha256Hex(long)).toBe(createHash("sha256").update(long, "utf8").digest("hex"));
  });
});

describe("sha256Hex on large input", () => {
  it("hashes 64 MB of text with Swedish and astral characters in constant memory, as node:crypto does", () => {
    const text = "Rullstol åäö 🦽 ".repeat(4_000_000);
    expect(text.charCodeAt(text.length - 1)).toBe(32); // V8 flattens the repeated text here, before measuring
    const heapBefore = process.memoryUsage().heapUsed;
    const hex = sha256Hex(text);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(16 * 1024 * 1024);
    expect(hex).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
  });

  it("pads correctly at every length around a block boundary, lone surrogates included", () => {
    for (let n = 50; n < 140; n++) {
      const text = "é".repeat(n % 3) + "x".repeat(n) + (n % 5 === 0 ? "\ud800" : "");
      expect(sha256Hex(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
    }
  });
});
