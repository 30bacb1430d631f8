import { randomUUID } from "node:crypto";
import { closeSync, linkSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
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
  readonly token: string;
}

/** A lock file that cannot be read as a lock is young (still being written) this long. */
const UNREADABLE_LOCK_GRACE_MS = 30_000;

type LockState = { readonly kind: "gone" } | { readonly kind: "live"; readonly info: LockInfo | null } | { readonly kind: "stale"; readonly content: string };

/**
 * What the lock file says. The holder creates it with O_EXCL and writes its content right after,
 * so another run can find it empty: an unreadable lock counts as live until it is older than
 * UNREADABLE_LOCK_GRACE_MS (an empty lock had counted as stale, and two runs then published
 * different content into one folder at the same time).
 */
function lockState(file: string): LockState {
  let content: string;
  let age: number;
  try {
    content = readFileSync(file, "utf8");
    age = Date.now() - statSync(file).mtimeMs;
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
  if (info === null) return age < UNREADABLE_LOCK_GRACE_MS ? { kind: "live", info: null } : { kind: "stale", content };
  return alive(info.pid) && info.pid !== process.pid ? { kind: "live", info } : { kind: "stale", content };
}

function busy(dir: string, info: LockInfo | null): InputError {
  const who = info ? ` (process ${info.pid})` : "";
  return new InputError(
    `Utgåva ${info?.edition || "(okänd)"} publiceras redan i ${dir} av en annan körning${who}. Vänta tills den är klar och försök igen. Inget publicerades.`,
  );
}

/**
 * Removes a stale lock without removing a fresh one that another run created in the meantime:
 * the lock is moved aside first (atomic), and put back if what was moved is not the stale lock.
 */
function removeStaleLock(dir: string, file: string, stale: string): void {
  const aside = `${file}.${process.pid}-${randomUUID()}`;
  try {
    renameSync(file, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return; // another run removed it first
    throw e;
  }
  const moved = readFileSync(aside, "utf8");
  if (moved === stale) {
    rmSync(aside, { force: true });
    return;
  }
  // A live run's lock: give it back (link does not overwrite a lock taken meanwhile).
  try {
    linkSync(aside, file);
  } catch {
    // Nothing more to do safely; the other run sees its lock changed and stops before its commit.
  }
  rmSync(aside, { force: true });
  let info: LockInfo | null = null;
  try {
    info = JSON.parse(moved) as LockInfo;
  } catch {
    info = null;
  }
  throw busy(dir, info);
}

interface HeldLock {
  readonly file: string;
  readonly token: string;
}

/** Takes the folder's lock, or refuses in Swedish while another live run holds it. */
function takeLock(dir: string, edition: string): HeldLock {
  const file = path.join(dir, LOCK);
  const token = `${process.pid}-${randomUUID()}`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, "wx");
      try {
        writeSync(fd, JSON.stringify({ pid: process.pid, edition, token, started: new Date().toISOString() }));
      } finally {
        closeSync(fd);
      }
      return { file, token };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw new InputError(`Kunde inte skriva i ${dir}: ${fsErrorSv(e)}. Inget publicerades.`);
      const state = lockState(file);
      if (state.kind === "live") throw busy(dir, state.info);
      // Left by a run that was killed: no process holds it any more.
      if (state.kind === "stale") removeStaleLock(dir, file, state.content);
    }
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
  const cleanUp = () => {
    if (staging) rmSync(staging, { recursive: true, force: true });
    if (lock && stillHeld(lock)) rmSync(lock.file, { force: true });
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
