// Candidates written as ledger entries in TypeScript, for a person to paste
// into a notebook (or for `new` to scaffold one). What the words cannot tell
// (the subject, the measure, an event's label) is left empty, so that check
// fails until someone fills it in: a proposal never passes for a decision.

import type { Candidate } from "./candidates.ts";
import { parseNumber } from "./numbers.ts";
import { stringLiteral } from "./string-literal.ts";

export interface SourceNames {
  /** The identifier the notebook gives the seed's name: SEED. */
  seed: string;
  /** The identifier for the article's own voice: ARTICLE. */
  article: string;
}

const WORD = /[\p{L}\p{N}]/u;

/** Whether the phrase stands at `i` of the text as whole words. */
function wholeAt(text: string, phrase: string, i: number): boolean {
  return text.startsWith(phrase, i) && !WORD.test(text[i - 1] ?? "") && !WORD.test(text[i + phrase.length] ?? "");
}

/** The first whole-word place of the phrase at or after `from`. */
function nextPlace(text: string, phrase: string, from: number): number | undefined {
  for (let i = text.indexOf(phrase, from); i !== -1; i = text.indexOf(phrase, i + 1)) if (wholeAt(text, phrase, i)) return i;
  return undefined;
}

/** The last whole-word place of the phrase before `before`. */
function previousPlace(text: string, phrase: string, before: number): number | undefined {
  for (let i = before - 1; i >= 0; i--) {
    i = text.lastIndexOf(phrase, i);
    if (i === -1) return undefined;
    if (wholeAt(text, phrase, i)) return i;
  }
  return undefined;
}

/**
 * A verbatim quote in which the phrase at `offset` of a sentence
 * stands once: the sentence, or, when the phrase recurs ("four Tu-22M … four
 * airfields"), the part of it between the neighbouring occurrences. Only the
 * neighbours are looked for, so a sentence that repeats a number many times
 * costs no more for each of them than the distance to the next.
 */
export function quoteFor(quote: string, phrase: string, offset: number): string {
  const next = nextPlace(quote, phrase, offset + 1);
  const previous = previousPlace(quote, phrase, offset);
  // The phrase stands once (or not at all) as whole words: no place before, and none after unless this one is not a place.
  const once = previous === undefined && (next === undefined || (!wholeAt(quote, phrase, offset) && nextPlace(quote, phrase, next + 1) === undefined));
  if (once && quote.indexOf(phrase) === offset) return quote;
  let from = previous === undefined ? 0 : previous + phrase.length;
  // The first plain match must be this one too ("one" inside "someone" comes first otherwise).
  if (quote.indexOf(phrase, from) !== offset) from = offset;
  return quote.slice(from, next ?? quote.length).trim();
}

const q = stringLiteral;

/** Ids from the words, unique within one listing: "aircraft-41", "drones-500". */
export function idMaker(): (base: string) => string {
  const used = new Map<string, number>();
  return (base) => {
    const slug = base.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "figure";
    const n = (used.get(slug) ?? 0) + 1;
    used.set(slug, n);
    return n === 1 ? slug : `${slug}-${n}`;
  };
}

/** What a person must confirm when the claimant was read from a pronoun or a description. */
function inferredNote(c: Candidate): string | null {
  return c.inferred ? `The claimant is inferred from “${c.attribution}”: confirm it against the article.` : null;
}

/** The ledger entries a candidate suggests: a range gives one per end; a date gives an event. */
export function entrySource(c: Candidate, names: SourceNames, id: (base: string) => string): string[] {
  const claimant = c.claimant === null ? names.article : q(c.claimant);
  const fill = `subject: "", measure: "", // fill in: what the number is about, and what is said of it`;
  if (c.kind === "date") {
    if (!c.date?.iso) return [];
    return [[
      "{",
      `  id: ${q(id(`event-${c.date.iso}`))}, label: "", date: ${q(c.date.iso)}, precision: ${q(c.date.precision)}, // fill in the label`,
      `  basis: ${q(c.date.basis)}, seed: ${names.seed}, quote: ${q(quoteFor(c.quote, c.phrase, c.offset))}, phrase: ${q(c.phrase)},`,
      `  claimant: ${claimant},`,
      "},",
    ].join("\n")];
  }
  if (c.kind === "list") {
    return [[
      "{",
      `  kind: "counted", id: ${q(id(`${c.unit ?? "items"}-${c.items!.length}`))}, seed: ${names.seed}, quote: ${q(c.quote)},`,
      `  items: [${c.items!.map(q).join(", ")}],`,
      `  unit: ${q(c.unit ?? "")}, claimant: ${claimant}, ${fill}`,
      "},",
    ].join("\n")];
  }
  const stated = (phrase: string, offset: number, value: number | null, qualifier: string, note: string | null) => [
    "{",
    `  kind: "stated", id: ${q(id(`${c.unit ?? "figure"}-${value !== null && Number.isInteger(value) ? value : phrase}`))}, seed: ${names.seed}, quote: ${q(quoteFor(c.quote, phrase, offset))}, phrase: ${q(phrase)},`,
    `  value: ${literal(value)}, unit: ${q(c.unit ?? "")}, qualifier: ${q(qualifier)}, claimant: ${claimant},`,
    `  ${fill}`,
    ...(note || c.inferred ? [`  note: ${q([note, inferredNote(c)].filter(Boolean).join(" "))},`] : []),
    "},",
  ].join("\n");
  if (c.kind === "range") {
    const [lowWords, highWords] = c.parts as [string, string];
    const lowAt = c.offset + c.phrase.indexOf(lowWords);
    const highAt = c.offset + c.phrase.lastIndexOf(highWords);
    return [
      stated(lowWords, lowAt, c.value, "exact", `The low end of the range “${c.phrase}”.`),
      stated(highWords, highAt, c.high ?? null, "exact", `The high end of the range “${c.phrase}”.`),
    ];
  }
  if (c.kind === "percent" || c.kind === "money") {
    // The check reads the number's own words, so the phrase leaves out the sign: "15" of "15%", "3 million" of "$3 million".
    const phrase = c.parts![0]!;
    const value = parseNumber(phrase);
    return [stated(phrase, c.offset + c.phrase.indexOf(phrase), value, c.qualifier, c.kind === "money" ? `“${c.phrase}”: an amount in ${c.currency}.` : null)];
  }
  return [stated(c.phrase, c.offset, c.value, c.qualifier, null)];
}

/** A value as the ledger writes it: a fraction as one ("1 / 3"), so that it reads as the article says it. */
function literal(value: number | null): string {
  if (value === null) return "null";
  // A decimal as written ("7.6", not 38 / 5); a fraction whose decimals never end ("1 / 3") as a fraction.
  if (Number.isInteger(value) || /^-?\d+\.\d{1,4}$/.test(String(value))) return String(value);
  for (let den = 2; den <= 10; den++) {
    const num = Math.round(value * den);
    if (num / den === value) return `${num} / ${den}`;
  }
  return String(value);
}
