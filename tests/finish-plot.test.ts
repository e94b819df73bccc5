// finishPlot: any Plot chart through the house style and finishing. Nothing
// may leave the artboard, interactive marks leave with a notice, and what
// cannot be printed is refused with a message naming it.
import * as Plot from "@observablehq/plot";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { checkSvg } from "../src/chart/allowlist.ts";
import { layout, outsideArtboard } from "../src/chart/bounds.ts";
import * as d3 from "d3";
import { contrast, ordinalShades, PALETTE } from "../src/chart/palette.ts";
import { finishPlot, type PlotWords } from "../src/index.ts";

const words: PlotWords = { headline: "Test chart", source: "storycharts tests" };
const budgets = [
  { region: "North", spend: 1_250_000 }, { region: "South", spend: -200_000 }, { region: "East", spend: 800_000 },
];

function parse(svg: string): Element {
  return new JSDOM(svg, { contentType: "image/svg+xml" }).window.document.documentElement;
}

/** Texts and shapes outside the root's box, as "text (mark)". */
function outside(svg: string): string[] {
  const root = parse(svg);
  const [w, h] = [Number(root.getAttribute("width")), Number(root.getAttribute("height"))];
  return layout(root).filter((p) => p.box.x1 < -0.5 || p.box.y1 < -0.5 || p.box.x2 > w + 0.5 || p.box.y2 > h + 0.5).map((p) => `${p.text || p.element.localName} (${p.mark})`);
}

const texts = (svg: string) => [...parse(svg).querySelectorAll("text")].map((t) => t.textContent);

