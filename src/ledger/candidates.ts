// Figure candidates: what `storycharts figures` proposes for the ledger from
// an article's text. Each is a number as the article writes it, with the
// sentence it stands in (verbatim, so it can be pasted as a quote), the unit
// the next words name, the qualifier the words before it imply, and who the
// sentence attributes it to. It proposes; a person decides what goes into a
// notebook.

import { MONTHS, monthOf, qualifierCue, readImpliedDate, readStatedDate, SHORT_MONTHS, WEEKDAYS } from "./checks.ts";
import type { Qualifier } from "./entries.ts";
import { findMentions, parseNumber, VAGUE_WORDS } from "./numbers.ts";
import { attributions, fullerName, newSpeakerMemory, type Attribution } from "./attribution.ts";
import { lineIndex, passageAround, sentences } from "./sentences.ts";

export type CandidateKind = "number" | "range" | "percent" | "money" | "vague" | "list" | "date";

export interface Candidate {
  kind: CandidateKind;
  /** The number's own words, verbatim: "300", "between 10 and 15", "15%", "$3 million", "several". */
  phrase: string;
  /** What the words state: a range's low end, a percentage's number, an amount of money; null for "several". */
  value: number | null;
  /** A range's high end. */
  high?: number;
  /**
   * The number's own words inside the phrase, as the checks read them, when
   * the phrase holds more: "15" of "15%", "3 million" of "$3 million", and a
   * range's two ends, "30" and "40" of "between 30 and 40".
   */
  parts?: string[];
  /** ISO 4217 code of an amount of money. */
  currency?: string;
  /** For a date: ISO, and whether the article states it or implies it ("on Friday"). */
  date?: { iso: string | null; precision: "day" | "month"; basis: "stated" | "implied" };
  /** For a list: the things it names, in order. */
  items?: string[];
  /** What is counted or measured, as the next words name it; null when they do not. */
  unit: string | null;
  qualifier: Qualifier;
  /** The words that make the qualifier: "approximately", "just over". */
  qualifierWords: string | null;
  /** Who the sentence says claims it, in its words; null when the article says it in its own voice. */
  claimant: string | null;
  /** The words that attribute it: "according to military blogger Rybar". */
  attribution: string | null;
  /** The claimant comes from a pronoun or a description ("he said", "the ministry added"): a person must confirm it. */
  inferred: boolean;
  /** The sentence, verbatim from the article. */
  quote: string;
  line: number;
  column: number;
  /** Offset of the phrase in the article. */
  start: number;
  /** Offset of the phrase in the quote. */
  offset: number;
}

export interface ArticleContext {
  /** The publication date (ISO), to read "on Friday"; null when unknown. */
  published: string | null;
}

const MONTH = MONTHS.join("|");
// "Jan.", "Sep.": the abbreviations the month-day reader in checks.ts reads back ("May" is never shortened).
const SHORT_MONTH = SHORT_MONTHS.filter((m) => m !== "May").map((m) => `${m}\\.`).join("|");
// Every repetition in these patterns has a bound, far above any real number, list or name, so that a run of
// digits, words or names that fails to match near its end costs a bounded amount at each of its starts rather
// than the rest of the run ("1,1,1,…" or "one one one …" would otherwise take time that grows as its square).
const DIGITS = String.raw`\d[\d,]{0,30}`;
const NUMBER_WORD = String.raw`${DIGITS}(?:\.\d+)?|(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine|hundred|thousand|million|billion)){0,8}`;
const SCALE = String.raw`(?:\s(?:thousand|million|billion|trillion))?`;
const CURRENCIES: [RegExp, string][] = [[/^US\$|^\$/, "USD"], [/^€/, "EUR"], [/^£/, "GBP"], [/^¥/, "JPY"]];
const CURRENCY_WORDS: Record<string, string> = { dollars: "USD", euros: "EUR", pounds: "GBP", rubles: "RUB", roubles: "RUB", hryvnias: "UAH", hryvnia: "UAH", yuan: "CNY" };

const NAME_WORD = String.raw`\p{Lu}[\p{L}’'-]{0,40}`;
/** One thing a list names: "Kharkiv", "Kursk Oblast", "Saint Petersburg". */
const LIST_ITEM = String.raw`${NAME_WORD}(?: ${NAME_WORD}){0,8}`;

