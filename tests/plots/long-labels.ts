// Long ordinal labels (30 to 60 characters) on a y band axis: the left margin
// must grow to fit them, or the labels wrap or are cut on mobile.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Most of the recovery fund has gone to three programmes",
  subtitle: "Money allocated by programme, € million",
  source: "Recovery Fund Secretariat (invented figures)",
};

const programmes = [
  ["Rail electrification and rolling stock renewal", 412],
  ["Home insulation grants for low-income households", 338],
  ["Broadband for rural municipalities and islands", 271],
  ["Digital skills training for the unemployed", 96],
  ["Hospital emergency department modernisation", 88],
  ["Flood defences along the northern estuary", 64],
  ["Small business energy efficiency loans", 41],
].map(([programme, million]) => ({ programme: programme as string, million: million as number }));

export default function (): Plot.PlotOptions {
  return {
    x: { label: "€ million", grid: true },
    y: { label: null },
    marks: [
      Plot.barX(programmes, { x: "million", y: "programme", sort: { y: "-x" }, fill: "#CC79A7" }),
      Plot.ruleX([0]),
    ],
  };
}
