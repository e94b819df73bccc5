import * as Plot from "@observablehq/plot";
import * as d3 from "d3";
import { describe, expect, it } from "vitest";
import { checkSvg } from "../src/chart/allowlist.ts";
import { finish } from "../src/chart/finish.ts";
import type { LegendItem } from "../src/chart/legends.ts";
import { prefixIds } from "../src/chart/ids.ts";
import { drawLegends, swatchLegend, type LegendRequest } from "../src/chart/legends.ts";
import { ChartError } from "../src/chart/render.ts";
import { FALLBACK_ALLOWANCE, textWidth } from "../src/chart/text-metrics.ts";
import { ARTBOARDS, type ArtboardName } from "../src/chart/theme.ts";
import { CASES, document, legendSvg } from "./helpers/legend-cases.ts";

const ARTBOARD_NAMES: ArtboardName[] = ["desktop", "mobile"];

/** By local name: jsdom's selectors fold case, and SVG's camelCase names do not survive it. */
function byName(root: Element, name: string): Element[] {
  return [...root.querySelectorAll("*")].filter((e) => e.localName === name);
}

interface PlacedText {
  text: string;
  left: number;
  right: number;
  y: number;
}

/** Every text's measured extent, in the legend's own coordinates (translations summed, anchors applied). */
function texts(g: Element, artboard: ArtboardName): PlacedText[] {
  const size = ARTBOARDS[artboard].body.size;
  return [...g.querySelectorAll("text")].map((t) => {
    let dy = 0;
    let anchor = "start";
    let weight = "regular" as "regular" | "semibold";
    for (let e: Element | null = t; e && e !== g.parentElement; e = e.parentElement) {
      const m = /translate\(([-\d.]+),([-\d.]+)\)/.exec(e.getAttribute("transform") ?? "");
      if (m) {
        expect(Number(m[1])).toBe(0);
        dy += Number(m[2]);
      }
      if (anchor === "start" && e.getAttribute("text-anchor")) anchor = e.getAttribute("text-anchor")!;
      if (e.getAttribute("font-weight") === "600") weight = "semibold";
    }
    const width = textWidth(t.textContent!, { size, weight }) * FALLBACK_ALLOWANCE;
    const x = Number(t.getAttribute("x"));
    const left = anchor === "middle" ? x - width / 2 : anchor === "end" ? x - width : x;
    return { text: t.textContent!, left, right: left + width, y: dy + Number(t.getAttribute("y")) };
  });
}

/** The number a label states: "−1,581.8" → -1581.8, "10k" → 10000, "40%" → 0.4. */
function parseLabel(label: string): number | null {
  const m = /^([−-]?[\d,]*\.?\d+)([kMG%]?)$/.exec(label);
  if (!m) return null;
  const n = Number(m[1]!.replace("−", "-").replaceAll(",", ""));
  return n * ({ "": 1, k: 1e3, M: 1e6, G: 1e9, "%": 0.01 }[m[2]!] ?? 1);
}

/**
 * The domain value at fraction t along a ramp, worked out from the scale
 * type's own transform (not from the legend's code): linear, pow, log and
 * symlog, each split at the pivot for a diverging scale.
 */
function valueAt(d: Plot.Scale, t: number): number {
  const type = String(d.type).replace(/^diverging-?/, "") || "linear";
  const e = type === "sqrt" ? 0.5 : type === "pow" ? d.exponent! : 1;
  const c = d.constant ?? 1;
  const [f, g]: [(v: number) => number, (u: number) => number] =
    type === "log" ? [(v) => Math.log(Math.abs(v)), (u) => Math.sign([...d.domain!][0] as number) * Math.exp(u)]
    : type === "symlog" ? [(v) => Math.sign(v) * Math.log1p(Math.abs(v) / c), (u) => Math.sign(u) * Math.expm1(Math.abs(u)) * c]
    : [(v) => Math.sign(v) * Math.abs(v) ** e, (u) => Math.sign(u) * Math.abs(u) ** (1 / e)];
  const domain = (d.domain as (number | Date)[]).map(Number);
  const lo = domain[0]!;
  const hi = domain.at(-1)!;
  if (String(d.type).startsWith("diverging")) {
    const pivot = d.pivot as number;
    return t <= 0.5 ? g(f(lo) + (f(pivot) - f(lo)) * t * 2) : g(f(pivot) + (f(hi) - f(pivot)) * (t * 2 - 1));
  }
  return g(f(lo) + (f(hi) - f(lo)) * t);
}

