// `storycharts watch`: rebuilds what a save affects. A notebook that fails to
// parse, throws, or runs past the time limit prints its error and the watch
// goes on; the next good save recovers. Builds run in a pre-warmed child
// process (see src/build/worker.ts), so a save costs compiling, the notebook
// and its charts, not the imports.

import { fork, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { watch as watchFiles } from "chokidar";
import { watchCompiler, type Format, type Job, type JobDone, type WorkerMessage } from "../../build/index.ts";

const WORKER = fileURLToPath(new URL("../../build/worker.ts", import.meta.url));

export interface WatchOptions {
  root: string;
  out: string;
  formats: Format[];
  /** Called after every build, with its result. */
  onBuilt?: (done: JobDone & { names: string[] }) => void;
  log?: (line: string) => void;
  /** A build still running after this long is stopped (its process killed and replaced); default 60 s. */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 60_000;

export interface Watcher {
  /** Resolves when the first build is done. */
  ready: Promise<void>;
  close(): Promise<void>;
}

interface Warm {
  child: ChildProcess;
  ready: Promise<void>;
  compiled: boolean;
}

/** A build process, compiled (it takes job after job) or TypeScript (one job, then it exits). */
function spawnWarm(root: string, compiledWorker: string | null): Warm {
  const child = compiledWorker
    ? fork(compiledWorker, [], { cwd: root, stdio: ["ignore", "inherit", "inherit", "ipc"] })
    : fork(WORKER, [], { cwd: root, execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const ready = new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`the build process exited (${code}) before it was ready`)));
  });
  ready.catch(() => undefined);
  // A job sent as the process dies fails here; its exit is what gets reported.
  child.on("error", () => undefined);
  return { child, ready, compiled: compiledWorker !== null };
}

/** Kills a build process and resolves once it is gone (its build lock is then plainly stale). */
function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill(signal);
  });
}

type Outcome = { done: JobDone } | { stuck: { file: string; place: string } | null };

/** Sends a job; its result, or where it was when the time ran out. */
function runJob(child: ChildProcess, job: Job, timeoutMs: number): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    let step: { file: string; place: string } | null = null;
    const finish = (outcome: Outcome | Error) => {
      clearTimeout(timer);
      child.off("message", onMessage);
      child.off("exit", onExit);
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const onMessage = (m: WorkerMessage) => {
      if (m.kind === "step") step = { file: m.file, place: m.place };
      else if (m.kind === "done") finish({ done: { exitCode: m.exitCode, summary: m.summary, ms: m.ms, charts: m.charts } });
    };
    const onExit = (code: number | null) => finish(new Error(`the build process exited (${code})`));
    const timer = setTimeout(() => finish({ stuck: step }), timeoutMs);
    child.on("message", onMessage);
    child.on("exit", onExit);
    child.send(job);
  });
}

/** The line for a build stopped at the time limit: the notebook and step it was in, when known. */
export function stuckMessage(stuck: { file: string; place: string } | null, timeoutMs: number): string {
  const limit = `${Number((timeoutMs / 1000).toFixed(1))} s`;
  if (!stuck) return `watch: build: did not finish within ${limit} and was stopped before any notebook ran (another build may hold .cache/build.lock). Save again to retry.`;
  return `${stuck.file}: ${stuck.place}: did not finish within ${limit} and was stopped. Look for a loop that never ends, fix it and save again.`;
}

/**
 * Files an editor or tool writes beside the one it saves, and that no build reads: our own
 * temporaries (.tmp-<pid>), sed -i's sedXXXXXX, vim's ~ backups, swap files and 4913 probe,
 * emacs's lock and autosave files, JetBrains's safe-write copies.
 */
