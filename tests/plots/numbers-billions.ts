// Very large numbers on the y axis: ticks such as "40,000,000,000" whose
// width the left margin must grow to fit, over a yearly time axis.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Public debt has more than doubled in a decade",
  subtitle: "Outstanding debt of the regional government, euros",
  source: "Regional Treasury (invented figures)",
};

const debt = [18.4, 19.9, 21.2, 22.8, 24.1, 31.7, 34.9, 37.2, 39.8, 41.5, 43.9].map((bn, i) => ({
  year: new Date(Date.UTC(2015 + i, 0, 1)), euros: Math.round(bn * 1e9),
}));

export default function (): Plot.PlotOptions {
  return {
    x: { label: null },
    y: { grid: true, label: "Euros", domain: [0, 50e9] },
    marks: [
      Plot.areaY(debt, { x: "year", y: "euros", fill: "#0072B2", fillOpacity: 0.15 }),
      Plot.line(debt, { x: "year", y: "euros", stroke: "#0072B2", strokeWidth: 2 }),
      Plot.ruleY([0]),
    ],
  };
}
