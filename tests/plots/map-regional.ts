// A regional map on a conic equal-area projection fitted to a box around the
// places (projection domain), with sized dots and labels.
import * as Plot from "@observablehq/plot";
import { worldCountries } from "../../src/chart/index.ts";

export const words = {
  headline: "Madrid's high-speed rail hub carries more than the next two stations together",
  subtitle: "High-speed rail passengers a year at each station, millions",
  source: "Iberian Rail Observatory (invented figures)",
};

const stations = [
  { station: "Madrid", lon: -3.7, lat: 40.4, million: 21.4 },
  { station: "Barcelona", lon: 2.17, lat: 41.39, million: 11.8 },
  { station: "Seville", lon: -5.98, lat: 37.39, million: 6.2 },
  { station: "Valencia", lon: -0.38, lat: 39.47, million: 5.1 },
  { station: "Zaragoza", lon: -0.89, lat: 41.65, million: 3.3 },
  { station: "Lisbon", lon: -9.14, lat: 38.72, million: 4.7 },
  { station: "Porto", lon: -8.61, lat: 41.15, million: 2.9 },
  { station: "Málaga", lon: -4.42, lat: 36.72, million: 3.8 },
];
const box = { type: "MultiPoint" as const, coordinates: [[-10, 36], [-10, 44], [4, 36], [4, 44], [-3, 44], [-3, 36]] };

export default function (): Plot.PlotOptions {
  return {
    projection: { type: "conic-equal-area", parallels: [36, 44], rotate: [3, 0], domain: box },
    r: { range: [2, 16] },
    marks: [
      Plot.geo(worldCountries("110m"), { fill: "#efefef", stroke: "white", strokeWidth: 0.75 }),
      Plot.dot(stations, { x: "lon", y: "lat", r: "million", fill: "#0072B2", fillOpacity: 0.7, stroke: "white" }),
      Plot.text(stations, { x: "lon", y: "lat", text: "station", dy: -18, fill: "#1a1a1a", stroke: "white", strokeWidth: 3, paintOrder: "stroke" }),
    ],
  };
}
