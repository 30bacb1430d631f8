/**
 * Unit tests of the Office.js adapter (src/excel/adapter.ts) against office-addin-mock.
 *
 * office-addin-mock gives Office.js load/sync semantics: a property reads as an error string until
 * it is loaded and `sync()` has run. Each fake worksheet, range and ClientResult below is an
 * OfficeMockObject; the fake `context.sync()` counts round trips and syncs every mock created so far.
 *
 * Where office-addin-mock cannot express Office.js, small hand-made pieces fill in (marked "Not
 * expressible"): `worksheets.load("items/name")` (it cannot load a path through an array),
 * `isNullObject` (set by sync without a load in Office.js; here loaded when the object is made) and
 * `getCellProperties` (a ClientResult whose `value` arrives at sync; here a mock loaded at creation).
 */
import { OfficeMockObject } from "office-addin-mock";
import { columnLetter } from "../../src/core/cells";
import { SHEET_SPECS } from "../../src/core/sheets";
import {
  CELLS_PER_SYNC,
  FLAG_FILL,
  FLAG_STATUS,
  ReadCancelled,
  addSheets,
  flagRows,
  readBilagorSheets,
  selectCell,
  toCells,
  unflagRows,
  watchBilagorSheets,
  type FlagRecord,
  type FlagTarget,
} from "../../src/excel/adapter";

// ---------------------------------------------------------------------------------------------
// Fake workbook
// ---------------------------------------------------------------------------------------------

/** A raw cell as Office.js reports it: `values` entry and `valueTypes` entry. */
interface RawCell {
  readonly value: unknown;
  readonly type: string;
}

const EMPTY_CELL: RawCell = { value: "", type: "Empty" };

interface SheetData {
  readonly name: string;
  readonly id?: string;
  /** Used range (0-based origin), or null for a sheet with no values. */
  readonly used: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number } | null;
  /** Cell at a 0-based row and column; empty when omitted. */
  readonly cell?: (row: number, column: number) => RawCell;
  /** Fill colour at a 0-based row and column, null for no fill. */
  readonly fill?: (row: number, column: number) => string | null;
}

type Plain = string | number | boolean | null | { error: string };

function rawCell(value: Plain): RawCell {
  if (value === null || value === "") return EMPTY_CELL;
  if (typeof value === "object") return { value: value.error, type: "Error" };
  if (typeof value === "number") return { value, type: "Double" };
  if (typeof value === "boolean") return { value, type: "Boolean" };
  return { value, type: "String" };
}

/** A sheet whose used range starts at `(rowIndex, columnIndex)` (0-based) and holds `grid`. */
function gridSheet(name: string, rowIndex: number, columnIndex: number, grid: Plain[][], extra: Partial<SheetData> = {}): SheetData {
  const columnCount = Math.max(0, ...grid.map((r) => r.length));
  return {
    name,
    used: grid.length === 0 ? null : { rowIndex, columnIndex, rowCount: grid.length, columnCount },
    cell: (r, c) => rawCell(grid[r - rowIndex]?.[c - columnIndex] ?? null),
    ...extra,
  };
}

const a1 = (row: number, column: number) => `${columnLetter(column + 1)}${row + 1}`;

/** One range the code asked for, with the mock it got. */
interface RangeRecord {
  readonly sheet: string;
  /** "Sheet!A1" or "Sheet!A1:C3" (kept here: the mock's own `address` reads only after a load). */
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly mock: OfficeMockObject;
  /** The `values` array the fake served; any other array in `mock.values` was written by the code. */
  readonly servedValues: unknown[][];
}

class FakeExcel {
  readonly context: OfficeMockObject;
  syncCount = 0;
  /** Every range handed out, in order. */
  readonly ranges: RangeRecord[] = [];
  /** Method calls with side effects: "activate S", "select S!B2", "clear S!A1", "add S", … */
  readonly log: string[] = [];
  /** Handlers registered on the worksheets' onChanged / onAdded / onDeleted. */
  readonly handlers: Array<{ event: string; handler: (e: { worksheetId: string }) => Promise<void> }> = [];
  private readonly mocks: OfficeMockObject[] = [];
  private readonly sheets: Array<{ data: SheetData; mock: OfficeMockObject }> = [];

