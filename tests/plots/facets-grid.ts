// Facets in both x and y (fx by region, fy by year): dots in a grid of
// panels, both facet axes labelled, the height chosen by Plot.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Older voters turned out more everywhere",
  subtitle: "Turnout by age group, region and election",
  source: "Post-election survey (invented figures)",
};

const ages = ["18–34", "35–54", "55+"];
const regions = ["North", "Centre", "South"];
const years = ["2021", "2025"];
const base: Record<string, number> = { North: 0.58, Centre: 0.63, South: 0.6 };
const rows = years.flatMap((year, yi) => regions.flatMap((region) => ages.map((age, ai) => ({
  year, region, age, turnout: base[region]! + ai * 0.09 - yi * 0.04 - (region === "South" && ai === 0 ? 0.05 : 0),
}))));

export default function (): Plot.PlotOptions {
  return {
    fx: { domain: regions, label: null },
    fy: { domain: years, label: null },
    x: { domain: ages, label: null },
    y: { tickFormat: "%", domain: [0.3, 0.9], ticks: 3, grid: true, label: null },
    marks: [
      Plot.frame({ stroke: "#dedede" }),
      Plot.dot(rows, { fx: "region", fy: "year", x: "age", y: "turnout", fill: "#0072B2", r: 4 }),
    ],
  };
}
