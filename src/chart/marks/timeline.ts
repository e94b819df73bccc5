// A vertical timeline: a dot per event, its date in bold and its label
// wrapped below. Events are spaced by their text, not by time, so a list
// spanning three years with most events in one week stays readable on a phone.

import * as Plot from "@observablehq/plot";
import { FALLBACK_ALLOWANCE, wrap } from "../text-metrics.ts";

export interface TimelineItem {
  date: string;
  label: string;
  /** Dated by a source outside the article: drawn as an open dot. */
  external: boolean;
}

export interface TimelineOptions {
  width: number;
  fontSize: number;
  color: string;
}

const INDENT = 22;
const LINE = 1.3;
const GAP = 10;

interface Placed extends TimelineItem {
  y: number;
  text: string;
}

function place(items: TimelineItem[], width: number, fontSize: number): { placed: Placed[]; height: number } {
  let y = 2;
  const placed = items.map((item) => {
    const lines = wrap(item.label, (width - INDENT) / FALLBACK_ALLOWANCE, { size: fontSize, weight: "regular" });
    const p = { ...item, y, text: lines.join("\n") };
    y += fontSize * LINE * (1 + lines.length) + GAP;
    return p;
  });
  return { placed, height: Math.ceil(y - GAP + 2) };
}

export function timeline(items: TimelineItem[], o: TimelineOptions): Plot.PlotOptions {
  const { placed, height } = place(items, o.width, o.fontSize);
  const dotY = (d: Placed) => d.y + o.fontSize * 0.65;
  return {
    height, margin: 0,
    x: { axis: null, grid: false, domain: [0, o.width], range: [0, o.width] },
    y: { axis: null, domain: [0, height], range: [0, height] },
    marks: [
      Plot.ruleX([8], { y1: dotY(placed[0]!), y2: dotY(placed.at(-1)!), stroke: o.color, strokeOpacity: 0.35 }),
      Plot.dot(placed, {
        x: 8, y: dotY, r: 5, stroke: o.color, strokeWidth: 1.5,
        fill: (d: Placed) => (d.external ? "white" : o.color),
      }),
      Plot.text(placed, { x: INDENT, y: "y", text: "date", textAnchor: "start", lineAnchor: "top", fontWeight: 700 }),
      Plot.text(placed, { x: INDENT, y: (d: Placed) => d.y + o.fontSize * LINE, text: "text", textAnchor: "start", lineAnchor: "top", lineHeight: LINE }),
    ],
  };
}

timeline.height = (items: TimelineItem[], width: number, fontSize: number): number => place(items, width, fontSize).height;
