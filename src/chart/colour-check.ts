// Colours a reader cannot see stop the chart: a mark's colour needs 3:1
// against the light background, a text's 4.5:1. On a dark page, where no one
// colour reaches 4.5:1 on both, the chart carries a lighter shade of each
// colour too dark there (darkVariants), written into its dark-mode style.
// Colours that name something are checked; deliberately faint things are
// left alone: greys (base maps, tiles, rules and "other", which no reader
// must tell from another hue), anything drawn with opacity below 1, and the
// cells of a continuous colour ramp, whose legend carries their meaning.

import { hcl as parseHcl } from "d3";
import { DARK_INK, INK } from "./theme.ts";
import { contrast, MARK_CONTRAST, TEXT_CONTRAST } from "./palette.ts";

/** Below this CIE chroma a colour reads as grey. */
const NEUTRAL = 5;
const HOUSE = new Set([...Object.values(INK), ...Object.values(DARK_INK)].map((c) => c.toLowerCase()));
// Scales whose colours name categories: every colour they give is a colour a reader must tell.
const CATEGORICAL = new Set(["ordinal", "categorical", "identity"]);

/** A colour the chart draws, by attribute, and whether it colours text. */
export interface ColourUse {
  element: Element;
  attr: "fill" | "stroke";
  value: string;
  text: boolean;
}

/** The colours a reader must tell: constant colours of marks and text, and shapes coloured by a categorical scale. */
export function colourUses(plot: Element, colorScaleType: string | undefined): ColourUse[] {
  const out: ColourUse[] = [];
  for (const e of [plot, ...plot.querySelectorAll("*")]) {
    for (const attr of ["fill", "stroke"] as const) {
      const value = e.getAttribute(attr);
      if (value === null) continue;
      const shape = e.localName !== "g" && e.localName !== "svg" && e.localName !== "text" && e.localName !== "tspan";
      // A shape's own colour comes from the colour channel; a ramp's cells are read through its legend.
      if (shape && colorScaleType !== undefined && !CATEGORICAL.has(colorScaleType)) continue;
      const text = isText(e);
      // A stroke around text is a halo, read against the text rather than the page.
      if (text && attr === "stroke") continue;
      out.push({ element: e, attr, value, text });
    }
  }
  return out;
}

/** Every colour in Plot's drawing too faint to read on the light background, one sentence each (at most three). */
export function colourProblems(uses: ColourUse[]): string[] {
  const problems = new Map<string, string>();
  for (const use of uses) {
    if (!isCheckable(use.value) || faint(use.element, `${use.attr}-opacity`)) continue;
    const light = contrast(use.value, INK.background)!;
    if (light >= (use.text ? TEXT_CONTRAST : MARK_CONTRAST)) continue;
    const mark = use.element.closest("[aria-label]")?.getAttribute("aria-label") ?? use.element.localName;
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
    if (variants.has(key)) continue;
    if (!isCheckable(use.value)) continue;
    const v = use.value.trim().toLowerCase();
    const needed = use.text ? TEXT_CONTRAST : MARK_CONTRAST;
    const onDark = contrast(v, DARK_INK.background);
    // Light colours, and the light background's own (halos, gaps), are left as they are.
    if (onDark === null || onDark >= needed || (contrast(v, INK.background) ?? 21) < 1.5) continue;
    const variant = lighten(v, needed);
    if (variant) variants.set(key, { attr: use.attr, value: use.value, variant });
  }
  return [...variants.values()];
}

/** The same hue, lighter until it reaches `needed`:1 on the dark background. */
function lighten(css: string, needed: number): string | null {
  const c = parseHcl(css);
  if (!c || !Number.isFinite(c.l)) return null;
  for (let l = Math.max(c.l, 0); l <= 100; l += 1) {
    const shade = parseHcl(Number.isFinite(c.h) ? c.h : 0, Number.isFinite(c.c) ? c.c : 0, l).formatHex();
    if ((contrast(shade, DARK_INK.background) ?? 0) >= needed) return shade;
  }
  return "#ffffff";
}

function isCheckable(value: string): boolean {
  const v = value.trim().toLowerCase();
  if (v === "none" || v === "currentcolor" || v === "transparent" || v === "inherit" || v.startsWith("url(") || v.startsWith("var(")) return false;
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

function isText(e: Element): boolean {
  if (e.localName === "text" || e.localName === "tspan") return true;
  return e.localName === "g" && e.querySelector("text") !== null && e.querySelector("rect, circle, path, line, polygon, polyline, ellipse") === null;
}
