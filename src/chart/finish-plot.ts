// Any Plot chart, finished for publication: the house style under the chart's
// own options, margins fitted to the labels, Plot's legends and titles taken
// over as house legends and words, interactive marks dropped with a notice,
// then finished and audited (nothing outside the artboard, nothing outside
// the allowlist). The story's charts take the same path through drawChart.

import type * as Plot from "@observablehq/plot";
import { checkSvg } from "./allowlist.ts";
import { colourProblems, colourUses, darkVariants, outlineLightShades } from "./colour-check.ts";
import { layout, outsideArtboard } from "./bounds.ts";
import { finish } from "./finish.ts";
import { drawLegends, type LegendItem, type LegendRequest } from "./legends.ts";
import { fontSizeOf, renderFitted, SIDES, type Side } from "./fit.ts";
import { geometryProblems } from "./geometry.ts";
import { descendants } from "./elements.ts";
import { svgMarkup } from "./serialize.ts";
import { hiddenInWords } from "./hidden-characters.ts";
import { chartWindow, ChartError, type ScaleReader } from "./render.ts";
import type { HouseAdjust } from "./fit.ts";
import { houseDiverging, houseRamp, ordinalShades, PALETTE } from "./palette.ts";
import { makeStatic } from "./static-parts.ts";
import { ARTBOARDS, THEME, type Artboard, type ArtboardName } from "./theme.ts";

/** Continuous scale types Plot colours with turbo (or rainbow, cyclical) unless told otherwise. */
const TURBO = new Set(["linear", "log", "sqrt", "pow", "symlog", "sequential", "cyclical", "utc", "time"]);

export interface PlotWords {
  headline: string;
  subtitle?: string;
  notes?: string[];
  /** "Source: …", printed under the chart. */
  source: string;
  /** The chart's description for screen readers; by default its headline and subtitle. */
  alt?: string;
  /** The prefix of every id in the file, unique on a page; by default made from the headline. */
  id?: string;
}

export interface FinishedPlot {
  svg: string;
  notices: string[];
}

/** Any Plot options through the house style and finishing, as one standalone SVG. */
export async function finishPlot(options: Plot.PlotOptions, words: PlotWords, artboard: ArtboardName = "desktop"): Promise<FinishedPlot> {
  const board = ARTBOARDS[artboard];
  if (!board) throw new ChartError(`there is no artboard "${String(artboard)}"`, `Use one of ${Object.keys(ARTBOARDS).join(", ")}`);
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new ChartError(`the chart is ${Array.isArray(options) ? "an array" : typeof options}, not Plot options`, "Pass the object you would give Plot.plot({ marks: [...] })");
  }
  const taken = takeWords(options, words);
  const named: [string, string][] = [["headline", taken.headline], ["subtitle", taken.subtitle ?? ""], ["source", taken.source], ...taken.notes.map((n, i): [string, string] => [`note ${i + 1}`, n])];
  const hidden = hiddenInWords(named);
  if (hidden.length > 0) throw new ChartError(`${hidden.join("; ")}: it changes what a reader sees without showing itself`, "Retype the words without it, or paste them as plain text");
  if (words.id !== undefined && !/^[A-Za-z][A-Za-z0-9_-]{0,80}$/.test(words.id)) {
    throw new ChartError(`the chart's id "${words.id}" is not a letter followed by letters, digits, hyphens or underscores`, "Give words.id such as \"rainfall-2025\": it prefixes every id in the file and names its style");
  }
  const id = words.id ?? idFrom(taken.headline);
  const finished = finishChart({
    options: taken.options,
    artboard: board,
    prefix: `${id}-${board.name}`,
    headline: taken.headline,
    subtitle: taken.subtitle,
    notes: taken.notes,
    source: /^source\b/i.test(taken.source) ? taken.source : `Source: ${taken.source}`,
    alt: words.alt ?? [taken.headline, taken.subtitle].filter(Boolean).join(". "),
    legend: [],
  });
  return { svg: finished.svg, notices: finished.notices };
}

export interface ChartInput {
  /** The chart's own Plot options (the house defaults go under them). */
  options: Plot.PlotOptions;
  artboard: Artboard;
  prefix: string;
  headline: string;
  subtitle: string | null | undefined;
  notes: string[];
  source: string;
  alt: string;
  legend: LegendItem[];
  /** The height the chart asks for when its options give none; Plot's own otherwise. */
  height?: number;
  /** For messages about the table the chart draws. */
  table?: string;
  columns?: string[];
}

