import { ANSWER_CSV_COLUMNS } from "../../src/cli/whoPaysCommand";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { editionFromModel, serializeEdition } from "../../src/core/editions/edition";
import { readWorkbook } from "../../src/core/model";
import { writeBilagorXlsx } from "../../src/node/writeXlsx";
import { BIN, cli, ensureBuiltCli, ROOT } from "../helpers/cli";
import { listRow, workbook } from "../helpers/workbooks";

const dir = mkdtempSync(path.join(tmpdir(), "kostnadsansvar-bad-"));
const file = (name: string) => path.join(dir, name);
const K = "Kommun";
const digest = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");

beforeAll(async () => {
  const zip = new JSZip();
  zip.file("a.txt", "inget kalkylblad här");
  writeFileSync(file("zip.xlsx"), await zip.generateAsync({ type: "nodebuffer" }));
  writeFileSync(file("clean.xlsx"), await writeBilagorXlsx(workbook({ b1: [listRow("12 22", "Rullstolar", [K, K, K, K])], utgava: [{ Fält: "Beslutad", Värde: "2025-10-01" }, { Fält: "Giltig från", Värde: "2026-01-01" }] })));
});

describe("bad input on the command line: a Swedish message, exit 2, nothing written", () => {
  it("refuses a zip that holds no worksheets", async () => {
    for (const argv of [["validate", file("zip.xlsx")], ["who-pays", "12 22", "SÄBO", "80", "--workbook", file("zip.xlsx")]]) {
      const r = await cli(...argv);
      expect([r.code, r.err]).toEqual([2, expect.stringMatching(/ingen Excel-arbetsbok/)]);
    }
  });

  it("names the line of a quote that is never closed instead of swallowing the rest of the CSV", async () => {
    writeFileSync(file("quote.csv"), 'iso,boendeform,age\n12 22 03,SÄBO,80\n"12 22 03,SÄBO,80\n12 22,SÄBO,80\n');
    const r = await cli("who-pays", "--csv", file("quote.csv"));
    expect([r.code, r.out]).toEqual([2, ""]);
    expect(r.err).toMatch(/citattecknet på rad 3 stängs aldrig/);
  });

  it("refuses --specialanpassad together with --csv (the column decides per row)", async () => {
    writeFileSync(file("q.csv"), "iso,boendeform,age\n12 22 03,SÄBO,80\n");
    const r = await cli("who-pays", "--csv", file("q.csv"), "--specialanpassad");
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/kolumnen specialanpassad/)]);
  });

  it("refuses an edition whose row numbers lie beyond Excel's sheet", async () => {
    const edition = editionFromModel(readWorkbook(workbook({ b1: [listRow("12 22", "Rullstolar", [K, K, K, K])] })), { name: "x", decided: null, effective: null });
    const bad = { ...edition, bilagor: { ...edition.bilagor, B1: { ...edition.bilagor.B1!, rows: [{ ...edition.bilagor.B1!.rows[0]!, row: 1e9 }] } } };
    writeFileSync(file("huge.json"), serializeEdition(bad));
    const r = await cli("validate", file("clean.xlsx"), "--previous", file("huge.json"));
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/följer inte utgåveformatet/)]);
  });

  it("never lets follow-up --out overwrite an input or an existing file without --force", async () => {
    writeFileSync(file("rader.csv"), "kommun,kvartal,iso,boendeform,ålder,belopp\nSolna,2026Q1,12 22 03,SÄBO,80,100\n");
    const before = digest(file("clean.xlsx"));
    const same = await cli("follow-up", file("rader.csv"), "--workbook", file("clean.xlsx"), "--out", file("clean.xlsx"), "--force");
    expect([same.code, same.err]).toEqual([2, expect.stringMatching(/indatafilerna/)]);
    expect(digest(file("clean.xlsx"))).toBe(before);
    writeFileSync(file("rapport.xlsx"), "gammal");
    const existing = await cli("follow-up", file("rader.csv"), "--out", file("rapport.xlsx"));
    expect([existing.code, existing.err]).toEqual([2, expect.stringMatching(/finns redan.*--force/)]);
    expect((await cli("follow-up", file("rader.csv"), "--out", file("rapport.xlsx"), "--force")).code).toBe(0);
  });

  it("publishes all or nothing: a blocked target leaves no half publication", async () => {
    const out = file("pub");
    mkdirSync(path.join(out, "index.html"), { recursive: true });
    const r = await cli("publish", file("clean.xlsx"), "--edition", "1", "--out", out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/det finns en mapp med det namnet\. Inget publicerades/);
    expect(readdirSync(out)).toEqual(["index.html"]);
  });

  it("says in Swedish when the output folder cannot be created", async () => {
    writeFileSync(file("fil"), "x");
    const r = await cli("new-workbook", path.join(file("fil"), "ny.xlsx"));
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/Kunde inte skriva .*: en del av sökvägen är ingen mapp/)]);
  });

  it("stops quietly when its output is piped into a reader that leaves early", () => {
    ensureBuiltCli();
    const r = spawnSync("bash", ["-c", `"${process.execPath}" "${BIN}" who-pays --csv "${file("many.csv")}" | head -n 1`], { cwd: ROOT, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.stdout.split("\n")[0]).toBe(`\uFEFF${["iso", "boendeform", "age", ...ANSWER_CSV_COLUMNS].join(",")}`);
  });
});

beforeAll(() => {
  writeFileSync(file("many.csv"), ["iso,boendeform,age", ...Array.from({ length: 20_000 }, () => "12 22 03,SÄBO,80")].join("\n"));
});
