// A chart that sets its own width, two thirds of what it is offered: the
// finishing step keeps it narrower than the artboard, not stretched.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Two wards account for most of the new homes",
  subtitle: "Homes completed in 2025 by ward",
  source: "Borough planning monitor (invented figures)",
};

const homes = [["Abbey", 412], ["Brookside", 366], ["Castle", 94], ["Dale", 71], ["Eastgate", 38]]
  .map(([ward, n]) => ({ ward: ward as string, n: n as number }));

export default function ({ width }: { width: number; height?: number }): Plot.PlotOptions {
  return {
    width: Math.round((width * 2) / 3),
    height: 220,
    x: { label: "Homes", grid: true },
    y: { label: null },
    marks: [
      Plot.barX(homes, { x: "n", y: "ward", fill: "#0072B2" }),
      Plot.ruleX([0]),
    ],
  };
}
