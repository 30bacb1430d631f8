/**
 * Surfaces that must say the same thing, over generated editions (fast-check): a published
 * edition 2026:1 and a draft with random payer, Status and Giltig från changes.
 * - the list of changes: `jämför --json`, the change log (CSV rows), "Nytt i utgåvan" (for rows
 *   that count) and the pane's Publicera list are all derived from one diffModels;
 * - the cost shift: COST_SHIFT (the functions' logic, on the dates of the two editions) and
 *   `kostnadsförskjutning --json` give the same amount per cost line, Egenansvar included;
 * - the answer: whoPays on the draft, WHO_PAYS_WHY's rule and `vem-betalar --json` agree.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { BOENDEFORM_INFO, type Boendeform } from "../../src/core/boendeform";
import { changeLogRows, describeChangeSv } from "../../src/core/editions/changeLog";
import { diffModels } from "../../src/core/editions/diff";
import { datedLists } from "../../src/core/editions/inForce";
import { editionFromModel, editionModel, serializeEdition } from "../../src/core/editions/edition";
import { newsItems } from "../../src/core/editions/guideSite";
import { costLines, costShift } from "../../src/core/costs/costShift";
import { FollowUpRun, followUpRows } from "../../src/core/costs/followUp";
import { readWorkbook } from "../../src/core/model";
import { statusCounts, valueOf } from "../../src/core/values";
import { whoPays, buildWhoPaysIndex } from "../../src/core/whoPays";
import { costShiftValue, whoPaysWhyValue } from "../../src/functions/logic";
import { cli } from "../helpers/cli";
import { rawXlsxFile } from "../helpers/xlsxFixtures";
import { bilaga, book, CODES, type RowSpec } from "../helpers/generatedBooks";
import { workbook, type Rec } from "../helpers/workbooks";

/**
 * Last year's costs, borne by whoever paid under the previous edition (Egenansvar: no one of the
 * parties): the data COST_SHIFT's one amount stands for.
 */
function costsUnder(rows: readonly RowSpec[]): Rec[] {
  return CODES.flatMap((iso, i) =>
    [["SÄBO", 0, 100_000], ["LSS bostad", 1, 50_000]].map(([form, column, amount]) => {
      const payer = rows[i]!.payers[column as number];
      return { "ISO-kod": iso, Boendeform: form as string, Kommun: payer === "Kommun" ? (amount as number) : 0, Region: payer === "Region" ? (amount as number) : 0, År: "2025" };
    }),
  );
}


