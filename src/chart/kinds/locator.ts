// A locator map from a table of places (`lat`, `lon`): the countries around
// them, a dot and a label for each, lines from the origin to the others.
// Places come from the gazetteer, so the coordinates' source is the ledger's.

import { locatorMap } from "../marks/locator-map.ts";
import type { ChartContext, ChartSpec } from "../spec.ts";
import { COMPUTED_COLOR } from "../theme.ts";
import type { Row } from "../../tables/index.ts";
import { type Column, type KindBase, notesWith, optional, read, text, BASE_OPTIONS, checkOptions, type OptionNames } from "./rows.ts";

export interface LocatorOptions extends KindBase {
  /** The place's label: a column, by default `place`. */
  label?: Column<string>;
  /** The place lines are drawn from to each of the others (distances); without it, no lines. */
  origin?: (row: Row, context: ChartContext) => boolean;
  /** Countries shaded a little darker, by Natural Earth name: "Ukraine". */
  highlight?: string[];
  /** Names written across the map where the chart says: countries, seas. */
  areas?: { name: string; lon: number; lat: number }[];
}

export function locator(o: LocatorOptions): ChartSpec {
  checkOptions("locator", o, LOCATOR_OPTIONS);
  const label = (row: Row, ctx: ChartContext) => read(o.label ?? "place", row, ctx, text);
  return {
    table: o.table, kind: o.kind ?? "Map", headline: o.headline, subtitle: o.subtitle, alt: o.alt,
    sources: ["map: Natural Earth (public domain), via the world-atlas npm package"],
    plot: (data, ctx) => locatorMap(data, {
      width: ctx.width, fontSize: ctx.artboard.body.size,
      // A map a little wider than tall on a desktop, and taller than wide on a phone.
      height: Math.round(ctx.width * (ctx.artboard.name === "desktop" ? 0.63 : 0.92)),
      label: (d) => label(d, ctx),
      origin: (d) => o.origin?.(d, ctx) ?? false,
      highlight: o.highlight ?? [], areas: o.areas, color: COMPUTED_COLOR,
    }),
    notes: (data) => notesWith(data, o.notes),
    describeRow: (row, ctx) => {
      const role = optional(row, "role");
      return typeof role === "string" && role !== "" ? `${label(row, ctx)}: ${role}` : label(row, ctx);
    },
  };
}
const LOCATOR_OPTIONS: OptionNames<LocatorOptions> = { ...BASE_OPTIONS, label: true, origin: true, highlight: true, areas: true };

