// What a desk publishes is safe to open: CSV cells a spreadsheet would run as
// formulas are escaped, and the manifest, snippet and gallery carry the words
// as the SVG does, without characters XML cannot hold. Several stories publish
// from one charts/ folder, each chart's data beside it.
import * as aq from "arquero";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toCsv } from "../src/tables/index.ts";
import type { ManifestEntry } from "../src/publish/index.ts";
import { FIXTURE_SEED, writeFixture } from "./helpers/fixture.ts";
import { tempProject, type TempProject } from "./helpers/temp-project.ts";

describe("published CSV", () => {
  it("gives a text cell a spreadsheet would run as a formula a leading apostrophe, and leaves numbers as numbers", () => {
    const t = aq.table({ label: ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-2+3", "@SUM(A1)", "\tx", "plain", "a=b"], value: [1, -5, 2, 3, 4, 5, -0.5] });
    expect(toCsv(t)).toBe([
      "label,value",
      "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",1", "'+1,-5", "'-2+3,2", "'@SUM(A1),3", "'\tx,4", "plain,5", "a=b,-0.5", "",
    ].join("\n"));
  });
});

describe("manifest, snippet and gallery", () => {
  let project: TempProject;
  beforeAll(() => {
    project = tempProject();
    writeFixture(project.dir, { notebook: (t) => t.replace('kind: "Bar chart",', 'kind: "Bar chart", alt: "Shot down\\u0007 over\\u001b[31m the border.",') });
  });
  afterAll(() => project.remove());

  it("hold no control characters the chart's words brought in", () => {
    const r = project.run("build", "fixture", "--format", "svg", "--quiet");
    expect(r.status, r.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(project.dir, "charts", "manifest.json"), "utf8"));
    const entry = manifest.charts.find((c: { id: string }) => c.id === "fixture-drones");
    expect(entry.alt).toContain("Shot down over[31m the border.");
    for (const file of ["manifest.json", "fixture-drones.html", "index.html", "fixture-drones.svg"]) {
      const text = readFileSync(join(project.dir, "charts", file), "utf8");
      expect(text, file).not.toMatch(/[\u0007\u001b]|\\u0007|\\u001b/);
    }
  });

  it("group the charts by story, newest first, each with its articles and fact-check data, and link data that is beside them", () => {
    const r = project.run("build", "--format", "svg", "--quiet");
    expect(r.status, r.stderr).toBe(0);
    const dir = join(project.dir, "charts");
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as { charts: ManifestEntry[] };
    const fixture = manifest.charts.find((c) => c.id === "fixture-drones")!;
    expect(fixture.story).toEqual({
      notebook: "fixture", title: "Drones over the border", figures: "fixture-figures.csv",
      articles: [{ seed: FIXTURE_SEED, headline: expect.any(String), publisher: expect.any(String), date: "2025-01-01" }],
    });
    expect(manifest.charts.find((c) => c.id === "deaths-by-province")!.story.notebook).toBe("quake-toll");
    // Every link the gallery and the snippets give is a file in charts/ itself.
    expect(manifest.charts.length).toBe(8);
    for (const c of manifest.charts) {
      for (const file of [c.data, c.story.figures!, c.files.desktop, c.files.mobile, c.files.embed]) expect(existsSync(join(dir, file)), file).toBe(true);
      expect(readFileSync(join(dir, c.files.embed), "utf8")).toContain(`<a href="${c.data}">Get the data</a>`);
    }
    const gallery = readFileSync(join(dir, "index.html"), "utf8");
    const sections = [...gallery.matchAll(/<section class="story" id="story-([a-z-]+)"/g)].map((m) => m[1]);
    // The tests' story (8 March 2025) before the fixture's (1 January 2025), though notebooks/fixture.ts sorts first.
    expect(sections).toEqual(["quake-toll", "fixture"]);
    const fixtureSection = gallery.slice(gallery.indexOf('id="story-fixture"'));
    expect(fixtureSection).toContain('<time datetime="2025-01-01">1 January 2025</time>');
    expect(fixtureSection).toContain('<a href="fixture-figures.csv">Fact-check data');
    expect(fixtureSection).toContain('id="fixture-drones"');
    expect(fixtureSection).not.toContain('id="deaths-by-province"');
    expect(gallery).toMatch(/charts in 2 stories/);
  });

  it("print a story's publisher and title as text, whatever markup they hold", () => {
    const metaFile = join(project.dir, "seeds", `${FIXTURE_SEED}.meta.json`);
    const meta = readFileSync(metaFile, "utf8");
    writeFileSync(metaFile, JSON.stringify({ ...JSON.parse(meta), publisher: "\"><script>alert(2)</script>" }));
    const notebookFile = join(project.dir, "notebooks", "fixture.ts");
    const notebook = readFileSync(notebookFile, "utf8");
    writeFileSync(notebookFile, notebook.replace('title: "Drones over the border"', 'title: "<img src=x onerror=alert(1)>"'));
    try {
      const r = project.run("build", "fixture", "--format", "svg", "--quiet");
      expect(r.status, r.stderr).toBe(0);
      const gallery = readFileSync(join(project.dir, "charts", "index.html"), "utf8");
      expect(gallery).toContain("&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;");
      expect(gallery).not.toMatch(/<img src=x|<script>alert/);
      const manifest = JSON.parse(readFileSync(join(project.dir, "charts", "manifest.json"), "utf8")) as { charts: ManifestEntry[] };
      expect(manifest.charts.find((c) => c.id === "fixture-drones")!.story.title).toBe("<img src=x onerror=alert(1)>");
    } finally {
      writeFileSync(metaFile, meta);
      writeFileSync(notebookFile, notebook);
    }
  });
});

describe("a value no scale can hold", () => {
  let project: TempProject;
  beforeAll(() => {
    project = tempProject();
    writeFixture(project.dir, { csv: "region,drones\nNorth,7\nSouth,1e308\nEast,5\n" });
  });
  afterAll(() => project.remove());

  it("fails the table, naming the row, instead of a chart that silently drops its bar", () => {
    const r = project.run("build", "fixture", "--format", "svg");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("notebooks/fixture.ts: table fixture-drones-by-region row 2 column drones: the value 1e+308 is too large for a chart's scale to hold (more than 1e300 in size). Check the value");
  });
});

/** Makes the project's PNG of the chart whose SVG holds this id fail where resvg is called, throwing `thrown` (code). */
function failPng(project: TempProject, id: string, thrown = 'new Error("resvg refused it")'): void {
  const png = join(project.dir, "src", "publish", "png.ts");
  const text = readFileSync(png, "utf8");
  const call = "  return (await renderAsync(";
  expect(text).toContain(call);
  writeFileSync(png, text.replace(call, `  if (svg.includes('id="${id}')) throw ${thrown};\n${call}`));
}

/** A copy of the story's project for one test, removed after it whatever the test does. */
function inProject(test: (project: TempProject) => void): void {
  const project = tempProject();
  try {
    test(project);
  } finally {
    project.remove();
  }
}

/** The charts a folder's manifest.json lists. */
function published(dir: string): ManifestEntry[] {
  return (JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as { charts: ManifestEntry[] }).charts;
}

/** Adds charts that fit a desktop and not a phone (a left margin a phone has no room for), before distance-by-hand. */
function addMobileFailing(project: TempProject, ids: string[]): void {
  const charts = join(project.dir, "notebooks", "quake-toll", "charts.ts");
  const text = readFileSync(charts, "utf8");
  const anchor = '  "distance-by-hand": {';
  expect(text).toContain(anchor);
  const specs = ids.map((id) => [
    `  "${id}": {`,
    '    table: "places", kind: "Dot chart", height: { desktop: 140, mobile: 140 },',
    '    headline: "Fits on a desktop, not on a phone", subtitle: "A chart whose left margin leaves a phone no room",',
    '    alt: "Dots at the longitudes of three cities.",',
    '    plot: (data) => ({ marginLeft: 330, y: { label: null }, x: { label: null }, marks: [Plot.dot(data, { x: "lon", y: "place", fill: "#0072B2" })] }),',
    "  },",
  ].join("\n"));
  writeFileSync(charts, text.replace(anchor, [...specs, anchor].join("\n")));
}

describe("PNGs drawn on the thread pool", () => {
  it("are the same bytes as drawn in turn, for several charts at once", async () => {
    const { toPng, toPngInBackground } = await import("../src/publish/png.ts");
    const svgs = [0, 1, 2, 3].map((i) => `<svg xmlns="http://www.w3.org/2000/svg" width="${120 + i * 10}" height="60" font-family="'Source Sans 3', sans-serif"><rect x="4" y="4" width="${30 + i * 20}" height="20" fill="#0072B2"/><text x="6" y="50" font-size="14">Chart ${i}: 1,250</text></svg>`);
    const together = await Promise.all(svgs.map((svg) => toPngInBackground(svg, 2)));
    together.forEach((png, i) => expect(png.equals(toPng(svgs[i]!, 2)), `chart ${i}`).toBe(true));
    // Each is its own picture, not a neighbour's.
    expect(new Set(together.map((png) => png.toString("base64"))).size).toBe(4);
  });

  it("a picture resvg refuses fails with resvg's words, and the next is drawn", async () => {
    const { toPng, toPngInBackground } = await import("../src/publish/png.ts");
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="10" height="10"/></svg>`;
    let threw: unknown = null;
    try {
      toPng("<svg");
    } catch (error) {
      threw = error;
    }
    expect(threw).toBeInstanceOf(Error);
    await expect(toPngInBackground("<svg", 2)).rejects.toThrow((threw as Error).message);
    expect((await toPngInBackground(svg, 2)).equals(toPng(svg, 2))).toBe(true);
  });

  it("an SVG-only build that redraws a chart drops its PNG from the manifest, and does not list that older PNG again later", () => inProject((project) => {
    expect(project.run("build").status).toBe(0);
    const manifest = () => published(join(project.dir, "charts")).find((c) => c.id === "distance-by-hand")!;
    expect(manifest().files.png).toBe("distance-by-hand.png");
    const charts = join(project.dir, "notebooks", "quake-toll", "charts.ts");
    const text = readFileSync(charts, "utf8");
    expect(text).toContain("Drawn with Plot by hand");
    writeFileSync(charts, text.replace("Drawn with Plot by hand", "Drawn by hand with Plot"));
    // One chart, as watch builds a save: a partial build sweeps nothing away.
    const svgOnly = project.run("build", "distance-by-hand", "--format", "svg");
    expect(svgOnly.status, svgOnly.stderr).toBe(0);
    expect(svgOnly.stdout).toMatch(/^written +distance-by-hand /m);
    expect(manifest().files.png).toBeNull();
    // The PNG of the older drawing is still on disk, beside an SVG that a build drawing anew finds unchanged.
    expect(existsSync(join(project.dir, "charts", "distance-by-hand.png"))).toBe(true);
    // Without this folder's record of what was drawn (and of the last build), the chart is drawn anew.
    for (const kept of ["drawn", "build-state.json"]) rmSync(join(project.dir, ".cache", kept), { recursive: true, force: true });
    const again = project.run("build", "distance-by-hand", "--format", "svg");
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^unchanged +distance-by-hand \(drawn/m);
    expect(manifest().files.png).toBeNull();
  }));

  it("a fresh clone built SVG-only keeps the PNGs its manifest vouches for, and only those", () => inProject((project) => {
    expect(project.run("build").status).toBe(0);
    const charts = join(project.dir, "charts");
    const manifest = () => published(charts);
    const before = manifest();
    // Another chart's picture where this one's was: the manifest's hash no longer matches it.
    writeFileSync(join(charts, "timeline.png"), readFileSync(join(charts, "death-claims.png")));
    // A fresh clone has no record of what this folder drew.
    rmSync(join(project.dir, ".cache"), { recursive: true, force: true });
    const r = project.run("build", "--format", "svg");
    expect(r.status, r.stderr).toBe(0);
    expect(manifest().filter((c) => c.files.png === null).map((c) => c.id)).toEqual(["timeline"]);
    expect(existsSync(join(charts, "death-claims.png"))).toBe(true);
    // The swapped picture is not published: a complete build moves it out of charts/.
    expect(existsSync(join(charts, "timeline.png"))).toBe(false);
    expect(r.stdout).toMatch(/^removed +charts\/timeline\.png: no notebook makes it/m);
    // The other entries are as a build with PNGs wrote them.
    expect(manifest().filter((c) => c.id !== "timeline")).toEqual(before.filter((c) => c.id !== "timeline"));
  }));

  it("a record of another drawing does not outvote the manifest that vouches for a PNG (charts/ pulled back to an older drawing)", () => inProject((project) => {
    expect(project.run("build").status).toBe(0);
    const charts = join(project.dir, "charts");
    const committed = new Map(readdirSync(charts).map((n) => [n, readFileSync(join(charts, n))]));
    const file = join(project.dir, "notebooks", "quake-toll", "charts.ts");
    const text = readFileSync(file, "utf8");
    expect(text).toContain("Drawn with Plot by hand");
    // Another drawing built here: this folder's record now describes it.
    writeFileSync(file, text.replace("Drawn with Plot by hand", "Drawn by hand with Plot"));
    expect(project.run("build").status).toBe(0);
    // Then the sources and charts/ go back to what was committed, as a pull or a checkout does.
    writeFileSync(file, text);
    for (const [name, bytes] of committed) writeFileSync(join(charts, name), bytes);
    const r = project.run("build", "--format", "svg");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/^removed /m);
    for (const [name, bytes] of committed) expect(readFileSync(join(charts, name)).equals(bytes), name).toBe(true);
  }));

  it("a PNG that fails with no error object still fails its chart", () => inProject((project) => {
    failPng(project, "deaths-by-province", "null");
    const r = project.run("build", "deaths-by-province");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("chart deaths-by-province: its PNG could not be drawn (resvg: null)");
    expect(existsSync(join(project.dir, "charts", "deaths-by-province.png"))).toBe(false);
  }));

  it("charts in a row whose desktop PNG was started and whose mobile artboard failed never have more than two PNGs drawn at once", () => inProject((project) => {
    // Four charts in a row that fit a desktop and not a phone: each starts a PNG the build cannot stop.
    addMobileFailing(project, [0, 1, 2, 3].map((i) => `mobile-fails-${i}`));
    // Every PNG is slow, as a huge chart's is, and counts how many are drawn at once.
    const log = join(project.dir, "in-flight.log");
    const png = join(project.dir, "src", "publish", "png.ts");
    writeFileSync(png, readFileSync(png, "utf8").replace("  return (await renderAsync(svg, options(scale))).asPng();", [
      "  const g = globalThis as { inFlight?: number };",
      "  g.inFlight = (g.inFlight ?? 0) + 1;",
      `  (await import("node:fs")).appendFileSync(${JSON.stringify(log)}, \`\${g.inFlight}\n\`);`,
      "  try {",
      "    await new Promise((r) => setTimeout(r, 400));",
      "    return (await renderAsync(svg, options(scale))).asPng();",
      "  } finally {",
      "    g.inFlight--;",
      "  }",
    ].join("\n")));
    const r = project.run("build");
    expect(r.status).toBe(1);
    for (const i of [0, 1, 2, 3]) expect(r.stdout).toMatch(new RegExp(`^failed +mobile-fails-${i} `, "m"));
    expect(r.stdout).toMatch(/^written +distance-by-hand /m);
    const counts = readFileSync(log, "utf8").trim().split("\n").map(Number);
    expect(counts.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...counts)).toBeLessThanOrEqual(2);
  }));

  it("a chart whose desktop PNG was started while its mobile artboard failed fails as a drawing, its PNG dropped unheard", () => inProject((project) => {
    addMobileFailing(project, ["mobile-fails"]);
    // Its PNG fails too: a PNG nobody waits for would end the process as an unhandled rejection.
    failPng(project, "mobile-fails");
    const r = project.run("build");
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/chart mobile-fails: a <circle> \(dot\) lies \d+ px outside the chart's width/);
    expect(r.stderr).not.toContain("resvg refused it");
    expect(r.stderr).not.toContain("an error was thrown");
    expect(r.stdout).toMatch(/^failed +mobile-fails /m);
    expect(r.stdout).toMatch(/^written +distance-by-hand /m);
    expect(existsSync(join(project.dir, "charts", "mobile-fails.png"))).toBe(false);
    expect(existsSync(join(project.dir, "charts", "distance-by-hand.png"))).toBe(true);
  }));

  it("a PNG that fails fails its own chart alone, not the one drawn meanwhile: its files are left as they were and the others are built", () => inProject((project) => {
    const first = project.run("build", "--format", "svg");
    expect(first.status, first.stderr).toBe(0);
    const ids = [...first.stdout.matchAll(/^written\s+(\S+)/gm)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(3);
    const broken = ids[1]!;
    const svgBefore = readFileSync(join(project.dir, "charts", `${broken}.svg`));
    failPng(project, broken);
    const r = project.run("build");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`chart ${broken}: its PNG could not be drawn (resvg: resvg refused it); its published files are left as they were`);
    expect(r.stderr).not.toContain("an error was thrown");
    expect(r.stderr).not.toContain("ran again without it");
    expect(r.stderr).not.toContain(`chart ${ids[2]}:`);
    expect(r.stdout).toMatch(new RegExp(`^failed +${broken} `, "m"));
    const charts = join(project.dir, "charts");
    for (const id of ids.filter((id) => id !== broken)) {
      expect(r.stdout, id).toMatch(new RegExp(`^written +${id} `, "m"));
      expect(existsSync(join(charts, `${id}.png`)), id).toBe(true);
    }
    expect(existsSync(join(charts, `${broken}.png`))).toBe(false);
    expect(readFileSync(join(charts, `${broken}.svg`)).equals(svgBefore)).toBe(true);
    expect(readdirSync(charts).filter((n) => n.includes(".tmp"))).toEqual([]);
  }));
});
