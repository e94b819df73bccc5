// Wrapped annotation text (lineWidth) inside a chart, multi-line tspans and a
// text mark positioned by frameAnchor, over a simple bar chart.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Library visits have not recovered from the closures",
  subtitle: "Visits to the borough's libraries, thousands",
  source: "Borough library service (invented figures)",
};

const visits = [
  [2018, 612], [2019, 598], [2020, 201], [2021, 288], [2022, 371], [2023, 402], [2024, 415], [2025, 421],
].map(([year, k]) => ({ year: String(year), k: k! }));

export default function ({ width }: { width: number; height?: number }): Plot.PlotOptions {
  return {
    x: { type: "band", label: null },
    y: { grid: true, label: "Thousand visits" },
    marks: [
      Plot.barY(visits, { x: "year", y: "k", fill: (d: { year: string }) => (d.year < "2020" ? "#8c8c8c" : "#0072B2") }),
      Plot.text(["Three of the nine libraries closed in 2020; two reopened with shorter hours in 2022."], {
        frameAnchor: "top-right", textAnchor: "end", lineWidth: width < 400 ? 12 : 18, lineHeight: 1.2, dy: 4, fill: "#1a1a1a",
      }),
      Plot.ruleY([0]),
    ],
  };
}
