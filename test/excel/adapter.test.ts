/**
 * Unit tests of the Office.js adapter (src/excel/adapter.ts) against the strict Office.js stand-in
 * (test/e2e/fakeOffice.js, the same one the browser tests serve as office.js). The adapter reads
 * only what it loaded; anything else throws there, as in Excel. Expectations are the workbook's
 * state after the batches, written by hand.
 */
import { SHEET_SPECS } from "../../src/core/sheets";
import {
  CELLS_PER_SYNC,
  FLAG_FILL,
  FLAG_STATUS,
  ReadCancelled,
  addSheets,
  flagRows,
  EDITION_PART_CHARS,
  editionParts,
  editionTexts,
  publishInWorkbook,
  readBilagorAndEditions,
  readBilagorSheets,
  selectCell,
  storeEdition,
  toCells,
  unflagRows,
  watchBilagorSheets,
  type FlagRecord,
  type FlagTarget,
} from "../../src/excel/adapter";
import type { FakeCell } from "../e2e/fakeWorkbook";
import { PAYLOAD_LIMIT_BYTES, fakeOffice, fakeSheet } from "./officeFake";

const B1 = SHEET_SPECS.B1.name; // "Bilaga 1"
const B2 = SHEET_SPECS.B2.name; // "Bilaga 2"
const PRINCIPER = SHEET_SPECS.PRINCIPER.name; // "Principer"

