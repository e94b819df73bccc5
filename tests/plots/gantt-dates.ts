// Bars between two dates (barX with x1/x2 on a time scale): a project
// schedule, the bars coloured by status with a legend.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "The new bridge will open a year later than planned",
  subtitle: "Schedule of works for the Kelvin Street bridge",
  source: "City engineer's project report (invented figures)",
};

const statuses = ["Done", "Under way", "Planned"];
const tasks = [
  ["Surveys", "2023-03-01", "2023-09-30", "Done"], ["Design and consents", "2023-07-01", "2024-06-30", "Done"],
  ["Demolition of old bridge", "2024-05-01", "2024-11-30", "Done"], ["Foundations", "2024-10-01", "2025-09-30", "Under way"],
  ["Steel deck", "2025-06-01", "2026-05-31", "Planned"], ["Road surface and lighting", "2026-04-01", "2026-10-31", "Planned"],
].map(([task, start, end, status]) => ({ task: task!, start: new Date(start!), end: new Date(end!), status: status! }));

export default function (): Plot.PlotOptions {
  return {
    x: { label: null, grid: true },
    y: { label: null, domain: tasks.map((t) => t.task) },
    color: { domain: statuses, range: ["#8c8c8c", "#0072B2", "#995BFF"], legend: true },
    marks: [Plot.barX(tasks, { x1: "start", x2: "end", y: "task", fill: "status" })],
  };
}
