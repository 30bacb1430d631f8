/*
 * Files saved by another program: the bilagor and a cost file opened and saved by Debian's
 * LibreOffice Calc (as a kommun that does not use Excel would), read back by the tool. The answers,
 * the findings and the follow-up's totals must be the same as from the original, to the öre and to
 * the day, in every time zone; a file saved as .ods is named as not read, never passed over.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { exampleWorkbook } from "../../src/core/example/exampleWorkbook";
import { writeBilagorXlsx } from "../../src/node/writeXlsx";
import { BIN } from "../helpers/cli";
import { convertWithLibreOffice, SWEDISH_CSV } from "../helpers/libreOffice";
import { listRow, workbook } from "../helpers/workbooks";

jest.setTimeout(180_000);

const dir = mkdtempSync(path.join(tmpdir(), "kostnadsansvar-lo-"));
const file = (...names: string[]) => path.join(dir, ...names);
const ZONES = ["UTC", "Europe/Stockholm", "America/Los_Angeles", "Pacific/Kiritimati"];

/** The real command under a time zone. */
function run(args: string[], tz = "UTC") {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", env: { ...process.env, TZ: tz } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// A row that takes effect on 2026-07-01 (a date cell), under a parent that answers before it.
const DATED = workbook({
  b1: [listRow("12 22", "Manuellt drivna rullstolar", ["Kommun", "Kommun", "Kommun", "Kommun"]), listRow("12 22 03", "Manuella rullstolar med drivning", ["Region", "Region", "Region", "Region"], { "Giltig från": new Date(Date.UTC(2026, 6, 1)) })],
  utgava: [
    { Fält: "Utgåva", Värde: "2026:1" },
    { Fält: "Beslutad", Värde: new Date(Date.UTC(2025, 11, 15)) },
    { Fält: "Giltig från", Värde: new Date(Date.UTC(2026, 0, 1)) },
  ],
});
const COSTS = [
  "kommun;kvartal;datum;iso;boendeform;ålder;belopp",
  "Solna;2026Q2;2026-06-30;12 22 03;SÄBO;80;1 000,50",
  "Solna;2026Q3;2026-07-01;12 22 03;SÄBO;80;2 450,25",
  "Nacka;2026Q3;2026-09-30;22 06 15;SÄBO;;250,05",
  "Täby;2026Q1;2026-01-02;15 09;SÄBO;80;12,00",
];
const QUESTIONS = ["iso;boendeform;ålder", "12 22 03;SÄBO;80", "12 22;LSS bostad;30", "22 06 21;LSS bostad;30", "15 09;SÄBO;80", "12 36;socialpsykiatri;40", "09 30;SÄBO;17"];

let saved: { example: string; dated: string; costsXlsx: string; costsOds: string };

beforeAll(async () => {
  writeFileSync(file("exempel.xlsx"), await writeBilagorXlsx(exampleWorkbook()));
  writeFileSync(file("daterad.xlsx"), await writeBilagorXlsx(DATED));
  writeFileSync(file("kostnader.csv"), COSTS.join("\n") + "\n");
  writeFileSync(file("fragor.csv"), QUESTIONS.join("\n") + "\n");
  const [example, dated] = convertWithLibreOffice([file("exempel.xlsx"), file("daterad.xlsx")], "xlsx", file("lo"));
  const [costsXlsx] = convertWithLibreOffice([file("kostnader.csv")], "xlsx", file("lo"), SWEDISH_CSV);
  const [costsOds] = convertWithLibreOffice([file("kostnader.csv")], "ods", file("lo"), SWEDISH_CSV);
  saved = { example: example!, dated: dated!, costsXlsx: costsXlsx!, costsOds: costsOds! };
});

describe("bilagor saved by LibreOffice", () => {
  it("gives the same findings, cell by cell, as the original", () => {
    for (const [original, copy] of [[file("exempel.xlsx"), saved.example], [file("daterad.xlsx"), saved.dated]] as const) {
      const cells = (f: string) => {
        const r = run(["granska", f, "--json"]);
        expect(r.err).not.toMatch(/Oväntat/);
        return { code: r.code, findings: (JSON.parse(r.out) as { findings: Array<{ code: string; sheet: string; row: number; column: string }> }).findings.map((x) => `${x.code} ${x.sheet}!${x.column}${x.row}`).sort() };
      };
      const a = cells(original);
      expect(a.findings.length).toBeGreaterThan(0);
      expect(cells(copy)).toEqual(a);
    }
  });

  it("answers every question as the original, with the same rule, § and source row", () => {
    const answers = (f: string) => {
      const r = run(["vem-betalar", "--frågefil", file("fragor.csv"), "--arbetsbok", f, "--json"]);
      expect(r.code).toBe(0);
      return (JSON.parse(r.out) as Array<Record<string, unknown>>).map(({ iso, payer, rule, section, source }) => ({ iso, payer, rule, section, source }));
    };
    const a = answers(file("exempel.xlsx"));
    expect(a).toHaveLength(QUESTIONS.length - 1);
    expect(answers(saved.example)).toEqual(a);
  });

  it.each(ZONES)("reads a row's Giltig från date cell as the day written (TZ=%s)", (tz) => {
    const ask = (f: string, date: string) => {
      const r = run(["vem-betalar", "12 22 03", "SÄBO", "80", "--arbetsbok", f, "--datum", date, "--json"], tz);
      const j = JSON.parse(r.out) as { payer: string; rule: string; source: { row: number } };
      return [j.payer, j.rule, j.source.row];
    };
    for (const f of [file("daterad.xlsx"), saved.dated]) {
      expect(ask(f, "2026-06-30")).toEqual(["Kommun", "LIST", 2]);
      expect(ask(f, "2026-07-01")).toEqual(["Region", "LIST", 3]);
    }
  });
});

describe("a cost file saved by LibreOffice", () => {
  const followUp = (files: string[], tz: string) => {
    const r = run(["uppföljning", ...files, "--arbetsbok", file("daterad.xlsx"), "--json"], tz);
    expect(r.err).not.toMatch(/Oväntat/);
    const j = JSON.parse(r.out) as { quarters: Array<Record<string, unknown>>; totals: Record<string, unknown>; inputs: Array<{ file: string; lines: number; amount: number; problem: string | null }>; unassignedLines: Array<{ line: number; code: string }> };
    return { code: r.code, quarters: j.quarters, totals: j.totals, inputs: j.inputs.map(({ lines, amount, problem }) => ({ lines, amount, problem })), unassigned: j.unassignedLines.map((l) => [l.line, l.code]) };
  };

  it.each(ZONES)("is read as the CSV it came from: the same quarters, payers and totals to the öre (TZ=%s)", (tz) => {
    const csv = followUp([file("kostnader.csv")], tz);
    expect(csv.totals).toMatchObject({ input: 3712.8, balanced: true });
    // 2026-06-30 under the parent row (Kommun), 2026-07-01 under the dated row (Region): no day moved.
    expect(csv.quarters.find((q) => q.quarter === "2026Q2")).toMatchObject({ kommun: 1000.5, region: 0 });
    expect(csv.quarters.find((q) => q.quarter === "2026Q3")).toMatchObject({ kommun: 0, region: 2700.3 });
    expect(csv.unassigned).toEqual([[5, "UNLISTED"]]);
    expect(followUp([saved.costsXlsx], tz)).toEqual(csv);
  });

  it("names a file saved as .ods as not read, and counts the rest", () => {
    const alone = run(["uppföljning", saved.costsOds, "--arbetsbok", file("daterad.xlsx")]);
    expect(alone.code).toBe(2);
    expect(alone.err + alone.out).toMatch(/kostnader\.ods är sparad som \.ods, som uppföljningen inte läser; spara den som \.xlsx eller CSV\./);
    const both = followUp([file("kostnader.csv"), saved.costsOds], "UTC");
    expect(both.code).toBe(1);
    expect(both.inputs).toHaveLength(2);
    expect(both.inputs[1]!.problem).toMatch(/\.ods/);
    expect(both.totals).toMatchObject({ input: 3712.8, balanced: true });
  });
});
