// Real Plot charts, one per kind of legend, drawn in jsdom, and the legend
// requests finishPlot would make from them: shared by the legend tests and
// tests/tools/look-legends.ts.
import * as Plot from "@observablehq/plot";
import { JSDOM } from "jsdom";
import type { LegendRequest } from "../../src/chart/legends.ts";
import { ARTBOARDS, INK, type ArtboardName } from "../../src/chart/theme.ts";
import { drawLegends } from "../../src/chart/legends.ts";

export const document = new JSDOM("<!DOCTYPE html><html><body></body></html>").window.document;

export interface LegendCase {
  name: string;
  kind: "swatches" | "symbols" | "ramp" | "threshold" | "opacity";
  requests: () => LegendRequest[];
}

type Row = { x: number; y: number; v: number; p: number; s: number; share: number; d: Date; c: string; long: string };

const rows: Row[] = Array.from({ length: 60 }, (_, i) => ({
  x: i,
  y: (i * 37) % 50,
  v: i * i * 3 - 2000,
  p: 1 + i * i * 10,
  s: i * 20 - 400,
  share: ((i * 37) % 50) / 100,
  d: new Date(Date.UTC(2020, 0, 1 + i * 9)),
  c: ["North", "South", "East", "West", "Centre"][i % 5]!,
  long: ["Ministry of Defence of the Russian Federation", "General Staff of the Armed Forces of Ukraine", "Institute for the Study of War", "Others"][i % 4]!,
}));

/** The descriptor with the legend options Plot leaves out of it, as finishPlot merges them. */
function described(svg: ReturnType<typeof Plot.plot>, name: "color" | "symbol" | "opacity", options?: Plot.ScaleOptions): Plot.Scale {
  const scale = (svg as unknown as { scale(n: string): Plot.Scale }).scale(name);
  return { ...scale, ...(options?.label !== undefined ? { label: options.label } : {}), ...(options?.tickFormat !== undefined ? { tickFormat: options.tickFormat } : {}), ...(options?.ticks !== undefined ? { ticks: options.ticks } : {}) };
}

function colorCase(name: string, kind: LegendCase["kind"], field: keyof Row, color: Plot.ScaleOptions): LegendCase {
  return {
    name, kind,
    requests: () => {
      const svg = Plot.plot({ document, color, marks: [Plot.dot(rows, { x: "x", y: "y", fill: field })] });
      return [{ scale: "color", descriptor: described(svg, "color", color) }];
    },
  };
}

