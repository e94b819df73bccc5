// A mark with tip: true: an interactive tooltip a static SVG cannot show, so
// the finishing step drops it and says so in a notice.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Ticket sales doubled after the festival moved to July",
  subtitle: "Tickets sold each year, thousands",
  source: "Festival organisers (invented figures)",
};

const sales = [[2019, 18.5], [2020, 0], [2021, 12.2], [2022, 21.9], [2023, 36.4], [2024, 41.8], [2025, 44.1]]
  .map(([year, k]) => ({ year: String(year), k: k! }));

export default function (): Plot.PlotOptions {
  return {
    x: { type: "band", label: null },
    y: { grid: true, label: "Thousand tickets" },
    marks: [
      Plot.barY(sales, { x: "year", y: "k", fill: "#D55E00", tip: true }),
      Plot.ruleY([0]),
    ],
  };
}
