// Grouped bars as facets in x (fx): turnout by age group at two elections,
// with the years as the colour legend and the groups as the facet axis.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Turnout fell in every age group, most among under-25s",
  subtitle: "Share of registered voters who voted, 2021 and 2025 elections",
  source: "Electoral Commission survey (invented figures)",
};

const turnout = [
  ["18–24", 0.47, 0.38], ["25–34", 0.55, 0.49], ["35–49", 0.63, 0.6], ["50–64", 0.71, 0.69], ["65+", 0.78, 0.77],
].flatMap(([age, a, b]) => [
  { age: age as string, year: "2021", share: a as number },
  { age: age as string, year: "2025", share: b as number },
]);

export default function (): Plot.PlotOptions {
  return {
    fx: { label: "Age", padding: 0.15 },
    x: { type: "band", axis: null, padding: 0.05 },
    y: { tickFormat: "%", grid: true, label: null },
    color: { domain: ["2021", "2025"], range: ["#8c8c8c", "#0072B2"], legend: true },
    marks: [
      Plot.barY(turnout, { fx: "age", x: "year", y: "share", fill: "year" }),
      Plot.ruleY([0]),
    ],
  };
}
