// One build at a time per project: a second build started while one runs
// waits for it, so the two never write the same files at once. A lock whose
// holder no longer runs, or that is not a lock we wrote, is taken over.

import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { basename, dirname, join, relative } from "node:path";
import { alive } from "../publish/index.ts";

// The lock file holds a token naming its holder: pid, the process's start
// time (so a pid reused by another process is not taken for the holder),
// host and a random nonce (so a release removes only its own lock). It is
// written whole to a file of its own and hard-linked into place: link() fails
// when the lock exists, and a rival never sees it empty or half written.

export interface Holder {
  pid: number;
  /** The process's start time, in clock ticks since boot (Linux); "" where it cannot be read. */
  start: string;
  host: string;
  nonce: string;
}

export interface Lock {
  holder: Holder;
  /** Removes the lock if it is still ours. */
  release(): void;
}

export interface LockOptions {
  /** Called once, when the lock is held by another process and we start waiting. */
  onWait?: (holder: Holder) => void;
  /** Aborting stops the wait: acquireLock rejects with a LockError ("interrupted"). */
  signal?: AbortSignal;
  /** How long to wait for a live holder; STORYCHARTS_LOCK_WAIT (seconds) or 10 minutes. */
  timeoutMs?: number;
  /** How often to look again while waiting. */
  pollMs?: number;
}

/** Why the lock was not taken; its message is one line for the user. */
export class LockError extends Error {
  constructor(message: string, readonly reason: "timeout" | "interrupted" | "io", readonly holder: Holder | null) {
    super(message);
  }
}

export function lockPath(root: string): string {
  return join(root, ".cache", "build.lock");
}

export async function acquireLock(root: string, options: LockOptions = {}): Promise<Lock> {
  const path = lockPath(root);
  const shown = relative(root, path);
  const timeoutMs = options.timeoutMs ?? defaultTimeout();
  const pollMs = options.pollMs ?? 100;
  const me = ownHolder();
  const token = `${JSON.stringify(me)}\n`;
  const started = Date.now();
  let holder: Holder | null = null;
  const io = <T>(step: () => T): T => {
    try {
      return step();
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      throw new LockError(`${shown}: build lock: it cannot be taken (${e.code ? `${e.code}: ` : ""}${e.message.replace(/^[A-Z]+: /, "")}). Check that .cache/ is a folder you can write to, on a disk that allows hard links.`, "io", holder);
    }
  };
  io(() => {
    mkdirSync(dirname(path), { recursive: true });
    removeLeftovers(dirname(path));
  });
  for (;;) {
    if (options.signal?.aborted) throw new LockError(`interrupted while waiting for another build${holder ? ` (${describeHolder(holder)})` : ""} to finish`, "interrupted", holder);
    if (io(() => place(path, token))) return { holder: me, release: () => removeIfHolds(path, token) };
    const seen = io(() => read(path));
    if (seen === null) continue; // released in between: try again at once
    const current = parseHolder(seen);
    let pause = pollMs;
    if (current === null || !running(current)) {
      if (io(() => breakStale(path, seen, token))) continue;
      pause = 5; // another process is breaking it this very moment
    } else {
      if (holder === null) options.onWait?.(current);
      holder = current;
    }
    if (Date.now() - started >= timeoutMs) {
      const who = holder ? describeHolder(holder) : "another process";
      throw new LockError(
        `${shown}: build lock: another build (${who}) has held it for more than ${duration(timeoutMs)}. ` +
        `If that build is stuck, stop it${holder && holder.host === me.host ? ` (kill ${holder.pid})` : ""}; if no build is running, delete ${shown} and build again.`,
        "timeout", holder,
      );
    }
    await sleep(pause + Math.random() * pause, options.signal);
  }
}

/** "pid 123", or "pid 123 on host-name" for a holder on another machine. */
export function describeHolder(holder: Holder): string {
  return holder.host === hostname() ? `pid ${holder.pid}` : `pid ${holder.pid} on ${holder.host}`;
}