describe("one truth across surfaces", () => {
  it("lists the same changes in jämför, the change log, the pane and (for rows that count) Nytt i utgåvan", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "kostnadsansvar-agree-"));
    await fc.assert(
      fc.asyncProperty(book, book, async (before, after) => {
        const old = editionFromModel(readWorkbook(workbook({ b1: bilaga(before) })), { name: "2026:1", decided: "2026-01-01", effective: "2026-04-01" });
        const draft = readWorkbook(workbook({ b1: bilaga(after), utgava: [{ Fält: "Utgåva", Värde: "2026:2" }] }));
        const changes = diffModels(editionModel(old), draft);
        // jämför --json on the edition file and the draft workbook.
        const oldFile = path.join(dir, "2026-1.json");
        writeFileSync(oldFile, serializeEdition(old));
        const draftFile = await rawXlsxFile(workbook({ b1: bilaga(after), utgava: [{ Fält: "Utgåva", Värde: "2026:2" }] }), dir, "utkast.xlsx");
        const r = await cli("jämför", oldFile, draftFile, "--json");
        expect(r.code).toBe(0);
        const cliChanges = (JSON.parse(r.out) as { changes: Array<{ kind: string; bilaga: number; iso: string | null; boendeform: string | null; from: string | null; to: string | null }> }).changes;
        const key = (kind: string, iso: string | null, form: string | null) => `${kind}|${iso}|${form ?? ""}`;
        const core = changes.map((c) => {
          const ref = c.kind === "removed" ? c.before : c.after;
          return key(c.kind, ref.row.iso.state === "ok" ? (ref.row.iso.value as { code: string }).code : null, c.kind === "payer" || c.kind === "villkor" ? c.boendeform ?? null : null);
        });
        expect(cliChanges.map((c) => key(c.kind, c.iso, c.boendeform))).toEqual(core);
        // The change log: one row per change, in the same order, field by field as jämför --json has it.
        const log = changeLogRows("2026:2", changes);
        const fromCli = cliChanges.map((c) => {
          const form = c.boendeform ? BOENDEFORM_INFO[c.boendeform as Boendeform].shortSv : "";
          const beforeAfter = c.kind === "payer" ? [c.from ?? "", c.to ?? ""] : c.kind === "status" ? [c.from ?? "Gällande", c.to ?? "Gällande"] : c.kind === "added" ? ["", "Ny rad"] : c.kind === "removed" ? ["Fanns", "Borttagen"] : [c.from ?? "", c.to ?? ""];
          const column = c.kind === "payer" ? form : c.kind === "villkor" ? (form ? `(Villkor) ${form}` : "(Villkor)") : ({ added: "", removed: "", status: "(Status)", title: "(Benämning)", giltigFran: "(Giltig från)", beslutsdatum: "(Beslutsdatum)" } as Record<string, string>)[c.kind]!;
          return [String(c.bilaga), c.iso ?? "", column, ...beforeAfter];
        });
        expect(log.map((l) => [l[1], l[2], l[4], l[5], l[6]])).toEqual(fromCli);
        // The pane's Publicera list (describeChangeSv per change of the same diff) is jämför's text, line by line.
        const text = await cli("jämför", oldFile, draftFile);
        expect(text.out.trimEnd().split("\n").slice(1, -1).map((l) => l.trim())).toEqual(changes.map(describeChangeSv));
        // Nytt i utgåvan: every payer change of a row that counts is there (Beslutad too).
        const published = editionFromModel(draft, { name: "2026:2", decided: "2026-05-01", effective: "2026-09-01" });
        const news = newsItems(published, changes);
        const payerChanges = changes.filter((c): c is Extract<typeof c, { kind: "payer" }> => c.kind === "payer");
        const counting = payerChanges.filter((c) => statusCounts(c.after.row.status));
        for (const c of counting) {
          expect([c.after.row.row, news.some((n) => n.iso === valueOf(c.after.row.iso)?.code && n.what.includes("→"))]).toEqual([c.after.row.row, true]);
        }
      }),
      { numRuns: 15 },
    );
  });

  it("gives the same cost shift in COST_SHIFT and kostnadsförskjutning, line by line and in the net", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "kostnadsansvar-shift-"));
    await fc.assert(
      fc.asyncProperty(book, book, async (beforeRows, afterRows) => {
        // Only rows that answer on both dates, so that each line has a payer under both editions.
        const inForce = (rows: readonly RowSpec[]) => rows.map((r) => ({ ...r, status: null, giltig: null }));
        const oldModel = readWorkbook(workbook({ b1: bilaga(inForce(beforeRows)) }));
        const old = editionFromModel(oldModel, { name: "2026:1", decided: "2026-01-01", effective: "2026-04-01" });
        const draftRaw = workbook({ b1: bilaga(inForce(afterRows)), kostnader: costsUnder(beforeRows), utgava: [{ Fält: "Utgåva", Värde: "2026:2" }, { Fält: "Tolerans kostnadsneutralitet", Värde: "10 000" }] });
        const draft = readWorkbook(draftRaw);
        const shift = costShift(editionModel(old), draft);
        // COST_SHIFT per cost line, between the two editions on their dates.
        const lists = [datedLists(editionModel(old), "2026:1", "2026-04-01"), datedLists(draft, "2026:2", "2026-09-01")];
        let net = 0;
        for (const line of costLines(draft)) {
          const cost = line.kommun + line.region;
          const v = costShiftValue(line.iso, line.boendeform, cost, "2026-05-01", "2026-10-01", lists);
          expect(v.ok).toBe(true);
          net += (v as { value: number }).value;
        }
        expect(net).toBe(shift.netToKommun);
        // kostnadsförskjutning --json says the same.
        const oldFile = path.join(dir, "2026-1.json");
        writeFileSync(oldFile, serializeEdition(old));
        const r = await cli("kostnadsförskjutning", await rawXlsxFile(draftRaw, dir, "utkast.xlsx"), "--tidigare", oldFile, "--json");
        // Exit 1 exactly when the shift is not neutral within the tolerance.
        expect(r.code).toBe(shift.neutral === false ? 1 : 0);
        expect((JSON.parse(r.out) as { netToKommun: number }).netToKommun).toBe(net);
      }),
      { numRuns: 15 },
    );
  });

  it("answers alike in whoPays, WHO_PAYS_WHY, vem-betalar --json and the follow-up's allocation of a cost line", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "kostnadsansvar-answer-"));
    await fc.assert(
      fc.asyncProperty(book, fc.constantFrom(...CODES, "12 22 03", "12"), fc.constantFrom("SÄBO", "LSS bostad", "LSS daglig verksamhet", "SoL dagverksamhet", "socialpsykiatri"), fc.constantFrom(12, 80), async (rows, iso, boendeform, age) => {
        const raw = workbook({ b1: bilaga(rows) });
        const model = readWorkbook(raw);
        const core = whoPays({ iso, boendeform, age, date: "2026-10-15" }, buildWhoPaysIndex(model));
        expect(core.ok).toBe(true);
        const rule = (core as { rule: string }).rule;
        const why = whoPaysWhyValue({ iso, boendeform, age, datum: "2026-10-15" }, [datedLists(model, null, null)]);
        expect((why as { value?: string; message?: string }).value ?? (why as { message: string }).message).toContain(rule);
        const r = await cli("vem-betalar", iso, boendeform, String(age), "--datum", "2026-10-15", "--arbetsbok", await rawXlsxFile(raw, dir, "b.xlsx"), "--json");
        const json = JSON.parse(r.out) as { payer: string | null; rule: string };
        expect([json.payer, json.rule]).toEqual([(core as { payer: string | null }).payer, rule]);
        // The follow-up: one line of 100 kr on the same date goes to the same party, or is left out with the same rule.
        const run = new FollowUpRun([datedLists(model, null, null)]);
        followUpRows(run, "k.csv", [["kommun", "datum", "iso", "boendeform", "ålder", "belopp"], ["Solna", "2026-10-15", iso, boendeform, age, 100]]);
        const f = run.finish();
        const totals = f.quarters.find((q) => q.quarter === "2026Q4")!.totals;
        const bucket = json.payer === "Kommun" ? "kommun" : json.payer === "Region" ? "region" : json.payer === "Egenansvar" ? "egenansvar" : "unassigned";
        expect(totals[bucket]).toBe(10_000);
        expect(f.leftOutByCode.map((c) => c.code)).toEqual(json.payer === null ? [rule] : []);
      }),
      { numRuns: 15 },
    );
  });
});
