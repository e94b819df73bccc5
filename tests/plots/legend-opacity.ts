// An opacity legend (opacity scale with legend: true): bars whose opacity
// says how complete each month's count is.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Recent months' figures are still being counted",
  subtitle: "Planning applications received each month; faded bars are incomplete",
  source: "Planning department (invented figures)",
};

const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct"];
const applications = [212, 198, 241, 230, 255, 247, 238, 201, 164, 97].map((n, i) => ({
  month: months[i]!, n, complete: [1, 1, 1, 1, 1, 1, 0.95, 0.8, 0.6, 0.35][i]!,
}));

export default function (): Plot.PlotOptions {
  return {
    opacity: { legend: true, domain: [0, 1], label: "Share of returns counted", tickFormat: "%" },
    x: { domain: months, label: null },
    y: { grid: true, label: "Applications" },
    marks: [
      Plot.barY(applications, { x: "month", y: "n", fill: "#0072B2", fillOpacity: "complete" }),
      Plot.ruleY([0]),
    ],
  };
}
