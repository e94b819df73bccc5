// Twenty-four rows on a band y and no height given: Plot picks the height
// from the number of rows, and the finishing step must keep it.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Every station on the Valley Line is busier than before the upgrade",
  subtitle: "Passengers entering or leaving each station in 2025, thousands",
  source: "Rail Regulator station usage (invented figures)",
};

const names = [
  "Abbotsford", "Barnwell", "Cliffe", "Dorney", "Elmstead", "Frampton", "Gosbeck", "Hatherley", "Ickford", "Jevington",
  "Kingsdown", "Langley Marsh", "Milford Halt", "Netherby", "Orton", "Pennington", "Quenby", "Rushmere", "Stowell",
  "Thornby", "Upwood", "Vinehall", "Walcot", "Yelden",
];
const stations = names.map((station, i) => ({ station, k: Math.round(40 + ((i * 37) % 23) * 19 + (i % 5) * 7) }));

export default function (): Plot.PlotOptions {
  return {
    x: { label: "Thousand passengers", grid: true },
    y: { label: null },
    marks: [
      Plot.barX(stations, { x: "k", y: "station", fill: "#0072B2" }),
      Plot.ruleX([0]),
    ],
  };
}
