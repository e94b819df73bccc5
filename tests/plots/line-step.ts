// A step line (curve "step-after") of a policy rate on dates, with a dot at
// each decision and the last value written beside the line.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "The central bank has cut rates four times in eighteen months",
  subtitle: "Policy interest rate after each decision",
  source: "Central bank decisions (invented figures)",
};

const decisions = [
  ["2024-02-01", 5.25], ["2024-05-09", 5.25], ["2024-08-01", 5.0], ["2024-11-07", 4.75], ["2025-02-06", 4.5],
  ["2025-05-08", 4.25], ["2025-08-07", 4.25], ["2025-11-06", 4.25], ["2026-02-05", 4.25],
].map(([date, rate]) => ({ date: new Date(date as string), rate: (rate as number) / 100 }));

export default function (): Plot.PlotOptions {
  return {
    x: { label: null },
    y: { grid: true, tickFormat: ".2%", domain: [0.04, 0.055], label: null },
    marks: [
      Plot.line(decisions, { x: "date", y: "rate", curve: "step-after", stroke: "#0072B2", strokeWidth: 2 }),
      Plot.dot(decisions, { x: "date", y: "rate", fill: "#0072B2", r: 3 }),
      Plot.text(decisions, Plot.selectLast({ x: "date", y: "rate", text: (d: { rate: number }) => `${(d.rate * 100).toFixed(2)}%`, dy: -10, textAnchor: "end" })),
    ],
  };
}
