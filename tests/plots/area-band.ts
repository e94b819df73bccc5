// A band (areaY with y1 and y2) under a line: the daily range of temperature
// and its mean over a year, one point a week.
import * as d3 from "d3";
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Summer nights in Larkhill stayed above 15°C for six weeks",
  subtitle: "Weekly lowest, mean and highest temperature, °C",
  source: "Larkhill observatory (invented figures)",
};

const noise = d3.randomNormal.source(d3.randomLcg(0.7))(0, 1.2);
const weeks = d3.range(52).map((w) => {
  const mean = 10.5 - 7.5 * Math.cos((2 * Math.PI * (w - 2)) / 52) + noise();
  const spread = 4 + 2.5 * Math.sin((Math.PI * w) / 52);
  return { week: new Date(Date.UTC(2025, 0, 1 + 7 * w)), low: mean - spread, mean, high: mean + spread };
});

export default function (): Plot.PlotOptions {
  return {
    x: { label: null },
    y: { grid: true, label: "°C" },
    marks: [
      Plot.areaY(weeks, { x: "week", y1: "low", y2: "high", fill: "#E69F00", fillOpacity: 0.3 }),
      Plot.line(weeks, { x: "week", y: "mean", stroke: "#D55E00", strokeWidth: 2 }),
      Plot.ruleY([0]),
    ],
  };
}
