// A continuous (linear) colour ramp legend: monitoring stations coloured by
// an air-quality reading, positioned on a plain x/y grid.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Nitrogen dioxide is highest along the ring road",
  subtitle: "Annual mean at each monitoring station, micrograms per cubic metre",
  source: "City air-quality network (invented figures)",
};

const stations = [
  [1.2, 3.4, 21], [2.5, 3.9, 34], [3.1, 2.2, 48], [4.4, 2.8, 52], [5.0, 4.1, 39], [2.2, 1.1, 27], [3.8, 0.9, 31],
  [4.9, 1.6, 44], [1.6, 2.6, 18], [3.5, 3.5, 41], [2.9, 4.6, 29], [5.6, 3.0, 57], [0.8, 1.4, 15], [4.2, 4.7, 36],
].map(([east, north, no2]) => ({ east: east!, north: north!, no2: no2! }));

export default function (): Plot.PlotOptions {
  return {
    color: { type: "linear", scheme: "ylorrd", domain: [10, 60], legend: true, label: "NO₂ (µg/m³)" },
    x: { label: "km east", grid: true },
    y: { label: "km north", grid: true },
    marks: [Plot.dot(stations, { x: "east", y: "north", fill: "no2", r: 7, stroke: "#1a1a1a", strokeWidth: 0.5 })],
  };
}