  constructor(sheets: readonly SheetData[]) {
    for (const data of sheets) this.sheets.push({ data, mock: this.worksheet(data) });
    const fake = this;
    const items = this.sheets.map((s) => s.mock);
    const event = (name: string) => ({ add: (handler: never) => void fake.handlers.push({ event: name, handler }) });
    this.context = this.track(
      new OfficeMockObject({
        workbook: {
          worksheets: {
            items,
            // Not expressible: office-addin-mock's load("items/name") needs `items` to be a mock
            // object, but Office.js collections expose `items` as an array. Load the array itself,
            // then the named property on each item.
            load(this: OfficeMockObject, props: string | string[]) {
              for (const prop of typeof props === "string" ? props.split(",") : props) {
                const [head, ...rest] = prop.trim().split("/");
                OfficeMockObject.prototype.load.call(this, head!);
                if (head === "items" && rest.length > 0) for (const ws of items) ws.load(rest.join("/"));
              }
              return this;
            },
            getItem: (name: string) => fake.find(name)?.mock ?? fake.fail(`ItemNotFound: ${name}`),
            getItemOrNullObject: (nameOrId: string) => fake.find(nameOrId)?.mock ?? fake.nullObject(),
            add: (name: string) => {
              fake.log.push(`add ${name}`);
              const data: SheetData = { name, used: null };
              const mock = fake.worksheet(data);
              fake.sheets.push({ data, mock });
              return mock;
            },
            onChanged: event("onChanged"),
            onAdded: event("onAdded"),
            onDeleted: event("onDeleted"),
          },
        },
      }),
    );
    // The mock lets us replace sync: count round trips, then sync every mock handed out so far
    // (office-addin-mock only reaches objects in the root's property tree, not those returned by methods).
    this.context.sync = async () => {
      fake.syncCount++;
      for (const mock of [...fake.mocks]) await OfficeMockObject.prototype.sync.call(mock);
    };
  }

  get requestContext(): Excel.RequestContext {
    return this.context as unknown as Excel.RequestContext;
  }

  /** Ranges on a sheet that cover the 0-based cell. */
  rangesAt(sheet: string, row: number, column: number): RangeRecord[] {
    return this.ranges.filter(
      (r) => r.sheet === sheet && row >= r.rowIndex && row < r.rowIndex + r.rowCount && column >= r.columnIndex && column < r.columnIndex + r.columnCount,
    );
  }

  /** Ranges with exactly these 0-based indexes and size. */
  rangesExactly(sheet: string, rowIndex: number, columnIndex: number, rowCount: number, columnCount: number): RangeRecord[] {
    return this.ranges.filter(
      (r) => r.sheet === sheet && r.rowIndex === rowIndex && r.columnIndex === columnIndex && r.rowCount === rowCount && r.columnCount === columnCount,
    );
  }

  /** Formulas the code wrote (not merely loaded) into ranges of a sheet, with the range's address. */
  formulaWrites(sheet: string): Array<{ address: string; formulas: unknown }> {
    return this.ranges
      .filter((r) => r.sheet === sheet && Array.isArray(r.mock.formulas) && r.mock.formulas !== r.servedValues)
      .map((r) => ({ address: r.address, formulas: r.mock.formulas }));
  }

  /** Deletes a sheet, as the user would. */
  remove(name: string): void {
    const i = this.sheets.findIndex((s) => s.data.name === name);
    if (i >= 0) this.sheets.splice(i, 1);
  }

  /** Values the code wrote (not merely loaded) into ranges of a sheet, with the range's address. */
  valueWrites(sheet: string): Array<{ address: string; values: unknown }> {
    return this.ranges
      .filter((r) => r.sheet === sheet && Array.isArray(r.mock.values) && r.mock.values !== r.servedValues)
      .map((r) => ({ address: r.address, values: r.mock.values }));
  }

  private track<T extends OfficeMockObject>(mock: T): T {
    this.mocks.push(mock);
    return mock;
  }

