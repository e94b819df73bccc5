// Broken input, one case at a time: each must give one clear message naming
// the file and the place, exit non-zero, still build every other chart, leave
// the affected chart's published files byte for byte as they were, and leave
// no temporary file behind.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkSvg } from "../src/chart/allowlist.ts";
import { FIXTURE_SEED, writeFixture, type FixtureOptions } from "./helpers/fixture.ts";
import { tempProject, type TempProject } from "./helpers/temp-project.ts";

/** The charts of the tests' own story (tests/fixtures/story/), built beside the broken notebook. */
const STORY_CHARTS = ["death-claims", "deaths-by-province", "province-map", "rescue-workers", "timeline", "locator-map", "distance-by-hand"];
const FIXTURE_FILES = ["charts/fixture-drones.svg", "charts/fixture-drones.mobile.svg", "charts/fixture-drones.html", "data/fixture-drones-by-region.csv"];

let project: TempProject;
let published: Map<string, string>;

function read(paths: string[]): Map<string, string> {
  return new Map(paths.map((p) => [p, readFileSync(join(project.dir, p)).toString("base64")]));
}

function temporaries(): string[] {
  return ["charts", "data", "notebooks"].flatMap((d) => readdirSync(join(project.dir, d), { recursive: true }).map(String).filter((n) => /\.tmp-\d+$/.test(n)));
}

/** Breaks the fixture one way, builds, and checks what must hold for every bad input. */
function breakAndBuild(o: FixtureOptions, ...args: string[]) {
  writeFixture(project.dir, o);
  try {
    const r = project.run("build", "--format", "svg", ...args);
    expect(r.status, r.stdout + r.stderr).toBe(1);
    for (const id of STORY_CHARTS) expect(r.stdout, `${id} was not built`).toMatch(new RegExp(`^unchanged ${id} \\(kept, \\d+ ms\\)$`, "m"));
    expect(read(FIXTURE_FILES)).toEqual(published);
    expect(temporaries()).toEqual([]);
    return r;
  } finally {
    writeFixture(project.dir);
  }
}

beforeAll(() => {
  project = tempProject();
  writeFixture(project.dir);
  const r = project.run("build", "--format", "svg", "--quiet");
  expect(r.status, r.stderr).toBe(0);
  published = read(FIXTURE_FILES);
});
afterAll(() => project.remove());

