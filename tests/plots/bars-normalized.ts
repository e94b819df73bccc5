// Stacked bars normalized to 100% (offset "normalize") with x as a percentage
// (percent: true) and a legend of answers in their natural order.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Younger residents are likelier to back the new cycle lanes",
  subtitle: "Answers to \"Do you support the Market Street cycle lanes?\" by age",
  source: "Residents' survey, 1,204 respondents (invented figures)",
};

const answers = ["Strongly support", "Support", "Neither", "Oppose", "Strongly oppose"];
const survey = [
  ["18–34", 112, 98, 41, 30, 19], ["35–54", 86, 101, 60, 52, 38], ["55+", 51, 77, 69, 88, 82],
].flatMap(([age, ...counts]) => (counts as number[]).map((n, i) => ({ age: age as string, answer: answers[i]!, n })));

export default function (): Plot.PlotOptions {
  return {
    x: { percent: true, label: "Share of respondents (%)" },
    y: { label: null },
    color: { domain: answers, range: ["#0072B2", "#995BFF", "#8c8c8c", "#D55E00", "#DC083E"], legend: true },
    marks: [
      Plot.barX(survey, Plot.stackX({ x: "n", y: "age", fill: "answer", order: answers, offset: "normalize" })),
    ],
  };
}
