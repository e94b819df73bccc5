// Small multiples side by side (fx): monthly rainfall in three towns on a
// shared y, the facet labels at the top.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "The west coast gets twice the winter rain of the east",
  subtitle: "Average monthly rainfall, millimetres",
  source: "Climate normals (invented figures)",
};

const towns: Record<string, number[]> = {
  Westhaven: [160, 121, 118, 82, 74, 79, 88, 101, 124, 166, 172, 171],
  Midton: [86, 64, 61, 55, 58, 60, 59, 66, 70, 90, 96, 91],
  Eastbury: [62, 48, 45, 44, 46, 52, 55, 57, 53, 66, 68, 64],
};
const rain = Object.entries(towns).flatMap(([town, mm]) => mm.map((v, i) => ({ town, month: i + 1, mm: v })));

export default function (): Plot.PlotOptions {
  return {
    fx: { domain: Object.keys(towns), label: null, axis: "top" },
    x: { axis: null, paddingInner: 0.15 },
    y: { grid: true, label: "mm" },
    marks: [
      Plot.barY(rain, { fx: "town", x: "month", y: "mm", fill: "#0072B2" }),
      Plot.ruleY([0]),
    ],
  };
}
