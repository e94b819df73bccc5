// A symbol legend combined with colour: poll leads by fieldwork method over
// dates, each method with its own shape.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Online polls show a narrower lead than phone polls",
  subtitle: "Lead of the Civic party over Progress in each poll, percentage points",
  source: "Poll archive (invented figures)",
};

const methods = ["Online", "Phone", "In person"];
const polls = [
  ["2025-09-03", 0, 4.1], ["2025-09-10", 1, 6.8], ["2025-09-15", 0, 3.2], ["2025-09-22", 2, 5.5], ["2025-09-29", 1, 7.4],
  ["2025-10-04", 0, 2.6], ["2025-10-09", 0, 3.9], ["2025-10-15", 1, 6.1], ["2025-10-21", 2, 4.8], ["2025-10-28", 0, 1.9],
  ["2025-11-02", 1, 5.2], ["2025-11-08", 0, 2.4], ["2025-11-14", 2, 3.7], ["2025-11-20", 1, 4.6], ["2025-11-27", 0, 1.1],
].map(([date, m, lead]) => ({ date: new Date(date as string), method: methods[m as number]!, lead: lead as number }));

export default function (): Plot.PlotOptions {
  return {
    symbol: { legend: true, domain: methods },
    color: { domain: methods, range: ["#0072B2", "#D55E00", "#009E73"] },
    y: { grid: true, label: "Lead (points)", domain: [0, 8] },
    x: { label: null },
    marks: [
      Plot.dot(polls, { x: "date", y: "lead", symbol: "method", stroke: "method", r: 5, strokeWidth: 1.75 }),
      Plot.ruleY([0]),
    ],
  };
}
