// A throwaway copy of the project for command-line tests: the real sources,
// package.json and tsconfig.json, the library tests' own story
// (tests/fixtures/story/: its notebooks/ and seeds/, never the user's stories
// in notebooks/ and seeds/), the real node_modules by symlink, no data/ or
// charts/ yet. Editing, adding or deleting a story of the user's can never
// change what these tests see.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository: its src/, package.json, tsconfig.json and node_modules. */
const root = fileURLToPath(new URL("../..", import.meta.url));
/** The fixture story's folder, as tests/helpers/story.ts names it (not imported: that would run the notebook). */
const story = fileURLToPath(new URL("../fixtures/story/", import.meta.url));

export interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface TempProject {
  dir: string;
  run(...args: string[]): Result;
  /** Runs a command with extra environment variables. */
  runWith(env: Record<string, string>, ...args: string[]): Result;
  /** Starts a long-running command (watch, preview) with its output collected. */
  start(...args: string[]): Running;
  /** Runs a file with tsx, as `npx tsx <file>` would. */
  tsx(file: string): Result;
  /** Moves the whole project folder, .cache and all, as `mv` would. */
  moveTo(dir: string): void;
  remove(): void;
}

export interface Running {
  output(): string;
  /** Resolves when the output, from `from` on, matches; rejects after `ms`. */
  waitFor(pattern: RegExp, ms?: number, from?: number): Promise<RegExpMatchArray>;
  stop(): Promise<number | null>;
  /** Resolves with the exit code when the command ends by itself. */
  exited(): Promise<number | null>;
}

/**
 * The project's node_modules made a folder of its own, each package in it a
 * link to the same files: what is kept beside the packages (the vendor
 * bundles in node_modules/.cache/) is then the project's alone, and a test may
 * remove or spoil it without touching what other tests use.
 */
export function ownNodeModules(project: TempProject): string {
  const modules = join(project.dir, "node_modules");
  const shared = join(root, "node_modules");
  rmSync(modules, { recursive: true, force: true });
  mkdirSync(modules);
  for (const name of readdirSync(shared).filter((n) => n !== ".cache")) symlinkSync(join(shared, name), join(modules, name));
  return modules;
}

export function tempProject(): TempProject {
  let dir = mkdtempSync(join(tmpdir(), "storycharts-cli-"));
  for (const entry of ["src", "package.json", "tsconfig.json"]) cpSync(join(root, entry), join(dir, entry), { recursive: true });
  for (const entry of ["notebooks", "seeds"]) cpSync(join(story, entry), join(dir, entry), { recursive: true });
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
  const tsx = (args: string[]): Result => {
    const r = spawnSync(join(root, "node_modules", ".bin", "tsx"), args, { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const runWith = (env: Record<string, string>, ...args: string[]): Result => {
    const r = spawnSync(process.execPath, [join(dir, "src", "bin.mjs"), ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", ...env } });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  return {
    get dir() {
      return dir;
    },
    run: (...args) => runWith({}, ...args),
    runWith: (env, ...args) => runWith(env, ...args),
    tsx: (file) => tsx([file]),
    start: (...args) => {
      const child = spawn(process.execPath, [join(dir, "src", "bin.mjs"), ...args], { cwd: dir, env: { ...process.env, NO_COLOR: "1" } });
      let output = "";
      child.stdout.on("data", (d: Buffer) => (output += d.toString()));
      child.stderr.on("data", (d: Buffer) => (output += d.toString()));
      return {
        output: () => output,
        waitFor: (pattern, ms = 20_000, from = 0) => new Promise((resolve, reject) => {
          const started = Date.now();
          const poll = () => {
            const m = output.slice(from).match(pattern);
            if (m) return resolve(m);
            if (Date.now() - started > ms) return reject(new Error(`timed out waiting for ${pattern}; output:\n${output}`));
            setTimeout(poll, 20);
          };
          poll();
        }),
        exited: () => new Promise((resolve) => {
          if (child.exitCode !== null) return resolve(child.exitCode);
          child.once("exit", (code) => resolve(code));
        }),
        stop: () => new Promise((resolve) => {
          if (child.exitCode !== null) return resolve(child.exitCode);
          child.once("exit", (code) => resolve(code));
          child.kill("SIGINT");
        }),
      };
    },
    moveTo: (to) => {
      renameSync(dir, to);
      dir = to;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