describe("bad input", () => {
  it("1. a CSV with an unclosed quote", () => {
    const r = breakAndBuild({ csv: 'region,drones\n"North,7\nSouth,5\n' });
    expect(r.stderr).toContain("notebooks/fixture/drones.csv: line 2, column 1: a quoted field is never closed: the quote opened here runs to the end of the file. Close the quote, or double a quote that belongs inside the field");
  });

  it("2. a CSV missing a column the chart uses", () => {
    const r = breakAndBuild({ csv: "region,count\nNorth,7\n" });
    expect(r.stderr).toContain('notebooks/fixture/drones.csv: line 1 (header): the column "drones" is missing (the header has "region", "count"). Add the column, or correct its name in the header');
  });

  it("3. a column of numbers holding text", () => {
    const r = breakAndBuild({ csv: "region,drones\nNorth,seven\nSouth,5\n" });
    expect(r.stderr).toContain('notebooks/fixture/drones.csv: row 1 (line 2), column drones: "seven" is not a number. Write a plain number');
  });

  it("4. an empty table", () => {
    const r = breakAndBuild({ csv: "region,drones\n" });
    expect(r.stderr).toContain("notebooks/fixture/drones.csv: line 2: the table is empty: it has a header and no rows. Add at least one row");
  });

  it("5. NaN, Infinity and a negative count", () => {
    const r = breakAndBuild({ csv: "region,drones\nNorth,NaN\nSouth,-3\nEast,Infinity\n" });
    expect(r.stderr).toContain('notebooks/fixture/drones.csv: row 1 (line 2), column drones: "NaN" is not a finite number');
    expect(r.stderr).toContain('notebooks/fixture/drones.csv: row 2 (line 3), column drones: "-3" is negative: a count cannot be');
    expect(r.stderr).toContain('notebooks/fixture/drones.csv: row 3 (line 4), column drones: "Infinity" is not a finite number');
  });

  it("6. two charts with the same id: neither is built, neither's files are touched", () => {
    writeFixture(project.dir, { notebook: (t) => t.replace('"fixture-drones": {', '"locator-map": {') });
    try {
      const before = read(["charts/locator-map.svg", "charts/locator-map.mobile.svg", "charts/locator-map.html"]);
      const r = project.run("build", "--format", "svg");
      expect(r.status).toBe(1);
      expect(r.stderr).toContain("notebooks/fixture.ts: chart locator-map: the chart id is also used by notebooks/quake-toll.ts; neither chart is built and their published files are left as they were. Give each chart an id of its own");
      expect(r.stderr).toContain("notebooks/quake-toll.ts: chart locator-map: the chart id is also used by notebooks/fixture.ts");
      expect(r.stdout).toMatch(/^failed    locator-map \(\d+ ms\)$/m);
      expect(r.stdout).toMatch(/^unchanged timeline \((?:drawn|kept), \d+ ms\)$/m);
      expect(read(["charts/locator-map.svg", "charts/locator-map.mobile.svg", "charts/locator-map.html"])).toEqual(before);
      expect(temporaries()).toEqual([]);
    } finally {
      writeFixture(project.dir);
    }
  });

  it("7. a notebook that throws", () => {
    const r = breakAndBuild({ notebook: (t) => `${t}\nthrow new Error("the reporter is still typing");\n` });
    expect(r.stderr).toMatch(/notebooks\/fixture\.ts: line \d+: the notebook failed to load: the reporter is still typing\. Fix the error, then run the build again; the notebook's published files are left as they were/);
  });

  it("8. a notebook with a syntax error", () => {
    const r = breakAndBuild({ notebook: (t) => t.replace('claimant: "Officials",', 'claimant: "Officials"') });
    expect(r.stderr).toMatch(/notebooks\/fixture\.ts: line 13, column \d+: the notebook failed to load: syntax error: Expected "}" but found "subject"\./);
  });

  it("9. a notebook importing a module that does not exist", () => {
    const r = breakAndBuild({ notebook: (t) => `import { shade } from "./fixture/colours.ts";\n${t}` });
    expect(r.stderr).toContain("notebooks/fixture.ts: import: the notebook failed to load: the module notebooks/fixture/colours.ts does not exist. Fix the error");
  });

  it("10. a missing seed file", () => {
    rmSync(join(project.dir, "seeds", `${FIXTURE_SEED}.txt`));
    const r = breakAndBuild({ seed: false });
    expect(r.stderr).toContain(`notebooks/fixture.ts: seed ${FIXTURE_SEED}: the seed file seeds/${FIXTURE_SEED}.txt does not exist. Copy the article into seeds/${FIXTURE_SEED}.txt (byte for byte), or correct the seed name`);
  });

  it("11. a quote not in the seed, with the nearest passage suggested", () => {
    const r = breakAndBuild({ notebook: (t) => t.replace("Officials said 12 drones were shot down overnight.", "Officials said 12 drones were downed overnight.") });
    expect(r.stderr).toContain(`notebooks/fixture.ts: figure drones-shot-down: the quote is not in seeds/${FIXTURE_SEED}.txt; the nearest passage is "Officials said 12 drones were shot down overnight.". Copy the quote from seeds/${FIXTURE_SEED}.txt exactly`);
  });

  it("12. a value that disagrees with its quote", () => {
    const r = breakAndBuild({ notebook: (t) => t.replace("value: 12,", "value: 13,") });
    expect(r.stderr).toContain('notebooks/fixture.ts: figure drones-shot-down: the value is 13 but the quote says "12" (12). Set the value to 12, or quote the passage that says 13');
  });

  it("13. a figure without a claimant", () => {
    const r = breakAndBuild({ notebook: (t) => t.replace('claimant: "Officials"', 'claimant: ""') });
    expect(r.stderr).toContain("notebooks/fixture.ts: figure drones-shot-down: the figure has no claimant. Name who asserts the number");
  });

  it("14. an output folder that cannot be written", () => {
    writeFileSync(join(project.dir, "blocked"), "a file where a folder should be");
    try {
      const r = project.run("build", "--format", "svg", "--out", "blocked/charts");
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^blocked\/charts: output folder: the output folder cannot be written \(ENOTDIR: .*\)\. Point --out at a folder you can write to/m);
      expect(r.stdout).toMatch(/^build: 8 charts \(0 written, 0 unchanged, 8 failed\)/m);
      expect(read(FIXTURE_FILES)).toEqual(published);
      expect(temporaries()).toEqual([]);
    } finally {
      rmSync(join(project.dir, "blocked"));
    }
  });

  it("15. a write that fails half way: the old file survives and no temporary file is left", () => {
    writeFixture(project.dir, { csv: "region,drones\nNorth,8\nSouth,4\n" });
    try {
      const r = project.runWith({ STORYCHARTS_FAULT: "write:fixture-drones.mobile.svg" }, "build", "--format", "svg");
      expect(r.status).toBe(1);
      expect(r.stderr).toContain("charts/fixture-drones.svg: chart fixture-drones: the chart's files cannot be written (EIO: simulated failure half way through writing fixture-drones.mobile.svg (STORYCHARTS_FAULT)); its published files are left as they were");
      // The desktop SVG, written before the failure, was not renamed into place either: the chart is whole and old.
      expect(read(["charts/fixture-drones.svg", "charts/fixture-drones.mobile.svg", "charts/fixture-drones.html"])).toEqual(new Map([...published].filter(([k]) => k.startsWith("charts/"))));
      expect(temporaries()).toEqual([]);
      for (const id of STORY_CHARTS) expect(r.stdout).toMatch(new RegExp(`^unchanged ${id} `, "m"));
    } finally {
      writeFixture(project.dir);
    }
  });

  it("16. a build interrupted with Ctrl-C leaves no half-written file, and the next build completes", async () => {
    // The story's files as a whole build writes them, PNGs and all, to compare the finished build with.
    expect(project.run("build", "--quiet").status).toBe(0);
    const files = STORY_CHARTS.flatMap((id) => [`${id}.svg`, `${id}.mobile.svg`, `${id}.png`]);
    const whole = new Map(files.map((f) => [f, readFileSync(join(project.dir, "charts", f))]));
    for (const f of files) rmSync(join(project.dir, "charts", f));
    const running = project.start("build");
    await running.waitFor(/^written   \S+ \(drawn, \d+ ms\)$/m, 60_000);
    const code = await running.stop();
    expect(code).toBe(130);
    expect(running.output()).toMatch(/^build: interrupted; /m);
    expect(temporaries()).toEqual([]);
    for (const name of readdirSync(join(project.dir, "charts")).filter((n) => n.endsWith(".svg"))) {
      expect(checkSvg(readFileSync(join(project.dir, "charts", name), "utf8")), name).toEqual([]);
    }
    const again = project.run("build");
    expect(again.status).toBe(0);
    for (const f of files) expect(readFileSync(join(project.dir, "charts", f)).equals(whole.get(f)!), f).toBe(true);
  });

  it("17. two builds started at once: one waits for the other, both finish, the output is whole", async () => {
    const timeline = readFileSync(join(project.dir, "charts", "timeline.svg"), "utf8");
    rmSync(join(project.dir, "charts", "timeline.svg"));
    const first = project.start("build", "--format", "svg");
    const second = project.start("build", "--format", "svg");
    const [a, b] = await Promise.all([first.exited(), second.exited()]);
    expect([a, b]).toEqual([0, 0]);
    expect(first.output() + second.output()).toMatch(/waiting for another build \(pid \d+\) to finish/);
    expect(readFileSync(join(project.dir, "charts", "timeline.svg"), "utf8")).toBe(timeline);
    expect(existsSync(join(project.dir, ".cache", "build.lock"))).toBe(false);
    expect(temporaries()).toEqual([]);
  });

  it("a headline that types a figure's number, or a wrong one, fails check and build, naming the figure to use", () => {
    const typed = { notebook: (text: string) => text.replace(/headline: t`[^`]*`/, 'headline: "Officials said 12 drones were shot down"') };
    writeFixture(project.dir, typed);
    try {
      const check = project.run("check", "--quiet");
      expect(check.status).toBe(1);
      expect(check.stderr).toContain('notebooks/fixture.ts: chart fixture-drones: the headline types "12" as text, where a figure of the ledger holds it. Name the figure instead, so the ledger prints its number and qualifier: t`… ${"drones-shot-down"} …`, with the t tag from src/index.ts');
    } finally {
      writeFixture(project.dir);
    }
    breakAndBuild(typed);
    const wrong = breakAndBuild({ notebook: (text: string) => text.replace(/headline: t`[^`]*`/, 'headline: "Officials said 21 drones were shot down"') });
    expect(wrong.stderr).toContain(`notebooks/fixture.ts: chart fixture-drones: the chart's words state "21", which no figure in the ledger holds`);
    const unknown = breakAndBuild({ notebook: (text: string) => text.replace('${"drones-shot-down"}', '${"drones-shotdown"}') });
    expect(unknown.stderr).toContain('notebooks/fixture.ts: chart fixture-drones: the headline names the figure "drones-shotdown", which the ledger does not hold. Did you mean "drones-shot-down"?');
  });

  it("a subtitle that states a date the ledger does not hold fails check and build, naming the event to use", () => {
    const withEvent = (subtitle: string) => (text: string) => text
      .replace('  tables: {', '  events: [{ id: "drone-night", label: "Drones shot down", date: "2025-01-01", precision: "day", basis: "external", source: "the article\'s dateline", claimant: "Officials" }],\n  tables: {')
      .replace("      height: {", `      subtitle: ${subtitle},\n      height: {`);
    const wrong = { notebook: withEvent('"Drones shot down on Thursday 2 January 2025"') };
    writeFixture(project.dir, wrong);
    try {
      const check = project.run("check", "--quiet");
      expect(check.status).toBe(1);
      expect(check.stderr).toContain('notebooks/fixture.ts: chart fixture-drones: the subtitle states "Thursday 2 January 2025", a date no event or figure of the ledger holds. Name the event instead, so the ledger prints its date: t`… ${{ event: "drone-night" }} …` (the ledger\'s nearest dates: 1 January 2025 (event "drone-night"))');
      writeFixture(project.dir, { notebook: withEvent('"Drones shot down on Thursday 1 January 2025"') });
      expect(project.run("check", "--quiet").stderr).toContain('the subtitle states "Thursday 1 January 2025", but 1 January 2025 was a Wednesday');
      writeFixture(project.dir, { notebook: withEvent('t`Drones shot down on ${{ event: "drone-night", as: "weekday" }}`') });
      expect(project.run("check", "--quiet").status).toBe(0);
    } finally {
      writeFixture(project.dir);
    }
    const built = breakAndBuild(wrong);
    expect(built.stderr).toContain('chart fixture-drones: the subtitle states "Thursday 2 January 2025", a date no event or figure of the ledger holds');
  });

  it("a chart whose SVG would carry a link fails the build, saying so plainly, and its files are untouched", () => {
    const r = breakAndBuild({ notebook: (t) => t.replace('Plot.barX(rows, { x: "drones", y: "region" })', 'Plot.barX(rows, { x: "drones", y: "region", href: () => "https://example.com" })') });
    expect(r.stderr).toContain("notebooks/fixture.ts: chart fixture-drones: the chart links its marks to web pages (Plot's href channel); a published chart links to nothing. Remove the href option");
  });
});

