// `storycharts watch`: rebuilds what a save affects. A notebook that fails to
// parse or throws prints its error and the watch goes on; the next good save
// recovers. Builds run in a pre-warmed child process (see src/build/worker.ts), so
// a save costs compiling, the notebook and its charts, not the imports.

import { fork, type ChildProcess } from "node:child_process";
import { existsSync, watch as watchFiles, type FSWatcher } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { watchCompiler, type Format, type Job, type JobDone } from "../../build/index.ts";

const WORKER = fileURLToPath(new URL("../../build/worker.ts", import.meta.url));

export interface WatchOptions {
  root: string;
  out: string;
  formats: Format[];
  /** Called after every build, with its result. */
  onBuilt?: (done: JobDone & { names: string[] }) => void;
  log?: (line: string) => void;
}

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
  return { child, ready, compiled: compiledWorker !== null };
}

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
    const worker = c && (await c.rebuild()) ? c.worker : null;
    // The library itself changed: a process warmed before the change holds the old code.
    if (!warm || job.restart || warm.compiled !== (worker !== null)) replace(worker);
    const names = job.all ? [] : [...job.names].filter((n) => existsSync(join(o.root, "notebooks", `${n}.ts`)));
    const current = warm!;
    let done: JobDone | null = null;
    try {
      await current.ready;
      done = await new Promise<JobDone>((resolve, reject) => {
        current.child.once("message", (m: JobDone) => resolve(m));
        current.child.once("exit", (code) => reject(new Error(`the build process exited (${code})`)));
        current.child.send({ root: o.root, names, out: o.out, formats: o.formats, again: current.compiled } satisfies Job);
      });
      current.child.removeAllListeners("exit");
      o.onBuilt?.({ ...done, names });
    } catch (error) {
      log(`watch: ${(error as Error).message}`);
    }
    // A TypeScript process has exited; a compiled one that met a failing notebook starts anew, so the next save sees no trace of it.
    if (!closed && (!current.compiled || done?.exitCode !== 0)) {
      // Say we are waiting only once the next build process is ready to take a save.
      await replace(worker).ready.catch(() => undefined);
    }
    running = false;
    firstDone();
    if (!closed && !pending) log("watch: waiting for changes (Ctrl-C to stop)");
    void run();
  };

  const changed = (path: string) => {
    if (/\.tmp-\d+$|~$|\.swp$/.test(path)) return;
    const names = affected(o.root, path);
    pending ??= { all: false, names: new Set(), restart: false };
    if (names === null) pending.all = true;
    else names.forEach((n) => pending!.names.add(n));
    if (relative(o.root, path).startsWith(`src${sep}`)) pending.restart = true;
    if (timer) clearTimeout(timer);
    // Editors write a file in several steps: wait for the last of them.
    timer = setTimeout(() => void run(), 30);
  };

  const watchers: FSWatcher[] = [];
  for (const dir of ["notebooks", "seeds", "src"]) {
    try {
      watchers.push(watchFiles(join(o.root, dir), { recursive: true }, (_event, name) => {
        if (name) changed(join(o.root, dir, name.toString()));
      }));
    } catch {
      // A folder that does not exist yet is not watched.
    }
  }
  void run();
  return {
    ready,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const w of watchers) w.close();
      warm?.child.kill();
      await (await compiler)?.dispose();
    },
  };
}
