// Several line series on a time x with an ordinal colour legend, dates as
// years, a y axis from zero with a percentage tick format.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Unemployment has fallen fastest in the coastal region",
  subtitle: "Unemployment rate by region, 2015–2025",
  source: "Labour Market Bulletin (invented figures)",
};

const regions = ["Coast", "Uplands", "Capital", "Plains"];
const rates: Record<string, number[]> = {
  Coast: [9.8, 9.4, 8.7, 8.1, 7.6, 8.9, 8.0, 6.8, 6.1, 5.7, 5.2],
  Uplands: [6.9, 6.8, 6.5, 6.2, 6.0, 7.4, 7.1, 6.6, 6.3, 6.1, 5.9],
  Capital: [5.4, 5.1, 4.9, 4.6, 4.5, 6.2, 5.8, 5.0, 4.7, 4.6, 4.4],
  Plains: [7.7, 7.5, 7.2, 7.0, 6.6, 7.9, 7.3, 6.7, 6.4, 6.2, 6.0],
};
const series = regions.flatMap((region) => rates[region]!.map((r, i) => ({ region, year: new Date(Date.UTC(2015 + i, 0, 1)), rate: r / 100 })));

export default function (): Plot.PlotOptions {
  return {
    x: { label: null },
    y: { grid: true, tickFormat: "%", domain: [0, 0.1], label: null },
    color: { domain: regions, range: ["#0072B2", "#009E73", "#D55E00", "#CC79A7"], legend: true },
    marks: [
      Plot.ruleY([0]),
      Plot.line(series, { x: "year", y: "rate", stroke: "region", strokeWidth: 2 }),
    ],
  };
}
