// An orthographic globe: the sphere's outline, a graticule, land and dots on
// the visible side; points on the far side are clipped by the projection.
import * as Plot from "@observablehq/plot";
import { worldCountries } from "../../src/chart/index.ts";

export const words = {
  headline: "Where the seabird survey's tagged birds were last seen",
  subtitle: "Last position reported by each tag",
  source: "North Atlantic Seabird Survey (invented figures)",
};

const birds = [
  [-20.5, 63.1], [-15.2, 58.4], [-8.7, 61.9], [-31.0, 52.3], [-25.4, 47.8], [-42.1, 59.6], [-12.3, 54.8], [3.4, 62.2],
  [-5.9, 49.7], [-36.8, 44.1], [-28.6, 38.9], [-50.2, 53.4], [150.0, 10.0],
].map(([lon, lat]) => ({ lon: lon!, lat: lat! }));

export default function (): Plot.PlotOptions {
  return {
    projection: { type: "orthographic", rotate: [25, -45] },
    marks: [
      Plot.sphere({ fill: "#0072B2", fillOpacity: 0.08, stroke: "#8c8c8c" }),
      Plot.graticule({ stroke: "#c4c4c4", strokeOpacity: 0.6 }),
      Plot.geo(worldCountries("110m"), { fill: "#dedede", stroke: "white", strokeWidth: 0.5 }),
      Plot.dot(birds, { x: "lon", y: "lat", r: 4, fill: "#D55E00", stroke: "white" }),
    ],
  };
}
