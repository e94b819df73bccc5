// Colours a reader cannot see stop the chart: a mark's colour needs 3:1
// against the light background, a text's 4.5:1. On a dark page, where no one
// colour reaches 4.5:1 on both, the chart carries a lighter shade of each
// colour too dark there (darkVariants), written into its dark-mode style.
// Colours that name something are checked; deliberately faint things are
// left alone: greys (base maps, tiles, rules and "other", which no reader
// must tell from another hue), anything drawn with opacity below 1, and the
// cells and regions of a colour ramp, whose legend carries their meaning. A
// ramp's light end is data, not a mistake, but a bar or a dot in it would
// vanish into the page, so such shapes are outlined in a darker shade of
// their own colour: the outline carries the contrast (WCAG 1.4.11 asks it of
// a shape's boundary), the fill stays the author's.

import { hcl as parseHcl } from "d3";
import { DARK_INK, INK } from "./theme.ts";
import { contrast, MARK_CONTRAST, TEXT_CONTRAST } from "./palette.ts";
import { closestWith, descendants } from "./elements.ts";

/** Below this CIE chroma a colour reads as grey. */
const NEUTRAL = 5;
const HOUSE = new Set([...Object.values(INK), ...Object.values(DARK_INK)].map((c) => c.toLowerCase()));
// Scales whose colours name categories: every colour they give is a colour a reader must tell.
const CATEGORICAL = new Set(["ordinal", "categorical", "identity"]);
// Plot's schemes that name categories; every other scheme is a ramp (sequential, diverging or cyclical).
const CATEGORICAL_SCHEMES = new Set(["accent", "category10", "dark2", "observable10", "paired", "pastel1", "pastel2", "set1", "set2", "set3", "tableau10"]);
// Marks whose shapes tile a field, where the colour is the value and neighbours, not the page, surround each shape.
const FIELDS = new Set(["cell", "geo", "contour", "density", "raster"]);

/** What the chart's colour scale is, as far as its own options and Plot's choice say. */
export interface ColourScale {
  type: string | undefined;
  scheme?: unknown;
  interpolate?: unknown;
}

/**
 * Whether the colour scale gives shades of a ramp, read through its legend,
 * rather than colours that name categories: a continuous scale, or an
 * ordinal one over a sequential, diverging or cyclical scheme (the same
 * ramp, sampled).
 */
export function isRamp(scale: ColourScale): boolean {
  if (scale.type === undefined || scale.type === "identity") return false;
  if (!CATEGORICAL.has(scale.type)) return true;
  if (scale.interpolate !== undefined && scale.interpolate !== null) return true;
  return typeof scale.scheme === "string" && !CATEGORICAL_SCHEMES.has(scale.scheme.toLowerCase());
}

/** A colour the chart draws, by attribute, and whether it colours text. */
export interface ColourUse {
  element: Element;
  attr: "fill" | "stroke";
  value: string;
  text: boolean;
  /** A shape coloured by a ramp: a shade that is data, read through the legend. */
  shade: boolean;
}

/** The colours the chart draws: constant colours of marks and text, and the colours of its shapes. */
export function colourUses(plot: Element, scale: ColourScale): ColourUse[] {
  const ramp = isRamp(scale);
  const out: ColourUse[] = [];
  for (const e of [plot, ...descendants(plot)]) {
    for (const attr of ["fill", "stroke"] as const) {
      const value = e.getAttribute(attr);
      if (value === null) continue;
      const text = isText(e);
      // A stroke around text is a halo, read against the text rather than the page.
      if (text && attr === "stroke") continue;
      // A shape's own colour comes from the colour channel.
      const shape = !text && e.localName !== "g" && e.localName !== "svg";
      out.push({ element: e, attr, value, text, shade: ramp && shape });
    }
  }
  return out;
}

/**
 * Outlines each bar, area, dot or square filled in a ramp's shade too light
 * to see on the page with a darker shade of the same hue that reaches 3:1.
 * Shapes of a field (cells, regions, contours) keep their fill alone: their
 * neighbours frame them. Returns the outlines drawn, as uses of colour for the
 * dark page's shades.
 */