  private fail(message: string): never {
    throw new Error(message);
  }

  private find(nameOrId: string) {
    const key = nameOrId.toLowerCase();
    return this.sheets.find((s) => s.data.name.toLowerCase() === key || s.data.id === nameOrId);
  }

  /** Not expressible: Office.js sets isNullObject at sync without a load; load it at creation instead. */
  private withNullFlag<T extends OfficeMockObject>(mock: T): T {
    mock.load("isNullObject");
    return this.track(mock);
  }

  private nullObject(): OfficeMockObject {
    return this.withNullFlag(new OfficeMockObject({ isNullObject: true, name: "" }));
  }

  private worksheet(data: SheetData): OfficeMockObject {
    const fake = this;
    return this.withNullFlag(
      new OfficeMockObject({
        name: data.name,
        id: data.id ?? `id-${data.name}`,
        isNullObject: false,
        getUsedRangeOrNullObject: () => {
          fake.log.push(`usedRange ${data.name}`);
          const u = data.used;
          return fake.withNullFlag(
            new OfficeMockObject(
              u ? { isNullObject: false, ...u } : { isNullObject: true, rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0 },
            ),
          );
        },
        getRangeByIndexes: (r: number, c: number, rows: number, columns: number) => fake.range(data, r, c, rows, columns),
        getCell: (r: number, c: number) => fake.range(data, r, c, 1, 1),
        getRange: (address: string) => {
          const m = /^([A-Z]+)(\d+)$/.exec(address);
          if (!m) throw new Error(`fake getRange supports single cells only: ${address}`);
          const column = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
          return fake.range(data, Number(m[2]) - 1, column, 1, 1);
        },
        activate: () => void fake.log.push(`activate ${data.name}`),
        freezePanes: { freezeRows: (n: number) => void fake.log.push(`freezeRows ${data.name} ${n}`) },
      }),
    );
  }

  private range(data: SheetData, rowIndex: number, columnIndex: number, rowCount: number, columnCount: number): OfficeMockObject {
    const fake = this;
    const cell = (i: number, j: number) => data.cell?.(rowIndex + i, columnIndex + j) ?? EMPTY_CELL;
    const grid = <T>(f: (i: number, j: number) => T): T[][] =>
      Array.from({ length: rowCount }, (_, i) => Array.from({ length: columnCount }, (_, j) => f(i, j)));
    const address = `${data.name}!${a1(rowIndex, columnIndex)}${rowCount * columnCount > 1 ? `:${a1(rowIndex + rowCount - 1, columnIndex + columnCount - 1)}` : ""}`;
    // Cells are materialised only for ranges of readable size, so huge write-only ranges stay cheap.
    const small = rowCount * columnCount <= 2 * CELLS_PER_SYNC;
    const servedValues = small ? grid((i, j) => cell(i, j).value) : [];
    const mock = this.track(
      new OfficeMockObject({
        address,
        rowIndex,
        columnIndex,
        rowCount,
        columnCount,
        values: servedValues,
        formulas: servedValues,
        valueTypes: small ? grid((i, j) => cell(i, j).type) : [],
        format: {
          fill: { clear: () => void fake.log.push(`clear ${address}`) },
          font: {},
          autofitColumns: () => void fake.log.push(`autofit ${address}`),
        },
        dataValidation: {},
        select: () => void fake.log.push(`select ${address}`),
        // Not expressible directly: getCellProperties returns a ClientResult whose `value` is
        // filled by sync; model it as a mock whose `value` is loaded at creation.
        getCellProperties: () => {
          const value = grid((i, j) => {
            const color = data.fill?.(rowIndex + i, columnIndex + j) ?? null;
            return { format: { fill: color === null ? { color: "#FFFFFF", pattern: "None", patternColor: "#000000" } : { color, pattern: "Solid", patternColor: "#000000" } } };
          });
          const result = new OfficeMockObject({ value });
          result.load("value");
          return fake.track(result);
        },
      }),
    );
    this.ranges.push({ sheet: data.name, address, rowIndex, columnIndex, rowCount, columnCount, mock, servedValues });
    return mock;
  }
}

