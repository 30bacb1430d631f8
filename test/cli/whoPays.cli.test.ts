import { ANSWER_CSV_COLUMNS } from "../../src/cli/whoPaysCommand";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { writeBilagorXlsx } from "../../src/node/writeXlsx";
import { binary, cli, ensureBuiltCli } from "../helpers/cli";
import { listRow, workbook } from "../helpers/workbooks";

const dir = mkdtempSync(path.join(tmpdir(), "kostnadsansvar-cli-"));
const file = (name: string) => path.join(dir, name);

beforeAll(async () => {
  writeFileSync(
    file("bilagor.xlsx"),
    await writeBilagorXlsx(workbook({ b1: [listRow("12 22", "Manuellt drivna rullstolar", ["Region", "Kommun", "Kommun", "Kommun"], { Villkor: "Testvillkor" })] })),
  );
  writeFileSync(file("notes.xlsx"), "det här är ingen arbetsbok");
  writeFileSync(
    file("fragor.csv"),
    "iso,boendeform,age,specialanpassad\n12 22 03,SÄBO,80,\n12 22 03,LSS bostad,45,nej\n99x,SÄBO,80,\n\n22 06 15,SÄBO,85,\n12 22 03,sjukhus,80,\n12 22 03,SÄBO,80,ja\n12 22 03,SÄBO,80,kanske\n",
  );
  writeFileSync(file("semikolon.csv"), "\ufeffiso;boendeform;ålder\n\"12 22 03\";SÄBO;80\n");
  writeFileSync(file("utan-rubrik.csv"), "12 22 03,SÄBO,80\n");
  // Headers as a kommun's cost file has them (core/columnHeaders.ts), and one with two code columns.
  writeFileSync(file("kostnadsrubriker.csv"), "ISO-kod:,Housing form,Ålder\n12 22 03,SÄBO,80\n");
  writeFileSync(file("tva-koder.csv"), "iso,boendeform,ålder,ISO kod\n12 22 03,SÄBO,80,22 06 15\n");
});

describe("kostnadsansvar who-pays", () => {
  it("answers 12 22 03 in SÄBO for an 80-year-old with rule and § (built-in example)", async () => {
    const r = await cli("who-pays", "12 22 03", "SÄBO", "80");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Betalare: +Kommun$/m);
    expect(r.out).toMatch(/^Regel: +LIST \(§4\.3\)$/m);
  });

  it("prints the JSON contract", async () => {
    const r = await cli("who-pays", "22 06 15", "säbo", "85", "--json");
    expect(JSON.parse(r.out)).toEqual({
      iso: "22 06 15",
      villkor: null,
      payer: "Region",
      rule: "REGION_HORSEL",
      section: "§2.2",
      explanation: expect.any(String),
      source: { sheet: "Principer", row: expect.any(Number), iso: "22 06" },
      error: null,
    });
  });

  it("answers from a workbook with --workbook", async () => {
    const r = await cli("who-pays", "12 22 03", "SABO", "80", "--workbook", file("bilagor.xlsx"), "--json");
    expect(JSON.parse(r.out)).toMatchObject({ payer: "Region", rule: "LIST", source: { sheet: "Bilaga 1", row: 2, iso: "12 22" } });
    const special = await cli("who-pays", "12 22 03", "LSS_BOSTAD", "80", "--specialanpassad", "--workbook", file("bilagor.xlsx"), "--json");
    expect(JSON.parse(special.out)).toMatchObject({ payer: "Region", rule: "SPECIALANPASSAD" });
  });

  it("answers a CSV batch in order, every row, never stopping at a bad one", async () => {
    const r = await cli("who-pays", "--csv", file("fragor.csv"), "--workbook", file("bilagor.xlsx"), "--json");
    expect(r.code).toBe(0);
    const answers = JSON.parse(r.out) as Array<{ payer: string | null; rule: string | null; error: { code: string } | null }>;
    expect(answers.map((a) => a.rule ?? a.error!.code)).toEqual([
      "LIST",
      "LIST",
      "ISO_FORMAT",
      "REGION_HORSEL",
      "BOENDEFORM_UNKNOWN",
      "SPECIALANPASSAD",
      "SPECIALANPASSAD_INVALID",
    ]);
    expect(answers.map((a) => a.payer)).toEqual(["Region", "Kommun", null, "Region", null, "Region", null]);
  });

  it("writes CSV with a BOM, the input columns plus the code as read, the payer, the rule in words and as a code, the §, a short reason and the Villkor, keeping the delimiter", async () => {
    const r = await cli("who-pays", "--frågefil", file("semikolon.csv"));
    expect(r.out.startsWith("\uFEFFiso;")).toBe(true);
    const [header, row] = r.out.trim().split("\n");
    expect(header).toBe(["iso", "boendeform", "ålder", ...ANSWER_CSV_COLUMNS].join(";"));
    expect(row!.split(";").slice(0, 5)).toEqual(["12 22 03", "SÄBO", "80", "12 22 03", "Kommun"]);
    expect(row!.split(";").slice(6, 8)).toEqual(["LIST", "§4.3"]);
  });

  it.each([
    [["who-pays", "12 22 03", "sjukhus", "80"], /BOENDEFORM_UNKNOWN: Okänd boendeform/],
    [["who-pays", "12 22 03", "SÄBO"], /Användning/],
    [["who-pays", "12 22 03", "SÄBO", "80", "--workbok", "x.xlsx"], /Okänd flagga --workbok\. Menade du --arbetsbok \(engelska --workbook\)\?/],
    [["who-pays", "12 22 03", "SÄBO", "80", "--workbook", "finns-inte.xlsx"], /finns inte/],
    [["who-pays", "--csv", "finns-inte.csv"], /finns inte/],
  ])("exits 2 with a Swedish message for %j", async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it("exits 2 on a file that is not an .xlsx and on a CSV without header", async () => {
    const notXlsx = await cli("who-pays", "12 22", "SÄBO", "80", "--workbook", file("notes.xlsx"));
    expect(notXlsx.code).toBe(2);
    expect(notXlsx.err).toMatch(/ingen \.xlsx-fil/);
    const noHeader = await cli("who-pays", "--csv", file("utan-rubrik.csv"));
    expect(noHeader.code).toBe(2);
    expect(noHeader.err).toMatch(/saknar kolumnerna iso, boendeform och ålder \(age\)/);
  });

  it("reads a question file's headers as a cost file's, and refuses two columns for one thing", async () => {
    const read = await cli("who-pays", "--csv", file("kostnadsrubriker.csv"), "--json");
    expect(read.code).toBe(0);
    expect(JSON.parse(read.out)).toMatchObject([{ iso: "12 22 03", payer: "Kommun", rule: "LIST" }]);
    const twice = await cli("who-pays", "--csv", file("tva-koder.csv"));
    expect(twice.code).toBe(2);
    expect(twice.err).toMatch(/2 kolumner för iso \(kolumn 1 och 4\)/);
    expect(twice.out).toBe("");
  });
});

describe("the installed command", () => {
  beforeAll(() => ensureBuiltCli());

  it("runs from bin/ with exit code 0 and the answer", () => {
    const r = binary(["who-pays", "12 22 03", "SÄBO", "80"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("LIST (§4.3)");
  });

  it("exits 2 without a stack trace on a corrupt file", () => {
    const r = binary(["validate", file("notes.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/ingen \.xlsx-fil/);
    expect(r.err).not.toMatch(/Error|\bat /);
  });
});
