// Margins that fit what Plot draws in them. The house margins are tight; Plot
// sizes none of its margins to its labels, and an SVG cuts off whatever runs
// past its edge, so "1,250,000" would print as "000". Each side a chart has
// not set grows until every tick, axis and facet label is inside the plot and
// no axis label sits on a tick label, then Plot draws again.

import type * as Plot from "@observablehq/plot";
import { layout, overlaps, union, type Placed } from "./bounds.ts";
import { geometryProblems } from "./geometry.ts";
import { FALLBACK_ALLOWANCE, textWidth, wrap } from "./text-metrics.ts";
import { ChartError, plotScales, renderPlot, type ScaleReader } from "./render.ts";

export type Side = "marginTop" | "marginRight" | "marginBottom" | "marginLeft";
export const SIDES: Side[] = ["marginTop", "marginRight", "marginBottom", "marginLeft"];

/** Half a pixel either way is antialiasing, not a cut-off label. */
const TOLERANCE = 0.5;
/** Room between a label and the edge it was fitted to. */
const GAP = 2;
/** Drawing passes before giving up: each pass can change the ticks, and so the labels. */
const PASSES = 6;
/** The frame keeps at least this share of the width or height, and this many pixels: less is no chart left to read. */
const LEAST_SHARE = 0.2;
const LEAST_PX = 20;
/** A margin past this (or the chart's width) is not a label to fit: something lies far outside the chart. */
const FAR = 400;

/** What the house would change once Plot has chosen a chart's scales, and whether it likely will (then the scales are learned first). */
export interface HouseAdjust {
  likely: boolean;
  apply(scales: ScaleReader, options: Plot.PlotOptions): Plot.PlotOptions | null;
}

export interface Fitted {
  svg: SVGSVGElement;
  options: Plot.PlotOptions;
  /** What fitting changed that the chart set or a reader would notice: wrapped or thinned labels, widened margins. */
  notices: string[];
}

/**
 * Draws the chart, growing each side until its labels fit. A margin the chart
 * set grows too, with a notice: a margin sized for Plot's 10 px system font
 * cuts labels set in the house's larger type, and a cut label is a wrong one.
 */
