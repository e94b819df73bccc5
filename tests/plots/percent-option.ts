// The scale's percent option (values × 100, "(%)" in the axis label) on a
// line with a dot at each point and a y domain of 0–100%.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Renewables passed half of electricity supply in 2024",
  subtitle: "Share of electricity from renewable sources",
  source: "Energy Statistics Digest (invented figures)",
};

const shares = [0.19, 0.22, 0.25, 0.29, 0.33, 0.38, 0.41, 0.44, 0.47, 0.52, 0.56].map((s, i) => ({ year: 2015 + i, share: s }));

export default function (): Plot.PlotOptions {
  return {
    x: { tickFormat: "d", label: null },
    y: { percent: true, domain: [0, 100], grid: true, label: "Share" },
    marks: [
      Plot.ruleY([0.5], { stroke: "#8c8c8c", strokeDasharray: "4,3" }),
      Plot.line(shares, { x: "year", y: "share", stroke: "#009E73", strokeWidth: 2 }),
      Plot.dot(shares, { x: "year", y: "share", fill: "#009E73", r: 3 }),
    ],
  };
}
