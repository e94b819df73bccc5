// Small multiples stacked vertically (fy) with their own labels on the right,
// a frame around each facet and a shared time x; Plot picks the height.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Food prices rose most steeply in 2022",
  subtitle: "Annual change in consumer prices by category",
  source: "Prices Bureau (invented figures)",
};

const categories: Record<string, number[]> = {
  Food: [1.8, 2.1, 0.9, 4.6, 16.2, 9.8, 3.1],
  Energy: [3.2, 1.4, -6.8, 11.9, 38.5, -4.2, -1.1],
  Clothing: [0.4, -0.8, -2.1, 1.2, 5.6, 4.9, 2.0],
  Services: [2.6, 2.7, 1.9, 2.3, 5.8, 6.4, 4.9],
};
const rows = Object.entries(categories).flatMap(([category, pct]) =>
  pct.map((p, i) => ({ category, year: new Date(Date.UTC(2019 + i, 0, 1)), change: p / 100 })));

export default function (): Plot.PlotOptions {
  return {
    fy: { domain: Object.keys(categories), label: null },
    x: { label: null, ticks: 4 },
    y: { tickFormat: "%", ticks: 3, label: null, grid: true },
    marks: [
      Plot.frame({ stroke: "#dedede" }),
      Plot.ruleY([0], { stroke: "#8c8c8c" }),
      Plot.lineY(rows, { fy: "category", x: "year", y: "change", stroke: "#D55E00", strokeWidth: 2 }),
    ],
  };
}