/** Rows of `width` empty cells, so that a grid can start below and right of A1. */
const blank = (rows: number, width = 0): FakeCell[][] => Array.from({ length: rows }, () => Array.from({ length: width }, () => null));
/** `grid` placed with its top-left cell at 0-based (row, col). */
const placed = (row: number, col: number, grid: FakeCell[][]): FakeCell[][] => [...blank(row), ...grid.map((r) => [...Array.from({ length: col }, () => null), ...r])];
/** Lets the fake deliver its events (they come after the sync that caused them, as in Excel). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

// ---------------------------------------------------------------------------------------------
// toCells / readBilagorSheets
// ---------------------------------------------------------------------------------------------

describe("toCells", () => {
  it("maps Office.js values and valueTypes to core cells", () => {
    expect(toCells([["a", 1, true, "#N/A", "", 0]], [["String", "Double", "Boolean", "Error", "Empty", "Double"]])).toEqual([["a", 1, true, { error: "#N/A" }, null, 0]]);
  });

  it("turns a number with a date format into a Date, as the CLI's reader does, and leaves other numbers alone", () => {
    expect(
      toCells(
        [[44727, 44727, 44727, 122203, 44727, "2022-06-15"]],
        [["Double", "Double", "Double", "Double", "Double", "String"]],
        [["yy-mm-dd", "m/d/yyyy", "[$-sv-SE]yyyy-mm-dd", "General", '0 "dagar"', "yyyy-mm-dd"]],
      ),
    ).toEqual([[new Date(Date.UTC(2022, 5, 15)), new Date(Date.UTC(2022, 5, 15)), new Date(Date.UTC(2022, 5, 15)), 122203, 44727, "2022-06-15"]]);
  });
});

describe("readBilagorSheets", () => {
  it("reads only the known sheets, converting cells and placing them by the used range", async () => {
    const { fake } = fakeOffice({
      sheets: [
        // Used range C2:E4 → firstRow 2, firstColumn 3.
        fakeSheet(
          B1,
          placed(1, 2, [
            ["ISO-kod", "Benämning", "Giltig från"],
            ["12 22 03", { error: "#REF!" }, 46032],
            [122203, "", true],
          ]),
          { formats: { E3: "yyyy-mm-dd" } },
        ),
        fakeSheet("Anteckningar", [["not a bilagor sheet"]]),
        fakeSheet(B2, []), // known but empty: getUsedRangeOrNullObject gives a null object
        fakeSheet(" principer ", placed(4, 0, [["Princip", "ISO-kod"]])), // case and spaces ignored
      ],
    });

    const progress: Array<[number, number]> = [];
    const book = await readBilagorSheets(fake.newContext(), (done, total) => progress.push([done, total]));

    expect(book.sheets).toEqual([
      {
        name: B1,
        firstRow: 2,
        firstColumn: 3,
        rows: [
          ["ISO-kod", "Benämning", "Giltig från"],
          ["12 22 03", { error: "#REF!" }, new Date(Date.UTC(2026, 0, 10))],
          [122203, null, true],
        ],
      },
      { name: B2, rows: [] },
      { name: " principer ", firstRow: 5, firstColumn: 1, rows: [["Princip", "ISO-kod"]] },
    ]);
    // The other sheet is never read; each bilaga in one load of values, types and formats.
    expect(fake.valueLoads.map((l) => [l.sheet, l.address, l.props])).toEqual([
      [B1, "C2:E4", ["values", "valueTypes", "numberFormat"]],
      [" principer ", "A5:B5", ["values", "valueTypes", "numberFormat"]],
    ]);
    // Sheet list, used ranges, then both sheets' cells in one batch.
    expect(fake.syncCount).toBe(3);
    expect(progress).toEqual([[11, 11]]);
  });

  it("reads a sheet larger than CELLS_PER_SYNC in chunks of whole rows, the later ones sized from the bytes a cell took", async () => {
    const columns = 10;
    const rowCount = 12_001; // 120 010 cells: a first chunk of 5 000 rows, then the rest (short cells: far under 3 MB)
    expect(CELLS_PER_SYNC).toBe(50_000);
    const grid = Array.from({ length: rowCount }, (_, i) => Array.from({ length: columns }, (_, j) => (i + 2) * 100 + (j + 1)));
    const { fake } = fakeOffice({ sheets: [fakeSheet(B1, placed(2, 1, grid))] });

    const progress: number[] = [];
    const book = await readBilagorSheets(fake.newContext(), (done) => progress.push(done));

    expect(fake.valueLoads.map((l) => l.address)).toEqual(["B3:K5002", "B5003:K12003"]);
    // 1 sync for the sheet list + 1 for the used ranges + 1 per chunk; never one per row.
    expect(fake.syncCount).toBe(4);
    expect(progress).toEqual([50_000, 120_010]);

    const sheet = book.sheets[0]!;
    expect([sheet.firstRow, sheet.firstColumn, sheet.rows.length]).toEqual([3, 2, rowCount]);
    // Excel row 8 000 (0-based 7 999), column D (0-based 3) is rows[7 997][2].
    expect(sheet.rows[7_997]?.[2]).toBe(7_999 * 100 + 3);
    expect(sheet.rows[rowCount - 1]?.[columns - 1]).toBe((rowCount + 1) * 100 + columns);
  });

  it("reads many small sheets in one batch, and the stored editions in the same round trips (3 in all)", async () => {
    const sheets = Object.values(SHEET_SPECS).map((spec, i) => fakeSheet(spec.name, Array.from({ length: 200 }, (_, r) => [`${spec.name} ${r}`, i, r])));
    const { fake } = fakeOffice({ sheets: [...sheets, fakeSheet("Anteckningar", [["inte en bilaga"]])] });
    await storeEdition(fake.newContext(), '{"name":"2026:1"}');
    await storeEdition(fake.newContext(), '{"name":"2026:2 <&>"}');
    const before = fake.syncCount;

    const read = await readBilagorAndEditions(fake.newContext());

    expect(fake.syncCount - before).toBe(3);
    expect(read.editions).toEqual(['{"name":"2026:1"}', '{"name":"2026:2 <&>"}']);
    expect(read.editionsError).toBeNull();
    expect(read.workbook.sheets.map((s) => [s.name, s.rows.length, s.rows[199]?.[0]])).toEqual(Object.values(SHEET_SPECS).map((spec) => [spec.name, 200, `${spec.name} 199`]));
    expect(new Set(fake.valueLoads.map((l) => l.sheet))).not.toContain("Anteckningar");
  });

  it("reads a chunk of long texts that passes the payload limit again in halves", async () => {
    const text = (i: number, j: number) => `${String(i).padStart(5, "0")}-${j} ${"x".repeat(150)}`;
    const grid = Array.from({ length: 4_000 }, (_, i) => Array.from({ length: 10 }, (_, j) => text(i, j)));
    // 40 000 cells (one chunk by count) of more than 150 bytes each: more than 5 MB in one response.
    expect(40_000 * 150).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    const { fake } = fakeOffice({ sheets: [fakeSheet(B1, grid)] });

    const book = await readBilagorSheets(fake.newContext());

    expect(fake.valueLoads.map((l) => l.address)).toEqual(["A1:J2000", "A2001:J4000"]);
    // List, used ranges, the refused chunk, then its two halves.
    expect(fake.syncCount).toBe(5);
    expect(book.sheets[0]!.rows).toHaveLength(4_000);
    expect(book.sheets[0]!.rows[3_999]![9]).toBe(text(3_999, 9));
  });

  it("stops between chunks when asked, with ReadCancelled", async () => {
    const { fake } = fakeOffice({ sheets: [fakeSheet(B1, Array.from({ length: 12_000 }, () => Array.from({ length: 10 }, () => 1)))] });
    let chunksRead = 0;
    const run = readBilagorSheets(
      fake.newContext(),
      () => chunksRead++,
      () => chunksRead >= 1,
    );
    await expect(run).rejects.toBeInstanceOf(ReadCancelled);
    expect(fake.valueLoads).toHaveLength(1);
    expect(fake.syncCount).toBe(3);
  });
});

// ---------------------------------------------------------------------------------------------
// publishInWorkbook: editions larger than one request
// ---------------------------------------------------------------------------------------------

describe("publishInWorkbook", () => {
  // Mostly plain text with an entity now and then (one in 40 characters), so parts split near entities.
  const bigJson = (chars: number) => JSON.stringify({ name: "2026:1", rows: `${"x".repeat(39)}&`.repeat(Math.ceil(chars / 40)).slice(0, chars) });
  /** Compares texts of megabytes without printing them when they differ. */
  const fingerprint = (texts: readonly string[]) => texts.map((t) => `${t.length}:${t.slice(0, 20)}…${t.slice(-20)}:${[...t].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7)}`);

  it("stores a small edition as one part with the change log in two round trips, and reads it back", async () => {
    const { fake } = fakeOffice({ sheets: [fakeSheet(B1, [["ISO-kod"]])] });
    await storeEdition(fake.newContext(), '{"name":"2025:1"}');
    const before = fake.syncCount;
    await publishInWorkbook(fake.newContext(), '{"name":"2026:1"}', { name: "Ändringslogg", headers: ["Utgåva", "Ändring"], rows: [["2026:1", "ny"]] });
    expect(fake.syncCount - before).toBe(2);
    expect(fake.customXmlParts()).toHaveLength(2);
    expect([fake.getValue("Ändringslogg", "A1"), fake.getValue("Ändringslogg", "A2"), fake.getValue("Ändringslogg", "B2")]).toEqual(["Utgåva", "2026:1", "ny"]);
    expect((await readBilagorAndEditions(fake.newContext())).editions).toEqual(['{"name":"2025:1"}', '{"name":"2026:1"}']);
  });

  it("stores a 13 MB edition in numbered parts over batches under the payload limit, and reads back exactly the same text", async () => {
    const json = bigJson(13_000_000);
    const { fake } = fakeOffice({ sheets: [fakeSheet(B1, [["ISO-kod"]])] });
    await publishInWorkbook(fake.newContext(), json, { name: "Ändringslogg", headers: ["Utgåva"], rows: [["2026:1"]] });
    const parts = fake.customXmlParts();
    // 13 MB of JSON, 14.3 MB escaped: 15 parts of at most 1 000 000 characters, three to a batch.
    expect(parts.length).toBe(15);
    expect(parts.every((p) => p.length < EDITION_PART_CHARS + 200)).toBe(true);
    // The parts there and the log's place, then five batches of parts (the log rows with the last).
    expect(fake.syncCount).toBe(1 + 5);
    expect(fake.wireBytes.request).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    expect(fake.getValue("Ändringslogg", "A2")).toBe("2026:1");
    expect(fingerprint((await readBilagorAndEditions(fake.newContext())).editions)).toEqual(fingerprint([json]));
  });

  it("reads a set with a part missing as a damaged edition (\"\"), next to whole ones, in any order", () => {
    const json = bigJson(2_500_000);
    const parts = editionParts(json, "x1");
    expect(parts).toHaveLength(3);
    const single = editionParts('{"name":"2025:1"}', "y")[0]!;
    expect(fingerprint(editionTexts([single, ...parts]))).toEqual(fingerprint(['{"name":"2025:1"}', json]));
    expect(fingerprint(editionTexts([parts[2]!, single, parts[0]!, parts[1]!]))).toEqual(fingerprint([json, '{"name":"2025:1"}']));
    expect(editionTexts([single, parts[0]!, parts[2]!])).toEqual(['{"name":"2025:1"}', ""]);
  });

  it("removes the parts it stored when a later batch fails, and writes no change log", async () => {
    const json = bigJson(8_000_000);
    const { fake } = fakeOffice({ sheets: [fakeSheet(B1, [["ISO-kod"]])] });
    const context = fake.newContext();
    let syncs = 0;
    const sync = context.sync.bind(context);
    // The second batch of parts is applied, but its answer never comes (a lost connection).
    context.sync = () => (++syncs === 3 ? sync().then(() => Promise.reject(Object.assign(new Error("lost"), { code: "GeneralException" }))) : sync());
    await storeEdition(fake.newContext(), '{"name":"2025:1"}');
    await expect(publishInWorkbook(context, json, { name: "Ändringslogg", headers: ["Utgåva"], rows: [["2026:1"]] })).rejects.toThrow("lost");
    // The earlier edition stays; every part of this one is gone again.
    expect(fake.customXmlParts().map((x) => x.length)).toEqual([editionParts('{"name":"2025:1"}', "")[0]!.length]);
    expect(fake.sheetNames()).toEqual([B1]);
  });
});

