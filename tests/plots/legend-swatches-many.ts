// An ordinal colour legend with eleven swatches, more than fit on one line of
// the mobile artboard: the legend must wrap, not run off the edge.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Eleven parties won seats in the regional assembly",
  subtitle: "Seats won, 2025 regional election",
  source: "Regional Returning Officer (invented figures)",
};

const results = [
  ["Civic Alliance", 24], ["Progress", 19], ["Greens", 11], ["Farmers' List", 8], ["Liberal Union", 7], ["Coast First", 5],
  ["Workers' Party", 4], ["Pensioners", 3], ["Independents", 3], ["Reform Now", 2], ["Islands Party", 1],
].map(([party, seats]) => ({ party: party as string, seats: seats as number }));

export default function (): Plot.PlotOptions {
  return {
    color: { domain: results.map((d) => d.party), scheme: "tableau10", legend: true },
    x: { label: "Seats" },
    y: { axis: null, domain: results.map((d) => d.party) },
    marks: [
      Plot.barX(results, { x: "seats", y: "party", fill: "party" }),
      Plot.text(results, { x: "seats", y: "party", text: (d: { seats: number }) => String(d.seats), textAnchor: "start", dx: 4 }),
      Plot.ruleX([0]),
    ],
  };
}
