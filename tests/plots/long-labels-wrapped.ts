// The same kind of long labels with the y axis as an explicit mark whose
// lineWidth wraps them on a narrow artboard, as the refusal of unwrapped
// ones suggests.
import * as Plot from "@observablehq/plot";

export const words = {
  headline: "Three agencies handle most complaints about housing repairs",
  subtitle: "Complaints received in 2025, by the body that handled them",
  source: "Housing Ombudsman annual review (invented figures)",
};

const bodies = [
  ["Northern Counties Housing Association", 1840],
  ["City Council Housing Repairs Service", 1515],
  ["Riverside and Valleys Homes Partnership", 1202],
  ["Private landlords (referred by councils)", 644],
  ["Tenant Management Organisations", 311],
].map(([body, complaints]) => ({ body: body as string, complaints: complaints as number }));

export default function ({ width }: { width: number; height?: number }): Plot.PlotOptions {
  const narrow = width < 400;
  return {
    // Wrapped names take two or three lines: Plot's height of 5 rows would stack them on each other.
    ...(narrow ? { height: 300 } : {}),
    x: { label: "Complaints", grid: true },
    y: { label: null, domain: bodies.map((d) => d.body) },
    marks: [
      Plot.axisY({ lineWidth: narrow ? 11 : Infinity, tickSize: 0, label: null }),
      Plot.barX(bodies, { x: "complaints", y: "body", fill: "#0072B2" }),
      Plot.ruleX([0]),
    ],
  };
}
