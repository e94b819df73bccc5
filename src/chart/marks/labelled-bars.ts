// Horizontal bars with each bar's label above it and its value at its end:
// the pattern that stays legible at 320 px, where a y-axis of long labels
// would leave no room for the bars. Labels wrap to the width; a row with no
// number (a claim in words only) prints its words where the bar would be and
// takes no room from the bars. Stacked, a bar's parts are listed in words
// under it, never summed: the total is a number nobody claimed.

import * as Plot from "@observablehq/plot";
import type { Row } from "../../tables/index.ts";
import { FALLBACK_ALLOWANCE, textWidth, wrap, wrapList } from "../text-metrics.ts";

export type BarShape = "solid" | "faint" | "outline" | "none";

export interface LabelledBarsOptions {
  /** The row's label, drawn above its bar and wrapped to the width; "" puts the bar under the one before, as one group. */
  label: (row: Row) => string;
  /** The bar's length; null draws no bar (a claim with no number). */
  value: (row: Row) => number | null;
  /** The text at the bar's end, qualifier and all: "≈500", "300+ km"; for a row with no bar, its words. */
  valueText: (row: Row) => string;
  color: (row: Row) => string;
  shape?: (row: Row) => BarShape;
  /** The width Plot draws in: labels wrap to it. */
  width: number;
  fontSize: number;
  /** The domain's upper end; by default the largest value. */
  max?: number;
  /**
   * Rows labelled "" continue the bar above as its next part instead of
   * drawing a bar of their own; each bar's parts are listed under it, by
   * their `valueText`, and no total is printed.
   */
  stacked?: boolean;
}

export interface LabelledBars {
  marks: Plot.Markish[];
  options: Plot.PlotOptions;
  /** What the rows need, labels wrapped: the chart's height. */
  height: number;
}

interface Laid {
  label: string;
  value: number | null;
  text: string;
  color: string;
  shape: BarShape;
  /** Top of the label, middle of the bar, top of a no-number row's words: px from the top. */
  labelTop: number;
  barMiddle: number;
}

/** Room (px) each part of a row takes at this font size. */
function rhythm(fontSize: number) {
  return { line: fontSize * 1.25, bar: Math.round(fontSize * 1.15), gap: 3, row: Math.round(fontSize * 0.8) };
}

export function labelledBars(rows: Row[], o: LabelledBarsOptions): LabelledBars {
  if (o.stacked) return stackedBars(rows, o);
  const r = rhythm(o.fontSize);
  const { style, bold } = fonts(o.fontSize);
  const fit = fitter(o.width);
  const base = rows.map((row) => {
    const value = o.value(row);
    const shape = o.shape?.(row) ?? (value === null ? "none" : "solid");
    return { row, value, shape: value === null ? "none" as const : shape, color: o.color(row), label: o.label(row), text: o.valueText(row) };
  });
  const barred = base.filter((d) => d.shape !== "none");
  // Only rows with a bar take room at the right for their value: a row in words wraps under its label.
  const valueRoom = Math.ceil(Math.max(0, ...barred.map((d) => textWidth(d.text, style) * FALLBACK_ALLOWANCE))) + (barred.length > 0 ? 8 : 0);
  let y = 0;
  const laid: Laid[] = base.map((d, i) => {
    // A row with no label is one more bar of the group above it: it sits close under that bar.
    const label = d.label === "" ? "" : fit(d.label, bold);
    const labelTop = y + (i === 0 ? 0 : label === "" ? r.gap : r.row);
    const afterLabel = label === "" ? labelTop : labelTop + lines(label) * r.line + r.gap;
    if (d.shape === "none") {
      const text = fit(d.text, style);
      y = afterLabel + lines(text) * r.line;
      return { ...d, label, text, labelTop, barMiddle: afterLabel };
    }
    y = afterLabel + r.bar;
    return { ...d, label, labelTop, barMiddle: afterLabel + r.bar / 2 };
  });
  const height = Math.ceil(y) + 2;
  const max = o.max ?? Math.max(1, ...barred.map((d) => d.value ?? 0));
  const bars = laid.filter((d) => d.shape !== "none");
  const band = (d: Laid) => ({ y1: d.barMiddle - r.bar / 2, y2: d.barMiddle + r.bar / 2 });
  const solid = bars.filter((d) => d.shape !== "outline").map((d) => ({ ...d, ...band(d) }));
  const outline = bars.filter((d) => d.shape === "outline").map((d) => ({ ...d, ...band(d) }));
  return {
    height,
    options: {
      height, width: o.width,
      marginTop: 0, marginBottom: 0, marginLeft: 0, marginRight: valueRoom,
      x: { axis: null, grid: false, domain: [0, max] },
      // Rows are laid out in pixels from the top.
      y: { axis: null, grid: false, domain: [height, 0] },
    },
    marks: [
      Plot.rectX(solid, {
        x1: 0, x2: "value", y1: "y1", y2: "y2", fill: "color",
        fillOpacity: (d: Laid) => (d.shape === "faint" ? 0.4 : 1),
      }),
      // An outline is for a length the words only bound ("just over 300").
      Plot.rectX(outline, {
        x1: 0, x2: "value", y1: (d: { y1: number }) => d.y1 + 0.75, y2: (d: { y2: number }) => d.y2 - 0.75,
        fill: "none", stroke: "color", strokeWidth: 1.5, strokeDasharray: "4,3",
      }),
      Plot.text(laid.filter((d) => d.label !== ""), {
        x: 0, y: "labelTop", text: "label", textAnchor: "start", lineAnchor: "top", lineHeight: 1.25, fontWeight: 600,
      }),
      Plot.text(bars, {
        x: (d: Laid) => d.value ?? 0, y: "barMiddle", text: "text", textAnchor: "start", lineAnchor: "middle", dx: 6,
        fontVariant: "tabular-nums",
      }),
      Plot.text(laid.filter((d) => d.shape === "none"), {
        x: 0, y: "barMiddle", text: "text", textAnchor: "start", lineAnchor: "top", lineHeight: 1.25,
      }),
    ],
  };
}

