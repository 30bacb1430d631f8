/**
 * What the follow-up writes is safe to open and loses nothing: control characters from the data
 * are shown escaped in the report's cells, a cell over Excel's 32 767 characters is cut with its
 * length said (so this project's own reader, which refuses longer cells, reads the report), a line
 * over 100 000 characters is refused quickly without being held, and lines with kommun names past
 * the limit of distinct names are left out with their amount accounted for.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { readFileSync } from "node:fs";
import { MAX_LINE_CHARS } from "../../src/cli/followUpInput";
import { MAX_KOMMUN_NAMES } from "../../src/core/costs/followUp";
import { csvField } from "../../src/core/csv";
import { escapeHtml } from "../../src/core/editions/guideSite";
import { outputSafe } from "../../src/core/text";
import { readXlsxBytes } from "../../src/node/readXlsx";
import { EXCEL_CELL_CHARS } from "../../src/node/xlsxText";
import { cli } from "../helpers/cli";

const HEADER = "kommun;kvartal;iso;boendeform;ålder;belopp";
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
type Json = { totals: { input: number; assigned: number; unassigned: number; unreadableQuarter: number; balanced: boolean }; problems: Array<{ line: number | null; code: string }> };

describe("text from data in files others open", () => {
  it("shows control characters and bidi overrides escaped in CSV and HTML, and keeps tab, newline and carriage return", () => {
    const hostile = "Solna\u001b]0;x\u0007\u202eabc\u0085";
    for (const out of [outputSafe(hostile), csvField(hostile, ";"), escapeHtml(hostile)]) {
      expect([out, CONTROL.test(out)]).toEqual([out, false]);
      expect(out).toContain("\\u001b]0;x\\u0007\\u202eabc\\u0085");
    }
    expect(outputSafe("rad ett\r\nrad två\tflik")).toBe("rad ett\r\nrad två\tflik");
  });

  it("writes a follow-up report whose every cell is free of control characters and within 32 767 characters, readable by the project's own reader", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "kostnadsansvar-outsafe-"));
    const long = "Ö".repeat(40_000);
    const csv = path.join(dir, "kostnader.csv");
    writeFileSync(csv, [HEADER, "Solna\u001b[2J\u0007;2026Q1;12 22 03;SÄBO;80;100,00", `${long};2026Q1;12 22 03;SÄBO;80;200,00`, "Nacka;2026Q1;99 99 99;SÄBO;80;300,00"].join("\n") + "\n");
    const out = path.join(dir, "rapport.xlsx");
    const r = await cli("uppföljning", csv, "--ut", out);
    expect(r.err).not.toMatch(/Oväntat fel/);
    const read = await readXlsxBytes(readFileSync(out), "rapport.xlsx");
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    let longest = 0;
    let cut = 0;
    for (const sheet of read.workbook.sheets) {
      for (const row of sheet.rows) {
        for (const cell of row) {
          if (typeof cell !== "string") continue;
          expect([sheet.name, CONTROL.test(cell)]).toEqual([sheet.name, false]);
          longest = Math.max(longest, cell.length);
          if (/\[avkortad: 40\s000 tecken\]$/.test(cell)) cut++;
        }
      }
    }
    expect(longest).toBeLessThanOrEqual(EXCEL_CELL_CHARS);
    // The unknown kommun's long name is in the report, cut, at least once; the ESC shows as text.
    expect(cut).toBeGreaterThan(0);
    expect(read.workbook.sheets.some((s) => s.rows.some((row) => row.some((c) => typeof c === "string" && c.includes("Solna\\u001b[2J\\u0007"))))).toBe(true);
  });

  it("refuses a line over 100 000 characters without holding it, and reads the lines around it", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "kostnadsansvar-longline-"));
    const csv = path.join(dir, "kostnader.csv");
    // 30 MB on one line, between two good lines; the line ends in CRLF.
    writeFileSync(csv, [HEADER, "Solna;2026Q1;12 22 03;SÄBO;80;100,00", "Nacka;2026Q1;12 22 03;SÄBO;80;" + "9".repeat(30_000_000), "Täby;2026Q1;12 22 03;SÄBO;80;300,00"].join("\r\n") + "\r\n");
    const started = Date.now();
    const r = await cli("uppföljning", csv, "--json");
    const json = JSON.parse(r.out) as Json;
    expect(json.problems.map((p) => [p.line, p.code])).toEqual([[3, "LINE_TOO_LONG"]]);
    expect(json.totals).toMatchObject({ input: 400, assigned: 400, balanced: true });
    expect(r.code).toBe(1);
    expect(MAX_LINE_CHARS).toBe(100_000);
    // Generous for a loaded CI machine; holding and re-copying the line took tens of seconds.
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it("keeps totals for at most 10 000 kommun names and leaves out the lines past that, their kronor accounted for", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "kostnadsansvar-kommuner-"));
    const csv = path.join(dir, "kostnader.csv");
    const lines = Array.from({ length: MAX_KOMMUN_NAMES + 5 }, (_, i) => `Kommun nr ${i};2026Q1;12 22 03;SÄBO;80;1,00`);
    writeFileSync(csv, [HEADER, "Solna;2026Q1;12 22 03;SÄBO;80;100,00", ...lines].join("\n") + "\n");
    const r = await cli("uppföljning", csv, "--json");
    const json = JSON.parse(r.out) as Json;
    const limited = json.problems.filter((p) => p.code === "KOMMUN_LIMIT");
    // Solna and 9 999 further names are kept; six names are past the limit.
    expect(limited.map((p) => p.line)).toEqual([10_002, 10_003, 10_004, 10_005, 10_006, 10_007]);
    expect(json.totals).toMatchObject({ input: 100 + MAX_KOMMUN_NAMES + 5, unreadableQuarter: 6, balanced: true });
    expect(r.code).toBe(1);
  });
});