describe("margins fit the labels", () => {
  it.each(["desktop", "mobile"] as const)("large numbers, negatives and long labels stay whole on %s", async (artboard) => {
    const rows = [...budgets, { region: "Region of the Far West", spend: 950_000 }];
    const { svg } = await finishPlot({ marks: [Plot.barX(rows, { x: "spend", y: "region" }), Plot.ruleX([0])] }, words, artboard);
    expect(outside(svg)).toEqual([]);
    expect(texts(svg)).toEqual(expect.arrayContaining(["1,000,000", "North", "Region of the Far West"]));
    expect(checkSvg(svg)).toEqual([]);
  });

  it("long category names on a band axis wrap onto lines and the rows grow to hold them, rather than the chart being refused", async () => {
    const rows = [...budgets, { region: "The Autonomous Region of the Far Western Highlands", spend: 950_000 }];
    const { svg, notices } = await finishPlot({ marks: [Plot.barX(rows, { x: "spend", y: "region" })] }, words, "mobile");
    expect(notices).toEqual([expect.stringMatching(/^the y-axis labels were wrapped onto up to \d lines to leave the chart room$/)]);
    expect(outside(svg)).toEqual([]);
    const labels = layout(parse(svg)).filter((p) => /Autonomous|Highlands|Western|Far/.test(p.text));
    expect(labels.length).toBeGreaterThan(1);
    // No two lines of the axis overlap.
    const lines = layout(parse(svg)).filter((p) => p.text !== "" && p.box.x2 < 150 && p.box.y1 > 60).sort((a, b) => a.box.y1 - b.box.y1);
    for (let i = 1; i < lines.length; i++) expect(lines[i]!.box.y1).toBeGreaterThanOrEqual(lines[i - 1]!.box.y2 - 4);
  });

  it("percentages and the top tick label keep their ends, and the y-axis label sits clear of the ticks", async () => {
    const shares = [{ year: 2020, share: 0.12 }, { year: 2021, share: 0.87 }, { year: 2022, share: 1 }];
    const { svg } = await finishPlot({ y: { percent: true, label: "Share of households" }, marks: [Plot.lineY(shares, { x: "year", y: "share" })] }, words, "mobile");
    expect(outside(svg)).toEqual([]);
    expect(texts(svg)).toContain("100");
    const placed = layout(parse(svg));
    const label = placed.find((p) => p.text === "Share of households")!;
    const ticks = placed.filter((p) => /^\d+$/.test(p.text));
    expect(ticks.length).toBeGreaterThan(3);
    expect(label).toBeDefined();
    // Set across above the frame, clear of the top tick label and of anything drawn at the frame's top.
    expect(label.box.y2).toBeLessThanOrEqual(Math.min(...ticks.map((t) => t.box.y1)));
  });

  it("facet labels are not cut at the chart's edge", async () => {
    const rows = ["Northernmost province", "Southern coast"].flatMap((area) => [1, 2, 3].map((k) => ({ area, k, v: k * 10 })));
    const { svg } = await finishPlot({ fy: { label: null }, marks: [Plot.barX(rows, { x: "v", y: "k", fy: "area" })] }, words, "mobile");
    expect(outside(svg)).toEqual([]);
    expect(texts(svg)).toEqual(expect.arrayContaining(["Northernmost province", "Southern coast"]));
  });

  it("a margin the chart sets too small for the house type grows, with a notice; what no margin can hold is refused, named", async () => {
    const { svg, notices } = await finishPlot({ marginLeft: 4, marks: [Plot.barX(budgets, { x: "spend", y: "region" })] }, words, "desktop");
    expect(outside(svg)).toEqual([]);
    expect(notices).toEqual([expect.stringMatching(/^marginLeft 4 was widened to \d+ px to fit the labels in the house type$/)]);
    const note = "An annotation far longer than the chart is wide, which no margin can hold on a phone";
    await expect(finishPlot({ marks: [Plot.dot(budgets, { x: "spend", y: "region" }), Plot.text([note], { frameAnchor: "top-right", textAnchor: "end" })] }, words, "mobile"))
      .rejects.toThrow(`; the widest is "${note}" (text,`);
  });

  it("a mark far outside the chart is named as such, not taken for a label to make room for", async () => {
    const shares = [{ year: 2020, share: 0.4 }, { year: 2021, share: 0.55 }];
    await expect(finishPlot({ y: { percent: true, domain: [0, 1] }, marks: [Plot.lineY(shares, { x: "year", y: "share" }), Plot.ruleY([50])] }, words))
      .rejects.toThrow(/^a <line> \(rule\) lies [\d,]+ px outside the chart's height/);
  });

  it("the audit names what runs past the artboard's edge, its mark, and by how much", () => {
    const doc = new JSDOM('<svg xmlns="http://www.w3.org/2000/svg" width="320" height="200"><g aria-label="y-axis tick label" font-size="13" text-anchor="end"><text transform="translate(10,50)">1,250,000</text></g><g aria-label="bar"><rect x="300" y="10" width="40" height="10"/></g></svg>', { contentType: "image/svg+xml" }).window.document;
    expect(outsideArtboard(layout(doc.documentElement), 320, 200)).toEqual([
      expect.stringMatching(/^"1,250,000" \(y-axis tick label\) runs past the left edge by \d+(\.\d)? px$/),
      "a <rect> (bar) runs past the right edge by 20 px",
    ]);
  });
});

describe("width and height", () => {
  it("a chart narrower than the artboard is drawn at its own width", async () => {
    const { svg, notices } = await finishPlot({ width: 300, marks: [Plot.dot(budgets, { x: "spend", y: "region" })] }, words);
    expect(notices).toEqual([]);
    expect(parse(svg).getAttribute("width")).toBe("640");
    expect(outside(svg)).toEqual([]);
  });

  it("a chart wider than the artboard widens it, with a notice, instead of overflowing", async () => {
    const { svg, notices } = await finishPlot({ width: 900, marks: [Plot.dot(budgets, { x: "spend", y: "region" })] }, words);
    expect(parse(svg).getAttribute("width")).toBe("940");
    expect(notices).toEqual([expect.stringContaining("sets width 900, wider than the desktop artboard's 600 px")]);
    expect(outside(svg)).toEqual([]);
  });

  it("Plot sizes the height of a faceted chart when the chart gives none, and the words follow it", async () => {
    const rows = ["A", "B", "C", "D"].flatMap((g) => ["x", "y", "z"].map((k) => ({ g, k, v: 1 })));
    const few = await finishPlot({ marks: [Plot.barX(rows.slice(0, 3), { x: "v", y: "k", fy: "g" })] }, words);
    const many = await finishPlot({ marks: [Plot.barX(rows, { x: "v", y: "k", fy: "g" })] }, words);
    expect(Number(parse(many.svg).getAttribute("height"))).toBeGreaterThan(Number(parse(few.svg).getAttribute("height")) + 100);
    expect(outside(many.svg)).toEqual([]);
  });

  it("a chart of a set height grows by the margins its labels need, keeping its drawing's height", async () => {
    const days = [0, 1, 2, 3].map((d) => ({ date: new Date(Date.UTC(2025, 0, 1 + d * 90)), v: d }));
    const { svg } = await finishPlot({ height: 100, x: { axis: "top" }, marks: [Plot.ruleX(days, { x: "date", y1: 0, y2: 1 })] }, words, "mobile");
    expect(outside(svg)).toEqual([]);
    // The rules and the grid span the frame. The house margins (8 above, 28 below) leave it 64 px of a
    // 100 px chart; the axis on top takes more, and the chart grows instead of the frame shrinking.
    const lines = layout(parse(svg)).filter((p) => p.element.localName === "line").map((p) => p.box.y2 - p.box.y1);
    expect(lines.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...lines)).toBeGreaterThanOrEqual(63);
  });

  it("a strip that leaves itself little height (an axis on its own) is drawn as it chose, not refused", async () => {
    const { svg } = await finishPlot({ height: 60, marginBottom: 40, x: { type: "utc", domain: [new Date(Date.UTC(2024, 0, 1)), new Date(Date.UTC(2025, 0, 1))] }, marks: [Plot.axisX()] }, words, "mobile");
    expect(outside(svg)).toEqual([]);
    expect(texts(svg).join(" ")).toMatch(/2024/);
    const narrow = await finishPlot({ width: 80, marginLeft: 60, y: { type: "utc", domain: [new Date(Date.UTC(2024, 0, 1)), new Date(Date.UTC(2024, 0, 2))] } }, words);
    expect(outside(narrow.svg)).toEqual([]);
  });

  it("a width that is not a number of pixels is refused", async () => {
    await expect(finishPlot({ width: Number.NaN, marks: [] }, words)).rejects.toThrow("the chart's width is NaN, not a number of pixels");
  });
});

