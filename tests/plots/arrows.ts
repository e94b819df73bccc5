// The arrow mark (drawn as paths, no markers): each club's move in the table
// from the first half of the season to the second.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Three clubs climbed more than ten points in the second half",
  subtitle: "Points won in each half of the season; arrows point from the first to the second half",
  source: "League records (invented figures)",
};

const clubs = [
  { club: "Rovers", first: 38, second: 27, goals: 61 },
  { club: "United", first: 31, second: 42, goals: 58 },
  { club: "Athletic", first: 22, second: 35, goals: 47 },
  { club: "City", first: 35, second: 36, goals: 55 },
  { club: "Wanderers", first: 19, second: 31, goals: 41 },
  { club: "Albion", first: 27, second: 21, goals: 39 },
];

export default function (): Plot.PlotOptions {
  return {
    x: { label: "Points", grid: true, domain: [15, 45] },
    y: { label: "Goals scored", grid: true, domain: [35, 65] },
    marks: [
      Plot.arrow(clubs, { x1: "first", x2: "second", y1: "goals", y2: "goals", stroke: "#0072B2", strokeWidth: 1.75, bend: true }),
      Plot.text(clubs, { x: "first", y: "goals", text: "club", dy: -10 }),
    ],
  };
}
