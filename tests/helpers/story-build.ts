// The fixture story built as `storycharts build` builds a project, into a
// temporary folder: its charts/ (SVGs, embed snippets, manifest, gallery) and
// data/, for the tests that look at published output in a browser. The
// user's own charts/ are never read.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "../../src/build/build.ts";
import type { Reporter } from "../../src/build/progress.ts";
import { NOTEBOOK_FILE, quakeToll, STORY_ROOT } from "./story.ts";

export interface BuiltStory {
  /** The project folder: charts/ and data/ as the build wrote them. */
  dir: string;
  remove(): void;
}

/** The build's problems are in its result; nothing is printed. */
const silent: Reporter = { item: () => {}, problem: () => {}, summary: () => {} };

export async function buildStory(): Promise<BuiltStory> {
  const dir = mkdtempSync(join(tmpdir(), "storycharts-story-"));
  cpSync(join(STORY_ROOT, "seeds"), join(dir, "seeds"), { recursive: true });
  cpSync(join(STORY_ROOT, "notebooks"), join(dir, "notebooks"), { recursive: true });
  // The notebook already imported: the copy is not imported again (its ../src is not there).
  const result = await build(
    { root: dir, names: [], out: "charts", formats: new Set(["svg"]), preloaded: [{ file: NOTEBOOK_FILE, notebook: quakeToll }] },
    silent,
    [NOTEBOOK_FILE],
  );
  if (result.exitCode !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`the fixture story did not build: ${result.problems.join("; ")}`);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
