// The story's charts, in the manner of Plot's own snapshot tests: every
// registered chart is drawn and compared byte for byte with its committed
// file in charts/; a mismatch writes <name>-changed.svg beside it.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as Plot from "@observablehq/plot";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { checkSvg } from "../src/chart/allowlist.ts";
import { buildCharts, type ChartOutput } from "../src/build/draw-charts.ts";
import type { ChartSpec } from "../src/chart/spec.ts";
import { labelledBars } from "../src/chart/index.ts";
import type { NotebookSpec } from "../src/build/notebook.ts";
import { formatProblem } from "../src/ledger/problems.ts";
import { runNotebook } from "../src/build/run.ts";
import { istanbulTalks, NOTEBOOK_FILE, root, storyRun } from "./helpers/project.ts";

const SVG_NS = "http://www.w3.org/2000/svg";
const built = buildCharts(storyRun);
const files = built.charts.flatMap((c) => [...c.files]);

function byName(charts: ChartOutput[]): Map<string, string> {
  return new Map(charts.flatMap((c) => [...c.files]));
}

function withCharts(charts: Record<string, ChartSpec>): NotebookSpec {
  return { ...istanbulTalks, charts };
}

function drawOne(id: string, spec: ChartSpec) {
  return buildCharts(runNotebook(root, NOTEBOOK_FILE, withCharts({ [id]: spec })));
}

describe("the story's charts", () => {
  it("all draw without a problem, each on both artboards", () => {
    expect(built.problems.map(formatProblem)).toEqual([]);
    expect(built.charts.map((c) => c.id)).toEqual([
      "aircraft-hit-by-type", "aircraft-loss-claims", "bomber-fleet", "russian-drones-overnight", "troops-north-of-sumy",
      "locator-map", "distances", "timeline", "buffer-zone-regions", "sumy-advance",
    ]);
    expect(files.length).toBe(20);
  });

  it.each(files.map(([name]) => [name]))("%s matches its committed snapshot", (name) => {
    const svg = new Map(files).get(name)!;
    const path = join(root, "charts", name);
    const changed = path.replace(/\.svg$/, "-changed.svg");
    const committed = existsSync(path) ? readFileSync(path, "utf8") : null;
    if (committed === svg) {
      rmSync(changed, { force: true });
      return;
    }
    writeFileSync(changed, svg);
    expect.fail(`charts/${name} differs from what the code draws; see ${changed.slice(root.length)}. If the change is intended, run npm run charts`);
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
    expect(owner.size).toBeGreaterThanOrEqual(40);
  });

  it("draws the same bytes twice in one process", () => {
    expect(byName(buildCharts(storyRun).charts)).toEqual(byName(built.charts));
  });

  it("draws the same bytes in reverse order", () => {
    const reversed = Object.fromEntries(Object.entries(istanbulTalks.charts!).reverse());
    const run = runNotebook(root, NOTEBOOK_FILE, withCharts(reversed));
    expect(byName(buildCharts(run).charts)).toEqual(byName(built.charts));
  });
});

describe("alt text, written from the data", () => {
  const alt = (id: string) => built.charts.find((c) => c.id === id)!.alt;

  it("says whose count each aircraft number is, and that “several” has no number", () => {
    expect(alt("aircraft-loss-claims")).toBe(
      "Bar chart: 41 aircraft destroyed, 13 hit, or “several” lost: the claims differ. " +
        "teleSUR/EFE: destroyed: 41 aircraft. Rybar (Russian military blogger): hit: 13 aircraft. " +
        "Russian Defense Ministry: lost: “several” aircraft, no number given.",
    );
  });

  it("carries approximations and estimates in words", () => {
    expect(alt("russian-drones-overnight")).toContain("teleSUR/EFE: launched at Ukraine overnight: approximately 500 drones.");
    expect(alt("russian-drones-overnight")).toContain("≈ marks an approximate number");
    expect(alt("troops-north-of-sumy")).toContain("Volodymyr Zelenskyy (President of Ukraine): Russian soldiers massed: an estimated 50,000 soldiers.");
    expect(alt("distances")).toContain("distance from Kyiv to the city of Sumy: at least 300 km");
  });

  it("says how the implied fleet is computed", () => {
    expect(alt("bomber-fleet")).toContain("rest of the fleet implied: approximately 82 aircraft (computed: 123 − 41)");
  });

  it("says how each date in the timeline is known", () => {
    expect(alt("timeline")).toContain("30 May 2025: Nebenzya at the UN Security Council: Russia will fight “as long as it takes” (date implied by the article)");
    expect(alt("timeline")).toContain("16 May 2025: First round of Russia-Ukraine talks in Istanbul (dated by TASS, 30 May 2025");
  });
});

