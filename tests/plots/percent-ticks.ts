// Proportions with a "%" tick format (0 to "100%"): vaccination coverage
// by age band as vertical bars, the top tick at the frame's top edge.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Nine in ten over-75s have had this winter's booster",
  subtitle: "Share of each age group vaccinated by 31 January",
  source: "Public Health Agency (invented figures)",
};

const coverage = [
  ["50–54", 0.41], ["55–59", 0.48], ["60–64", 0.57], ["65–69", 0.68], ["70–74", 0.79], ["75–79", 0.88], ["80+", 0.92],
].map(([age, share]) => ({ age: age as string, share: share as number }));

export default function (): Plot.PlotOptions {
  return {
    x: { label: "Age", domain: coverage.map((d) => d.age) },
    y: { domain: [0, 1], tickFormat: "%", grid: true, label: null },
    marks: [
      Plot.barY(coverage, { x: "age", y: "share", fill: "#009E73" }),
      Plot.text(coverage, { x: "age", y: "share", text: (d: { share: number }) => `${Math.round(d.share * 100)}%`, dy: -8 }),
      Plot.ruleY([0]),
    ],
  };
}
