/*
 * Publishing is all or nothing, one run at a time per folder: the real command, in child
 * processes, racing each other and killed mid-way.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { runInNewContext } from "node:vm";
import { expandEdition, type CompactEdition } from "../../src/core/editions/guideData";
import { writeBilagorXlsx } from "../../src/node/writeXlsx";
import { BIN, ensureBuiltCli } from "../helpers/cli";
import { listRow, workbook, type WorkbookSpec } from "../helpers/workbooks";

const dir = mkdtempSync(path.join(tmpdir(), "kostnadsansvar-atomic-"));
const file = (name: string) => path.join(dir, name);
const K = "Kommun";
const R = "Region";

const spec = (payer: string): WorkbookSpec => ({
  b1: [listRow("12 22", "Manuellt drivna rullstolar", [payer, K, K, K]), listRow("12 23", "Eldrivna rullstolar", [K, R, R, R])],
  utgava: [
    { Fält: "Utgåva", Värde: "R" },
    { Fält: "Beslutad", Värde: "2025-11-20" },
    { Fält: "Giltig från", Värde: "2026-03-01" },
  ],
});

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  err: string;
}

function start(args: string[], env: Record<string, string> = {}): { child: ReturnType<typeof spawn>; done: Promise<Run> } {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let err = "";
  child.stderr!.on("data", (d) => (err += d));
  child.stdout!.resume();
  const done = new Promise<Run>((resolve) => child.on("close", (code, signal) => resolve({ code, signal, err })));
  return { child, done };
}

const hidden = (folder: string) => readdirSync(folder).filter((n) => n.startsWith("."));

async function waitFor(check: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  ensureBuiltCli();
  writeFileSync(file("a.xlsx"), await writeBilagorXlsx(workbook(spec(K))));
  writeFileSync(file("b.xlsx"), await writeBilagorXlsx(workbook(spec(R))));
});

describe("publish writes all or nothing", () => {
  it("two concurrent runs of one edition with different content into one folder: one wins, the other refuses", async () => {
    for (let round = 0; round < 6; round++) {
      const out = file(`race-${round}`);
      const a = start(["publish", file("a.xlsx"), "--edition", "R", "--out", out]);
      const b = start(["publish", file("b.xlsx"), "--edition", "R", "--out", out]);
      const runs = await Promise.all([a.done, b.done]);
      expect(runs.map((r) => r.code).sort()).toEqual([0, 2]);
      const loser = runs.find((r) => r.code === 2)!;
      expect(loser.err).toMatch(/publiceras redan i .* av en annan körning|finns redan med annat innehåll/);
      expect(loser.err).toMatch(/Inget publicerades|En publicerad utgåva ändras inte/);
      // The folder holds the winner's edition, whole, and nothing hidden.
      const winner = runs[0]!.code === 0 ? "a.xlsx" : "b.xlsx";
      const json = JSON.parse(readFileSync(path.join(out, "R.json"), "utf8")) as { bilagor: { B1: { rows: Array<{ payers: { SABO: string } }> } } };
      expect(json.bilagor.B1.rows[0]!.payers.SABO).toBe(winner === "a.xlsx" ? K : R);
      // The guide's data (a script assigning one global) is the winner's too.
      const sandbox: { window: Record<string, unknown> } = { window: {} };
      runInNewContext(readFileSync(path.join(out, "guide-data.js"), "utf8"), sandbox);
      const guide = expandEdition((sandbox.window.HJALPMEDELSGUIDEN as { edition: CompactEdition }).edition);
      expect(guide.bilagor.B1!.rows[0]!.payers.SABO).toBe(winner === "a.xlsx" ? K : R);
      expect(hidden(out)).toEqual([]);
    }
  });

  it("refuses in Swedish while another live run holds the folder, and takes over a lock left by a killed run", async () => {
    const out = file("locked");
    const holder = spawn("sleep", ["30"]);
    try {
      const { mkdirSync } = await import("node:fs");
      mkdirSync(out);
      writeFileSync(path.join(out, ".kostnadsansvar-publicering.lock"), JSON.stringify({ pid: holder.pid, edition: "R" }));
      const refused = await start(["publish", file("a.xlsx"), "--edition", "R", "--out", out]).done;
      expect(refused.code).toBe(2);
      expect(refused.err).toMatch(new RegExp(`Utgåva R publiceras redan i .* \\(process ${holder.pid}\\)\\. Vänta tills den är klar och försök igen\\. Inget publicerades\\.`));
      expect(readdirSync(out)).toEqual([".kostnadsansvar-publicering.lock"]);
    } finally {
      holder.kill("SIGKILL");
    }
    await new Promise((r) => holder.on("close", r));
    const after = await start(["publish", file("a.xlsx"), "--edition", "R", "--out", out]).done;
    expect([after.code, after.err]).toEqual([0, ""]);
    expect(hidden(out)).toEqual([]);
    expect(existsSync(path.join(out, "index.html"))).toBe(true);
  });

  it("a lock still being written (empty) counts as held; an empty lock left for minutes is taken over", async () => {
    const { mkdirSync, utimesSync } = await import("node:fs");
    const out = file("empty-lock");
    mkdirSync(out);
    const lock = path.join(out, ".kostnadsansvar-publicering.lock");
    writeFileSync(lock, "");
    const refused = await start(["publish", file("a.xlsx"), "--edition", "R", "--out", out]).done;
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/publiceras redan i .* av en annan körning\. .*Inget publicerades\./);
    expect(readdirSync(out)).toEqual([".kostnadsansvar-publicering.lock"]);
    const old = new Date(Date.now() - 5 * 60_000);
    utimesSync(lock, old, old);
    const after = await start(["publish", file("a.xlsx"), "--edition", "R", "--out", out]).done;
    expect([after.code, after.err]).toEqual([0, ""]);
    expect(hidden(out)).toEqual([]);
  });

  it("breaks a killed run's lock one run at a time: refuses while another run is breaking it, clears a breaker left by a killed run", async () => {
    const { mkdirSync, utimesSync } = await import("node:fs");
    const gone = spawn("true");
    await new Promise((r) => gone.on("close", r));
    const out = file("breaker");
    mkdirSync(out);
    const lock = path.join(out, ".kostnadsansvar-publicering.lock");
    const breaker = `${lock}.bryt`;
    writeFileSync(lock, JSON.stringify({ pid: gone.pid, edition: "R" }));
    writeFileSync(breaker, "");
    const refused = await start(["publish", file("a.xlsx"), "--edition", "R", "--out", out]).done;
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/publiceras redan i .* av en annan körning\. .*Inget publicerades\./);
    expect(readdirSync(out).sort()).toEqual([".kostnadsansvar-publicering.lock", ".kostnadsansvar-publicering.lock.bryt"]);
    const old = new Date(Date.now() - 60_000);
    utimesSync(breaker, old, old);
    const after = await start(["publish", file("a.xlsx"), "--edition", "R", "--out", out]).done;
    expect([after.code, after.err]).toEqual([0, ""]);
    expect(hidden(out)).toEqual([]);
  });

  it.each(["SIGTERM", "SIGINT"] as const)("a %s while the files are staged removes them, the staging folder and the lock: nothing published", async (signal) => {
    const out = file(`signal-${signal}`);
    const run = start(["publish", file("a.xlsx"), "--edition", "R", "--out", out], { KOSTNADSANSVAR_TEST_PAUSE_BEFORE_COMMIT_MS: "30000" });
    const staging = () => existsSync(out) && readdirSync(out).some((n) => n.startsWith(".kostnadsansvar-publicering-") && readdirSync(path.join(out, n)).includes("R.json"));
    await waitFor(staging);
    run.child.kill(signal);
    const result = await run.done;
    expect(result.code).toBe(signal === "SIGTERM" ? 143 : 130);
    expect(result.err).toContain(`Publiceringen avbröts (${signal}). Inget publicerades.`);
    expect(readdirSync(out)).toEqual([]);
  });
});
