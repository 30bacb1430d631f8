/**
 * The Office.js stand-in is at least as strict as Excel: each test here is one leniency a looser
 * fake had (and office-addin-mock has), and fails if it comes back.
 */
import { PAYLOAD_LIMIT_BYTES, fakeOffice, fakeSheet, rejection, thrown } from "./officeFake";

const book = () =>
  fakeOffice({
    sheets: [
      fakeSheet(
        "Bilaga 1",
        [
          ["ISO-kod", "Giltig från"],
          ["12 22", 46032],
        ],
        { formats: { B2: "yyyy-mm-dd" } },
      ),
      fakeSheet("Anteckningar", [["x"]]),
    ],
  });

describe("the Office.js stand-in", () => {
  it("loads exactly the path asked for: items/name gives the name and not the id", async () => {
    const { fake } = book();
    const context = fake.newContext();
    const sheets = context.workbook.worksheets;
    expect(thrown(() => sheets.items)).toBe("PropertyNotLoaded");
    sheets.load("items/name");
    await context.sync();
    expect(sheets.items.map((w) => w.name)).toEqual(["Bilaga 1", "Anteckningar"]);
    expect(thrown(() => sheets.items[0]!.id)).toBe("PropertyNotLoaded");
    expect(thrown(() => sheets.items[0]!.visibility)).toBe("PropertyNotLoaded");

    const ws = context.workbook.worksheets.getItem("Bilaga 1");
    ws.load("id");
    await context.sync();
    expect(typeof ws.id).toBe("string");
    expect(thrown(() => ws.name)).toBe("PropertyNotLoaded");
  });

  it("throws PropertyNotLoaded for unloaded and unmodelled properties instead of answering undefined", async () => {
    const { fake } = book();
    const context = fake.newContext();
    const range = context.workbook.worksheets.getItem("Bilaga 1").getRange("A1:B2");
    range.load("values");
    await context.sync();
    expect(range.values).toEqual([
      ["ISO-kod", "Giltig från"],
      ["12 22", 46032],
    ]);
    expect(thrown(() => range.numberFormat)).toBe("PropertyNotLoaded");
    expect(thrown(() => range.valueTypes)).toBe("PropertyNotLoaded");
    expect(thrown(() => range.text)).toBe("PropertyNotLoaded");
    expect(thrown(() => range.format.fill.color)).toBe("PropertyNotLoaded");
    expect(thrown(() => (range as unknown as { nonsense: unknown }).nonsense)).toBe("PropertyNotLoaded");
    // Loading a property the stand-in does not model fails the sync rather than giving nothing.
    range.load("text");
    expect(await rejection(context.sync())).toBe("InvalidArgument");
  });

  it("reports a date as Excel keeps it: a serial number of type Double with a date format", async () => {
    const { fake } = book();
    const context = fake.newContext();
    const cell = context.workbook.worksheets.getItem("Bilaga 1").getRange("B2");
    cell.load(["values", "valueTypes", "numberFormat"]);
    await context.sync();
    expect([cell.values, cell.valueTypes, cell.numberFormat]).toEqual([[[46032]], [["Double"]], [["yyyy-mm-dd"]]]);
  });

  it("fails the sync when a null object is written to or acted on, and writes nothing", async () => {
    const { fake } = book();
    const context = fake.newContext();
    const missing = context.workbook.worksheets.getItemOrNullObject("Saknas");
    expect(thrown(() => missing.isNullObject)).toBe("PropertyNotLoaded");
    missing.load("name"); // loading on a null object is the documented pattern: allowed
    await context.sync();
    expect(missing.isNullObject).toBe(true);
    expect(thrown(() => missing.name)).toBe("PropertyNotLoaded");

    missing.getRange("A1").values = [["x"]];
    expect(await rejection(context.sync())).toBe("InvalidObjectPath");
    missing.activate();
    expect(await rejection(context.sync())).toBe("InvalidObjectPath");
    const used = missing.getUsedRangeOrNullObject(true);
    used.format.fill.color = "#FF0000";
    expect(await rejection(context.sync())).toBe("InvalidObjectPath");
    expect(fake.sheetNames()).toEqual(["Bilaga 1", "Anteckningar"]);
  });

  it("takes values only as a 2-D array of the range's size: a 1×1 array or a scalar is not spread", async () => {
    const { fake } = book();
    const context = fake.newContext();
    const ws = context.workbook.worksheets.getItem("Anteckningar");
    ws.getRange("C1:D2").values = [["x"]];
    expect(await rejection(context.sync())).toBe("InvalidArgument");
    ws.getRange("C1:D2").numberFormat = [["@"]];
    expect(await rejection(context.sync())).toBe("InvalidArgument");
    (ws.getRange("C1:D2") as unknown as { values: unknown }).values = "x";
    expect(await rejection(context.sync())).toBe("InvalidArgument");
    ws.getRange("C1:D2").values = [["x"], ["y"]];
    expect(await rejection(context.sync())).toBe("InvalidArgument");
    expect(fake.getValue("Anteckningar", "C1")).toBeNull();

    ws.getRange("C1:D2").values = [
      ["a", "b"],
      ["c", 1],
    ];
    await context.sync();
    expect(["C1", "D1", "C2", "D2"].map((a) => fake.getValue("Anteckningar", a))).toEqual(["a", "b", "c", 1]);
  });

  it("fails a batch whose response passes 5 MB, and delivers nothing of it", async () => {
    const { fake } = book();
    const context = fake.newContext();
    // Five million cells in one load, as a lenient fake allowed.
    const huge = context.workbook.worksheets.getItem("Bilaga 1").getRangeByIndexes(0, 0, 5_000, 1_000);
    huge.load("values");
    expect(await rejection(context.sync())).toBe("ResponsePayloadSizeLimitExceeded");
    expect(thrown(() => huge.values)).toBe("PropertyNotLoaded");

    // Long texts: few cells, many bytes.
    const long = "x".repeat(1_000);
    const texts = fakeOffice({ sheets: [fakeSheet("Bilaga 1", Array.from({ length: 6_000 }, () => [long]))] });
    const ctx = texts.fake.newContext();
    const column = ctx.workbook.worksheets.getItem("Bilaga 1").getRange("A1:A6000");
    const small = ctx.workbook.worksheets.getItem("Bilaga 1").getRange("A1");
    small.load("values");
    column.load("values");
    expect(6_000 * 1_000).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    expect(await rejection(ctx.sync())).toBe("ResponsePayloadSizeLimitExceeded");
    expect(thrown(() => small.values)).toBe("PropertyNotLoaded");
    const half = ctx.workbook.worksheets.getItem("Bilaga 1").getRange("A1:A3000");
    half.load("values");
    await ctx.sync();
    expect(half.values).toHaveLength(3_000);
  });

  it("fails a batch whose request passes 5 MB, and applies nothing of it", async () => {
    const { fake } = book();
    const context = fake.newContext();
    const ws = context.workbook.worksheets.getItem("Anteckningar");
    ws.getRange("B1").values = [["before the big write"]];
    ws.getRangeByIndexes(0, 2, 6_000, 1).values = Array.from({ length: 6_000 }, () => ["y".repeat(1_000)]);
    expect(await rejection(context.sync())).toBe("RequestPayloadSizeLimitExceeded");
    expect([fake.getValue("Anteckningar", "B1"), fake.getValue("Anteckningar", "C1")]).toEqual([null, null]);
  });

  it("delivers events after the change, never during it", async () => {
    const { fake } = book();
    const context = fake.newContext();
    const seen: string[] = [];
    context.workbook.worksheets.onChanged.add(async (e) => void seen.push(e.address));
    await context.sync();
    fake.setValue("Bilaga 1", "A3", "12 23");
    expect(seen).toEqual([]);
    const write = context.workbook.worksheets.getItem("Bilaga 1").getRange("A4");
    write.values = [["12 24"]];
    await context.sync();
    // The user's edit has been delivered by now; the batch's own change not yet.
    expect(seen).toEqual(["A3"]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toEqual(["A3", "A4"]);
  });
});
