// Bars and competing claims: one labelled bar per row, as a spec a notebook
// writes in a few lines. A claim with no number is printed in its own words
// where its bar would be; a bound ("just over 300") is drawn in outline; the
// alt text says each label with its number.

import { labelledBars, type BarShape } from "../marks/labelled-bars.ts";
import type { LegendItem } from "../legends.ts";
import type { ChartContext, ChartSpec } from "../spec.ts";
import type { Row } from "../../tables/index.ts";
import { capitalize } from "../format.ts";
import { claimantColor, type Column, isBound, type KindBase, notesWith, number, read, seriesColors, text, valueWords } from "./rows.ts";

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
}

/** Labelled horizontal bars, one a row, in the table's order. */
export function barChart(o: BarsOptions): ChartSpec {
  const value = (row: Row, ctx: ChartContext) => read(o.value ?? "value", row, ctx, number);
  const label = (row: Row, ctx: ChartContext) => read(o.label, row, ctx, text);
  const series = (row: Row, ctx: ChartContext) => (o.series ? read(o.series, row, ctx, text) : "");
  const draw = (data: Row[], ctx: ChartContext) => {
    // In a group, the label once, over its first bar; each bar says its series beside its number.
    const labels = new Map(data.map((d, i) => [d, o.series && i > 0 && label(data[i - 1]!, ctx) === label(d, ctx) ? "" : label(d, ctx)]));
    const colors = seriesColors(data.map((d) => series(d, ctx)), ctx);
    return labelledBars(data, {
      label: (d) => labels.get(d) ?? label(d, ctx),
      value: (d) => value(d, ctx),
      valueText: (d) => `${o.series ? `${series(d, ctx)}: ` : ""}${valueWords(value(d, ctx), d, o.unit, o.digits)}`,
      color: (d) => (o.color ? read(o.color, d, ctx, text) : o.series ? colors.get(series(d, ctx))! : claimantColor(d, ctx)),
      shape: (d) => o.shape?.(d, ctx) ?? (isBound(d) ? "outline" : "solid"),
      width: ctx.width, fontSize: ctx.artboard.body.size,
    });
  };
  return {
    table: o.table, kind: o.kind ?? "Bar chart", headline: o.headline, subtitle: o.subtitle, alt: o.alt, scales: o.scales,
    plot: (data, ctx) => {
      const b = draw(data, ctx);
      return { ...b.options, marks: b.marks };
    },
    legend: o.legend === undefined ? undefined : (data, ctx) => (typeof o.legend === "function" ? o.legend(data, ctx) : o.legend!),
    // A bound is drawn in outline only while the bars keep the default shapes.
    notes: (data) => notesWith(data, o.notes, [], o.shape === undefined),
    describeRow: (row, ctx) => `${label(row, ctx)}${o.series ? `, ${series(row, ctx)}` : ""}: ${valueWords(value(row, ctx), row, o.unit, o.digits)}`,
  };
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
  const spec = barChart({
    ...o,
    label: o.label ?? ((row, ctx) => `${capitalize(ctx.short(text(row.claimant)))}: ${text(row.measure)}`),
  });
  // The alt text already says each figure's claimant, measure and number; the default labels would say it twice.
  return o.label ? spec : { ...spec, describeRow: undefined };
}
