/*
 * fakeOffice.js – a stand-in for Microsoft's office.js in browser tests, where no Excel exists.
 *
 * A plain script (no modules, no build, no eval). The test page provides, before this runs:
 *   window.__FAKE_WORKBOOK__ = { sheets: [{ name, cells: [[...], ...], fills?: { A1: "#RRGGBB" } }] }
 *     cells are row-major from A1: string | number | boolean | null | { error: "#N/A" }
 *   window.__FAKE_HOST__ = "Excel" (default) or "Word"
 *
 * Only the subset of Office.js the add-in uses is here, with Office.js's batching: calls on proxy
 * objects are queued and run at context.sync(); loaded properties can be read only after that
 * sync (reading earlier throws PropertyNotLoaded, like Office.js). window.__fakeExcel exposes the
 * workbook's state for assertions.
 */
(function () {
  "use strict";

  var HOST = window.__FAKE_HOST__ || "Excel";
  var input = window.__FAKE_WORKBOOK__ || { sheets: [] };

  // ---------------------------------------------------------------- errors and A1 helpers

  function officeError(code, message) {
    var error = new Error(message);
    error.name = "RichApi.Error";
    error.code = code;
    return error;
  }

  function notLoaded(prop) {
    return officeError("PropertyNotLoaded", "The property '" + prop + "' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.");
  }

  /** 0-based column → letters (0 → A, 26 → AA). */
  function letters(col) {
    var s = "";
    for (var n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  }

  function a1(row, col) {
    return letters(col) + (row + 1);
  }

  /** "B3" or "$A$1:C$4" (optionally "Sheet!…") → { row, col, rows, cols }, all 0-based. */
  function parseA1(address) {
    var local = String(address).split("!").pop().replace(/\$/g, "").toUpperCase();
    var parts = local.split(":").map(function (p) {
      var m = /^([A-Z]+)(\d+)$/.exec(p);
      if (!m) throw officeError("InvalidArgument", "Invalid address: " + address);
      var col = 0;
      for (var i = 0; i < m[1].length; i++) col = col * 26 + (m[1].charCodeAt(i) - 64);
      return { row: Number(m[2]) - 1, col: col - 1 };
    });
    var first = parts[0];
    var last = parts[1] || first;
    return { row: first.row, col: first.col, rows: last.row - first.row + 1, cols: last.col - first.col + 1 };
  }

  function isEmpty(v) {
    return v === null || v === undefined || v === "";
  }

  // ---------------------------------------------------------------- the workbook itself

  var state = { sheets: [], activeSheet: null, selected: null, syncCount: 0, calculateCount: 0, nextId: 1 };
  var handlers = { changed: [], added: [], deleted: [] };
  var settings = {};
  var functions = {};
  var actions = {};

  function newSheet(name) {
    var id = "{" + String(state.nextId++).padStart(8, "0") + "-0001-0000-0000-000000000000}";
    // fills, number formats and bold are keyed "row,col"; data validations are kept per range.
    return { id: id, name: name, cells: [], fills: new Map(), formats: new Map(), bold: new Map(), validations: [], frozenRows: 0 };
  }

  function cellOf(sheet, row, col) {
    var r = sheet.cells[row];
    var v = r ? r[col] : null;
    return isEmpty(v) ? null : v;
  }

  function setCellOf(sheet, row, col, value) {
    if (!sheet.cells[row]) sheet.cells[row] = [];
    sheet.cells[row][col] = isEmpty(value) ? null : value;
  }

  (input.sheets || []).forEach(function (spec) {
    var sheet = newSheet(spec.name);
    (spec.cells || []).forEach(function (row, i) {
      (row || []).forEach(function (v, j) {
        if (!isEmpty(v)) setCellOf(sheet, i, j, v);
      });
    });
    Object.keys(spec.fills || {}).forEach(function (address) {
      var p = parseA1(address);
      sheet.fills.set(p.row + "," + p.col, String(spec.fills[address]).toUpperCase());
    });
    state.sheets.push(sheet);
  });
  state.activeSheet = state.sheets[0] || null;

  function findSheet(key) {
    var k = String(key).toLowerCase();
    for (var i = 0; i < state.sheets.length; i++) {
      var s = state.sheets[i];
      if (s.id === key || s.name.toLowerCase() === k) return s;
    }
    return null;
  }

  function sheetOrThrow(name) {
    var s = findSheet(name);
    if (!s) throw new Error("__fakeExcel: no sheet named " + name);
    return s;
  }

  /** Calls event handlers later, as Excel does (never inside the sync that caused them). */
  function fire(kind, args) {
    handlers[kind].forEach(function (handler) {
      setTimeout(function () {
        handler(args);
      }, 0);
    });
  }

  /** Bounding box of non-empty cells (and filled cells unless valuesOnly), or null. */
  function usedBox(sheet, valuesOnly) {
    var box = null;
    function take(r, c) {
      if (!box) box = { r0: r, c0: c, r1: r, c1: c };
      box.r0 = Math.min(box.r0, r);
      box.c0 = Math.min(box.c0, c);
      box.r1 = Math.max(box.r1, r);
      box.c1 = Math.max(box.c1, c);
    }
    sheet.cells.forEach(function (row, r) {
      if (row) row.forEach(function (v, c) {
        if (!isEmpty(v)) take(r, c);
      });
    });
    if (!valuesOnly) sheet.fills.forEach(function (_color, key) {
      take(Number(key.split(",")[0]), Number(key.split(",")[1]));
    });
    return box && { sheet: sheet, row: box.r0, col: box.c0, rows: box.r1 - box.r0 + 1, cols: box.c1 - box.c0 + 1 };
  }

  // ---------------------------------------------------------------- batching

  /**
   * A client object stands for an object in the workbook. `resolver` finds its target when the
   * batch runs (and may throw ItemNotFound); the result is kept for later batches. `_data` holds
   * the properties loaded at the last sync. `known` is a target already found (collection items).
   */
  function ClientObject(context, resolver, known) {
    this._context = context;
    this._resolver = resolver;
    this._resolved = known !== undefined;
    this._target = known !== undefined ? known : null;
    this._data = {};
    var self = this;
    if (known === undefined) context._queue.push(function () {
      target(self);
    });
  }

  function target(proxy) {
    if (!proxy._resolved) {
      proxy._target = proxy._resolver();
      proxy._resolved = true;
    }
    return proxy._target;
  }

  Object.defineProperty(ClientObject.prototype, "isNullObject", {
    get: function () {
      if (!this._resolved) throw notLoaded("isNullObject");
      return this._target === null;
    },
  });

  /** Read-only properties that exist only after load() + sync(). */
  function loadable(proto, names) {
    names.forEach(function (name) {
      Object.defineProperty(proto, name, {
        configurable: true,
        get: function () {
          if (!(name in this._data)) throw notLoaded(name);
          return this._data[name];
        },
      });
    });
  }

  /** load("a, b"), load(["a", "b"]) or load({ a: true }) → ["a", "b"]; nothing → null (all). */
  function propNames(props) {
    if (props === undefined || props === null) return null;
    if (typeof props === "string") return props.split(",").map(function (p) {
      return p.trim();
    });
    if (Array.isArray(props)) return props.slice();
    return Object.keys(props.select ? props.select : props);
  }

  function RequestContext() {
    this._queue = [];
    this.workbook = new Workbook(this);
  }

  /** Runs the queued operations in order; the first failure rejects the sync (earlier ones stay applied). */
  RequestContext.prototype.sync = function () {
    var queue = this._queue;
    this._queue = [];
    state.syncCount++;
    return new Promise(function (resolve, reject) {
      setTimeout(function () {
        var changed = new Map();
        var failure = null;
        try {
          queue.forEach(function (op) {
            op(changed);
          });
        } catch (e) {
          failure = e;
        }
        changed.forEach(function (address, sheetId) {
          fire("changed", { worksheetId: sheetId, address: address, type: "WorksheetChanged", source: "Local", changeType: "RangeEdited" });
        });
        if (failure) reject(failure);
        else resolve();
      }, 0);
    });
  };

  // ---------------------------------------------------------------- workbook and sheets

  function Workbook(context) {
    this.worksheets = new WorksheetCollection(context);
    this.application = {
      calculate: function () {
        context._queue.push(function () {
          state.calculateCount++;
        });
      },
    };
  }

  function eventSource(context, kind) {
    return {
      add: function (handler) {
        context._queue.push(function () {
          handlers[kind].push(handler);
        });
        return {
          remove: function () {
            var i = handlers[kind].indexOf(handler);
            if (i >= 0) handlers[kind].splice(i, 1);
          },
        };
      },
    };
  }

  function WorksheetCollection(context) {
    this._context = context;
    this._items = null;
    this.onChanged = eventSource(context, "changed");
    this.onAdded = eventSource(context, "added");
    this.onDeleted = eventSource(context, "deleted");
  }

  Object.defineProperty(WorksheetCollection.prototype, "items", {
    get: function () {
      if (!this._items) throw notLoaded("items");
      return this._items;
    },
  });

  WorksheetCollection.prototype.load = function () {
    var self = this;
    this._context._queue.push(function () {
      self._items = state.sheets.map(function (sheet) {
        var ws = new Worksheet(self._context, null, sheet);
        ws._data.name = sheet.name;
        ws._data.id = sheet.id;
        return ws;
      });
    });
    return this;
  };

  WorksheetCollection.prototype.getItem = function (key) {
    return new Worksheet(this._context, function () {
      var s = findSheet(key);
      if (!s) throw officeError("ItemNotFound", "The requested resource doesn't exist. (worksheet " + key + ")");
      return s;
    });
  };

  WorksheetCollection.prototype.getItemOrNullObject = function (key) {
    return new Worksheet(this._context, function () {
      return findSheet(key);
    });
  };

  WorksheetCollection.prototype.add = function (name) {
    return new Worksheet(this._context, function () {
      var n = name === undefined ? "Sheet" + (state.sheets.length + 1) : String(name);
      if (findSheet(n)) throw officeError("ItemAlreadyExists", "A worksheet named " + n + " already exists.");
      if (n.length === 0 || n.length > 31 || /[\[\]:*?\/\\]/.test(n)) throw officeError("InvalidArgument", "Invalid worksheet name: " + n);
      var sheet = newSheet(n);
      state.sheets.push(sheet);
      fire("added", { worksheetId: sheet.id, type: "WorksheetAdded", source: "Local" });
      return sheet;
    });
  };

  function Worksheet(context, resolver, known) {
    ClientObject.call(this, context, resolver, known);
    var self = this;
    this.freezePanes = {
      freezeRows: function (count) {
        context._queue.push(function () {
          target(self).frozenRows = count;
        });
      },
    };
  }
  Worksheet.prototype = Object.create(ClientObject.prototype);
  loadable(Worksheet.prototype, ["name", "id"]);

  Worksheet.prototype.load = function (props) {
    var self = this;
    var names = propNames(props) || ["name", "id"];
    this._context._queue.push(function () {
      var sheet = target(self);
      if (sheet) names.forEach(function (n) {
        if (n === "name" || n === "id") self._data[n] = sheet[n];
      });
    });
    return this;
  };

  /** A range of this sheet; `box(sheet)` gives { row, col, rows, cols } or null. */
  Worksheet.prototype._range = function (box) {
    var ws = this;
    return new Range(this._context, function () {
      var sheet = target(ws);
      if (!sheet) return null;
      var b = box(sheet);
      return b && { sheet: sheet, row: b.row, col: b.col, rows: b.rows, cols: b.cols };
    });
  };

  Worksheet.prototype.getUsedRangeOrNullObject = function (valuesOnly) {
    return this._range(function (sheet) {
      return usedBox(sheet, !!valuesOnly);
    });
  };

  Worksheet.prototype.getRangeByIndexes = function (row, col, rows, cols) {
    return this._range(function () {
      return { row: row, col: col, rows: rows, cols: cols };
    });
  };

  Worksheet.prototype.getRange = function (address) {
    return this._range(function () {
      return parseA1(address);
    });
  };

  Worksheet.prototype.getCell = function (row, col) {
    return this.getRangeByIndexes(row, col, 1, 1);
  };

  Worksheet.prototype.activate = function () {
    var self = this;
    this._context._queue.push(function () {
      state.activeSheet = target(self);
    });
  };

  // ---------------------------------------------------------------- ranges

  function quoteSheet(name) {
    return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : "'" + name.replace(/'/g, "''") + "'";
  }

  function localAddress(t) {
    var first = a1(t.row, t.col);
    return t.rows === 1 && t.cols === 1 ? first : first + ":" + a1(t.row + t.rows - 1, t.col + t.cols - 1);
  }

  function valueType(v) {
    if (isEmpty(v)) return "Empty";
    if (typeof v === "object") return "Error";
    if (typeof v === "number") return "Double";
    if (typeof v === "boolean") return "Boolean";
    return "String";
  }

  /** A 2-D grid over the range, from f(row, col). */
  function grid(t, f) {
    var out = [];
    for (var i = 0; i < t.rows; i++) {
      var line = [];
      for (var j = 0; j < t.cols; j++) line.push(f(t.row + i, t.col + j));
      out.push(line);
    }
    return out;
  }

  var RANGE_PROPS = {
    values: function (t) {
      return grid(t, function (r, c) {
        var v = cellOf(t.sheet, r, c);
        return v === null ? "" : typeof v === "object" ? v.error : v;
      });
    },
    valueTypes: function (t) {
      return grid(t, function (r, c) {
        return valueType(cellOf(t.sheet, r, c));
      });
    },
    rowIndex: function (t) {
      return t.row;
    },
    columnIndex: function (t) {
      return t.col;
    },
    rowCount: function (t) {
      return t.rows;
    },
    columnCount: function (t) {
      return t.cols;
    },
    address: function (t) {
      return quoteSheet(t.sheet.name) + "!" + localAddress(t);
    },
  };

  /** Runs f(row, col, valueAt(i, j)) over the range; a value is a scalar, a 1×1 array (both broadcast) or a same-sized 2-D array. */
  function eachCell(t, value, what, f) {
    var scalar = !Array.isArray(value);
    var single = !scalar && value.length === 1 && Array.isArray(value[0]) && value[0].length === 1;
    if (!scalar && !single && (value.length !== t.rows || value.some(function (row) {
      return !Array.isArray(row) || row.length !== t.cols;
    }))) {
      throw officeError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range. (" + what + ")");
    }
    for (var i = 0; i < t.rows; i++) {
      for (var j = 0; j < t.cols; j++) f(t.row + i, t.col + j, scalar ? value : single ? value[0][0] : value[i][j]);
    }
  }

  function Range(context, resolver, known) {
    ClientObject.call(this, context, resolver, known);
    var self = this;
    // Queues an operation on this range's target (ignored on a null object).
    function onTarget(f) {
      context._queue.push(function (changed) {
        var t = target(self);
        if (t) f(t, changed);
      });
    }
    this._onTarget = onTarget;
    this.format = {
      fill: {
        set color(color) {
          onTarget(function (t) {
            eachCell(t, String(color).toUpperCase(), "fill", function (r, c, v) {
              t.sheet.fills.set(r + "," + c, v);
            });
          });
        },
        clear: function () {
          onTarget(function (t) {
            eachCell(t, null, "fill", function (r, c) {
              t.sheet.fills.delete(r + "," + c);
            });
          });
        },
      },
      font: {
        set bold(bold) {
          onTarget(function (t) {
            eachCell(t, !!bold, "bold", function (r, c, v) {
              t.sheet.bold.set(r + "," + c, v);
            });
          });
        },
      },
      autofitColumns: function () {
        onTarget(function () {});
      },
    };
    this.dataValidation = {
      set rule(rule) {
        onTarget(function (t) {
          t.sheet.validations.push({ row: t.row, col: t.col, rows: t.rows, cols: t.cols, rule: rule });
        });
      },
    };
  }
  Range.prototype = Object.create(ClientObject.prototype);
  loadable(Range.prototype, Object.keys(RANGE_PROPS).filter(function (n) {
    return n !== "values";
  }));

  Object.defineProperty(Range.prototype, "values", {
    get: function () {
      if (!("values" in this._data)) throw notLoaded("values");
      return this._data.values;
    },
    set: function (values) {
      this._data.values = values;
      this._onTarget(function (t, changed) {
        eachCell(t, values, "values", function (r, c, v) {
          setCellOf(t.sheet, r, c, v);
        });
        changed.set(t.sheet.id, localAddress(t));
      });
    },
  });

  Object.defineProperty(Range.prototype, "numberFormat", {
    set: function (formats) {
      this._onTarget(function (t) {
        eachCell(t, formats, "numberFormat", function (r, c, v) {
          t.sheet.formats.set(r + "," + c, v);
        });
      });
    },
  });

  Range.prototype.load = function (props) {
    var self = this;
    var names = propNames(props) || Object.keys(RANGE_PROPS);
    this._context._queue.push(function () {
      var t = target(self);
      if (t) names.forEach(function (n) {
        if (RANGE_PROPS[n]) self._data[n] = RANGE_PROPS[n](t);
      });
    });
    return this;
  };

  Range.prototype.select = function () {
    this._onTarget(function (t) {
      state.activeSheet = t.sheet;
      state.selected = { sheet: t.sheet.name, address: localAddress(t) };
    });
  };

  /** Only format.fill.{color, pattern} is supported, which is what the add-in asks for. */
  Range.prototype.getCellProperties = function () {
    var result = { _has: false, _value: null };
    Object.defineProperty(result, "value", {
      get: function () {
        if (!result._has) throw notLoaded("value");
        return result._value;
      },
    });
    this._onTarget(function (t) {
      result._value = grid(t, function (r, c) {
        var color = t.sheet.fills.get(r + "," + c);
        return { format: { fill: color ? { color: color, pattern: "Solid" } : { color: "#FFFFFF", pattern: "None" } } };
      });
      result._has = true;
    });
    return result;
  };

  // ---------------------------------------------------------------- the globals

  function ready(cb) {
    var info = { host: HOST, platform: "OfficeOnline" };
    return new Promise(function (resolve) {
      setTimeout(function () {
        if (cb) cb(info);
        resolve(info);
      }, 0);
    });
  }

  window.Office = {
    HostType: { Excel: "Excel", Word: "Word" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    onReady: ready,
    context: {
      document: {
        // Stored as JSON, like Office's document settings.
        settings: {
          get: function (name) {
            return name in settings ? JSON.parse(settings[name]) : null;
          },
          set: function (name, value) {
            settings[name] = JSON.stringify(value);
          },
          remove: function (name) {
            delete settings[name];
          },
          saveAsync: function (cb) {
            setTimeout(function () {
              if (cb) cb({ status: "succeeded", value: undefined });
            }, 0);
          },
        },
      },
    },
    addin: {
      showAsTaskpane: function () {
        return Promise.resolve();
      },
    },
    actions: {
      associate: function (name, fn) {
        actions[name] = fn;
      },
    },
  };

  function CustomFunctionsError(code, message) {
    this.code = code;
    this.message = message;
  }
  CustomFunctionsError.prototype = Object.create(Error.prototype);
  CustomFunctionsError.prototype.name = "CustomFunctions.Error";

  window.CustomFunctions = {
    associate: function (id, fn) {
      if (typeof id === "object") Object.keys(id).forEach(function (k) {
        functions[k] = id[k];
      });
      else functions[id] = fn;
    },
    Error: CustomFunctionsError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  };

  // Only Excel hosts get the Excel namespace, as with the real office.js.
  if (HOST === "Excel") {
    window.Excel = {
      CalculationType: { full: "Full", recalculate: "Recalculate" },
      run: function (batch) {
        var context = new RequestContext();
        return Promise.resolve()
          .then(function () {
            return batch(context);
          })
          .then(function (result) {
            // Excel.run syncs whatever the batch left queued.
            return context._queue.length > 0 ? context.sync().then(function () {
              return result;
            }) : result;
          });
      },
    };
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
    functions: functions,
    actions: actions,
    sheetNames: function () {
      return state.sheets.map(function (s) {
        return s.name;
      });
    },
    getValue: function (sheet, address) {
      var p = parseA1(address);
      return cellOf(sheetOrThrow(sheet), p.row, p.col);
    },
    /** The cell's fill colour ("#RRGGBB"), or null when it has none. */
    getFill: function (sheet, address) {
      var p = parseA1(address);
      return sheetOrThrow(sheet).fills.get(p.row + "," + p.col) || null;
    },
    numberFormat: function (sheet, address) {
      var p = parseA1(address);
      return sheetOrThrow(sheet).formats.get(p.row + "," + p.col) || null;
    },
    /** The last data-validation rule set on a range covering the cell, or null. */
    dataValidation: function (sheet, address) {
      var p = parseA1(address);
      var found = null;
      sheetOrThrow(sheet).validations.forEach(function (v) {
        if (p.row >= v.row && p.row < v.row + v.rows && p.col >= v.col && p.col < v.col + v.cols) found = v.rule;
      });
      return found;
    },
    /** An edit by the user: sets the cell and fires onChanged. */
    setValue: function (sheet, address, value) {
      var s = sheetOrThrow(sheet);
      var p = parseA1(address);
      setCellOf(s, p.row, p.col, value);
      fire("changed", { worksheetId: s.id, address: a1(p.row, p.col), type: "WorksheetChanged", source: "Local", changeType: "RangeEdited" });
    },
  };
})();
