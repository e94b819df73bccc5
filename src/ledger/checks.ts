// The provenance checks: every figure's quote is in its seed, its value is
// the number its words state, its qualifier is the one its words imply, and
// it names who claims it. A problem is reported, never repaired: a wrong
// number must stop the build, not be quietly corrected.

import { quoteTooLong } from "./limits.ts";
import { findAll, nearestPassage, placesIn, type Seed } from "./seeds.ts";
import { findMentions, parseNumber, VAGUE_WORDS } from "./numbers.ts";
import {
  phraseOf, QUALIFIERS, type Agreement, type EventEntry, type FigureEntry, type Ledger,
  type LedgerInput, type Qualifier, type Skip, type Unreviewed,
} from "./entries.ts";
import { isCalendarDate } from "./calendar.mjs";
import type { Problem } from "./problems.ts";

export interface CheckInput extends LedgerInput {
  /** The notebook the entries come from, for messages. */
  file: string;
  seeds: Map<string, Seed>;
  skipped: Skip[];
  unreviewed?: Unreviewed[];
  agreements: Agreement[];
}

export function checkEntries(input: CheckInput): Problem[] {
  const problems: Problem[] = [];
  const report = (place: string, message: string, fix: string) => problems.push({ file: input.file, place, message, fix });

  const seen = new Map<string, string>();
  const claim = (id: string, what: string) => {
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
      report(`${what} ${JSON.stringify(id)}`, "the id is not lower-case words joined by hyphens", "Rename it, e.g. \"aircraft-destroyed\"");
    }
    const earlier = seen.get(id);
    if (earlier) report(`${what} ${id}`, `the id is already used by a ${earlier}`, "Give each figure, event and place its own id");
    else seen.set(id, what);
  };

  for (const entry of input.figures) {
    claim(entry.id, "figure");
    checkAttribution(entry, (m, f) => report(`figure ${entry.id}`, m, f));
    if (entry.kind === "stated") checkStated(entry, input.seeds, (m, f) => report(`figure ${entry.id}`, m, f));
    if (entry.kind === "counted") checkCounted(entry, input.seeds, (m, f) => report(`figure ${entry.id}`, m, f));
  }
  for (const event of input.events) {
    claim(event.id, "event");
    checkEvent(event, input.seeds, (m, f) => report(`event ${event.id}`, m, f));
  }
  for (const place of input.places) {
    claim(place.id, "place");
    const at = `place ${place.id}`;
    if (!(Math.abs(place.lat) <= 90) || !(Math.abs(place.lon) <= 180)) {
      report(at, `the coordinates (${place.lat}, ${place.lon}) are not a latitude and a longitude`, "Write decimal degrees, latitude first");
    }
    if (!place.source?.trim()) report(at, "the coordinates have no source", "Name where they come from (a gazetteer and its licence)");
  }
  input.skipped.forEach((skip, i) => {
    const at = `skipped[${i}] ${JSON.stringify(skip.phrase)}`;
    if (!skip.reason?.trim()) report(at, "a skipped number has no reason", "Say why the story does not use it");
    locate(skip.seed, skip.quote, skip.phrase, input.seeds, (m, f) => report(at, m, f));
  });
  (input.unreviewed ?? []).forEach((u, i) => {
    locate(u.seed, u.quote, u.phrase, input.seeds, (m, f) => report(`unreviewed[${i}] ${JSON.stringify(u.phrase)}`, m, f));
  });
  return problems;
}

/** Agreements compare resolved values, so they run once the ledger is resolved. */
export function checkAgreements(file: string, ledger: Ledger, agreements: Agreement[]): Problem[] {
  const problems: Problem[] = [];
  for (const a of agreements) {
    const left = ledger.figure(a.left);
    const right = ledger.figure(a.right);
    if (left.value !== right.value) {
      problems.push({
        file, place: `agreement ${a.left} = ${a.right}`,
        message: `${a.left} is ${left.value} but ${a.right} is ${right.value} (${a.why})`,
        fix: "Check both quotes against the seed: one of the figures is wrong, or the article contradicts itself and the note should say so",
      });
    }
  }
  return problems;
}

