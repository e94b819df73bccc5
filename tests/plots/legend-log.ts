// A log colour ramp legend spanning three orders of magnitude: towns
// coloured by population density, on a dot plot of area and population.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "The county's densest town is a hundred times denser than its emptiest",
  subtitle: "Area, population and people per square kilometre of each town",
  source: "County census digest (invented figures)",
};

const towns = [
  ["Marrow", 12, 18400], ["Pellham", 4.5, 21300], ["Great Ash", 31, 6200], ["Fenn", 58, 2900], ["Kettleby", 7.2, 9800],
  ["Sorrow Cross", 96, 1500], ["Bratton", 2.1, 8800], ["Upper Leigh", 24, 3300], ["Dunholm", 15, 27100], ["Saltmarsh", 140, 2100],
].map(([town, km2, people]) => ({ town: town as string, km2: km2 as number, people: people as number, density: (people as number) / (km2 as number) }));

export default function (): Plot.PlotOptions {
  return {
    color: { type: "log", scheme: "blues", legend: true, label: "People per km²" },
    x: { type: "log", label: "Area (km²)", grid: true },
    y: { label: "Population", grid: true },
    marks: [Plot.dot(towns, { x: "km2", y: "people", fill: "density", r: 6, stroke: "#1a1a1a", strokeWidth: 0.5 })],
  };
}
