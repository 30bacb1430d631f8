import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { readXlsxBytes, MAX_CELL_TEXT, MAX_XML_DEPTH, MAX_XML_RUN } from "../../src/node/readXlsx";
import { BIN, cli, ensureBuiltCli, ROOT } from "../helpers/cli";
import { bilagaRows, sheetXml, withBilaga1, withSharedStrings, zipBomb } from "../helpers/hostileXlsx";

/**
 * Hostile .xlsx files, generated here: each is refused with exit code 2 and a Swedish message,
 * quickly, without a crash; the zip bombs run in a child process with a 256 MB heap so a
 * reader that held what it inflates would die instead of answering.
 */
const dir = mkdtempSync(path.join(tmpdir(), "kostnadsansvar-hostile-xlsx-"));
const file = (name: string) => path.join(dir, name);

async function refused(name: string, bytes: Buffer, message: RegExp) {
  writeFileSync(file(name), bytes);
  const start = Date.now();
  const r = await cli("validate", file(name));
  const ms = Date.now() - start;
  expect({ name, code: r.code, out: r.out, err: r.err }).toEqual({ name, code: 2, out: "", err: expect.stringMatching(message) });
  expect(r.err).not.toMatch(/Oväntat fel|Error|undefined/);
  return ms;
}

function child(args: string[]) {
  const start = Date.now();
  const r = spawnSync(process.execPath, ["--max-old-space-size=256", BIN, ...args], { cwd: ROOT, encoding: "utf8" });
  return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr, ms: Date.now() - start };
}

