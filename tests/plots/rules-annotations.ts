// Rules as annotations: vertical rules at dated events on a line chart, each
// with a short label, and a horizontal target rule.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Waiting times fell after the new clinics opened",
  subtitle: "Median wait for a routine operation, weeks, by month",
  source: "Health Board performance reports (invented figures)",
};

const waits = [18.2, 18.9, 19.6, 20.1, 20.8, 21.3, 20.9, 20.2, 19.1, 17.8, 16.5, 15.9, 15.1, 14.6, 14.2, 13.9, 13.1, 12.8]
  .map((weeks, i) => ({ month: new Date(Date.UTC(2024, i, 1)), weeks }));
const events = [
  { date: new Date(Date.UTC(2024, 6, 1)), label: "Clinic A opens" },
  { date: new Date(Date.UTC(2025, 0, 1)), label: "Clinic B opens" },
];

export default function (): Plot.PlotOptions {
  return {
    x: { label: null },
    y: { grid: true, label: "Weeks", domain: [0, 24] },
    marks: [
      Plot.ruleX(events, { x: "date", stroke: "#8c8c8c", strokeDasharray: "3,3" }),
      Plot.text(events, { x: "date", text: "label", frameAnchor: "top", textAnchor: "start", dx: 4, dy: 4, fill: "#5c5c5c" }),
      Plot.ruleY([13], { stroke: "#009E73" }),
      Plot.text([13], { y: (d: number) => d, text: () => "Target: 13 weeks", frameAnchor: "right", textAnchor: "end", dy: 10, fill: "#007A5A" }),
      Plot.line(waits, { x: "month", y: "weeks", stroke: "#0072B2", strokeWidth: 2 }),
      Plot.ruleY([0]),
    ],
  };
}
