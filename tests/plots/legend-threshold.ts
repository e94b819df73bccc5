// A threshold colour legend (bins at 10, 20 and 30 minutes): bars of
// ambulance response times coloured by the band each falls in.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Ambulances reached half the districts within 20 minutes",
  subtitle: "Median response time to urgent calls, minutes",
  source: "Ambulance Trust monthly returns (invented figures)",
};

const times = [
  ["Central", 9.4], ["Docklands", 12.8], ["Fairview", 17.5], ["Greenhill", 22.3], ["Hollins", 31.6],
  ["Lowmoor", 26.9], ["Newbury Park", 14.2], ["Quarry Bank", 19.8], ["Ridgeway", 35.2], ["Townsend", 11.1],
].map(([district, minutes]) => ({ district: district as string, minutes: minutes as number }));

export default function (): Plot.PlotOptions {
  return {
    color: { type: "threshold", domain: [10, 20, 30], range: ["#48753F", "#0072B2", "#D55E00", "#DC083E"], legend: true, label: "Minutes" },
    x: { label: "Minutes", grid: true },
    y: { label: null },
    marks: [
      Plot.barX(times, { x: "minutes", y: "district", fill: "minutes", sort: { y: "x" } }),
      Plot.ruleX([0]),
    ],
  };
}
