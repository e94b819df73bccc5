// House legends drawn as SVG from Plot's scale descriptors: swatches, symbols,
// colour and opacity ramps (a gradient, never a canvas) and threshold blocks,
// laid out to fit a width with the shipped font's metrics.

import type { Scale } from "@observablehq/plot";
import * as d3 from "d3";
import { SVG_NS } from "./allowlist.ts";
import { ChartError } from "./render.ts";
import { FALLBACK_ALLOWANCE, textWidth, wrap, type TextStyle } from "./text-metrics.ts";
import type { Artboard } from "./theme.ts";

export interface LegendItem {
  label: string;
  color: string;
  /** How the swatch is drawn: a solid block, an outline (for what is implied), or a faint block. */
  shape?: "solid" | "outline" | "faint";
  /** A dot instead of a square, for marks drawn as dots. */
  symbol?: "square" | "circle";
}

export interface LegendRequest {
  scale: "color" | "symbol" | "opacity";
  /**
   * What `svg.scale(name)` returns, with the scale's label, ticks and
   * tickFormat options merged in: Plot leaves those out of its descriptors.
   * A `reverse` is already in the descriptor (Plot reverses its domain or
   * interpolator) and is not applied a second time.
   */
  descriptor: Scale;
  /** The symbol scale, when it shares the colour scale's domain: the swatches become coloured symbols. */
  symbol?: Scale;
}

export interface LegendOptions {
  document: Document;
  artboard: Artboard;
  /** Nothing is drawn wider than this. */
  width: number;
  /** Gradient ids are `<idPrefix>-<n>`, n counting from 1 in request order. */
  idPrefix?: string;
}

type Attrs = Record<string, string | number>;
type Make = (name: string, attrs?: Attrs, text?: string) => Element;
type Value = string | number | Date | boolean | null | undefined;
type Format = (value: Value, index: number) => string;

/** The ramp's length when the width allows: Plot's 240 is short beside a 600 px chart. */
const RAMP_WIDTH = 300;
const RAMP_HEIGHT = 10;
const TICK = 4;
/** Gradient stops: the interpolators we meet bend gently enough that 33 straight pieces are within a shade of them. */
const STOPS = 32;
/** Between one legend and the next. */
const SPACING = 10;

export function drawLegends(requests: LegendRequest[], options: LegendOptions): { g: SVGGElement; height: number } | null {
  const el = maker(options.document);
  // The class names the group for a page's own style and for audits; the chart's style gives it no rule.
  const g = el("g", { class: "sc-legend", "font-size": options.artboard.body.size, "aria-hidden": "true" }) as SVGGElement;
  let y = 0;
  requests.forEach((request, index) => {
    const drawn = drawOne(request, el, options, `${options.idPrefix ?? "legend-ramp"}-${index + 1}`);
    if (!drawn) return;
    if (y > 0) {
      y += SPACING;
      drawn.g.setAttribute("transform", `translate(0,${round(y)})`);
    }
    g.append(drawn.g);
    y += drawn.height;
  });
  return y > 0 ? { g, height: Math.ceil(y) } : null;
}

function drawOne(request: LegendRequest, el: Make, options: LegendOptions, id: string): { g: Element; height: number } | null {
  const d = request.descriptor;
  if (d.type === "identity" || d.domain === undefined) return null; // Plot draws no legend for an identity scale either
  const style = options.artboard.body;
  const g = el("g");
  let y = 0;
  if (typeof d.label === "string" && d.label.trim() !== "") {
    const title: TextStyle = { size: style.size, weight: "semibold" };
    const lines = wrap(d.label, options.width / FALLBACK_ALLOWANCE, title);
    const block = el("g", { "font-weight": 600 });
    lines.forEach((line, i) => block.append(el("text", { x: 0, y: round(style.size * (0.92 + style.lineHeight * i)) }, line)));
    g.append(block);
    y += style.size * style.lineHeight * lines.length + 2;
  }
  const body = el("g", y > 0 ? { transform: `translate(0,${round(y)})` } : {});
  g.append(body);
  const kind = kindOf(request);
  if (kind === "swatches" && request.scale === "color" && !request.symbol) {
    y += swatchRows(body, el, swatchItems(d, options), options);
  } else if (kind === "swatches") {
    y += symbolRows(body, el, request, options);
  } else if (kind === "threshold") {
    y += thresholdBlocks(body, el, d, options);
  } else {
    y += ramp(body, el, d, options, id, request.scale === "opacity");
  }
  return { g, height: y };
}

