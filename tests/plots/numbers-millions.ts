// Large numbers on a linear x: tick labels in the millions ("1,500,000"),
// the widest of which sits at the right edge of the frame.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "The national museum drew more visitors than the next three together",
  subtitle: "Visitors in 2025",
  source: "Museums Association (invented figures)",
};

const museums = [
  { museum: "National Museum", visitors: 3_184_250 },
  { museum: "Science Hall", visitors: 1_247_900 },
  { museum: "Maritime Museum", visitors: 896_400 },
  { museum: "City Gallery", visitors: 812_350 },
  { museum: "Railway Works", visitors: 402_700 },
];

export default function (): Plot.PlotOptions {
  return {
    x: { label: "Visitors", grid: true },
    y: { label: null },
    marks: [
      Plot.barX(museums, { x: "visitors", y: "museum", sort: { y: "-x" }, fill: "#009E73" }),
      Plot.ruleX([0]),
    ],
  };
}