function colourDistance(a: string, b: string): number {
  const x = d3.rgb(a);
  const y = d3.rgb(b);
  return Math.max(Math.abs(x.r - y.r), Math.abs(x.g - y.g), Math.abs(x.b - y.b));
}

describe("legends drawn from Plot's scale descriptors", () => {
  for (const c of CASES) {
    for (const artboard of ARTBOARD_NAMES) {
      describe(`${c.name} on ${artboard}`, () => {
        const requests = c.requests();
        const { svg, g, width } = legendSvg(requests, artboard);

        it("passes the allowlist inside an svg", () => {
          expect(checkSvg(svg)).toEqual([]);
          expect(g.querySelector("image, foreignObject, canvas")).toBeNull();
        });

        it("keeps every text inside the width, no two on a line overlapping", () => {
          const placed = texts(g, artboard);
          expect(placed.length).toBeGreaterThan(0);
          for (const t of placed) {
            expect(t.left, t.text).toBeGreaterThanOrEqual(-0.01);
            expect(t.right, t.text).toBeLessThanOrEqual(width + 0.01);
          }
          const lines = d3.group(placed, (t) => Math.round(t.y));
          for (const line of lines.values()) {
            const sorted = [...line].sort((a, b) => a.left - b.left);
            for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.left, `${sorted[i - 1]!.text} | ${sorted[i]!.text}`).toBeGreaterThanOrEqual(sorted[i - 1]!.right);
          }
          for (const r of g.querySelectorAll("rect")) {
            expect(Number(r.getAttribute("x")) + Number(r.getAttribute("width"))).toBeLessThanOrEqual(width + 0.01);
          }
        });

        it("titles the legend with the scale's label", () => {
          const labels = requests.map((r) => r.descriptor.label).filter((l): l is string => typeof l === "string");
          const title = [...g.querySelectorAll('g[font-weight="600"] text')].map((t) => t.textContent);
          expect(title).toEqual(labels);
        });

        if (c.kind === "swatches" || c.kind === "symbols") {
          it("labels every domain value, in the descriptor's order", () => {
            const placed = texts(g, artboard).map((t) => t.text);
            for (const request of requests.filter((r) => typeof r.descriptor.interpolate !== "function")) {
              const domain = (request.descriptor.domain as unknown[]).map(String);
              const at = domain.map((v) => placed.indexOf(v));
              expect(at.every((i) => i >= 0), `${domain} in ${placed}`).toBe(true);
              expect([...at].sort((a, b) => a - b)).toEqual(at);
            }
          });

          it("paints each entry in the scale's colour and symbol", () => {
            const request = requests.find((r) => typeof r.descriptor.interpolate !== "function")!;
            const markers = [...g.querySelectorAll(request.scale === "color" && !request.symbol ? "rect" : "path")];
            const domain = request.descriptor.domain as unknown[];
            expect(markers.length).toBe(domain.length);
            domain.forEach((value, i) => {
              const m = markers[i]!;
              const painted = m.getAttribute("fill") === "none" ? m.getAttribute("stroke")! : m.getAttribute("fill")!;
              if (request.scale === "color") expect(colourDistance(painted, String(request.descriptor.apply(value)))).toBe(0);
              else expect(painted).toBe("currentColor");
              const symbols = request.scale === "symbol" ? request.descriptor : request.symbol;
              if (symbols) {
                const r = ARTBOARDS[artboard].body.size * 0.85 / 2 - 0.75;
                expect(m.getAttribute("d")).toBe(d3.symbol(symbols.apply(value) as d3.SymbolType, Math.PI * r * r).digits(2)());
              }
            });
          });
        }

        if (c.kind === "symbols") {
          it("fills filled symbols and strokes outlined ones, as Plot's dots are drawn", () => {
            const range = (requests[0]!.symbol ?? requests[0]!.descriptor).range as unknown[];
            const outlined = range.includes(d3.symbolTimes);
            for (const p of g.querySelectorAll("path")) expect(p.getAttribute("fill") === "none").toBe(outlined);
          });
        }

        if (c.kind === "ramp" || c.kind === "opacity") {
          const request = requests.find((r) => typeof r.descriptor.interpolate === "function")!;
          const d = request.descriptor;

          it("samples the scale's colours along the ramp", () => {
            const stops = byName(g, "stop");
            expect(stops.length).toBeGreaterThanOrEqual(16);
            const rect = g.querySelector("rect")!;
            expect(rect.getAttribute("fill")).toBe(`url(#${byName(g, "linearGradient")[0]!.id})`);
            for (const stop of stops) {
              const t = Number(stop.getAttribute("offset"));
              const v = valueAt(d, t);
              if (c.kind === "opacity") {
                expect(stop.getAttribute("stop-color")).toBe("currentColor");
                expect(Number(stop.getAttribute("stop-opacity"))).toBeCloseTo(d.apply(v) as number, 3);
              } else {
                const expected = String(d.apply(d.type === "utc" ? new Date(v) : v));
                // Magma, plasma and viridis are 256 fixed colours: a rounding in the log transform can pick the neighbour, a few units away.
                expect(colourDistance(stop.getAttribute("stop-color")!, expected), `${t} → ${v}`).toBeLessThanOrEqual(3);
              }
            }
          });

          it("labels ticks with values that sit where the scale puts them", () => {
            const length = Number(g.querySelector("rect")!.getAttribute("width"));
            const ticks = [...g.querySelectorAll("line")].map((l) => Number(l.getAttribute("x1")));
            const labels = texts(g, artboard).filter((t) => !request.descriptor.label || t.text !== request.descriptor.label);
            expect(labels.length).toBeGreaterThanOrEqual(2);
            for (const x of ticks) expect(x).toBeGreaterThanOrEqual(0), expect(x).toBeLessThanOrEqual(length);
            for (const label of labels) {
              const value = parseLabel(label.text);
              // Dates ("2020", "April") are checked by the colours above, not here.
              if (value === null || d.type === "utc") continue;
              // The label belongs to the nearest tick; the scale's value there is the label's.
              const centre = (label.left + label.right) / 2;
              const x = ticks.reduce((a, b) => (Math.abs(b - centre) < Math.abs(a - centre) ? b : a));
              const at = valueAt(d, x / length);
              const domain = [...d.domain!].map(Number);
              const span = Math.abs(domain.at(-1)! - domain[0]!);
              const tolerance = String(d.type).includes("log") || String(d.type).includes("symlog") ? Math.abs(value) * 0.02 + 0.01 : span * 0.002;
              expect(Math.abs(at - value), `${label.text} at ${x}`).toBeLessThanOrEqual(tolerance);
            }
          });
        }

        if (c.kind === "threshold") {
          it("draws a block per colour and labels every threshold", () => {
            const d = requests[0]!.descriptor;
            const blocks = [...g.querySelectorAll("rect")];
            expect(blocks.map((b) => b.getAttribute("fill"))).toEqual((d.range as string[]).map((r) => d3.rgb(r).formatHex()));
            const values = texts(g, artboard).map((t) => parseLabel(t.text)).filter((v) => v !== null);
            for (const threshold of d.domain as number[]) {
              expect(values.some((v) => Math.abs(v - threshold) < 0.001), `${threshold} in ${values}`).toBe(true);
            }
          });

          it("sets the labels on one line when the width has room for them, on two when not", () => {
            const rows = new Set(texts(g, artboard).filter((t) => parseLabel(t.text) !== null).map((t) => Math.round(t.y))).size;
            expect(rows).toBe(c.name === "quantize-crowded" && artboard === "mobile" ? 2 : 1);
          });
        }
      });
    }
  }
});