// ---------------------------------------------------------------------------------------------
// flagRows / unflagRows
// ---------------------------------------------------------------------------------------------

const ROW = ["A", "B", "C", "D", "E", "F"];

describe("flagRows", () => {
  /** Bilaga 1: row 5 has Status "Beslutad" in D, a red A5 and a green F5; row 9 an empty Status and no fill. */
  const bilaga1 = (iso: Record<number, string> = {}) =>
    fakeSheet(
      B1,
      Array.from({ length: 20 }, (_, r) => [iso[r + 1] ?? null, null, null, r === 4 ? "Beslutad" : null, null, null]),
      { fills: { A5: "#FF0000", F5: "#00FF00" } },
    );
  const target = (sheet: string, row: number, statusColumn: number | null): FlagTarget => ({ sheet, row, statusColumn, firstColumn: 1, lastColumn: 6 });
  const solid = (color: string) => ({ color, pattern: "Solid", patternColor: "#000000" });

  it("records the original status and fills, then writes the flag status and fill", async () => {
    const { fake } = fakeOffice({ sheets: [bilaga1(), fakeSheet(B2, [])] });
    const records = await flagRows(fake.newContext(), [target(B1, 5, 4), target(B1, 9, 4), target(B2, 3, null)]);

    expect(records).toEqual([
      { ...target(B1, 5, 4), originalStatus: "Beslutad", originalFills: [solid("#FF0000"), null, null, null, null, solid("#00FF00")] },
      { ...target(B1, 9, 4), originalStatus: "", originalFills: [null, null, null, null, null, null] },
      { ...target(B2, 3, null), originalStatus: null, originalFills: [null, null, null, null, null, null] },
    ]);
    expect(fake.syncCount).toBe(2);
    expect([fake.getValue(B1, "D5"), fake.getValue(B1, "D9"), fake.getValue(B1, "D10")]).toEqual([FLAG_STATUS, FLAG_STATUS, null]);
    expect(fake.getValue(B2, "D3")).toBeNull();
    for (const [sheet, row] of [[B1, 5], [B1, 9], [B2, 3]] as const) expect(ROW.map((c) => fake.getFill(sheet, `${c}${row}`))).toEqual(ROW.map(() => FLAG_FILL));
    expect(fake.getFill(B1, "A6")).toBeNull();
  });

  it("uses two syncs for any number of rows (sheets and reads, write)", async () => {
    for (const n of [0, 1, 200]) {
      const { fake } = fakeOffice({ sheets: [bilaga1()] });
      const records = await flagRows(fake.newContext(), Array.from({ length: n }, (_, i) => target(B1, i + 2, 4)));
      expect(records).toHaveLength(n);
      expect(fake.syncCount).toBe(2);
    }
  });

  it("leaves alone a row whose ISO code changed since validation, and a sheet that is gone", async () => {
    const { fake } = fakeOffice({ sheets: [bilaga1({ 5: "12 22", 9: "12 99" })] });
    const records = await flagRows(fake.newContext(), [
      { ...target(B1, 5, 4), iso: "12 22", isoColumn: 1 },
      { ...target(B1, 9, 4), iso: "12 23", isoColumn: 1 },
      { ...target("Borttagen flik", 3, 4), iso: "12 24", isoColumn: 1 },
    ]);
    expect(records.map((r) => r.row)).toEqual([5]);
    // The batch that looked the sheets up with the reads failed; the sheets were looked up first then.
    expect(fake.syncCount).toBe(4);
    expect([fake.getValue(B1, "D5"), fake.getValue(B1, "D9")]).toEqual([FLAG_STATUS, null]);
    expect(fake.getFill(B1, "B9")).toBeNull();
    expect(fake.sheetNames()).toEqual([B1]);
  });
});