export interface FinishedChart {
  svg: string;
  notices: string[];
  width: number;
  height: number;
}

/** The one path every chart takes from Plot options to a checked, finished SVG. */
export function finishChart(input: ChartInput): FinishedChart {
  const notices: string[] = [];
  let artboard = input.artboard;
  const inner = artboard.width - 2 * artboard.padding;
  const own = input.options;
  const ownWidth = own.width;
  if (ownWidth !== undefined && !(typeof ownWidth === "number" && Number.isFinite(ownWidth) && ownWidth > 0)) {
    throw new ChartError(`the chart's width is ${String(ownWidth)}, not a number of pixels`, "Remove width to fill the artboard, or give a positive number");
  }
  // Sizes past any page, and tick counts past any reader, would take the process down before they could be refused.
  if (ownWidth !== undefined && ownWidth > LARGEST.width) throw new ChartError(`the chart's width is ${ownWidth} px, past the ${LARGEST.width} px any page can show`, "Remove width to fill the artboard, or give a width a page can show");
  const ownHeight = own.height ?? input.height;
  if (typeof ownHeight === "number" && Number.isFinite(ownHeight) && ownHeight > LARGEST.height) {
    // Most often no height was given and the chart grew with its rows (a kind lays out a row per table row).
    throw new ChartError(
      `the chart's height is ${Math.round(ownHeight)} px, past the ${LARGEST.height} px a page can show`,
      "Draw the rows a reader needs (the largest, or a total the ledger states) or split them into several charts; a height set in Plot's options, lower it",
    );
  }
  if (ownHeight !== undefined && !(typeof ownHeight === "number" && ownHeight > 0 && ownHeight <= LARGEST.height)) {
    throw new ChartError(`the chart's height is ${String(ownHeight)}, not a number of pixels up to ${LARGEST.height}`, "Remove height to let Plot size the chart, or give a positive number of pixels");
  }
  for (const name of ["x", "y", "fx", "fy"] as const) {
    const ticks = (own[name] as { ticks?: unknown } | undefined)?.ticks;
    if (typeof ticks === "number" && !(ticks <= LARGEST.ticks)) throw new ChartError(`the ${name} scale asks for ${ticks} ticks, more than the ${LARGEST.ticks} a reader could tell apart`, `Give ${name}.ticks a count a reader can read, or a list of values`);
  }
  if (ownWidth !== undefined && ownWidth > inner) {
    // Honoured, not cut: the artboard widens, and a page scales the whole picture down to its column.
    artboard = { ...artboard, width: Math.ceil(ownWidth) + 2 * artboard.padding };
    notices.push(`the chart sets width ${ownWidth}, wider than the ${input.artboard.name} artboard's ${inner} px: the artboard is widened to ${artboard.width} px, and a page will scale it down`);
  }
  for (const name of ["title", "subtitle", "caption"] as const) {
    const value = own[name];
    if (value !== undefined && value !== null) notices.push(`Plot's ${name} was not printed: the chart's own words take its place`);
  }
  const { options, set, legends } = houseOptions(own, artboard, ownWidth ?? inner, input.height);
  const fitted = renderFitted(options, set, artboard.padding, input.table ?? "", input.columns ?? [], houseAdjust(own));
  const plot = fitted.svg;
  notices.push(...fitted.notices);
  // The house font and size instead of Plot's; the chart's own style is read by makeStatic.
  plot.setAttribute("font-family", THEME.fontStack);
  plot.setAttribute("font-size", String(fontSizeOf(plot)));
  for (const name of styleNames(own.style)) {
    if (name === "font-family") notices.push("the style font-family was dropped: charts are set in the house font, whose widths fit the labels");
    else if (name !== "font-size") notices.push(`the style ${name} was dropped: the house style sets the chart's colours, background and layout`);
  }
  plot.removeAttribute("style");
  notices.push(...makeStatic(plot));
  // One walk over the drawing serves both the check on white and the shades for a dark page.
  const ownColor = (own.color ?? {}) as Plot.ScaleOptions;
  const colours = colourUses(plot, { type: scaleOf(plot, "color")?.type ?? undefined, scheme: ownColor.scheme, interpolate: ownColor.interpolate });
  const outlines = outlineLightShades(colours);
  if (outlines.length > 0) notices.push(`${outlines.length === 1 ? "a shape" : `${outlines.length} shapes`} in the colour ramp's lightest shades ${outlines.length === 1 ? "is" : "are"} outlined in a darker shade of ${outlines.length === 1 ? "its" : "their"} own colour, so ${outlines.length === 1 ? "it stays" : "they stay"} visible on the page`);
  colours.push(...outlines);
  const faint = colourProblems(colours);
  if (faint.length > 0) {
    throw new ChartError(`a reader could not see its colours: ${faint.join("; ")}`, `Use the house palette (${PALETTE.join(", ")}), a claimant's colour, or a darker or lighter shade; for a scheme whose light end lines or text are drawn in, keep to its darker part (color: { scheme, range: [0.4, 1] }) or leave the colours to the house`);
  }
  const requests = legendRequests(plot, own, legends);
  const plotLegends = requests.length > 0 ? drawLegends(requests, { document: plot.ownerDocument, artboard, width: artboard.width - 2 * artboard.padding, idPrefix: "legend" }) : null;
  const svg = finish({
    prefix: input.prefix,
    artboard,
    headline: input.headline,
    subtitle: input.subtitle ?? null,
    legend: input.legend,
    plotLegends,
    darkShades: darkVariants(colours),
    notes: input.notes,
    source: input.source,
    alt: input.alt,
    plot,
    plotHeight: Number(plot.getAttribute("height")),
  });
  const width = Number(svg.getAttribute("width"));
  const height = Number(svg.getAttribute("height"));
  const placed = layout(svg);
  for (const e of descendants(svg).filter((e) => e.hasAttribute("aria-label") || e.hasAttribute("aria-description"))) {
    e.removeAttribute("aria-label");
    e.removeAttribute("aria-description");
  }
  const text = `${xmlSafe(svgMarkup(svg) ?? new (chartWindow().XMLSerializer)().serializeToString(svg))}\n`;
  const impossible = geometryProblems(text);
  if (impossible.length > 0) {
    throw new ChartError(
      `the chart drew what no number can place: ${impossible.slice(0, 3).join("; ")}${impossible.length > 3 ? `; and ${impossible.length - 3} more` : ""}`,
      "Check the table's values (a value near ±1e308 overflows the scale; a missing value is not a number) and give marks constants where Plot takes constants",
    );
  }
  const outside = outsideArtboard(placed, width, height);
  if (outside.length > 0) {
    throw new ChartError(
      `on the ${input.artboard.name} artboard (${width}×${height}) ${outside.slice(0, 3).join("; ")}${outside.length > 3 ? `; and ${outside.length - 3} more` : ""}: a reader would see it cut off`,
      "Shorten what runs outside (a label, an annotation wider than the chart), or move it inside the frame",
    );
  }
  const problems = checkSvg(text);
  if (problems.length > 0) {
    throw new ChartError(`the finished SVG breaks the allowlist: ${problems.join("; ")}`, "Remove what the allowlist forbids; a published chart may carry nothing but a picture");
  }
  return { svg: text, notices, width, height };
}