type Report = (message: string, fix: string) => void;

function checkAttribution(entry: FigureEntry, report: Report): void {
  const missing = (field: string, fix: string) => report(`the figure has no ${field}`, fix);
  if (!entry.claimant?.trim()) missing("claimant", "Name who asserts the number as the article attributes it; a number in the article's own voice is claimed by its publisher");
  if (!entry.unit?.trim()) missing("unit", "Say what the number counts or measures, e.g. \"aircraft\" or \"km\"");
  if (!entry.subject?.trim()) missing("subject", "Say what the number is about; competing claims share one subject");
  if (!entry.measure?.trim()) missing("measure", "Say what is claimed of the subject, e.g. \"destroyed\"");
  if (entry.kind === "stated" && !(QUALIFIERS as readonly string[]).includes(entry.qualifier)) {
    report(`the qualifier "${String(entry.qualifier)}" is not one of ${QUALIFIERS.join(", ")}`, "Use the qualifier the quote's words imply");
  }
}

/**
 * Finds the quote in its seed and the phrase in the quote. Returns the phrase's
 * offset within the quote, or null after reporting what went wrong.
 */
function locate(seedName: string, quote: string, phrase: string | null, seeds: Map<string, Seed>, report: Report): number | null {
  const seed = seeds.get(seedName);
  if (!seed) {
    report(`the seed "${seedName}" is not one of the notebook's seeds`, `Add "${seedName}" to the notebook's seeds, or correct the name`);
    return null;
  }
  if (!quote) {
    report("the quote is empty", `Copy the sentence the number comes from out of ${seed.file}`);
    return null;
  }
  const tooLong = quoteTooLong(quote);
  if (tooLong) {
    report(tooLong.message, tooLong.fix);
    return null;
  }
  if (placesIn(seed, quote).length === 0) {
    const nearest = nearestPassage(seed.text, quote);
    const why = nearest.hint ? ` (${nearest.hint})` : "";
    report(
      `the quote is not in ${seed.file}${why}; the nearest passage is "${nearest.passage}"`,
      `Copy the quote from ${seed.file} exactly`,
    );
    return null;
  }
  if (phrase === null) return 0;
  const at = findAll(quote, phrase).filter((i) => isWordBoundary(quote, i, phrase.length));
  if (at.length === 0) {
    report(`the phrase "${phrase}" is not in the quote`, "Make the phrase the number's own words as the quote has them");
    return null;
  }
  if (at.length > 1) {
    report(`the phrase "${phrase}" stands ${at.length} times in the quote`, "Shorten the quote so the phrase stands once");
    return null;
  }
  return at[0]!;
}

function isWordBoundary(text: string, start: number, length: number): boolean {
  const before = text[start - 1];
  const after = text[start + length];
  const word = /[\p{L}\p{N}]/u;
  return (before === undefined || !word.test(before)) && (after === undefined || !word.test(after));
}

