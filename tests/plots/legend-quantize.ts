// A quantize colour legend (six equal bins) on a calendar-like heatmap of
// cells: daily cycle-counter totals by week and weekday.
import * as d3 from "d3";
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Cycling peaks midweek on the canal towpath",
  subtitle: "Bicycles counted each day, first 20 weeks of 2025",
  source: "Towpath counter (invented figures)",
};

const days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const noise = d3.randomNormal.source(d3.randomLcg(0.9))(0, 140);
const counts = d3.range(20).flatMap((week) => days.map((day, d) => ({
  week: week + 1, day, bikes: Math.max(80, Math.round(900 + week * 25 - Math.abs(d - 2) * 120 - (d > 4 ? 250 : 0) + noise())),
})));

export default function (): Plot.PlotOptions {
  return {
    color: { type: "quantize", n: 6, scheme: "greens", legend: true, label: "Bicycles a day" },
    x: { label: "Week", tickFormat: (w: number) => (w % 4 === 1 ? String(w) : "") },
    y: { domain: days, label: null },
    marks: [Plot.cell(counts, { x: "week", y: "day", fill: "bikes", inset: 0.5 })],
  };
}