export function renderFitted(
  options: Plot.PlotOptions, set: ReadonlySet<Side>,
  /** How far past a side the chart set its drawing may reach (the artboard's padding beside it): the chart's design, kept. */
  spill: number,
  table: string, columns: string[],
  /** Seen once, with the scales Plot makes: options to draw with instead (house colours for a scale Plot chose), or null. */
  adjust: HouseAdjust | null = null,
): Fitted {
  let current = { ...options };
  let wrappedLines = 0;
  let thinnedEvery = 0;
  let thinTries = 0;
  let wrappedLabels = false;
  let xWrapped = 0;
  let wrappedAxis = "y";
  let crowded: Placed[] | null = null;
  const notices = (): string[] => [
    ...(crowded ? ["the x-axis labels run together: give the axis fewer ticks (the ticks option of the x scale or of its axisX mark)"]
      : thinnedEvery > 1 ? [`every ${ordinal(thinnedEvery)} x-axis label is shown, so that they do not run together`] : []),
    ...(xWrapped > 1 ? [`the x-axis labels were wrapped onto up to ${xWrapped} lines to fit under their columns`] : []),
    ...(wrappedLines > 1 ? [`the ${wrappedAxis === "fy" ? "facets' labels" : "y-axis labels"} were wrapped onto up to ${wrappedLines} lines to leave the chart room`] : []),
    ...SIDES.filter((side) => (facetMargin(current, side) ?? 0) > (facetMargin(options, side) ?? Infinity))
    .map((side) => `the facets' ${side} ${facetMargin(options, side)} was widened to ${facetMargin(current, side)} px to fit the labels in the house type`),
    ...SIDES.filter((side) => set.has(side) && margin(current, side) > margin(options, side))
    .map((side) => `${side} ${margin(options, side)} was widened to ${margin(current, side)} px to fit the labels in the house type`)];
  // A chart the house will likely colour: its scales learned alone, without the marks drawn, as a
  // drawing in Plot's own colours would be thrown away. Any other: learned from its first drawing,
  // drawn again only if the house does change it. The same options either way.
  const early = adjust?.likely ? plotScales(current) : null;
  const adjusted = early ? adjust!.apply(early, current) : null;
  if (adjusted) current = adjusted;
  let first: SVGSVGElement | null = null;
  for (let pass = 0; ; pass++) {
    let svg = renderPlot(current, table, columns);
    const late = pass === 0 && adjust && !early ? adjust.apply(svg as unknown as ScaleReader, current) : null;
    if (late) {
      current = late;
      svg = renderPlot(current, table, columns);
    }
    first ??= svg;
    const width = Number(svg.getAttribute("width"));
    const height = Number(svg.getAttribute("height"));
    const placed = layout(svg, fontSizeOf(svg));
    const need = needed(placed, current, width, height);
    const across = margin(current, "marginLeft") + margin(current, "marginRight");
    // Only the width can run out: a set height grows by what its margins gain, and Plot grows its own,
    // so a short drawing is the chart's own choice (an axis on its own, a strip).
    // Measured against what the chart itself left; an axis drawn on its own has no drawing to squeeze.
    const own = width - margin(options, "marginLeft") - margin(options, "marginRight");
    const drawing = placed.some((p) => p.mark !== "" && !/axis|grid|frame/.test(p.mark));
    const narrow = drawing && width - across < Math.min(own, Math.max(LEAST_PX, width * LEAST_SHARE));
    const far = SIDES.find((side) => need[side] > Math.max(width, FAR));
    // Long category names under columns wrap onto lines first, as a desk would set them; only then are labels thinned.
    const wrappedX = xWrapped ? null : wrapXTickLabels(svg, placed, current);
    if (wrappedX) {
      current = wrappedX.options;
      xWrapped = wrappedX.lines;
      continue;
    }
    crowded = crowdedTicks(placed);
    // Tried a few times (d3 picks round ticks near the count asked for); an axis mark the chart
    // made itself keeps its own ticks, and the notice says so.
    const thinned = thinTries >= 3 || !crowded || ownTicks(options) ? null : thinTickLabels(svg, crowded, current);
    if (crowded) thinTries++;
    if (thinned) {
      current = thinned.options;
      thinnedEvery = thinned.every;
      continue;
    }
    const label = wrappedLabels ? null : wrapAxisLabels(placed, current, width, fontSizeOf(svg));
    if (label) {
      current = label;
      wrappedLabels = true;
      continue;
    }
    const wrapped = narrow && !far ? wrapTickLabels(svg, placed, current, width, margin(options, "marginLeft")) : null;
    if (wrapped) {
      current = wrapped.options;
      wrappedLines = wrapped.lines;
      wrappedAxis = wrapped.axis;
      continue;
    }
    if ((pass > 0 && narrow) || far) {
      // A value no scale could place (NaN, ±1e308) is reported as such by finishing, not as a label;
      // only the first drawing tells, as margins grown past the width make bars of negative width too.
      if (geometryProblems(first.outerHTML).length > 0) return { svg: first, options, notices: [] };
      throw refusal(placed, far ?? "marginLeft", far !== undefined, width, height, current);
    }
    const allowed = (side: Side) => (set.has(side) && (side === "marginLeft" || side === "marginRight") ? spill : 0);
    const grow = SIDES.filter((side) => need[side] > TOLERANCE + allowed(side));
    if (grow.length === 0 || pass >= PASSES) return { svg, options: current, notices: notices() };
    const next = { ...current };
    for (const side of grow) {
      next[side] = margin(current, side) + Math.ceil(need[side]) + GAP;
      // A facet margin the chart set places the facets' own axes: it grows by as much, or their labels stay where they were cut.
      const own = facetMargin(current, side);
      if (own !== undefined) next.facet = { ...(next.facet ?? current.facet), [side]: own + Math.ceil(need[side]) + GAP } as Plot.PlotFacetOptions;
    }
    // Height is free on a page, width is not: a chart of a set height grows by its new margins
    // rather than squeezing its drawing (Plot grows an automatic height by itself).
    if (typeof current.height === "number") {
      next.height = current.height + margin(next, "marginTop") - margin(current, "marginTop") + margin(next, "marginBottom") - margin(current, "marginBottom");
    }
    current = next;
  }
}

/**
 * An axis label set across that is wider than the chart, wrapped onto lines
 * (Plot sets each line of a label that holds a line break). Null when none is.
 */
