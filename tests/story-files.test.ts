// One story cannot write another story's files, nor anything outside data/
// and charts/: table and notebook ids are names, not paths, and a table two
// notebooks declare fails both before either writes a byte.
import { existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeFixture } from "./helpers/fixture.ts";
import { tempProject, type TempProject } from "./helpers/temp-project.ts";

describe("a story's files are its own", () => {
  let project: TempProject;
  beforeEach(() => {
    project = tempProject();
    expect(project.run("build", "--format", "svg", "--quiet").status).toBe(0);
  });
  afterEach(() => project.remove());

  it("a new notebook declaring a table the project's story writes fails both, and data/ is untouched", () => {
    const before = readFileSync(join(project.dir, "data", "places.csv"), "utf8");
    // notebooks/fixture.ts sorts before notebooks/quake-toll.ts: it would be built first.
    writeFixture(project.dir, { notebook: (t) => t.replaceAll('"fixture-drones-by-region"', '"places"') });
    const r = project.run("build", "--format", "svg");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("notebooks/fixture.ts: table places: data/places.csv is also written by notebooks/quake-toll.ts; neither notebook is built and their published files are left as they were. Give the table a name of its own");
    expect(r.stderr).toContain("notebooks/quake-toll.ts: table places: data/places.csv is also written by notebooks/fixture.ts;");
    expect(readFileSync(join(project.dir, "data", "places.csv"), "utf8")).toBe(before);
    expect(existsSync(join(project.dir, "charts", "fixture-drones.svg"))).toBe(false);
    const check = project.run("check");
    expect(check.status).toBe(1);
    expect(check.stderr).toContain("notebooks/fixture.ts: table places: data/places.csv is also written by notebooks/quake-toll.ts");
  });

  it("a table whose name is a path is refused, and nothing is written outside data/", () => {
    const name = `../../escaped-${process.pid}`;
    writeFixture(project.dir, { notebook: (t) => t.replaceAll('"fixture-drones-by-region"', JSON.stringify(name)) });
    const r = project.run("build", "fixture", "--format", "svg");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`notebooks/fixture.ts: table ${JSON.stringify(name)}: the table name is not lower-case words and digits joined by hyphens. Rename it`);
    expect(existsSync(join(project.dir, "data", name + ".csv"))).toBe(false);
    expect(existsSync(join(project.dir, "..", `escaped-${process.pid}.csv`))).toBe(false);
    expect(project.run("check", "fixture").status).toBe(1);
  });

  it("a notebook id that is a path is refused", () => {
    const id = `../../escaped-notebook-${process.pid}`;
    writeFixture(project.dir, { notebook: (t) => t.replace('id: "fixture"', `id: ${JSON.stringify(id)}`) });
    const r = project.run("build", "--format", "svg");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`notebooks/fixture.ts: id ${JSON.stringify(id)}: the notebook id is not lower-case words and digits joined by hyphens. Rename it`);
    expect(existsSync(join(project.dir, "..", `escaped-notebook-${process.pid}-figures.csv`))).toBe(false);
  });
});

describe("the build owns charts/ and data/", () => {
  let project: TempProject;
  beforeEach(() => {
    project = tempProject();
    writeFixture(project.dir);
    expect(project.run("build", "--format", "svg", "--quiet").status).toBe(0);
  });
  afterEach(() => project.remove());

  it("moves out what no notebook makes: a renamed chart's old files, a deleted notebook's tables, a file put there by hand", () => {
    const file = join(project.dir, "notebooks", "fixture.ts");
    writeFileSync(file, readFileSync(file, "utf8").replace('"fixture-drones": {', '"fixture-drones-renamed": {'));
    writeFileSync(join(project.dir, "charts", "evil.svg"), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    writeFileSync(join(project.dir, "data", "stale.csv"), "a\n1\n");
    writeFileSync(join(project.dir, "charts", ".gitkeep"), "");
    const r = project.run("build", "--format", "svg");
    expect(r.status, r.stderr).toBe(0);
    for (const gone of ["charts/evil.svg", "charts/fixture-drones.svg", "charts/fixture-drones.mobile.svg", "charts/fixture-drones.html", "charts/fixture-drones.csv", "data/stale.csv"]) {
      expect(r.stdout).toMatch(new RegExp(`^removed   ${gone.replace(/\./g, "\\.")}: no notebook makes it \\(moved to \\.cache/orphans/[^/]+/${gone.replace(/\./g, "\\.")}\\)$`, "m"));
      expect(existsSync(join(project.dir, gone)), gone).toBe(false);
    }
    expect(r.stdout.trim().split("\n").at(-1)).toMatch(/, 6 files no notebook makes removed in /);
    expect(existsSync(join(project.dir, "charts", "fixture-drones-renamed.svg"))).toBe(true);
    expect(existsSync(join(project.dir, "charts", ".gitkeep"))).toBe(true);
    // Nothing is lost: the files are on the shelf.
    const shelf = readdirSync(join(project.dir, ".cache", "orphans"));
    expect(readFileSync(join(project.dir, ".cache", "orphans", shelf[0]!, "charts", "evil.svg"), "utf8")).toContain("<script>");
    // A deleted notebook's tables go the same way.
    rmSync(file);
    rmSync(join(project.dir, "notebooks", "fixture"), { recursive: true });
    const again = project.run("build", "--format", "svg");
    expect(again.stdout).toMatch(/^removed   data\/fixture-drones-by-region\.csv: no notebook makes it/m);
    expect(again.stdout).toMatch(/^removed   data\/fixture-figures\.csv: no notebook makes it/m);
  });

  it("a partial build or a failing notebook sweeps nothing", () => {
    writeFileSync(join(project.dir, "charts", "evil.svg"), "<svg/>");
    expect(project.run("build", "distance-by-hand", "--format", "svg", "--quiet").status).toBe(0);
    expect(existsSync(join(project.dir, "charts", "evil.svg"))).toBe(true);
  });

  it("a file added to charts/, or a CSV edited with its size and time kept, is not taken as unchanged", () => {
    writeFileSync(join(project.dir, "charts", "evil.svg"), "<svg/>");
    const swept = project.run("build", "--format", "svg", "--quiet");
    expect(swept.stdout).not.toContain("nothing changed");
    expect(existsSync(join(project.dir, "charts", "evil.svg"))).toBe(false);
    const csv = join(project.dir, "data", "places.csv");
    const text = readFileSync(csv, "utf8");
    const { mtime } = statSync(csv);
    const edited = text.replace("Antakya", "Antakia");
    expect(edited).not.toBe(text);
    expect(edited.length).toBe(text.length);
    writeFileSync(csv, edited);
    utimesSync(csv, mtime, mtime);
    const r = project.run("build", "--format", "svg", "--quiet");
    expect(r.stdout).not.toContain("nothing changed");
    expect(readFileSync(csv, "utf8")).toBe(text);
  });
});
