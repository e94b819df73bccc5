// Dots sized by an r channel (area proportional to population), drawn
// largest first so small dots stay visible; no legend for r.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "The biggest cities are not the wettest",
  subtitle: "Yearly rainfall and mean July temperature; circles sized by population",
  source: "National Weather Digest (invented figures)",
};

const cities = [
  { city: "Port Elling", rain: 1240, july: 16.1, population: 210_000 },
  { city: "Carrow", rain: 690, july: 19.8, population: 1_450_000 },
  { city: "Dunmere", rain: 1510, july: 14.9, population: 95_000 },
  { city: "Halton Cross", rain: 820, july: 18.7, population: 640_000 },
  { city: "Brackwater", rain: 980, july: 17.2, population: 330_000 },
  { city: "Stanmoor", rain: 610, july: 20.4, population: 880_000 },
  { city: "Ferrin", rain: 1120, july: 15.6, population: 120_000 },
  { city: "Oldbridge", rain: 760, july: 19.1, population: 510_000 },
];

export default function (): Plot.PlotOptions {
  return {
    r: { range: [3, 24] },
    x: { label: "Rainfall (mm a year)", grid: true, inset: 30 },
    y: { label: "July temperature (°C)", grid: true, inset: 30 },
    marks: [
      Plot.dot(cities, { x: "rain", y: "july", r: "population", fill: "#009E73", fillOpacity: 0.6, stroke: "white", sort: { channel: "-r" } }),
      Plot.text(cities, { x: "rain", y: "july", text: "city", fill: "#1a1a1a", stroke: "white", strokeWidth: 3, paintOrder: "stroke" }),
    ],
  };
}