/** Links the token into path; false when path exists. */
function place(path: string, token: string): boolean {
  const temporary = join(dirname(path), `${basename(path)}.tmp-${process.pid}-${nonce()}`);
  writeFileSync(temporary, token, { flag: "wx" });
  try {
    linkSync(temporary, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
}

/**
 * Removes a stale lock that read `judged`, true once done (or found gone);
 * false when another process is breaking it. Only the holder of the guard,
 * build.lock.break, removes a lock: while we hold it, a lock whose holder is
 * gone cannot change (its holder will not release it, a new holder cannot
 * link over it), so what we remove is what we judged.
 */
function breakStale(path: string, judged: string, token: string): boolean {
  const guard = `${path}.break`;
  if (!place(guard, token)) {
    // The guard is held for microseconds; one left by a killed process is moved aside.
    const seen = read(guard);
    if (seen !== null) {
      const breaker = parseHolder(seen);
      if (breaker === null || !running(breaker)) moveAsideIf(guard, seen);
    }
    return false;
  }
  try {
    moveAsideIf(path, judged);
  } finally {
    removeIfHolds(guard, token);
  }
  return true;
}

/**
 * Renames path aside and removes it if it held `expected`; if it held
 * something else (a holder that took the place in between), puts it back.
 */
function moveAsideIf(path: string, expected: string): void {
  const aside = `${path}.stale-${process.pid}-${nonce()}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  try {
    if (read(aside) !== expected) linkSync(aside, path);
  } catch (error) {
    // EEXIST: yet another process took the place while it was aside; the lock is its now.
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    rmSync(aside, { force: true });
  }
}

/** Removes path only if it still holds our token: a lock broken and taken by another is theirs. */
function removeIfHolds(path: string, token: string): void {
  try {
    if (read(path) === token) rmSync(path, { force: true });
  } catch {
    // Releasing must not fail a build that is done; a lock left behind is stale once we exit.
  }
}

/** Our temporary and set-aside files, left by a process killed between two steps. */
function removeLeftovers(dir: string): void {
  for (const name of readdirSync(dir)) {
    const m = /^build\.lock(?:\.break)?\.(?:tmp|stale)-(\d+)-[0-9a-f]+$/.exec(name);
    if (m && !alive(Number(m[1]))) rmSync(join(dir, name), { force: true });
  }
}

/** The holder a token names, or null for anything that is not a token we write ("1", "", a pid alone). */
export function parseHolder(text: string): Holder | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const h = value as Partial<Holder> | null;
  if (typeof h !== "object" || h === null) return null;
  if (typeof h.pid !== "number" || !Number.isInteger(h.pid) || h.pid <= 0) return null;
  if (typeof h.start !== "string" || !/^\d*$/.test(h.start)) return null;
  if (typeof h.host !== "string" || h.host === "" || typeof h.nonce !== "string" || !/^[0-9a-f]{32}$/.test(h.nonce)) return null;
  return { pid: h.pid, start: h.start, host: h.host, nonce: h.nonce };
}

/** Whether the process a token names still runs. */
export function running(holder: Holder): boolean {
  // A process on another machine (a shared folder) cannot be seen from here: it is taken as running.
  if (holder.host !== hostname()) return true;
  if (!alive(holder.pid)) return false;
  const stat = procStat(holder.pid);
  // Without /proc (macOS, Windows), or with it hidden from us, the pid is all there is to go by.
  if (stat === null) return true;
  // A zombie has exited; its parent has not collected it yet.
  if (stat.state === "Z" || stat.state === "X") return false;
  return holder.start === "" || holder.start === stat.start;
}

function ownHolder(): Holder {
  return { pid: process.pid, start: procStat(process.pid)?.start ?? "", host: hostname(), nonce: nonce() };
}

/** A process's state and start time from /proc/<pid>/stat (fields 3 and 22), or null. */
function procStat(pid: number): { state: string; start: string } | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
  // Field 2 is the command in parentheses, which may itself hold spaces and parentheses.
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  const state = fields[0];
  const start = fields[19];
  return state && start && /^\d+$/.test(start) ? { state, start } : null;
}

function read(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

function nonce(): string {
  return randomBytes(16).toString("hex");
}

function defaultTimeout(): number {
  const seconds = Number(process.env.STORYCHARTS_LOCK_WAIT);
  return process.env.STORYCHARTS_LOCK_WAIT && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 10 * 60_000;
}

function duration(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000} minute${ms === 60_000 ? "" : "s"}`;
  const s = Math.round(ms / 100) / 10;
  return `${s} second${s === 1 ? "" : "s"}`;
}

/** Resolves after ms, or at once when the signal aborts (the loop then says so). */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}
