// Plot.crosshair on a scatter plot: a pointer mark with no static meaning,
// dropped with a notice while the dots stay.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Longer commutes, lower satisfaction",
  subtitle: "Average commute and job satisfaction score by employer",
  source: "Workplace survey (invented figures)",
};

const employers = [
  [22, 7.4], [35, 6.9], [48, 6.1], [15, 7.8], [61, 5.2], [40, 6.4], [28, 7.1], [53, 5.8], [19, 7.6], [44, 6.0], [33, 6.8], [57, 5.5],
].map(([minutes, score]) => ({ minutes: minutes!, score: score! }));

export default function (): Plot.PlotOptions {
  return {
    x: { label: "Commute (minutes)", grid: true },
    y: { label: "Satisfaction (0–10)", grid: true, domain: [4, 9] },
    marks: [
      Plot.dot(employers, { x: "minutes", y: "score", fill: "#0072B2", r: 4 }),
      Plot.crosshair(employers, { x: "minutes", y: "score" }),
    ],
  };
}
