// Plot's drawing made fit to print. Interactive marks (tips, pointers,
// crosshairs) draw nothing until a pointer moves, so they are dropped with a
// notice and the picture stays the same. Inline styles become presentation
// attributes the allowlist can read. Pictures and links are refused plainly,
// and a value Plot could not compute (NaN, Infinity, a function's source
// where Plot takes a constant) stops the chart, naming the mark and channel.

import { ChartError } from "./render.ts";
import { INK } from "./theme.ts";
import { closestWith, descendants } from "./elements.ts";

// Inline style properties that SVG also takes as presentation attributes.
const PRESENTATION = new Set([
  "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-dasharray",
  "stroke-dashoffset", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "opacity", "color",
  "font-size", "font-weight", "font-style", "font-variant", "text-anchor", "dominant-baseline",
  "paint-order", "shape-rendering", "letter-spacing", "vector-effect", "mix-blend-mode", "clip-path",
]);

// How Plot's channels reach the SVG, to name the option a bad value came from.
const CHANNEL: Record<string, string> = {
  "text-anchor": "textAnchor", "font-size": "fontSize", "font-weight": "fontWeight", "stroke-width": "strokeWidth",
  "fill-opacity": "fillOpacity", "stroke-opacity": "strokeOpacity", "stroke-dasharray": "strokeDasharray",
  "transform": "x, y, dx, dy or rotate", "cx": "x", "cy": "y", "r": "r", "d": "the mark's positions",
  "paint-order": "paintOrder", "mix-blend-mode": "mixBlendMode", "font-variant": "fontVariant",
};

/** The house's classes that paint in the background's colour. */
const HOUSE_CLASS = /^sc-bg(-stroke)?$/i;

/** Below this a label is a speck, not words: a size that hides the numbers is refused. */
const LEAST_FONT_SIZE = 6;

const NOT_A_VALUE = /NaN|Infinity|undefined|\[object |=>|\bfunction\b/;

/** Makes Plot's SVG static and printable in place; returns the notices for what it dropped. */
export function makeStatic(svg: Element): string[] {
  const notices = new Set<string>();
  const before = descendants(svg);
  if (before.some((e) => e.localName === "image")) {
    throw new ChartError(
      "the chart draws a picture (Plot's image mark), which a published chart may not load from a file or the web",
      "Draw it with marks (dots, symbols, text), or put the picture in the story beside the chart",
    );
  }
  if (before.some((e) => e.localName === "a")) {
    throw new ChartError(
      "the chart links its marks to web pages (Plot's href channel); a published chart links to nothing",
      "Remove the href option and put the links in the story's text",
    );
  }
  for (const g of before.filter((e) => e.hasAttribute("pointer-events"))) {
    const mark = g.getAttribute("aria-label") ?? g.localName;
    if (g.getAttribute("pointer-events") === "none" && g.firstElementChild === null && g.getAttribute("aria-label") !== null) {
      g.remove();
      notices.add(`the ${mark} mark was dropped: it shows only under a pointer, and a published chart is a still picture`);
    } else {
      g.removeAttribute("pointer-events");
    }
  }
  // What the loop above left in the drawing; the loops below change attributes only, each reading them as it comes.
  const elements = descendants(svg);
  for (const e of elements.filter((e) => e.hasAttribute("style"))) {
    const style = (e as HTMLElement).style;
    const kept: [string, string][] = [];
    for (let i = 0; i < style.length; i++) {
      const name = style.item(i);
      const value = style.getPropertyValue(name);
      if (PRESENTATION.has(name) && !/url\(|expression|[<>]/i.test(value)) kept.push([name, value]);
      else notices.add(`the style ${name}: ${value} was dropped: it is not part of a static SVG picture`);
    }
    e.removeAttribute("style");
    for (const [name, value] of kept) e.setAttribute(name, value);
  }
  // The house's background classes (sc-bg, sc-bg-stroke) are painted by the chart's style: a mark
  // that borrowed one would vanish into the background. sc-muted, the house's readable grey, a chart may take.
  for (const e of elements.filter((e) => e.hasAttribute("class"))) {
    const classes = e.getAttribute("class")!.split(/[\t\n\f\r ]+/).filter(Boolean);
    const kept = classes.filter((c) => !HOUSE_CLASS.test(c));
    if (kept.length === classes.length) continue;
    const mark = closestWith(e, "aria-label")?.getAttribute("aria-label") ?? e.localName;
    notices.add(`the ${mark} mark's class ${classes.filter((c) => HOUSE_CLASS.test(c)).join(" ")} was dropped: it paints the chart's background`);
    if (kept.length > 0) e.setAttribute("class", kept.join(" "));
    else e.removeAttribute("class");
  }
  for (const e of [svg, ...elements.filter((e) => e.hasAttribute("font-size"))]) {
    const size = e.getAttribute("font-size");
    const px = size !== null && /^\s*-?[\d.]+(e-?\d+)?(px)?\s*$/i.test(size) ? parseFloat(size) : null;
    if (px === null || px >= LEAST_FONT_SIZE) continue;
    const mark = e === svg ? "chart's" : `${closestWith(e, "aria-label")?.getAttribute("aria-label") ?? e.localName} mark's`;
    throw new ChartError(`the ${mark} font size is ${size}: no reader could read its words`, `Give a font size of at least ${LEAST_FONT_SIZE} px, or leave it to the house style`);
  }
  // Plot's halos and tips paint with the page's background; a standalone file
  // has no page, so they take the house background, light or dark.
  for (const [attr, cls] of [["fill", "sc-bg"], ["stroke", "sc-bg-stroke"]] as const) {
    for (const e of elements.filter((e) => e.hasAttribute(attr))) {
      const value = e.getAttribute(attr)!;
      if (!/^\s*var\(/.test(value)) continue;
      if (!/^\s*var\(\s*--plot-background\s*[,)]/.test(value)) {
        throw new ChartError(`the ${closestWith(e, "aria-label")?.getAttribute("aria-label") ?? e.localName} mark's ${attr} is ${value}, a CSS variable a standalone chart does not define`, "Give the colour itself, or var(--plot-background) for the background's colour");
      }
      e.setAttribute(attr, INK.background);
      e.setAttribute("class", [e.getAttribute("class"), cls].filter(Boolean).join(" "));
    }
  }
  const bad: string[] = [];
  for (const e of elements) {
    for (const attr of e.attributes) {
      if (attr.name.startsWith("aria-") || attr.name === "class" || attr.name === "id" || !NOT_A_VALUE.test(attr.value)) continue;
      const mark = closestWith(e, "aria-label")?.getAttribute("aria-label") ?? e.localName;
      const value = attr.value.length > 40 ? `${attr.value.slice(0, 40)}…` : attr.value;
      bad.push(`the ${mark} mark's ${CHANNEL[attr.name] ?? attr.name} is ${/=>|function/.test(value) ? `the text of a function (${value})` : `"${value}"`}`);
      break;
    }
    if (bad.length >= 3) break;
  }
  if (bad.length > 0) {
    throw new ChartError(
      `the chart drew what no number can place: ${bad.join("; ")}`,
      "Give that option a constant where Plot takes a constant (textAnchor, fontSize and the like cannot vary by row), and check the table's values for missing or infinite numbers",
    );
  }
  return [...notices];
}
