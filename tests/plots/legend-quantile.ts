// A quantile colour legend (five classes with uneven breaks): households
// coloured by the quintile of their energy bill.
import * as d3 from "d3";
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "A fifth of homes pay more than twice the typical energy bill",
  subtitle: "Yearly energy bill and floor area of 150 surveyed homes",
  source: "Home Energy Survey (invented figures)",
};

const random = d3.randomLcg(0.31);
const area = d3.randomLogNormal.source(random)(4.4, 0.35);
const homes = d3.range(150).map(() => {
  const m2 = area();
  return { m2, bill: Math.round(9 * m2 + 600 + 900 * random() ** 3) };
});

export default function (): Plot.PlotOptions {
  return {
    color: { type: "quantile", n: 5, scheme: "oranges", legend: true, label: "Bill (£)", tickFormat: ",.0f" },
    x: { label: "Floor area (m²)", grid: true },
    y: { label: "Yearly bill (£)", grid: true },
    marks: [Plot.dot(homes, { x: "m2", y: "bill", fill: "bill", r: 3.5 })],
  };
}
