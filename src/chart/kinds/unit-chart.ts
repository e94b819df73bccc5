// Units (a waffle): each row's number as squares of `per` each, rows of
// squares filling the artboard's width, a key saying what a square is. A
// number the words only imply (a derived figure) is drawn in outline.

import { capitalize, formatNumber } from "../format.ts";
import { ChartError } from "../render.ts";
import type { LegendItem } from "../legends.ts";
import { units, type UnitGroup } from "../marks/units.ts";
import type { ChartContext, ChartSpec } from "../spec.ts";
import type { Row } from "../../tables/index.ts";
import { claimantColor, type Column, type KindBase, notesWith, number, optional, read, text, valueWords, BASE_OPTIONS, checkOptions, type OptionNames } from "./rows.ts";

export interface UnitChartOptions extends KindBase {
  /** The number drawn as squares: a column, by default `value`. */
  value?: Column<number | null>;
  /** What the number counts, plural: "aircraft", "soldiers". */
  unit: string;
  /** How many each square stands for: by default 1, or a round number that keeps the squares under 500. */
  per?: number;
  /** What each row's squares are, for the key: by default the row's `measure`. */
  label?: Column<string>;
  /** By default the colour of the row's claimant. */
  color?: Column<string>;
  /** By default outline for a derived row (its `kind` column), solid otherwise. */
  shape?: (row: Row, context: ChartContext) => UnitGroup["shape"];
  /** Squares to a row: by default 25 on a desktop and 10 on a phone, never more than there are squares. */
  columns?: { desktop: number; mobile: number };
}

/** Few enough squares to count and to draw: 1, 2, 5, 10, 20, 50 … so that the total stays at most 500. */
function perSquare(total: number): number {
  if (!Number.isFinite(total)) throw new ChartError(`the numbers add up to ${String(total)}`, "Give the value column finite numbers");
  for (let scale = 1; scale < 1e300; scale *= 10) for (const step of [1, 2, 5]) if (total / (step * scale) <= 500) return step * scale;
  return 1e300;
}

const UNIT_CHART_OPTIONS: OptionNames<UnitChartOptions> = { ...BASE_OPTIONS, value: true, unit: true, per: true, label: true, color: true, shape: true, columns: true };

/** More squares than anyone counts, or than a page draws quickly. */
const MOST_SQUARES = 5000;

export function unitChart(o: UnitChartOptions): ChartSpec {
  checkOptions("unitChart", o, UNIT_CHART_OPTIONS);
  if (o.per !== undefined && !(Number.isFinite(o.per) && o.per > 0)) {
    throw new ChartError(`unitChart's per is ${String(o.per)}, not a positive number`, "Give per as how many each square stands for (1, 10, 1000), or leave it out");
  }
  const value = (row: Row, ctx: ChartContext) => read(o.value ?? "value", row, ctx, number);
  const per = (data: Row[], ctx: ChartContext) => o.per ?? perSquare(data.reduce((s, d) => s + (value(d, ctx) ?? 0), 0));
  const label = (row: Row, ctx: ChartContext) => (o.label ? read(o.label, row, ctx, text) : capitalize(text(optional(row, "measure") ?? "")));
  const groups = (data: Row[], ctx: ChartContext) => {
    const p = per(data, ctx);
    const drawn = data.filter((d) => value(d, ctx) !== null);
    for (const d of drawn) {
      const v = value(d, ctx)!;
      if (v < 0) throw new ChartError(`a row's number is ${formatNumber(v)}: a unit chart draws counts, none below zero`, "Draw it with barChart, or correct the number");
      // A count that rounds to no square would be in the key but not on the chart.
      if (v > 0 && Math.round(v / p) === 0) throw new ChartError(`${formatNumber(v)} is less than half a square of ${formatNumber(p)}: it would draw no square`, "Give per a smaller number, or draw the counts with barChart");
    }
    const total = drawn.reduce((s, d) => s + Math.round(value(d, ctx)! / p), 0);
    if (total > MOST_SQUARES) throw new ChartError(`the chart would draw ${formatNumber(total)} squares`, `Give per a number that draws at most ${formatNumber(MOST_SQUARES)}`);
    return drawn.map((d) => ({
      row: d,
      count: Math.round(value(d, ctx)! / p),
      color: o.color ? read(o.color, d, ctx, text) : claimantColor(d, ctx),
      shape: o.shape?.(d, ctx) ?? (optional(d, "kind") === "derived" ? "outline" as const : "solid" as const),
    }));
  };
  return {
    table: o.table, kind: o.kind ?? "Unit chart", headline: o.headline, subtitle: o.subtitle, alt: o.alt,
    // The squares' own scale is a number the words may state; it is the chart's, not a figure.
    scales: o.per !== undefined ? [o.per] : (data, ctx) => [per(data, ctx)],
    plot: (data, ctx) => {
      const g = groups(data, ctx);
      const total = g.reduce((s, x) => s + x.count, 0);
      const wanted = (o.columns ?? { desktop: 25, mobile: 10 })[ctx.artboard.name];
      const columns = Math.max(1, Math.min(total, wanted));
      const cell = Math.min(ctx.artboard.name === "desktop" ? 28 : 40, Math.floor(ctx.width / columns));
      const u = units(g, columns, cell);
      return { ...u.options, marks: u.marks };
    },
    legend: (data, ctx) => groups(data, ctx).map((g): LegendItem => ({
      label: `${label(g.row, ctx)}: ${valueWords(value(g.row, ctx), g.row, o.unit)}`, color: g.color, shape: g.shape,
    })),
    notes: (data, ctx) => {
      const p = per(data, ctx);
      // A claim with no number has no squares: its words are said, not left out.
      const unsaid = data.filter((d) => value(d, ctx) === null).map((d) => `${label(d, ctx)}: ${valueWords(null, d)}, so no squares.`);
      return notesWith(data, o.notes, [...unsaid, p === 1 ? `One square for each of the ${o.unit}.` : `Each square is ${formatNumber(p)} ${o.unit}.`]);
    },
    describeRow: (row, ctx) => `${label(row, ctx)}: ${valueWords(value(row, ctx), row, o.unit)}`,
  };
}
