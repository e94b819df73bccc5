// The story's notebook, run once and shared by the tests that read its results.
import { fileURLToPath } from "node:url";
import istanbulTalks from "../../notebooks/istanbul-talks.ts";
import { runNotebook } from "../../src/build/run.ts";

export const root = fileURLToPath(new URL("../..", import.meta.url));
export const NOTEBOOK_FILE = "notebooks/istanbul-talks.ts";
export const SEED = "2025-06-02-telesur-no-lull-in-fighting-istanbul-talks";
export { istanbulTalks };

export const storyRun = runNotebook(root, NOTEBOOK_FILE, istanbulTalks);

export function table(name: string) {
  const t = storyRun.tables.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name}; problems: ${storyRun.problems.map((p) => p.message).join("; ")}`);
  return t.table;
}