export function outlineLightShades(uses: ColourUse[]): ColourUse[] {
  const drawn: ColourUse[] = [];
  for (const use of uses) {
    // Unlike the check, the background's own colour and greys count: a ramp's lightest shade is often both.
    if (!use.shade || use.attr !== "fill" || !isColour(use.value) || faint(use.element, "fill-opacity")) continue;
    if ((contrast(use.value, INK.background) ?? 21) >= MARK_CONTRAST || inField(use.element) || outlined(use.element)) continue;
    const outline = shadeFor(use.value, MARK_CONTRAST, INK.background);
    if (outline === null) continue;
    use.element.setAttribute("stroke", outline);
    // Plot's group may set a stroke width for its own purposes (a halo, a gap); the outline is a hairline.
    if (!use.element.hasAttribute("stroke-width")) use.element.setAttribute("stroke-width", "1");
    drawn.push({ element: use.element, attr: "stroke", value: outline, text: false, shade: false });
  }
  return drawn;
}

/** Every colour in Plot's drawing too faint to read on the light background, one sentence each (at most three). */
export function colourProblems(uses: ColourUse[]): string[] {
  const problems = new Map<string, string>();
  for (const use of uses) {
    if (!isCheckable(use.value) || faint(use.element, `${use.attr}-opacity`)) continue;
    // A ramp's shades are read through its legend: in a field they sit among their neighbours, and shapes are outlined.
    if (use.shade && use.attr === "fill" && (inField(use.element) || outlined(use.element))) continue;
    const light = contrast(use.value, INK.background)!;
    if (light >= (use.text ? TEXT_CONTRAST : MARK_CONTRAST)) continue;
    const mark = closestWith(use.element, "aria-label")?.getAttribute("aria-label") ?? use.element.localName;
    const key = `${mark}/${use.attr}/${use.value}`;
    if (!problems.has(key)) {
      problems.set(key, `the ${mark} mark's ${use.text ? "text colour" : use.attr} ${use.value} has ${light.toFixed(2)}:1 on the light background (${INK.background}); ${use.text ? `text needs ${TEXT_CONTRAST}:1` : `marks need ${MARK_CONTRAST}:1`}`);
    }
    if (problems.size >= 3) break;
  }
  return [...problems.values()];
}

export interface DarkVariant {
  attr: "fill" | "stroke";
  /** The attribute's value as the chart has it. */
  value: string;
  /** What a dark page shows instead. */
  variant: string;
}

/**
 * The colours that a dark page would swallow, each with a lighter shade of the
 * same hue that reaches the contrast it needs there (3:1 for marks, 4.5:1 for
 * text). Finishing writes these as the chart's own dark-mode rules, so one
 * file reads on either page. Greys are left alone: a grey often sits on
 * another mark (a label on a tile, a halo), where swapping it alone would
 * make it unreadable.
 */
export function darkVariants(uses: ColourUse[]): DarkVariant[] {
  const variants = new Map<string, DarkVariant>();
  for (const use of uses) {
    const key = `${use.attr}/${use.value}`;
    // A ramp's shades keep their order on either page: its legend is drawn once.
    if (variants.has(key) || use.shade) continue;
    if (!isCheckable(use.value)) continue;
    const v = use.value.trim().toLowerCase();
    const needed = use.text ? TEXT_CONTRAST : MARK_CONTRAST;
    const onDark = contrast(v, DARK_INK.background);
    // Light colours, and the light background's own (halos, gaps), are left as they are.
    if (onDark === null || onDark >= needed || (contrast(v, INK.background) ?? 21) < 1.5) continue;
    const variant = shadeFor(v, needed, DARK_INK.background);
    if (variant) variants.set(key, { attr: use.attr, value: use.value, variant });
  }
  return [...variants.values()];
}

/**
 * The same hue, lightness stepped away from the page's own until the shade
 * reaches `needed`:1 on it: lighter on the dark page, darker on the light one.
 */
function shadeFor(css: string, needed: number, page: string): string | null {
  const c = parseHcl(css);
  if (!c || !Number.isFinite(c.l)) return null;
  const step = page === DARK_INK.background ? 1 : -1;
  for (let l = Math.min(Math.max(c.l, 0), 100); l >= 0 && l <= 100; l += step) {
    const shade = parseHcl(Number.isFinite(c.h) ? c.h : 0, Number.isFinite(c.c) ? c.c : 0, l).formatHex();
    if ((contrast(shade, page) ?? 0) >= needed) return shade;
  }
  return step > 0 ? "#ffffff" : "#000000";
}