const SCRATCH = /\.tmp-\d+$|~$|\.sw[px]$|(?:^|[\\/])(?:sed[A-Za-z0-9]{6}|4913|\.#[^\\/]*|#[^\\/]*#)$|___jb_(?:tmp|old)___$/;

/** The notebook ids a changed path affects; null means everything. */
export function affected(root: string, path: string): string[] | null {
  const parts = relative(root, path).split(sep);
  if (parts[0] !== "notebooks") return null;
  // notebooks/<id>.ts, or a file of its own under notebooks/<id>/.
  if (parts.length === 2 && parts[1]!.endsWith(".ts")) return [parts[1]!.slice(0, -3)];
  if (parts.length > 2 && existsSync(join(root, "notebooks", `${parts[1]}.ts`))) return [parts[1]!];
  return null;
}

export function startWatch(o: WatchOptions): Watcher {
  const log = o.log ?? ((line: string) => console.log(line));
  const timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // Compiled when esbuild can compile the notebooks (see compile.mjs); a save that does not compile
  // builds in a TypeScript process instead, which reports the error at its line.
  const compiler = watchCompiler(o.root);
  let warm: Warm | null = null;
  let pending: { all: boolean; names: Set<string>; restart: boolean } | null = { all: true, names: new Set(), restart: false };
  let running = false;
  let closed = false;
  let timer: NodeJS.Timeout | null = null;
  let firstDone: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (firstDone = resolve));
  const replace = (worker: string | null) => {
    warm?.child.kill();
    warm = spawnWarm(o.root, worker);
    return warm;
  };

  const run = async () => {
    if (running || !pending || closed) return;
    running = true;
    const job = pending;
    pending = null;
    const c = await compiler;
    const worker = c && (await c.rebuild(job.restart)) ? c.worker : null;
    // Closed while compiling: start nothing more (running stays true, so nothing else starts either).
    if (closed) return;
    // The library itself changed: a process warmed before the change holds the old code.
    if (!warm || job.restart || warm.compiled !== (worker !== null)) replace(worker);
    const names = job.all ? [] : [...job.names].filter((n) => existsSync(join(o.root, "notebooks", `${n}.ts`)));
    const current = warm!;
    let done: JobDone | null = null;
    try {
      await current.ready;
      if (closed) return;
      const outcome = await runJob(current.child, { root: o.root, names, out: o.out, formats: o.formats, again: current.compiled }, timeoutMs);
      if ("done" in outcome) {
        done = outcome.done;
        o.onBuilt?.({ ...done, names });
      } else {
        // A notebook that never returns holds the process: only killing it stops the loop.
        await stop(current.child, "SIGKILL");
        log(stuckMessage(outcome.stuck, timeoutMs));
      }
    } catch (error) {
      if (closed) return; // the process was stopped by close()
      log(`watch: ${(error as Error).message}`);
    }
    // A TypeScript process has exited; a compiled one that met a failing notebook starts anew, so the next save sees no trace of it.
    if (!closed && (!current.compiled || done?.exitCode !== 0)) {
      // Say we are waiting only once the next build process is ready to take a save.
      await replace(worker).ready.catch(() => undefined);
    }
    // Saves are seen from here on only once the watcher has read the folders.
    await scanned;
    running = false;
    firstDone();
    if (!closed && !pending) log("watch: waiting for changes (Ctrl-C to stop)");
    void run();
  };

  const changed = (path: string) => {
    if (SCRATCH.test(path)) return;
    const names = affected(o.root, path);
    pending ??= { all: false, names: new Set(), restart: false };
    if (names === null) pending.all = true;
    else names.forEach((n) => pending!.names.add(n));
    if (relative(o.root, path).startsWith(`src${sep}`)) pending.restart = true;
    if (timer) clearTimeout(timer);
    // Editors write a file in several steps: wait for the last of them.
    timer = setTimeout(() => void run(), 15);
  };

  // chokidar watches each folder rather than each file, so a file replaced by a rename (vim, sed -i,
  // an editor's "safe write") is still seen; Node's recursive fs.watch loses such a file on Linux.
  const watcher = watchFiles(["notebooks", "seeds", "src"].map((dir) => join(o.root, dir)), { ignoreInitial: true });
  watcher.on("all", (_event, path) => changed(path));
  const scanned = new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
  void run();
  return {
    ready,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await watcher.close();
      if (warm) await stop(warm.child, "SIGTERM");
      await (await compiler)?.dispose();
      firstDone();
    },
  };
}
