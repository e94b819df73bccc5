// A notebook that hangs, exhausts memory, throws from a timer or ends the
// process fails alone: the other notebooks are built, the command says which
// notebook did what, and it exits non-zero (a build that exits 0 having built
// nothing would let CI pass).
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFixture } from "./helpers/fixture.ts";
import { tempProject, type TempProject } from "./helpers/temp-project.ts";

const lastLine = (s: string) => s.trimEnd().split("\n").at(-1) ?? "";

describe("a notebook that takes the process down fails alone", () => {
  let project: TempProject;
  beforeAll(() => {
    project = tempProject();
  });
  afterAll(() => project.remove());

  // drawn: whether the failing notebook's chart can have been written before it failed (a timer fires when it fires).
  const cases: { name: string; edit: (t: string) => string; env?: Record<string, string>; says: RegExp; drawn?: boolean }[] = [
    {
      name: "an endless loop in a chart's plot function",
      edit: (t) => t.replace("plot: (rows) => ({", "plot: (rows) => { for (;;) {} }, unused: (rows: unknown[]) => ({"),
      env: { STORYCHARTS_TIMEOUT: "10" },
      says: /^notebooks\/fixture\.ts: chart fixture-drones: the notebook took longer than 10 s while it drew the chart fixture-drones and was stopped \(an endless loop\?\); the command ran again without it\. Fix the loop/m,
    },
    {
      name: "process.exit(0) when it loads",
      edit: (t) => t.replace('const SEED = "', 'process.exit(0);\nconst SEED = "'),
      says: /^notebooks\/fixture\.ts: load: the notebook ended the process \(exit code 0\) while it was loading; the command ran again without it\. Remove the call to process\.exit/m,
    },
    {
      name: "an error thrown from a timer",
      edit: (t) => t.replace('const SEED = "', 'setTimeout(() => { throw new Error("late boom"); }, 0);\nconst SEED = "'),
      says: /^notebooks\/fixture\.ts: [a-z -]+: an error was thrown outside the notebook's own steps \(from a timer or a promise nobody waits for\) while it [a-z ]+: late boom; the command ran again without it\./m,
      drawn: true,
    },
    {
      name: "memory without end",
      edit: (t) => t.replace("plot: (rows) => ({", "plot: (rows) => { const a: number[][] = []; for (;;) a.push(new Array(1e6).fill(1)); }, unused: (rows: unknown[]) => ({"),
      env: { STORYCHARTS_MAX_MEMORY: "256" },
      says: /^notebooks\/fixture\.ts: chart fixture-drones: the notebook used more than 256 MB of memory while it drew the chart fixture-drones and was stopped/m,
    },
  ];

  for (const c of cases) {
    it(`${c.name}: build fails that notebook, builds the others, exits 1`, () => {
      rmSync(join(project.dir, "charts"), { recursive: true, force: true });
      writeFixture(project.dir, { notebook: c.edit });
      const r = project.runWith(c.env ?? {}, "build", "--format", "svg");
      expect(r.stderr).toMatch(c.says);
      expect(r.stderr).not.toMatch(/\n\s+at |FATAL ERROR/);
      expect(r.status).toBe(1);
      // The tests' own story (7 charts, 8 tables) is built beside the failing notebook.
      expect(lastLine(r.stdout)).toMatch(/^build: 7 charts \(7 written, 0 unchanged, 0 failed\), 8 tables, 1 notebook built, 1 failed in /);
      expect(existsSync(join(project.dir, "charts", "locator-map.svg"))).toBe(true);
      if (!c.drawn) expect(existsSync(join(project.dir, "charts", "fixture-drones.svg"))).toBe(false);
    }, 120_000);
  }

  it("check and list fail on a notebook that ends the process, instead of passing having checked nothing", () => {
    writeFixture(project.dir, { notebook: (t) => t.replace('const SEED = "', 'process.exit(0);\nconst SEED = "') });
    const check = project.run("check", "--quiet");
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(/^notebooks\/fixture\.ts: load: the notebook ended the process \(exit code 0\) while it was loading/m);
    expect(lastLine(check.stdout)).toBe("check: 1 notebook, 13 figures, 1 problem");
    expect(project.run("list").status).toBe(1);
  });
});
