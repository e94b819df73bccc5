// A diverging colour ramp (pivot at zero) on a heatmap of cells: monthly
// temperature anomalies by year, blue below normal and red above.
import * as d3 from "d3";
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Every month of 2025 was warmer than normal",
  subtitle: "Difference from the 1991–2020 monthly average, °C",
  source: "National Met Office (invented figures)",
};

const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const noise = d3.randomNormal.source(d3.randomLcg(0.15))(0, 0.35);
const cells = d3.range(2016, 2026).flatMap((year) => months.map((month) => ({
  year: String(year), month, anomaly: Math.round(((year - 2016) * 0.12 - 0.3 + noise()) * 10) / 10 + (year === 2025 ? 1.1 : 0),
})));

export default function (): Plot.PlotOptions {
  return {
    color: { type: "diverging", scheme: "rdbu", reverse: true, pivot: 0, domain: [-2, 2], legend: true, label: "°C from normal" },
    x: { domain: months, label: null, tickFormat: (m: string) => m.slice(0, 1) },
    y: { type: "band", label: null },
    marks: [Plot.cell(cells, { x: "month", y: "year", fill: "anomaly", inset: 0.5 })],
  };
}