export const CASES: LegendCase[] = [
  colorCase("ordinal", "swatches", "c", { type: "ordinal", label: "Region" }),
  colorCase("ordinal-reversed", "swatches", "c", { type: "ordinal", reverse: true }),
  colorCase("categorical-long", "swatches", "long", { type: "categorical", label: "Who said it" }),
  {
    name: "symbol-stroke", kind: "symbols",
    requests: () => {
      const svg = Plot.plot({ document, marks: [Plot.dot(rows, { x: "x", y: "y", symbol: "c" })] });
      return [{ scale: "symbol", descriptor: described(svg, "symbol") }];
    },
  },
  {
    name: "symbol-fill-colour", kind: "symbols",
    requests: () => {
      const svg = Plot.plot({ document, marks: [Plot.dot(rows, { x: "x", y: "y", symbol: "c", fill: "c" })] });
      return [{ scale: "color", descriptor: described(svg, "color", { label: "Region" }), symbol: described(svg, "symbol") }];
    },
  },
  {
    name: "symbol-stroke-colour", kind: "symbols",
    requests: () => {
      const svg = Plot.plot({ document, marks: [Plot.dot(rows, { x: "x", y: "y", symbol: "c", stroke: "c" })] });
      return [{ scale: "color", descriptor: described(svg, "color"), symbol: described(svg, "symbol") }];
    },
  },
  colorCase("linear", "ramp", "v", { type: "linear", label: "Change in shelling (events)" }),
  colorCase("linear-reversed", "ramp", "v", { type: "linear", reverse: true, scheme: "viridis" }),
  colorCase("sequential-range", "ramp", "y", { type: "sequential", range: ["#ffffff", "#0072B2"], label: "Share" }),
  colorCase("sqrt", "ramp", "p", { type: "sqrt", scheme: "blues" }),
  colorCase("pow", "ramp", "p", { type: "pow", exponent: 2, scheme: "greens" }),
  colorCase("log", "ramp", "p", { type: "log", scheme: "magma", label: "Population" }),
  colorCase("symlog", "ramp", "s", { type: "symlog", scheme: "plasma" }),
  colorCase("diverging", "ramp", "v", { type: "diverging", scheme: "rdbu", label: "Above or below normal" }),
  colorCase("diverging-pivot", "ramp", "v", { type: "diverging", pivot: 3000, scheme: "piyg" }),
  colorCase("diverging-log", "ramp", "p", { type: "diverging-log", pivot: 100, scheme: "brbg" }),
  colorCase("diverging-sqrt", "ramp", "s", { type: "diverging-sqrt", scheme: "puor" }),
  colorCase("diverging-pow", "ramp", "s", { type: "diverging-pow", exponent: 2, scheme: "rdylbu" }),
  colorCase("diverging-symlog", "ramp", "s", { type: "diverging-symlog", scheme: "spectral" }),
  colorCase("cyclical", "ramp", "y", { type: "cyclical", label: "Hour" }),
  colorCase("utc", "ramp", "d", { type: "utc", label: "Date" }),
  colorCase("percent-format", "ramp", "share", { type: "linear", tickFormat: ".0%", scheme: "ylgnbu", label: "Share" }),
  colorCase("threshold", "threshold", "v", { type: "threshold", domain: [0, 1000, 5000], scheme: "blues", label: "Events" }),
  colorCase("quantile", "threshold", "v", { type: "quantile", n: 5, label: "Quintile" }),
  colorCase("quantize", "threshold", "v", { type: "quantize", n: 6, scheme: "oranges" }),
  colorCase("quantize-crowded", "threshold", "v", { type: "quantize", n: 11, scheme: "rdylgn", label: "Many thresholds" }),
  {
    name: "opacity", kind: "opacity",
    requests: () => {
      const opacity = { label: "Confidence" };
      const svg = Plot.plot({ document, opacity, marks: [Plot.dot(rows, { x: "x", y: "y", fill: "currentColor", fillOpacity: "y" })] });
      return [{ scale: "opacity", descriptor: described(svg, "opacity", opacity) }];
    },
  },
  {
    name: "two-legends", kind: "swatches",
    requests: () => {
      const color = { type: "linear" as const, label: "Change" };
      const svg = Plot.plot({ document, color, marks: [Plot.dot(rows, { x: "x", y: "y", fill: "v", symbol: "c" })] });
      return [{ scale: "color", descriptor: described(svg, "color", color) }, { scale: "symbol", descriptor: described(svg, "symbol") }];
    },
  },
];

/** The legend on its artboard inside a minimal finished svg: background, padding, the house font and ink. */
export function legendSvg(requests: LegendRequest[], artboardName: ArtboardName, idPrefix?: string): { svg: string; g: SVGGElement; width: number; height: number } {
  const artboard = ARTBOARDS[artboardName];
  const width = artboard.width - 2 * artboard.padding;
  const drawn = drawLegends(requests, { document, artboard, width, ...(idPrefix ? { idPrefix } : {}) });
  if (!drawn) throw new Error("no legend drawn");
  const height = drawn.height + 2 * artboard.padding;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${artboard.width}" height="${height}" viewBox="0 0 ${artboard.width} ${height}" font-family="'Source Sans 3', sans-serif" fill="currentColor" color="${INK.text}">`
    + `<rect width="${artboard.width}" height="${height}" fill="${INK.background}"/>`
    + `<g transform="translate(${artboard.padding},${artboard.padding})">${drawn.g.outerHTML}</g></svg>`;
  return { svg, g: drawn.g, width, height: drawn.height };
}
