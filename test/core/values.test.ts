import { parsePayer } from "../../src/core/payer";
import { addMonths, notAYearSv, parseIsoDate, readAmount, readDate, readStatus, readYearText, readYesNo } from "../../src/core/values";
import { parseTolerance } from "../../src/core/utgava";

describe("payers", () => {
  it.each([
    ["Kommun", "Kommun"],
    ["k", "Kommun"],
    [" KOMMUN ", "Kommun"],
    ["Region", "Region"],
    ["R", "Region"],
    ["Region Stockholm", "Region"],
    ["Egenansvar", "Egenansvar"],
    ["E", "Egenansvar"],
    ["eget ansvar", "Egenansvar"],
  ])("reads %j as %s", (text, payer) => expect(parsePayer(text)).toBe(payer));

  it.each(["Landsting", "Delat", "K/R", "", "Kommunen"])("rejects %j", (text) => expect(parsePayer(text)).toBeNull());
});

describe("ja/nej", () => {
  it.each(["Ja", "j", "X", "true", "1", true, 1])("reads %j as yes", (v) => expect(readYesNo(v as never)).toBe(true));
  it.each(["Nej", "n", "false", "0", false, 0])("reads %j as no", (v) => expect(readYesNo(v as never)).toBe(false));
  it.each(["kanske", 2, "jaa"])("rejects %j", (v) => expect(readYesNo(v as never)).toBeNull());
});

describe("dates", () => {
  it("reads text, Date cells and Excel serials alike", () => {
    expect(readDate("2026-03-01")).toBe("2026-03-01");
    expect(readDate(new Date(Date.UTC(2026, 2, 1)))).toBe("2026-03-01");
    expect(readDate(46082)).toBe("2026-03-01");
  });

  it.each(["2026-02-30", "2026-13-01", "1/3/2026", "i mars", "20260301"])("rejects %j", (text) => expect(readDate(text)).toBeNull());

  it("validates calendar dates", () => {
    expect(parseIsoDate("2028-02-29")).toBe("2028-02-29");
    expect(parseIsoDate("2027-02-29")).toBeNull();
  });

  it.each([
    ["2026-11-30", 3, "2027-02-28"],
    ["2027-11-30", 3, "2028-02-29"],
    ["2026-01-31", 1, "2026-02-28"],
    ["2026-03-15", 3, "2026-06-15"],
    ["2026-10-31", 3, "2027-01-31"],
    ["2026-12-01", 3, "2027-03-01"],
  ])("adds calendar months: %s + %d = %s", (date, months, expected) => expect(addMonths(date, months)).toBe(expected));
});

describe("status, amounts and tolerance", () => {
  it("reads statuses with or without diacritics", () => {
    expect(readStatus("gällande")).toBe("Gällande");
    expect(readStatus("Krav huvudmannabeslut")).toBeNull();
    expect(readStatus("KRÄVER HUVUDMANNABESLUT")).toBe("Kräver huvudmannabeslut");
    expect(readStatus("utgar")).toBe("Utgår");
  });

  it.each([
    ["1 250 000", 1250000],
    ["-1 250 000 kr", -1250000],
    ["−300000", -300000],
    ["12,5", 12.5],
    ["-1250.5", -1250.5],
    [42, 42],
  ])("reads the amount %j", (text, value) => expect(readAmount(text as never)).toBe(value));

  it.each(["ca 1 mkr", "se bilaga", "1.250.000"])("leaves %j as text", (text) => expect(readAmount(text)).toBeNull());

  it("reads tolerance in SEK or percent", () => {
    expect(parseTolerance("1 %")).toEqual({ kind: "percent", value: 1 });
    expect(parseTolerance("0,5%")).toEqual({ kind: "percent", value: 0.5 });
    expect(parseTolerance("500 000")).toEqual({ kind: "sek", value: 500000 });
    expect(parseTolerance(250000)).toEqual({ kind: "sek", value: 250000 });
    expect(parseTolerance("lite")).toBeNull();
    expect(parseTolerance(-5)).toBeNull();
  });
});

describe("readYearText (the one year reader)", () => {
  it.each<[string, number | null]>([
    ["2026", 2026],
    [" 2025 ", 2025],
    ["1900", 1900],
    ["1899", null],
    ["26", null],
    ["20266", null],
    ["2026.0", null],
    ["tjugo", null],
    ["", null],
  ])("%j → %j", (text, year) => expect(readYearText(text)).toBe(year));

  it("words a refusal once, naming what and how", () => {
    expect(notAYearSv("--år", "26", 2026)).toBe("--år ”26” är inget år. Ange ett år från 1900, t.ex. 2026.");
  });
});
