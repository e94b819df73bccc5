// Negative values on y with Unicode minus ticks ("−0.2"): an anomaly line
// crossing zero, the area above and below zero in two colours.
import * as d3 from "d3";
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "The lake's level has been below normal for most of the past two years",
  subtitle: "Difference from the long-term average level for the month, metres",
  source: "Lake Conservancy gauge (invented figures)",
};

const noise = d3.randomNormal.source(d3.randomLcg(0.05))(0, 0.06);
const levels = d3.range(48).map((i) => ({
  month: new Date(Date.UTC(2022, i, 1)),
  m: Math.round((0.25 * Math.cos(i / 5) - i * 0.004 + noise()) * 100) / 100,
}));

export default function (): Plot.PlotOptions {
  return {
    x: { label: null },
    y: { grid: true, label: "Metres", nice: true },
    marks: [
      Plot.areaY(levels, { x: "month", y: (d: { m: number }) => Math.max(0, d.m), fill: "#0072B2", fillOpacity: 0.3 }),
      Plot.areaY(levels, { x: "month", y: (d: { m: number }) => Math.min(0, d.m), fill: "#D55E00", fillOpacity: 0.3 }),
      Plot.line(levels, { x: "month", y: "m", stroke: "#1a1a1a", strokeWidth: 1.25 }),
      Plot.ruleY([0]),
    ],
  };
}
