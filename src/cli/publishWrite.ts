import { randomUUID } from "node:crypto";
import { closeSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { fsErrorSv, InputError } from "./io";

/*
 * Writing a publication so that readers never see half of it and two runs never mix:
 *  1. an exclusive lock file in the output folder (one publication at a time per folder: the
 *     guide's pages are shared by the editions in it), taken with O_EXCL; a lock whose process
 *     is gone is broken under a second O_EXCL file, one run at a time (the holder is known by its
 *     process id, so the folder is meant for runs on one machine);
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
  readonly token: string;
}

/** A lock file that cannot be read as a lock is young (still being written) this long. */
const UNREADABLE_LOCK_GRACE_MS = 30_000;
/** A breaker file (see breakStaleLock) older than this was left by a run killed while breaking. */
const BREAKER_STALE_MS = 10_000;

type LockState =
  | { readonly kind: "gone" }
  | { readonly kind: "live"; readonly info: LockInfo | null }
  | { readonly kind: "stale"; readonly content: string; readonly ino: number };

/**
 * What the lock file says. The holder creates it with O_EXCL and writes its content right after,
 * so another run can find it empty: an unreadable lock counts as live until it is older than
 * UNREADABLE_LOCK_GRACE_MS (an empty lock had counted as stale, and two runs then published
 * different content into one folder at the same time).
 */
function lockState(file: string): LockState {
  let content: string;
  let age: number;
  let ino: number;
  try {
    content = readFileSync(file, "utf8");
    const stat = statSync(file);
    age = Date.now() - stat.mtimeMs;
    ino = stat.ino;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return { kind: "gone" };
    throw e;
  }
  let info: LockInfo | null = null;
  try {
    const data = JSON.parse(content) as Partial<LockInfo>;
    info = { pid: Number(data.pid), edition: String(data.edition ?? ""), token: String(data.token ?? "") };
  } catch {
    info = null;
  }
  if (info === null) return age < UNREADABLE_LOCK_GRACE_MS ? { kind: "live", info: null } : { kind: "stale", content, ino };
  return alive(info.pid) && info.pid !== process.pid ? { kind: "live", info } : { kind: "stale", content, ino };
}

function busy(dir: string, info: LockInfo | null): InputError {
  const who = info ? ` (process ${info.pid})` : "";
  return new InputError(
    `Utgåva ${info?.edition || "(okänd)"} publiceras redan i ${dir} av en annan körning${who}. Vänta tills den är klar och försök igen. Inget publicerades.`,
  );
}

/**
 * Removes a stale lock, one run at a time: under a second O_EXCL file (the breaker), the lock is
 * read again and removed only if it is still the very file judged stale (same inode, same
 * content). Only a breaker removes another run's lock, and a lock is only ever created where none
 * is, so nothing can replace the stale lock between that check and the removal. A live lock is
 * never moved or touched.
 */
function breakStaleLock(dir: string, file: string, stale: { readonly content: string; readonly ino: number }): void {
  const breaker = `${file}.bryt`;
  try {
    closeSync(openSync(breaker, "wx"));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    // Another run is breaking the lock now, or one was killed while doing it long ago; a breaker
    // gone by now has finished, and the caller tries again.
    const made = statSync(breaker, { throwIfNoEntry: false });
    if (made && Date.now() - made.mtimeMs <= BREAKER_STALE_MS) throw busy(dir, null);
    if (made) rmSync(breaker, { force: true });
    return;
  }
  try {
    const now = lockState(file);
    if (now.kind === "stale" && now.ino === stale.ino && now.content === stale.content) rmSync(file, { force: true });
  } finally {
    rmSync(breaker, { force: true });
  }
}

interface HeldLock {
  readonly file: string;
  readonly token: string;
}

/** Takes the folder's lock, or refuses in Swedish while another live run holds it. */
function takeLock(dir: string, edition: string): HeldLock {
  const file = path.join(dir, LOCK);
  const token = `${process.pid}-${randomUUID()}`;
  const cannotLock = (e: unknown) => new InputError(`Kunde inte låsa ${dir} för publicering: ${fsErrorSv(e)}. Inget publicerades.`);
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, "wx");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw new InputError(`Kunde inte skriva i ${dir}: ${fsErrorSv(e)}. Inget publicerades.`);
      let state: LockState;
      try {
        state = lockState(file);
        if (state.kind === "live") throw busy(dir, state.info);
        // Left by a run that was killed: no process holds it any more.
        if (state.kind === "stale") breakStaleLock(dir, file, state);
      } catch (e2) {
        throw e2 instanceof InputError ? e2 : cannotLock(e2);
      }
      continue;
    }
    try {
      writeSync(fd, JSON.stringify({ pid: process.pid, edition, token, started: new Date().toISOString() }));
      closeSync(fd);
    } catch (e) {
      // This run made the file: an empty lock left behind would hold off every run for 30 s.
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
      rmSync(file, { force: true });
      throw new InputError(`Kunde inte skriva i ${dir}: ${fsErrorSv(e)}. Inget publicerades.`);
    }
    return { file, token };
  }
  throw new InputError(`Kunde inte låsa ${dir} för publicering. Inget publicerades.`);
}

/** True while the lock file is still the one this run wrote. */
function stillHeld(lock: HeldLock): boolean {
  try {
    return (JSON.parse(readFileSync(lock.file, "utf8")) as Partial<LockInfo>).token === lock.token;
  } catch {
    return false;
  }
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
  let lock: HeldLock | null = null;
  let staging: string | null = null;
  // Each removal on its own: a staging folder that cannot be removed must not leave the lock.
  const cleanUp = () => {
    const [dir, held] = [staging, lock];
    staging = null;
    lock = null;
    try {
      if (dir) rmSync(dir, { recursive: true, force: true });
    } catch {
      // Left for the next run: removeStaleStaging removes staging folders of runs that have ended.
    }
    try {
      if (held && stillHeld(held)) rmSync(held.file, { force: true });
    } catch {
      // A lock that cannot be removed counts as stale once this process has ended.
    }
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
    if (!stillHeld(lock)) throw busy(p.dir, null);
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
