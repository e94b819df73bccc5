// Diverging bars around zero: negatives with Unicode minus ticks ("−10%"),
// colours by sign, each name on the far side of zero from its bar.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Five departments face cuts next year",
  subtitle: "Change in each department's budget from last year",
  notes: ["Cash terms, before inflation."],
  source: "Treasury spending plans (invented figures)",
};

interface Change { department: string; change: number }

const change: Change[] = [
  { department: "Health", change: 0.041 },
  { department: "Education", change: 0.023 },
  { department: "Defence", change: 0.067 },
  { department: "Transport", change: -0.118 },
  { department: "Justice", change: -0.052 },
  { department: "Culture", change: -0.164 },
  { department: "Environment", change: -0.031 },
  { department: "Housing", change: 0.012 },
  { department: "Foreign Office", change: -0.087 },
];

export default function (): Plot.PlotOptions {
  return {
    x: { tickFormat: "+.0%", label: null, domain: [-0.2, 0.1] },
    y: { axis: null, domain: change.slice().sort((a, b) => a.change - b.change).map((d) => d.department) },
    color: { domain: [false, true], range: ["#D55E00", "#0072B2"] },
    marks: [
      Plot.barX(change, { x: "change", y: "department", fill: (d: Change) => d.change > 0 }),
      Plot.text(change.filter((d) => d.change < 0), { x: 0, y: "department", text: "department", textAnchor: "start", dx: 4 }),
      Plot.text(change.filter((d) => d.change >= 0), { x: 0, y: "department", text: "department", textAnchor: "end", dx: -4 }),
      Plot.ruleX([0]),
    ],
  };
}