describe("legend options and refusals", () => {
  const artboard = ARTBOARDS.desktop;
  const rows = [{ x: 1, v: 1 }, { x: 2, v: 10 }];

  it("gives each ramp its own gradient id", () => {
    const svg = Plot.plot({ document, marks: [Plot.dot(rows, { x: "x", fill: "v", fillOpacity: "v" })] }) as unknown as { scale(n: string): Plot.Scale };
    const drawn = drawLegends([{ scale: "color", descriptor: svg.scale("color") }, { scale: "opacity", descriptor: svg.scale("opacity") }], { document, artboard, width: 600 })!;
    expect(byName(drawn.g, "linearGradient").map((e) => e.id)).toEqual(["legend-ramp-1", "legend-ramp-2"]);
    const refs = [...drawn.g.querySelectorAll("rect[fill^=url]")].map((e) => e.getAttribute("fill"));
    expect(refs).toEqual(["url(#legend-ramp-1)", "url(#legend-ramp-2)"]);
    // Finishing renames every id to the chart's own; the ramps still find their gradients.
    prefixIds(drawn.g, "chart-a");
    const ids = byName(drawn.g, "linearGradient").map((e) => e.id);
    expect(ids.every((id) => id.startsWith("chart-a-"))).toBe(true);
    expect([...drawn.g.querySelectorAll("rect[fill^=url]")].map((e) => e.getAttribute("fill"))).toEqual(ids.map((id) => `url(#${id})`));
  });

  it("draws nothing for an identity scale or no request", () => {
    const svg = Plot.plot({ document, color: { type: "identity" }, marks: [Plot.dot(rows, { x: "x", fill: () => "red" })] }) as unknown as { scale(n: string): Plot.Scale };
    expect(drawLegends([{ scale: "color", descriptor: svg.scale("color") }], { document, artboard, width: 600 })).toBeNull();
    expect(drawLegends([], { document, artboard, width: 600 })).toBeNull();
  });

  it("refuses an ordinal opacity legend with a ChartError, as Plot does", () => {
    const svg = Plot.plot({ document, opacity: { type: "ordinal" }, marks: [Plot.dot(rows, { x: "x", fillOpacity: (d: { x: number }) => `g${d.x}` })] }) as unknown as { scale(n: string): Plot.Scale };
    expect(() => drawLegends([{ scale: "opacity", descriptor: svg.scale("opacity") }], { document, artboard, width: 600 })).toThrow(ChartError);
  });

  it("wraps a label too long for the width beside its swatch", () => {
    const long = "A claimant whose name is far too long to be set on one line of a narrow legend at all";
    const svg = Plot.plot({ document, marks: [Plot.dot([{ c: long }, { c: "Short" }], { x: () => 1, fill: "c" })] }) as unknown as { scale(n: string): Plot.Scale };
    const drawn = drawLegends([{ scale: "color", descriptor: svg.scale("color") }], { document, artboard: ARTBOARDS.mobile, width: 296 })!;
    const placed = texts(drawn.g, "mobile");
    expect(placed.map((t) => t.text)).toContain("Short");
    const lines = placed.filter((t) => t.text !== "Short");
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.map((t) => t.text).join(" ")).toBe(long);
    for (const t of placed) expect(t.right).toBeLessThanOrEqual(296);
    // "Short" starts a row below the wrapped label, not beside it.
    const short = placed.find((t) => t.text === "Short")!;
    expect(short.y).toBeGreaterThan(Math.max(...lines.map((t) => t.y)));
    expect(drawn.height).toBeGreaterThanOrEqual(short.y);
  });

  it("labels a ramp at the ticks given as values, and ignores ticks given as an interval's name", () => {
    const svg = Plot.plot({ document, marks: [Plot.dot([{ v: 0 }, { v: 100 }], { x: "v", fill: "v" })] }) as unknown as { scale(n: string): Plot.Scale };
    const labels = (ticks: Plot.ScaleOptions["ticks"]) => [...drawLegends([{ scale: "color", descriptor: { ...svg.scale("color"), ticks } }], { document, artboard, width: 600 })!.g.querySelectorAll("text")].map((t) => t.textContent);
    expect(labels([0, 25, 100])).toEqual(["0", "25", "100"]);
    expect(labels("month")).toEqual(labels(undefined));
  });

  it("uses the scale's tickFormat, given as a function, for swatch labels", () => {
    const svg = Plot.plot({ document, marks: [Plot.dot([{ c: 1 }, { c: 2 }], { x: "c", fill: "c" })], color: { type: "ordinal" } }) as unknown as { scale(n: string): Plot.Scale };
    const drawn = drawLegends([{ scale: "color", descriptor: { ...svg.scale("color"), tickFormat: (d: number) => `#${d}` } }], { document, artboard, width: 600 })!;
    expect([...drawn.g.querySelectorAll("text")].map((t) => t.textContent)).toEqual(["#1", "#2"]);
  });
});