const PATTERNS: [CandidateKind | "stated-date" | "month-date" | "month-day" | "day-first-date" | "weekday" | "time" | "percent-range", RegExp][] = [
  // A time of day is read (so that its digits are not taken for counts) but not proposed.
  // "22:06", "3:30 pm", "3 a.m.": a time of day, not a figure.
  ["time", /\b\d{1,2}(?::\d{2}(?::\d{2})?(?:\s?[ap]\.?m\b\.?)?|\s?[ap]\.m\.|\s?[ap]m\b)/giu],
  ["stated-date", new RegExp(String.raw`\b(?:${MONTH}) \d{1,2}, \d{4}\b`, "gu")],
  ["day-first-date", new RegExp(String.raw`\b\d{1,2} (?:${MONTH}|(?:${SHORT_MONTHS.join("|")}|Sept)\.?) \d{4}\b`, "gu")],
  ["month-date", new RegExp(String.raw`\b(?:${MONTH}) \d{4}\b`, "gu")],
  // A month and day with no year ("June 8", "Jan. 25", "8 June"): a date, not the numbers 8 and 25.
  ["month-day", new RegExp(String.raw`\b(?:(?:${MONTH}|${SHORT_MONTH}|Sept\.|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)(?=\s\d{1,2}\b)) \d{1,2}(?![\d,.:]\d| \d{4})|\d{1,2} (?:${MONTH})(?! \d{4}))\b`, "gu")],
  ["weekday", new RegExp(String.raw`\b(?:(?:[Ll]ast )?(?:${WEEKDAYS.join("|")})|today)\b`, "gu")],
  ["money", new RegExp(String.raw`(?:US\$|[$€£¥])\s?${DIGITS}(?:\.\d+)?(?:\s?(?:thousand|million|billion|trillion|bn|m|k)\b)?|\b(?:${NUMBER_WORD})${SCALE}\s(?:${Object.keys(CURRENCY_WORDS).join("|")})\b`, "giu")],
  // "6% to 7%", "3.5%-4.0%", "between 10 and 15 percent": one range of percentages, not two numbers.
  ["percent-range", new RegExp(String.raw`\bbetween ${DIGITS}(?:\.\d+)?\s?(?:%|percent|per cent)?\s?and\s?${DIGITS}(?:\.\d+)?\s?(?:%|percent\b|per cent\b)|\b(?:from )?${DIGITS}(?:\.\d+)?\s?(?:%|percent|per cent)?\s?(?:to|[-–—])\s?${DIGITS}(?:\.\d+)?\s?(?:%|percent\b|per cent\b)`, "giu")],
  ["percent", new RegExp(String.raw`\b(?:${NUMBER_WORD})\s?(?:%|percent\b|per cent\b)`, "giu")],
  ["range", new RegExp(String.raw`\bbetween (?:${NUMBER_WORD})${SCALE} and (?:${NUMBER_WORD})${SCALE}\b|\bfrom (?:${NUMBER_WORD})${SCALE} to (?:${NUMBER_WORD})${SCALE}\b|\b${DIGITS}(?:\.\d+)?\s?[-–—]\s?${DIGITS}(?:\.\d+)?\b(?![-–—]\d)${SCALE}|\b(?:${NUMBER_WORD}) (?:to|or) (?:${NUMBER_WORD})${SCALE}\b`, "giu")],
  // "said \"hundreds\" of people": marks a writer puts around the word keep its distance, not its meaning; the branch below pairs them.
  ["vague", new RegExp(String.raw`\b(?:${VAGUE_WORDS.filter((w) => w !== "some" && w !== "many").join("|")})(?=["”’']? \p{L})`, "giu")],
  ["list", new RegExp(String.raw`\b((?:${LIST_ITEM}, ){2,40}(?:and |or )?${LIST_ITEM}) (\p{Ll}+s)\b`, "gu")],
];

