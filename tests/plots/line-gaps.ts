// A line with missing readings (NaN breaks the line), a flood threshold as a
// dashed rule with its label, and an hourly time axis over three days.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "The river passed its flood level twice on Saturday",
  subtitle: "River level at Kelling Bridge, metres, every three hours",
  notes: ["The gauge sent no readings between 03:00 and 09:00 on Friday."],
  source: "River Authority telemetry (invented figures)",
};

const levels = [
  1.2, 1.3, 1.5, 1.9, 2.4, 2.6, 2.5, 2.3, NaN, NaN, NaN, 2.8, 3.1, 3.4, 3.7, 3.3, 3.0, 3.6, 3.9, 3.5, 2.9, 2.5, 2.2, 2.0, 1.8,
].map((m, i) => ({ time: new Date(Date.UTC(2025, 10, 20, i * 3)), m }));

export default function (): Plot.PlotOptions {
  return {
    x: { label: null },
    y: { grid: true, label: "Metres", domain: [0, 4] },
    marks: [
      Plot.ruleY([3.2], { stroke: "#D55E00", strokeDasharray: "5,3" }),
      Plot.text([3.2], { y: (d: number) => d, text: () => "Flood level", frameAnchor: "left", dy: -8, fill: "#B34700" }),
      Plot.line(levels, { x: "time", y: "m", stroke: "#0072B2", strokeWidth: 2 }),
      Plot.ruleY([0]),
    ],
  };
}
