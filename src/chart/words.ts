// Chart words that state numbers by naming figures, never by typing them:
// t`Pakistan counts ${"pakistan-dead"} dead` prints the figure's number as
// the ledger holds it, with the article's own qualifier words ("just over
// 300", "roughly one-third"), so a swapped or mistyped number cannot reach
// the page, and the build knows which figures each line of words states.

import { closest, distance } from "fastest-levenshtein";
import { qualifierCue, WEEKDAYS, type Figure, type Ledger } from "../ledger/index.ts";
import { ChartError } from "./render.ts";
import { formatDate, formatNumber, formatQualified } from "./format.ts";
import { weekdayOf } from "./dates-in-words.ts";

/**
 * How a figure is printed: "words" as the article says it ("approximately
 * 500", "just over 300"), "short" as a label does ("≈500", "300+"),
 * "percent" for a share, or "number" alone, where the words around it carry
 * its qualifier themselves ("Zelenskyy estimates 50,000"): only for an exact
 * figure or an estimate, since "about", "at least" and "up to" must show.
 */
export type FigureStyle = "words" | "short" | "percent" | "number";

/** A figure named in words: its id, or its id and how to print it; or an event, printed as its date. */
export type FigureRef = string | {
  figure: string;
  as?: FigureStyle;
  /** Decimal places to round to; a rounded number is printed with "about" unless its qualifier already says it is not exact. */
  digits?: number;
} | EventRef;

/**
 * An event named in words, printed as its date: "date" (1 June 2025),
 * "short" (1 June) or "weekday" (Sunday 1 June 2025); an event known only to
 * the month prints its month ("February 2022") whatever is asked.
 */
export interface EventRef {
  event: string;
  as?: "date" | "short" | "weekday";
}

const BOUND: unique symbol = Symbol("storycharts bound words");

/** Words with figures in them, made by the `t` tag; printed once the ledger is known. */
export interface BoundWords {
  readonly [BOUND]: true;
  readonly strings: readonly string[];
  readonly refs: readonly FigureRef[];
}

/** A chart's words: plain text, or text whose numbers are figures (`t`). */
export type Words = string | BoundWords;

/** The tag: t`Russia launched ${"drones-launched"} drones`. Each `${…}` is a figure's id, or `{ figure, as }`. */
export function t(strings: TemplateStringsArray, ...refs: FigureRef[]): BoundWords {
  return { [BOUND]: true, strings: [...strings], refs };
}

export function isBound(words: unknown): words is BoundWords {
  return typeof words === "object" && words !== null && (words as Partial<BoundWords>)[BOUND] === true;
}

/** Words as printed: the text, the figures and events it states in order, and where each printed number or date stands in it. */
export interface PrintedWords {
  text: string;
  figures: string[];
  events: string[];
  spans: [number, number][];
}

/** The words with each figure printed from the ledger. `place` names them in a refusal ("the headline"). */
export function printWords(words: Words, ledger: Ledger, place: string): PrintedWords {
  if (!isBound(words)) return { text: words, figures: [], events: [], spans: [] };
  let text = words.strings[0] ?? "";
  const figures: string[] = [];
  const events: string[] = [];
  const spans: [number, number][] = [];
  words.refs.forEach((ref, i) => {
    if (typeof ref === "object" && "event" in ref) {
      const printed = printEvent(ref, ledger, place);
      spans.push([text.length, text.length + printed.length]);
      text += printed + (words.strings[i + 1] ?? "");
      events.push(ref.event);
      return;
    }
    const { figure: id, as = "words", digits } = typeof ref === "string" ? { figure: ref } : ref;
    const figure = ledger.figures.find((f) => f.id === id);
    if (!figure) {
      const near = nearest(id, ledger.figures.map((f) => f.id));
      throw new ChartError(
        `${place} names the figure "${id}", which the ledger does not hold`,
        near ? `Did you mean "${near}"? Name a figure by its id in the notebook's figures` : "Name a figure by its id in the notebook's figures",
      );
    }
    let printed = printFigure(figure, as, digits, place);
    // A figure that opens a sentence opens it with a capital: "Six towns", "About 500 drones".
    if (/(?:^|[.!?]\s+)$/.test(text)) printed = printed.charAt(0).toUpperCase() + printed.slice(1);
    spans.push([text.length, text.length + printed.length]);
    text += printed + (words.strings[i + 1] ?? "");
    figures.push(id);
  });
  return { text, figures, events, spans };
}

/** An event's date as words print it, from the ledger. */
function printEvent(ref: EventRef, ledger: Ledger, place: string): string {
  const event = ledger.events.find((e) => e.id === ref.event);
  if (!event) {
    const near = nearest(ref.event, ledger.events.map((e) => e.id));
    throw new ChartError(
      `${place} names the event "${ref.event}", which the ledger does not hold`,
      near ? `Did you mean "${near}"? Name an event by its id in the notebook's events` : "Name an event by its id in the notebook's events",
    );
  }
  if (event.precision === "month") return formatDate(event.date, "month");
  const full = formatDate(event.date, "day");
  if (ref.as === "short") return full.replace(/ \d{4}$/, "");
  if (ref.as === "weekday") return `${WEEKDAYS[weekdayOf(event.date)]} ${full}`;
  return full;
}

