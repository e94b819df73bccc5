// A Cleveland dot plot: two dots per row joined by a link, the years as an
// ordinal colour legend, rows sorted by the later value.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Care workers' pay has risen the least in ten years",
  subtitle: "Median hourly pay by occupation, 2015 and 2025, £",
  source: "Pay and Hours Survey (invented figures)",
};

const pay = [
  { job: "Care worker", y2015: 8.9, y2025: 11.6 },
  { job: "Nurse", y2015: 15.2, y2025: 21.4 },
  { job: "Bus driver", y2015: 10.8, y2025: 15.1 },
  { job: "Electrician", y2015: 14.1, y2025: 20.3 },
  { job: "Teacher", y2015: 18.3, y2025: 23.9 },
  { job: "Chef", y2015: 9.4, y2025: 13.2 },
  { job: "Software developer", y2015: 21.5, y2025: 29.8 },
];
const long = pay.flatMap((d) => [
  { job: d.job, year: "2015", pay: d.y2015 },
  { job: d.job, year: "2025", pay: d.y2025 },
]);

export default function (): Plot.PlotOptions {
  return {
    x: { label: "£ an hour", grid: true },
    y: { label: null, domain: pay.slice().sort((a, b) => b.y2025 - a.y2025).map((d) => d.job) },
    color: { domain: ["2015", "2025"], range: ["#8c8c8c", "#0072B2"], legend: true },
    marks: [
      Plot.link(pay, { x1: "y2015", x2: "y2025", y1: "job", stroke: "#c4c4c4", strokeWidth: 3 }),
      Plot.dot(long, { x: "pay", y: "job", fill: "year", r: 5 }),
    ],
  };
}
