// Colours a reader can tell apart and see: the house palette, each claimant's
// colour, and WCAG contrast. Every palette colour is at least 3:1 against
// both the light and the dark background, and the palette stays apart under
// the three common colour-vision deficiencies.

import { color as parseColor, hcl, interpolateHcl, quantize } from "d3";
import { DARK_INK, INK } from "./theme.ts";

/**
 * Okabe and Ito's blue, vermillion, bluish green and reddish purple, then
 * four colours chosen to stay apart from them and from each other (CIELAB
 * ΔE ≥ 17 in normal vision and simulated protanopia, deuteranopia and
 * tritanopia), all with a relative luminance between 0.12 and 0.30 so that
 * each reaches 3:1 on white and on the dark background.
 */
export const PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#995BFF", "#DC083E", "#48753F", "#E30CC1"] as const;

/**
 * The house's shades for an ordered scale left to Plot (Plot's own, turbo,
 * has yellows and greens near 1.3:1 on white): the palette's blue to its
 * vermillion through purple and red, a hue order like plasma's, every shade
 * at least 3.4:1 on the light and the dark background alike.
 */
export function ordinalShades(n: number): string[] {
  if (n <= 1) return [PALETTE[0]];
  return quantize(houseRamp, n).map((c) => hcl(c).formatHex());
}

/** The same shades as a continuous ramp, for a quantitative colour scale left to Plot (turbo, again). */
export const houseRamp: (t: number) => string = interpolateHcl(PALETTE[0], PALETTE[1]);

/** The neutral middle of the house's diverging ramp: a grey at 3.9:1 on white and 4.3:1 on the dark background. */
const NEUTRAL = "#808080";

/**
 * The house's diverging ramp, for a diverging scale left to Plot (whose
 * red-blue fades to white in the middle, where a line or a dot vanishes):
 * the palette's vermillion below the midpoint and its blue above, as Plot's
 * red-blue runs, meeting in a grey that reads as "no change". Every shade
 * reaches 3:1 on either page.
 */
export function houseDiverging(t: number): string {
  return t < 0.5 ? interpolateHcl(PALETTE[1], NEUTRAL)(t * 2) : interpolateHcl(NEUTRAL, PALETTE[0])((t - 0.5) * 2);
}

/** Marks need 3:1 against the background (WCAG 1.4.11); text needs 4.5:1 (1.4.3). */
export const MARK_CONTRAST = 3;
export const TEXT_CONTRAST = 4.5;

export interface ClaimantStyle {
  /** The claimant's colour on every chart of the notebook: a CSS colour. */
  color?: string;
  /** A short name for legends and direct labels ("Zelenskyy" for "Volodymyr Zelenskyy (President of Ukraine)"). */
  short?: string;
}

/** WCAG relative luminance of a CSS colour, or null when it is not one. */
export function luminance(css: string): number | null {
  const c = parseColor(css)?.rgb();
  if (!c || !Number.isFinite(c.r)) return null;
  const channel = (v: number) => {
    const s = Math.min(255, Math.max(0, v)) / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

/** WCAG contrast ratio of two CSS colours (1 to 21), or null when one is not a colour. */
export function contrast(a: string, b: string): number | null {
  const [la, lb] = [luminance(a), luminance(b)];
  if (la === null || lb === null) return null;
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** How a colour falls short against the light and the dark background; empty when it does not. */
export function contrastShortfalls(css: string, needed: number): string[] {
  const out: string[] = [];
  for (const [name, background] of [["light", INK.background], ["dark", DARK_INK.background]] as const) {
    const ratio = contrast(css, background);
    if (ratio !== null && ratio < needed - 1e-9) out.push(`${ratio.toFixed(2)}:1 on the ${name} background (${background})`);
  }
  return out;
}

/**
 * Each claimant's colour: the notebook's own where it sets one, otherwise the
 * palette's colours not taken by those, in the order the claimants first
 * appear in the ledger, so a story's colours do not depend on which chart is
 * drawn first. A claimant the ledger does not name gets a colour from its
 * name, the same every time.
 */
export function claimantColors(claimants: readonly string[], styles: Readonly<Record<string, ClaimantStyle>> = {}): (claimant: string) => string {
  const chosen = new Map<string, string>();
  for (const [name, style] of Object.entries(styles)) if (style.color) chosen.set(name, style.color);
  const taken = new Set([...chosen.values()].map((c) => c.toUpperCase()));
  const free = PALETTE.filter((c) => !taken.has(c));
  const pool = free.length > 0 ? free : [...PALETTE];
  let next = 0;
  for (const claimant of claimants) if (!chosen.has(claimant)) chosen.set(claimant, pool[next++ % pool.length]!);
  return (claimant) => {
    const known = chosen.get(claimant);
    if (known) return known;
    let hash = 0;
    for (const ch of claimant) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
    return pool[hash % pool.length]!;
  };
}

/** Problems with a notebook's claimant styles: colours that are not colours or that a reader cannot see. */
export function claimantStyleProblems(styles: Readonly<Record<string, ClaimantStyle>>): { claimant: string; message: string; fix: string }[] {
  const problems: { claimant: string; message: string; fix: string }[] = [];
  for (const [claimant, style] of Object.entries(styles)) {
    if (style.color === undefined) continue;
    if (luminance(style.color) === null) {
      problems.push({ claimant, message: `the colour "${style.color}" is not a CSS colour`, fix: `Use a hex colour such as ${PALETTE[0]}, or leave it out for the next palette colour` });
      continue;
    }
    // A dark page gets a lighter shade of it from finishing; the light page must read as it is.
    const short = contrastShortfalls(style.color, MARK_CONTRAST).filter((s) => s.includes("light"));
    if (short.length > 0) problems.push({ claimant, message: `the colour ${style.color} has ${short.join(" and ")}; a chart's colours need ${MARK_CONTRAST}:1`, fix: `Use a darker shade, or one of the house palette: ${PALETTE.join(", ")}` });
  }
  return problems;
}