function wrapAxisLabels(placed: Placed[], options: Plot.PlotOptions, width: number, size: number): Plot.PlotOptions | null {
  let next: Plot.PlotOptions | null = null;
  for (const axis of ["x", "y"] as const) {
    const label = placed.find((p) => p.mark === `${axis}-axis label` && !p.turned);
    const set = (options[axis] ?? {}) as Plot.ScaleOptions;
    if (!label || label.box.x2 - label.box.x1 <= width - 2 * GAP || (typeof set.label === "string" && set.label.includes("\n"))) continue;
    const text = typeof set.label === "string" ? set.label : label.text;
    const lines = wrap(text, (width * 0.9) / FALLBACK_ALLOWANCE, { size, weight: "regular" });
    if (lines.length > 1) next = { ...(next ?? options), [axis]: { ...set, label: lines.join("\n") } };
  }
  return next;
}

/** Room between two tick labels of an axis. */
const TICK_GAP = 6;

/**
 * Tick labels of the x axis that run into each other, thinned: every k-th
 * band of a band scale, or fewer ticks on a continuous one. Left alone when
 * the chart chose its own ticks. Null when nothing runs together.
 */
function ownTicks(options: Plot.PlotOptions): boolean {
  const x = (options.x ?? {}) as Plot.ScaleOptions & { tickSpacing?: number };
  return x.ticks !== undefined || x.interval !== undefined || x.tickSpacing !== undefined;
}

function thinTickLabels(svg: SVGSVGElement, ticks: Placed[], options: Plot.PlotOptions): { options: Plot.PlotOptions; every: number } | null {
  const x = (options.x ?? {}) as Plot.ScaleOptions;
  const scale = (svg as unknown as { scale(name: string): (Plot.Scale & { step?: number }) | undefined }).scale("x");
  if (!scale) return null;
  const widest = Math.max(...ticks.map((t) => t.box.x2 - t.box.x1)) + TICK_GAP;
  if (scale.type === "band" || scale.type === "point") {
    const domain = [...(scale.domain ?? [])];
    const shown = typeof x.ticks === "object" && x.ticks !== null ? [...(x.ticks as Iterable<unknown>)].length : domain.length;
    // A band may be narrower than a pixel (a thousand categories): its step is what a label's width is counted in.
    const step = scale.step !== undefined && scale.step > 0 ? scale.step : widest;
    const every = Math.max(Math.ceil(widest / step), Math.ceil(domain.length / shown) + 1);
    if (every <= 1) return null;
    return { every, options: { ...options, x: { ...x, ticks: domain.filter((_, i) => i % every === 0) } } };
  }
  const range = [...(scale.range ?? [])].map(Number);
  const span = Math.abs((range[1] ?? 0) - (range[0] ?? 0));
  const count = Math.max(2, Math.min(Math.floor(span / widest), Math.floor(ticks.length / 2)));
  if (count >= ticks.length) return null;
  return { every: 1, options: { ...options, x: { ...x, ticks: count } } };
}

/** The x-axis tick labels, left to right, when two of them run together; null when none do. */
function crowdedTicks(placed: Placed[]): Placed[] | null {
  const ticks = placed.filter((p) => p.mark === "x-axis tick label" && !p.turned).sort((a, b) => a.box.x1 - b.box.x1);
  // Lines on one row only: a time axis sets a tick's month and year on two lines, one above the other.
  const row = (a: Placed, b: Placed) => Math.abs(a.box.y1 + a.box.y2 - b.box.y1 - b.box.y2) / 2 < (a.box.y2 - a.box.y1) / 2;
  const touching = ticks.some((t, i) => ticks.slice(0, i).some((u) => row(t, u) && t.box.x1 < u.box.x2 + TICK_GAP / 2 && u.box.x1 < t.box.x2 + TICK_GAP / 2));
  return touching ? ticks : null;
}

const ordinal = (n: number) => (n === 2 ? "second" : n === 3 ? "third" : `${n}th`);

/** Tick labels of a band y axis wrap at this share of the chart's width, as a desk would break them by hand. */
const WRAP_SHARE = 0.4;

/**
 * Long category names on a band y axis, wrapped onto lines rather than
 * refused, when the chart gives no tickFormat of its own: Plot sets each
 * line of a tick label that holds a line break. Null when that is not the case.
 */
