// Measures and wraps text with the shipped font's own advance widths, so that
// headlines and notes fit the artboard they are drawn on.

import { font, type Weight } from "./fonts.ts";

export interface TextStyle {
  size: number;
  weight: Weight;
}

export function textWidth(text: string, style: TextStyle): number {
  return font(style.weight).getAdvanceWidth(text, style.size, { kerning: true });
}

/**
 * Greedy word wrap to a width. A word longer than the width is broken
 * between characters rather than allowed to run off the artboard.
 */
export function wrap(text: string, width: number, style: TextStyle): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line === "" ? word : `${line} ${word}`;
      if (textWidth(candidate, style) <= width) {
        line = candidate;
        continue;
      }
      if (line !== "") lines.push(line);
      line = "";
      for (const piece of breakWord(word, width, style)) {
        if (line !== "") lines.push(line);
        line = piece;
      }
    }
    lines.push(line);
  }
  return lines;
}

function breakWord(word: string, width: number, style: TextStyle): string[] {
  if (textWidth(word, style) <= width) return [word];
  const pieces: string[] = [];
  let piece = "";
  for (const char of word) {
    if (piece !== "" && textWidth(piece + char, style) > width) {
      pieces.push(piece);
      piece = "";
    }
    piece += char;
  }
  if (piece !== "") pieces.push(piece);
  return pieces;
}
