// A waffle chart (waffleY): units in stacked columns, drawn by Plot with SVG
// patterns, one colour per answer and an ordinal legend.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Most residents want the old cinema turned into housing",
  subtitle: "Answers from 200 residents, one square for each",
  source: "Consultation responses (invented figures)",
};

const answers = [["Housing", 92], ["Arts centre", 61], ["Market hall", 31], ["No view", 16]]
  .map(([answer, n]) => ({ answer: answer as string, n: n as number }));

export default function (): Plot.PlotOptions {
  return {
    color: { domain: answers.map((a) => a.answer), range: ["#0072B2", "#D55E00", "#009E73", "#c4c4c4"], legend: true },
    x: { domain: answers.map((a) => a.answer), label: null },
    y: { label: "Residents", grid: true },
    marks: [Plot.waffleY(answers, { x: "answer", y: "n", fill: "answer", unit: 1 })],
  };
}
