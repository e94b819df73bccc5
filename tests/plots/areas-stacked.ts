// Stacked areas over years with an ordinal colour legend and a y axis in
// thousands of tonnes.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Recycling now outweighs landfill in the city's waste",
  subtitle: "Household waste by where it went, thousand tonnes",
  source: "City waste returns (invented figures)",
};

const fates = ["Recycled", "Composted", "Burned for energy", "Landfill"];
const waste = [
  [2016, 41, 12, 18, 96], [2017, 44, 14, 22, 88], [2018, 48, 15, 27, 79], [2019, 52, 17, 31, 70], [2020, 55, 19, 34, 63],
  [2021, 58, 21, 38, 55], [2022, 61, 22, 41, 49], [2023, 63, 24, 43, 44], [2024, 66, 25, 44, 39], [2025, 68, 26, 45, 35],
].flatMap(([year, ...t]) => t.map((kt, i) => ({ year: new Date(Date.UTC(year!, 0, 1)), fate: fates[i]!, kt })));

export default function (): Plot.PlotOptions {
  return {
    x: { label: null },
    y: { grid: true, label: "Thousand tonnes" },
    color: { domain: fates, range: ["#009E73", "#48753F", "#D55E00", "#8c8c8c"], legend: true },
    marks: [
      Plot.areaY(waste, { x: "year", y: "kt", fill: "fate", order: fates }),
      Plot.ruleY([0]),
    ],
  };
}
