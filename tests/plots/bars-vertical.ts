// Vertical bars on a band x in calendar order (not sorted by value), with a
// y label and the height set by the chart.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "November was the wettest month of the year in Ashford Vale",
  subtitle: "Rainfall at the Ashford Vale gauge, millimetres",
  notes: ["The gauge was out of service for four days in July; the July total is from a neighbouring gauge."],
  source: "Vale Weather Society (invented figures)",
};

const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const rainfall = [88, 61, 57, 49, 52, 44, 38, 63, 71, 104, 131, 97].map((mm, i) => ({ month: months[i], mm }));

export default function ({ width }: { width: number; height?: number }): Plot.PlotOptions {
  return {
    height: width < 400 ? 260 : 320,
    x: { domain: months, label: null },
    y: { label: "mm", grid: true },
    marks: [
      Plot.barY(rainfall, { x: "month", y: "mm", fill: "#0072B2" }),
      Plot.ruleY([0]),
    ],
  };
}