function kindOf(request: LegendRequest): "swatches" | "threshold" | "ramp" {
  const d = request.descriptor;
  if (request.scale === "opacity") {
    if (typeof d.interpolate !== "function") {
      throw new ChartError(`a legend for an ${String(d.type)} opacity scale cannot be drawn`, "Give the opacity scale a continuous type (linear, log, sqrt…), or drop its legend");
    }
    return "ramp";
  }
  if (request.scale === "symbol") return "swatches";
  if (d.type === "threshold" || d.type === "quantile" || d.type === "quantize") return "threshold";
  return typeof d.interpolate === "function" ? "ramp" : "swatches";
}

// ---------------------------------------------------------------- swatches

/**
 * The house swatch legend: a block (or dot) and a label per item, in rows
 * that wrap at the width. Drawn from (x, y), which default to the artboard's
 * padding and 0; `bottom` is y plus the rows' height.
 */
export function swatchLegend(
  items: LegendItem[],
  options: { document: Document; artboard: Artboard; x?: number; y?: number; width?: number },
): { g: SVGGElement; height: number; bottom: number } {
  const { artboard } = options;
  const el = maker(options.document);
  const left = options.x ?? artboard.padding;
  const top = options.y ?? 0;
  const g = el("g", { "font-size": artboard.body.size, "aria-hidden": "true" }) as SVGGElement;
  const bottom = flow(g, el, items.map((item) => ({ label: item.label, marker: swatchMarker(el, item) })), artboard, left, top, left + (options.width ?? artboard.width - 2 * artboard.padding));
  return { g, height: bottom - top, bottom };
}

interface Entry {
  label: string;
  /** Draws the marker in a square of `size` whose corner is (x, top). */
  marker: (x: number, top: number, size: number) => Element;
}

function swatchMarker(el: Make, item: LegendItem): Entry["marker"] {
  const shape = item.shape ?? "solid";
  const paint = {
    fill: shape === "outline" ? "none" : item.color,
    ...(shape === "faint" ? { "fill-opacity": 0.35 } : {}),
    ...(shape === "outline" ? { stroke: item.color, "stroke-width": 1.5, ...(item.symbol === "circle" ? {} : { "stroke-dasharray": "3,2" }) } : {}),
  };
  return (x, top, swatch) => item.symbol === "circle"
    ? el("circle", { cx: round(x + swatch / 2), cy: round(top + swatch / 2), r: round(swatch / 2 - 0.75), ...paint })
    : el("rect", { x, y: round(top), width: round(swatch), height: round(swatch), ...paint });
}

/**
 * Markers and labels left to right from (left, top), the rows wrapping before
 * `right` and a label too long for a row wrapping beside its marker; returns
 * the bottom.
 */
function flow(g: Element, el: Make, entries: Entry[], artboard: Artboard, left: number, top: number, right: number): number {
  const style = artboard.body;
  const swatch = style.size * 0.85;
  const gap = 16;
  let x = left;
  let y = top;
  const room = right - left - swatch - 6;
  let rowLines = 1;
  for (const entry of entries) {
    const lines = wrap(entry.label, room / FALLBACK_ALLOWANCE, style);
    const width = swatch + 6 + Math.max(...lines.map((l) => textWidth(l, style))) * FALLBACK_ALLOWANCE;
    if (x > left && x + width > right) {
      x = left;
      y += style.size * style.lineHeight * rowLines + 4;
      rowLines = 1;
    }
    rowLines = Math.max(rowLines, lines.length);
    g.append(entry.marker(x, y + (style.size - swatch) / 2 + 1, swatch));
    lines.forEach((line, i) => g.append(el("text", { x: round(x + swatch + 6), y: round(y + style.size * (0.92 + style.lineHeight * i)) }, line)));
    x += width + gap;
  }
  return y + style.size * style.lineHeight * rowLines;
}

function swatchItems(d: Scale, options: LegendOptions): LegendItem[] {
  const format = valueFormat(d);
  return [...(d.domain as Iterable<Value>)].map((value, i) => ({
    label: format(value, i),
    color: String(d.apply(value)),
  }));
}

function swatchRows(g: Element, el: Make, items: LegendItem[], options: LegendOptions): number {
  return flow(g, el, items.map((item) => ({ label: item.label, marker: swatchMarker(el, item) })), options.artboard, 0, 0, options.width);
}

// ---------------------------------------------------------------- symbols

/**
 * Plot picks filled symbols for filled dots and outlined ones for stroked
 * dots; the set in the range says which it was, so the legend paints the
 * same way.
 */
function filled(symbols: readonly unknown[]): boolean {
  return symbols.some((s) => (d3.symbolsFill as readonly unknown[]).includes(s) && !(d3.symbolsStroke as readonly unknown[]).includes(s));
}

