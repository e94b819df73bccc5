// Colours a reader cannot see stop the chart: a mark's colour needs 3:1
// against the light and the dark background, a text's 4.5:1 against the
// light one (and 3:1 on dark, where no one colour reaches 4.5:1 on both).
// Colours that name something are checked; deliberately faint things are
// left alone: greys (base maps, tiles, rules and "other", which no reader
// must tell from another hue), anything drawn with opacity below 1, and the
// cells of a continuous colour ramp, whose legend carries their meaning.

import { hcl as parseHcl } from "d3";
import { DARK_INK, INK } from "./theme.ts";
import { contrast, contrastShortfalls, MARK_CONTRAST, TEXT_CONTRAST } from "./palette.ts";

/** Below this CIE chroma a colour reads as grey. */
const NEUTRAL = 5;
const HOUSE = new Set([...Object.values(INK), ...Object.values(DARK_INK)].map((c) => c.toLowerCase()));
// Scales whose colours name categories: every colour they give is a colour a reader must tell.
const CATEGORICAL = new Set(["ordinal", "categorical", "identity"]);

/** Every colour in Plot's drawing too faint to read, one sentence each (at most three). */
export function colourProblems(plot: Element, colorScaleType: string | undefined): string[] {
  const problems = new Map<string, string>();
  for (const e of [plot, ...plot.querySelectorAll("*")]) {
    for (const [attr, opacity] of [["fill", "fill-opacity"], ["stroke", "stroke-opacity"]] as const) {
      const value = e.getAttribute(attr);
      if (value === null || !isCheckable(value) || faint(e, opacity)) continue;
      const shape = e.localName !== "g" && e.localName !== "svg" && e.localName !== "text" && e.localName !== "tspan";
      // A shape's own colour comes from the colour channel; a ramp's cells are read through its legend.
      if (shape && colorScaleType !== undefined && !CATEGORICAL.has(colorScaleType)) continue;
      const text = isText(e);
      // A stroke around text is a halo, read against the text rather than the page.
      if (text && attr === "stroke") continue;
      const light = contrast(value, INK.background)!;
      const short = contrastShortfalls(value, MARK_CONTRAST).filter((s) => s.includes("dark"));
      if (text ? light < TEXT_CONTRAST : light < MARK_CONTRAST) short.unshift(`${light.toFixed(2)}:1 on the light background (${INK.background})`);
      if (short.length === 0) continue;
      const mark = e.closest("[aria-label]")?.getAttribute("aria-label") ?? e.localName;
      const key = `${mark}/${attr}/${value}`;
      if (!problems.has(key)) {
        problems.set(key, `the ${mark} mark's ${text ? "text colour" : attr} ${value} has ${[...new Set(short)].join(" and ")}; ${text ? `text needs ${TEXT_CONTRAST}:1 on light and ${MARK_CONTRAST}:1 on dark` : `marks need ${MARK_CONTRAST}:1 on both`}`);
      }
    }
    if (problems.size >= 3) break;
  }
  return [...problems.values()];
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
