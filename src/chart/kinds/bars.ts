// Bars and competing claims: one labelled bar per row, as a spec a notebook
// writes in a few lines. A claim with no number is printed in its own words
// where its bar would be; a bound ("just over 300") is drawn in outline; the
// alt text says each label with its number.

import { labelledBars, type BarShape } from "../marks/labelled-bars.ts";
import type { LegendItem } from "../legends.ts";
import type { ChartContext, ChartSpec } from "../spec.ts";
import type { Row } from "../../tables/index.ts";
import { capitalize } from "../format.ts";
import { ChartError } from "../render.ts";
import { claimantColor, type Column, isBound, type KindBase, notesWith, number, optional, read, seriesColors, text, valueWords, BASE_OPTIONS, checkOptions, type OptionNames } from "./rows.ts";

export interface BarsOptions extends KindBase {
  /** The text above each bar. */
  label: Column<string>;
  /** The bar's number: a column (by default `value`); empty for a claim with no number. */
  value?: Column<number | null>;
  /** Printed after each number: "km", "drones". */
  unit?: string;
  /** Decimals printed (the bar keeps the exact length): 0 for whole kilometres from coordinates. */
  digits?: number;
  /** The bar's colour: by default the colour of the row's `claimant`. */
  color?: Column<string>;
  /** Solid, faint or outline: by default outline for a bound and solid otherwise. */
  shape?: (row: Row, context: ChartContext) => BarShape;
  /** Swatches for what colours or shapes mean, when the labels do not say it. */
  legend?: LegendItem[] | ((data: Row[], context: ChartContext) => LegendItem[]);
  /** Numbers the chart's words use as a drawing scale. */
  scales?: number[];
  /**
   * Grouped bars: rows with the same label in a row of the table are one group under one label, a bar
   * each, coloured and named by this column ("police", "organisers"): a claimant's own colour when it
   * is a claimant, the house palette's otherwise.
   */
  series?: Column<string>;
  /**
   * Stacked bars: with `series`, a group's rows are parts of one bar, end to end, a part per series,
   * listed under the bar with their numbers ("Police: 40 · Army: 12"). No total is printed: the sum
   * of the parts is a number nobody claimed.
   */
  stack?: boolean;
}

const BAR_CHART_OPTIONS: OptionNames<BarsOptions> = { ...BASE_OPTIONS, label: true, value: true, unit: true, digits: true, color: true, shape: true, legend: true, scales: true, series: true, stack: true };