function checkStated(entry: Extract<FigureEntry, { kind: "stated" }>, seeds: Map<string, Seed>, report: Report): void {
  if (entry.value === null || entry.qualifier === "unquantified") {
    if (entry.value !== null || entry.qualifier !== "unquantified") {
      report("a figure without a number must have value null and qualifier \"unquantified\"", "Give both, or give the number the quote states");
      return;
    }
    const phrase = entry.phrase ?? VAGUE_WORDS.find((w) => new RegExp(`\\b${w}\\b`, "i").test(entry.quote)) ?? null;
    if (phrase === null) {
      report("the figure has no number and its quote has no word for a vague quantity (several, some, many…)", "Give the number the quote states, or quote the words that stand for it");
      return;
    }
    locate(entry.seed, entry.quote, phrase, seeds, report);
    return;
  }
  const phrase = phraseOf(entry);
  if (phrase === null) {
    const count = findMentions(entry.quote).filter((m) => m.value !== null).length;
    report(
      count === 0 ? "the quote states no number" : `the quote states ${count} numbers and the figure does not say which is its own`,
      count === 0 ? "Quote the words that give the number" : "Add a phrase: the number's own words, as the quote has them",
    );
    return;
  }
  const offset = locate(entry.seed, entry.quote, phrase, seeds, report);
  if (offset === null) return;
  const stated = parseNumber(phrase);
  if (stated === null) {
    report(`"${phrase}" cannot be read as a number`, "Make the phrase a numeral or number words, e.g. \"50,000\" or \"one-third\"");
    return;
  }
  if (Math.abs(stated - entry.value) > 1e-9 * Math.max(1, Math.abs(stated))) {
    report(`the value is ${entry.value} but the quote says "${phrase}" (${stated})`, `Set the value to ${stated}, or quote the passage that says ${entry.value}`);
  }
  const cue = qualifierCue(entry.quote, offset, phrase);
  const expected: Qualifier = cue?.qualifier ?? "exact";
  if (entry.qualifier !== expected) {
    report(
      cue
        ? `the qualifier is "${entry.qualifier}" but the quote says "${cue.words}", which makes it "${expected}"`
        : `the qualifier is "${entry.qualifier}" but the quote has no word for it`,
      cue ? `Set the qualifier to "${expected}"` : "Set the qualifier to \"exact\", or quote the words that qualify the number",
    );
  }
}

// The words before a number that qualify it, as wire copy writes them. "Nearly" and "almost" say the number is close,
// not a ceiling a reader should take as one; "as many as" and "up to" are a ceiling.
const CUES: [RegExp, Qualifier][] = [
  [/\b(not less than|not fewer than|just over|more than|over|above|at least|upwards of|in excess of|exceeding|exceeds|exceed|exceeded|topping|tops|top|topped|surpassing|surpassed|passed|no fewer than|no less than)\s*$/i, "at-least"],
  [/\b(up to|as many as|not more than|not higher than|fewer than|less than|lower than|slightly lower than|(?<!just )under|below|no more than|at most|a maximum of|within|(?:could|may|might|would) (?:(?:grow|rise|climb|reach|top|hit|increase|go up) to|reach|top|hit|exceed|be as high as|see)|is expected to (?:reach|rise to|hit))\s*$/i, "at-most"],
  [/\b(approximately|roughly|about|around|some|nearly|almost|close to|approaching|circa|c\.|nears|nearing|just under|more like)\s*$/i, "approximate"],
  [/\b(estimated|estimates|estimate)\b(?!.*[.;:!?])/i, "estimate"],
];

/** The words before a number in its quote that qualify it, if any. */
export function qualifierCue(quote: string, offset: number, phrase: string): { words: string; qualifier: Qualifier } | null {
  // Look only within the number's own clause: a dash or a full stop ends it.
  const before = quote.slice(0, offset).replace(/[\u2014\u2013]/g, " ");
  // "300 or more", "39 people, perhaps more", "300-plus"; not "50 percent plus one vote", which is exact.
  const after = /^(?:\s+\p{L}+)?,?[\s-]*(or more|or so|or fewer|or less|perhaps more|possibly more|if not more|plus(?![\s-]+(?:one|two|\d)))\b/iu.exec(quote.slice(offset + phrase.length, offset + phrase.length + 24));
  if (after) return { words: after[1]!, qualifier: /more|plus/i.test(after[1]!) ? "at-least" : /so/i.test(after[1]!) ? "approximate" : "at-most" };
  // "more than an estimated $100 billion": the bound, said before the estimate, is what qualifies it.
  const estimated = /\s+an?\s+estimated\s*$/i.exec(before);
  for (const [pattern, qualifier] of CUES) {
    const m = pattern.exec(estimated && qualifier !== "estimate" ? before.slice(0, estimated.index) : before);
    if (m) return { words: m[1]!, qualifier };
  }
  return null;
}