const LARGEST = { width: 4000, height: 20000, ticks: 1000 };

const LEGEND_SCALES = ["color", "symbol", "opacity"] as const;
type LegendScale = (typeof LEGEND_SCALES)[number];

/** The house defaults under the chart's own options, and what Plot must not see: legends and figures. */
function houseOptions(own: Plot.PlotOptions, artboard: Artboard, width: number, height: number | undefined) {
  const set = new Set<Side>(own.margin !== undefined ? SIDES : SIDES.filter((side) => own[side] !== undefined));
  const house: Plot.PlotOptions = { marginTop: 8, marginRight: 8, marginBottom: 8, marginLeft: 8 };
  const legends: LegendScale[] = [];
  const scales: Partial<Record<LegendScale, unknown>> = {};
  for (const name of LEGEND_SCALES) {
    const scale = own[name];
    if (scale && typeof scale === "object" && "legend" in scale && scale.legend) {
      legends.push(name);
      const { legend: _, ...rest } = scale as { legend: unknown };
      scales[name] = rest;
    }
  }
  const options: Plot.PlotOptions = {
    width, ...(height !== undefined ? { height } : {}),
    ...(own.margin !== undefined ? {} : house),
    style: { fontFamily: THEME.fontStack, fontSize: `${artboard.body.size}px` },
    ...own,
    ...scales,
    x: { ...(own.grid === undefined ? { grid: true } : {}), tickSize: 0, labelArrow: "none", ...(own.x as object) },
    y: { tickSize: 0, labelArrow: "none", ...(own.y as object) },
    marks: (own.marks ?? []).flat(),
    title: undefined, subtitle: undefined, caption: undefined, figure: false,
  } as Plot.PlotOptions;
  if (own.style !== undefined) options.style = own.style;
  return { options, set, legends };
}

