// Numbers at places: a circle at each place of a table (`lat`, `lon`), its
// area in proportion to the number, labelled with the place and its number,
// and a key of two circles below the map. A place with no number gets a dot
// and its words ("dozens").

import * as Plot from "@observablehq/plot";
import * as d3 from "d3";
import { formatNumber } from "../format.ts";
import { ChartError } from "../render.ts";
import { locatorMap } from "../marks/locator-map.ts";
import type { ChartContext, ChartSpec } from "../spec.ts";
import { FALLBACK_ALLOWANCE, textWidth } from "../text-metrics.ts";
import { INK } from "../theme.ts";
import type { Row } from "../../tables/index.ts";
import { claimantColor, type Column, type KindBase, notesWith, number, read, text, valueWords, BASE_OPTIONS, checkOptions, type OptionNames } from "./rows.ts";

export interface PointMapOptions extends KindBase {
  /** The place's name: a column, by default `place`. */
  label?: Column<string>;
  /** The number each circle stands for: a column, by default `value`. */
  value?: Column<number | null>;
  /** What the numbers count: "deaths". */
  unit?: string;
  /** By default the colour of the row's claimant. */
  color?: Column<string>;
  /** Countries shaded a little darker, by Natural Earth name. */
  highlight?: string[];
}

export function pointMap(o: PointMapOptions): ChartSpec {
  checkOptions("pointMap", o, POINT_MAP_OPTIONS);
  const label = (row: Row, ctx: ChartContext) => read(o.label ?? "place", row, ctx, text);
  const value = (row: Row, ctx: ChartContext) => {
    const v = read(o.value ?? "value", row, ctx, number);
    // A circle's area is a count: a negative number has none, and would be drawn as the smallest dot.
    if (v !== null && v < 0) throw new ChartError(`the place "${label(row, ctx)}" has the number ${v}: a circle's area cannot be negative`, "Draw signed numbers with a chart of Plot's own, or give the size and say the direction in the label");
    return v;
  };
  return {
    table: o.table, kind: o.kind ?? "Map", headline: o.headline, subtitle: o.subtitle, alt: o.alt,
    sources: ["map: Natural Earth (public domain), via the world-atlas npm package"],
    plot: (data, ctx) => {
      const desktop = ctx.artboard.name === "desktop";
      const largest = desktop ? 30 : 20;
      // The largest number, however small ("0.4 tonnes"); all zero, the circles have no size to key.
      const largestValue = Math.max(0, ...data.map((d) => value(d, ctx) ?? 0));
      const max = largestValue > 0 ? largestValue : 1;
      // Area, not radius, in proportion to the number.
      const radius = d3.scaleSqrt().domain([0, max]).range([0, largest]);
      // Two round numbers a reader can tell apart: the largest that fits under the biggest circle, and about a quarter of it.
      const big = d3.ticks(0, max, 4).filter((t) => t > 0 && t <= max).at(-1) ?? max;
      const small = d3.ticks(0, big / 4, 2).filter((t) => t > 0).at(-1);
      const keyValues = largestValue === 0 ? [] : small !== undefined && small < big ? [big, small] : [big];
      const size = ctx.artboard.body.size;
      const keyText = (v: number) => `${formatNumber(v)}${o.unit ? ` ${o.unit}` : ""}`;
      // Side by side when both fit the width, else one under the other: a long unit must not push the key off the chart.
      const widths = keyValues.map((v) => radius(v) * 2 + 4 + textWidth(keyText(v), { size, weight: "regular" }) * FALLBACK_ALLOWANCE);
      const sideBySide = widths.reduce((a, b) => a + b + 16, -16) <= ctx.width;
      let x = 0;
      let y = 0;
      const key = keyValues.map((v, i) => {
        // Side by side, the circles stand on one baseline, the biggest's foot.
        const at = { v, r: radius(v), x: x + radius(v), bottom: sideBySide ? 2 * radius(keyValues[0]!) : y + 2 * radius(v) };
        if (sideBySide) x += widths[i]! + 16;
        else y += 2 * radius(v) + 6;
        return at;
      });
      const keyHeight = key.length === 0 ? 0 : Math.ceil(Math.max(...key.map((k) => k.bottom))) + 12;
      const color = (d: Row) => (o.color ? read(o.color, d, ctx, text) : claimantColor(d, ctx));
      return locatorMap(data, {
        width: ctx.width, fontSize: size,
        height: Math.round(ctx.width * (desktop ? 0.63 : 0.92)) + keyHeight, marginBottom: keyHeight,
        label: (d) => `${label(d, ctx)}, ${valueWords(value(d, ctx), d)}`,
        origin: () => false, highlight: o.highlight ?? [], color: INK.muted,
        radius: (d) => (value(d, ctx) === null ? 3 : Math.max(2, radius(value(d, ctx)!))),
        fill: (d) => (value(d, ctx) === null ? INK.muted : color(d)),
        // The key: circles of round numbers side by side on one baseline below the map, each with its number.
        marks: key.flatMap((k) => [
          Plot.dot([k], { frameAnchor: "bottom-left", r: k.r, dx: k.x, dy: 6 + k.bottom - k.r, fill: "none", stroke: INK.muted }),
          Plot.text([k], {
            frameAnchor: "bottom-left", dx: k.x + k.r + 4, dy: 6 + k.bottom - k.r, textAnchor: "start", fill: INK.muted,
            text: () => keyText(k.v),
          }),
        ]),
      });
    },
    notes: (data) => notesWith(data, o.notes, ["A circle’s area is in proportion to its number."]),
    describeRow: (row, ctx) => `${label(row, ctx)}: ${valueWords(value(row, ctx), row, o.unit)}`,
  };
}
const POINT_MAP_OPTIONS: OptionNames<PointMapOptions> = { ...BASE_OPTIONS, label: true, value: true, unit: true, color: true, highlight: true };

