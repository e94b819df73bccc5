// Lines labelled at their ends (selectLast) instead of a legend: the labels
// stand past the last point, so the chart keeps a right margin for them.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Bus fares have overtaken rail fares since the cap ended",
  subtitle: "Price index of a typical journey, 2019 = 100",
  source: "Transport Prices Index (invented figures)",
};

const modes: Record<string, number[]> = {
  Bus: [100, 102, 104, 105, 111, 122, 131],
  Rail: [100, 103, 103, 106, 113, 119, 124],
  Tram: [100, 101, 102, 104, 107, 110, 113],
};
const fares = Object.entries(modes).flatMap(([mode, index]) => index.map((v, i) => ({ mode, year: 2019 + i, index: v })));

export default function (): Plot.PlotOptions {
  return {
    marginRight: 44,
    x: { tickFormat: "d", label: null, ticks: 4 },
    y: { grid: true, label: "Index", domain: [95, 135] },
    color: { domain: Object.keys(modes), range: ["#DC083E", "#0072B2", "#48753F"] },
    marks: [
      Plot.line(fares, { x: "year", y: "index", stroke: "mode", strokeWidth: 2 }),
      Plot.text(fares, Plot.selectLast({ x: "year", y: "index", z: "mode", text: "mode", fill: "mode", textAnchor: "start", dx: 5, fontWeight: 600 })),
    ],
  };
}