const B1 = SHEET_SPECS.B1.name; // "Bilaga 1"
const B2 = SHEET_SPECS.B2.name; // "Bilaga 2"
const PRINCIPER = SHEET_SPECS.PRINCIPER.name; // "Principer"

// ---------------------------------------------------------------------------------------------
// toCells / readBilagorSheets
// ---------------------------------------------------------------------------------------------

describe("toCells", () => {
  it("maps Office.js values and valueTypes to core cells", () => {
    expect(
      toCells(
        [["a", 1, true, "#N/A", "", 0]],
        [["String", "Double", "Boolean", "Error", "Empty", "Double"]],
      ),
    ).toEqual([["a", 1, true, { error: "#N/A" }, null, 0]]);
  });
});

describe("readBilagorSheets", () => {
  it("reads only the known sheets, converting cells and placing them by the used range", async () => {
    const fake = new FakeExcel([
      // Used range C2:E4 → firstRow 2, firstColumn 3.
      gridSheet(B1, 1, 2, [
        ["ISO-kod", "Benämning", "Status"],
        ["12 22 03", { error: "#REF!" }, null],
        [122203, "", true],
      ]),
      gridSheet("Anteckningar", 0, 0, [["not a bilagor sheet"]]),
      gridSheet(B2, 0, 0, []), // known but empty: getUsedRangeOrNullObject gives a null object
      gridSheet(" principer ", 4, 0, [["Princip", "ISO-kod"]]), // case and spaces ignored
    ]);

    const progress: Array<[number, number]> = [];
    const book = await readBilagorSheets(fake.requestContext, (done, total) => progress.push([done, total]));

    expect(book.sheets).toEqual([
      {
        name: B1,
        firstRow: 2,
        firstColumn: 3,
        rows: [
          ["ISO-kod", "Benämning", "Status"],
          ["12 22 03", { error: "#REF!" }, null],
          [122203, null, true],
        ],
      },
      { name: B2, rows: [] },
      { name: " principer ", firstRow: 5, firstColumn: 1, rows: [["Princip", "ISO-kod"]] },
    ]);
    // The other sheet is never touched: no used range, no cells.
    expect(fake.log).toEqual([`usedRange ${B1}`, `usedRange ${B2}`, "usedRange  principer "]);
    expect(fake.ranges.map((r) => r.address)).toEqual([`${B1}!C2:E4`, " principer !A5:B5"]);
    // Sheet list, used ranges, then one chunk per non-empty sheet.
    expect(fake.syncCount).toBe(4);
    expect(progress).toEqual([
      [9, 11],
      [11, 11],
    ]);
  });

  it("reads a large sheet in chunks of about CELLS_PER_SYNC cells, with a bounded number of syncs", async () => {
    const columns = 10;
    const rowCount = 40_001; // 400 010 cells
    const fake = new FakeExcel([
      {
        name: B1,
        used: { rowIndex: 2, columnIndex: 1, rowCount, columnCount: columns },
        cell: (r, c) => ({ value: r * 100 + c, type: "Double" }),
      },
    ]);

    const progress: number[] = [];
    const book = await readBilagorSheets(fake.requestContext, (done) => progress.push(done));

    const rowsPerChunk = Math.floor(CELLS_PER_SYNC / columns);
    const expectedChunks = Math.ceil(rowCount / rowsPerChunk);
    expect(expectedChunks).toBe(3);
    const chunks = fake.ranges;
    expect(chunks).toHaveLength(expectedChunks);
    // 1 sync for the sheet list + 1 for the used ranges + 1 per chunk; never one per row.
    expect(fake.syncCount).toBe(2 + expectedChunks);

    // Chunks are contiguous, span all columns, and hold about CELLS_PER_SYNC cells each.
    let nextRow = 2;
    chunks.forEach((chunk, i) => {
      expect(chunk.rowIndex).toBe(nextRow);
      expect(chunk.columnIndex).toBe(1);
      expect(chunk.columnCount).toBe(columns);
      const cells = chunk.rowCount * chunk.columnCount;
      expect(cells).toBeLessThanOrEqual(CELLS_PER_SYNC);
      if (i < chunks.length - 1) expect(cells).toBeGreaterThan(CELLS_PER_SYNC - columns);
      nextRow += chunk.rowCount;
    });
    expect(nextRow).toBe(2 + rowCount);
    expect(chunks.map((c) => c.address)).toEqual([`${B1}!B3:K15002`, `${B1}!B15003:K30002`, `${B1}!B30003:K40003`]);

    const sheet = book.sheets[0]!;
    expect(sheet.firstRow).toBe(3);
    expect(sheet.firstColumn).toBe(2);
    expect(sheet.rows).toHaveLength(rowCount);
    // Excel row 20 000 (0-based row 19 999), column D (0-based 3) is rows[19 997][2].
    expect(sheet.rows[19_997]?.[2]).toBe(19_999 * 100 + 3);
    expect(sheet.rows[rowCount - 1]?.[columns - 1]).toBe((rowCount + 1) * 100 + columns);
    expect(progress).toEqual([150_000, 300_000, 400_010]);
  });

  it("stops between chunks when asked, with ReadCancelled", async () => {
    const fake = new FakeExcel([
      { name: B1, used: { rowIndex: 0, columnIndex: 0, rowCount: 40_000, columnCount: 10 }, cell: () => ({ value: 1, type: "Double" }) },
    ]);
    let chunksRead = 0;
    const run = readBilagorSheets(
      fake.requestContext,
      () => chunksRead++,
      () => chunksRead >= 1,
    );
    await expect(run).rejects.toBeInstanceOf(ReadCancelled);
    expect(fake.ranges).toHaveLength(1);
    expect(fake.syncCount).toBe(3);
  });
});

