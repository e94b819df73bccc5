// Vertical stacked bars over election years with a fixed party order and
// colours, a legend, and a rule at the majority line labelled in the chart.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "No party has held a majority on Harlow Fields council since 2014",
  subtitle: "Seats won at each election; 31 are needed for a majority",
  source: "Harlow Fields electoral office (invented figures)",
};

const parties = ["Progress", "Civic", "Greens", "Independents"];
const colors = ["#D55E00", "#0072B2", "#009E73", "#8c8c8c"];
const seats = [
  [2010, 33, 20, 3, 4], [2014, 27, 24, 5, 4], [2018, 25, 22, 9, 4], [2022, 22, 23, 11, 4], [2026, 20, 19, 16, 5],
].flatMap(([year, ...counts]) => counts.map((n, i) => ({ year: String(year), party: parties[i]!, seats: n })));

export default function (): Plot.PlotOptions {
  return {
    color: { domain: parties, range: colors, legend: true },
    x: { type: "band", label: null },
    y: { label: "Seats", grid: true },
    marks: [
      Plot.barY(seats, { x: "year", y: "seats", fill: "party", order: parties }),
      Plot.ruleY([31], { stroke: "#1a1a1a", strokeDasharray: "4,3" }),
      Plot.text([31], { y: (d: number) => d, text: () => "Majority", frameAnchor: "right", textAnchor: "end", dy: -8, fill: "#1a1a1a", stroke: "white", strokeWidth: 3, paintOrder: "stroke" }),
      Plot.ruleY([0]),
    ],
  };
}