function symbolRows(g: Element, el: Make, request: LegendRequest, options: LegendOptions): number {
  const color = request.scale === "color" ? request.descriptor : null;
  const symbols = request.scale === "symbol" ? request.descriptor : request.symbol!;
  const domain = [...(request.descriptor.domain as Iterable<Value>)];
  const fill = filled((symbols.range as readonly unknown[] | undefined) ?? domain.map((v) => symbols.apply(v)));
  const format = valueFormat(request.descriptor);
  const entries: Entry[] = domain.map((value, i) => {
    const paint = color ? String(color.apply(value)) : "currentColor";
    const type = symbols.apply(value) as d3.SymbolType;
    return {
      label: format(value, i),
      marker: (x, top, size) => {
        const r = size / 2 - 0.75;
        return el("path", {
          transform: `translate(${round(x + size / 2)},${round(top + size / 2)})`,
          d: d3.symbol(type, Math.PI * r * r).digits(2)() ?? "",
          ...(fill ? { fill: paint } : { fill: "none", stroke: paint, "stroke-width": 1.5 }),
        });
      },
    };
  });
  return flow(g, el, entries, options.artboard, 0, 0, options.width);
}

// ---------------------------------------------------------------- ramps

interface Position {
  (value: Value): number;
  ticks(count?: number): Value[];
  tickFormat(count?: number, specifier?: string): (value: Value) => string;
}

type Tunable = { base(b: number): d3.ScaleDiverging<number>; exponent(e: number): d3.ScaleDiverging<number>; constant(c: number): d3.ScaleDiverging<number> };

/** A scale of the descriptor's own type from its domain to [0, length], the pivot of a diverging scale in the middle. */
function positionScale(d: Scale, length: number): Position {
  const domain = [...(d.domain as Iterable<number | Date>)];
  const type = String(d.type);
  if (type.startsWith("diverging")) {
    // d3's typings leave out the diverging scales' base, exponent and constant.
    const scale = type === "diverging-log" ? (d3.scaleDivergingLog() as unknown as Tunable).base(d.base ?? 10)
      : type === "diverging-pow" ? (d3.scaleDivergingPow() as unknown as Tunable).exponent(d.exponent ?? 1)
      : type === "diverging-sqrt" ? d3.scaleDivergingSqrt()
      : type === "diverging-symlog" ? (d3.scaleDivergingSymlog() as unknown as Tunable).constant(d.constant ?? 1)
      : d3.scaleDiverging();
    const pivot = (d.pivot as number | undefined) ?? 0;
    return scale.domain([domain[0] as number, pivot, domain.at(-1) as number]).range([0, length / 2, length]) as unknown as Position;
  }
  const scale = type === "log" ? d3.scaleLog().base(d.base ?? 10)
    : type === "pow" ? d3.scalePow().exponent(d.exponent ?? 1)
    : type === "sqrt" ? d3.scaleSqrt()
    : type === "symlog" ? d3.scaleSymlog().constant(d.constant ?? 1)
    : type === "utc" ? d3.scaleUtc()
    : type === "time" ? d3.scaleTime()
    : d3.scaleLinear();
  // A piecewise domain spreads its pieces evenly along the ramp, as its colours are.
  const range = d.range as unknown[] | undefined;
  const n = Math.min(domain.length, range === undefined ? Infinity : range.length);
  return (scale as d3.ScaleLinear<number, number>).domain(domain as number[]).range(d3.quantize(d3.interpolateNumber(0, length), Math.max(2, n))) as unknown as Position;
}

/** The colour (or opacity) at t in [0, 1] along the ramp, built as Plot builds it for its own legend. */
function interpolator(d: Scale): (t: number) => unknown {
  const interpolate = d.interpolate as unknown as ((t: number) => unknown) | ((a: unknown, b: unknown) => (t: number) => unknown);
  const range = d.range as unknown[] | undefined;
  if (range === undefined) return interpolate as (t: number) => unknown;
  const pair = interpolate.length === 1
    ? (a: unknown, b: unknown) => (t: number) => (interpolate as (t: number) => unknown)((a as number) + t * ((b as number) - (a as number)))
    : (interpolate as (a: unknown, b: unknown) => (t: number) => unknown);
  return d3.piecewise(pair, range);
}