function wrapTickLabels(svg: SVGSVGElement, placed: Placed[], options: Plot.PlotOptions, width: number, marginLeft: number): { options: Plot.PlotOptions; lines: number; axis: "y" | "fy" } | null {
  const room = width * WRAP_SHARE;
  // The facets' names down the side wrap as the rows' names do.
  const name = (["y", "fy"] as const).find((axis) => placed.some((t) => t.mark === `${axis}-axis tick label` && t.box.x2 - t.box.x1 > room));
  if (name === undefined) return null;
  const y = (options[name] ?? {}) as Plot.ScaleOptions;
  const scale = (svg as unknown as { scale(name: string): Plot.Scale | undefined }).scale(name);
  if (y.tickFormat !== undefined || !scale || (scale.type !== "band" && scale.type !== "point")) return null;
  const size = fontSizeOf(svg);
  const format = (d: unknown) => wrap(String(d), room / FALLBACK_ALLOWANCE, { size, weight: "regular" });
  const domain = [...(scale.domain ?? [])];
  const lines = Math.max(1, ...domain.map((d) => format(d).length));
  // Each row as tall as its label's lines, with a little air: the chart grows by what its rows gain.
  const step = (scale as { step?: number }).step ?? 0;
  const gain = Math.max(0, lines * size * 1.15 + 6 - step) * domain.length;
  const height = Number(svg.getAttribute("height"));
  return {
    lines,
    axis: name,
    options: { ...options, marginLeft, height: Math.ceil(height + gain), [name]: { ...y, tickFormat: (d: unknown) => format(d).join("\n") } },
  };
}

/**
 * Category names on a band x axis wider than their band (or than the chart),
 * wrapped onto lines at the band's width, when the chart gives no tickFormat
 * of its own; a single word longer than that stays whole, and thinning deals
 * with it. Null when every label fits its band or wrapping gains nothing.
 */
function wrapXTickLabels(svg: SVGSVGElement, placed: Placed[], options: Plot.PlotOptions): { options: Plot.PlotOptions; lines: number } | null {
  const x = (options.x ?? {}) as Plot.ScaleOptions;
  const scale = (svg as unknown as { scale(name: string): (Plot.Scale & { step?: number }) | undefined }).scale("x");
  if (x.tickFormat !== undefined || x.tickRotate !== undefined || !scale || (scale.type !== "band" && scale.type !== "point")) return null;
  const ticks = placed.filter((p) => p.mark === "x-axis tick label" && !p.turned);
  const width = Number(svg.getAttribute("width"));
  const room = Math.min(Math.max(scale.step ?? 0, 0) - TICK_GAP, width - 2 * GAP);
  if (room < WRAP_LEAST || !ticks.some((t) => t.box.x2 - t.box.x1 > room)) return null;
  const size = fontSizeOf(svg);
  const domain = [...(scale.domain ?? [])];
  // Words stay whole ("Children", not "Childre / n"): a column too narrow for its longest word is thinned instead.
  const longest = Math.max(0, ...domain.flatMap((d) => String(d).split(/\s+/)).map((w) => textWidth(w, { size, weight: "regular" })));
  const format = (d: unknown) => wrap(String(d), Math.max(room / FALLBACK_ALLOWANCE, longest), { size, weight: "regular" });
  const lines = Math.max(1, ...domain.map((d) => format(d).length));
  if (lines <= 1) return null;
  return { lines, options: { ...options, x: { ...x, tickFormat: (d: unknown) => format(d).join("\n") } } };
}

/** Narrower than this, a column's label is better thinned than broken into a tower of words. */
const WRAP_LEAST = 48;

/**
 * The refusal names what drives the margins: what reaches furthest out when
 * something lies far outside the chart, else the widest (or tallest) label.
 */
