// Numbers over time as lines or columns, with the ledger's dated events
// marked on the time axis: a rule at each event's date and its label, so a
// reader sees what happened when. A number given only roughly is drawn as an
// open dot; a claim with no number is said in a note, not dropped.

import * as Plot from "@observablehq/plot";
import { formatDate, formatNumber } from "../format.ts";
import type { LegendItem } from "../legends.ts";
import { PALETTE } from "../palette.ts";
import type { ChartContext, ChartSpec } from "../spec.ts";
import { isCalendarDate } from "../../ledger/index.ts";
import { ChartError } from "../render.ts";
import { FALLBACK_ALLOWANCE, textWidth, wrap } from "../text-metrics.ts";
import { INK } from "../theme.ts";
import type { Row } from "../../tables/index.ts";
import { type Column, type KindBase, notesWith, number, optional, qualifierOf, read, seriesColors, text, valueWords, BASE_OPTIONS, checkOptions, type OptionNames } from "./rows.ts";

export interface TimeSeriesOptions extends KindBase {
  /** The ISO date each number is for: a column, by default `date` (or `as_of`, as figureTable gives it). */
  date?: Column<string>;
  /** The number: a column, by default `value`. */
  value?: Column<number | null>;
  /** Lines (the default), or columns for counts in periods. */
  mark?: "line" | "columns";
  /** One line (or colour of column) per series: a column, such as `claimant`. */
  series?: Column<string>;
  /** What the numbers count, for the axis and the alt text: "deaths". */
  unit?: string;
  /** Events of the ledger to mark on the time axis, by id. */
  events?: string[];
}

interface Point {
  row: Row;
  date: Date;
  iso: string;
  value: number;
  series: string;
  rough: boolean;
}

const day = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
const TIME_SERIES_OPTIONS: OptionNames<TimeSeriesOptions> = { ...BASE_OPTIONS, date: true, value: true, mark: true, series: true, unit: true, events: true };

/** Ticks on whole days, weeks, months or years, written the house's way: "6 Feb", "Feb 2023", "2023". */
// Tick steps from finest to coarsest, with their shortest length in days (February's month: ticks are closest there).
// Plot reads "2 weeks", "3 months", "5 years".
const STEPS: [string, number][] = [
  ["day", 1], ["2 days", 2], ["week", 7], ["2 weeks", 14], ["month", 28], ["3 months", 89], ["6 months", 181],
  ["year", 365.25], ["2 years", 730.5], ["5 years", 1826], ["10 years", 3652], ["20 years", 7305], ["50 years", 18262], ["100 years", 36525], ["200 years", 73050], ["500 years", 182621], ["1000 years", 365242],
];

/** The finest ticks whose labels fit side by side in the width: a day, a week, a month, a year, or a few of them. */
function timeTicks([from, to]: Date[], width: number, size: number): { ticks: string; tickFormat: (d: Date) => string } {
  const days = (+to! - +from!) / 864e5;
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const style = { size, weight: "regular" as const };
  const dayFormat = (d: Date) => formatDate(iso(d), "day", true).replace(/ \d{4}$/, "");
  const monthFormat = (d: Date) => formatDate(iso(d), "month", true);
  const yearFormat = (d: Date) => String(d.getUTCFullYear());
  // A range past a few months names months; past a few years, years: a label says no more than the step can.
  const formatFor = (step: number) => (step < 28 && days <= 120 ? dayFormat : step < 365 && days <= 1100 ? monthFormat : yearFormat);
  // The widest label each format can print, so that the choice does not depend on which dates fall in range.
  const widest = (format: (d: Date) => string) =>
    Math.max(...[new Date(Date.UTC(2000, 8, 30)), new Date(Date.UTC(2000, 11, 31)), new Date(Date.UTC(2000, 4, 31))].map((d) => textWidth(format(d), style))) * FALLBACK_ALLOWANCE;
  for (const [ticks, step] of STEPS) {
    const format = formatFor(step);
    if (step < 28 && format !== dayFormat) continue;
    if (step < 365 && format === yearFormat) continue;
    // Labels centre on their ticks: n of them need n − 1 gaps, each a label wide and a little more.
    const count = Math.floor(days / step) + 1;
    if ((count - 1) * (widest(format) + size / 2) <= width) return { ticks, tickFormat: format };
  }
  return { ticks: "1000 years", tickFormat: yearFormat };
}