describe("hostile .xlsx files: exit 2, a Swedish message, no crash", () => {
  beforeAll(async () => {
    ensureBuiltCli();
    // Load (and let ts-jest compile) the validate command once, so the timings below are the reader's.
    await cli("validate", file("saknas.xlsx"));
  });

  it("stops a zip bomb that lies about its sizes by counting what it really inflates, in every command that reads .xlsx", async () => {
    const bomb = await zipBomb(420 * 1024 * 1024, { claimedBytes: 4096 });
    expect(bomb.length).toBeLessThan(4 * 1024 * 1024);
    writeFileSync(file("bomb.xlsx"), bomb);
    writeFileSync(file("rader.csv"), "kommun,kvartal,iso,boendeform,ålder,belopp\nSolna,2026Q1,12 22 03,SÄBO,80,100\n");
    for (const args of [
      ["validate", file("bomb.xlsx")],
      ["who-pays", "12 22", "SÄBO", "80", "--workbook", file("bomb.xlsx")],
      ["publish", file("bomb.xlsx"), "--edition", "1", "--out", file("pub")],
      ["follow-up", file("rader.csv"), "--workbook", file("bomb.xlsx")],
    ]) {
      const r = child(args);
      expect({ args: args[0], code: r.code, signal: r.signal, err: r.err }).toEqual({ args: args[0], code: 2, signal: null, err: expect.stringMatching(/packas upp till mer än 400 MB och läses inte/) });
      expect(r.ms).toBeLessThan(60_000); // a guard against hanging, not a benchmark (the machine may be loaded)
    }
  });

  it("ignores an end record that claims the archive holds no entries", async () => {
    const r = await readXlsxBytes(await zipBomb(420 * 1024 * 1024, { zeroEntries: true, claimedBytes: 0 }), "noll.xlsx");
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/^noll\.xlsx packas upp till mer än 400 MB/) });
    // The same lie on a small, honest archive does not stop it being read.
    const small = await readXlsxBytes(await zipBomb(1024, { zeroEntries: true, claimedBytes: 0 }), "liten.xlsx");
    expect(small.ok && small.workbook.sheets[0]!.rows[1]).toEqual(["12 22", "Rullstolar", "Kommun", "Kommun", "Kommun", "Kommun"]);
  });

  it("refuses a row number beyond Excel's 1 048 576 rows before expanding anything", async () => {
    const ms = await refused("rad.xlsx", await withBilaga1(sheetXml(`${bilagaRows()}<row r="2000000000"><c r="A2000000000"><v>1</v></c></row>`)), /bladet ”Bilaga 1” har en rad med nummer 2 000 000 000, men Excel har högst 1 048 576 rader/);
    expect(ms).toBeLessThan(5000); // seconds, where expanding would hang or crash
  });

  it("refuses a cell beyond column XFD", async () => {
    await refused("xfe.xlsx", await withBilaga1(sheetXml(`${bilagaRows()}<row r="3"><c r="XFE3"><v>1</v></c></row>`)), /cell \(”XFE3”\) bortom kolumn XFD/);
  });

  it("keeps a row with one cell in column XFD sparse, and refuses such cells on so many rows that they would span 50 million positions", async () => {
    const few = Array.from({ length: 200 }, (_, i) => `<row r="${i + 3}"><c r="A${i + 3}" t="inlineStr"><is><t>12 22 ${String(i % 100).padStart(2, "0")}</t></is></c><c r="XFD${i + 3}"><v>1</v></c></row>`).join("");
    const read = await readXlsxBytes(await withBilaga1(sheetXml(bilagaRows() + few)), "glesa.xlsx");
    if (!read.ok) throw new Error(read.message);
    const row = read.workbook.sheets.find((s) => s.name === "Bilaga 1")!.rows[2]!;
    expect(row.length).toBe(16_384);
    expect(Object.keys(row)).toEqual(["0", "16383"]); // two cells held, not 16 384
    expect([row[0], row[16383]]).toEqual(["12 22 00", 1]);
    const r = await cli("validate", file("x"));
    expect(r.code).toBe(2);

    const many = Array.from({ length: 4000 }, (_, i) => `<row r="${i + 3}"><c r="XFD${i + 3}"><v>1</v></c></row>`).join("");
    const ms = await refused("xfd.xlsx", await withBilaga1(sheetXml(bilagaRows() + many)), /innehåll spritt över fler än 50 000 000 cellpositioner/);
    expect(ms).toBeLessThan(5000); // seconds, where expanding would hang or crash
  });

  it("refuses a merged range larger than the cell limit before filling it in", async () => {
    const ms = await refused("merge.xlsx", await withBilaga1(sheetXml(bilagaRows(), `<mergeCells count="1"><mergeCell ref="A3:XFD1048576"/></mergeCells>`)), /fler än 10 000 000 ifyllda celler/);
    expect(ms).toBeLessThan(5000); // seconds, where expanding would hang or crash
  });

  it("refuses overlapping merged ranges as a corrupt file", async () => {
    await refused("overlap.xlsx", await withBilaga1(sheetXml(bilagaRows(), `<mergeCells count="2"><mergeCell ref="A3:B4"/><mergeCell ref="B4:C5"/></mergeCells>`)), /skadad eller ingen giltig Excel-arbetsbok/);
  });

  it("refuses a cell text longer than Excel's 32 767 characters, inline or shared, and reads one at the limit", async () => {
    const long = "x".repeat(MAX_CELL_TEXT + 1);
    await refused("lang.xlsx", await withBilaga1(sheetXml(`${bilagaRows()}<row r="3"><c r="H3" t="inlineStr"><is><t>${long}</t></is></c></row>`)), /i cell H3 en text på 32 768 tecken; Excel tillåter högst 32 767 tecken/);
    const atLimit = await readXlsxBytes(await withBilaga1(sheetXml(`${bilagaRows()}<row r="3"><c r="H3" t="str"><f>REPT("x",32767)</f><v>${"x".repeat(MAX_CELL_TEXT)}</v></c></row>`)), "ok.xlsx");
    expect(atLimit.ok && atLimit.workbook.sheets[0]!.rows[2]![7]).toHaveLength(MAX_CELL_TEXT);
  });

  it("refuses a text too long to hold while it streams, in a cell, in pieces, or shared, without reading it to its end", async () => {
    const huge = "x".repeat(MAX_XML_RUN + 1);
    const tooLong = /en text på mer än 1 048 576 tecken; Excel tillåter högst 32 767 tecken/;
    await refused("v.xlsx", await withBilaga1(sheetXml(`${bilagaRows()}<row r="3"><c r="H3" t="str"><v>${huge}</v></c></row>`)), /i cell H3 en text på mer än 1 048 576 tecken/);
    // In CDATA pieces and runs each shorter than the limit: bounded before they are joined.
    const piece = "y".repeat(MAX_XML_RUN / 4);
    const cdata = Array.from({ length: 5 }, () => `<![CDATA[${piece}]]>`).join("");
    await refused("cdata.xlsx", await withBilaga1(sheetXml(`${bilagaRows()}<row r="3"><c r="H3" t="str"><v>${cdata}</v></c></row>`)), tooLong);
    const runs = Array.from({ length: 5 }, () => `<r><t>${piece}</t></r>`).join("");
    await refused("runs.xlsx", await withBilaga1(sheetXml(`${bilagaRows()}<row r="3"><c r="H3" t="inlineStr"><is>${runs}</is></c></row>`)), tooLong);
    await refused("si.xlsx", await withSharedStrings(`<si><t>${huge}</t></si>`), tooLong);
    await refused("si-runs.xlsx", await withSharedStrings(`<si>${"<r><t/></r>".repeat(MAX_XML_RUN + 1)}</si>`), tooLong);
    // Anywhere else (here white space between rows): refused as a part too long to read (checked
    // every 64 Ki characters written, so a run just over the limit may still pass).
    await refused("ws.xlsx", await withBilaga1(sheetXml(`${bilagaRows()}${" ".repeat(2 * MAX_XML_RUN)}`)), /en text eller ett XML-element på mer än 1 048 576 tecken/);
  });

  it("reads a part that unpacks to 300 MB of white space, under the zip limit, in bounded memory: refused as a run too long, not a crash", () => {
    // Before, such a part passed the count and saxes then held all of its white space as one text.
    return zipBomb(300 * 1024 * 1024).then((bomb) => {
      writeFileSync(file("vitt.xlsx"), bomb);
      const r = child(["validate", file("vitt.xlsx")]);
      expect({ code: r.code, signal: r.signal, err: r.err }).toEqual({ code: 2, signal: null, err: expect.stringMatching(/en text eller ett XML-element på mer än 1 048 576 tecken/) });
      expect(r.ms).toBeLessThan(60_000); // a guard against hanging, not a benchmark
    });
  });

  it(`refuses elements nested deeper than ${MAX_XML_DEPTH} levels`, async () => {
    const deep = "<x>".repeat(MAX_XML_DEPTH) + "</x>".repeat(MAX_XML_DEPTH);
    await refused("djup.xlsx", await withBilaga1(sheetXml(`${bilagaRows()}<row r="3"><c r="A3"><v>1</v></c></row>`, `<extLst>${deep}</extLst>`)), /element nästlade i fler än 1 000 nivåer/);
    const read = await readXlsxBytes(await withBilaga1(sheetXml(bilagaRows(), `<extLst>${"<x>".repeat(MAX_XML_DEPTH - 10)}${"</x>".repeat(MAX_XML_DEPTH - 10)}</extLst>`)), "ok.xlsx");
    expect(read.ok).toBe(true);
  });

  it("refuses a reference to a shared text that does not exist, and XML that is not well-formed", async () => {
    await refused("sst.xlsx", await withBilaga1(sheetXml(`${bilagaRows()}<row r="3"><c r="A3" t="s"><v>999999</v></c></row>`)), /hänvisar i cell A3 till en delad text som saknas/);
    await refused("xml.xlsx", await withBilaga1(sheetXml(`${bilagaRows()}<row r="3"><c r="A3"><v>1</c></row>`)), /skadad eller ingen giltig Excel-arbetsbok/);
  });
});
