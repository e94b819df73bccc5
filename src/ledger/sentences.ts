// An article's sentences, each with its place in the text, so that a quote
// taken from one is verbatim. A full stop ends a sentence unless it closes an
// abbreviation ("U.N.", "Gen.", "Jan."); a line break always does. A very long
// sentence is quoted by the passage around a number.

import { LONG_SENTENCE_CHARS, QUOTE_CONTEXT_CHARS } from "./limits.ts";

export interface Sentence {
  text: string;
  start: number;
}

const ABBREVIATIONS = new Set([
  "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "capt", "maj", "adm", "rep", "sen", "gov", "pres", "prof",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  "no", "vs", "etc", "inc", "ltd", "co", "cos", "bros", "corp", "dept", "govt", "approx", "est", "fig", "p.m", "a.m",
]);

export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body !== "") out.push({ text: body, start: start + lead });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\n") {
      push(i);
      continue;
    }
    if (c !== "." && c !== "!" && c !== "?") continue;
    let end = i + 1;
    // Closing quotation marks and brackets belong to the sentence they close.
    while (end < text.length && /["”’')\]]/.test(text[end]!)) end++;
    // "3.5", "U.N.", "example.com" go on; "minister said.Minister Nadda": a word, its full stop and a capitalised word with no space is a lost space.
    if (end < text.length && !/\s/.test(text[end]!) && !(c === "." && end === i + 1 && /\p{Ll}{3}$/u.test(text.slice(Math.max(0, i - 3), i)) && /^\p{Lu}\p{Ll}{2,}\b/u.test(text.slice(end)))) continue;
    if (c === "." && isAbbreviation(text, i)) continue;
    push(end);
    i = end - 1;
  }
  push(text.length);
  return out;
}

function isAbbreviation(text: string, dot: number): boolean {
  const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - 12), dot))?.[1] ?? "";
  if (/^\p{Lu}$/u.test(word)) return true; // an initial: "J. Smith", the last letter of "U.S."
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) return true; // "U.N", "U.S"
  return ABBREVIATIONS.has(word.toLowerCase());
}

export interface Passage {
  text: string;
  /** Offset of the passage in the sentence. */
  start: number;
}

/**
 * The words of a sentence around the phrase at [start, end): the whole
 * sentence when it is of ordinary length, else up to QUOTE_CONTEXT_CHARS
 * either side of the phrase, cut where a word starts and ends. Verbatim, so
 * it can stand as a quote; bounded, so that the work done with each of a
 * long sentence's numbers does not grow with the sentence.
 */
export function passageAround(sentence: string, start: number, end: number): Passage {
  if (sentence.length <= LONG_SENTENCE_CHARS) return { text: sentence, start: 0 };
  const space = (i: number) => /\s/.test(sentence[i] ?? " ");
  let from = Math.max(0, start - QUOTE_CONTEXT_CHARS);
  let to = Math.min(sentence.length, end + QUOTE_CONTEXT_CHARS);
  // Drop a word the margin cuts in two, unless it is the phrase's own.
  if (!space(from - 1)) while (from < start && !space(from)) from++;
  if (!space(to)) while (to > end && !space(to - 1)) to--;
  while (from < start && space(from)) from++;
  while (to > end && space(to - 1)) to--;
  return { text: sentence.slice(from, to), start: from };
}

/** Line and column of an offset, found by bisecting the line starts rather than counting lines again for each. */
export function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}
