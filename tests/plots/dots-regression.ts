// A scatter plot with a linear regression line and its confidence band
// (linearRegressionY), and a clip: "frame" so nothing is drawn past the frame.
import * as d3 from "d3";
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Pupils who read more at home score higher in reading tests",
  subtitle: "Minutes of reading at home a week and reading score, 80 pupils",
  source: "Reading study (invented figures)",
};

const random = d3.randomLcg(0.27);
const noise = d3.randomNormal.source(random)(0, 9);
const pupils = d3.range(80).map(() => {
  const minutes = Math.round(random() * 300);
  return { minutes, score: Math.round(80 + minutes * 0.08 + noise()) };
});

export default function (): Plot.PlotOptions {
  return {
    x: { label: "Minutes a week", grid: true, domain: [0, 300] },
    y: { label: "Reading score", grid: true, domain: [60, 130] },
    marks: [
      Plot.dot(pupils, { x: "minutes", y: "score", fill: "#0072B2", fillOpacity: 0.7, r: 3 }),
      Plot.linearRegressionY(pupils, { x: "minutes", y: "score", stroke: "#D55E00", fill: "#D55E00", clip: "frame" }),
    ],
  };
}