function ramp(g: Element, el: Make, d: Scale, options: LegendOptions, id: string, opacity: boolean): number {
  const length = Math.min(options.width, RAMP_WIDTH);
  const color = interpolator(d);
  const gradient = el("linearGradient", { id, x1: 0, x2: 1, y1: 0, y2: 0 });
  for (let i = 0; i <= STOPS; i++) {
    const t = i / STOPS;
    gradient.append(el("stop", { offset: round6(t), ...(opacity ? { "stop-color": "currentColor", "stop-opacity": round4(clamp01(Number(color(t)))) } : paint(color(t), "stop-color")) }));
  }
  const defs = el("defs");
  defs.append(gradient);
  g.append(defs, el("rect", { x: 0, y: 0, width: length, height: RAMP_HEIGHT, fill: `url(#${id})` }));

  const x = positionScale(d, length);
  return axis(g, el, rampTicks(d, x, length, options), options);
}

interface Tick {
  at: number;
  label: string;
  /** The line of labels it is on, counting from 0. */
  row?: number;
}

/**
 * Ticks as Plot would choose them (about one per 64 px, d3's nice values and
 * format), fewer until their labels stand apart within the width.
 */
function rampTicks(d: Scale, x: Position, length: number, options: LegendOptions): Tick[] {
  const given = d.ticks;
  const format = d.tickFormat;
  const make = (count: number | undefined, values: Value[]): Tick[] => {
    const f: (v: Value, i: number) => string = format === null ? () => ""
      : typeof format === "function" ? (v, i) => stringOf(format(v, i))
      : x.tickFormat(count, typeof format === "string" ? format : undefined);
    return values.map((v, i) => ({ at: x(v), label: f(v, i) }));
  };
  // An interval ("month", d3.utcWeek) is left to d3's own choice of ticks.
  if (given !== undefined && typeof given === "object" && Symbol.iterator in given) {
    return spaced(make(undefined, [...(given as Iterable<Value>)]), options);
  }
  let count = typeof given === "number" ? given : length / 64;
  let ticks = make(count, x.ticks(count));
  while (!fits(ticks, options) && count > 1) {
    count = Math.max(1, Math.floor(count) - 1);
    ticks = make(count, x.ticks(count));
  }
  return spaced(ticks, options);
}

// ---------------------------------------------------------------- thresholds

/** Equal blocks, one per colour, the thresholds labelled on the edges between them. */
function thresholdBlocks(g: Element, el: Make, d: Scale, options: LegendOptions): number {
  const thresholds = [...(d.domain as Iterable<Value>)];
  const colors = (d.range as unknown[] | undefined) ?? [];
  const n = colors.length;
  const style = options.artboard.body;
  const format = valueFormat(d);
  const labels = thresholds.map((v, i) => format(v, i));
  // Wide enough that neighbouring labels stand apart, if the width allows.
  const widths = labels.map((l) => textWidth(l, style) * FALLBACK_ALLOWANCE);
  let block = Math.min(options.width, RAMP_WIDTH) / n;
  // (A pixel over the least, so that rounding cannot make neighbours touch.)
  for (let i = 1; i < widths.length; i++) block = Math.max(block, (widths[i - 1]! + widths[i]!) / 2 + labelGap(options) + 1);
  block = Math.min(block, options.width / n);
  colors.forEach((c, i) => g.append(el("rect", { x: round(i * block), y: 0, width: round(block), height: RAMP_HEIGHT, ...paint(c) })));
  const ticks = labels.slice(0, n - 1).map((label, i) => ({ at: (i + 1) * block, label }));
  if (fits(ticks, options)) return axis(g, el, ticks, options);
  // Every threshold matters to a reader: a second row of labels before any is dropped.
  const staggered = [
    ...spaced(ticks.filter((_, i) => i % 2 === 0), options),
    ...spaced(ticks.filter((_, i) => i % 2 === 1).map((t) => ({ ...t, row: 1 })), options),
  ].sort((a, b) => a.at - b.at);
  return axis(g, el, staggered, options);
}

// ---------------------------------------------------------------- axis

/** Tick marks under the bar and their labels, centred on them but kept inside the width. */
function axis(g: Element, el: Make, ticks: Tick[], options: LegendOptions): number {
  const style = options.artboard.body;
  const marks = el("g", { stroke: "currentColor" });
  const text = el("g", { "text-anchor": "middle" });
  const line = style.size * style.lineHeight;
  for (const tick of ticks) {
    marks.append(el("line", { x1: round(tick.at), x2: round(tick.at), y1: RAMP_HEIGHT, y2: RAMP_HEIGHT + TICK }));
    const baseline = RAMP_HEIGHT + TICK + 2 + style.size * 0.92 + (tick.row ?? 0) * line;
    if (tick.label !== "") text.append(el("text", { x: round(centre(tick, options)), y: round(baseline) }, tick.label));
  }
  g.append(marks, text);
  return RAMP_HEIGHT + TICK + 2 + line * (1 + Math.max(0, ...ticks.map((t) => t.row ?? 0)));
}

