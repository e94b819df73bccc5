// Mistakes a person makes get one line naming the file, the place and what to
// do, a non-zero exit, and lose nothing: each case here printed a raw stack,
// blamed the wrong file, or lost or shrank published files before.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempProject, type TempProject } from "./helpers/temp-project.ts";

describe("errors", () => {
  let project: TempProject;
  beforeAll(() => {
    project = tempProject();
    expect(project.run("build", "--format", "svg", "--quiet").status).toBe(0);
  });
  afterAll(() => project.remove());

  it("a syntax error in a notebook's helper file is reported in that file", () => {
    const helper = join(project.dir, "notebooks", "quake-toll", "charts.ts");
    const good = readFileSync(helper, "utf8");
    try {
      const lines = good.split("\n");
      // A broken line of its own, just before the charts the notebook imports.
      const at = lines.findIndex((l) => l.startsWith("export const charts"));
      expect(at).toBeGreaterThan(0);
      lines.splice(at, 0, "const str = (v: unknown) => String(v) +;");
      writeFileSync(helper, lines.join("\n"));
      const r = project.run("check");
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`^notebooks/quake-toll/charts\\.ts: line ${at + 1}, column \\d+: the notebook notebooks/quake-toll\\.ts failed to load: syntax error: Unexpected ";"\\. Fix the error`, "m"));
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      writeFileSync(helper, good);
    }
  });

  it("a syntax error in a .mts helper file is reported in that file, not in a .ts of its name", () => {
    const notebook = join(project.dir, "notebooks", "quake-toll.ts");
    const good = readFileSync(notebook, "utf8");
    const helper = join(project.dir, "notebooks", "quake-toll", "labels.mts");
    try {
      writeFileSync(helper, "export const label = (s: string) => s.toUpperCase(;\n");
      writeFileSync(notebook, `import { label } from "./quake-toll/labels.mts";\nvoid label;\n${good}`);
      const r = project.run("check");
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^notebooks\/quake-toll\/labels\.mts: line 1, column 50: the notebook notebooks\/quake-toll\.ts failed to load: syntax error: Unexpected ";"/m);
    } finally {
      writeFileSync(notebook, good);
      rmSync(helper, { force: true });
    }
  });

  it("a notebook whose file name holds * or ? is refused by name, and the others are built", () => {
    const notebook = join(project.dir, "notebooks", "quake-toll.ts");
    for (const name of ["quake*toll.ts", "quake?toll.ts"]) {
      const odd = join(project.dir, "notebooks", name);
      try {
        writeFileSync(odd, readFileSync(notebook, "utf8"));
        const r = project.run("build", "--format", "svg", "--out", "odd-names");
        expect(r.status).toBe(1);
        expect(r.stderr).toContain(`notebooks/${name}: file name: the file name holds "${name[5]}", which a notebook's name cannot`);
        expect(r.stderr).toContain("Rename it, e.g. notebooks/quake-toll.ts");
        expect(r.stderr).not.toMatch(/\n\s+at |outside the notebook's own steps/);
        expect(r.stdout).toMatch(/7 charts \(\d+ written, \d+ unchanged, 0 failed\), \d+ tables, 1 notebook built, 1 failed/);
      } finally {
        rmSync(odd, { force: true });
      }
    }
  });

  it("a build naming a notebook whose helper file does not parse reports that error, not an unknown name", () => {
    const helper = join(project.dir, "notebooks", "quake-toll", "charts.ts");
    const good = readFileSync(helper, "utf8");
    try {
      writeFileSync(helper, `${good}\nconst broken = ;\n`);
      const r = project.run("build", "quake-toll", "--format", "svg");
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^notebooks\/quake-toll\/charts\.ts: line \d+, column \d+: the notebook notebooks\/quake-toll\.ts failed to load: syntax error/m);
      expect(r.stderr).not.toContain("is neither a notebook nor a chart");
      expect(r.stdout).toMatch(/0 notebooks built, 1 failed/);
    } finally {
      writeFileSync(helper, good);
    }
  });

  it("figures on a folder says so, without a stack trace", () => {
    const r = project.run("figures", "seeds");
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^seeds: is a folder, not an article\. Give the path of one article's text file, or the name of a seed such as \S+\n$/);
  });

  it("merge with a truncated shard manifest names the file", () => {
    const shard = join(project.dir, "charts", "manifest.shard-1-of-1.json");
    writeFileSync(shard, '{"generator":"storycharts","charts":[{"id":"x"');
    const r = project.run("merge");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("charts/manifest.shard-1-of-1.json: merge: the shard manifest cannot be read: it is not JSON (");
    expect(r.stdout.trim().split("\n").at(-1)).toBe("merge: nothing written");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("a manifest with merge conflict markers is not shrunk to the one chart a build draws", () => {
    const file = join(project.dir, "charts", "manifest.json");
    const good = readFileSync(file, "utf8");
    const conflicted = `<<<<<<< HEAD\n${good}=======\n${good}>>>>>>> theirs\n`;
    writeFileSync(file, conflicted);
    const gallery = readFileSync(join(project.dir, "charts", "index.html"), "utf8");
    const r = project.run("build", "distance-by-hand", "--format", "svg");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("charts/manifest.json: read: it holds a merge conflict marker (<<<<<<<) on line 1, so the charts this build did not draw (");
    expect(readFileSync(file, "utf8")).toBe(conflicted);
    expect(readFileSync(join(project.dir, "charts", "index.html"), "utf8")).toBe(gallery);
    // A full build draws every chart, so it writes the manifest anew.
    expect(project.run("build", "--format", "svg", "--quiet").status).toBe(0);
    expect(JSON.parse(readFileSync(file, "utf8")).charts.length).toBe(7);
  });

  it("new with a slug too long for a file name refuses before writing, and a failed write leaves nothing behind", () => {
    const article = join(project.dir, "..", "long-slug-article.tmp.txt");
    writeFileSync(article, "Flood\nMarch 14, 2026\n\nRoughly 4,200 residents left, the county said.\n");
    const slug = `a${"-b".repeat(118)}`;
    const r = project.run("new", slug, "--seed", article);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`the slug is ${slug.length} characters long, more than 120. Choose a shorter one`);
    expect(r.stdout.trim()).toBe("new: nothing written");
    expect(readdirSync(join(project.dir, "seeds")).filter((f) => f.startsWith("a-b"))).toEqual([]);
    // The notebook's write fails half way, as on a full disk: the seed and metadata written first are taken back.
    const blocked = project.runWith({ STORYCHARTS_FAULT: "write:blocked-story.ts" }, "new", "blocked-story", "--seed", article);
    expect(blocked.status).toBe(1);
    expect(blocked.stderr).toContain("writing the story failed (simulated failure half way through writing blocked-story.ts (STORYCHARTS_FAULT)); what was written is removed again");
    expect(readdirSync(join(project.dir, "notebooks")).filter((f) => f.startsWith("blocked"))).toEqual([]);
    expect(existsSync(join(project.dir, "seeds", "blocked-story.txt"))).toBe(false);
    expect(existsSync(join(project.dir, "seeds", "blocked-story.meta.json"))).toBe(false);
  });
});