function refusal(placed: Placed[], side: Side, far: boolean, width: number, height: number, options: Plot.PlotOptions): ChartError {
  const across = side === "marginLeft" || side === "marginRight";
  const size = across ? width : height;
  const beyond = (p: Placed) => (across ? Math.max(-p.box.x1, p.box.x2 - width) : Math.max(-p.box.y1, p.box.y2 - height));
  const extent = (p: Placed) => (across ? p.box.x2 - p.box.x1 : p.box.y2 - p.box.y1);
  const furthest = [...placed].sort((a, b) => beyond(b) - beyond(a))[0];
  if (furthest && furthest.text === "" && (far || beyond(furthest) > TOLERANCE)) {
    return new ChartError(
      `a <${furthest.element.localName}>${furthest.mark ? ` (${furthest.mark})` : ""} lies ${grouped(beyond(furthest))} px outside the chart's ${across ? "width" : "height"} (${size} px)`,
      "Check its values against the scale's domain (a value in the wrong units, a percent given twice), or clip the mark",
    );
  }
  const total = far ? beyond(furthest!) : across ? margin(options, "marginLeft") + margin(options, "marginRight") : margin(options, "marginTop") + margin(options, "marginBottom");
  const label = far ? furthest : placed.filter((p) => p.text !== "").sort((a, b) => extent(b) - extent(a))[0];
  const what = label && label.text !== "" ? `; the ${across ? "widest" : "tallest"} is "${label.text}" (${label.mark || "text"}, ${grouped(extent(label))} px)` : "";
  return new ChartError(
    `its labels need ${grouped(total)} px of margins, leaving ${room(size - total)} of the chart's ${across ? `width (${width} px)` : `height (${height} px)`} to draw in${what}`,
    "Shorten the labels (a shorter tickFormat, abbreviations, or lineWidth to wrap them), or give the chart more room",
  );
}

const grouped = (px: number) => Math.round(px).toLocaleString("en-US");
const room = (px: number) => (px >= 1 ? `${Math.round(px)} px` : "nothing");

function margin(options: Plot.PlotOptions, side: Side): number {
  const value = options[side] ?? options.margin;
  return typeof value === "number" ? value : 0;
}

/** A facet margin the chart set itself, or undefined. */
function facetMargin(options: Plot.PlotOptions, side: Side): number | undefined {
  const facet = options.facet as Partial<Record<Side | "margin", unknown>> | undefined;
  const value = facet?.[side] ?? facet?.margin;
  return typeof value === "number" ? value : undefined;
}

/** How far each side must grow: what runs past the edge, and axis labels that sit on tick labels. */
function needed(placed: Placed[], options: Plot.PlotOptions, width: number, height: number): Record<Side, number> {
  const need: Record<Side, number> = { marginTop: 0, marginRight: 0, marginBottom: 0, marginLeft: 0 };
  if (placed.length === 0) return need;
  const all = union(placed.map((p) => p.box));
  need.marginLeft = -all.x1;
  need.marginTop = -all.y1;
  need.marginRight = all.x2 - width;
  need.marginBottom = all.y2 - height;
  for (const label of placed.filter((p) => /^f?[xy]-axis label$/.test(p.mark))) {
    const axis = label.mark.replace(/ label$/, "");
    // A y label set across sits above the frame, clear of what is drawn at its top.
    if (/^f?y-axis$/.test(axis) && !label.turned && (label.box.y1 + label.box.y2) / 2 < height / 2) {
      need.marginTop = Math.max(need.marginTop, label.box.y2 - margin(options, "marginTop"));
    }
    for (const tick of placed.filter((p) => p.mark === `${axis} tick label` && overlaps(p.box, label.box))) {
      const side = sideOf(axis, label, width, height);
      const overlap = side === "marginTop" ? label.box.y2 - tick.box.y1
        : side === "marginBottom" ? tick.box.y2 - label.box.y1
        : side === "marginLeft" ? label.box.x2 - tick.box.x1
        : tick.box.x2 - label.box.x1;
      need[side] = Math.max(need[side], overlap);
    }
  }
  return need;
}

/**
 * The margin an axis label sits in, where growing the margin moves the frame,
 * and its ticks, away from the label: Plot keeps the label at the chart's edge.
 * A y label set across (anchored at the top or bottom) sits above or below.
 */
function sideOf(axis: string, label: Placed, width: number, height: number): Side {
  const box = label.box;
  if (/x-axis$/.test(axis) || !label.turned) return (box.y1 + box.y2) / 2 < height / 2 ? "marginTop" : "marginBottom";
  return (box.x1 + box.x2) / 2 < width / 2 ? "marginLeft" : "marginRight";
}

/** The font size Plot's text is set in: the chart's style, which the house sets, over Plot's attribute. */
export function fontSizeOf(svg: SVGSVGElement): number {
  const size = (svg as unknown as HTMLElement).style?.fontSize ?? "";
  const n = parseFloat(size);
  if (Number.isFinite(n) && /^\s*[\d.]+(px)?\s*$/.test(size)) return n;
  return Number(svg.getAttribute("font-size")) || 10;
}
