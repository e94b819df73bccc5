// A heatmap of cells on two band scales (hour × weekday) with a sequential
// colour ramp legend and text in each cell for the largest values.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Calls to the helpline peak on Monday mornings",
  subtitle: "Average calls an hour, by day and time",
  source: "Helpline call records (invented figures)",
};

const days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const hours = [8, 10, 12, 14, 16, 18, 20];
const calls = days.flatMap((day, d) => hours.map((hour, h) => ({
  day, hour: `${hour}:00`, calls: Math.round((d < 5 ? 60 : 40) + (d === 0 ? 35 : 0) - h * 5 + (h === 2 ? 12 : 0) - d),
})));

export default function (): Plot.PlotOptions {
  return {
    color: { scheme: "purples", legend: true, label: "Calls an hour" },
    x: { domain: hours.map((h) => `${h}:00`), label: null },
    y: { domain: days, label: null },
    marks: [
      Plot.cell(calls, { x: "hour", y: "day", fill: "calls", inset: 0.5 }),
      Plot.text(calls.filter((c) => c.calls >= 70), { x: "hour", y: "day", text: "calls", fill: "white" }),
    ],
  };
}
