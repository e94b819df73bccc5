// A seed is an article kept byte for byte in seeds/<name>.txt, with what we
// know about it in seeds/<name>.meta.json. Loading one also proves that the
// text is still the text we copied and that the metadata quotes it truly.

import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { distance } from "fastest-levenshtein";
import { isCalendarDate } from "./calendar.mjs";
import { articleTooBig } from "./limits.ts";
import { ProblemError, type Problem } from "./problems.ts";

export interface SeedMeta {
  headline: string;
  publisher: string;
  agency: string | null;
  byline: string | null;
  /** How a chart's source line names the article: "teleSUR/EFE". */
  credit: string;
  language: string;
  published: {
    date: string;
    time: string | null;
    timezone: string | null;
    /** The dateline exactly as the article prints it; null when the text has none. */
    dateline: string | null;
    note?: string;
  };
  photo: { caption: string; credit: string } | null;
  sourceLine: string | null;
  origin: { file: string; sha256: string; note?: string };
}

export interface Seed {
  name: string;
  /** seeds/<name>.txt, relative to the project root. */
  file: string;
  text: string;
  meta: SeedMeta;
}

export function seedPath(name: string): string {
  return `seeds/${name}.txt`;
}

export function loadSeed(root: string, name: string, requestedBy: string): Seed {
  const file = seedPath(name);
  const metaFile = `seeds/${name}.meta.json`;
  let bytes: Buffer;
  try {
    // Refuse an oversized seed before reading it.
    const tooBig = articleTooBig(file, statSync(join(root, file)).size);
    if (tooBig) throw new ProblemError([tooBig]);
    bytes = readFileSync(join(root, file));
  } catch (error) {
    if (error instanceof ProblemError) throw error;
    throw new ProblemError([{
      file: requestedBy, place: `seed ${name}`,
      message: `the seed file ${file} does not exist`,
      fix: `Copy the article into ${file} (byte for byte), or correct the seed name`,
    }]);
  }
  let meta: SeedMeta;
  try {
    meta = JSON.parse(readFileSync(join(root, metaFile), "utf8")) as SeedMeta;
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    throw new ProblemError([{
      file: metaFile, place: "metadata",
      message: missing ? "the seed has no metadata file" : `the metadata is not valid JSON (${(error as Error).message})`,
      fix: "Write the headline, publisher, dateline and origin beside the seed, as the existing seeds do",
    }]);
  }
  const text = bytes.toString("utf8");
  const problems = checkMeta(text, meta, metaFile, createHash("sha256").update(bytes).digest("hex"));
  if (problems.length > 0) throw new ProblemError(problems);
  return { name, file, text, meta };
}

function checkMeta(text: string, meta: SeedMeta, metaFile: string, sha256: string): Problem[] {
  const problems: Problem[] = [];
  const verbatim: [string, string | null | undefined][] = [
    ["headline", meta.headline],
    ["published.dateline", meta.published?.dateline],
    ["photo.caption", meta.photo?.caption],
    ["photo.credit", meta.photo?.credit],
    ["byline", meta.byline],
    ["sourceLine", meta.sourceLine],
  ];
  for (const [field, value] of verbatim) {
    if (value === undefined || value === null) continue;
    if (!text.includes(value)) {
      problems.push({
        file: metaFile, place: field, message: `"${value}" is not in the seed's text`,
        fix: "Copy the field from the article exactly as printed",
      });
    }
  }
  if (meta.origin?.sha256 !== sha256) {
    problems.push({
      file: metaFile, place: "origin.sha256",
      message: `the seed's bytes have changed (sha256 is ${sha256}, the metadata records ${meta.origin?.sha256})`,
      fix: "Restore the article byte for byte from its origin; if the article itself was corrected, record the new hash and say so in origin.note",
    });
  }
  // "2025-13-45" has the shape of a date and is none: it would print as "45 undefined 2025".
  if (!isCalendarDate(String(meta.published?.date ?? ""))) {
    problems.push({
      file: metaFile, place: "published.date", message: `the publication date ${JSON.stringify(meta.published?.date ?? null)} is not a day of the calendar written YYYY-MM-DD`,
      fix: "Write the date the dateline gives, as YYYY-MM-DD",
    });
  }
  if (typeof meta.publisher !== "string" || meta.publisher.trim() === "") {
    problems.push({ file: metaFile, place: "publisher", message: "the publisher is missing or not text", fix: "Name the publication, as the existing seeds do" });
  }
  return problems;
}

/** Every place the quote stands in the text, exactly. */
export function findAll(text: string, quote: string): number[] {
  const found: number[] = [];
  if (quote === "") return found;
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) found.push(i);
  return found;
}

