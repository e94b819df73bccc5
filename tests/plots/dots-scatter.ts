// A scatter plot on two linear scales with grids on both, axis labels with
// units, and a dozen-odd points.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "House prices rise faster than incomes across the county",
  subtitle: "Median house price and median household income by town, 2025",
  source: "County housing survey (invented figures)",
};

const towns = [
  [31.2, 182], [28.4, 151], [35.9, 246], [42.1, 318], [26.7, 139], [33.5, 214], [38.8, 275], [29.9, 171],
  [45.6, 362], [24.3, 128], [36.7, 231], [40.2, 301], [27.8, 166], [32.4, 198], [39.5, 289], [34.1, 205],
].map(([income, price]) => ({ income: income!, price: price! }));

export default function (): Plot.PlotOptions {
  return {
    x: { label: "Median household income (£ thousand)", grid: true },
    y: { label: "Median house price (£ thousand)", grid: true },
    marks: [Plot.dot(towns, { x: "income", y: "price", fill: "#0072B2", r: 4 })],
  };
}
