// A world choropleth on the Equal Earth projection with a continuous colour
// ramp legend; every country gets an invented share, derived from its name.
import * as Plot from "@observablehq/plot";
import { worldCountries } from "../../src/chart/index.ts";

export const words = {
  headline: "Home broadband is near universal in only a few countries",
  subtitle: "Share of households with a fixed broadband line",
  notes: ["Made-up values for a test chart: no country's real figure is shown."],
  source: "Invented figures",
};

/** A stable made-up share between 5% and 95% for each name. */
function share(name: string): number {
  let h = 7;
  for (const ch of name) h = (h * 31 + ch.codePointAt(0)!) % 9973;
  return 0.05 + (h % 91) / 100;
}

export default function (): Plot.PlotOptions {
  const world = worldCountries("110m");
  const countries = world.features.filter((f) => f.properties.name !== "Antarctica");
  return {
    projection: "equal-earth",
    color: { type: "linear", scheme: "blues", domain: [0, 1], legend: true, tickFormat: "%", label: "Households with broadband" },
    marks: [
      Plot.sphere({ stroke: "#c4c4c4" }),
      Plot.geo(countries, { fill: (f: { properties: { name: string } }) => share(f.properties.name), stroke: "white", strokeWidth: 0.4 }),
    ],
  };
}