/** Labelled horizontal bars in the table's order: one a row, or with a series grouped (a bar each) or stacked (parts end to end, listed under the bar). */
export function barChart(o: BarsOptions): ChartSpec {
  checkOptions("barChart", o, BAR_CHART_OPTIONS);
  if (o.stack !== undefined && typeof o.stack !== "boolean") throw new ChartError(`barChart: stack is ${JSON.stringify(o.stack)}, not true or false`, "Write stack: true for stacked bars, or leave it out");
  if (o.stack && !o.series) throw new ChartError("barChart: stack needs series, the column that names each part of a bar", "Add series: \"<column>\", or leave out stack");
  if (o.digits !== undefined && !(Number.isInteger(o.digits) && o.digits >= 0 && o.digits <= 12)) {
    throw new ChartError(`barChart: digits is ${JSON.stringify(o.digits)}, not a whole number from 0 to 12`, "Give the decimals to print, e.g. digits: 0 for whole numbers");
  }
  const label = (row: Row, ctx: ChartContext) => {
    const l = read(o.label, row, ctx, text);
    // An empty label would join the bar above, as the next of a group or a stack.
    if (l.trim() === "") throw new ChartError(`a row of the table has no label (its number is ${String(optional(row, typeof o.value === "string" ? o.value : "value") ?? "empty")})`, "Give every row the words to print above its bar");
    return l;
  };
  const value = (row: Row, ctx: ChartContext) => {
    const v = read(o.value ?? "value", row, ctx, number);
    // A bar is a length from zero: a negative one would be drawn off the chart, or stacked backwards.
    if (v !== null && v < 0) throw new ChartError(`the bar "${label(row, ctx)}" has the number ${v}: a bar's length cannot be negative`, "Draw signed changes with a chart of Plot's own, or give the size of the change and say its direction in the label");
    return v;
  };
  const series = (row: Row, ctx: ChartContext) => (o.series ? read(o.series, row, ctx, text) : "");
  // A bar's colour: the notebook's, else its series' (a claimant's own, or the palette's), else its claimant's.
  const colorOf = (data: Row[], ctx: ChartContext) => {
    const colors = seriesColors(data, (d) => series(d, ctx), ctx);
    return (d: Row) => (o.color ? read(o.color, d, ctx, text) : o.series ? colors.get(series(d, ctx))! : claimantColor(d, ctx));
  };
  const draw = (data: Row[], ctx: ChartContext) => {
    // In a group, the label once, over its first bar; each bar says its series beside its number.
    const labels = new Map(data.map((d, i) => [d, o.series && i > 0 && label(data[i - 1]!, ctx) === label(d, ctx) ? "" : label(d, ctx)]));
    if (o.stack) {
      twiceInOneBar(data, (d) => labels.get(d)!, (d) => series(d, ctx), (d) => label(d, ctx));
      if (o.color) oneColourASeries(data, (d) => series(d, ctx), (d) => read(o.color!, d, ctx, text));
    }
    const color = colorOf(data, ctx);
    const words = (d: Row) => valueWords(value(d, ctx), d, o.unit, o.digits);
    return labelledBars(data, {
      label: (d) => labels.get(d) ?? label(d, ctx),
      value: (d) => value(d, ctx),
      valueText: (d) => `${o.series ? `${series(d, ctx)}: ` : ""}${words(d)}`,
      color,
      shape: (d) => o.shape?.(d, ctx) ?? (isBound(d) ? "outline" : "solid"),
      width: ctx.width, fontSize: ctx.artboard.body.size,
      stacked: o.stack === true,
    });
  };
  // Stacked parts are told apart by colour alone: the key says which is which, in the bars' own colours.
  const seriesKey = (data: Row[], ctx: ChartContext): LegendItem[] => {
    const color = colorOf(data, ctx);
    const first = new Map<string, Row>();
    for (const d of data) if (!first.has(series(d, ctx))) first.set(series(d, ctx), d);
    return [...first].map(([name, d]) => ({ label: name, color: color(d) }));
  };
  return {
    table: o.table, kind: o.kind ?? "Bar chart", headline: o.headline, subtitle: o.subtitle, alt: o.alt, scales: o.scales,
    plot: (data, ctx) => {
      const b = draw(data, ctx);
      return { ...b.options, marks: b.marks };
    },
    legend: o.legend !== undefined ? (data, ctx) => (typeof o.legend === "function" ? o.legend(data, ctx) : o.legend!) : o.stack ? seriesKey : undefined,
    // A bound is drawn in outline only while the bars keep the default shapes.
    notes: (data) => notesWith(data, o.notes, [], o.shape === undefined),
    describeRow: (row, ctx) => `${label(row, ctx)}${o.series ? `, ${series(row, ctx)}` : ""}: ${valueWords(value(row, ctx), row, o.unit, o.digits)}`,
  };
}

/** Two parts of one series in one stacked bar would be drawn as one length nobody gave. */
function twiceInOneBar(data: Row[], groupLabel: (d: Row) => string, series: (d: Row) => string, label: (d: Row) => string) {
  let seen = new Set<string>();
  for (const d of data) {
    if (groupLabel(d) !== "") seen = new Set();
    const s = series(d);
    if (seen.has(s)) throw new ChartError(`the stacked bar "${label(d)}" has two parts for the series "${s}"`, "Give each bar one row per series, or draw the rows as grouped bars (leave out stack)");
    seen.add(s);
  }
}

/** Stacked parts are told apart by colour and key alone: two series in one colour could not be. */
function oneColourASeries(data: Row[], series: (d: Row) => string, color: (d: Row) => string) {
  const owner = new Map<string, string>();
  for (const d of data) {
    const c = color(d).toLowerCase();
    const s = series(d);
    if (owner.has(c) && owner.get(c) !== s) throw new ChartError(`the stacked series "${owner.get(c)}" and "${s}" have one colour, ${c}`, "Give each series its own colour, or leave out color to use the house palette");
    owner.set(c, s);
  }
}

export interface ClaimsOptions extends Omit<BarsOptions, "label"> {
  /** The text above each bar: by default the claimant's short name and the `measure` claimed ("Rybar: hit"). */
  label?: Column<string>;
}

/**
 * Competing claims: one bar per claimant's number, each in the claimant's
 * colour, labelled with who claims it and what; a claim in words only
 * ("several") printed as said. The table is a row per figure, with
 * `claimant`, `measure`, `value`, `qualifier` and `stated_as` columns, as
 * figureTable makes it.
 */
export function claimsChart(o: ClaimsOptions): ChartSpec {
  checkOptions("claimsChart", o, BAR_CHART_OPTIONS);
  const spec = barChart({
    ...o,
    label: o.label ?? ((row, ctx) => `${capitalize(ctx.short(text(row.claimant)))}: ${text(row.measure)}`),
  });
  // The alt text already says each figure's claimant, measure and number; the default labels would say it twice.
  return o.label ? spec : { ...spec, describeRow: undefined };
}
