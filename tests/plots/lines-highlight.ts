// Twelve grey lines and one highlighted, labelled in place: many series
// without a legend, the labelled one drawn last.
import * as d3 from "d3";
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Ravensworth's school results rose while neighbours' held steady",
  subtitle: "Share of pupils reaching the expected standard, by authority",
  source: "Education Department attainment tables (invented figures)",
};

const noise = d3.randomNormal.source(d3.randomLcg(0.33))(0, 0.015);
const authorities = ["Ravensworth", ...d3.range(12).map((i) => `Authority ${i + 1}`)];
const results = authorities.flatMap((name, a) => d3.range(8).map((i) => ({
  name, year: 2018 + i, share: (name === "Ravensworth" ? 0.52 + i * 0.035 : 0.58 + (a % 5) * 0.02 + i * 0.004) + noise(),
})));

export default function (): Plot.PlotOptions {
  return {
    marginRight: 90,
    x: { tickFormat: "d", label: null },
    y: { tickFormat: "%", grid: true, label: null, domain: [0.4, 0.9] },
    marks: [
      Plot.line(results.filter((r) => r.name !== "Ravensworth"), { x: "year", y: "share", z: "name", stroke: "#c4c4c4", strokeWidth: 1 }),
      Plot.line(results.filter((r) => r.name === "Ravensworth"), { x: "year", y: "share", stroke: "#D55E00", strokeWidth: 2.5 }),
      Plot.text(results.filter((r) => r.name === "Ravensworth"), Plot.selectLast({ x: "year", y: "share", text: "name", textAnchor: "start", dx: 6, fill: "#B34700", fontWeight: 700 })),
    ],
  };
}
