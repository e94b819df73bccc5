// A throwaway copy of the project for command-line tests: the real sources,
// notebooks and seeds, the real node_modules by symlink, no data/ yet.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { root } from "./project.ts";

export interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface TempProject {
  dir: string;
  run(...args: string[]): Result;
  /** Runs a file with tsx, as `npx tsx <file>` would. */
  tsx(file: string): Result;
  remove(): void;
}

export function tempProject(): TempProject {
  const dir = mkdtempSync(join(tmpdir(), "storycharts-cli-"));
  for (const entry of ["src", "notebooks", "seeds", "package.json", "tsconfig.json"]) {
    cpSync(join(root, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
  const tsx = (args: string[]): Result => {
    const r = spawnSync(join(root, "node_modules", ".bin", "tsx"), args, { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  return {
    dir,
    run: (...args) => tsx(["src/cli.ts", ...args]),
    tsx: (file) => tsx([file]),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
