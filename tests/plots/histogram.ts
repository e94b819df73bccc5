// A histogram (rectY with binX) of 400 generated commute times: thresholds
// chosen by Plot, a count axis and a rule at zero.
import * as d3 from "d3";
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Most commuters in Fenwick travel under half an hour",
  subtitle: "Commuters by length of journey to work, minutes",
  source: "Fenwick travel diary survey (invented figures)",
};

const journey = d3.randomLogNormal.source(d3.randomLcg(0.2))(3.1, 0.45);
const commutes = d3.range(400).map(() => ({ minutes: Math.min(119, journey()) }));

export default function (): Plot.PlotOptions {
  return {
    x: { label: "Minutes", domain: [0, 120] },
    y: { grid: true, label: "Commuters" },
    marks: [
      Plot.rectY(commutes, { ...Plot.binX({ y: "count" }, { x: "minutes", thresholds: 24 }), fill: "#0072B2", inset: 0.5 }),
      Plot.ruleY([0]),
    ],
  };
}