/** Plot's title, subtitle and caption as the chart's words when the words give none. */
function takeWords(options: Plot.PlotOptions, words: PlotWords) {
  const text = (value: unknown) => (value === null || value === undefined ? "" : typeof value === "string" ? value : (value as { textContent?: string }).textContent ?? String(value)).trim();
  const title = text(options.title);
  const subtitle = text(options.subtitle);
  const caption = text(options.caption);
  const headline = words.headline?.trim() || title;
  if (!headline) throw new ChartError("the chart has no headline", "Give words.headline, or Plot's title option");
  if (!words.source?.trim()) throw new ChartError("the chart has no source line", "Give words.source: who the numbers come from");
  // What becomes the chart's words leaves the options; what is left is reported as not printed.
  const rest = { ...options };
  if (!words.headline?.trim()) delete rest.title;
  if (!words.subtitle?.trim()) delete rest.subtitle;
  if (!words.notes) delete rest.caption;
  return {
    options: rest,
    headline,
    subtitle: words.subtitle?.trim() || subtitle || undefined,
    notes: words.notes ?? (caption ? [caption] : []),
    source: words.source.trim(),
  };
}

/**
 * What the house style can only choose once Plot has picked the scales: the
 * house palette for a categorical colour scale the chart leaves to Plot, the
 * house's ordered shades for an ordinal one and its ramps for a continuous or
 * a diverging one (Plot's own schemes have colours too faint on white), and no grid across a band
 * scale, where a rule would run through the middle of every bar.
 */
function houseAdjust(own: Plot.PlotOptions): HouseAdjust | null {
  const color = own.color as Plot.ScaleOptions | undefined;
  const chosen = color && (color.scheme !== undefined || color.range !== undefined || color.interpolate !== undefined);
  const gridSet = (own.x as Plot.ScaleOptions | undefined)?.grid !== undefined || own.grid !== undefined;
  // Nothing the house would change: no need to learn the scales.
  if (chosen && gridSet) return null;
  const channels = flatMarks(own.marks).flatMap((m) => Object.entries((m as { channels?: Record<string, { scale?: unknown; type?: unknown }> }).channels ?? {}));
  const colourChannel = channels.some(([name, c]) => c.scale === "color" || ((name === "fill" || name === "stroke") && c.scale === "auto"));
  const bandX = ["band", "point"].includes(String((own.x as Plot.ScaleOptions | undefined)?.type)) || channels.some(([, c]) => c.scale === "x" && (c.type === "band" || c.type === "point"));
  return {
    likely: (!chosen && (color !== undefined || colourChannel)) || (!gridSet && bandX),
    apply: (svg: ScaleReader, options: Plot.PlotOptions): Plot.PlotOptions | null => {
      let next: Plot.PlotOptions | null = null;
      const colorScale = scaleOf(svg, "color");
      const colorType = colorScale?.type;
      const house = (set: Plot.ScaleOptions) => ({ ...options, color: { ...(options.color as object), ...set } });
      if (!chosen && typeof colorType === "string") {
        // Ordered categories: shades in order, as Plot would give, in colours a reader can see.
        if (color?.type === "ordinal" && colorType === "ordinal") next = house({ range: ordinalShades([...(colorScale?.domain ?? [])].length) });
        else if (colorType === "ordinal" || colorType === "categorical") next = house({ range: [...PALETTE] });
        // Plot's turbo, left to it: its cyans and greens are near 1.3:1 on white, a line in them all but vanishes.
        else if (TURBO.has(colorType)) next = house({ interpolate: houseRamp });
        else if (colorType.startsWith("diverging")) next = house({ interpolate: houseDiverging });
      }
      const xType = scaleOf(svg, "x")?.type;
      if (!gridSet && (xType === "band" || xType === "point")) {
        next = { ...(next ?? options), x: { ...(options.x as object), grid: false } };
      }
      return next;
    },
  };
}

/** A chart's marks, nested lists flattened, as Plot reads them. */
function flatMarks(marks: Plot.PlotOptions["marks"]): unknown[] {
  return [marks ?? []].flat(Infinity as 1).filter((m) => m !== null && m !== undefined);
}

