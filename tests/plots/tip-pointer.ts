// An explicit Plot.tip with the pointerX transform and a pointer rule: both
// interactive, both dropped with a notice, the line itself kept.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Hospital admissions peaked in the second week of January",
  subtitle: "Emergency admissions each week",
  source: "Hospital Trust weekly figures (invented figures)",
};

const admissions = [412, 438, 497, 561, 604, 588, 541, 502, 466, 451, 439, 430].map((n, i) => ({
  week: new Date(Date.UTC(2024, 11, 23 + 7 * i)), n,
}));

export default function (): Plot.PlotOptions {
  return {
    x: { label: null },
    y: { grid: true, label: "Admissions", domain: [0, 700] },
    marks: [
      Plot.line(admissions, { x: "week", y: "n", stroke: "#0072B2", strokeWidth: 2 }),
      Plot.ruleX(admissions, Plot.pointerX({ x: "week", stroke: "#8c8c8c" })),
      Plot.tip(admissions, Plot.pointerX({ x: "week", y: "n" })),
      Plot.ruleY([0]),
    ],
  };
}
