// Horizontal bars from zero on a linear x, sorted by length, no margins set:
// the finishing step must make room for the service names itself.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Adult social care takes the largest share of Millbrook's budget",
  subtitle: "Planned spending by service, 2025–26, £ million",
  source: "Millbrook Borough Council (invented figures)",
};

const spending = [
  { service: "Adult social care", million: 142.5 },
  { service: "Children's services", million: 98.2 },
  { service: "Schools", million: 76.4 },
  { service: "Roads and transport", million: 41.9 },
  { service: "Housing", million: 33.1 },
  { service: "Waste collection", million: 24.7 },
  { service: "Libraries and culture", million: 9.3 },
  { service: "Parks", million: 6.8 },
];

export default function (): Plot.PlotOptions {
  return {
    x: { label: "£ million" },
    y: { label: null },
    marks: [
      Plot.barX(spending, { x: "million", y: "service", sort: { y: "-x" }, fill: "#0072B2" }),
      Plot.ruleX([0]),
    ],
  };
}