describe("unflagRows", () => {
  const record = (row: number, originalStatus: FlagRecord["originalStatus"], originalFills: Array<string | null>, sheet = B1): FlagRecord => ({
    sheet,
    row,
    statusColumn: 2,
    firstColumn: 1,
    lastColumn: 3,
    originalStatus,
    originalFills: originalFills.map((color) => (color === null ? null : { color, pattern: "Solid", patternColor: null })),
  });
  const flaggedFills = (rows: number[]) => Object.fromEntries(rows.flatMap((r) => ["A", "B", "C"].map((c) => [`${c}${r}`, FLAG_FILL])));

  it("restores fills (clear where there was none) and the status only when it is still the flag", async () => {
    const cells = blank(20, 3);
    cells[4]![1] = FLAG_STATUS; // B5: still flagged → restored
    cells[8]![1] = "Avslagen"; // B9: changed by the user since → left alone
    cells[11]![1] = FLAG_STATUS; // B12: flagged, no original status → emptied
    cells[13]![1] = FLAG_STATUS; // B14: flagged over a formula → the formula comes back
    const { fake } = fakeOffice({ sheets: [fakeSheet(B1, cells, { fills: flaggedFills([5, 9, 12, 14]) })] });

    const restored = await unflagRows(fake.newContext(), [
      record(5, "Beslutad", ["#FF0000", null, "#00FF00"]),
      record(9, "Beslutad", [null, null, null]),
      record(12, null, [null, "#123456", null]),
      record(14, '=IF(TRUE,"Förslag","")', [null, null, null]),
      record(7, "Beslutad", ["#FF0000", null, null], "Borttagen flik"), // sheet deleted since
    ]);

    expect(restored).toBe(4);
    expect([fake.getValue(B1, "B5"), fake.getValue(B1, "B9"), fake.getValue(B1, "B12"), fake.getFormula(B1, "B14")]).toEqual(["Beslutad", "Avslagen", null, '=IF(TRUE,"Förslag","")']);
    const fills = (row: number) => ["A", "B", "C"].map((c) => fake.getFill(B1, `${c}${row}`));
    expect(fills(5)).toEqual(["#FF0000", null, "#00FF00"]);
    expect(fills(9)).toEqual([null, null, null]);
    expect(fills(12)).toEqual([null, "#123456", null]);
    // A deleted sheet: the joint batch failed, then sheets, reads and the write (4).
    expect(fake.syncCount).toBe(4);
  });

  it("uses a constant number of syncs, whatever the number of rows", async () => {
    const counts: number[] = [];
    for (const n of [1, 150]) {
      const { fake } = fakeOffice({ sheets: [fakeSheet(B1, Array.from({ length: n + 2 }, (_, r) => [null, r >= 1 ? FLAG_STATUS : null]))] });
      await unflagRows(
        fake.newContext(),
        Array.from({ length: n }, (_, i) => record(i + 2, "x", [null, null, null])),
      );
      expect(fake.getValue(B1, `B${n + 1}`)).toBe("x");
      counts.push(fake.syncCount);
    }
    expect(counts).toEqual([2, 2]);
  });
});

