// A beeswarm (dotX with dodgeY): dots piled up so none overlap, coloured by
// an ordinal category with a legend; Plot picks the height.
import * as d3 from "d3";
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Council tax bills cluster just below £2,000",
  subtitle: "Band D council tax in each of 90 councils, 2025–26",
  source: "Local Government Finance Statistics (invented figures)",
};

const kinds = ["County", "District", "Unitary"];
const random = d3.randomLcg(0.12);
const bill = d3.randomNormal.source(random)(1980, 140);
const councils = d3.range(90).map((i) => ({ kind: kinds[i % 3]!, bill: Math.round(bill()) }));

export default function ({ width }: { width: number; height?: number }): Plot.PlotOptions {
  return {
    height: width < 400 ? 240 : 160,
    x: { label: "£ a year", grid: true },
    color: { domain: kinds, range: ["#0072B2", "#D55E00", "#009E73"], legend: true },
    marks: [Plot.dotX(councils, Plot.dodgeY({ x: "bill", fill: "kind", r: 4, anchor: "bottom" }))],
  };
}