function checkCounted(entry: Extract<FigureEntry, { kind: "counted" }>, seeds: Map<string, Seed>, report: Report): void {
  if (locate(entry.seed, entry.quote, null, seeds, report) === null) return;
  let from = 0;
  for (const item of entry.items) {
    const at = entry.quote.indexOf(item, from);
    if (at === -1) {
      report(`"${item}" is not in the quote${entry.quote.includes(item) ? " in the order given" : ""}`, "List the items as the quote names them, in its order");
      return;
    }
    from = at + item.length;
  }
  if (entry.items.length === 0) report("the figure counts no items", "List the things the quote names");
}

export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
export const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function checkEvent(event: EventEntry, seeds: Map<string, Seed>, report: Report): void {
  if (!isCalendarDate(event.date)) {
    report(`the date "${event.date}" is not a day of the calendar as YYYY-MM-DD`, "Write it as YYYY-MM-DD (the first of the month when only the month is known)");
    return;
  }
  if (event.precision === "month" && !event.date.endsWith("-01")) {
    report("a month-precision date must be the first of its month", `Write ${event.date.slice(0, 8)}01`);
  }
  if (event.from !== undefined) {
    if (!isCalendarDate(event.from)) report(`the first day "${event.from}" is not a day of the calendar as YYYY-MM-DD`, "Write it as YYYY-MM-DD, or leave out `from` for an event of one day");
    else if (event.precision !== "day" || event.from >= event.date) report(`the first day ${event.from} is not a day before the event's date ${event.date}`, "Give `from` as the first day of an event dated to its last day, or leave it out");
  }
  if (!event.claimant?.trim()) report("the event has no claimant", "Name who dates it: the article, or the outside source");
  if (event.basis === "external") {
    if (!event.source?.trim()) report("an external date has no source", "Name the source that gives the date");
    if (event.seed !== undefined && event.quote !== undefined) locate(event.seed, event.quote, event.phrase ?? null, seeds, report);
    return;
  }
  const offset = locate(event.seed, event.quote, event.phrase, seeds, report);
  if (offset === null) return;
  const seed = seeds.get(event.seed)!;
  const contradiction = weekdayContradiction(event.phrase, seed.meta.published.date);
  if (contradiction) {
    report(contradiction.message, contradiction.fix);
    return;
  }
  const named = weekdayAndDay(event.phrase);
  const phrase = named ? named.rest : event.phrase;
  const read = event.basis === "stated" ? readStatedDate(phrase) : readImpliedDate(phrase, seed.meta.published.date);
  if (read === null) {
    // "March 28" names a day without its year: the year comes from the publication date, so it is implied.
    const implied = event.basis === "stated" && readImpliedDate(phrase, seed.meta.published.date) !== null;
    report(`"${event.phrase}" cannot be read as a ${event.basis === "stated" ? "date" : "day relative to publication"}`,
      implied ? `It gives no year: set basis "implied", as for "on Friday", and the year is read from the publication date`
        : event.basis === "stated" ? "Quote a date such as \"June 1, 2025\" or \"February 2022\"" : "Quote a weekday (\"on Sunday\") or \"today\", or give the date as external with a source");
    return;
  }
  if (read.date !== event.date || read.precision !== event.precision) {
    report(
      `the date is ${event.date} (${event.precision}) but "${event.phrase}" ${event.basis === "implied" ? `in an article published ${seed.meta.published.date} ` : ""}gives ${read.date} (${read.precision})`,
      `Set the date to ${read.date} with precision "${read.precision}"`,
    );
  }
}

export function readStatedDate(phrase: string): { date: string; precision: "day" | "month" } | null {
  const day = new RegExp(`^(${MONTHS.join("|")}) (\\d{1,2}), (\\d{4})$`).exec(phrase);
  if (day) {
    const date = iso(+day[3]!, MONTHS.indexOf(day[1]!) + 1, +day[2]!);
    return isCalendarDate(date) ? { date, precision: "day" } : null;
  }
  const month = new RegExp(`^(${MONTHS.join("|")}) (\\d{4})$`).exec(phrase);
  if (month) return { date: iso(+month[2]!, MONTHS.indexOf(month[1]!) + 1, 1), precision: "month" };
  return null;
}