describe("swatchLegend", () => {
  const items: LegendItem[] = [
    { label: "teleSUR/EFE", color: "#0072B2" },
    { label: "Rybar (Russian military blogger)", color: "#D55E00", shape: "outline" },
    { label: "Volodymyr Zelenskyy (President of Ukraine)", color: "#009E73", shape: "faint" },
    { label: "Russian Defense Ministry", color: "#CC79A7", symbol: "circle" },
    { label: "Computed by storycharts", color: "#6e6e6e", shape: "outline", symbol: "circle" },
    { label: "Implied", color: "#c4c4c4", shape: "faint", symbol: "circle" },
    { label: "A  label with  doubled spaces and far too many words to be set on a single row of either artboard's legend", color: "#E69F00" },
    { label: "After it", color: "#56B4E9" },
  ];

  for (const name of ARTBOARD_NAMES) {
    it(`draws what finish.ts's legend draws, byte for byte, on ${name}`, () => {
      const artboard = ARTBOARDS[name];
      const plot = Plot.plot({ document, width: 300, height: 100, marks: [Plot.frame()] }) as SVGSVGElement;
      const finished = finish({ prefix: "t", artboard, headline: "Short", subtitle: null, legend: items, notes: [], source: "Source: test", alt: "alt", plot, plotHeight: 100 });
      const theirs = [...finished.querySelectorAll(":scope > g")].find((e) => e.querySelector(":scope > rect, :scope > circle"))!;
      // finish's y before the legend: the padding, one headline line, the gap under it.
      let top = artboard.padding;
      top += artboard.headline.size * artboard.headline.lineHeight * 1;
      top += artboard.name === "desktop" ? 14 : 10;
      const ours = swatchLegend(items, { document, artboard, y: top });
      expect(ours.g.outerHTML).toBe(theirs.outerHTML);
      expect(ours.g.querySelectorAll("text").length).toBeGreaterThan(items.length);
      expect(ours.bottom).toBeCloseTo(top + ours.height, 9);
      // The rows wrapped: more than one line of swatches on either artboard.
      expect(new Set([...ours.g.querySelectorAll("text")].map((t) => t.getAttribute("y"))).size).toBeGreaterThan(1);
    });
  }
});

// The request type is part of the public surface; this keeps it compiling against Plot's own types.
const _typed: LegendRequest = { scale: "color", descriptor: { type: "linear", domain: [0, 1], apply: (t: number) => t } };
void _typed;
