// A chart that sets a tall height of its own (500 px) with a few dots: the
// artboard grows to hold it.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Tide heights at Port Calder this week",
  subtitle: "Predicted high and low water, metres above chart datum",
  source: "Harbour Master tide tables (invented figures)",
};

const tides = [
  ["2025-03-10T04:12Z", 4.8], ["2025-03-10T10:31Z", 0.9], ["2025-03-10T16:40Z", 5.1], ["2025-03-10T22:55Z", 0.7],
  ["2025-03-11T05:01Z", 5.0], ["2025-03-11T11:19Z", 0.8], ["2025-03-11T17:27Z", 5.3], ["2025-03-11T23:44Z", 0.6],
  ["2025-03-12T05:48Z", 5.2], ["2025-03-12T12:05Z", 0.6], ["2025-03-12T18:12Z", 5.4],
].map(([t, m]) => ({ time: new Date(t as string), m: m as number }));

export default function (): Plot.PlotOptions {
  return {
    height: 500,
    x: { label: null },
    y: { grid: true, label: "Metres", domain: [0, 6] },
    marks: [
      Plot.line(tides, { x: "time", y: "m", curve: "monotone-x", stroke: "#0072B2", strokeWidth: 2 }),
      Plot.dot(tides, { x: "time", y: "m", fill: "#0072B2", r: 3.5 }),
    ],
  };
}
