// `storycharts watch` against the ways saves really happen: an editor that
// writes a new file and renames it over the old one (vim, sed -i, "safe
// write"), and a save whose notebook never finishes, which is stopped after
// the job time limit while the next good save still builds.
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_NOTEBOOK, writeFixture } from "./helpers/fixture.ts";
import { tempProject, type TempProject } from "./helpers/temp-project.ts";

/** The fixture's headline as printed: it names its figure, t`Officials said ${"drones-shot-down"} …`. */
const HEADLINE = "Officials said 12 drones were shot down";
const OTHER = "Officials said drones were downed";
/** The notebook with its chart's headline changed to plain words, or as it was. */
const withHeadline = (headline: string) => (headline === HEADLINE ? FIXTURE_NOTEBOOK : FIXTURE_NOTEBOOK.replace(/headline: t`[^`]*`/, `headline: "${headline}"`));

let project: TempProject;
let notebook: string;
beforeAll(() => {
  project = tempProject();
  writeFixture(project.dir);
  notebook = join(project.dir, "notebooks", "fixture.ts");
  expect(project.run("build", "--format", "svg", "--quiet").status).toBe(0);
});
afterAll(() => project.remove());

/** Saves as `sed -i` does: the new text into a file of its own beside the notebook, renamed over it. */
function saveByRename(text: string, n: number): void {
  const temporary = join(project.dir, "notebooks", `sed${String(n).padStart(6, "0")}`);
  writeFileSync(temporary, text);
  renameSync(temporary, notebook);
}

const svg = () => readFileSync(join(project.dir, "charts", "fixture-drones.svg"), "utf8");

describe("storycharts watch", () => {
  it("builds every save made by renaming a new file over the notebook: 8 in a row", async () => {
    const watch = project.start("watch", "--timeout", "3");
    try {
      await watch.waitFor(/waiting for changes/);
      for (let i = 1; i <= 8; i++) {
        const headline = i % 2 === 1 ? OTHER : HEADLINE;
        const from = watch.output().length;
        saveByRename(withHeadline(headline), i);
        await watch.waitFor(/^written   fixture-drones \(drawn, \d+ ms\)$/m, 20_000, from);
        await watch.waitFor(/^build: .*$/m, 20_000, from);
        expect(svg(), `save ${i}`).toContain(headline);
      }
    } finally {
      expect(await watch.stop(), watch.output()).toBe(0);
    }
  });

  it("stops a save that never finishes after the time limit, says which notebook, and builds the next good save", async () => {
    const watch = project.start("watch", "--timeout", "3");
    try {
      await watch.waitFor(/waiting for changes/);
      const loops = [
        ["in a chart's plot function", FIXTURE_NOTEBOOK.replace("plot: (rows) => ({", "plot: (rows) => { while (true) {} return ({").replace("] }),\n    },\n  },\n});", "] }); },\n    },\n  },\n});"), "chart fixture-drones"],
        ["at the notebook's top level", `${FIXTURE_NOTEBOOK}\nwhile (true) {}\n`, "load"],
      ] as const;
      for (const [where, text, place] of loops) {
        let from = watch.output().length;
        writeFileSync(notebook, text);
        const [line] = await watch.waitFor(/^notebooks\/fixture\.ts: .*$/m, 30_000, from);
        expect(line, where).toBe(`notebooks/fixture.ts: ${place}: did not finish within 3 s and was stopped. Look for a loop that never ends, fix it and save again.`);
        await watch.waitFor(/waiting for changes/, 20_000, from);

        from = watch.output().length;
        const headline = where.includes("plot") ? OTHER : HEADLINE;
        writeFileSync(notebook, withHeadline(headline));
        await watch.waitFor(/^written   fixture-drones \(drawn, \d+ ms\)$/m, 20_000, from);
        await watch.waitFor(/^build: .*$/m, 20_000, from);
        expect(svg(), where).toContain(headline);
      }
    } finally {
      expect(await watch.stop(), watch.output()).toBe(0);
    }
  });
});