function inField(e: Element): boolean {
  const mark = closestWith(e, "aria-label")?.getAttribute("aria-label") ?? "";
  return FIELDS.has(mark) || (e.localName === "rect" && e.parentElement !== null && tiled(e.parentElement).has(e));
}

const tilings = new WeakMap<Element, Set<Element>>();

/**
 * The rects of a group that touch another of its rects edge to edge (stripes,
 * a stack's segments, a heatmap drawn with bars): framed by their neighbours,
 * like a field's cells, rather than standing alone on the page.
 */
function tiled(group: Element): Set<Element> {
  let out = tilings.get(group);
  if (out) return out;
  out = new Set();
  const rects = [...group.children].filter((c) => c.localName === "rect").map((r) => {
    const n = (name: string) => Number(r.getAttribute(name) ?? 0);
    return { r, x: n("x"), y: n("y"), w: n("width"), h: n("height") };
  });
  // Rows of rects of one height at one y, and columns of one width at one x, each in order along it.
  for (const across of [true, false]) {
    const lines = new Map<string, typeof rects>();
    for (const b of rects) {
      const key = across ? `${Math.round(b.y)} ${Math.round(b.h)}` : `${Math.round(b.x)} ${Math.round(b.w)}`;
      const line = lines.get(key);
      if (line) line.push(b);
      else lines.set(key, [b]);
    }
    for (const line of lines.values()) {
      line.sort((a, b) => (across ? a.x - b.x : a.y - b.y));
      for (let i = 1; i < line.length; i++) {
        const [a, b] = [line[i - 1]!, line[i]!];
        if (Math.abs(across ? b.x - (a.x + a.w) : b.y - (a.y + a.h)) < 0.5) out.add(a.r).add(b.r);
      }
    }
  }
  tilings.set(group, out);
  return out;
}

/** Whether the shape's own outline, or its group's, already reaches 3:1 on the page. */
function outlined(e: Element): boolean {
  for (let n: Element | null = e; n; n = n.parentElement) {
    const stroke = n.getAttribute("stroke");
    if (stroke === null) continue;
    const v = stroke.trim().toLowerCase();
    if (v === "none" || faint(n, "stroke-opacity") || Number(n.getAttribute("stroke-width") ?? 1) < 0.5) return false;
    return v === "currentcolor" || HOUSE.has(v) || (contrast(v, INK.background) ?? 0) >= MARK_CONTRAST;
  }
  return false;
}

/** A paint that is a colour of its own, not a keyword, a reference or a variable. */
function isColour(value: string): boolean {
  const v = value.trim().toLowerCase();
  return !(v === "none" || v === "currentcolor" || v === "transparent" || v === "inherit" || v.startsWith("url(") || v.startsWith("var(")) && contrast(v, INK.background) !== null;
}

function isCheckable(value: string): boolean {
  const v = value.trim().toLowerCase();
  if (!isColour(v)) return false;
  if (HOUSE.has(v)) return false;
  const hcl = parseHcl(v);
  if (hcl === null || !(hcl.c >= NEUTRAL)) return false;
  const onLight = contrast(v, INK.background);
  const onDark = contrast(v, DARK_INK.background);
  // Not a colour, or the background's own colour (a halo, a gap between marks).
  return onLight !== null && onDark !== null && onLight > 1.05 && onDark > 1.05;
}

/** Drawn with opacity below 1, by itself or its group: faint by design. */
function faint(e: Element, opacity: string): boolean {
  for (let n: Element | null = e; n; n = n.parentElement) {
    for (const name of ["opacity", opacity]) {
      const v = n.getAttribute(name);
      if (v !== null && Number(v) < 1) return true;
    }
  }
  return false;
}

const SHAPES = new Set(["rect", "circle", "path", "line", "polygon", "polyline", "ellipse"]);

function isText(e: Element): boolean {
  if (e.localName === "text" || e.localName === "tspan") return true;
  if (e.localName !== "g") return false;
  const inside = descendants(e);
  return inside.some((d) => d.localName === "text") && !inside.some((d) => SHAPES.has(d.localName));
}