/**
 * Every place of many quotes in one text. The first few are found by scanning
 * the text; past that, scanning once for each quote would cost the text's
 * length times the number of quotes (a notebook that lists each of a long
 * article's numbers), so the places of every run of GRAM characters are
 * indexed once, and a quote is looked for only where its rarest run stands.
 */
class Places {
  private readonly known = new Map<string, number[]>();
  private grams: Map<string, number[]> | null = null;

  constructor(private readonly text: string) {}

  of(quote: string): number[] {
    let found = this.known.get(quote);
    if (!found) {
      found = quote.length < GRAM || this.known.size < SCANS ? findAll(this.text, quote) : this.indexed(quote);
      this.known.set(quote, found);
    }
    return found;
  }

  private indexed(quote: string): number[] {
    if (!this.grams) {
      this.grams = new Map();
      for (let i = 0; i + GRAM <= this.text.length; i++) {
        const gram = this.text.slice(i, i + GRAM);
        const at = this.grams.get(gram);
        if (at) at.push(i);
        else this.grams.set(gram, [i]);
      }
    }
    // Every place of the quote holds each of its runs, so the places of its rarest run are the only ones to try.
    let rarest: number[] = [];
    let offset = -1;
    for (let j = 0; j + GRAM <= quote.length; j++) {
      const at = this.grams.get(quote.slice(j, j + GRAM)) ?? [];
      if (offset === -1 || at.length < rarest.length) [rarest, offset] = [at, j];
      if (at.length === 0) break;
    }
    return rarest.map((i) => i - offset).filter((i) => i >= 0 && this.text.startsWith(quote, i));
  }
}

const GRAM = 4;
/** Quotes found by scanning before the text is indexed: an index costs a few scans to build. */
const SCANS = 8;

const places = new WeakMap<Seed, Places>();

/**
 * findAll in a seed's text, remembered for the seed: the checks and the
 * coverage both look for each quote, and a notebook may quote one passage for
 * many numbers.
 */
export function placesIn(seed: Seed, quote: string): number[] {
  let known = places.get(seed);
  if (!known) places.set(seed, (known = new Places(seed.text)));
  return known.of(quote);
}

// Typographic marks that people retype as plain ones, and plain ones that an editor or a keyboard turns typographic:
// each with the plain mark it folds to and how a message names either.
const LOOKALIKES: [RegExp, string, string, string][] = [
  [/[\u2018\u2019\u02bc]/g, "'", "’", "'"],
  [/[\u201c\u201d]/g, '"', "“ ”", '"'],
  [/[\u2013\u2014]/g, "-", "— or –", "-"],
  [/\u00a0/g, " ", "a no-break space", "a space"],
];

function fold(s: string): string {
  let out = s;
  for (const [pattern, plain] of LOOKALIKES) out = out.replace(pattern, plain);
  return out.replace(/\s+/g, " ").toLowerCase();
}

export interface Nearest {
  passage: string;
  /** Why the quote missed, when that can be said: "the seed has ’ where the quote has '". */
  hint: string | null;
}

/**
 * The passage of the text most like the quote, for a message that says what
 * was meant: of the runs of as many words as the quote has (one fewer, one
 * more), the first at the least edit distance from it, both folded.
 *
 * Measuring every run would cost the text's length times the square of the
 * quote's, so each run is first given a cheap lower bound: an edit changes at
 * most one character in and one out of a string's count of each character, so
 * the distance is at least what the two counts do not share. Counts slide from
 * one run to the next in time linear in the text; runs are then measured in the
 * order of their bounds, and measuring stops when no bound left can beat the
 * best found. The answer is the one measuring every run would give; a quote
 * unlike every run (whose bounds stay low while no run comes close) stops at a
 * budget of work, with the best run found by then.
 */
