// Links with arrow markers (markerEnd "arrow"): each row's change from one
// year to the next, the colour saying which way it went.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Rents rose in every district but one",
  subtitle: "Average monthly rent for a two-bedroom flat, 2020 to 2025, £",
  source: "Lettings register (invented figures)",
};

interface Rent { district: string; y2020: number; y2025: number }

const rents: Rent[] = [
  { district: "Old Town", y2020: 1140, y2025: 1420 },
  { district: "Riverside", y2020: 1310, y2025: 1565 },
  { district: "Northgate", y2020: 890, y2025: 1035 },
  { district: "Eastfield", y2020: 760, y2025: 905 },
  { district: "Harbour", y2020: 1220, y2025: 1180 },
  { district: "St Anne's", y2020: 980, y2025: 1210 },
];

export default function (): Plot.PlotOptions {
  return {
    x: { label: "£ a month", grid: true, nice: true },
    y: { label: null, domain: rents.map((d) => d.district) },
    color: { domain: [true, false], range: ["#D55E00", "#0072B2"] },
    marks: [
      Plot.link(rents, { x1: "y2020", x2: "y2025", y1: "district", stroke: (d: Rent) => d.y2025 > d.y2020, strokeWidth: 2, markerEnd: "arrow" }),
      Plot.dot(rents, { x: "y2020", y: "district", fill: "#8c8c8c", r: 3 }),
    ],
  };
}