export const SHORT_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "June 8", "Jan. 25", "8 June": a month and a day, by its number (1–12), or null. */
export function monthOf(name: string): number | null {
  const m = MONTHS.indexOf(name);
  if (m >= 0) return m + 1;
  const short = SHORT_MONTHS.indexOf(name.replace(/\.$/, "").replace(/^Sept$/, "Sep"));
  return short >= 0 ? short + 1 : null;
}

/**
 * "today", a weekday: the latest such day before publication; a month and a
 * day with no year ("June 8", "Jan. 25", "8 June"): the latest such day on or
 * before publication, or null when that day is not in the calendar.
 */
export function readImpliedDate(phrase: string, published: string): { date: string; precision: "day" } | null {
  const p = new Date(`${published}T00:00:00Z`);
  if (/^today$/i.test(phrase)) return { date: published, precision: "day" };
  const md = /^(\p{L}+\.?) (\d{1,2})$/u.exec(phrase.trim()) ?? /^(\d{1,2}) (\p{L}+)$/u.exec(phrase.trim());
  if (md) {
    const [name, day] = /^\d/.test(md[1]!) ? [md[2]!, +md[1]!] : [md[1]!, +md[2]!];
    const month = monthOf(name);
    if (month === null) return null;
    const year = p.getUTCFullYear();
    // A day later in the year than publication was last year's: "Dec. 30" in a story of 2 January.
    const date = iso(year, month, day);
    const latest = date > published ? iso(year - 1, month, day) : date;
    return isCalendarDate(latest) ? { date: latest, precision: "day" } : null;
  }
  const named = /^(?:on |last )?(\p{L}+)$/iu.exec(phrase.trim());
  const weekday = named ? WEEKDAYS.findIndex((d) => d.toLowerCase() === named[1]!.toLowerCase()) : -1;
  if (weekday === -1) return null;
  // "on Tuesday" in Tuesday's paper is that day; "last Tuesday" is the week before.
  const back = (p.getUTCDay() - weekday + 7) % 7 || (/^last /i.test(phrase.trim()) ? 7 : 0);
  const d = new Date(p.getTime() - back * 86_400_000);
  return { date: d.toISOString().slice(0, 10), precision: "day" };
}

/**
 * "Thursday March 28" in an article of April 2023, when 28 March was a
 * Tuesday: the article contradicts itself, and the ledger must not pick one
 * of the two silently. Null when the weekday and the day agree, or the phrase
 * has no weekday before a date.
 */
export function weekdayContradiction(phrase: string, published: string): { message: string; fix: string } | null {
  const named = weekdayAndDay(phrase);
  if (!named) return null;
  const stated = readStatedDate(named.rest);
  const day = stated ?? readImpliedDate(named.rest, published);
  if (!day) return null;
  const actual = WEEKDAYS[new Date(`${day.date}T00:00:00Z`).getUTCDay()]!;
  if (actual === named.weekday) return null;
  return {
    message: `"${phrase}": ${named.rest} ${stated ? "is" : "before publication was"} ${day.date}, a ${actual}, not a ${named.weekday}: the article contradicts itself`,
    fix: `Quote the part you date it by ("${named.rest}" or "${named.weekday}"), set the date it gives, and say in the event's note what the article got wrong`,
  };
}

/** "Thursday, March 28", "Thursday 28 March": a weekday before a month and day, apart. */
function weekdayAndDay(phrase: string): { weekday: string; rest: string } | null {
  const m = new RegExp(`^(?:on )?(${WEEKDAYS.join("|")}),? (.+)$`, "i").exec(phrase.trim());
  if (!m || !/\d/.test(m[2]!)) return null;
  return { weekday: WEEKDAYS.find((d) => d.toLowerCase() === m[1]!.toLowerCase())!, rest: m[2]! };
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