export function nearestPassage(text: string, quote: string): Nearest {
  const folded = fold(quote);
  const words = [...text.matchAll(/\S+/g)];
  // A run folds to its words folded one by one and joined by single spaces.
  const foldedWords = words.map((w) => fold(w[0]));
  const span = Math.max(1, quote.split(/\s+/).filter(Boolean).length);
  const sizes = [span - 1, span, span + 1];

  // The quote's count of each character, in slots; characters it lacks count for nothing shared.
  const slotOf = new Map<number, number>();
  const wanted: number[] = [];
  for (let k = 0; k < folded.length; k++) {
    const c = folded.charCodeAt(k);
    if (c === 32) continue; // spaces are counted apart: a run of n words has n - 1
    let slot = slotOf.get(c);
    if (slot === undefined) slotOf.set(c, (slot = wanted.push(0) - 1));
    wanted[slot]!++;
  }
  const spaces = folded.length - wanted.reduce((a, b) => a + b, 0);

  // Each run: its first word, its size's place in `sizes` (so first/size order is i * 3 + k), its bound.
  const runs: { order: number; bound: number }[] = [];
  for (let k = 0; k < sizes.length; k++) {
    const n = sizes[k]!;
    if (n < 1 || n > words.length) continue;
    const have = new Int32Array(wanted.length);
    let shared = 0;
    let length = n - 1;
    const move = (word: string, by: 1 | -1) => {
      length += by * word.length;
      for (let c = 0; c < word.length; c++) {
        const slot = slotOf.get(word.charCodeAt(c));
        if (slot === undefined) continue;
        if (by === 1 ? have[slot]! < wanted[slot]! : have[slot]! <= wanted[slot]!) shared += by;
        have[slot]! += by;
      }
    };
    for (let j = 0; j < n - 1; j++) move(foldedWords[j]!, 1);
    for (let i = 0; i + n <= words.length; i++) {
      move(foldedWords[i + n - 1]!, 1);
      const common = shared + Math.min(spaces, n - 1);
      runs.push({ order: i * 3 + k, bound: Math.max(folded.length - common, length - common) });
      move(foldedWords[i]!, -1);
    }
  }
  runs.sort((a, b) => a.bound - b.bound || a.order - b.order);

  let best = { distance: Infinity, order: Infinity };
  let budget = NEAREST_BUDGET;
  for (const run of runs) {
    // Sorted by bound, then by order: nothing after this can be nearer, or as near and earlier.
    if (run.bound > best.distance || (run.bound === best.distance && run.order > best.order)) break;
    const i = Math.floor(run.order / 3);
    const candidate = foldedWords.slice(i, i + sizes[run.order % 3]!).join(" ");
    budget -= Math.ceil(folded.length / 32) * candidate.length;
    const d = distance(folded, candidate);
    if (d < best.distance || (d === best.distance && run.order < best.order)) best = { distance: d, order: run.order };
    if (budget < 0) break;
  }
  if (best.order === Infinity) return { passage: "", hint: null };
  const i = Math.floor(best.order / 3);
  const last = words[i + sizes[best.order % 3]! - 1]!;
  const passage = text.slice(words[i]!.index, last.index + last[0].length);
  if (best.distance === 0) return { passage, hint: lookalikeHint(passage, quote) };
  // "…, the Interior Ministry said" out of "…said, as rescuers": runs are whole words, but a quote may stop short of a
  // word's comma. Folded, it is inside the run: the passage is then its own stretch, and why it missed can be said.
  const at = foldedWords.slice(i, i + sizes[best.order % 3]!).join(" ").indexOf(folded);
  if (at < 0) return { passage, hint: null };
  const own = unfold(passage, at, at + folded.length);
  return { passage: own, hint: lookalikeHint(own, quote) };
}

/** The stretch of a passage whose fold runs from `from` to `to` in the passage's fold: a run of spaces folds to one. */
function unfold(passage: string, from: number, to: number): string {
  let folded = 0;
  let start = 0;
  let end = passage.length;
  for (const unit of passage.matchAll(UNITS)) {
    if (folded === from) start = unit.index;
    if (folded === to) {
      end = unit.index;
      break;
    }
    folded += /^\s/u.test(unit[0]) ? 1 : fold(unit[0]).length;
  }
  return passage.slice(start, end);
}

/**
 * How much measuring nearestPassage may do, in 32-character blocks of the
 * quote times characters of a run (the cost of one block of the bit-parallel
 * edit distance): a few tenths of a second.
 */
const NEAREST_BUDGET = 30_000_000;

/**
 * Why a passage that folds to the quote is not the quote: the first mark one
 * has typographic where the other has it plain, whichever way round, or else
 * case or spacing. The two fold alike, so read a character (or a run of
 * spaces) at a time they stand side by side.
 */
function lookalikeHint(passage: string, quote: string): string {
  const seed = passage.match(UNITS) ?? [];
  const typed = quote.match(UNITS) ?? [];
  // Lower-casing can change a character's length ("İ"): then the two no longer stand side by side, and any mark of one
  // the other has plain is the likeliest cause.
  const pairs = seed.length === typed.length ? seed.map((s, i) => [s, typed[i]!] as const).filter(([s, t]) => s !== t) : [[passage, quote] as const];
  for (const [s, t] of pairs) {
    for (const [pattern, plain, typographic, plainName] of LOOKALIKES) {
      if (has(pattern, s) && t.includes(plain)) return `the seed has ${typographic} where the quote has ${plainName}`;
      if (has(pattern, t) && s.includes(plain)) return `the seed has ${plainName} where the quote has ${typographic}`;
    }
  }
  return "the quote differs from the seed only in case or spacing";
}

// What fold reads as one: a run of spaces, or one character.
const UNITS = /\s+|\S/gu;

function has(pattern: RegExp, s: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(s);
}