describe("interactive and decorative parts", () => {
  it("tips, Plot.tip and crosshairs are dropped with a notice; the picture keeps its marks", async () => {
    const { svg, notices } = await finishPlot({
      marks: [Plot.dot(budgets, { x: "spend", y: "region", tip: true }), Plot.crosshair(budgets, { x: "spend", y: "region" })],
    }, words);
    expect(notices).toEqual(expect.arrayContaining([
      "the tip mark was dropped: it shows only under a pointer, and a published chart is a still picture",
      "the crosshair rule mark was dropped: it shows only under a pointer, and a published chart is a still picture",
    ]));
    expect(parse(svg).querySelectorAll("circle")).toHaveLength(3);
    expect(svg).not.toContain("pointer-events");
  });

  it("line markers are kept, their ids prefixed and referenced; mixBlendMode becomes an attribute", async () => {
    const { svg } = await finishPlot({
      marks: [Plot.lineY(budgets, { x: "region", y: "spend", marker: "arrow" }), Plot.dot(budgets, { x: "region", y: "spend", mixBlendMode: "multiply" })],
    }, { ...words, id: "markers" });
    const root = parse(svg);
    const ids = [...root.querySelectorAll("marker")].map((m) => m.getAttribute("id")!);
    expect(ids).toHaveLength(3);
    for (const id of ids) {
      expect(id.startsWith("markers-desktop-")).toBe(true);
      expect(svg).toContain(`url(#${id})`);
    }
    expect(root.querySelectorAll('[mix-blend-mode="multiply"]').length).toBe(3);
    expect(checkSvg(svg)).toEqual([]);
  });

  it("Plot's style option: a font size is kept and measured; what a picture cannot use is named in a notice", async () => {
    const { svg, notices } = await finishPlot({ style: { fontSize: "18px", background: "black" }, marks: [Plot.barX(budgets, { x: "spend", y: "region" })] }, words, "mobile");
    expect(parse(svg).querySelector('g[font-size="18"]')).not.toBeNull();
    expect(outside(svg)).toEqual([]);
    expect(notices).toEqual(["the style background was dropped: the house style sets the chart's colours, background and layout"]);
  });
});

