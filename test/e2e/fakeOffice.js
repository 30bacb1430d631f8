/*
 * fakeOffice.js – one strict stand-in for Microsoft's office.js, for the browser tests (served in
 * place of office.js) and the adapter's unit tests in Node (`require`d: createFakeOffice).
 *
 * Written from the Office.js documentation and @types/office-js, and stricter than Excel, never
 * looser: where the real API would fail, this fails the same way; where it does not model
 * something, it fails too rather than answering `undefined`.
 *   - Batching: calls on client objects are queued and run at context.sync(); a loaded property is
 *     readable only after the sync, and only the properties asked for: `load("items/name")` loads
 *     `name` and nothing else. Reading any other property (unloaded, or not modelled here) throws
 *     PropertyNotLoaded; loading one this fake does not model fails the sync (InvalidArgument).
 *   - Null objects (`getItemOrNullObject`, `getUsedRangeOrNullObject`): `isNullObject` is readable
 *     after the sync; loading on one is allowed (and loads nothing); setting a property or calling
 *     a method on one fails the sync with InvalidObjectPath.
 *   - `values`, `formulas` and `numberFormat` take a 2-D array of exactly the range's size; any
 *     other shape (a 1×1 array for a larger range, a bare scalar) fails with InvalidArgument.
 *   - Excel on the web's 5 MB payload limit per sync: a batch whose writes or whose loaded data
 *     pass it fails (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded) and
 *     nothing of it is applied or delivered.
 *   - Events are delivered asynchronously, never inside the sync that caused them.
 *
 * Workbook JSON (window.__FAKE_WORKBOOK__ in the browser, the first argument in Node):
 *   { sheets: [{ name, cells: [[…], …], fills?: { A1: "#RRGGBB" }, formulas?: { A1: "=…" }, formats?: { A1: "yyyy-mm-dd" } }] }
 *   cells are row-major from A1: string | number | boolean | null | { error: "#N/A" }; a formula
 *   cell has its cached result in `cells` and its formula in `formulas` (the fake never calculates);
 *   a date is a serial number with a date format in `formats`, as Excel keeps it.
 * In the browser window.__FAKE_HOST__ = "Excel" (default) or "Word", and window.__fakeExcel
 * exposes the workbook's state to the tests; in Node createFakeOffice returns the same as `fake`.
 *
 * A plain script (no modules, no build, no eval).
 */
