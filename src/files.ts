// Writing published files so that a reader never sees half of one: write a
// temporary file beside the target, then rename it over. A file whose bytes
// would not change is not touched, so its modification time and git stay quiet.

import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export type WriteOutcome = "written" | "unchanged";

export function writeIfChanged(path: string, content: string | Buffer): WriteOutcome {
  const bytes = typeof content === "string" ? Buffer.from(content) : content;
  try {
    if (readFileSync(path).equals(bytes)) return "unchanged";
  } catch {
    // No file yet: write it.
  }
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  return "written";
}