describe("refusals name what and where", () => {
  it("a function where Plot takes a constant names the mark and the channel", async () => {
    const chart = { marks: [Plot.text(budgets, { x: "spend", y: "region", text: "region", textAnchor: ((d: { spend: number }) => (d.spend > 0 ? "start" : "end")) as unknown as "start" })] };
    await expect(finishPlot(chart, words)).rejects.toThrow(/the text mark's textAnchor is the text of a function/);
  });

  it("pictures and links are refused plainly", async () => {
    await expect(finishPlot({ marks: [Plot.image([{ x: 1, y: 1 }], { x: "x", y: "y", src: () => "https://example.com/a.png" })] }, words)).rejects.toThrow(/draws a picture \(Plot's image mark\)/);
    await expect(finishPlot({ marks: [Plot.dot(budgets, { x: "spend", y: "region", href: () => "https://example.com" })] }, words)).rejects.toThrow(/links its marks to web pages/);
  });

  it("an id that could not prefix the file's ids is refused", async () => {
    for (const id of ["", "has space", "1st", 'x"><script>', "a".repeat(200)]) {
      await expect(finishPlot({ marks: [] }, { ...words, id })).rejects.toThrow(/^the chart's id ".*" is not a letter followed by/);
    }
  });

  it("no headline or no source is refused; Plot's title, subtitle and caption serve as the words", async () => {
    await expect(finishPlot({ marks: [] }, { headline: "", source: "x" })).rejects.toThrow("the chart has no headline");
    await expect(finishPlot({ marks: [] }, { headline: "x", source: " " })).rejects.toThrow("the chart has no source line");
    const { svg, notices } = await finishPlot({ title: "Spending by region", subtitle: "Thousands of euros", caption: "Provisional figures", marks: [Plot.barX(budgets, { x: "spend", y: "region" })] }, { headline: "", source: "Treasury" });
    expect(notices).toEqual([]);
    expect(texts(svg)).toEqual(expect.arrayContaining(["Spending by region", "Thousands of euros", "Provisional figures", "Source: Treasury"]));
    expect(parse(svg).querySelector("title")!.textContent).toBe("Spending by region");
  });
});

describe("axis labels wider than the chart", () => {
  it("wrap onto lines instead of running off a phone's artboard", async () => {
    const d = [{ a: -3, b: 1 }, { a: 5, b: 2 }, { a: 8, b: 3 }];
    const { svg } = await finishPlot({
      x: { label: "← decrease · Change in population, 2010–2019 (%) · increase →" },
      y: { label: "Young people living with their parents (%, ↑more men, ↓more women)" },
      marks: [Plot.dot(d, { x: "a", y: "b" })],
    }, words, "mobile");
    expect(outside(svg)).toEqual([]);
    const lines = layout(parse(svg)).map((p) => p.text);
    expect(lines).toContain("2010–2019 (%) · increase →");
    expect(lines.some((t) => t!.startsWith("Young people living with their"))).toBe(true);
  });
});

describe("tick labels that would run together", () => {
  const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  const rows = months.map((month, i) => ({ month, v: 10 + i }));
  const apart = (svg: string) => {
    const ticks = layout(parse(svg)).filter((p) => months.includes(p.text)).sort((a, b) => a.box.x1 - b.box.x1);
    return ticks.every((t, i) => i === 0 || t.box.x1 >= ticks[i - 1]!.box.x2);
  };

  it("a band x axis shows every k-th label, with a notice, when all of them cannot stand apart", async () => {
    const { svg, notices } = await finishPlot({ x: { domain: months }, marks: [Plot.barY(rows, { x: "month", y: "v" })] }, words, "mobile");
    expect(notices).toEqual([expect.stringMatching(/^every (second|third|\d+th) x-axis label is shown, so that they do not run together$/)]);
    expect(apart(svg)).toBe(true);
    expect(texts(svg)).toContain("January");
  });

  it("an axis mark the chart made itself keeps its ticks, and the notice says they run together", async () => {
    const { notices } = await finishPlot({ x: { domain: months }, marks: [Plot.axisX({ anchor: "top" }), Plot.barY(rows, { x: "month", y: "v" })] }, words, "mobile");
    expect(notices).toEqual([expect.stringMatching(/^the x-axis labels run together/)]);
  });
});

describe("long category names", () => {
  it("under columns wrap onto lines at the column's width rather than being thinned or cut", async () => {
    const rows = [{ k: "Long sentence that gets cropped after a certain length", v: 3 }];
    const { svg, notices } = await finishPlot({ marks: [Plot.barY(rows, { x: "k", y: "v" })] }, words, "mobile");
    expect(notices).toEqual(["the x-axis labels were wrapped onto up to 2 lines to fit under their columns"]);
    expect(outside(svg)).toEqual([]);
    // Each line is a tspan of the one label: read without the breaks, the name is whole.
    expect(texts(svg).join(" ").replace(/\s/g, "")).toContain("Longsentencethatgetscroppedafteracertainlength");
    expect(parse(svg).querySelectorAll("tspan").length).toBeGreaterThanOrEqual(2);
  });

  it("under narrow columns wrap between words, never inside one", async () => {
    const groups = ["Infants <1", "Children <11", "Teens 12-17", "Adults 18+", "Elderly 65+"].map((k, i) => ({ k, v: 10 + i }));
    const { svg } = await finishPlot({ x: { domain: groups.map((g) => g.k) }, marks: [Plot.barY(groups, { x: "k", y: "v" })] }, words, "mobile");
    const pieces = [...parse(svg).querySelectorAll("text, tspan")].filter((t) => t.children.length === 0).map((t) => t.textContent!.trim());
    for (const word of groups.flatMap((g) => g.k.split(" "))) expect(pieces.some((p) => p.split(" ").includes(word)), word).toBe(true);
    expect(outside(svg)).toEqual([]);
  });

  const races = ["WHITE", "BLACK or AFRICAN AMERICAN", "NATIVE HAWAIIAN or PACIFIC ISLANDER", "ASIAN"];
  const rows = races.flatMap((race) => ["ACCEPTED", "REJECTED"].map((status, i) => ({ race, status, percent: 40 + i * 10 })));
  const chart = (facet: Plot.PlotFacetOptions): Plot.PlotOptions => ({ y: { axis: null }, fy: { label: null }, facet: { data: rows, y: "race", ...facet }, marks: [Plot.barX(rows, { x: "percent", y: "status" })] });

  it("of facets down the side wrap as the rows' names do", async () => {
    const { svg, notices } = await finishPlot(chart({}), words, "mobile");
    expect(notices).toEqual(["the facets' labels were wrapped onto up to 3 lines to leave the chart room"]);
    expect(outside(svg)).toEqual([]);
  });

  it("in a facet margin the chart set widen that margin, which places the facets' axis", async () => {
    for (const artboard of ["desktop", "mobile"] as const) {
      const { svg, notices } = await finishPlot(chart({ marginLeft: 210 }), words, artboard);
      expect(notices).toEqual([expect.stringMatching(/^the facets' marginLeft 210 was widened to \d+ px to fit the labels in the house type$/)]);
      expect(outside(svg)).toEqual([]);
      expect(texts(svg)).toContain("NATIVE HAWAIIAN or PACIFIC ISLANDER");
    }
  });
});

describe("house choices made once Plot has picked the scales", () => {
  it("a band x scale gets no grid through its bars; a chart's own grid option is kept", async () => {
    const votes = [{ party: "Greens", share: 0.2 }, { party: "Liberals", share: 0.35 }];
    const bars = await finishPlot({ marks: [Plot.barY(votes, { x: "party", y: "share" })] }, words);
    expect(parse(bars.svg).querySelectorAll("line")).toHaveLength(0);
    const gridless = await finishPlot({ grid: false, marks: [Plot.dot(votes, { x: "share", y: "party" })] }, words);
    expect(parse(gridless.svg).querySelectorAll("line")).toHaveLength(0);
  });

  it("a row of swatches has no title made from a column name; a ramp is titled with its column", async () => {
    const pts = [{ x: 1, v: 3, kind: "A" }, { x: 2, v: 5, kind: "B" }];
    const swatches = await finishPlot({ color: { legend: true }, marks: [Plot.dot(pts, { x: "x", fill: "kind" })] }, words);
    expect(texts(swatches.svg)).not.toContain("kind");
    const ramp = await finishPlot({ color: { legend: true }, marks: [Plot.dot(pts, { x: "x", fill: "v" })] }, words);
    expect(texts(ramp.svg)).toContain("v");
  });
});

describe("colours a reader can see", () => {
  const votes = [{ party: "Greens", share: 0.2 }, { party: "Liberals", share: 0.35 }, { party: "Labour", share: 0.45 }];

  it("a categorical colour scale the chart leaves to Plot takes the house palette", async () => {
    const { svg } = await finishPlot({ color: { legend: true }, marks: [Plot.barY(votes, { x: "party", y: "share", fill: "party" })] }, words);
    for (const c of PALETTE.slice(0, 3)) expect(svg).toContain(`fill="${c}"`);
    expect(svg).not.toContain("#efb118");
  });

  it("a mark colour below 3:1 fails, naming the mark, the colour and the contrast", async () => {
    await expect(finishPlot({ marks: [Plot.barY(votes, { x: "party", y: "share", fill: "#F0E442" })] }, words))
      .rejects.toThrow("a reader could not see its colours: the bar mark's fill #F0E442 has 1.32:1 on the light background (#ffffff); marks need 3:1");
    await expect(finishPlot({ color: { range: ["#0072B2", "#56B4E9", "#1a1a1a"] }, marks: [Plot.barY(votes, { x: "party", y: "share", fill: "party" })] }, words))
      .rejects.toThrow(/the bar mark's fill #56B4E9 has 2\.31:1 on the light background/);
  });

  it("coloured text needs 4.5:1 on the light background", async () => {
    await expect(finishPlot({ marks: [Plot.text(votes, { x: "party", y: "share", text: "party", fill: "#CC79A7" })] }, words))
      .rejects.toThrow(/the text mark's text colour #CC79A7 has 3\.06:1 on the light background \(#ffffff\); text needs 4\.5:1/);
  });

  it("a colour a dark page would swallow gets a lighter shade of its hue in the chart's dark-mode style", async () => {
    const { svg } = await finishPlot({ marks: [Plot.lineY(votes, { x: "party", y: "share", stroke: "blue" }), Plot.text(votes, { x: "party", y: "share", text: "party", fill: "#1f3a93" })] }, words);
    const dark = /@media \(prefers-color-scheme: dark\) \{([^}]*\}[^@]*?)\n\}/.exec(svg)![1]!;
    const shade = (attr: string, value: string) => new RegExp(`\\[${attr}="${value}"\\] \\{ ${attr}: (#[0-9a-f]{6}); \\}`).exec(dark)?.[1];
    expect(contrast(shade("stroke", "blue")!, "#161616")).toBeGreaterThanOrEqual(3);
    expect(contrast(shade("fill", "#1f3a93")!, "#161616")).toBeGreaterThanOrEqual(4.5);
    expect(d3.hcl(shade("stroke", "blue")!).h).toBeCloseTo(d3.hcl("blue").h, -1);
  });

  it("categories whose type is set but whose colours are left to Plot take the house palette; ordered ones the house shades", async () => {
    const categorical = await finishPlot({ color: { type: "categorical" }, marks: [Plot.barY(votes, { x: "party", y: "share", fill: "share" })] }, words);
    for (const c of PALETTE.slice(0, 3)) expect(categorical.svg).toContain(`fill="${c}"`);
    const sizes = d3.range(8).map((n) => ({ n, v: n + 1 }));
    const { svg } = await finishPlot({ color: { type: "ordinal" }, marks: [Plot.barY(sizes, { x: "n", y: "v", fill: "n" })] }, words);
    const fills = [...parse(svg).querySelectorAll("rect:not(.sc-bg)")].map((r) => r.getAttribute("fill")!);
    expect(fills).toEqual(ordinalShades(8));
    expect(new Set(fills).size).toBe(8);
    for (const c of fills) expect(Math.min(contrast(c, "#ffffff")!, contrast(c, "#161616")!)).toBeGreaterThanOrEqual(3);
  });

  it("shapes in a ramp's lightest shades are outlined in a darker shade of their own hue; the fill stays", async () => {
    const sizes = d3.range(6).map((n) => ({ n, v: n + 1 }));
    for (const color of [{ scheme: "blues" }, { type: "ordinal", scheme: "ylorbr" }] as Plot.ScaleOptions[]) {
      const { svg, notices } = await finishPlot({ color, marks: [Plot.barY(sizes, { x: "n", y: "v", fill: "n" })] }, words);
      const bars = [...parse(svg).querySelectorAll("rect:not(.sc-bg)")];
      const light = bars.filter((r) => contrast(r.getAttribute("fill")!, "#ffffff")! < 3);
      expect(light.length).toBeGreaterThan(0);
      for (const r of light) {
        const stroke = r.getAttribute("stroke")!;
        expect(contrast(stroke, "#ffffff")).toBeGreaterThanOrEqual(3);
        // A near-white shade has hardly a hue to keep.
        if (d3.hcl(r.getAttribute("fill")!).c > 15) expect(d3.hcl(stroke).h).toBeCloseTo(d3.hcl(r.getAttribute("fill")!).h, -1);
      }
      for (const r of bars.filter((b) => !light.includes(b))) expect(r.hasAttribute("stroke")).toBe(false);
      expect(notices).toEqual([`${light.length} shapes in the colour ramp's lightest shades are outlined in a darker shade of their own colour, so they stay visible on the page`]);
    }
  });

  it("a continuous colour scale left to Plot takes the house ramp, whose every shade reaches 3:1 on either page", async () => {
    const series = d3.range(12).flatMap((k) => [0, 1].map((x) => ({ k, x, y: k + x })));
    const { svg } = await finishPlot({ color: { legend: true }, marks: [Plot.lineY(series, { x: "x", y: "y", z: "k", stroke: "k" })] }, words);
    const strokes = [...parse(svg).querySelectorAll("path[stroke]")].map((p) => p.getAttribute("stroke")!).filter((c) => d3.hcl(c).c > 20);
    expect(strokes.length).toBe(12);
    for (const c of strokes) expect(Math.min(contrast(c, "#ffffff")!, contrast(c, "#161616")!)).toBeGreaterThanOrEqual(3);
  });

  it("a diverging scale left to Plot runs vermillion to blue through a grey, every shade at 3:1 on either page", async () => {
    const pts = d3.range(21).map((i) => ({ x: i, v: i - 10 }));
    const { svg } = await finishPlot({ color: { type: "diverging", legend: true }, marks: [Plot.dot(pts, { x: "x", stroke: "v", r: 4 })] }, words);
    const strokes = [...parse(svg).querySelectorAll("circle")].map((c) => c.getAttribute("stroke")!);
    expect(strokes.length).toBe(21);
    expect(d3.hcl(strokes[10]!).c).toBeLessThan(5);
    expect(d3.color(strokes[0]!)!.formatHex()).toBe(PALETTE[1].toLowerCase());
    expect(d3.color(strokes[20]!)!.formatHex()).toBe(PALETTE[0].toLowerCase());
    for (const c of strokes) expect(Math.min(contrast(c, "#ffffff")!, contrast(c, "#161616")!)).toBeGreaterThanOrEqual(3);
  });

  it("bars that tile a field edge to edge (warming stripes) are framed by their neighbours: no outlines", async () => {
    const years = d3.range(1900, 2021).map((year) => ({ year, anomaly: Math.sin(year / 9) * 0.4 + (year - 1960) / 80 }));
    const { svg, notices } = await finishPlot({ x: { tickFormat: "d" }, color: { type: "diverging", scheme: "burd" }, marks: [Plot.barX(years, { x: "year", interval: 1, inset: 0, fill: "anomaly" })] }, words);
    expect(notices).toEqual([]);
    expect(parse(svg).querySelectorAll("rect[stroke]").length).toBe(0);
  });

  it("a line or a text in a ramp's light shade cannot be outlined: it fails", async () => {
    const series = d3.range(6).flatMap((k) => [0, 1].map((x) => ({ k, x, y: k + x })));
    await expect(finishPlot({ color: { type: "ordinal", scheme: "ylorbr" }, marks: [Plot.lineY(series, { x: "x", y: "y", stroke: "k" })] }, words))
      .rejects.toThrow(/the line mark's stroke #[0-9a-f]{6} has 1\.\d\d:1 on the light background/);
  });

  it("a colour the author chose from a categorical scheme is checked like any other", async () => {
    await expect(finishPlot({ color: { scheme: "set1" }, marks: [Plot.barY(d3.range(6).map((n) => ({ n })), { x: "n", y: 1, fill: "n" })] }, words))
      .rejects.toThrow(/a reader could not see its colours: .*the bar mark's fill #ffff33 has 1\.07:1/);
  });

  it("the cells of a continuous ramp, greys and faint fills are left to their legend and design", async () => {
    const cells = [0, 1, 2, 3].flatMap((x) => [0, 1, 2].map((y) => ({ x, y, v: x * y })));
    const ramp = await finishPlot({ color: { scheme: "blues" }, marks: [Plot.cell(cells, { x: "x", y: "y", fill: "v" })] }, words);
    expect(checkSvg(ramp.svg)).toEqual([]);
    await finishPlot({ marks: [Plot.areaY(votes, { x: "party", y: "share", fill: "#F0E442", fillOpacity: 0.3 }), Plot.barY(votes, { x: "party", y: "share", fill: "#dedede" })] }, words);
  });
});

describe("the page's background", () => {
  it("var(--plot-background) halos take the house background, light and dark; another CSS variable is refused", async () => {
    const d = [{ x: 1, y: 1, t: "A" }, { x: 2, y: 2, t: "B" }];
    const { svg } = await finishPlot({ marks: [Plot.text(d, { x: "x", y: "y", text: "t", fill: "currentColor", stroke: "var(--plot-background)", strokeWidth: 4 })] }, words);
    expect(svg).not.toContain("var(");
    expect(parse(svg).querySelector(".sc-bg-stroke")!.getAttribute("stroke")).toBe("#ffffff");
    expect(svg).toMatch(/@media \(prefers-color-scheme: dark\) \{[^}]*\}[^@]*\.sc-bg-stroke \{ stroke: #161616; \}/);
    await expect(finishPlot({ marks: [Plot.text(d, { x: "x", y: "y", text: "t", fill: "var(--my-ink)" })] }, words)).rejects.toThrow("the text mark's fill is var(--my-ink), a CSS variable a standalone chart does not define");
  });
});

describe("Plot's legends", () => {
  const pts = Array.from({ length: 30 }, (_, i) => ({ x: i % 10, y: (i * 7) % 13, v: ((i * 29) % 100) - 40, kind: ["Adelie", "Gentoo", "Chinstrap"][i % 3]! }));

  it.each([
    ["swatches", { color: { legend: true }, marks: [Plot.dot(pts, { x: "x", y: "y", fill: "kind" })] }, ["Adelie", "Chinstrap", "Gentoo"]],
    ["coloured symbols", { color: { legend: true }, symbol: { legend: true }, marks: [Plot.dot(pts, { x: "x", y: "y", stroke: "kind", symbol: "kind" })] }, ["Adelie", "Chinstrap", "Gentoo"]],
    ["a symbol legend over the colour's domain", { symbol: { legend: true }, marks: [Plot.dot(pts, { x: "x", y: "y", stroke: "kind", symbol: "kind" })] }, ["Adelie", "Chinstrap", "Gentoo"]],
    ["a diverging ramp", { color: { legend: true, type: "diverging", scheme: "rdbu" }, marks: [Plot.dot(pts, { x: "x", y: "y", fill: "v" })] }, ["v", "0"]],
    ["a threshold", { color: { legend: true, type: "threshold", domain: [0, 20], scheme: "blues" }, marks: [Plot.dot(pts, { x: "x", y: "y", fill: "v" })] }, ["v", "0", "20"]],
  ] as [string, Plot.PlotOptions, string[]][])("%s: drawn as SVG above the chart, inside the artboard, labelled", async (_, options, labels) => {
    for (const artboard of ["desktop", "mobile"] as const) {
      const { svg, notices } = await finishPlot(options, words, artboard);
      // Dots in a ramp's lightest shades are outlined, and say so; nothing else is changed.
      expect(notices.filter((n) => !/lightest shades (is|are) outlined/.test(n))).toEqual([]);
      expect(texts(svg)).toEqual(expect.arrayContaining(labels));
      expect(outside(svg)).toEqual([]);
      expect(checkSvg(svg)).toEqual([]);
      expect(svg).not.toMatch(/<image|<canvas|<foreignObject|\[object |="undefined"|NaN/);
    }
  });

  it("a ramp's gradient keeps its id, prefixed, and its reference", async () => {
    const { svg } = await finishPlot({ color: { legend: true }, marks: [Plot.dot(pts, { x: "x", y: "y", fill: "v" })] }, { ...words, id: "ramp" });
    const id = parse(svg).querySelector("linearGradient")!.getAttribute("id")!;
    expect(id).toMatch(/^ramp-desktop-\d+$/);
    expect(svg).toContain(`fill="url(#${id})"`);
  });
});

describe("the scales a chart is coloured by are learned without drawing its marks", () => {
  const cases: [string, Plot.PlotOptions][] = [
    ["ordinal colours on a band axis", { marks: [Plot.barY(budgets, { x: "region", y: "spend", fill: "region" })] }],
    ["a sequential ramp", { marks: [Plot.dot(budgets, { x: "spend", y: "region", fill: "spend" })] }],
    ["a diverging ramp over a stacked, dodged chart", { color: { type: "diverging" }, marks: [Plot.dotX(budgets, Plot.dodgeY({ x: "spend", fill: "spend" }))] }],
    ["hexagons counted in pixels, in ordered colours", { color: { type: "ordinal" }, marks: [Plot.dot(Array.from({ length: 60 }, (_, i) => ({ a: (i * 37) % 23, b: (i * 11) % 17 })), Plot.hexbin({ fill: "count" }, { x: "a", y: "b", binWidth: 14 }))] }],
    ["a map fitted to its shapes", {
      projection: { type: "equal-earth", domain: { type: "Sphere" } },
      marks: [Plot.geo([{ type: "Feature", properties: { v: 1 }, geometry: { type: "Polygon", coordinates: [[[0, 0], [10, 0], [10, 10], [0, 0]]] } }], { fill: (d: { properties: { v: number } }) => d.properties.v }), Plot.sphere()],
    }],
  ];
  for (const [name, options] of cases) {
    it(`${name}: the same scales as the full drawing`, async () => {
      const { plotScales, renderPlot } = await import("../src/chart/render.ts");
      const full = renderPlot(options, "t", []) as unknown as { scale(name: string): Plot.Scale | undefined };
      const scales = plotScales(options);
      expect(scales).not.toBeNull();
      for (const scale of ["x", "y", "color", "r", "fx", "fy"]) {
        const [a, b] = [full.scale(scale), scales!.scale(scale)];
        const seen = (d: Plot.Scale) => ({ type: d.type, domain: d.domain, range: d.range });
        expect(b === undefined ? undefined : seen(b), scale).toEqual(a === undefined ? undefined : seen(a));
      }
    });
  }

  it("no mark's render runs, nor a render function", async () => {
    const { plotScales } = await import("../src/chart/render.ts");
    let rendered = 0;
    const spy = () => {
      rendered++;
      return null;
    };
    const scales = plotScales({ color: { legend: false }, marks: [[Plot.barY(budgets, { x: "region", y: "spend", fill: "region", render: (i, s, v, d, c, next) => (spy(), next!(i, s, v, d, c)) })], spy] });
    expect(rendered).toBe(0);
    expect(scales?.scale("color")?.type).toBe("ordinal");
    expect((scales as unknown as Element).querySelectorAll("rect").length).toBe(0);
    expect(plotScales({ marks: [Plot.barY(budgets, { x: "nowhere", y: "spend", fill: (d: { region: string }) => d.region })], x: { type: "nonsense" as "band" } })).toBeNull();
  });

  it("scales learned first or from a first drawing: the same picture", async () => {
    const { renderFitted } = await import("../src/chart/fit.ts");
    type Reader = { scale(name: string): Plot.Scale | undefined };
    const apply = (scales: Reader, options: Plot.PlotOptions): Plot.PlotOptions | null => {
      const color = scales.scale("color");
      const x = scales.scale("x");
      let next: Plot.PlotOptions | null = null;
      if (color?.type === "ordinal") next = { ...options, color: { range: [...PALETTE] } };
      if (x?.type === "point" || x?.type === "band") next = { ...(next ?? options), x: { ...(options.x as object), grid: false } };
      return next;
    };
    const charts: Plot.PlotOptions[] = [
      { grid: undefined, marks: [Plot.barY(budgets, { x: "region", y: "spend", fill: "region" })] },
      { x: { grid: true }, marks: [Plot.dot(budgets, { x: "region", y: "spend", fill: "#0072B2" })] },
      { marks: [Plot.dot(budgets, { x: "spend", y: "region", stroke: "region" }), Plot.ruleX([0])] },
      { marginLeft: 10, marks: [Plot.barX(budgets, { x: "spend", y: "region" })] },
    ];
    for (const options of charts) {
      const draw = (likely: boolean) => renderFitted(options, new Set(), 0, "t", [], { likely, apply: apply as never }).svg.outerHTML;
      expect(draw(true)).toBe(draw(false));
    }
  });

  it("a chart in Plot's own colours is drawn once, in the house colours, when its labels fit", async () => {
    let renders = 0;
    const { svg } = await finishPlot({
      marginLeft: 80, marginBottom: 60, marginTop: 40, marginRight: 40,
      marks: [Plot.barY(budgets, { x: "region", y: "spend", fill: "region", render: (i, s, v, d, c, next) => (renders++, next!(i, s, v, d, c)) })],
    }, words, "desktop");
    expect(renders).toBe(1);
    expect(svg).toContain(`fill="${PALETTE[0]}"`);
    expect(svg).not.toContain('fill="#4269d0"'); // Plot's own first category colour
  });
});
