// Explicit axis marks: the x axis on top (axisX anchor "top") and the y axis
// on the right, with gridlines as marks; the margins must follow them.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Hotel occupancy recovered by the summer",
  subtitle: "Share of hotel rooms occupied each month, 2025",
  source: "Tourism Board hotel survey (invented figures)",
};

const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const occupancy = [0.48, 0.52, 0.58, 0.66, 0.72, 0.81, 0.89, 0.91, 0.79, 0.7, 0.57, 0.61].map((share, i) => ({ month: months[i]!, share }));

export default function ({ width }: { width: number }): Plot.PlotOptions {
  return {
    x: { domain: months },
    y: { domain: [0, 1] },
    marks: [
      // An axis mark of the chart's own keeps its ticks: on a phone, every other month.
      Plot.axisX({ anchor: "top", label: null, tickSize: 0, ...(width < 400 ? { ticks: months.filter((_, i) => i % 2 === 0) } : {}) }),
      Plot.axisY({ anchor: "right", tickFormat: "%", label: null, tickSize: 0 }),
      Plot.gridY({ stroke: "#dedede", strokeOpacity: 1 }),
      Plot.barY(occupancy, { x: "month", y: "share", fill: "#009E73" }),
      Plot.ruleY([0]),
    ],
  };
}