// ---------------------------------------------------------------------------------------------
// flagRows / unflagRows
// ---------------------------------------------------------------------------------------------

describe("flagRows", () => {
  /** Bilaga 1: row 5 has Status "Beslutad" in D and a red A5; row 9 has an empty Status and no fill. */
  const bilaga1 = (): SheetData => ({
    name: B1,
    used: { rowIndex: 0, columnIndex: 0, rowCount: 20, columnCount: 6 },
    cell: (r, c) => (r === 4 && c === 3 ? rawCell("Beslutad") : EMPTY_CELL),
    fill: (r, c) => (r === 4 && c === 0 ? "#FF0000" : r === 4 && c === 5 ? "#00FF00" : null),
  });
  const target = (sheet: string, row: number, statusColumn: number | null): FlagTarget => ({ sheet, row, statusColumn, firstColumn: 1, lastColumn: 6 });
  const solid = (color: string) => ({ color, pattern: "Solid", patternColor: "#000000" });

  it("records the original status and fills, then writes the flag status and fill", async () => {
    const fake = new FakeExcel([bilaga1(), { name: B2, used: null }]);
    const records = await flagRows(fake.requestContext, [target(B1, 5, 4), target(B1, 9, 4), target(B2, 3, null)]);

    expect(records).toEqual([
      { ...target(B1, 5, 4), originalStatus: "Beslutad", originalFills: [solid("#FF0000"), null, null, null, null, solid("#00FF00")] },
      { ...target(B1, 9, 4), originalStatus: "", originalFills: [null, null, null, null, null, null] },
      { ...target(B2, 3, null), originalStatus: null, originalFills: [null, null, null, null, null, null] },
    ]);
    expect(fake.syncCount).toBe(3);

    // Status written into D5 and D9 only; no Status cell touched on the sheet without one.
    expect(fake.valueWrites(B1)).toEqual([
      { address: `${B1}!D5`, values: [[FLAG_STATUS]] },
      { address: `${B1}!D9`, values: [[FLAG_STATUS]] },
    ]);
    expect(fake.valueWrites(B2)).toEqual([]);
    // Each row A:F gets the flag fill.
    for (const [sheet, row] of [[B1, 5], [B1, 9], [B2, 3]] as const) {
      const fills = fake.rangesExactly(sheet, row - 1, 0, 1, 6).map((r) => r.mock.format.fill.color);
      expect(fills).toContain(FLAG_FILL);
    }
    expect(fake.log.filter((l) => l.startsWith("clear"))).toEqual([]);
  });

  it("uses three syncs for any number of rows (sheets, read, write)", async () => {
    for (const n of [0, 1, 200]) {
      const fake = new FakeExcel([bilaga1()]);
      const targets = Array.from({ length: n }, (_, i) => target(B1, i + 2, 4));
      const records = await flagRows(fake.requestContext, targets);
      expect(records).toHaveLength(n);
      expect(fake.syncCount).toBe(3);
    }
  });

  it("leaves alone a row whose ISO code changed since validation, and a sheet that is gone", async () => {
    const fake = new FakeExcel([{ ...bilaga1(), cell: (r, c) => (r === 4 && c === 0 ? rawCell("12 22") : r === 8 && c === 0 ? rawCell("12 99") : EMPTY_CELL) }]);
    const records = await flagRows(fake.requestContext, [
      { ...target(B1, 5, 4), iso: "12 22", isoColumn: 1 },
      { ...target(B1, 9, 4), iso: "12 23", isoColumn: 1 },
      { ...target("Borttagen flik", 3, 4), iso: "12 24", isoColumn: 1 },
    ]);
    expect(records.map((r) => r.row)).toEqual([5]);
    expect(fake.valueWrites(B1)).toEqual([{ address: `${B1}!D5`, values: [[FLAG_STATUS]] }]);
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

  it("restores fills (clear where there was none) and the status only when it is still the flag", async () => {
    const current: Record<string, Plain> = {
      B5: FLAG_STATUS, // still flagged → restored
      B9: "Avslagen", // changed by the user since → left alone
      B12: FLAG_STATUS, // flagged, no original status → emptied
    };
    const fake = new FakeExcel([
      { name: B1, used: { rowIndex: 0, columnIndex: 0, rowCount: 20, columnCount: 3 }, cell: (r, c) => rawCell(current[a1(r, c)] ?? null) },
    ]);

    const restored = await unflagRows(fake.requestContext, [
      record(5, "Beslutad", ["#FF0000", null, "#00FF00"]),
      record(9, "Beslutad", [null, null, null]),
      record(12, null, [null, "#123456", null]),
      record(7, "Beslutad", ["#FF0000", null, null], "Borttagen flik"), // sheet deleted since
    ]);

    expect(restored).toBe(3);
    // Status is restored as a formula write, so a formula that was there comes back as a formula.
    expect(fake.formulaWrites(B1)).toEqual([
      { address: `${B1}!B5`, formulas: [["Beslutad"]] },
      { address: `${B1}!B12`, formulas: [[""]] },
    ]);
    expect(fake.valueWrites(B1)).toEqual([]);
    const colorAt = (address: string) =>
      fake.ranges.filter((r) => r.address === `${B1}!${address}` && typeof r.mock.format.fill.color === "string").map((r) => r.mock.format.fill.color);
    expect(colorAt("A5")).toEqual(["#FF0000"]);
    expect(colorAt("C5")).toEqual(["#00FF00"]);
    expect(colorAt("B12")).toEqual(["#123456"]);
    expect(fake.log.filter((l) => l.startsWith("clear")).sort()).toEqual(
      ["B5", "A9", "B9", "C9", "A12", "C12"].map((a) => `clear ${B1}!${a}`).sort(),
    );
    expect(fake.ranges.filter((r) => r.sheet !== B1)).toEqual([]);
  });

  it("uses a constant number of syncs, whatever the number of rows", async () => {
    const counts: number[] = [];
    for (const n of [1, 150]) {
      const fake = new FakeExcel([{ name: B1, used: null, cell: () => rawCell(FLAG_STATUS) }]);
      await unflagRows(
        fake.requestContext,
        Array.from({ length: n }, (_, i) => record(i + 2, "x", [null, null, null])),
      );
      counts.push(fake.syncCount);
    }
    expect(counts).toEqual([3, 3]);
  });
});

// ---------------------------------------------------------------------------------------------
// selectCell / addSheets / watchBilagorSheets
// ---------------------------------------------------------------------------------------------

describe("selectCell", () => {
  it("activates the sheet and selects the cell in one sync", async () => {
    const fake = new FakeExcel([{ name: B1, used: null }, { name: B2, used: null }]);
    await selectCell(fake.requestContext, B2, "C7");
    expect(fake.log).toEqual([`activate ${B2}`, `select ${B2}!C7`]);
    expect(fake.syncCount).toBe(1);
  });
});

describe("addSheets", () => {
  it("skips existing sheets (case-insensitive) and writes values, formats and validation for new ones", async () => {
    const fake = new FakeExcel([{ name: B1, used: null }, { name: PRINCIPER, used: null }]);
    const listRows = 50;

    const result = await addSheets(
      fake.requestContext,
      [
        { name: "bilaga 1 ", rows: [["should not be written"]], headerRow: 1 },
        {
          name: "Ändringslogg",
          rows: [
            ["Datum", "Ändring", "Status"],
            ["2024-01-01", null],
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
    expect(fake.log.filter((l) => l.startsWith("add"))).toEqual(["add Ändringslogg", "add Anteckningar"]);
    // The existing sheet is never touched.
    expect(fake.ranges.filter((r) => r.sheet === B1)).toEqual([]);

    const S = "Ändringslogg";
    // Values from A1, padded to the widest row, null → "".
    expect(fake.valueWrites(S)).toEqual([
      {
        address: `${S}!A1:C2`,
        values: [
          ["Datum", "Ändring", "Status"],
          ["2024-01-01", "", ""],
        ],
      },
    ]);
    // Text format on column A from the first data row, for listRows rows.
    expect(fake.rangesExactly(S, 1, 0, listRows, 1).map((r) => r.mock.numberFormat)).toEqual([[["@"]]]);
    // Drop-down list on column C from the first data row.
    expect(fake.rangesExactly(S, 1, 2, listRows, 1).map((r) => r.mock.dataValidation.rule)).toEqual([
      { list: { inCellDropDown: true, source: "Ny,Klar" } },
    ]);
    // Bold header, frozen header row, autofit.
    expect(fake.rangesExactly(S, 0, 0, 1, 3).map((r) => r.mock.format.font.bold)).toContain(true);
    expect(fake.log).toContain(`freezeRows ${S} 1`);
    expect(fake.log).toContain(`autofit ${S}!A1:C1`);

    // A sheet with no rows and no header: no values, no freeze, just autofit of A1.
    expect(fake.valueWrites("Anteckningar")).toEqual([]);
    expect(fake.log.filter((l) => l.includes("Anteckningar"))).toEqual(["add Anteckningar", "autofit Anteckningar!A1"]);
  });
});

describe("watchBilagorSheets", () => {
  const g = globalThis as unknown as { Excel?: unknown };
  afterEach(() => {
    delete g.Excel;
  });

  it("reports changes on bilagor sheets by name, deletions as null, and ignores other sheets", async () => {
    const fake = new FakeExcel([
      { name: B1, id: "s1", used: null },
      { name: "Anteckningar", id: "s2", used: null },
    ]);
    // The handler opens its own batch with the Office.js global Excel.run.
    g.Excel = new OfficeMockObject({ run: async (batch: (c: unknown) => Promise<unknown>) => batch(fake.context) });

    const seen: Array<string | null> = [];
    await watchBilagorSheets(fake.requestContext, (sheet) => seen.push(sheet));
    expect(fake.handlers.map((h) => h.event)).toEqual(["onChanged", "onAdded", "onDeleted"]);

    const onChanged = fake.handlers[0]!.handler;
    await onChanged({ worksheetId: "s1" });
    await onChanged({ worksheetId: "s2" });
    // Deleting an unrelated sheet is ignored; deleting a bilaga is reported as null.
    fake.remove("Anteckningar");
    await fake.handlers[2]!.handler({ worksheetId: "s2" });
    fake.remove(B1);
    await fake.handlers[2]!.handler({ worksheetId: "s1" });
    expect(seen).toEqual([B1, null]);
  });
});