function scaleOf(plot: SVGSVGElement | ScaleReader, name: string): Plot.Scale | undefined {
  return (plot as unknown as ScaleReader).scale(name);
}

/**
 * What Plot's legends would show, as requests for legends.ts: each scale's
 * descriptor with the label, ticks and tickFormat Plot keeps out of it, and a
 * colour and a symbol scale over one domain drawn as one legend of coloured
 * symbols, as Plot draws them.
 */
function legendRequests(plot: SVGSVGElement, own: Plot.PlotOptions, names: LegendScale[]): LegendRequest[] {
  const requests: LegendRequest[] = [];
  const color = scaleOf(plot, "color");
  const symbol = scaleOf(plot, "symbol");
  const shared = color && symbol && color.type !== "identity" && sameDomain(color.domain, symbol.domain);
  for (const name of names) {
    const scale = scaleOf(plot, name);
    if (!scale || scale.type === "identity") continue;
    if (shared && name === "symbol" && names.includes("color")) continue;
    const set = (own[name] ?? {}) as Plot.ScaleOptions;
    // Plot titles a ramp with its column's name but not a row of swatches, whose labels speak for themselves.
    const ordinal = scale.type === "ordinal" || scale.type === "categorical" || name === "symbol";
    const label = set.label !== undefined ? set.label : ordinal ? undefined : inferredLabel(own, name);
    const descriptor = {
      ...scale,
      ...(label !== undefined && label !== null ? { label: `${label}${scale.percent && set.label === undefined ? " (%)" : ""}` } : {}),
      ...(set.ticks !== undefined ? { ticks: set.ticks } : {}),
      ...(set.tickFormat !== undefined ? { tickFormat: set.tickFormat } : {}),
    } as Plot.Scale;
    // A symbol legend over the colour scale's domain draws the colour scale with the symbols as markers.
    if (shared && (name === "color" || name === "symbol")) requests.push({ scale: "color", descriptor: name === "color" ? descriptor : { ...color!, ...(descriptor.label !== undefined ? { label: descriptor.label } : {}) } as Plot.Scale, symbol });
    else requests.push({ scale: name, descriptor });
  }
  return requests;
}

function sameDomain(a: Iterable<unknown> | undefined, b: Iterable<unknown> | undefined): boolean {
  if (!a || !b) return false;
  const [p, q] = [[...a], [...b]];
  return p.length === q.length && p.every((v, i) => String(v) === String(q[i]));
}

// The channels that feed each legend's scale.
const CHANNELS: Record<LegendScale, string[]> = { color: ["fill", "stroke"], symbol: ["symbol"], opacity: ["opacity", "fillOpacity", "strokeOpacity"] };

/**
 * The label Plot infers for a scale: the one column name every mark maps onto
 * it. Plot's own inference is not exposed; a column named by a string is what
 * a reader would see on Plot's legend.
 */
function inferredLabel(own: Plot.PlotOptions, name: LegendScale): string | undefined {
  const names = new Set<string>();
  for (const mark of (own.marks ?? []).flat(Infinity as 1)) {
    const channels = (mark as { channels?: Record<string, { value?: unknown; scale?: unknown }> } | null)?.channels;
    if (!channels) continue;
    for (const channel of CHANNELS[name]) {
      const value = channels[channel]?.value;
      if (typeof value === "string" && channels[channel]?.scale !== undefined) names.add(value);
    }
  }
  return names.size === 1 ? [...names][0] : undefined;
}

/** The properties a chart's style option names, as CSS writes them ("font-size"). */
function styleNames(style: Plot.PlotOptions["style"]): string[] {
  if (typeof style === "string") return style.split(";").map((d) => d.split(":")[0]!.trim().toLowerCase()).filter(Boolean);
  if (style && typeof style === "object") return Object.keys(style).map((k) => k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));
  return [];
}

/** A prefix for ids from the headline's words: lowercase letters and digits, at most 40 characters. */
function idFrom(headline: string): string {
  const slug = headline.normalize("NFKD").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40).replace(/-+$/, "");
  return `chart-${slug || "untitled"}`;
}


// Characters XML 1.0 cannot carry (controls, lone surrogates, noncharacters):
// a label pasted from anywhere must not make the file unreadable.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDFFF]/gu;

/** The text as an XML file can carry it: line ends as LF (XML would turn CR into LF anyway), no forbidden characters. */
export function xmlSafe(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(NOT_XML, "");
}
