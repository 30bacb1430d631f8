import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { expectBaseline } from "../helpers/baseline";
import { cli } from "../helpers/cli";

describe("npm run demo", () => {
  it("tells a short story: what the example is, the review in one summary, a few answers (golden baseline)", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "kostnadsansvar-demo-")), "bilagor-exempel.xlsx");
    const r = await cli("demo", file);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const text = r.out.split(file).join("exempel/bilagor-exempel.xlsx");
    // Short: no 64 near-identical lines, and no internal heading.
    expect(text.split("\n").length).toBeLessThan(30);
    expect(text).not.toContain("(WHO_PAYS)");
    expectBaseline("demo", text);
  });
});
