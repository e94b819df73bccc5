// Writing published files so that a reader never sees half of one: write a
// temporary file beside the target, then rename it over. A file whose bytes
// would not change is not touched, so its modification time and git stay
// quiet. A chart's files are written together: all of them, or none.

import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export type WriteOutcome = "written" | "unchanged";

const TEMP = /\.tmp-(\d+)$/;

/**
 * STORYCHARTS_FAULT=write:<file name> makes the write of that file fail half
 * way, as a full disk would: the tests use it to show the old file survives.
 */
function simulatedFault(path: string, bytes: Buffer): void {
  const fault = process.env.STORYCHARTS_FAULT;
  if (fault?.startsWith("write:") && basename(path) === fault.slice("write:".length)) {
    writeFileSync(`${path}.tmp-${process.pid}`, bytes.subarray(0, bytes.length >> 1));
    throw Object.assign(new Error(`simulated failure half way through writing ${basename(path)} (STORYCHARTS_FAULT)`), { code: "EIO" });
  }
}

function toBytes(content: string | Buffer): Buffer {
  return typeof content === "string" ? Buffer.from(content) : content;
}

function unchanged(path: string, bytes: Buffer): boolean {
  try {
    return readFileSync(path).equals(bytes);
  } catch {
    return false;
  }
}

export function writeIfChanged(path: string, content: string | Buffer): WriteOutcome {
  return writeAllIfChanged([[path, content]])[0]!;
}

/**
 * Writes every changed file to a temporary name first; only when all of them
 * are written are they renamed into place. On any failure the temporary files
 * are removed and the published files are as they were.
 */
export function writeAllIfChanged(files: [string, string | Buffer][]): WriteOutcome[] {
  const outcomes: WriteOutcome[] = [];
  const pending: [string, string][] = [];
  try {
    for (const [path, content] of files) {
      const bytes = toBytes(content);
      if (unchanged(path, bytes)) {
        outcomes.push("unchanged");
        continue;
      }
      mkdirSync(dirname(path), { recursive: true });
      const temporary = `${path}.tmp-${process.pid}`;
      pending.push([temporary, path]);
      simulatedFault(path, bytes);
      writeFileSync(temporary, bytes);
      outcomes.push("written");
    }
    for (const [temporary, path] of pending) renameSync(temporary, path);
  } catch (error) {
    for (const [temporary] of pending) rmSync(temporary, { force: true });
    throw error;
  }
  return outcomes;
}

/** Removes temporary files that a killed process left behind (its pid no longer runs). */
export function removeStaleTemporaries(dir: string): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = TEMP.exec(name);
    if (m && !alive(Number(m[1]))) {
      rmSync(join(dir, name), { force: true });
      removed.push(name);
    }
  }
  return removed;
}

export function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
