// A timeline of dated events, from a table of ledger events: each date as
// precise as the ledger knows it, each label wrapped, events dated outside
// the article drawn as open dots, with a key saying so.

import { isCalendarDate } from "../../ledger/index.ts";
import { howDated } from "../alt-text.ts";
import { formatDate } from "../format.ts";
import { ChartError } from "../render.ts";
import { timeline, type TimelineItem } from "../marks/timeline.ts";
import type { ChartContext, ChartSpec } from "../spec.ts";
import type { Row } from "../../tables/index.ts";
import { claimantColor, type Column, type KindBase, notesWith, optional, read, text, BASE_OPTIONS, checkOptions, type OptionNames } from "./rows.ts";

export interface TimelineChartOptions extends KindBase {
  /** The event's ISO date: a column, by default `date`; a `precision` column of "month" prints the month alone. */
  date?: Column<string>;
  /** What happened: a column, by default `event`. */
  label?: Column<string>;
  /** Dated by a source outside the article (an open dot): by default a `basis` column of "external". */
  external?: (row: Row, context: ChartContext) => boolean;
  /** By default the colour of the first row's claimant, or the house's. */
  color?: string;
}

export function timelineChart(o: TimelineChartOptions): ChartSpec {
  checkOptions("timelineChart", o, TIMELINE_CHART_OPTIONS);
  const external = (row: Row, ctx: ChartContext) => o.external?.(row, ctx) ?? optional(row, "basis") === "external";
  const dateOf = (row: Row, ctx: ChartContext) => {
    const date = read(o.date ?? "date", row, ctx, text);
    if (!isCalendarDate(date)) throw new ChartError(`an event's date is "${date.slice(0, 40)}", not a day of the calendar as YYYY-MM-DD`, "Give the date column ISO dates (the first of the month for an event known to its month)");
    return date;
  };
  const items = (data: Row[], ctx: ChartContext): TimelineItem[] => data.map((row) => ({
    date: formatDate(dateOf(row, ctx), optional(row, "precision") === "month" ? "month" : "day"),
    label: read(o.label ?? "event", row, ctx, text),
    external: external(row, ctx),
  }));
  const color = (data: Row[], ctx: ChartContext) => o.color ?? claimantColor(data.find((d) => !external(d, ctx)) ?? data[0], ctx);
  return {
    table: o.table, kind: o.kind ?? "Timeline", headline: o.headline, subtitle: o.subtitle, alt: o.alt,
    plot: (data, ctx) => timeline(items(data, ctx), { width: ctx.width, fontSize: ctx.artboard.body.size, color: color(data, ctx) }),
    legend: (data, ctx) => {
      const kinds = new Set(data.map((d) => external(d, ctx)));
      return [
        ...(kinds.has(false) ? [{ label: "Date stated or implied by the article", color: color(data, ctx), symbol: "circle" as const }] : []),
        ...(kinds.has(true) ? [{ label: "Date from another source", color: color(data, ctx), shape: "outline" as const, symbol: "circle" as const }] : []),
      ];
    },
    notes: (data) => notesWith(data, o.notes),
    describeRow: (row, ctx) => {
      // How the date is known, from the ledger's event when the row is one: who dated it, or whether the article states or implies it.
      const id = optional(row, "event_id");
      const event = typeof id === "string" ? ctx.ledger.events.find((e) => e.id === id) : undefined;
      const how = event ? ` (${howDated(event)})` : external(row, ctx) ? " (dated by another source)" : "";
      return `${formatDate(dateOf(row, ctx), optional(row, "precision") === "month" ? "month" : "day")}: ${read(o.label ?? "event", row, ctx, text)}${how}`;
    },
  };
}
const TIMELINE_CHART_OPTIONS: OptionNames<TimelineChartOptions> = { ...BASE_OPTIONS, date: true, label: true, external: true, color: true };

