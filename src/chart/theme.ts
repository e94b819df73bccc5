// The house style, kept apart from the finishing step as bbplot keeps
// bbc_style apart from finalise_plot: type, colour, spacing and the two
// artboards. A chart's own Plot options override these defaults.

import { FONT_FAMILY, type Weight } from "./fonts.ts";

export type ArtboardName = "desktop" | "mobile";

export interface Artboard {
  name: ArtboardName;
  width: number;
  padding: number;
  headline: { size: number; weight: Weight; lineHeight: number };
  subtitle: { size: number; weight: Weight; lineHeight: number };
  /** Axis labels, annotations and legend. */
  body: { size: number; weight: Weight; lineHeight: number };
  notes: { size: number; weight: Weight; lineHeight: number };
}

export const ARTBOARDS: Record<ArtboardName, Artboard> = {
  desktop: {
    name: "desktop", width: 640, padding: 20,
    headline: { size: 24, weight: "bold", lineHeight: 1.2 },
    subtitle: { size: 16, weight: "regular", lineHeight: 1.3 },
    body: { size: 14, weight: "regular", lineHeight: 1.3 },
    notes: { size: 13, weight: "regular", lineHeight: 1.35 },
  },
  // At 320 px nothing a reader must read is smaller than 13 px.
  mobile: {
    name: "mobile", width: 320, padding: 12,
    headline: { size: 20, weight: "bold", lineHeight: 1.2 },
    subtitle: { size: 15, weight: "regular", lineHeight: 1.3 },
    body: { size: 13, weight: "regular", lineHeight: 1.3 },
    notes: { size: 13, weight: "regular", lineHeight: 1.35 },
  },
};

export const FONT_STACK = `"${FONT_FAMILY}", "Source Sans Pro", "Helvetica Neue", Arial, sans-serif`;

/** Colours with at least 4.5:1 contrast on the background where they carry text. */
export const INK = {
  text: "#1a1a1a",
  muted: "#5c5c5c",
  grid: "#dedede",
  rule: "#8c8c8c",
  background: "#ffffff",
  /** For what is implied or unknown rather than stated: outlines, hatching. */
  faint: "#c4c4c4",
};

/** The same colours for a dark page. */
export const DARK_INK = {
  text: "#f0f0f0",
  muted: "#b3b3b3",
  grid: "#444444",
  rule: "#8c8c8c",
  background: "#161616",
  faint: "#5a5a5a",
};

/** For numbers storycharts computed rather than anyone claimed. */
export const COMPUTED_COLOR = "#6e6e6e";

export const THEME = {
  fontStack: FONT_STACK,
  ink: INK,
  credit: "Graphic: storycharts",
};