const ms = (interval: "day" | "week" | "month") => (interval === "month" ? 31 : interval === "week" ? 7 : 1) * 864e5;

export function timeSeries(o: TimeSeriesOptions): ChartSpec {
  checkOptions("timeSeries", o, TIME_SERIES_OPTIONS);
  if (o.mark !== undefined && o.mark !== "line" && o.mark !== "columns") throw new ChartError(`timeSeries: mark is ${JSON.stringify(o.mark)}, not "line" or "columns"`, "Write mark: \"columns\" for counts in periods, or leave it out for lines");
  if (o.events !== undefined && !(Array.isArray(o.events) && o.events.every((e) => typeof e === "string"))) throw new ChartError("timeSeries: events must be a list of the ledger's event ids, [\"…\"]", "Write events: [\"<event id>\", …]");
  if (o.events !== undefined && new Set(o.events).size !== o.events.length) throw new ChartError("timeSeries: events names one event twice", "Name each event once");
  const dateOf = (row: Row, ctx: ChartContext) => {
    const date = o.date ? read(o.date, row, ctx, text) : text(optional(row, "date") ?? optional(row, "as_of"));
    if (!/^\d{4}-\d{2}-\d{2}/.test(date) || !isCalendarDate(date.slice(0, 10))) {
      throw new ChartError(`a row's date is "${date.slice(0, 40)}", not a day of the calendar as YYYY-MM-DD`, "Give every row a date column of ISO dates (for a figure, its asOf), or name the column with date:");
    }
    return date;
  };
  const value = (row: Row, ctx: ChartContext) => read(o.value ?? "value", row, ctx, number);
  const seriesOf = (row: Row, ctx: ChartContext) => (o.series ? read(o.series, row, ctx, text) : "");
  const points = (data: Row[], ctx: ChartContext): Point[] => {
    const all = data.filter((d) => value(d, ctx) !== null).map((row) => ({
      row, iso: dateOf(row, ctx), date: day(dateOf(row, ctx)), value: value(row, ctx)!, series: seriesOf(row, ctx),
      rough: qualifierOf(row) !== "exact",
    }));
    // Two numbers for one day of one series would be drawn as one line through both, or one column of their sum: a number nobody claimed.
    const seen = new Set<string>();
    for (const p of all) {
      const key = `${p.series}\u0000${p.iso.slice(0, 10)}`;
      if (seen.has(key)) throw new ChartError(`two rows give a number for ${p.iso.slice(0, 10)}${p.series ? ` in the series "${p.series}"` : ""}`, "Give each day one row, or tell the rows apart with series");
      seen.add(key);
    }
    if (o.mark === "columns" && new Set(all.map((p) => p.series)).size > 1) {
      throw new ChartError("a column chart over time draws one series: columns of several would stack into sums nobody claimed", "Draw the series as lines (the default), or one column chart each");
    }
    return all;
  };
  const colors = (data: Row[], ctx: ChartContext) => seriesColors(data, (d) => seriesOf(d, ctx), ctx);
  const label = (row: Row, ctx: ChartContext) => `${o.series ? `${seriesOf(row, ctx)}, ` : ""}${formatDate(dateOf(row, ctx), "day")}`;
  return {
    table: o.table, kind: o.kind ?? (o.mark === "columns" ? "Column chart" : "Line chart"), headline: o.headline, subtitle: o.subtitle,
    alt: o.alt,
    plot: (data, ctx) => draw(points(data, ctx), colors(data, ctx), ctx, o),
    legend: (data, ctx): LegendItem[] => (o.series ? [...colors(data, ctx)].map(([name, color]) => ({ label: name, color })) : []),
    notes: (data, ctx) => {
      const unsaid = data.filter((d) => value(d, ctx) === null).map((d) => `${label(d, ctx)}: ${valueWords(null, d)}.`);
      const rough = !points(data, ctx).some((p) => p.rough) ? []
        : [o.mark === "columns" ? "A lighter column marks a number given only roughly." : "An open dot marks a number given only roughly."];
      return notesWith(data, o.notes, [...rough, ...unsaid]);
    },
    describeRow: (row, ctx) => `${label(row, ctx)}: ${valueWords(value(row, ctx), row, o.unit)}`,
  };
}

