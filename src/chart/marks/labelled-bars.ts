// Horizontal bars with each bar's label above it and its value at its end:
// the pattern that stays legible at 320 px, where a y-axis of long labels
// would leave no room for the bars.

import * as Plot from "@observablehq/plot";
import type { Row } from "../../tables/index.ts";
import { FALLBACK_ALLOWANCE, textWidth } from "../text-metrics.ts";

export type BarShape = "solid" | "faint" | "outline" | "none";

export interface LabelledBarsOptions {
  /** The row's label, drawn above its bar. */
  label: (row: Row) => string;
  /** The bar's length; null draws no bar (a claim with no number). */
  value: (row: Row) => number | null;
  /** The text at the bar's end, qualifier and all: "≈500", "300+ km". */
  valueText: (row: Row) => string;
  color: (row: Row) => string;
  shape?: (row: Row) => BarShape;
  /** Plot height and body font size, to place labels within each row; without a height, each row takes what its label and bar need. */
  height?: number;
  fontSize: number;
  marginBottom?: number;
  /** The domain's upper end; by default the largest value. */
  max?: number;
}

export interface LabelledBars {
  marks: Plot.Markish[];
  options: Plot.PlotOptions;
}

export function labelledBars(rows: Row[], o: LabelledBarsOptions): LabelledBars {
  const marginBottom = o.marginBottom ?? 4;
  const height = o.height ?? Math.ceil(rows.length * o.fontSize * 2.6) + marginBottom;
  const rowHeight = (height - marginBottom) / Math.max(1, rows.length);
  const labelSpace = o.fontSize * 1.35;
  const barTop = labelSpace + 2;
  const barBottom = Math.max(4, rowHeight * 0.18);
  const barCenter = (barTop - barBottom) / 2;
  const data = rows.map((row, i) => ({
    i, label: o.label(row), value: o.value(row), text: o.valueText(row),
    color: o.color(row), shape: o.shape?.(row) ?? (o.value(row) === null ? "none" : "solid"),
  }));
  const drawn = data.filter((d) => d.value !== null && d.shape !== "none");
  const max = o.max ?? Math.max(1, ...data.map((d) => d.value ?? 0));
  return {
    options: {
      height,
      marginTop: 0, marginBottom, marginLeft: 0,
      // Room for the widest value label beyond the longest bar.
      marginRight: Math.ceil(Math.max(...data.map((d) => textWidth(d.text, { size: o.fontSize, weight: "regular" }) * FALLBACK_ALLOWANCE), 0)) + 10,
      x: { axis: null, grid: false, domain: [0, max] },
      y: { axis: null, domain: data.map((d) => d.i), padding: 0 },
    },
    marks: [
      Plot.barX(drawn.filter((d) => d.shape !== "outline"), {
        y: "i", x: "value", fill: "color", fillOpacity: (d: { shape: string }) => (d.shape === "faint" ? 0.4 : 1),
        insetTop: barTop, insetBottom: barBottom,
      }),
      // An outline is for a length the words only bound ("just over 300").
      Plot.barX(drawn.filter((d) => d.shape === "outline"), {
        y: "i", x: "value", fill: "none", stroke: "color", strokeWidth: 1.5, strokeDasharray: "4,3",
        insetTop: barTop + 1, insetBottom: barBottom + 1,
      }),
      Plot.text(data, {
        y: "i", x: 0, text: "label", textAnchor: "start", lineAnchor: "top",
        dy: -rowHeight / 2 + 1, fontWeight: 600,
      }),
      Plot.text(data, {
        y: "i", x: (d) => d.value ?? 0, text: "text", textAnchor: "start", dx: 6, dy: barCenter,
        fontVariant: "tabular-nums",
      }),
    ],
  };
}
