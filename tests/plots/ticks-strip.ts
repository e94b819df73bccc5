// A strip plot of tick marks (tickX) on a point y, one tick per shop and a
// highlighted median per town.
import * as d3 from "d3";
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "A pint costs a pound more in Kingsbridge than in Fallow",
  subtitle: "Price of a pint of lager in each pub surveyed, £; the black tick is the median",
  source: "Pub price survey (invented figures)",
};

const random = d3.randomLcg(0.77);
const towns = [["Kingsbridge", 5.9], ["Ashby", 5.4], ["Fallow", 4.9], ["Thirsk Moor", 5.1]] as const;
const pints = towns.flatMap(([town, mid]) => d3.range(18).map(() => ({ town, price: Math.round((mid + (random() - 0.5) * 1.6) * 20) / 20 })));
const medians = towns.map(([town]) => ({ town, price: d3.median(pints.filter((p) => p.town === town), (p) => p.price)! }));

export default function (): Plot.PlotOptions {
  return {
    x: { label: "£ a pint", grid: true },
    y: { label: null, domain: towns.map(([t]) => t) },
    marks: [
      Plot.tickX(pints, { x: "price", y: "town", stroke: "#56B4E9", strokeOpacity: 0.7 }),
      Plot.tickX(medians, { x: "price", y: "town", stroke: "#1a1a1a", strokeWidth: 3 }),
    ],
  };
}
