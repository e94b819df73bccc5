// The difference mark (differenceY): two series with the area between them
// coloured by which is higher; Plot draws it with clip paths, whose ids the
// finishing step must rename.
import * as d3 from "d3";
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Exports have overtaken imports since the spring",
  subtitle: "Monthly trade in goods, € billion",
  source: "Customs trade statistics (invented figures)",
};

const noise = d3.randomNormal.source(d3.randomLcg(0.58))(0, 0.25);
const trade = d3.range(30).map((i) => ({
  month: new Date(Date.UTC(2023, i, 1)),
  exports: 8.5 + i * 0.09 + noise(),
  imports: 10.2 - i * 0.04 + noise(),
}));

export default function (): Plot.PlotOptions {
  return {
    x: { label: null },
    y: { grid: true, label: "€ billion" },
    marks: [
      Plot.differenceY(trade, { x: "month", y1: "imports", y2: "exports", positiveFill: "#009E73", negativeFill: "#D55E00", fillOpacity: 0.4, stroke: "#1a1a1a" }),
    ],
  };
}
