// One story cannot write another story's files, nor anything outside data/
// and charts/: table and notebook ids are names, not paths, and a table two
// notebooks declare fails both before either writes a byte.
import { existsSync, readFileSync } from "node:fs";
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

  it("a new notebook declaring a table the first story writes fails both, and data/ is untouched", () => {
    const before = readFileSync(join(project.dir, "data", "distances.csv"), "utf8");
    // notebooks/fixture.ts sorts before notebooks/istanbul-talks.ts: it would be built first.
    writeFixture(project.dir, { notebook: (t) => t.replaceAll('"fixture-drones-by-region"', '"distances"') });
    const r = project.run("build", "--format", "svg");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("notebooks/fixture.ts: table distances: data/distances.csv is also written by notebooks/istanbul-talks.ts; neither notebook is built and their published files are left as they were. Give the table a name of its own");
    expect(r.stderr).toContain("notebooks/istanbul-talks.ts: table distances: data/distances.csv is also written by notebooks/fixture.ts;");
    expect(readFileSync(join(project.dir, "data", "distances.csv"), "utf8")).toBe(before);
    expect(existsSync(join(project.dir, "charts", "fixture-drones.svg"))).toBe(false);
    const check = project.run("check");
    expect(check.status).toBe(1);
    expect(check.stderr).toContain("notebooks/fixture.ts: table distances: data/distances.csv is also written by notebooks/istanbul-talks.ts");
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
    writeFixture(project.dir, { notebook: (t) => t.replace('id: "fixture"', 'id: "../../x"') });
    const r = project.run("build", "--format", "svg");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('notebooks/fixture.ts: id "../../x": the notebook id is not lower-case words and digits joined by hyphens. Rename it');
    expect(existsSync(join(project.dir, "..", "x-figures.csv"))).toBe(false);
  });
});
