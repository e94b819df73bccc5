// The library tests' own story (tests/fixtures/story/, a made-up earthquake
// article with its notebook), run once and shared by the tests that read its
// results. The tests never read the user's stories in notebooks/, so editing
// or adding a story can never break them.
import { fileURLToPath } from "node:url";
import quakeToll from "../fixtures/story/notebooks/quake-toll.ts";
import { runNotebook } from "../../src/build/run.ts";

/** The fixture story's folder, laid out as a project: seeds/, notebooks/, charts/ (its committed snapshots). */
export const STORY_ROOT = fileURLToPath(new URL("../fixtures/story/", import.meta.url));
export const NOTEBOOK_FILE = "notebooks/quake-toll.ts";
export const SEED = "2025-03-08-example-wire-quake-toll";
export { quakeToll };

export const storyRun = runNotebook(STORY_ROOT, NOTEBOOK_FILE, quakeToll);

export function table(name: string) {
  const t = storyRun.tables.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name}; problems: ${storyRun.problems.map((p) => p.message).join("; ")}`);
  return t.table;
}