function draw(points: Point[], colors: Map<string, string>, ctx: ChartContext, o: TimeSeriesOptions): Plot.PlotOptions {
  const size = ctx.artboard.body.size;
  const events = (o.events ?? []).map((id) => eventOf(id, ctx)).map((e) => ({ date: day(e.date), label: e.label }));
  const dates = [...points.map((p) => p.date), ...events.map((e) => e.date)];
  // Event labels hang from the top, one below another, each from its rule into the room beside it.
  const marginRight = size * 3;
  const plotWidth = ctx.width - marginRight;
  const [first, last] = [Math.min(...dates.map(Number)), Math.max(...dates.map(Number))];
  const lineHeight = (size - 1) * 1.2;
  let below = 0;
  const labels = events.map((e) => {
    const x = last === first ? 0 : ((+e.date - first) / (last - first)) * plotWidth;
    const leftward = x > plotWidth * 0.6;
    const room = Math.max(90, leftward ? x - 10 : ctx.width - x - 10);
    const text = wrap(e.label, room / FALLBACK_ALLOWANCE, { size: size - 1, weight: "regular" }).join("\n");
    const at = below;
    below += text.split("\n").length * lineHeight + 4;
    return { ...e, text, at, leftward };
  });
  const top = Math.ceil(below);
  const color = (p: { series: string }) => colors.get(p.series) ?? PALETTE[0];
  const columns = o.mark === "columns";
  // Columns span their period: a day, a week or a month, read from the closest two dates.
  const times = [...new Set(points.map((p) => +p.date))].sort((a, b) => a - b);
  const gapDays = Math.min(Infinity, ...times.slice(1).map((t, i) => t - times[i]!)) / 864e5;
  const interval = gapDays >= 28 ? "month" : gapDays >= 7 ? "week" : "day";
  const domain = [new Date(Math.min(...dates.map(Number))), new Date(Math.max(...dates.map(Number)) + (columns ? ms(interval) : 0))];
  return {
    height: Math.round(ctx.width * (ctx.artboard.name === "desktop" ? 0.5 : 0.8)) + top,
    marginTop: top + size, marginLeft: 0, marginRight,
    x: { type: "utc", label: null, domain, ...timeTicks(domain, plotWidth, size) },
    y: { grid: true, label: o.unit ?? null, nice: true, tickFormat: formatNumber, zero: true, axis: "right" },
    marks: [
      ...events.map((e) => Plot.ruleX([e.date], { stroke: INK.muted, strokeDasharray: "3,3" })),
      ...labels.map((l) => Plot.text([l], {
        x: "date", frameAnchor: "top", text: "text", textAnchor: l.leftward ? "end" : "start", lineAnchor: "top", dx: l.leftward ? -4 : 4, dy: l.at - top - size + 2,
        fill: INK.muted, fontSize: size - 1, lineHeight: 1.2,
      })),
      ...(columns
        ? [Plot.rectY(points, { x: "date", y: "value", interval, fill: color, fillOpacity: (p: Point) => (p.rough ? 0.55 : 1), insetLeft: 1, insetRight: 1 })]
        : [
          Plot.lineY(points, { x: "date", y: "value", z: "series", stroke: color, strokeWidth: 2.5 }),
          Plot.dot(points, { x: "date", y: "value", r: 3.5, stroke: color, strokeWidth: 1.5, fill: (p: Point) => (p.rough ? "white" : color(p)) }),
        ]),
      Plot.ruleY([0], { stroke: INK.rule }),
    ],
  };
}

/** A ledger event by id; a mistyped id is named with the ids there are. */
function eventOf(id: string, ctx: ChartContext) {
  const e = ctx.ledger.events.find((x) => x.id === id);
  if (e) return e;
  const ids = ctx.ledger.events.map((x) => x.id);
  throw new ChartError(
    `timeSeries: events names "${String(id).slice(0, 60)}", which is not an event of the ledger`,
    ids.length > 0 ? `Use the id of one of its events: ${ids.join(", ")}` : "The ledger has no events: add the event to the notebook's events, with its date and quote",
  );
}
