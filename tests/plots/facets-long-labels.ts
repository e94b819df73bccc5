// Facets in y with long facet labels on the left (fy axis "left"): the
// left margin must make room for them; on mobile they are written inside each panel.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Complaints about noise doubled in the entertainment district",
  subtitle: "Complaints received each quarter, by type of neighbourhood",
  source: "Environmental Health complaints register (invented figures)",
};

const places: Record<string, number[]> = {
  "Entertainment district and old harbour": [120, 134, 171, 198, 221, 243, 238, 251],
  "Residential suburbs north of the ring road": [88, 91, 86, 94, 90, 97, 92, 95],
  "Industrial estates and the business park": [21, 19, 24, 22, 26, 23, 25, 27],
};
const rows = Object.entries(places).flatMap(([place, counts]) => counts.map((n, i) => ({ place, quarter: i + 1, n })));

export default function ({ width }: { width: number; height?: number }): Plot.PlotOptions {
  // On a phone the names would take most of the width: they go inside each panel instead.
  const narrow = width < 400;
  return {
    fy: { domain: Object.keys(places), axis: narrow ? null : "left", label: null },
    x: { label: "Quarter since January 2024", ticks: 8 },
    y: { grid: true, ticks: 2, label: null, axis: "right", insetTop: narrow ? 20 : 0 },
    marks: [
      Plot.frame({ stroke: "#dedede" }),
      narrow ? Plot.text(Object.keys(places), { fy: (d: string) => d, text: (d: string) => d, frameAnchor: "top-left", dx: 4, dy: 4, fill: "#1a1a1a" }) : null,
      Plot.lineY(rows, { fy: "place", x: "quarter", y: "n", stroke: "#CC79A7", strokeWidth: 2 }),
    ],
  };
}
