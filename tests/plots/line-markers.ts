// Lines with point markers (marker "circle-stroke" on every vertex, "dot" on
// a second series): markers are <marker> elements the finishing step must keep.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Output grew in every quarter of 2025",
  subtitle: "Quarterly growth in output and in output per worker",
  source: "Statistics Office quarterly accounts (invented figures)",
};

const quarters = ["2024 Q1", "2024 Q2", "2024 Q3", "2024 Q4", "2025 Q1", "2025 Q2", "2025 Q3", "2025 Q4"];
const output = [0.2, -0.1, 0.3, 0.0, 0.4, 0.5, 0.3, 0.6];
const perWorker = [0.1, -0.3, 0.1, -0.2, 0.2, 0.4, 0.2, 0.3];
const rows = quarters.flatMap((q, i) => [
  { quarter: q, series: "Output", growth: output[i]! / 100 },
  { quarter: q, series: "Per worker", growth: perWorker[i]! / 100 },
]);

export default function ({ width }: { width: number; height?: number }): Plot.PlotOptions {
  return {
    x: { domain: quarters, label: null, tickRotate: width < 400 ? -45 : 0 },
    y: { grid: true, tickFormat: "+.1%", label: null },
    color: { domain: ["Output", "Per worker"], range: ["#0072B2", "#D55E00"], legend: true },
    marks: [
      Plot.ruleY([0]),
      Plot.line(rows.filter((r) => r.series === "Output"), { x: "quarter", y: "growth", stroke: "series", strokeWidth: 2, marker: "circle-stroke" }),
      Plot.line(rows.filter((r) => r.series === "Per worker"), { x: "quarter", y: "growth", stroke: "series", strokeWidth: 2, marker: "dot" }),
    ],
  };
}
