// Daily values on a UTC time axis over four months: date ticks, a line of
// 120 points generated from a seeded random walk (the same every run).
import * as d3 from "d3";
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Petrol prices climbed through the spring",
  subtitle: "Average pump price of unleaded, pence a litre",
  source: "Fuel Price Watch (invented figures)",
};

const step = d3.randomNormal.source(d3.randomLcg(0.42))(0.12, 0.6);
let price = 139.4;
const prices = d3.range(120).map((i) => {
  price += step();
  return { date: new Date(Date.UTC(2025, 1, 1 + i)), price: Math.round(price * 10) / 10 };
});

export default function (): Plot.PlotOptions {
  return {
    x: { label: null },
    y: { grid: true, label: "Pence a litre" },
    marks: [Plot.line(prices, { x: "date", y: "price", stroke: "#0072B2", strokeWidth: 1.75 })],
  };
}
