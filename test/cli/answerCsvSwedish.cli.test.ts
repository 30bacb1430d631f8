/*
 * The answer CSV as a Swedish economist meets it: `who-pays --csv` output opened by Debian's
 * LibreOffice Calc with Swedish settings (language 1053, semicolon, UTF-8) and saved as .xlsx, then
 * read back with ExcelJS. The code as read stays text ("12 22 03", never a number), the rule is
 * there in words beside its code, å ä ö survive, and no cell becomes a formula.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { ANSWER_CSV_COLUMNS } from "../../src/cli/whoPaysCommand";
import { RULE_SV } from "../../src/core/editions/guideText";
import { cli } from "../helpers/cli";
import { convertWithLibreOffice, SWEDISH_CSV } from "../helpers/libreOffice";

jest.setTimeout(120_000);

const dir = mkdtempSync(path.join(tmpdir(), "kostnadsansvar-svar-"));

/** Opens a CSV in LibreOffice Calc as Swedish Excel would (semicolon, ", UTF-8, Swedish locale) and saves it as .xlsx. */
const throughCalc = (csv: string): string => convertWithLibreOffice([csv], "xlsx", path.join(dir, "calc"), SWEDISH_CSV)[0]!;

describe("the answer CSV in a Swedish spreadsheet", () => {
  let rows: Array<Array<ExcelJS.CellValue>>;
  let formulas: number;

  beforeAll(async () => {
    const questions = path.join(dir, "fragor.csv");
    // As an economist pastes them: a code Excel stripped to a number, one without its leading
    // zero, everyday housing-form names, a child, an unreadable code and a formula-looking cell.
    writeFileSync(questions, ["iso;boendeform;ålder", "122203;SÄBO;80", "93312;vobo;80", "12 22 03;gruppbostad;45", "22 06 15;äldreboende;17", "fel;SÄBO;80", "=1+1;SÄBO;80"].join("\n") + "\n");
    const r = await cli("who-pays", "--csv", questions);
    expect(r.code).toBe(0);
    const answers = path.join(dir, "svar.csv");
    writeFileSync(answers, r.out);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(throughCalc(answers));
    const sheet = book.worksheets[0]!;
    rows = [];
    formulas = 0;
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const values: ExcelJS.CellValue[] = [];
      for (let c = 1; c <= 3 + ANSWER_CSV_COLUMNS.length; c++) {
        const cell = row.getCell(c);
        if (cell.formula || cell.type === ExcelJS.ValueType.Formula) formulas++;
        values.push(cell.value);
      }
      rows.push(values);
    });
  });

  const column = (name: (typeof ANSWER_CSV_COLUMNS)[number]) => rows.slice(1).map((r) => r[3 + ANSWER_CSV_COLUMNS.indexOf(name)] ?? null);

  it("keeps the headers, with å ä ö intact", () => {
    expect(rows[0]).toEqual(["iso", "boendeform", "ålder", ...ANSWER_CSV_COLUMNS]);
  });

  it("gives the code as read as text, never a number, also for a code that lost its leading zero", () => {
    expect(column("läst kod")).toEqual(["12 22 03", "09 33 12", "12 22 03", "22 06 15", null, null]);
  });

  it("gives the rule in words beside its code", () => {
    const codes = column("regelkod");
    expect(codes).toEqual(["LIST", "LIST", expect.stringMatching(/^(LIST|UNLISTED)$/), "AGE_UNDER_18", "ISO_FORMAT", "ISO_FORMAT"]);
    const words = column("regel");
    for (const [i, code] of codes.entries()) {
      if (typeof code === "string" && code in RULE_SV) expect(words[i]).toBe(RULE_SV[code as keyof typeof RULE_SV]);
      else expect(words[i]).toBe("Koden kan inte läsas");
    }
  });

  it("gives a short reason without the Villkor, which has its own column", () => {
    const reasons = column("förklaring") as string[];
    const villkor = column("villkor");
    for (const [i, reason] of reasons.entries()) {
      expect(reason.length).toBeLessThan(300);
      if (typeof villkor[i] === "string" && villkor[i] !== "") expect(reason).not.toContain(villkor[i] as string);
    }
    expect(reasons[1]).toMatch(/^Koden 93312 lästes som 09 33 12/);
  });

  it("makes no cell a formula", () => {
    expect(formulas).toBe(0);
    expect(String(rows[6]![0])).toContain("=1+1");
  });
});
