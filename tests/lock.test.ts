// The build lock: a stale or foreign lock is taken over at once, a live holder
// is waited for (interruptibly, up to a limit, with one clear line), a release
// removes only our own lock, and rival processes never hold it together.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { acquireLock, LockError, lockPath, parseHolder, type Holder } from "../src/build/lock.ts";
import { root } from "./helpers/project.ts";
import { tempProject, type TempProject } from "./helpers/temp-project.ts";

const HOLDER = join(root, "tests", "helpers", "lock-holder.ts");
const LINUX = existsSync("/proc/self/stat");

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "storycharts-lock-"));
  mkdirSync(join(dir, ".cache"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const lockFile = () => lockPath(dir);
const leftovers = () => readdirSync(join(dir, ".cache")).filter((n) => n !== "build.lock");

/** Takes the lock over a file that must count as stale: no waiting, and the lock is ours after. */
async function takesAtOnce(content: string) {
  writeFileSync(lockFile(), content);
  const waited: Holder[] = [];
  const lock = await acquireLock(dir, { onWait: (h) => waited.push(h), timeoutMs: 2_000 });
  expect(waited, `waited for ${JSON.stringify(content)}`).toEqual([]);
  expect(parseHolder(readFileSync(lockFile(), "utf8"))).toEqual(lock.holder);
  lock.release();
  expect(existsSync(lockFile())).toBe(false);
  expect(leftovers()).toEqual([]);
}

function token(h: Partial<Holder>): string {
  return `${JSON.stringify({ pid: 1, start: "", host: hostname(), nonce: "0".repeat(32), ...h })}\n`;
}

describe("a lock left behind", () => {
  it("holding a bare pid that is alive (1, as `echo 1 > .cache/build.lock` leaves) is taken at once", async () => {
    await takesAtOnce("1\n");
  });

  it("holding garbage, nothing, or a half token is taken at once", async () => {
    for (const content of ["", "\u0000\u00ff junk", "999999", "{\"pid\":1}", token({ nonce: "not hex" })]) await takesAtOnce(content);
  });

  it.runIf(LINUX)("naming a pid now used by another process (its start time differs) is taken at once", async () => {
    const start = readFileSync("/proc/1/stat", "utf8").split(") ")[1]!.split(" ")[19]!;
    await takesAtOnce(token({ pid: 1, start: String(Number(start) + 1) }));
  });

  it("of a process that was killed while holding it is taken at once", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", HOLDER, "hold", dir], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
    await lineFrom(child, "held");
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGKILL");
    await exited;
    expect(parseHolder(readFileSync(lockFile(), "utf8"))?.pid).toBe(child.pid);
    await takesAtOnce(readFileSync(lockFile(), "utf8"));
  });
});

describe("a lock held by a running build", () => {
  it("makes the second wait, says who holds it once, and lets it proceed when released", async () => {
    const first = await acquireLock(dir);
    const waited: Holder[] = [];
    let released = false;
    const second = acquireLock(dir, { onWait: (h) => waited.push(h), pollMs: 10 });
    await until(() => waited.length > 0);
    await new Promise((r) => setTimeout(r, 100));
    expect(waited).toEqual([first.holder]);
    released = true;
    first.release();
    const lock = await second;
    expect(released).toBe(true);
    expect(parseHolder(readFileSync(lockFile(), "utf8"))).toEqual(lock.holder);
    lock.release();
    expect(existsSync(lockFile())).toBe(false);
  });

  it("ends the wait at the limit with one line naming the lock file, the holder's pid and what to do", async () => {
    const first = await acquireLock(dir);
    try {
      const error = await acquireLock(dir, { timeoutMs: 200, pollMs: 10 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LockError);
      expect((error as LockError).reason).toBe("timeout");
      expect((error as LockError).message).toBe(`.cache/build.lock: build lock: another build (pid ${process.pid}) has held it for more than 0.2 seconds. If that build is stuck, stop it (kill ${process.pid}); if no build is running, delete .cache/build.lock and build again.`);
    } finally {
      first.release();
    }
  });

  it("stops waiting at once when the wait is aborted (Ctrl-C)", async () => {
    const first = await acquireLock(dir);
    try {
      const abort = new AbortController();
      const second = acquireLock(dir, { signal: abort.signal, onWait: () => abort.abort(), pollMs: 60_000 }).catch((e: unknown) => e);
      const error = await second;
      expect((error as LockError).reason).toBe("interrupted");
      expect((error as LockError).message).toBe(`interrupted while waiting for another build (pid ${process.pid}) to finish`);
      expect(parseHolder(readFileSync(lockFile(), "utf8"))).toEqual(first.holder);
    } finally {
      first.release();
    }
  });

  it("is not removed by a holder whose lock was taken over: a release removes only its own token", async () => {
    const lock = await acquireLock(dir);
    const other = token({ pid: process.pid, nonce: "f".repeat(32) });
    writeFileSync(lockFile(), other);
    lock.release();
    expect(readFileSync(lockFile(), "utf8")).toBe(other);
  });
});

describe("rival processes", () => {
  /** Starts 8 processes at once, each taking the lock `rounds` times; what they logged, in order. */
  async function rivals(rounds: number): Promise<string[]> {
    const log = join(dir, "log");
    const go = join(dir, "go");
    writeFileSync(log, "");
    const children = Array.from({ length: 8 }, () =>
      spawn(process.execPath, ["--import", "tsx", HOLDER, "rounds", dir, log, go, String(rounds)], { cwd: root, stdio: ["ignore", "pipe", "inherit"] }));
    try {
      await Promise.all(children.map((c) => lineFrom(c, "ready")));
      writeFileSync(go, "");
      const codes = await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(c.exitCode) : c.once("exit", r)))));
      expect(codes).toEqual(Array(8).fill(0));
    } finally {
      for (const c of children) if (c.exitCode === null) c.kill();
    }
    const lines = readFileSync(log, "utf8").trim().split("\n");
    expect(lines).toHaveLength(8 * rounds * 2);
    expect(existsSync(lockFile())).toBe(false);
    expect(leftovers().filter((n) => n !== "log" && n !== "go")).toEqual([]);
    return lines;
  }

  /** Intervals that overlap: every "start a" must be followed by "end a" before the next start. */
  function overlaps(lines: string[]): string[] {
    const found: string[] = [];
    for (let i = 0; i < lines.length; i += 2) {
      const [start, end] = [lines[i]!, lines[i + 1]!];
      if (!start.startsWith("start ") || end !== `end ${start.slice(6)}`) found.push(`line ${i + 1}: ${start} / ${end}`);
    }
    return found;
  }

  it("never hold the lock at once: 8 processes, 30 rounds each, starting together", async () => {
    expect(overlaps(await rivals(30))).toEqual([]);
  });

  it("never hold it at once when they all start by breaking a stale lock", async () => {
    writeFileSync(lockFile(), "1\n");
    expect(overlaps(await rivals(3))).toEqual([]);
  });
});

