// An ordinal colour legend with nine swatches, more than fit on one line of
// the mobile artboard: the legend must wrap, not run off the edge.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Nine parties won seats in the regional assembly",
  subtitle: "Seats won, 2025 regional election",
  source: "Regional Returning Officer (invented figures)",
};

const results = [
  ["Civic Alliance", 24], ["Progress", 19], ["Greens", 11], ["Farmers' List", 8], ["Liberal Union", 7], ["Coast First", 5],
  ["Workers' Party", 4], ["Pensioners", 3], ["Independents", 3],
].map(([party, seats]) => ({ party: party as string, seats: seats as number }));

export default function (): Plot.PlotOptions {
  return {
    color: {
      domain: results.map((d) => d.party),
      range: ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#995BFF", "#DC083E", "#48753F", "#E30CC1", "#8c8c8c"],
      legend: true,
    },
    x: { label: "Seats" },
    y: { axis: null, domain: results.map((d) => d.party) },
    marks: [
      Plot.barX(results, { x: "seats", y: "party", fill: "party" }),
      Plot.text(results, { x: "seats", y: "party", text: (d: { seats: number }) => String(d.seats), textAnchor: "start", dx: 4 }),
      Plot.ruleX([0]),
    ],
  };
}
