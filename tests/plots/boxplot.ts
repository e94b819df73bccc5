// Horizontal box plots (boxX) of generated response times per district:
// whiskers, boxes, medians and outlier dots.
import * as d3 from "d3";
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Response times vary most in the rural districts",
  subtitle: "Fire service response times to house fires, minutes, 2025",
  source: "Fire and Rescue Service incident log (invented figures)",
};

const random = d3.randomLcg(0.61);
const districts = [
  { district: "City centre", mu: 6, sigma: 1.2 },
  { district: "Inner suburbs", mu: 7.5, sigma: 1.6 },
  { district: "Outer suburbs", mu: 9, sigma: 2.2 },
  { district: "Market towns", mu: 11, sigma: 3 },
  { district: "Rural north", mu: 14, sigma: 4.5 },
];
const incidents = districts.flatMap(({ district, mu, sigma }) => {
  const normal = d3.randomNormal.source(random)(mu, sigma);
  return d3.range(60).map(() => ({ district, minutes: Math.max(2, normal()) }));
});

export default function (): Plot.PlotOptions {
  return {
    x: { label: "Minutes", grid: true },
    y: { label: null, domain: districts.map((d) => d.district) },
    marks: [Plot.boxX(incidents, { x: "minutes", y: "district", fill: "#c4c4c4" })],
  };
}