describe("a stale lock or temporary file from a killed build", () => {
  it("is cleared by the next build", () => {
    mkdirSync(join(project.dir, ".cache"), { recursive: true });
    writeFileSync(join(project.dir, ".cache", "build.lock"), "999999");
    writeFileSync(join(project.dir, "charts", "timeline.svg.tmp-999999"), "<svg");
    const r = project.run("build", "--format", "svg", "--quiet");
    expect(r.status).toBe(0);
    expect(temporaries()).toEqual([]);
    expect(existsSync(join(project.dir, ".cache", "build.lock"))).toBe(false);
  });
});

describe("an input saved while a build runs", () => {
  it("is not taken as built: the next build builds instead of saying nothing changed", () => {
    const stamp = join(project.dir, "notebooks", "fixture", "stamp.txt");
    // The notebook rewrites a file of its own while it loads, as an editor's save during a build would.
    writeFixture(project.dir, {
      notebook: (t) => `import { writeFileSync as stamp } from "node:fs";\nstamp(new URL("./fixture/stamp.txt", import.meta.url), String(Math.random()));\n${t}`,
    });
    try {
      expect(project.run("build", "--format", "svg", "--quiet").status).toBe(0);
      const next = project.run("build", "--format", "svg", "--quiet");
      expect(next.status).toBe(0);
      expect(next.stdout).not.toContain("nothing changed since the last build");
    } finally {
      writeFixture(project.dir);
      rmSync(stamp, { force: true });
    }
  });
});
