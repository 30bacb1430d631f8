/*
 * fakeOffice.js – a stand-in for Microsoft's office.js in browser tests, where no Excel exists.
 *
 * A plain script (no modules, no build, no eval). Before it runs, the test page sets:
 *   window.__FAKE_WORKBOOK__ = { sheets: [{ name, cells: [[…], …], fills?: { A1: "#RRGGBB" }, formulas?: { A1: "=…" } }] }
 *     cells are row-major from A1: string | number | boolean | null | { error: "#N/A" }; a formula
 *     cell has its cached result in `cells` and its formula in `formulas` (the fake never calculates)
 *   window.__FAKE_HOST__ = "Excel" (default) or "Word"
 *
 * Only the subset of Office.js the add-in uses is here, with Office.js's batching: calls on client
 * objects are queued and run at context.sync(); loaded properties can be read only after that
 * sync (reading earlier throws PropertyNotLoaded, as Office.js does). window.__fakeExcel exposes
 * the workbook's state to the tests.
 */
(() => {
  "use strict";

  const HOST = window.__FAKE_HOST__ || "Excel";
  const input = window.__FAKE_WORKBOOK__ || { sheets: [] };

  // ------------------------------------------------------------------ errors and A1 addresses

  function officeError(code, message) {
    const error = new Error(message);
    error.name = "RichApi.Error";
    error.code = code;
    return error;
  }

  const notLoaded = (prop) =>
    officeError("PropertyNotLoaded", `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);

  /** 0-based column → letters (0 → A, 26 → AA). */
  function letters(col) {
    let s = "";
    for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  }

  const a1 = (row, col) => letters(col) + (row + 1);
  const key = (row, col) => `${row},${col}`;

  /** "B3" or "$A$1:C$4" (optionally "Sheet!…") → { row, col, rows, cols }, all 0-based. */
  function parseA1(address) {
    const local = String(address).split("!").pop().replace(/\$/g, "").toUpperCase();
    const [first, last = first] = local.split(":").map((part) => {
      const m = /^([A-Z]+)(\d+)$/.exec(part);
      if (!m) throw officeError("InvalidArgument", `Invalid address: ${address}`);
      let col = 0;
      for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
      return { row: Number(m[2]) - 1, col: col - 1 };
    });
    return { row: first.row, col: first.col, rows: last.row - first.row + 1, cols: last.col - first.col + 1 };
  }

  const isEmpty = (v) => v === null || v === undefined || v === "";

  // ------------------------------------------------------------------ the workbook itself

  const state = { sheets: [], activeSheet: null, selected: null, syncCount: 0, calculateCount: 0, nextId: 1, xmlParts: [] };
  const handlers = { changed: [], added: [], deleted: [] };
  const settings = {};
  const functions = {};
  const actions = {};

  function newSheet(name) {
    const id = `{${String(state.nextId++).padStart(8, "0")}-0001-0000-0000-000000000000}`;
    // Per cell, keyed "row,col": fill colour, fill pattern { pattern, patternColor } when not solid,
    // formula, number format, bold. Data-validation rules are kept per range.
    return { id, name, cells: [], fills: new Map(), patterns: new Map(), formulas: new Map(), cached: new Map(), formats: new Map(), bold: new Map(), validations: [], charts: [], frozenRows: 0 };
  }

  function cellOf(sheet, row, col) {
    const v = sheet.cells[row]?.[col];
    return isEmpty(v) ? null : v;
  }

  function setCellOf(sheet, row, col, value) {
    (sheet.cells[row] ??= [])[col] = isEmpty(value) ? null : value;
  }

  /**
   * A write from values or formulas. Text starting with "=" is a formula, as in Excel; its value
   * is the cached result when the cell held that same formula at the start, else empty. A leading
   * apostrophe keeps the rest as text, as when typed in Excel.
   */
  function writeCell(sheet, row, col, value) {
    const k = key(row, col);
    if (typeof value === "string" && value.startsWith("'")) {
      sheet.formulas.delete(k);
      setCellOf(sheet, row, col, value.slice(1));
    } else if (typeof value === "string" && value.startsWith("=")) {
      sheet.formulas.set(k, value);
      const cached = sheet.cached.get(k);
      setCellOf(sheet, row, col, cached && cached.formula === value ? cached.value : null);
    } else {
      sheet.formulas.delete(k);
      setCellOf(sheet, row, col, value);
    }
  }

  for (const spec of input.sheets || []) {
    const sheet = newSheet(spec.name);
    (spec.cells || []).forEach((row, i) => (row || []).forEach((v, j) => setCellOf(sheet, i, j, v)));
    for (const [address, color] of Object.entries(spec.fills || {})) {
      const p = parseA1(address);
      sheet.fills.set(key(p.row, p.col), String(color).toUpperCase());
    }
    for (const [address, formula] of Object.entries(spec.formulas || {})) {
      const p = parseA1(address);
      sheet.formulas.set(key(p.row, p.col), formula);
      sheet.cached.set(key(p.row, p.col), { formula, value: cellOf(sheet, p.row, p.col) });
    }
    state.sheets.push(sheet);
  }
  state.activeSheet = state.sheets[0] || null;

  /** By id, or by name ignoring case (as Excel does). */
  function findSheet(nameOrId) {
    const k = String(nameOrId).toLowerCase();
    return state.sheets.find((s) => s.id === nameOrId || s.name.toLowerCase() === k) || null;
  }

  function sheetOrThrow(name) {
    const s = findSheet(name);
    if (!s) throw new Error(`__fakeExcel: no sheet named ${name}`);
    return s;
  }

  /** Calls the event handlers later, as Excel does (never inside the sync that caused the event). */
  function fire(kind, args) {
    for (const handler of handlers[kind]) setTimeout(() => handler(args), 0);
  }

  const changedEvent = (sheet, address) => ({ worksheetId: sheet.id, address, type: "WorksheetChanged", source: "Local", changeType: "RangeEdited" });

  /** Bounding box of the non-empty cells (and of filled cells unless valuesOnly), or null. */
  function usedBox(sheet, valuesOnly) {
    let box = null;
    const take = (r, c) => {
      box = box ? { r0: Math.min(box.r0, r), c0: Math.min(box.c0, c), r1: Math.max(box.r1, r), c1: Math.max(box.c1, c) } : { r0: r, c0: c, r1: r, c1: c };
    };
    sheet.cells.forEach((row, r) => row && row.forEach((v, c) => !isEmpty(v) && take(r, c)));
    if (!valuesOnly) for (const k of sheet.fills.keys()) take(...k.split(",").map(Number));
    return box && { row: box.r0, col: box.c0, rows: box.r1 - box.r0 + 1, cols: box.c1 - box.c0 + 1 };
  }

  // ------------------------------------------------------------------ batching

  class RequestContext {
    constructor() {
      this._queue = [];
      this.workbook = new Workbook(this);
    }

    /** Runs the queued operations in order; the first failure rejects (earlier ones stay applied, as in Excel). */
    sync() {
      const queue = this._queue;
      this._queue = [];
      state.syncCount++;
      return new Promise((resolve, reject) =>
        setTimeout(() => {
          const changed = new Map(); // sheet → address written, for onChanged
          let failure = null;
          try {
            for (const op of queue) op(changed);
          } catch (e) {
            failure = e;
          }
          for (const [sheet, address] of changed) fire("changed", changedEvent(sheet, address));
          if (failure) reject(failure);
          else resolve();
        }, 0),
      );
    }
  }

  /**
   * A client object stands for something in the workbook. `resolver` finds its target when the
   * batch runs (and may throw ItemNotFound, or return null for a null object); the target is kept
   * for later batches. `_data` holds what load() fetched. `known` is a target found already
   * (a collection's items).
   */
  class ClientObject {
    constructor(context, resolver, known) {
      this._context = context;
      this._resolver = resolver;
      this._resolved = known !== undefined;
      this._target = known === undefined ? null : known;
      this._data = {};
      if (known === undefined) context._queue.push(() => this._resolve());
    }

    _resolve() {
      if (!this._resolved) {
        this._target = this._resolver();
        this._resolved = true;
      }
      return this._target;
    }

    /** Queues f(target, changed) for the next sync; nothing happens on a null object. */
    _queueOnTarget(f) {
      this._context._queue.push((changed) => {
        const t = this._resolve();
        if (t) f(t, changed);
      });
    }

    _loaded(name) {
      if (!(name in this._data)) throw notLoaded(name);
      return this._data[name];
    }

    get isNullObject() {
      if (!this._resolved) throw notLoaded("isNullObject");
      return this._target === null;
    }
  }

  /** load("a, b"), load(["a", "b"]) or load({ a: true }) → ["a", "b"]; nothing → null (all). */
  function propNames(props) {
    if (props === undefined || props === null) return null;
    if (typeof props === "string") return props.split(",").map((p) => p.trim());
    if (Array.isArray(props)) return props.slice();
    return Object.keys(props.select || props);
  }

  // ------------------------------------------------------------------ workbook and worksheets

  class Workbook {
    constructor(context) {
      this.worksheets = new WorksheetCollection(context);
      this.application = { calculate: () => context._queue.push(() => state.calculateCount++) };
      this.customXmlParts = new CustomXmlParts(context, null);
    }
  }

  /** A result read at the next sync (getCellProperties, getXml). */
  function clientResult(context, read) {
    let has = false;
    let value = null;
    context._queue.push(() => {
      value = read();
      has = true;
    });
    return {
      get value() {
        if (!has) throw notLoaded("value");
        return value;
      },
    };
  }

  /** workbook.customXmlParts (all parts) or getByNamespace(ns): items with id and getXml(); add(xml). */
  class CustomXmlParts {
    constructor(context, namespace) {
      this._context = context;
      this._namespace = namespace;
      this._items = null;
    }

    get items() {
      if (!this._items) throw notLoaded("items");
      return this._items;
    }

    load() {
      this._context._queue.push(() => {
        const parts = state.xmlParts.filter((p) => this._namespace === null || p.namespace === this._namespace);
        this._items = parts.map((part) => ({ id: part.id, namespaceUri: part.namespace, getXml: () => clientResult(this._context, () => part.xml) }));
      });
      return this;
    }

    getByNamespace(namespace) {
      return new CustomXmlParts(this._context, namespace);
    }

    add(xml) {
      this._context._queue.push(() => {
        const ns = /^\s*(?:<\?xml[^>]*\?>\s*)?<[^\s>]+[^>]*\sxmlns="([^"]*)"/.exec(xml);
        state.xmlParts.push({ id: `{xml-${state.nextId++}}`, namespace: ns ? ns[1] : "", xml });
      });
    }
  }

  /** An event source (worksheets.onChanged …): handlers are registered at the next sync. */
  function eventSource(context, kind) {
    return {
      add(handler) {
        context._queue.push(() => handlers[kind].push(handler));
        return { remove: () => (handlers[kind] = handlers[kind].filter((h) => h !== handler)) };
      },
    };
  }

  class WorksheetCollection {
    constructor(context) {
      this._context = context;
      this._items = null;
      this.onChanged = eventSource(context, "changed");
      this.onAdded = eventSource(context, "added");
      this.onDeleted = eventSource(context, "deleted");
    }

    get items() {
      if (!this._items) throw notLoaded("items");
      return this._items;
    }

    /** Any of load("items/name"), load("name"), load(): items come with name and id. */
    load() {
      this._context._queue.push(() => {
        this._items = state.sheets.map((sheet) => {
          const ws = new Worksheet(this._context, null, sheet);
          Object.assign(ws._data, { name: sheet.name, id: sheet.id });
          return ws;
        });
      });
      return this;
    }

    getItem(nameOrId) {
      return new Worksheet(this._context, () => {
        const s = findSheet(nameOrId);
        if (!s) throw officeError("ItemNotFound", `The requested resource doesn't exist. (worksheet ${nameOrId})`);
        return s;
      });
    }

    getItemOrNullObject(nameOrId) {
      return new Worksheet(this._context, () => findSheet(nameOrId));
    }

    add(name) {
      return new Worksheet(this._context, () => {
        const n = name === undefined ? `Sheet${state.sheets.length + 1}` : String(name);
        if (findSheet(n)) throw officeError("ItemAlreadyExists", `A worksheet named ${n} already exists.`);
        if (n.length === 0 || n.length > 31 || /[[\]:*?/\\]/.test(n)) throw officeError("InvalidArgument", `Invalid worksheet name: ${n}`);
        const sheet = newSheet(n);
        state.sheets.push(sheet);
        fire("added", { worksheetId: sheet.id, type: "WorksheetAdded", source: "Local" });
        return sheet;
      });
    }
  }

  class Worksheet extends ClientObject {
    constructor(context, resolver, known) {
      super(context, resolver, known);
      this.freezePanes = { freezeRows: (count) => this._queueOnTarget((sheet) => (sheet.frozenRows = count)) };
      // Charts are recorded (type, source range, how series run, title), not drawn.
      this.charts = {
        add: (type, source, seriesBy) => {
          const chart = { type, seriesBy, title: "", source: null };
          this._queueOnTarget((sheet) => {
            const box = source._resolve();
            chart.source = box ? localAddress(box) : null;
            sheet.charts.push(chart);
          });
          return {
            title: {
              set text(text) {
                chart.title = String(text);
              },
            },
            setPosition: () => undefined,
          };
        },
      };
    }

    get name() {
      return this._loaded("name");
    }

    get id() {
      return this._loaded("id");
    }

    load(props) {
      const names = (propNames(props) || ["name", "id"]).filter((n) => n === "name" || n === "id");
      this._queueOnTarget((sheet) => names.forEach((n) => (this._data[n] = sheet[n])));
      return this;
    }

    /** A range of this sheet; box(sheet) gives { row, col, rows, cols } (0-based) or null. */
    _range(box) {
      return new Range(this._context, () => {
        const sheet = this._resolve();
        const b = sheet && box(sheet);
        return b ? { sheet, ...b } : null;
      });
    }

    getUsedRangeOrNullObject(valuesOnly) {
      return this._range((sheet) => usedBox(sheet, !!valuesOnly));
    }

    getRangeByIndexes(row, col, rows, cols) {
      return this._range(() => ({ row, col, rows, cols }));
    }

    getRange(address) {
      return this._range(() => parseA1(address));
    }

    getCell(row, col) {
      return this.getRangeByIndexes(row, col, 1, 1);
    }

    activate() {
      this._queueOnTarget((sheet) => (state.activeSheet = sheet));
    }
  }

  // ------------------------------------------------------------------ ranges

  const quoteSheet = (name) => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);
  const localAddress = (t) => (t.rows === 1 && t.cols === 1 ? a1(t.row, t.col) : `${a1(t.row, t.col)}:${a1(t.row + t.rows - 1, t.col + t.cols - 1)}`);

  function valueType(v) {
    if (isEmpty(v)) return "Empty";
    if (typeof v === "object") return "Error";
    if (typeof v === "number") return "Double";
    return typeof v === "boolean" ? "Boolean" : "String";
  }

  /** A 2-D array over the range t, from f(row, col). */
  const grid = (t, f) => Array.from({ length: t.rows }, (_, i) => Array.from({ length: t.cols }, (_, j) => f(t.row + i, t.col + j)));

  /** The loadable range properties and how each is read from the workbook. */
  const RANGE_PROPS = {
    values: (t) => grid(t, (r, c) => {
      const v = cellOf(t.sheet, r, c);
      return v === null ? "" : typeof v === "object" ? v.error : v;
    }),
    /** The formula where there is one, else the value (as Excel's Range.formulas). */
    formulas: (t) => grid(t, (r, c) => {
      const f = t.sheet.formulas.get(key(r, c));
      if (f !== undefined) return f;
      const v = cellOf(t.sheet, r, c);
      return v === null ? "" : typeof v === "object" ? v.error : v;
    }),
    valueTypes: (t) => grid(t, (r, c) => valueType(cellOf(t.sheet, r, c))),
    rowIndex: (t) => t.row,
    columnIndex: (t) => t.col,
    rowCount: (t) => t.rows,
    columnCount: (t) => t.cols,
    address: (t) => `${quoteSheet(t.sheet.name)}!${localAddress(t)}`,
  };

  /**
   * Calls f(row, col, value) for each cell of t. `value` is a scalar or a 1×1 array (both applied
   * to every cell) or a 2-D array of the range's size; any other shape fails like Excel.
   */
  function eachCell(t, value, what, f) {
    const single = Array.isArray(value) && value.length === 1 && Array.isArray(value[0]) && value[0].length === 1;
    const matrix = Array.isArray(value) && !single;
    if (matrix && (value.length !== t.rows || value.some((row) => !Array.isArray(row) || row.length !== t.cols))) {
      throw officeError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range. (${what})`);
    }
    for (let i = 0; i < t.rows; i++) {
      for (let j = 0; j < t.cols; j++) f(t.row + i, t.col + j, matrix ? value[i][j] : single ? value[0][0] : value);
    }
  }

  function setPattern(sheet, k, change) {
    sheet.patterns.set(k, { pattern: "Solid", patternColor: "#000000", ...sheet.patterns.get(k), ...change });
  }

  /** A cell's fill as getCellProperties reports it: no fill is white with pattern None. */
  function fillOf(sheet, k) {
    const color = sheet.fills.get(k);
    const pattern = sheet.patterns.get(k);
    if (!color && !pattern) return { color: "#FFFFFF", pattern: "None", patternColor: "#000000" };
    return { color: color || "#FFFFFF", pattern: "Solid", patternColor: "#000000", ...pattern };
  }

  class Range extends ClientObject {
    constructor(context, resolver, known) {
      super(context, resolver, known);
      const on = (f) => this._queueOnTarget(f);
      this.format = {
        fill: {
          set color(color) {
            on((t) => eachCell(t, String(color).toUpperCase(), "fill", (r, c, v) => t.sheet.fills.set(key(r, c), v)));
          },
          set pattern(pattern) {
            on((t) => eachCell(t, pattern, "pattern", (r, c, v) => setPattern(t.sheet, key(r, c), { pattern: v })));
          },
          set patternColor(color) {
            on((t) => eachCell(t, String(color).toUpperCase(), "patternColor", (r, c, v) => setPattern(t.sheet, key(r, c), { patternColor: v })));
          },
          clear: () =>
            on((t) =>
              eachCell(t, null, "fill", (r, c) => {
                t.sheet.fills.delete(key(r, c));
                t.sheet.patterns.delete(key(r, c));
              }),
            ),
        },
        font: {
          set bold(bold) {
            on((t) => eachCell(t, !!bold, "bold", (r, c, v) => t.sheet.bold.set(key(r, c), v)));
          },
        },
        autofitColumns: () => on(() => undefined),
      };
      this.dataValidation = {
        set rule(rule) {
          on((t) => t.sheet.validations.push({ row: t.row, col: t.col, rows: t.rows, cols: t.cols, rule }));
        },
      };
    }

    get values() {
      return this._loaded("values");
    }

    /** Writes at the next sync; the client keeps the value it set (as Office.js does). */
    set values(values) {
      this._write("values", values);
    }

    get formulas() {
      return this._loaded("formulas");
    }

    set formulas(formulas) {
      this._write("formulas", formulas);
    }

    _write(what, values) {
      this._data[what] = values;
      this._queueOnTarget((t, changed) => {
        eachCell(t, values, what, (r, c, v) => writeCell(t.sheet, r, c, v));
        changed.set(t.sheet, localAddress(t));
      });
    }

    set numberFormat(formats) {
      this._queueOnTarget((t) => eachCell(t, formats, "numberFormat", (r, c, v) => t.sheet.formats.set(key(r, c), v)));
    }

    load(props) {
      const names = (propNames(props) || Object.keys(RANGE_PROPS)).filter((n) => n in RANGE_PROPS);
      this._queueOnTarget((t) => names.forEach((n) => (this._data[n] = RANGE_PROPS[n](t))));
      return this;
    }

    select() {
      this._queueOnTarget((t) => {
        state.activeSheet = t.sheet;
        state.selected = { sheet: t.sheet.name, address: localAddress(t) };
      });
    }

    /** Supports format.fill.{color, pattern, patternColor}: what the add-in asks for. */
    getCellProperties() {
      return clientResult(this._context, () => {
        const t = this._resolve();
        return t && grid(t, (r, c) => ({ format: { fill: fillOf(t.sheet, key(r, c)) } }));
      });
    }
  }
  for (const name of ["valueTypes", "rowIndex", "columnIndex", "rowCount", "columnCount", "address"]) {
    Object.defineProperty(Range.prototype, name, {
      get() {
        return this._loaded(name);
      },
    });
  }

  // ------------------------------------------------------------------ the globals

  window.Office = {
    HostType: { Excel: "Excel", Word: "Word" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    /** Resolves (and calls cb) asynchronously, like office.js once it has initialised. */
    onReady(cb) {
      const info = { host: HOST, platform: "OfficeOnline" };
      return new Promise((resolve) =>
        setTimeout(() => {
          if (cb) cb(info);
          resolve(info);
        }, 0),
      );
    },
    context: {
      document: {
        // Kept as JSON, as Office keeps document settings.
        settings: {
          get: (name) => (name in settings ? JSON.parse(settings[name]) : null),
          set: (name, value) => void (settings[name] = JSON.stringify(value)),
          remove: (name) => void delete settings[name],
          saveAsync: (cb) => setTimeout(() => cb && cb({ status: "succeeded", value: undefined }), 0),
        },
      },
    },
    addin: { showAsTaskpane: () => Promise.resolve() },
    actions: { associate: (name, fn) => void (actions[name] = fn) },
  };

  class CustomFunctionsError extends Error {
    constructor(code, message) {
      super(message);
      this.name = "CustomFunctions.Error";
      this.code = code;
    }
  }

  window.CustomFunctions = {
    associate(id, fn) {
      if (typeof id === "object") Object.assign(functions, id);
      else functions[id] = fn;
    },
    Error: CustomFunctionsError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  };

  // Only an Excel host gets the Excel namespace.
  if (HOST === "Excel") {
    window.Excel = {
      CalculationType: { full: "Full", recalculate: "Recalculate" },
      ChartType: { columnClustered: "ColumnClustered" },
      ChartSeriesBy: { columns: "Columns", rows: "Rows" },
      /** Runs the batch with a new context, then syncs whatever it left queued. */
      async run(batch) {
        const context = new RequestContext();
        const result = await batch(context);
        if (context._queue.length > 0) await context.sync();
        return result;
      },
    };
  }

  /** A cell for the test helpers: its sheet, 0-based row and column, and "row,col" key. */
  function at(sheet, address) {
    const s = sheetOrThrow(sheet);
    const { row, col } = parseA1(address);
    return { s, row, col, k: key(row, col) };
  }

  window.__fakeExcel = {
    get selected() {
      return state.selected;
    },
    get activeSheet() {
      return state.activeSheet ? state.activeSheet.name : null;
    },
    get syncCount() {
      return state.syncCount;
    },
    get calculateCount() {
      return state.calculateCount;
    },
    functions,
    actions,
    sheetNames: () => state.sheets.map((s) => s.name),
    /** The cell's value: null when empty, { error } for an error cell. */
    getValue(sheet, address) {
      const c = at(sheet, address);
      return cellOf(c.s, c.row, c.col);
    },
    /** The cell's fill colour ("#RRGGBB"), or null when it has none. */
    getFill(sheet, address) {
      const c = at(sheet, address);
      return c.s.fills.get(c.k) || null;
    },
    /** The cell's fill as getCellProperties reports it: { color, pattern, patternColor }. */
    getFillDetails(sheet, address) {
      const c = at(sheet, address);
      return fillOf(c.s, c.k);
    },
    /** The cell's formula ("=…"), or null when it holds a constant. */
    getFormula(sheet, address) {
      const c = at(sheet, address);
      return c.s.formulas.get(c.k) ?? null;
    },
    numberFormat(sheet, address) {
      const c = at(sheet, address);
      return c.s.formats.get(c.k) ?? null;
    },
    isBold(sheet, address) {
      const c = at(sheet, address);
      return c.s.bold.get(c.k) === true;
    },
    frozenRows: (sheet) => sheetOrThrow(sheet).frozenRows,
    /** Charts added to a sheet: { type, seriesBy, title, source }. */
    charts: (sheet) => sheetOrThrow(sheet).charts.map((c) => ({ ...c })),
    /** The last data-validation rule set on a range that covers the cell, or null. */
    dataValidation(sheet, address) {
      const { s, row, col } = at(sheet, address);
      const covering = s.validations.filter((v) => row >= v.row && row < v.row + v.rows && col >= v.col && col < v.col + v.cols);
      return covering.length > 0 ? covering[covering.length - 1].rule : null;
    },
    /** The custom XML parts' texts (editions the add-in stored). */
    customXmlParts: () => state.xmlParts.map((p) => p.xml),
    /** An edit by the user: sets the cell (text starting with "=" is a formula) and fires onChanged. */
    setValue(sheet, address, value) {
      const { s, row, col } = at(sheet, address);
      writeCell(s, row, col, value);
      fire("changed", changedEvent(s, a1(row, col)));
    },
  };
})();
