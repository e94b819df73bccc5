// Measures and wraps text with the shipped font's own advance widths, so that
// headlines and notes fit the artboard they are drawn on.

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

const widths = new Map<string, number>();

/**
 * The text's advance in the shipped font. opentype.js shapes the text anew on
 * every call (its feature lookups were most of a chart's drawing time), and
 * the same words recur on every chart: each is measured once per process.
 */
export function textWidth(text: string, style: TextStyle): number {
  const key = `${style.weight}\u0000${style.size}\u0000${text}`;
  let w = widths.get(key);
  if (w === undefined) {
    // Bounded, so that a build of thousands of charts does not hold every string it ever measured.
    if (widths.size > 50_000) widths.clear();
    w = font(style.weight).getAdvanceWidth(text, style.size, { kerning: true });
    widths.set(key, w);
  }
  return w;
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