describe("storycharts build and the lock", () => {
  let project: TempProject;
  const projects: TempProject[] = [];
  const fresh = () => {
    project = tempProject();
    projects.push(project);
    mkdirSync(join(project.dir, ".cache"), { recursive: true });
    return project;
  };
  afterAll(() => projects.forEach((p) => p.remove()));

  it("takes over `echo 1 > .cache/build.lock` at once and builds", () => {
    fresh();
    writeFileSync(lockPath(project.dir), "1\n");
    const r = project.runWith({ STORYCHARTS_LOCK_WAIT: "5" }, "build", "--format", "svg", "--quiet");
    expect(r.stderr).toBe("");
    expect(r.stdout).not.toContain("waiting");
    expect(r.status).toBe(0);
    expect(existsSync(lockPath(project.dir))).toBe(false);
  });

  it("waiting for a live build, says so once, and a Ctrl-C ends the wait at once with one line", async () => {
    fresh();
    const held = await acquireLock(project.dir);
    try {
      const build = project.start("build", "--format", "svg");
      await build.waitFor(/waiting for another build/);
      expect(await build.stop()).toBe(130);
      expect(build.output()).toBe(`waiting for another build (pid ${process.pid}) to finish; Ctrl-C to stop waiting\nbuild: interrupted while waiting for another build (pid ${process.pid}) to finish; nothing was built\n`);
    } finally {
      held.release();
    }
  });

  it("at the wait limit, ends with one line naming the lock file, the holder and what to do, and no stack trace", async () => {
    fresh();
    const held = await acquireLock(project.dir);
    try {
      const r = project.runWith({ STORYCHARTS_LOCK_WAIT: "0.5" }, "build", "--format", "svg", "--quiet");
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(`.cache/build.lock: build lock: another build (pid ${process.pid}) has held it for more than 0.5 seconds. If that build is stuck, stop it (kill ${process.pid}); if no build is running, delete .cache/build.lock and build again.\n`);
      expect(r.stdout).toBe("build: nothing built\n");
    } finally {
      held.release();
    }
  });
});

function lineFrom(child: ChildProcess, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let text = "";
    child.stdout!.on("data", (d: Buffer) => {
      text += d.toString();
      if (text.split("\n").includes(line)) resolve();
    });
    child.once("exit", (code) => reject(new Error(`exited (${code}) before "${line}"`)));
  });
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 5));
}