/** The words with each figure shown as its id, for a listing made before any ledger is at hand. */
export function wordsOutline(words: Words): string {
  if (!isBound(words)) return words;
  return words.strings.map((s, i) => (i < words.refs.length ? `${s}\${${refOutline(words.refs[i]!)}}` : s)).join("");
}

function refOutline(ref: FigureRef): string {
  if (typeof ref === "object" && "event" in ref) return `{ event: ${JSON.stringify(ref.event)} }`;
  return JSON.stringify(typeof ref === "string" ? ref : ref.figure);
}

/**
 * One figure as words print it. "words": the article's own qualifier and
 * number ("just over 300", "roughly one-third"), or for a derived figure the
 * qualifier in words ("approximately 123"); "short": a label's "≈500",
 * "300+"; "percent": a share as a percentage, rounded to `digits` places
 * (0 unless given) with its rounding in the qualifier ("about 91%").
 */
function printFigure(figure: Figure, style: FigureStyle, digits: number | undefined, place: string): string {
  if (figure.value === null) return figure.phrase ? `“${figure.phrase}”` : "no number given";
  if (style === "short") return formatQualified(figure.value, figure.qualifier, figure.phrase);
  if (style === "number") {
    if (figure.qualifier !== "exact" && figure.qualifier !== "estimate") {
      throw new ChartError(`${place} prints "${figure.id}" without its qualifier ("${figure.qualifier}")`, `Print it in words (\${"${figure.id}"}) or short (\${{ figure: "${figure.id}", as: "short" }}), so the reader sees that it is not exact`);
    }
    return spelt(figure) ?? formatNumber(figure.value);
  }
  if (style === "percent") {
    // A figure already in percent (a "percent" derived figure, "12 percent" as stated) is printed as it is.
    const inPercent = /^percent/.test(figure.unit);
    if (!inPercent && !(Math.abs(figure.value) <= 1.5)) {
      throw new ChartError(`${place} prints "${figure.id}" (${formatNumber(figure.value)}) as a percentage, but it is not a share`, "Print a share (a value such as 0.91) as a percentage, or the figure as it is");
    }
    const places = digits ?? 0;
    const percent = rounding(inPercent ? figure.value : figure.value * 100, places);
    const word = figure.qualifier !== "exact" ? WORDS[figure.qualifier] : percent.changed ? "about" : "";
    return `${word ? `${word} ` : ""}${percent.rounded.toFixed(places)}%`;
  }
  const written = figure.quote && figure.phrase ? ownWords(figure.quote, figure.phrase) : null;
  // Number words and fractions as the article writes them ("one-third"); a count under ten that no phrase gives, spelt
  // out as a newsroom writes it ("five regions"); otherwise numerals in the house's grouping.
  const number = spelt(figure)
    ?? (!figure.phrase && Number.isInteger(figure.value) && figure.value >= 0 && figure.value < 10 ? SMALL[figure.value]!
    : formatNumber(figure.value));
  let qualifier = written ?? WORDS[figure.qualifier];
  if (digits !== undefined && spelt(figure) === null) {
    // Rounded for the words ("4,896 km" of 4,896.2): the rounding is said, unless a qualifier already says it is not exact.
    const { rounded, changed } = rounding(figure.value, digits);
    if (changed && !qualifier) qualifier = "about";
    return `${qualifier ? `${qualifier} ` : ""}${new Intl.NumberFormat("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(rounded)}`;
  }
  return qualifier ? `${qualifier} ${number}` : number;
}

/** The figure's number as the article spells it in words ("one-third", "five"), or null when it writes digits or nothing. */
function spelt(figure: Figure): string | null {
  return figure.phrase && !/\d/.test(figure.phrase) ? figure.phrase : null;
}

/** A number rounded to `places` decimals, and whether the rounding changed it (then the words say "about"). */
function rounding(value: number, places: number): { rounded: number; changed: boolean } {
  const rounded = Number(value.toFixed(places));
  return { rounded, changed: Math.abs(rounded - value) > 1e-9 };
}

const SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
/** A qualifier in a headline's words when the article gives none of its own (a derived figure): "about 123". */
const WORDS: Record<Figure["qualifier"], string> = {
  exact: "", approximate: "about", "at-least": "at least", "at-most": "up to", estimate: "an estimated", unquantified: "",
};

/** The article's own words that qualify the figure's number in its quote ("just over"), or null. */
function ownWords(quote: string, phrase: string): string | null {
  const at = quote.indexOf(phrase);
  if (at === -1) return null;
  return qualifierCue(quote, at, phrase)?.words ?? null;
}

/** The id nearest to `id`, when it is near enough to be a typing slip. */
function nearest(id: string, ids: string[]): string | null {
  if (ids.length === 0) return null;
  const near = closest(id, ids);
  return distance(id, near) <= Math.max(3, Math.floor(id.length / 3)) ? near : null;
}