/** Every candidate in the article, in the order the text gives them. */
export function findCandidates(text: string, context: ArticleContext): Candidate[] {
  const found: Candidate[] = [];
  // Characters already read as part of a number: one flag each, so that asking is as cheap as the phrase is long.
  const taken = new Uint8Array(text.length);
  const free = (start: number, end: number) => {
    for (let i = start; i < end; i++) if (taken[i]) return false;
    return true;
  };
  const take = (start: number, end: number) => taken.fill(1, start, end);
  const where = lineIndex(text);
  const memory = newSpeakerMemory();
  // Paragraphs are separated by a blank line: a speaker is carried over one paragraph at most.
  const breaks = [...text.matchAll(/\n[ \t]*\n/g)].map((m) => m.index);
  let paragraph = 0;
  // Sentences come in order, so the count of breaks before each only moves forward.
  const paragraphOf = (offset: number) => {
    while (paragraph < breaks.length && breaks[paragraph]! < offset) paragraph++;
    return paragraph;
  };
  // The speaker of the sentence before, in this paragraph: "In addition, …" and a quotation that goes on carry on what they said.
  let before: Said | null = null;
  // Whether a quotation is open where the next sentence starts, and the numbers of quoted sentences whose speaker is named later in their paragraph.
  let quoting = false;
  let lastParagraph = 0;
  let waiting: number[] = [];
  for (const sentence of sentences(text)) {
    // Each candidate with its phrase's offset in the sentence, which the attribution's reach is measured in.
    const local: [Candidate, number][] = [];
    const add = (c: Omit<Candidate, "qualifier" | "qualifierWords" | "claimant" | "attribution" | "inferred" | "quote" | "line" | "column" | "unit" | "offset"> & { unit?: string | null; qualifier?: Qualifier }, share = false) => {
      const at = c.start - sentence.start;
      // The words around the number, not a whole very long sentence: what is read from them stays as cheap as they are short.
      const passage = passageAround(sentence.text, at, at + c.phrase.length);
      const offset = at - passage.start;
      const cue = c.qualifier ? null : qualifierCue(passage.text, offset, c.phrase);
      const { line, column } = where(c.start);
      const after = offset + c.phrase.length;
      local.push([{
        unit: c.unit === undefined ? (share ? shareOf(passage.text, after) : unitAfter(passage.text, after)) : c.unit,
        ...c,
        qualifier: c.qualifier ?? cue?.qualifier ?? "exact",
        qualifierWords: cue?.words ?? null,
        claimant: null, attribution: null, inferred: false,
        quote: passage.text, line, column, offset,
      }, at]);
      take(c.start, c.start + c.phrase.length);
    };
    for (const [kind, pattern] of PATTERNS) {
      for (const m of sentence.text.matchAll(pattern)) {
        const start = sentence.start + m.index;
        const phrase = m[0];
        if (!free(start, start + phrase.length)) continue;
        if (kind === "time") {
          take(start, start + phrase.length);
        } else if (kind === "stated-date" || kind === "month-date") {
          const read = readStatedDate(phrase);
          if (read) add({ kind: "date", phrase, value: null, start, unit: null, date: { iso: read.date, precision: read.precision, basis: "stated" } });
        } else if (kind === "day-first-date") {
          add({ kind: "date", phrase, value: null, start, unit: null, date: { iso: readDayFirstDate(phrase), precision: "day", basis: "stated" } });
        } else if (kind === "month-day") {
          const read = context.published ? readImpliedDate(phrase, context.published) : null;
          add({ kind: "date", phrase, value: null, start, unit: null, date: { iso: read?.date ?? null, precision: "day", basis: "implied" } });
        } else if (kind === "weekday") {
          const read = context.published ? readImpliedDate(phrase, context.published) : null;
          add({ kind: "date", phrase, value: null, start, unit: null, date: { iso: read?.date ?? null, precision: "day", basis: "implied" } });
        } else if (kind === "money") {
          const money = readMoney(phrase);
          if (money) add({ kind: "money", phrase, value: money.value, currency: money.currency, parts: [money.words], start, unit: money.currency });
        } else if (kind === "percent") {
          const words = phrase.replace(/\s?(%|percent|per cent)$/i, "");
          const value = parseNumber(words);
          if (value !== null) add({ kind: "percent", phrase, value, parts: [words], start, unit: "percent" });
        } else if (kind === "percent-range") {
          const range = readRange(phrase.replace(/\s?(?:%|percent|per cent)/giu, ""));
          if (range) add({ kind: "range", phrase, value: range.low, high: range.high, parts: range.words, start, unit: "percent" });
        } else if (kind === "range") {
          const range = readRange(phrase);
          if (range) add({ kind: "range", phrase, value: range.low, high: range.high, parts: range.words, start });
        } else if (kind === "vague") {
          // A mark after the word closes a quotation only when one opens just before it: "thousands' homes" is a possessive.
          const end = m.index + phrase.length;
          const closed = /["”’']/u.test(sentence.text[end]!);
          if (closed && !/["“‘']/u.test(sentence.text[m.index - 1] ?? "")) continue;
          add({ kind: "vague", phrase, value: null, start, qualifier: "unquantified", ...(closed ? { unit: unitAfter(sentence.text, end + 1) } : {}) });
        } else if (kind === "list") {
          const items = m[1]!.replace(/^(?:The|A|An) /, "").split(/, (?:and |or )?|,? (?:and|or) /).map((s) => s.trim()).filter(Boolean);
          add({ kind: "list", phrase, value: items.length, items, start, unit: m[2]! });
        }
      }
    }
    for (const mention of findMentions(sentence.text)) {
      if (mention.kind === "designation" || mention.kind === "ordinal" || mention.value === null) continue;
      const start = sentence.start + mention.start;
      let phrase = mention.text;
      // "3.5 million": the numeral and its scale are one number.
      const scale = /^\s(thousand|million|billion|trillion)\b/.exec(sentence.text.slice(mention.end, mention.end + 12));
      if (mention.kind === "numeral" && scale) phrase += scale[0];
      // "(R12.8 billion)": a scale word after a number that was not read ("R12.8") is that number's, not a billion of its own.
      if (/^(?:thousand|million|billion|trillion)$/i.test(phrase) && /\d\s$/u.test(sentence.text.slice(Math.max(0, mention.start - 2), mention.start))) continue;
      if (!free(start, start + phrase.length)) continue;
      if (notAFigure(sentence.text, mention.start, phrase)) {
        take(start, start + phrase.length);
        continue;
      }
      add({ kind: "number", phrase, value: parseNumber(phrase), start }, mention.kind === "fraction");
    }
    // "about 200 km (125 miles)": a conversion in brackets is as approximate as the figure it converts.
    local.sort((a, b) => a[0].start - b[0].start);
    for (let i = 1; i < local.length; i++) {
      const [c] = local[i]!;
      const [prev] = local[i - 1]!;
      if (c.qualifierWords === null && c.qualifier === "exact" && prev.qualifier !== "exact" && /^\s*[\p{L}.%]*\s*\(\s*$/u.test(text.slice(prev.start + prev.phrase.length, c.start))) {
        local[i]![0] = { ...c, qualifier: prev.qualifier, qualifierWords: prev.qualifierWords };
      }
    }
    const here = paragraphOf(sentence.start);
    const opensParagraph = here !== lastParagraph;
    if (here !== lastParagraph) {
      quoting = false;
      waiting = [];
      lastParagraph = here;
    }
    const quoted = quoting || /^\s*["“]/u.test(sentence.text);
    quoting = stillQuoting(sentence.text, quoting);
    const said = attributions(sentence, memory, here).sort((a, b) => a.from - b.from);
    const carries = quoted || CARRIES_ON.test(sentence.text);
    // "The figure included 5,000 cases": a sentence about the figure just given is its speaker's, though a paragraph may lie between.
    const last = before as Said | null;
    const refers: boolean = REFERS_BACK.test(sentence.text) && last !== null && last.paragraph >= here - 1;
    // "“The rescue has ended,” the inspector told AFP. ¶ “Two bodies were recovered …”": a quotation that opens the next paragraph is the same speaker's, until its own speaker is named.
    const goesOnQuoting: boolean = opensParagraph && /^\s*["“]/u.test(sentence.text) && last?.paragraph === here - 1 && last.quotation;
    const carried: Attribution | null = last !== null && said.length === 0 && ((carries && last.paragraph === here) || refers || goesOnQuoting) ? { ...last.who, from: 0, to: sentence.text.length, inferred: true } : null;
    if (carried) said.push(carried);
    // "“We have received 300 bodies. So far 250 were taken away,” Kashif said.": the quotation's earlier sentences are the speaker's too.
    const closer = said.find((a) => a.from === 0 && /(?:[,.!?]["”’]|["”’][,.—–])\s*$/u.test(sentence.text.slice(Math.max(0, a.at - 4), a.at)));
    if (closer && waiting.length > 0) {
      for (const i of waiting) found[i] = { ...found[i]!, claimant: closer.claimant, attribution: closer.words, inferred: true };
      waiting = [];
    }
    const first = found.length;
    before = said.length > 0 ? { who: said.at(-1)!, paragraph: here, quotation: closer !== undefined || (quoted && said.at(-1) === carried) } : null;
    const counted = new Map<Attribution, number>();
    for (const [c, at] of local) {
      const who = coveringNearest(said, at);
      if (!who || c.kind === "date") {
        found.push(c);
        continue;
      }
      const k = counted.get(who) ?? 0;
      counted.set(who, k + 1);
      const claimant = who.respectively?.[k] ?? who.claimant;
      found.push({ ...c, claimant, attribution: who.words, inferred: who.inferred });
    }
    // A quotation's sentence, whoever it was carried from, waits for the speaker its closing names.
    if ((said.length === 0 || (carried !== null && said.length === 1)) && quoted) for (let i = first; i < found.length; i++) if (found[i]!.kind !== "date") waiting.push(i);
  }
  // "the Turkish Interior Minister said" in the lead, "Interior Minister Idris Naim Sahin said" later: the name in full, inferred.
  const claimants = [...new Set(found.map((c) => c.claimant).filter((c): c is string => c !== null))];
  const fuller = new Map(claimants.map((c) => [c, fullerName(c, claimants)]));
  return found.map((c) => {
    const name = c.claimant === null ? null : fuller.get(c.claimant);
    return name ? { ...c, claimant: name, inferred: true } : c;
  });
}

/** The last attribution, its paragraph, and whether it named who spoke a quotation. */
interface Said {
  who: Attribution;
  paragraph: number;
  quotation: boolean;
}

/** A sentence that goes on with what the sentence before it said: "In addition, …". */
const CARRIES_ON = /^\s*(?:In addition|Additionally|Moreover|Furthermore|Besides|Also),/u;

/** A sentence that opens on the figure just given: "The figure included …", "That toll …", "The result was …". */
const REFERS_BACK = /^\s*(?:The|That|This|These) (?:figures?|tolls?|numbers?|totals?|tally|count|results?|estimates?) (?:included|includes|include|was|were|is|are|comprised|comprises|breaks? down|covers|covered)\b/u;

/** Whether a quotation is still open after `sentence`: curly marks open and close; each straight mark turns it over. */
function stillQuoting(sentence: string, open: boolean): boolean {
  let depth = open ? 1 : 0;
  for (const ch of sentence) {
    if (ch === "“") depth++;
    else if (ch === "”") depth = Math.max(0, depth - 1);
    else if (ch === '"') depth = depth > 0 ? 0 : 1;
  }
  return depth > 0;
}

/**
 * The attribution whose part of the sentence holds offset `at`, nearest it
 * when two do (a leading "X said" before it and a trailing ", Y said" after).
 * `said` is sorted by where each part starts; parts of one direction never
 * overlap, so only the few that start last before `at` can hold it.
 */
function coveringNearest(said: Attribution[], at: number): Attribution | undefined {
  let lo = 0;
  let hi = said.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (said[mid]!.from <= at) lo = mid + 1;
    else hi = mid;
  }
  let best: Attribution | undefined;
  for (let i = lo - 1; i >= 0 && i >= lo - 8; i--) {
    const a = said[i]!;
    if (at < a.to && (!best || Math.abs(at - a.edge) < Math.abs(at - best.edge))) best = a;
  }
  return best;
}

const PREPOSITIONS = /\b(?:in|for|of|since|until|till|by|from|to|than|through|during|before|after|early|late|mid|year|fiscal|the|a|an|as|and)\s*$/i;
const TIME_UNITS = "seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?";

/**
 * Numbers in a sentence that are not figures a chart would use: a year ("in
 * 2010", "a 2010 budget"), a clock time written as four digits ("at 0900
 * GMT"), a stretch of time that places an event ("24 hours later", "five days
 * after"), and a ranking "one of" ("one of the biggest problems").
 */
function notAFigure(sentence: string, at: number, phrase: string): boolean {
  const before = sentence.slice(Math.max(0, at - 24), at);
  const after = sentence.slice(at + phrase.length, at + phrase.length + 40);
  if (/^0\d{3}$/.test(phrase)) return true;
  if (/^(?:1[89]|20)\d\d$/.test(phrase)) {
    // "1990 people" is a count; "in 2010", "for 2009", "a 2010 budget" and "2010," are years.
    if (PREPOSITIONS.test(before) || !/^\s+(?:people|persons|families|homes|houses|votes|troops|soldiers|children|deaths|dead|[\p{L}]+s)\b/u.test(after)) return true;
  }
  // Only a stretch that places an event ("five days after", "24 hours later"): "over the past 10 days" can be the figure itself.
  if (new RegExp(String.raw`^[\s-]+(?:${TIME_UNITS})\s+(?:later|after|ago|before|earlier)\b`, "i").test(after)) return true;
  // "Saroj Kumar Singh (31)", "Rahul, 24,": a person's age after their name.
  if (/^\d{1,3}$/.test(phrase) && +phrase < 110 && /\p{Lu}[\p{L}’'-]+ \p{Lu}[\p{L}’'-]+(?:\s\(|,\s)$/u.test(before) && /^[),]/.test(after)) return true;
  // "the two-day vote", "a 24-hour strike": how long something lasted, as an adjective.
  if (new RegExp(String.raw`^-(?:${TIME_UNITS.replace(/s\?/g, "")})\b`, "i").test(after)) return true;
  // "the one drafted in 2012": "one" standing for a thing named before.
  if (/^one$/i.test(phrase) && /\b(?:the|this|that)\s$/i.test(before) && /^\s+(?:\p{Ll}+ed|that|which|who|in|from|by|with)\b/u.test(after)) return true;
  // "one of the biggest problems" ranks; "one of their fighters was killed" counts.
  return /^one$/i.test(phrase) && /^\s+of\s+(?:the|its|their|his|her|our|my|this|that|these|those)\s+(?:\p{L}+['’]s\s+)?(?:\p{L}+est|most|least|few|many|main|key|first|last|best|worst|top|major|largest|greatest)\b/iu.test(after);
}

/**
 * The first line among the article's first ten that gives a day ("June 2,
 * 2025 Hour: 8:22 am"), or the publication date given without its year
 * ("March 14" with --date 2026-03-14): the publication's date when no
 * metadata gives it, read alike by `new` and `figures`.
 */
export function findDateline(text: string, published: string | null = null): { line: string; date: string } | null {
  const head = text.split("\n").slice(0, 10);
  // "ALDER VALLEY, March 14 (Wire)": a day without its year is the dateline when it is the publication date given.
  const day = findCandidates(head.join("\n"), { published })
    .find((c) => c.kind === "date" && c.date?.precision === "day" && (c.date.basis === "stated" || (published !== null && c.date.iso === published && /\d/.test(c.phrase))));
  if (!day?.date?.iso) return null;
  const line = head[day.line - 1]!;
  // "ALDER VALLEY, March 14 (Wire) - Police said …": a wire dateline opens the first paragraph; the dateline ends with
  // its date and agency, so the paragraph's own numbers are not taken for the dateline's.
  const end = day.column - 1 + day.phrase.length;
  const credit = /^\s*(?:\([^()]{1,40}\))?\s*(?:[-–—:]\s*)?/u.exec(line.slice(end))![0];
  const rest = line.slice(end + credit.length);
  return { line: (rest.length > 40 ? line.slice(0, end + credit.length) : line).trim(), date: day.date.iso };
}

/** "2 June 2025" → 2025-06-02. */
function readDayFirstDate(phrase: string): string {
  const [d, name, y] = phrase.split(" ");
  return `${y}-${String(monthOf(name!)).padStart(2, "0")}-${d!.padStart(2, "0")}`;
}

/** An amount of money, and the number's own words in it ("3 million" of "$3 million"; "3" of "$3bn"). */
function readMoney(phrase: string): { value: number; currency: string; words: string } | null {
  const symbol = CURRENCIES.find(([p]) => p.test(phrase));
  if (symbol) {
    const m = /(\d[\d,]*(?:\.\d+)?)(\s?)(thousand|million|billion|trillion|bn|m|k)?$/i.exec(phrase);
    const base = m ? parseNumber(m[1]!) : null;
    if (base === null) return null;
    const scale = { thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, billion: 1e9, bn: 1e9, trillion: 1e12 }[(m![3] ?? "").toLowerCase()] ?? 1;
    // A scale written as a word after a space is part of what the number's words say; "bn" is not.
    const words = m![2] === " " && m![3] && m![3].length > 2 ? `${m![1]} ${m![3]}` : m![1]!;
    return { value: base * scale, currency: symbol[1], words };
  }
  const words = /^(.*)\s(\p{L}+)$/u.exec(phrase);
  const value = words ? parseNumber(words[1]!) : null;
  const currency = words ? CURRENCY_WORDS[words[2]!.toLowerCase()] : undefined;
  return value !== null && currency ? { value, currency, words: words![1]! } : null;
}

function readRange(phrase: string): { low: number; high: number; words: [string, string] } | null {
  const parts = /^(?:between )?(.+?)\s?(?: and | to | or |[-–—])\s?(.+)$/i.exec(phrase.replace(/^from /i, ""));
  if (!parts) return null;
  const high = parseNumber(parts[2]!);
  // "between 2 and 3 million", "93-97 billion": a scale written once serves both ends, when the low end is the smaller numeral.
  const scale = /^(\d[\d,]*(?:\.\d+)?)\s(thousand|million|billion|trillion)$/.exec(parts[2]!);
  const bare = parseNumber(parts[1]!);
  const low = scale && bare !== null && /^\d[\d,]*(?:\.\d+)?$/.test(parts[1]!) && bare < parseNumber(scale[1]!)! ? parseNumber(`${parts[1]} ${scale[2]}`) : bare;
  // "one or two" is a range; "10-15" written as a score or an id is not one we can tell apart, so it must rise.
  return low !== null && high !== null && low < high ? { low, high, words: [parts[1]!, parts[2]!] } : null;
}

const STOP = new Set([
  "a", "an", "the", "of", "in", "on", "at", "to", "from", "by", "for", "with", "across", "over", "under", "into", "onto",
  "and", "or", "but", "nor", "as", "than", "that", "which", "who", "whom", "whose", "since", "during", "after", "before",
  "between", "among", "per", "are", "is", "was", "were", "be", "been", "being", "have", "has", "had", "will", "would",
  "could", "can", "may", "might", "shall", "should", "must", "do", "does", "did", "said", "says", "this", "these", "those",
  "its", "their", "his", "her", "our", "your", "my", "it", "they", "he", "she", "we", "you", "i", "there", "here", "so",
  "not", "no", "also", "only", "just", "about", "around", "roughly", "approximately", "nearly", "almost", "more", "less",
  "ago", "earlier", "later", "each", "every", "all", "both", "if", "when", "where", "while", "out", "up", "down", "off",
  "north", "south", "east", "west", "near", "inside", "outside", "within", "without", "through", "against", "toward", "towards",
]);

/**
 * The head noun of the words after a number: "41 aircraft—" → aircraft,
 * "50,000 Russian soldiers are" → soldiers.
 */
function unitAfter(sentence: string, from: number): string | null {
  // A unit written onto the number: "800km", "24-hour", "5kg".
  const glued = /^-?(km|kilometres|kilometers|miles|mph|kph|km\/h|kg|tonnes|tons|mm|cm|m|ha|hectares|hour|day|week|month|year|percent)\b/iu.exec(sentence.slice(from, from + 14));
  if (glued) return glued[1]!;
  const words = /^[\s\u00a0]+((?:[\p{L}][\p{L}\d’'-]*)(?:[\s\u00a0]+[\p{L}][\p{L}\d’'-]*){0,2})/u.exec(sentence.slice(from, from + 120))?.[1]?.split(/[\s\u00a0]+/) ?? [];
  let head: string | null = null;
  for (const [i, w] of words.entries()) {
    const lower = w.toLowerCase();
    if (STOP.has(lower)) break;
    // "19,136 dead", "82 missing issued …": a state of people is the unit, and what follows it is the sentence going on.
    if (i === 0 && STATES.has(lower)) return w;
    // "19,136 people lost their lives": a verb after the noun ends the unit.
    if (i > 0 && (VERBISH.test(lower) || IRREGULAR.has(lower))) break;
    head = w;
  }
  return head;
}

/** Words that name people by what happened to them: the unit itself when they follow a number. */
const STATES = new Set(["dead", "killed", "injured", "wounded", "missing", "displaced", "evacuated", "homeless", "hurt", "arrested", "detained", "rescued", "infected", "affected", "stranded"]);
const VERBISH = /^\p{L}+(?:ed)$/u;
const IRREGULAR = new Set(["lost", "fled", "left", "took", "went", "came", "fell", "rose", "made", "saw", "met", "won", "ran", "held", "gave", "died", "remain", "remained", "marched", "gathered", "joined"]);

/** What a fraction is a share of: "one-third of Russia’s bomber fleet". */
function shareOf(sentence: string, from: number): string | null {
  const of = /^ (of [\p{L}’' -]+?)(?=[,;:.!?—–()]|$| (?:at|in|on|by|from|and|was|were|is|are|had|has)\b)/u.exec(sentence.slice(from));
  return of ? `share ${of[1]!.trim()}` : null;
}

