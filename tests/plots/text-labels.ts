// Text labels beside points: every point named, some near the frame's edges
// so that a label can stick out unless the chart makes room.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Smaller schools spend more per pupil",
  subtitle: "Spending per pupil and number of pupils, secondary schools in the district",
  source: "District education accounts (invented figures)",
};

const schools = [
  { school: "Hillcrest Academy", pupils: 1480, spend: 6.1 },
  { school: "St Mary's", pupils: 620, spend: 7.4 },
  { school: "Brook Lane", pupils: 950, spend: 6.8 },
  { school: "Westwood High", pupils: 1710, spend: 5.9 },
  { school: "Kingsmead", pupils: 410, spend: 8.3 },
  { school: "Oakfield School", pupils: 1190, spend: 6.4 },
  { school: "Moorside", pupils: 780, spend: 7.0 },
];

export default function (): Plot.PlotOptions {
  return {
    x: { label: "Pupils", grid: true },
    y: { label: "£ thousand a pupil", grid: true, inset: 10 },
    marks: [
      Plot.dot(schools, { x: "pupils", y: "spend", fill: "#CC79A7", r: 4 }),
      // Names of the larger schools go to the left of their dot, where there is room.
      Plot.text(schools.filter((d) => d.pupils < 1300), { x: "pupils", y: "spend", text: "school", textAnchor: "start", dx: 7 }),
      Plot.text(schools.filter((d) => d.pupils >= 1300), { x: "pupils", y: "spend", text: "school", textAnchor: "end", dx: -7 }),
    ],
  };
}
