// Adding a story must never break npm test: a copy of the project, the
// user's stories and all, gains a story written by `new` from its own
// article, and the tests that count builds, lists, checks and manifests run
// there and still pass (they count the tests' own story, tests/fixtures/story/,
// never the stories in notebooks/).
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "./helpers/project.ts";

// Written for this test: two bodies' tolls and a count of homes.
const ARTICLE = `Harbour Warehouse Fire Kills Nine
January 5, 2026
By Staff Reporter

A fire at a harbour warehouse killed nine workers on Sunday, the port authority said.

The workers' union said 11 people had died and 40 homes nearby were evacuated.
`;
const SLUG = "2026-01-05-harbour-warehouse-fire";
const lastLine = (s: string) => s.trimEnd().split("\n").at(-1);

// The tests that count what a project holds (charts, tables, notebooks, figures, stories), with how many
// tests each pattern names: they failed when a story was added beside the first one, while they built the
// user's stories.
const COUNTING = [
  ["tests/cli.test.ts", "build writes every table and chart|an unchanged rebuild|a build with nothing changed|the shards of build|list names every chart|check prints the coverage table|a notebook run on its own|a quote not in the seed|a notebook that throws", 9],
  ["tests/isolation.test.ts", "when it loads|thrown from a timer|check and list fail", 3],
  ["tests/errors.test.ts", "merge conflict markers", 1],
  ["tests/bad-input.test.ts", "an output folder that cannot be written", 1],
  ["tests/publish.test.ts", "group the charts by story", 1],
] as const;

describe("a second story in the project", () => {
  let dir: string;
  let stories = 0;
  const notebooks = () => readdirSync(join(dir, "notebooks")).filter((f) => f.endsWith(".ts")).length;
  const run = (...args: string[]) => spawnSync(process.execPath, [join(dir, "src", "bin.mjs"), ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "storycharts-second-story-"));
    for (const entry of ["src", "tests", "notebooks", "seeds", "charts", "data", "package.json", "tsconfig.json"]) {
      // Whatever stories the user has, or none.
      if (existsSync(join(root, entry))) cpSync(join(root, entry), join(dir, entry), { recursive: true });
    }
    symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
    stories = existsSync(join(dir, "notebooks")) ? notebooks() : 0;
    const article = join(dir, "..", `${SLUG}-${process.pid}.txt`);
    writeFileSync(article, ARTICLE);
    const made = run("new", SLUG, "--seed", article, "--publisher", "Harbour Post");
    rmSync(article, { force: true });
    if (made.status !== 0) throw new Error(made.stderr);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is a story the project checks beside the ones it had", () => {
    expect(notebooks()).toBe(stories + 1);
    const check = run("check", "--quiet");
    expect(check.status, check.stderr).toBe(0);
    expect(lastLine(check.stdout)).toMatch(new RegExp(`^check: ${stories + 1} notebooks?, `));
  });

  it.each(COUNTING)("leaves %s passing", (file, names, count) => {
    // A run of its own, in the copy, without this run's worker settings.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("VITEST") && k !== "NODE_OPTIONS" && k !== "TEST"));
    const r = spawnSync(process.execPath, [join(dir, "node_modules", "vitest", "vitest.mjs"), "run", "--config", "tests/vitest.config.ts", file, "-t", names], { cwd: dir, encoding: "utf8", env: { ...env, NO_COLOR: "1" } });
    const summary = /Tests\s+(.*)/.exec(r.stdout)?.[1] ?? r.stdout.slice(-2000);
    expect(r.status, `${r.stdout.slice(-3000)}\n${r.stderr.slice(-2000)}`).toBe(0);
    // Every test the pattern names ran and passed: a renamed test would drop out of the count.
    expect(summary).toMatch(new RegExp(`^${count} passed`));
    expect(summary).not.toMatch(/failed/);
  }, 300_000);
});

// The library's own tests, in a copy that holds no story of the user's at all (no notebooks/, seeds/,
// charts/ or data/): they run on tests/fixtures/story/, so deleting every story cannot break them.
const LIBRARY = ["tests/charts.test.ts", "tests/tables.test.ts", "tests/checks.test.ts", "tests/provenance.test.ts", "tests/seeds.test.ts", "tests/format.test.ts", "tests/figures.test.ts", "tests/kinds.test.ts"];

describe("a project with no story of the user's", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "storycharts-no-story-"));
    for (const entry of ["src", "tests", "package.json", "tsconfig.json"]) cpSync(join(root, entry), join(dir, entry), { recursive: true });
    symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("passes the library's tests of charts, tables, checks, provenance, seeds, figures and kinds", () => {
    expect(existsSync(join(dir, "notebooks"))).toBe(false);
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("VITEST") && k !== "NODE_OPTIONS" && k !== "TEST"));
    const r = spawnSync(process.execPath, [join(dir, "node_modules", "vitest", "vitest.mjs"), "run", "--config", "tests/vitest.config.ts", ...LIBRARY], { cwd: dir, encoding: "utf8", env: { ...env, NO_COLOR: "1", CI: "true" } });
    expect(r.status, `${r.stdout.slice(-3000)}\n${r.stderr.slice(-2000)}`).toBe(0);
    expect(/Test Files\s+(.*)/.exec(r.stdout)?.[1]).toMatch(new RegExp(`^${LIBRARY.length} passed`));
  }, 300_000);
});
