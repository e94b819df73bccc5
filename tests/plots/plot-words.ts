// Plot's own title, subtitle and caption, with words that give only the
// source: the finishing step takes them as headline, subtitle and note.
import * as Plot from "@observablehq/plot";

export const words = {
  source: "Regional Ferry Company (invented figures)",
};

const crossings = [["Mon", 14], ["Tue", 14], ["Wed", 12], ["Thu", 14], ["Fri", 18], ["Sat", 22], ["Sun", 20]]
  .map(([day, n]) => ({ day: day as string, n: n as number }));

export default function (): Plot.PlotOptions {
  return {
    title: "Weekend ferries run half as often again as weekday ones",
    subtitle: "Scheduled crossings each day, summer timetable",
    caption: "Crossings cancelled for weather are counted as scheduled.",
    x: { domain: crossings.map((d) => d.day), label: null },
    y: { grid: true, label: "Crossings" },
    marks: [
      Plot.barY(crossings, { x: "day", y: "n", fill: "#0072B2" }),
      Plot.ruleY([0]),
    ],
  };
}