/** Stacked: each bar's parts end to end from zero, and their list in words under the bar. */
function stackedBars(rows: Row[], o: LabelledBarsOptions): LabelledBars {
  const r = rhythm(o.fontSize);
  const { style, bold } = fonts(o.fontSize);
  const fit = fitter(o.width);
  const groups: { label: string; parts: { row: Row; value: number | null; color: string; shape: BarShape }[] }[] = [];
  for (const row of rows) {
    const label = o.label(row);
    const value = o.value(row);
    const part = { row, value, color: o.color(row), shape: value === null ? "none" as const : o.shape?.(row) ?? "solid" };
    if (label === "" && groups.length > 0) groups.at(-1)!.parts.push(part);
    else groups.push({ label, parts: [part] });
  }
  let y = 0;
  // A part of a bar: from the end of the part before it (x0) to its own (x1).
  const segments: { x0: number; x1: number; y1: number; y2: number; color: string; shape: BarShape }[] = [];
  const texts: { text: string; top: number; bold: boolean }[] = [];
  groups.forEach((g, i) => {
    const top = y + (i === 0 ? 0 : r.row);
    const label = fit(g.label, bold);
    texts.push({ text: label, top, bold: true });
    const afterLabel = top + lines(label) * r.line + r.gap;
    let x0 = 0;
    for (const p of g.parts) {
      if (p.shape === "none") continue;
      const x1 = x0 + p.value!;
      segments.push({ x0, x1, color: p.color, shape: p.shape, y1: afterLabel, y2: afterLabel + r.bar });
      x0 = x1;
    }
    const listTop = segments.at(-1)?.y1 === afterLabel ? afterLabel + r.bar + r.gap : afterLabel;
    const list = wrapList(g.parts.map((p) => o.valueText(p.row)), o.width / FALLBACK_ALLOWANCE, style).join("\n");
    texts.push({ text: list, top: listTop, bold: false });
    y = listTop + lines(list) * r.line;
  });
  const height = Math.ceil(y) + 2;
  const max = o.max ?? Math.max(1, ...segments.map((d) => d.x1));
  return {
    height,
    options: {
      height, width: o.width,
      marginTop: 0, marginBottom: 0, marginLeft: 0, marginRight: 0,
      x: { axis: null, grid: false, domain: [0, max] },
      y: { axis: null, grid: false, domain: [height, 0] },
    },
    marks: [
      // A hairline of the background between parts, so that two parts of one colour read as two.
      Plot.rectX(segments.filter((d) => d.shape !== "outline"), {
        x1: "x0", x2: "x1", y1: "y1", y2: "y2", fill: "color", insetRight: 0.5, insetLeft: 0.5,
        fillOpacity: (d: { shape: BarShape }) => (d.shape === "faint" ? 0.4 : 1),
      }),
      Plot.rectX(segments.filter((d) => d.shape === "outline"), {
        x1: "x0", x2: "x1", y1: (d: { y1: number }) => d.y1 + 0.75, y2: (d: { y2: number }) => d.y2 - 0.75, insetRight: 0.5, insetLeft: 0.5,
        fill: "none", stroke: "color", strokeWidth: 1.5, strokeDasharray: "4,3",
      }),
      Plot.text(texts.filter((d) => d.bold && d.text !== ""), { x: 0, y: "top", text: "text", textAnchor: "start", lineAnchor: "top", lineHeight: 1.25, fontWeight: 600 }),
      Plot.text(texts.filter((d) => !d.bold), { x: 0, y: "top", text: "text", textAnchor: "start", lineAnchor: "top", lineHeight: 1.25, fontVariant: "tabular-nums" }),
    ],
  };
}

function fonts(size: number) {
  return { style: { size, weight: "regular" as const }, bold: { size, weight: "semibold" as const } };
}

/**
 * Text fitted to the width, measured with the fallback allowance so that it
 * fits in Arial-metric fonts too: a line that fits is printed as given,
 * spaces and all; only a longer one is broken into lines.
 */
function fitter(width: number) {
  return (text: string, s: ReturnType<typeof fonts>["style" | "bold"]) =>
    text.split("\n").every((line) => textWidth(line, s) * FALLBACK_ALLOWANCE <= width) ? text : wrap(text, width / FALLBACK_ALLOWANCE, s).join("\n");
}

const lines = (text: string) => text.split("\n").length;
