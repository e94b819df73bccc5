// Measures and wraps text with the shipped font's own advance widths, so that
// headlines and notes fit the artboard they are drawn on.

import type { Font, Glyph } from "opentype.js";
import { font, type Weight } from "./fonts.ts";

/**
 * Seen without the shipped font (an SVG loaded as an image cannot use it), a
 * chart falls back to Arial-metric fonts, which set text 7–10% wider than
 * Source Sans 3 (measured with Liberation Sans). Text is laid out to fit
 * either way.
 */
export const FALLBACK_ALLOWANCE = 1.1;

export interface TextStyle {
  size: number;
  weight: Weight;
}

interface Metrics {
  font: Font;
  scale: (size: number) => number;
  glyphs: Map<string, Glyph>;
  kerning: Map<number, number>;
  pair: (left: Glyph, right: Glyph) => number;
}

const metrics = new Map<Weight, Metrics>();

function metricsOf(weight: Weight): Metrics {
  let m = metrics.get(weight);
  if (!m) {
    const f = font(weight);
    const lookups = f.position.getKerningTables(f.position.getDefaultScriptName());
    m = {
      font: f,
      scale: (size) => (1 / f.unitsPerEm) * size,
      glyphs: new Map(),
      kerning: new Map(),
      pair: lookups ? (l, r) => f.position.getKerningValue(lookups, l.index, r.index) : (l, r) => f.getKerningValue(l, r),
    };
    metrics.set(weight, m);
  }
  return m;
}

/**
 * The text's advance in the shipped font: each character's advance plus the
 * font's kerning between neighbours, summed in the order opentype.js's
 * getAdvanceWidth sums them, so the numbers are the same to the last bit.
 * opentype.js shapes a string anew on every call, which made measuring text
 * most of a cold build's drawing time; glyphs and kerning pairs are looked up
 * once each here instead. What this leaves out is substitution (ligatures,
 * contextual forms), which changes no advance in the texts we set in Latin
 * with Source Sans 3 (compared word by word on the story's whole text).
 */
export function textWidth(text: string, style: TextStyle): number {
  const m = metricsOf(style.weight);
  const scale = m.scale(style.size);
  let x = 0;
  let previous: Glyph | null = null;
  for (const char of text) {
    let glyph = m.glyphs.get(char);
    if (!glyph) m.glyphs.set(char, (glyph = m.font.charToGlyph(char)));
    if (previous) x += kern(m, previous, glyph) * scale;
    if (glyph.advanceWidth) x += glyph.advanceWidth * scale;
    previous = glyph;
  }
  return x;
}

function kern(m: Metrics, left: Glyph, right: Glyph): number {
  const key = left.index * 65536 + right.index;
  let k = m.kerning.get(key);
  if (k === undefined) m.kerning.set(key, (k = m.pair(left, right)));
  return k;
}

/**
 * Greedy word wrap to a width. Words are measured once each and summed with
 * the width of a space, so a paragraph costs one measurement per word. A word
 * longer than the width is broken between characters rather than allowed to
 * run off the artboard.
 */
export function wrap(text: string, width: number, style: TextStyle): string[] {
  const space = textWidth(" ", style);
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    let lineWidth = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const w = textWidth(word, style);
      if (line !== "" && lineWidth + space + w <= width) {
        line += ` ${word}`;
        lineWidth += space + w;
        continue;
      }
      if (line !== "") lines.push(line);
      const pieces = w <= width ? [word] : breakWord(word, width, style);
      // breakWord measures by character; only a word too long for a line gets there.
      for (const piece of pieces.slice(0, -1)) lines.push(piece);
      line = pieces.at(-1)!;
      lineWidth = textWidth(line, style);
    }
    lines.push(line);
  }
  return lines;
}

/**
 * A list's items joined with " · " and wrapped to the width, a line broken
 * between items where it can be ("Rhode Island 43 ·" never "Rhode / Island"),
 * and within an item only when the item alone is too long.
 */
export function wrapList(items: string[], width: number, style: TextStyle): string[] {
  const lines: string[] = [];
  let line = "";
  for (const item of items) {
    const joined = line === "" ? item : `${line} · ${item}`;
    if (textWidth(joined, style) <= width) {
      line = joined;
      continue;
    }
    if (line !== "") lines.push(`${line} ·`);
    const wrapped = wrap(item, width, style);
    line = wrapped.pop() ?? "";
    lines.push(...wrapped);
  }
  return line === "" ? lines : [...lines, line];
}

const charWidths = new Map<string, Map<string, number>>();

/** One character's advance, measured once per font and size. */
function charWidth(char: string, style: TextStyle): number {
  const key = `${style.weight}/${style.size}`;
  let widths = charWidths.get(key);
  if (!widths) charWidths.set(key, (widths = new Map()));
  let w = widths.get(char);
  if (w === undefined) widths.set(char, (w = textWidth(char, style)));
  return w;
}

function breakWord(word: string, width: number, style: TextStyle): string[] {
  // Character by character, each measured once: a 10,000-character "word" stays linear.
  const pieces: string[] = [];
  let piece = "";
  let pieceWidth = 0;
  for (const char of word) {
    const w = charWidth(char, style);
    if (piece !== "" && pieceWidth + w > width) {
      pieces.push(piece);
      piece = "";
      pieceWidth = 0;
    }
    piece += char;
    pieceWidth += w;
  }
  if (piece !== "") pieces.push(piece);
  return pieces;
}