function labelGap(options: LegendOptions): number {
  return options.artboard.body.size * 0.6;
}

function measure(label: string, options: LegendOptions): number {
  return textWidth(label, options.artboard.body) * FALLBACK_ALLOWANCE;
}

function centre(tick: Tick, options: LegendOptions): number {
  const half = measure(tick.label, options) / 2;
  return Math.min(Math.max(tick.at, half), options.width - half);
}

function fits(ticks: Tick[], options: LegendOptions): boolean {
  const labelled = (list: Tick[]) => list.filter((t) => t.label !== "").length;
  return labelled(spaced(ticks, options)) === labelled(ticks);
}

/**
 * The ticks whose labels stand apart, left to right; an unlabelled tick keeps
 * its mark. A label that would crowd its neighbour loses its text, never its
 * place: the last label is kept over the one before it.
 */
function spaced(ticks: Tick[], options: LegendOptions): Tick[] {
  const labelled = ticks.filter((t) => t.label !== "").sort((a, b) => a.at - b.at);
  const keep = new Set<Tick>();
  let right = -Infinity;
  for (const tick of labelled) {
    const half = measure(tick.label, options) / 2;
    const c = centre(tick, options);
    if (c - half >= right + labelGap(options)) {
      keep.add(tick);
      right = c + half;
    }
  }
  const last = labelled.at(-1);
  if (last && !keep.has(last) && keep.size > 0) {
    // Trade the last kept label for the end of the scale.
    const kept = [...keep];
    while (kept.length > 0) {
      const previous = kept.at(-1)!;
      const previousRight = centre(previous, options) + measure(previous.label, options) / 2;
      if (centre(last, options) - measure(last.label, options) / 2 >= previousRight + labelGap(options)) break;
      keep.delete(kept.pop()!);
    }
    keep.add(last);
  }
  return ticks.map((t) => (t.label === "" || keep.has(t) ? t : { ...t, label: "" }));
}

// ---------------------------------------------------------------- values

/** Labels as Plot writes them: the scale's tickFormat, else numbers in en-US (with a minus sign), dates in ISO form. */
function valueFormat(d: Scale): Format {
  const format = d.tickFormat;
  if (typeof format === "function") return (v, i) => stringOf(format(v, i));
  if (format === null) return () => "";
  if (typeof format === "string") {
    const domain = [...(d.domain as Iterable<Value>)];
    const f = domain.some((v) => v instanceof Date) ? d3.utcFormat(format) : d3.format(format);
    return (v) => (f as (v: Value) => string)(v);
  }
  return (v) => stringOf(v);
}

const numbers = new Intl.NumberFormat("en-US");

function stringOf(value: unknown): string {
  if (value === null || value === undefined) return "";
  // A true minus sign, as d3-format writes on Plot's axes and our ramps.
  if (typeof value === "number") return Number.isNaN(value) ? "" : numbers.format(value).replace("-", "\u2212");
  if (value instanceof Date) return isoDate(value);
  return String(value);
}

/** Plot's ISO form: the shortest of date, minutes, seconds or milliseconds that says it all. */
function isoDate(date: Date): string {
  if (Number.isNaN(+date)) return "Invalid Date";
  const iso = date.toISOString();
  if (date.getUTCMilliseconds() !== 0) return iso;
  if (date.getUTCSeconds() !== 0) return iso.slice(0, 19) + "Z";
  if (date.getUTCMinutes() !== 0 || date.getUTCHours() !== 0) return iso.slice(0, 16) + "Z";
  return iso.slice(0, 10);
}

// ---------------------------------------------------------------- helpers

function maker(document: Document): Make {
  return (name, attrs = {}, text) => {
    const e = document.createElementNS(SVG_NS, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = text;
    return e;
  };
}

/** A colour as fill or stop-color with its own opacity beside it, for renderers that ignore rgba alpha. */
function paint(value: unknown, name: "fill" | "stop-color" = "fill"): Attrs {
  const c = d3.color(String(value));
  if (!c) return { [name]: String(value) };
  const rgb = c.rgb();
  const attrs: Attrs = { [name]: rgb.formatHex() };
  if (rgb.opacity < 1) attrs[name === "fill" ? "fill-opacity" : "stop-opacity"] = round4(rgb.opacity);
  return attrs;
}

const round = (n: number) => Math.round(n * 100) / 100;
const round4 = (n: number) => Math.round(n * 10000) / 10000;
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;
const clamp01 = (n: number) => (Number.isNaN(n) ? 0 : Math.min(1, Math.max(0, n)));
