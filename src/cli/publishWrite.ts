import { closeSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { fsErrorSv, InputError } from "./io";

/*
 * Writing a publication so that readers never see half of it and two runs never mix:
 *  1. an exclusive lock file in the output folder (one publication at a time per folder: the
 *     guide's pages are shared by the editions in it), taken with O_EXCL;
 *  2. under the lock, the "is this edition already published with other content?" check;
 *  3. every file written into a hidden staging folder beside the targets;
 *  4. the commit: synchronous renames into place with the edition JSON last, so no signal handler
 *     can run in between (the JSON is what marks an edition as published);
 *  5. the staging folder and the lock removed, also on SIGINT, SIGTERM and SIGHUP.
 */

const LOCK = ".kostnadsansvar-publicering.lock";
const STAGING_PREFIX = ".kostnadsansvar-publicering-";
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
const SIGNAL_NUMBERS: Record<(typeof SIGNALS)[number], number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

export interface Publication {
  readonly dir: string;
  readonly edition: string;
  /** Files by name; written in this order, the last one is committed last. */
  readonly files: ReadonlyMap<string, string | Buffer>;
  /** The file whose existing content must equal ours (the edition JSON); it is committed last. */
  readonly marker: string;
  /** Called under the lock with the marker's current content (or null): throw to refuse. */
  readonly check: (existing: string | null) => void;
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

interface LockInfo {
  readonly pid: number;
  readonly edition: string;
}

function readLock(file: string): LockInfo | null {
  try {
    const data = JSON.parse(readFileSync(file, "utf8")) as Partial<LockInfo>;
    return { pid: Number(data.pid), edition: String(data.edition ?? "") };
  } catch {
    return null;
  }
}

/** Takes the folder's lock, or refuses in Swedish while another live run holds it. */
function takeLock(dir: string, edition: string): string {
  const file = path.join(dir, LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx");
      try {
        writeSync(fd, JSON.stringify({ pid: process.pid, edition, started: new Date().toISOString() }));
      } finally {
        closeSync(fd);
      }
      return file;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw new InputError(`Kunde inte skriva i ${dir}: ${fsErrorSv(e)}. Inget publicerades.`);
      const holder = readLock(file);
      if (holder && alive(holder.pid) && holder.pid !== process.pid) {
        throw new InputError(
          `Utgåva ${holder.edition || "(okänd)"} publiceras redan i ${dir} av en annan körning (process ${holder.pid}). Vänta tills den är klar och försök igen. Inget publicerades.`,
        );
      }
      // Left by a run that was killed: no process holds it any more.
      rmSync(file, { force: true });
    }
  }
  throw new InputError(`Kunde inte låsa ${dir} för publicering. Inget publicerades.`);
}

/** Staging folders left by killed runs (their process is gone). */
function removeStaleStaging(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(STAGING_PREFIX)) continue;
    const pid = Number(name.slice(STAGING_PREFIX.length).split("-")[0]);
    if (!alive(pid) || pid === process.pid) rmSync(path.join(dir, name), { recursive: true, force: true });
  }
}

/** Test hook: wait this long (ms) with the staging folder written, before the commit. */
function pauseBeforeCommit(): Promise<void> {
  const ms = Number(process.env.KOSTNADSANSVAR_TEST_PAUSE_BEFORE_COMMIT_MS ?? 0);
  return ms > 0 ? new Promise((r) => setTimeout(r, Math.min(ms, 60_000))) : Promise.resolve();
}

/**
 * Publishes all files or none (see the comment at the top). Throws InputError with a Swedish
 * message on refusal or failure; a signal during the run removes what it wrote and exits.
 */
export async function publishAtomically(p: Publication): Promise<void> {
  try {
    await fs.mkdir(p.dir, { recursive: true });
  } catch (e) {
    throw new InputError(`Kunde inte skapa mappen ${p.dir}: ${fsErrorSv(e)}.`);
  }
  let lock: string | null = null;
  let staging: string | null = null;
  const cleanUp = () => {
    if (staging) rmSync(staging, { recursive: true, force: true });
    if (lock) rmSync(lock, { force: true });
    staging = null;
    lock = null;
  };
  const onSignal = (signal: (typeof SIGNALS)[number]) => {
    cleanUp();
    process.stderr.write(`Publiceringen avbröts (${signal}). Inget publicerades.\n`);
    process.exit(128 + SIGNAL_NUMBERS[signal]);
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  try {
    lock = takeLock(p.dir, p.edition);
    p.check(await fs.readFile(path.join(p.dir, p.marker), "utf8").catch(() => null));
    removeStaleStaging(p.dir);
    staging = path.join(p.dir, `${STAGING_PREFIX}${process.pid}-${Date.now()}`);
    try {
      await fs.mkdir(staging);
      for (const [name, content] of p.files) await fs.writeFile(path.join(staging, name), content);
    } catch (e) {
      throw new InputError(`Kunde inte skriva i ${p.dir}: ${fsErrorSv(e)}. Inget publicerades.`);
    }
    for (const name of p.files.keys()) {
      const target = path.join(p.dir, name);
      const stat = await fs.stat(target).catch(() => null);
      if (stat?.isDirectory()) throw new InputError(`Kunde inte skriva i ${target}: ${fsErrorSv({ code: "EISDIR" })}. Inget publicerades.`);
    }
    await pauseBeforeCommit();
    // The commit: synchronous, so a signal is handled only after it; the marker goes last.
    const order = [...[...p.files.keys()].filter((n) => n !== p.marker), p.marker];
    try {
      for (const name of order) renameSync(path.join(staging, name), path.join(p.dir, name));
    } catch (e) {
      throw new InputError(`Kunde inte skriva i ${p.dir}: ${fsErrorSv(e)}. Publiceringen är ofullständig; kör samma kommando igen.`);
    }
  } finally {
    cleanUp();
    for (const s of SIGNALS) process.off(s, onSignal);
  }
}
