// How much text the ledger reads at once. Past these sizes the input is not a
// news article or a quote from one, and saying so at once is kinder than
// minutes of work, a notebook of millions of lines, or a crash.

import type { Problem } from "./problems.ts";

/**
 * An article's size, in bytes of UTF-8. A long news feature runs to 10,000
 * words, about 60 KB; 1 MB is some 150,000 words, a whole book. Every pass
 * over an article is linear, so an article at the limit still takes seconds.
 */
export const MAX_ARTICLE_BYTES = 1_000_000;

/**
 * How many numbers an article given to `new` may mention. `new` lists every
 * one in the notebook for review; the densest news (a results table pasted as
 * text) gives a few thousand, and this story's article, itself dense, gives 60
 * in 4 KB, about 15,000 at the size limit. 1 MB of "1 1 1 …" gives 500,000: a
 * notebook of 22 MB that takes half a minute to check.
 */
export const MAX_ARTICLE_NUMBERS = 25_000;

/**
 * A quote's length, in characters. A quote is the sentence a number comes
 * from, at most a paragraph; 2,000 characters is about 300 words, longer than
 * any paragraph of news. Suggesting the nearest passage for a quote that is
 * not in its seed costs the square of its length.
 */
export const MAX_QUOTE_CHARS = 2_000;

/**
 * A sentence longer than this is quoted as the words around a number, not
 * whole, so that the quotes `figures` and `new` propose stay readable and
 * within MAX_QUOTE_CHARS. No sentence of an ordinary article comes near it.
 */
export const LONG_SENTENCE_CHARS = 1_000;
/** How much of a long sentence a quote keeps either side of the number, in characters. */
export const QUOTE_CONTEXT_CHARS = 200;

/** The problem with an article of `bytes` bytes, or null when it is not too big. */
export function articleTooBig(file: string, bytes: number): Problem | null {
  if (bytes <= MAX_ARTICLE_BYTES) return null;
  return {
    file, place: "size",
    message: `the article is ${bytes.toLocaleString("en-US")} bytes, more than the limit of ${MAX_ARTICLE_BYTES.toLocaleString("en-US")} bytes (1 MB; a long news article is under 100 KB)`,
    fix: "Give the text of one article, without the rest of the page it came from",
  };
}

/** The problem with an article that mentions `count` numbers, or null when there are not too many. */
export function tooManyNumbers(file: string, count: number): Problem | null {
  if (count <= MAX_ARTICLE_NUMBERS) return null;
  return {
    file, place: "numbers",
    message: `the article mentions ${count.toLocaleString("en-US")} numbers, more than the limit of ${MAX_ARTICLE_NUMBERS.toLocaleString("en-US")} (a news article gives at most a few thousand)`,
    fix: "Give the text of one article; a table of data belongs in a CSV the notebook reads",
  };
}

/** The message for a quote longer than MAX_QUOTE_CHARS, or null. */
export function quoteTooLong(quote: string): { message: string; fix: string } | null {
  if (quote.length <= MAX_QUOTE_CHARS) return null;
  return {
    message: `the quote is ${quote.length.toLocaleString("en-US")} characters, more than the limit of ${MAX_QUOTE_CHARS.toLocaleString("en-US")}`,
    fix: "Quote only the sentence that gives the number",
  };
}
