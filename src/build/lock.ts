// One build at a time per project: a second build started while one runs
// waits for it, so the two never write the same files at once. A lock left by
// a process that no longer runs is taken over.

import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from "node:fs";
import { dirname, join } from "node:path";
import { alive } from "../publish/index.ts";

export interface Lock {
  release(): void;
}

export function lockPath(root: string): string {
  return join(root, ".cache", "build.lock");
}

export async function acquireLock(root: string, onWait: (pid: number) => void, timeoutMs = 10 * 60_000): Promise<Lock> {
  const path = lockPath(root);
  mkdirSync(dirname(path), { recursive: true });
  const started = Date.now();
  let told = false;
  for (;;) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return { release: () => rmSync(path, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = Number(readFileSafe(path));
    if (!Number.isInteger(holder) || holder <= 0 || !alive(holder)) {
      rmSync(path, { force: true });
      continue;
    }
    if (!told) {
      onWait(holder);
      told = true;
    }
    if (Date.now() - started > timeoutMs) throw new Error(`another build (pid ${holder}) has held ${path} for more than ${timeoutMs / 60_000} minutes`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function readFileSafe(path: string): string {
  try {
    return readFileSync(path, "utf8").trim();
  } catch {
    return "";
  }
}