// ---------------------------------------------------------------------------------------------
// selectCell / addSheets / watchBilagorSheets
// ---------------------------------------------------------------------------------------------

describe("selectCell", () => {
  it("activates the sheet and selects the cell in one sync", async () => {
    const { fake } = fakeOffice({ sheets: [fakeSheet(B1, []), fakeSheet(B2, [])] });
    await selectCell(fake.newContext(), B2, "C7");
    expect([fake.activeSheet, fake.selected]).toEqual([B2, { sheet: B2, address: "C7" }]);
    expect(fake.syncCount).toBe(1);
  });
});

describe("addSheets", () => {
  it("skips existing sheets (case-insensitive) and writes values, formats and validation for new ones", async () => {
    const { fake } = fakeOffice({ sheets: [fakeSheet(B1, []), fakeSheet(PRINCIPER, [])] });
    const listRows = 50;

    const result = await addSheets(
      fake.newContext(),
      [
        { name: "bilaga 1 ", rows: [["should not be written"]], headerRow: 1 },
        {
          name: "Ändringslogg",
          rows: [
            ["Datum", "Ändring", "Status"],
            ["2024-01-01", null, 5],
          ],
          headerRow: 1,
          lists: [{ column: 3, values: ["Ny", "Klar"] }],
          textColumns: [1],
        },
        { name: "Anteckningar", rows: [], headerRow: null },
      ],
      listRows,
    );

    expect(result).toEqual({ added: ["Ändringslogg", "Anteckningar"], skipped: ["bilaga 1 "] });
    expect(fake.syncCount).toBe(2);
    expect(fake.sheetNames()).toEqual([B1, PRINCIPER, "Ändringslogg", "Anteckningar"]);
    expect(fake.getValue(B1, "A1")).toBeNull();

    const S = "Ändringslogg";
    expect(["A1", "B1", "C1", "A2", "B2", "C2"].map((a) => fake.getValue(S, a))).toEqual(["Datum", "Ändring", "Status", "2024-01-01", null, 5]);
    // Text cells as text; the Text format on column A from the first data row, for listRows rows.
    expect(["A1", "A2", "C2", "A51", "A52"].map((a) => fake.numberFormat(S, a))).toEqual(["@", "@", "General", "@", null]);
    // Drop-down list on column C from the first data row.
    expect(["C1", "C2", "C51", "C52"].map((a) => fake.dataValidation(S, a))).toEqual([null, { list: { inCellDropDown: true, source: "Ny,Klar" } }, { list: { inCellDropDown: true, source: "Ny,Klar" } }, null]);
    expect(["A1", "C1", "A2"].map((a) => fake.isBold(S, a))).toEqual([true, true, false]);
    expect(fake.frozenRows(S)).toBe(1);

    // A sheet with no rows and no header: nothing written, nothing frozen.
    expect([fake.getValue("Anteckningar", "A1"), fake.frozenRows("Anteckningar")]).toEqual([null, 0]);
  });
});

describe("watchBilagorSheets", () => {
  const g = globalThis as unknown as { Excel?: unknown };
  afterEach(() => {
    delete g.Excel;
  });

  it("reports changes on bilagor sheets by name, deletions as null, and ignores other sheets", async () => {
    const office = fakeOffice({ sheets: [fakeSheet(B1, [["ISO-kod"]]), fakeSheet("Anteckningar", [["x"]])] });
    const { fake } = office;
    // The handler opens its own batch with the Office.js global Excel.run.
    g.Excel = office.Excel;

    const seen: Array<string | null> = [];
    await watchBilagorSheets(fake.newContext(), (sheet) => seen.push(sheet));
    expect([fake.handlerCount("changed"), fake.handlerCount("added"), fake.handlerCount("deleted")]).toEqual([1, 1, 1]);

    fake.setValue(B1, "A2", "12 22");
    fake.setValue("Anteckningar", "A2", "y");
    await settle();
    // Deleting an unrelated sheet is ignored; deleting a bilaga is reported as null.
    fake.deleteSheet("Anteckningar");
    await settle();
    fake.deleteSheet(B1);
    await settle();
    expect(seen).toEqual([B1, null]);
  });
});