describe("charts that must fail", () => {
  const base = istanbulTalks.charts!["aircraft-hit-by-type"]!;

  it("a chart given numeric strings fails with Plot's warning, not a ⚠️ on the page", () => {
    const spec: ChartSpec = {
      ...base,
      // Counts read from a CSV as text: Plot makes an ordinal scale of them and warns.
      plot: (data) => ({ marks: [Plot.dot(data.map((d) => ({ ...d, aircraft: String(d.aircraft) })), { x: "aircraft", y: "type" })] }),
    };
    const { problems } = drawOne("numeric-strings", spec);
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^notebooks\/istanbul-talks\.ts: chart numeric-strings: Plot warned: some data associated with the x scale are strings that appear to be numbers\..*"point"\. Fix what Plot warns about/s),
    ]);
  });

  it("a chart whose table lacks a column it uses fails naming the column", () => {
    const spec: ChartSpec = { ...base, plot: (data) => ({ marks: [Plot.barX(data, { x: "count", y: "type" })] }) };
    expect(drawOne("missing-column", spec).problems.map(formatProblem)).toEqual([
      "notebooks/istanbul-talks.ts: chart missing-column: the chart uses the column \"count\", which table aircraft-hit-by-type does not have " +
        "(it has claimant, measure, aircraft, qualifier, stated_as, type, role, role_source, figure_id, quote). Use one of the table's columns, or add the column to the table",
    ]);
  });

  it("a headline stating a number no figure holds fails, already at check, which needs no rows for it", () => {
    const { problems } = runNotebook(root, NOTEBOOK_FILE, withCharts({ untraced: { ...base, headline: "Rybar counts 14 Russian aircraft hit" } }));
    expect(problems.map(formatProblem)).toEqual([
      "notebooks/istanbul-talks.ts: chart untraced: the chart's words state \"14\", which no figure in the ledger holds. " +
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
    expect(drawOne("no-table", { ...base, table: "aircraft" }).problems[0]!.message).toBe("the chart draws table \"aircraft\", which the notebook does not build");
  });
});

describe("a chart that gives no height", () => {
  it("is sized by Plot (facets) or by its marks (labelled bars), and the words follow it", () => {
    const facets: ChartSpec = {
      table: "distances", kind: "Bar chart", headline: "Distances",
      plot: (data) => ({ marks: [Plot.barX(data, { x: "km", fy: "to" })] }),
    };
    const bars: ChartSpec = {
      table: "distances", kind: "Bar chart", headline: "Distances",
      plot: (data, ctx) => {
        expect(ctx.height).toBeUndefined();
        const b = labelledBars(data, { label: (d) => String(d.to), value: (d) => Number(d.km), valueText: (d) => String(d.km), color: () => "#0072B2", width: ctx.width, fontSize: ctx.artboard.body.size });
        return { ...b.options, marks: b.marks };
      },
    };
    for (const [id, spec] of [["facets", facets], ["bars", bars]] as const) {
      const drawn = drawOne(id, spec);
      expect(drawn.problems).toEqual([]);
      const svg = drawn.charts[0]!.files.get(`${id}.svg`)!;
      const height = Number(/height="(\d+)"/.exec(svg)![1]);
      // Four rows of a bar and a label each, plus the words: more than the rows alone, less than a page.
      expect(height).toBeGreaterThan(150);
      expect(height).toBeLessThan(600);
    }
  });
});

describe("ids", () => {
  // Plot numbers clip paths with a counter for the whole process.
  const clipped: ChartSpec = {
    table: "distances", kind: "Bar chart", headline: "Distances", height: { desktop: 100, mobile: 100 },
    plot: (data) => ({ marks: [Plot.barX(data, { x: "km", y: "to", clip: true })] }),
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