(function (root) {
  "use strict";

  /** Excel on the web: "payload size limit for requests and responses of 5 MB". */
  const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

  function officeError(code, message) {
    const error = new Error(message);
    error.name = "RichApi.Error";
    error.code = code;
    return error;
  }

  const notLoaded = (prop) =>
    officeError("PropertyNotLoaded", `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);

  const nullPath = (what) => officeError("InvalidObjectPath", `The object path '${what}' isn't working for what you're trying to do: the object is a null object.`);

  /** Names a property access may ask for without being an Office.js property (await, JSON, Jest's printer). */
  const NOT_PROPERTIES = new Set(["then", "toJSON", "constructor", "asymmetricMatch", "$$typeof", "nodeType", "tagName", "_isMockFunction", "inspect", "@@__IMMUTABLE_ITERABLE__@@", "@@__IMMUTABLE_RECORD__@@"]);

  /**
   * Wraps a client object so that reading a property it does not have throws PropertyNotLoaded
   * (Office.js has a getter for every property; this fake models only some) and setting one it
   * does not model throws instead of being silently kept.
   */
  function strict(object, kind) {
    return new Proxy(object, {
      get(target, prop, receiver) {
        if (typeof prop === "symbol" || prop in target) return Reflect.get(target, prop, receiver);
        if (NOT_PROPERTIES.has(prop)) return undefined;
        throw notLoaded(`${kind}.${prop}`);
      },
      set(target, prop, value, receiver) {
        if (typeof prop === "symbol" || prop in target) return Reflect.set(target, prop, value, receiver);
        throw new TypeError(`fakeOffice: setting ${kind}.${String(prop)} is not modelled`);
      },
    });
  }

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

  /** Bytes of a value as JSON on the wire (UTF-16 code units: close enough, and never less for ASCII). */
  const wireBytes = (value) => JSON.stringify(value === undefined ? null : value).length;

  /** "items/name, items/id" or ["items/name"] or { select: "…" } → ["name", "id"]; nothing → null (all). */
  function propNames(props) {
    if (props === undefined || props === null) return null;
    let list;
    if (typeof props === "string") list = props.split(",");
    else if (Array.isArray(props)) list = props.flatMap((p) => String(p).split(","));
    else if (typeof props.select === "string") list = props.select.split(",");
    else list = Object.keys(props);
    return list.map((p) => p.trim()).filter((p) => p !== "");
  }

  /** A collection's load: "items/name" and "name" both ask for the items' `name`; "items" alone for all. */
  function itemProps(props) {
    const names = propNames(props);
    if (names === null) return null;
    if (names.some((n) => n === "items" || n === "items/*" || n === "*")) return null;
    return names.map((n) => (n.startsWith("items/") ? n.slice("items/".length) : n));
  }

  function createFakeOffice(input, options) {
    const HOST = (options && options.host) || "Excel";
    const LIMIT = (options && options.payloadLimit) || PAYLOAD_LIMIT_BYTES;

    // ---------------------------------------------------------------- the workbook itself

    const state = { sheets: [], activeSheet: null, selected: null, syncCount: 0, requestBytes: 0, responseBytes: 0, calculateCount: 0, nextId: 1, xmlParts: [], loads: [] };
    const handlers = { changed: [], added: [], deleted: [] };
    const settings = {};
    const functions = {};
    const actions = {};

    function newSheet(name) {
      const id = `{${String(state.nextId++).padStart(8, "0")}-0001-0000-0000-000000000000}`;
      // Per cell, keyed "row,col": fill colour, fill pattern { pattern, patternColor } when not
      // solid, formula, number format, bold. Data-validation rules are kept per range.
      return { id, name, visibility: "Visible", cells: [], fills: new Map(), patterns: new Map(), formulas: new Map(), cached: new Map(), formats: new Map(), bold: new Map(), validations: [], charts: [], frozenRows: 0 };
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
     * is the cached result when the cell held that same formula at the start, else empty. A
     * leading apostrophe keeps the rest as text, as when typed in Excel.
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

    for (const spec of (input && input.sheets) || []) {
      const sheet = newSheet(spec.name);
      (spec.cells || []).forEach((row, i) => (row || []).forEach((v, j) => setCellOf(sheet, i, j, v)));
      for (const [address, color] of Object.entries(spec.fills || {})) {
        const p = parseA1(address);
        sheet.fills.set(key(p.row, p.col), String(color).toUpperCase());
      }
      for (const [address, format] of Object.entries(spec.formats || {})) {
        const p = parseA1(address);
        sheet.formats.set(key(p.row, p.col), String(format));
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
      if (!s) throw new Error(`fakeOffice: no sheet named ${name}`);
      return s;
    }

    /** Calls the event handlers later, as Excel does (never inside the sync that caused the event). */
    function fire(kind, args) {
      for (const handler of handlers[kind]) setTimeout(() => handler(args), 0);
    }

    const changedEvent = (sheet, address) => ({ worksheetId: sheet.id, address, type: "WorksheetChanged", source: "Local", changeType: "RangeEdited" });

    /** Bounding box of the non-empty cells (and of filled cells unless valuesOnly), or null. */
    function usedBox(sheet, valuesOnly) {
      let r0 = Infinity;
      let c0 = Infinity;
      let r1 = -1;
      let c1 = -1;
      const take = (r, c) => {
        if (r < r0) r0 = r;
        if (c < c0) c0 = c;
        if (r > r1) r1 = r;
        if (c > c1) c1 = c;
      };
      sheet.cells.forEach((row, r) => row && row.forEach((v, c) => !isEmpty(v) && take(r, c)));
      if (!valuesOnly) for (const k of sheet.fills.keys()) take(...k.split(",").map(Number));
      return r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
    }

    // ---------------------------------------------------------------- batching

    class RequestContext {
      constructor() {
        this._queue = [];
        this._requestBytes = 0;
        this.workbook = new Workbook(this);
        return strict(this, "RequestContext");
      }

      /** Queues an operation; `bytes` is what it adds to the request payload (written data). */
      _push(op, bytes) {
        this._queue.push(op);
        this._requestBytes += 200 + (bytes || 0);
      }

      /**
       * Runs the queued operations in order. A batch over the payload limit fails whole: nothing
       * applied (request) or nothing delivered (response). Any other failure rejects at the first
       * failing operation; the earlier ones stay applied, as in Excel.
       */
      sync() {
        const queue = this._queue;
        const requestBytes = this._requestBytes;
        this._queue = [];
        this._requestBytes = 0;
        state.syncCount++;
        state.requestBytes += requestBytes;
        return new Promise((resolve, reject) =>
          setTimeout(() => {
            if (requestBytes > LIMIT) {
              reject(officeError("RequestPayloadSizeLimitExceeded", `The request payload size has exceeded the limit (${requestBytes} bytes).`));
              return;
            }
            const batch = { changed: new Map(), deliveries: [], responseBytes: 0, loads: [] };
            let failure = null;
            try {
              for (const op of queue) op(batch);
              if (batch.responseBytes > LIMIT) throw officeError("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit (${batch.responseBytes} bytes).`);
            } catch (e) {
              failure = e;
            }
            const delivered = failure === null || failure.code !== "ResponsePayloadSizeLimitExceeded";
            state.responseBytes += batch.responseBytes;
            if (delivered) {
              for (const deliver of batch.deliveries) deliver();
              state.loads.push(...batch.loads);
            }
            for (const [sheet, address] of batch.changed) fire("changed", changedEvent(sheet, address));
            if (failure) reject(failure);
            else resolve();
          }, 0),
        );
      }
    }

    /** Loaded data: counted against the response limit, handed to the client object only if the batch succeeds. */
    function deliver(batch, object, name, compute, estimate) {
      if (estimate !== undefined && batch.responseBytes + estimate > LIMIT) {
        batch.responseBytes += estimate;
        throw officeError("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit (at least ${batch.responseBytes} bytes).`);
      }
      const value = compute();
      batch.responseBytes += wireBytes(value);
      batch.deliveries.push(() => (object._data[name] = value));
    }

    /**
     * A client object stands for something in the workbook. `resolver` finds its target when the
     * batch runs (and may throw ItemNotFound, or return null for a null object); the target is
     * kept for later batches. `_data` holds what load() fetched. `known` is a target found
     * already (a collection's items).
     */
    class ClientObject {
      constructor(context, resolver, known, kind) {
        this._context = context;
        this._resolver = resolver;
        this._resolved = known !== undefined;
        this._target = known === undefined ? null : known;
        this._data = {};
        this._kind = kind;
        if (known === undefined) context._push(() => this._resolve());
      }

      _resolve() {
        if (!this._resolved) {
          this._target = this._resolver();
          this._resolved = true;
        }
        return this._target;
      }

      /** Queues f(target, batch) for the next sync; on a null object the sync fails (InvalidObjectPath). */
      _queueOnTarget(f, what, bytes) {
        this._context._push((batch) => {
          const t = this._resolve();
          if (!t) throw nullPath(`${this._kind}.${what}`);
          f(t, batch);
        }, bytes);
      }

      _loaded(name) {
        if (!(name in this._data)) throw notLoaded(`${this._kind}.${name}`);
        return this._data[name];
      }

      get isNullObject() {
        if (!this._resolved) throw notLoaded("isNullObject");
        return this._target === null;
      }

      /** What goes over the wire for a loaded object (a collection's items): its loaded properties. */
      toJSON() {
        return this._data;
      }
    }

    /** Fails the sync for a property this fake does not model (Office would load it; a test must not rely on it). */
    function unknownProperty(kind, name) {
      return officeError("InvalidArgument", `fakeOffice: ${kind}.${name} cannot be loaded (not modelled)`);
    }

    // ---------------------------------------------------------------- workbook and worksheets

    class Workbook {
      constructor(context) {
        this.worksheets = new WorksheetCollection(context);
        this.application = strict({ calculate: () => context._push(() => state.calculateCount++) }, "Application");
        this.customXmlParts = new CustomXmlParts(context, null);
        return strict(this, "Workbook");
      }
    }

    /** A result read at the next sync (getCellProperties, getXml): `value` throws until then. */
    function clientResult(context, read) {
      const result = { _data: {} };
      context._push((batch) => deliver(batch, result, "value", read));
      return strict(
        {
          get value() {
            if (!("value" in result._data)) throw notLoaded("ClientResult.value");
            return result._data.value;
          },
        },
        "ClientResult",
      );
    }

    const XML_PART_PROPS = { id: (p) => p.id, namespaceUri: (p) => p.namespace };

    class CustomXmlPart {
      constructor(context, part) {
        this._context = context;
        this._part = part;
        this._data = {};
        return strict(this, "CustomXmlPart");
      }

      get id() {
        if (!("id" in this._data)) throw notLoaded("CustomXmlPart.id");
        return this._data.id;
      }

      get namespaceUri() {
        if (!("namespaceUri" in this._data)) throw notLoaded("CustomXmlPart.namespaceUri");
        return this._data.namespaceUri;
      }

      getXml() {
        return clientResult(this._context, () => this._part.xml);
      }

      /** Removes the part from the workbook (at the next sync). */
      delete() {
        this._context._push(() => {
          const i = state.xmlParts.indexOf(this._part);
          if (i < 0) throw officeError("ItemNotFound", "The requested resource doesn't exist. (custom XML part)");
          state.xmlParts.splice(i, 1);
        });
      }

      toJSON() {
        return this._data;
      }
    }

    /** workbook.customXmlParts (all parts) or getByNamespace(ns): items, each with id and getXml(); add(xml). */
    class CustomXmlParts {
      constructor(context, namespace) {
        this._context = context;
        this._namespace = namespace;
        this._data = {};
        return strict(this, "CustomXmlPartCollection");
      }

      get items() {
        if (!("items" in this._data)) throw notLoaded("CustomXmlPartCollection.items");
        return this._data.items;
      }

      load(props) {
        const names = itemProps(props) || Object.keys(XML_PART_PROPS);
        this._context._push((batch) => {
          const bad = names.find((n) => !(n in XML_PART_PROPS));
          if (bad) throw unknownProperty("CustomXmlPart", bad);
          const parts = state.xmlParts.filter((p) => this._namespace === null || p.namespace === this._namespace);
          deliver(batch, this, "items", () =>
            parts.map((part) => {
              const item = new CustomXmlPart(this._context, part);
              for (const n of names) item._data[n] = XML_PART_PROPS[n](part);
              return item;
            }),
          );
        });
        return this;
      }

      getByNamespace(namespace) {
        return new CustomXmlParts(this._context, namespace);
      }

      /** Adds a part (at the next sync) and returns it, as Excel does. */
      add(xml) {
        const ns = /^\s*(?:<\?xml[^>]*\?>\s*)?<[^\s>]+[^>]*\sxmlns="([^"]*)"/.exec(xml);
        const part = { id: `{xml-${state.nextId++}}`, namespace: ns ? ns[1] : "", xml };
        this._context._push(() => {
          state.xmlParts.push(part);
        }, wireBytes(xml));
        return new CustomXmlPart(this._context, part);
      }
    }

    /** An event source (worksheets.onChanged …): handlers are registered at the next sync. */
    function eventSource(context, kind) {
      return strict(
        {
          add(handler) {
            context._push(() => handlers[kind].push(handler));
            return { remove: () => (handlers[kind] = handlers[kind].filter((h) => h !== handler)) };
          },
        },
        "EventHandlers",
      );
    }

    /** The worksheet properties this fake can load, and how each is read. */
    const WORKSHEET_PROPS = {
      name: (s) => s.name,
      id: (s) => s.id,
      position: (s) => state.sheets.indexOf(s),
      visibility: (s) => s.visibility,
    };

    class WorksheetCollection {
      constructor(context) {
        this._context = context;
        this._data = {};
        this.onChanged = eventSource(context, "changed");
        this.onAdded = eventSource(context, "added");
        this.onDeleted = eventSource(context, "deleted");
        return strict(this, "WorksheetCollection");
      }

      get items() {
        if (!("items" in this._data)) throw notLoaded("WorksheetCollection.items");
        return this._data.items;
      }

      /** load("items/name") gives items with `name` only; load() or load("items") with every property. */
      load(props) {
        const names = itemProps(props) || Object.keys(WORKSHEET_PROPS);
        this._context._push((batch) => {
          const bad = names.find((n) => !(n in WORKSHEET_PROPS));
          if (bad) throw unknownProperty("Worksheet", bad);
          deliver(batch, this, "items", () =>
            state.sheets.map((sheet) => {
              const ws = new Worksheet(this._context, null, sheet);
              for (const n of names) ws._data[n] = WORKSHEET_PROPS[n](sheet);
              return ws;
            }),
          );
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
        super(context, resolver, known, "Worksheet");
        const self = this;
        this.freezePanes = strict({ freezeRows: (count) => this._queueOnTarget((sheet) => (sheet.frozenRows = count), "freezePanes.freezeRows") }, "WorksheetFreezePanes");
        // A title whose text is only set here: reading it without load() fails as in Excel.
        const writeOnlyText = (type, set) =>
          strict(
            {
              get text() {
                throw notLoaded(`${type}.text`);
              },
              set text(text) {
                set(String(text));
              },
            },
            type,
          );
        // Charts are recorded (type, source range, how series run, title), not drawn.
        this.charts = strict(
          {
            add: (type, source, seriesBy) => {
              const chart = { type, seriesBy, title: "", valueAxisTitle: "", source: null };
              self._queueOnTarget((sheet) => {
                const box = source._resolve();
                if (!box) throw nullPath("Chart.source");
                chart.source = localAddress(box);
                sheet.charts.push(chart);
              }, "charts.add");
              return strict(
                {
                  title: writeOnlyText("ChartTitle", (text) => (chart.title = text)),
                  // ExcelApi 1.1: chart.axes.valueAxis.title.text
                  axes: strict(
                    {
                      valueAxis: strict(
                        {
                          title: writeOnlyText("ChartAxisTitle", (text) => (chart.valueAxisTitle = text)),
                        },
                        "ChartAxis",
                      ),
                    },
                    "ChartAxes",
                  ),
                  setPosition: () => undefined,
                },
                "Chart",
              );
            },
          },
          "ChartCollection",
        );
        return strict(this, "Worksheet");
      }

      get name() {
        return this._loaded("name");
      }

      get id() {
        return this._loaded("id");
      }

      get position() {
        return this._loaded("position");
      }

      get visibility() {
        return this._loaded("visibility");
      }

      /** Loads exactly the properties named; on a null object nothing (isNullObject says so). */
      load(props) {
        const names = propNames(props) || Object.keys(WORKSHEET_PROPS);
        this._context._push((batch) => {
          const bad = names.find((n) => !(n in WORKSHEET_PROPS));
          if (bad) throw unknownProperty("Worksheet", bad);
          const sheet = this._resolve();
          if (sheet) for (const n of names) deliver(batch, this, n, () => WORKSHEET_PROPS[n](sheet));
        });
        return this;
      }

      /** A range of this sheet; box(sheet) gives { row, col, rows, cols } (0-based) or null (a null object). */
      _range(box, orNull) {
        return new Range(this._context, () => {
          const sheet = this._resolve();
          if (!sheet) {
            if (orNull) return null;
            throw nullPath("Worksheet.getRange");
          }
          const b = box(sheet);
          return b ? { sheet, ...b } : null;
        });
      }

      getUsedRangeOrNullObject(valuesOnly) {
        return this._range((sheet) => usedBox(sheet, !!valuesOnly), true);
      }

      getRangeByIndexes(row, col, rows, cols) {
        return this._range(() => ({ row, col, rows, cols }), false);
      }

      getRange(address) {
        return this._range(() => parseA1(address), false);
      }

      getCell(row, col) {
        return this.getRangeByIndexes(row, col, 1, 1);
      }

      activate() {
        this._queueOnTarget((sheet) => (state.activeSheet = sheet), "activate");
      }
    }

    // ---------------------------------------------------------------- ranges

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
    const valueOf = (t, r, c) => {
      const v = cellOf(t.sheet, r, c);
      return v === null ? "" : typeof v === "object" ? v.error : v;
    };

    /** The loadable range properties; `perCell` ones are 2-D (their least size on the wire is 3 bytes a cell). */
    const RANGE_PROPS = {
      values: { perCell: true, read: (t) => grid(t, (r, c) => valueOf(t, r, c)) },
      /** The formula where there is one, else the value (as Excel's Range.formulas). */
      formulas: { perCell: true, read: (t) => grid(t, (r, c) => t.sheet.formulas.get(key(r, c)) ?? valueOf(t, r, c)) },
      valueTypes: { perCell: true, read: (t) => grid(t, (r, c) => valueType(cellOf(t.sheet, r, c))) },
      numberFormat: { perCell: true, read: (t) => grid(t, (r, c) => t.sheet.formats.get(key(r, c)) ?? "General") },
      rowIndex: { read: (t) => t.row },
      columnIndex: { read: (t) => t.col },
      rowCount: { read: (t) => t.rows },
      columnCount: { read: (t) => t.cols },
      cellCount: { read: (t) => t.rows * t.cols },
      address: { read: (t) => `${quoteSheet(t.sheet.name)}!${localAddress(t)}` },
    };

    /** Calls f(row, col, value) for each cell of t from a 2-D array of exactly t's size; any other shape fails like Excel. */
    function eachCell(t, value, what, f) {
      const fits = Array.isArray(value) && value.length === t.rows && value.every((row) => Array.isArray(row) && row.length === t.cols);
      if (!fits) throw officeError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range. (${what} of ${localAddress(t)})`);
      for (let i = 0; i < t.rows; i++) for (let j = 0; j < t.cols; j++) f(t.row + i, t.col + j, value[i][j]);
    }

    /** Calls f(row, col) for each cell of t (a format property: one value for the whole range). */
    function everyCell(t, f) {
      for (let i = 0; i < t.rows; i++) for (let j = 0; j < t.cols; j++) f(t.row + i, t.col + j);
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

    const writeOnly = (kind, names) => Object.fromEntries(names.map((n) => [n, { get: () => { throw notLoaded(`${kind}.${n}`); } }]));

    class Range extends ClientObject {
      constructor(context, resolver, known) {
        super(context, resolver, known, "Range");
        const on = (f, what) => this._queueOnTarget(f, what);
        const fill = {
          set color(color) {
            on((t) => everyCell(t, (r, c) => t.sheet.fills.set(key(r, c), String(color).toUpperCase())), "format.fill.color");
          },
          set pattern(pattern) {
            on((t) => everyCell(t, (r, c) => setPattern(t.sheet, key(r, c), { pattern })), "format.fill.pattern");
          },
          set patternColor(color) {
            on((t) => everyCell(t, (r, c) => setPattern(t.sheet, key(r, c), { patternColor: String(color).toUpperCase() })), "format.fill.patternColor");
          },
          clear: () =>
            on(
              (t) =>
                everyCell(t, (r, c) => {
                  t.sheet.fills.delete(key(r, c));
                  t.sheet.patterns.delete(key(r, c));
                }),
              "format.fill.clear",
            ),
        };
        // Reading a format property needs a load this fake does not model: it throws, never undefined.
        for (const [n, d] of Object.entries(writeOnly("RangeFill", ["color", "pattern", "patternColor"]))) {
          const setter = Object.getOwnPropertyDescriptor(fill, n).set;
          Object.defineProperty(fill, n, { get: d.get, set: setter });
        }
        const font = {
          get bold() {
            throw notLoaded("RangeFont.bold");
          },
          set bold(bold) {
            on((t) => everyCell(t, (r, c) => t.sheet.bold.set(key(r, c), !!bold)), "format.font.bold");
          },
        };
        this.format = strict({ fill: strict(fill, "RangeFill"), font: strict(font, "RangeFont"), autofitColumns: () => on(() => undefined, "format.autofitColumns") }, "RangeFormat");
        this.dataValidation = strict(
          {
            get rule() {
              throw notLoaded("DataValidation.rule");
            },
            set rule(rule) {
              on((t) => t.sheet.validations.push({ row: t.row, col: t.col, rows: t.rows, cols: t.cols, rule }), "dataValidation.rule");
            },
          },
          "DataValidation",
        );
        return strict(this, "Range");
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

      get numberFormat() {
        return this._loaded("numberFormat");
      }

      set numberFormat(formats) {
        this._data.numberFormat = formats;
        this._queueOnTarget((t) => eachCell(t, formats, "numberFormat", (r, c, v) => t.sheet.formats.set(key(r, c), String(v))), "numberFormat", wireBytes(formats));
      }

      _write(what, values) {
        this._data[what] = values;
        this._queueOnTarget(
          (t, batch) => {
            eachCell(t, values, what, (r, c, v) => writeCell(t.sheet, r, c, v));
            batch.changed.set(t.sheet, localAddress(t));
          },
          what,
          wireBytes(values),
        );
      }

      /** Loads exactly the properties named; on a null object nothing (isNullObject says so). */
      load(props) {
        const names = propNames(props) || Object.keys(RANGE_PROPS);
        this._context._push((batch) => {
          const bad = names.find((n) => !(n in RANGE_PROPS));
          if (bad) throw unknownProperty("Range", bad);
          const t = this._resolve();
          if (!t) return;
          for (const n of names) deliver(batch, this, n, () => RANGE_PROPS[n].read(t), RANGE_PROPS[n].perCell ? 3 * t.rows * t.cols : undefined);
          if (names.includes("values")) batch.loads.push({ sheet: t.sheet.name, address: localAddress(t), rows: t.rows, cols: t.cols, props: names.slice() });
        });
        return this;
      }

      select() {
        this._queueOnTarget((t) => {
          state.activeSheet = t.sheet;
          state.selected = { sheet: t.sheet.name, address: localAddress(t) };
        }, "select");
      }

      /** Supports format.fill.{color, pattern, patternColor}: what the add-in asks for. */
      getCellProperties() {
        return clientResult(this._context, () => {
          const t = this._resolve();
          if (!t) throw nullPath("Range.getCellProperties");
          return grid(t, (r, c) => ({ format: { fill: fillOf(t.sheet, key(r, c)) } }));
        });
      }
    }
    for (const name of ["valueTypes", "rowIndex", "columnIndex", "rowCount", "columnCount", "cellCount", "address"]) {
      Object.defineProperty(Range.prototype, name, {
        get() {
          return this._loaded(name);
        },
      });
    }

    // ---------------------------------------------------------------- the globals

    const Office = {
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

    const CustomFunctions = {
      associate(id, fn) {
        if (typeof id === "object") Object.assign(functions, id);
        else functions[id] = fn;
      },
      Error: CustomFunctionsError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
    };

    // Only an Excel host gets the Excel namespace.
    const Excel =
      HOST === "Excel"
        ? {
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
          }
        : undefined;

    /** A cell for the test helpers: its sheet, 0-based row and column, and "row,col" key. */
    function at(sheet, address) {
      const s = sheetOrThrow(sheet);
      const { row, col } = parseA1(address);
      return { s, row, col, k: key(row, col) };
    }

    const fake = {
      get selected() {
        return state.selected;
      },
      get activeSheet() {
        return state.activeSheet ? state.activeSheet.name : null;
      },
      get syncCount() {
        return state.syncCount;
      },
      /** Bytes on the wire over all syncs so far, as the payload limits count them: { request, response }. */
      get wireBytes() {
        return { request: state.requestBytes, response: state.responseBytes };
      },
      get calculateCount() {
        return state.calculateCount;
      },
      /** Every successful load of `values`, in order: { sheet, address, rows, cols, props }. */
      get valueLoads() {
        return state.loads.map((l) => ({ ...l }));
      },
      /** The handlers registered on worksheets.onChanged / onAdded / onDeleted (for counting). */
      handlerCount: (kind) => handlers[kind].length,
      functions,
      actions,
      sheetNames: () => state.sheets.map((s) => s.name),
      /** A new request context, as Excel.run hands one to its batch. */
      newContext: () => new RequestContext(),
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
      /** Charts added to a sheet: { type, seriesBy, title, valueAxisTitle, source }. */
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
      /** The user deletes a sheet: onDeleted fires (later, as in Excel). */
      deleteSheet(name) {
        const s = sheetOrThrow(name);
        state.sheets.splice(state.sheets.indexOf(s), 1);
        fire("deleted", { worksheetId: s.id, type: "WorksheetDeleted", source: "Local" });
      },
    };

    return { Office, Excel, CustomFunctions, fake, PAYLOAD_LIMIT_BYTES: LIMIT };
  }

  if (typeof module === "object" && module && module.exports) {
    module.exports = { createFakeOffice, PAYLOAD_LIMIT_BYTES };
  } else {
    const made = createFakeOffice(root.__FAKE_WORKBOOK__ || { sheets: [] }, { host: root.__FAKE_HOST__ || "Excel" });
    root.Office = made.Office;
    root.CustomFunctions = made.CustomFunctions;
    if (made.Excel) root.Excel = made.Excel;
    root.__fakeExcel = made.fake;
  }
})(typeof window !== "undefined" ? window : globalThis);
