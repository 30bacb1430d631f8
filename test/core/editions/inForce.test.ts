/**
 * Which lists are in force on a date (inForce, listsOnDate): the latest edition whose Giltig från
 * is not after the date; of two with the same date the later in the list (the one given last)
 * keeps its place only for undated lists; NO_EDITION names the earliest date. Written against the
 * survivors of a mutation run (npm run mutation), each assertion for one of them.
 */
import { readWorkbook } from "../../../src/core/model";
import { inForce, listsOnDate, workbookLists, type DatedLists } from "../../../src/core/editions/inForce";
import { buildWhoPaysIndex } from "../../../src/core/whoPays";
import { workbook } from "../../helpers/workbooks";
import { notADateSv } from "../../../src/core/values";

const index = buildWhoPaysIndex(readWorkbook(workbook()));
const lists = (name: string | null, effective: string | null): DatedLists => ({ name, effective, index });

describe("inForce", () => {
  const a = lists("2026:1", "2026-01-01");
  const b = lists("2026:2", "2026-07-01");
  const draft = lists(null, null);

  it("picks the latest edition not after the date, whatever the order given", () => {
    for (const order of [[a, b], [b, a]]) {
      expect(inForce(order, "2026-06-30")?.name).toBe("2026:1");
      expect(inForce(order, "2026-07-01")?.name).toBe("2026:2");
      expect(inForce(order, "2027-01-01")?.name).toBe("2026:2");
      expect(inForce(order, "2025-12-31")).toBeNull();
    }
  });

  it("lets a dated edition take over from undated lists, and keeps the first of two with the same date", () => {
    expect(inForce([draft, a], "2026-03-01")?.name).toBe("2026:1");
    expect(inForce([a, draft], "2026-03-01")?.name).toBe("2026:1");
    expect(inForce([draft], "1999-01-01")).toBe(draft);
    const again = lists("2026:1b", "2026-01-01");
    // Same date: the first given stays (a tie does not replace it).
    expect(inForce([a, again], "2026-03-01")).toBe(a);
    // Two undated lists: the later given answers (the workbook given after the example).
    const draft2 = lists("utkast", null);
    expect(inForce([draft, draft2], "2026-03-01")).toBe(draft2);
  });
});

describe("listsOnDate", () => {
  it("refuses an invalid date with the date in the message, cut to 30 characters", () => {
    const r = listsOnDate([lists("2026:1", "2026-01-01")], "2026-02-30");
    expect(r).toMatchObject({ ok: false, code: "DATE_INVALID" });
    expect((r as { message: string }).message).toBe(notADateSv("Datumet", "2026-02-30"));
    const long = listsOnDate([], "x".repeat(40));
    expect((long as { message: string }).message).toBe(notADateSv("Datumet", "x".repeat(30)));
  });

  it("names the earliest edition's date when none was in force (undated lists left out of that)", () => {
    const r = listsOnDate([lists("2026:2", "2026-07-01"), lists("2026:1", "2026-01-01")], "2025-05-01");
    expect(r).toEqual({ ok: false, code: "NO_EDITION", message: "Ingen utgåva av bilagorna gällde 2025-05-01; den tidigaste gäller från 2026-01-01." });
    expect(listsOnDate([], "2025-05-01")).toEqual({ ok: false, code: "NO_EDITION", message: "Ingen utgåva av bilagorna gällde 2025-05-01." });
  });
});

describe("workbookLists", () => {
  const model = readWorkbook(workbook());
  it("places the working workbook beside editions from its own Giltig från, and alone (or undated) on any date with its Giltig från kept", () => {
    const beside = workbookLists(model, { name: "2027:1", giltigFran: "2027-01-01" }, true);
    expect([beside.name, beside.effective, beside.statedEffective]).toEqual(["2027:1", "2027-01-01", undefined]);
    const alone = workbookLists(model, { name: "2027:1", giltigFran: "2027-01-01" }, false);
    expect([alone.name, alone.effective, alone.statedEffective]).toEqual([null, null, "2027-01-01"]);
    const undated = workbookLists(model, { name: "2027:1", giltigFran: null }, true);
    expect([undated.name, undated.effective, undated.statedEffective]).toEqual([null, null, null]);
    expect(workbookLists(model, { name: null, giltigFran: null }, false, index).index).toBe(index);
  });
});
