// The command line, run for real in a temporary copy of the project.
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root, SEED } from "./helpers/project.ts";
import { tempProject, type TempProject } from "./helpers/temp-project.ts";

const lastLine = (s: string) => s.trimEnd().split("\n").at(-1);

function snapshot(dir: string): Map<string, { bytes: string; mtime: number }> {
  const files = new Map<string, { bytes: string; mtime: number }>();
  for (const name of readdirSync(join(dir, "data")).sort()) {
    const path = join(dir, "data", name);
    files.set(name, { bytes: readFileSync(path, "utf8"), mtime: statSync(path).mtimeMs });
  }
  return files;
}

describe("storycharts build and check", () => {
  let project: TempProject;
  beforeAll(() => {
    project = tempProject();
  });
  afterAll(() => project.remove());

  it("build writes every table, data/README.md and every chart, then says so in one line", () => {
    const r = project.run("build");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("written   data/aircraft-hit-by-type.csv (3 rows)");
    expect(r.stdout).toContain("written   charts/aircraft-loss-claims.mobile.svg");
    expect(lastLine(r.stdout)).toMatch(/^build: 1 notebook built, 0 failed; 34 files \(34 written, 0 unchanged\) in \d+\.\d s$/);
    expect(readdirSync(join(project.dir, "data")).sort()).toEqual([
      "README.md", "aircraft-hit-by-type.csv", "aircraft-loss-claims.csv", "bomber-fleet.csv", "buffer-zone-regions.csv", "distances.csv",
      "istanbul-talks-coverage.csv", "istanbul-talks-figures.csv", "istanbul-talks-places.csv", "locator-places.csv",
      "russian-drones-overnight.csv", "sumy-advance.csv", "timeline.csv", "troop-estimates.csv",
    ]);
    const charts = readdirSync(join(project.dir, "charts"));
    expect(charts.length).toBe(20);
    for (const name of charts) expect(readFileSync(join(project.dir, "charts", name), "utf8")).toBe(readFileSync(join(root, "charts", name), "utf8"));
  });

  it("a second build rewrites nothing: same bytes, same modification times", () => {
    const before = snapshot(project.dir);
    const r = project.run("build");
    expect(r.status).toBe(0);
    expect(lastLine(r.stdout)).toMatch(/^build: 1 notebook built, 0 failed; 34 files \(0 written, 34 unchanged\)/);
    expect(snapshot(project.dir)).toEqual(before);
  });

  it("check prints the coverage table and passes", () => {
    const r = project.run("check");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("22:139  one-third  fraction     figure    bomber-fleet-share-destroyed");
    expect(r.stdout).toContain("31 numbers in the seed: 15 used by figures, 5 by events, 4 in the dateline, 3 in names, 4 skipped with a reason, 0 unaccounted");
    expect(lastLine(r.stdout)).toBe("check: 1 notebook, 24 figures, 0 problems");
  });

  it("a notebook run on its own prints its tables and writes nothing new", () => {
    const r = project.tsx("notebooks/istanbul-talks.ts");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("aircraft-hit-by-type: Aircraft hit, by type, according to Rybar");
    expect(r.stdout).toContain("Tu-95MS");
    expect(lastLine(r.stdout)).toBe("istanbul-talks: 13 tables (0 written, 13 unchanged), 0 problems");
  });

  it("a quote not in the seed fails check and build with one line, and the published data stays as it was", () => {
    const file = join(project.dir, "notebooks", "istanbul-talks.ts");
    const good = readFileSync(file, "utf8");
    writeFileSync(file, good.replace("using approximately 500 drones.", "using approximately 500 drones!"));
    try {
      const before = snapshot(project.dir);
      const check = project.run("check", "--quiet");
      expect(check.status).toBe(1);
      expect(check.stderr).toContain(`notebooks/istanbul-talks.ts: figure russian-drones-launched: the quote is not in seeds/${SEED}.txt; the nearest passage is "Overnight from Saturday to Sunday, Russia launched an attack on Ukrainian territory using approximately 500 drones."`);
      expect(lastLine(check.stdout)).toBe("check: 1 notebook, 24 figures, 1 problem");

      const build = project.run("build");
      expect(build.status).toBe(1);
      expect(build.stderr).toContain("notebooks/istanbul-talks.ts: failed with 1 problem; its published files are left as they were");
      expect(lastLine(build.stdout)).toMatch(/^build: 0 notebooks built, 1 failed; 0 files/);
      expect(snapshot(project.dir)).toEqual(before);
    } finally {
      writeFileSync(file, good);
    }
  });

  it("a notebook that throws is reported by file, and the other notebooks still build", () => {
    const broken = join(project.dir, "notebooks", "broken.ts");
    writeFileSync(broken, 'throw new Error("the reporter is still typing");\n');
    try {
      const r = project.run("build");
      expect(r.status).toBe(1);
      expect(r.stderr).toContain("notebooks/broken.ts: import: the notebook failed to load: the reporter is still typing. Fix the error, then run the build again");
      expect(lastLine(r.stdout)).toMatch(/^build: 1 notebook built, 1 failed; 33 files \(0 written, 33 unchanged\)/);
    } finally {
      rmSync(broken);
    }
  });

  it("unknown commands and options exit 2 with usage", () => {
    const command = project.run("publish");
    expect(command.status).toBe(2);
    expect(command.stderr).toContain('storycharts: unknown command "publish"');
    const option = project.run("build", "--fast");
    expect(option.status).toBe(2);
    expect(option.stderr).toContain("storycharts: unknown option --fast");
    const notebook = project.run("build", "no-such-story");
    expect(notebook.status).toBe(2);
    expect(notebook.stderr).toContain("storycharts: no notebook notebooks/no-such-story.ts");
  });

  it("--help prints the commands", () => {
    const r = project.run("--help");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("build [notebook …]");
  });
});
