// Reads numbers as an article writes them: "50,000", "eight", "one-third",
// "twenty-five", "3.5 million", "first". The provenance checks compare a
// figure's value with what these functions read from its quote, so they
// must refuse anything they do not understand rather than guess.

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7,
  eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13,
  fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = {
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
};
const DENOMINATORS: Record<string, number> = {
  half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4,
  fourth: 4, fourths: 4, fifth: 5, fifths: 5, sixth: 6, sixths: 6,
  seventh: 7, sevenths: 7, eighth: 8, eighths: 8, ninth: 9, ninths: 9,
  tenth: 10, tenths: 10,
};
const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7,
  eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12,
};
/** Words that stand for a count the article does not give. */
export const VAGUE_WORDS = ["several", "some", "many", "dozens", "hundreds", "thousands", "a few", "numerous"];

const NUMERAL = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/;

/** The number a numeral or a run of number words states, or null when it is not one. */
export function parseNumber(text: string): number | null {
  const t = asciiDigits(text).text.trim().toLowerCase().replace(/[\u2010\u2011\u2012\u2013]/g, "-");
  if (t === "") return null;
  const scaled = /^(\d[\d,]*(?:\.\d+)?)\s+(hundred|thousand|million|billion|trillion)$/.exec(t);
  if (scaled) {
    const base = parseNumeral(scaled[1]!);
    return base === null ? null : base * SCALES[scaled[2]!]!;
  }
  // "a million", "a hundred": the scale once.
  const single = /^an?\s+(hundred|thousand|million|billion|trillion)$/.exec(t);
  if (single) return SCALES[single[1]!]!;
  // "half a million", "a quarter of a million", "one and a half million", "two-thirds of a billion".
  const part = /^(.+?)\s+(?:of\s+)?an?\s+(thousand|million|billion|trillion)$/.exec(t) ?? /^(one[\s-]and[\s-]a[\s-]half)\s+(thousand|million|billion|trillion)$/.exec(t);
  if (part) {
    const share = /^one[\s-]and/.test(part[1]!) ? 1.5 : parseFraction(part[1]!);
    if (share !== null) return share * SCALES[part[2]!]!;
  }
  const numeral = parseNumeral(t);
  if (numeral !== null) return numeral;
  const fraction = parseFraction(t);
  if (fraction !== null) return fraction;
  return parseWords(t);
}

function parseNumeral(t: string): number | null {
  if (!NUMERAL.test(t)) return null;
  return Number(t.replace(/,/g, ""));
}

/** "one-third", "two thirds", "a quarter", "half". */
function parseFraction(t: string): number | null {
  if (t === "half" || t === "a half" || t === "one half" || t === "one-half") return 1 / 2;
  const m = /^(a|an|[a-z]+)[\s-]([a-z]+)$/.exec(t);
  if (!m) return null;
  const denominator = DENOMINATORS[m[2]!];
  if (denominator === undefined) return null;
  const numerator = m[1] === "a" || m[1] === "an" ? 1 : UNITS[m[1]!];
  if (numerator === undefined || numerator === 0) return null;
  // "one thirds" or "two third" are not English: refuse rather than guess.
  if ((numerator === 1) === m[2]!.endsWith("s")) return null;
  return numerator / denominator;
}

/** "fifty", "twenty-five", "three hundred", "two thousand five hundred". */
function parseWords(t: string): number | null {
  const words = t.split(/[\s-]+/).filter((w) => w !== "and");
  if (words.length === 0) return null;
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of words) {
    if (w in UNITS) current += UNITS[w]!;
    else if (w in TENS) current += TENS[w]!;
    else if (w === "hundred") current = (current || 1) * 100;
    else if (w in SCALES) {
      total += (current || 1) * SCALES[w]!;
      current = 0;
    } else return null;
    seen = true;
  }
  return seen ? total + current : null;
}

/** The position an ordinal word names ("second" → 2), or null. */
export function parseOrdinal(text: string): number | null {
  return ORDINALS[text.trim().toLowerCase()] ?? null;
}

export type MentionKind = "numeral" | "words" | "fraction" | "ordinal" | "designation";

/** One number as it stands in a text, with its place. */
export interface Mention {
  text: string;
  start: number;
  end: number;
  kind: MentionKind;
  /** What the text states; null for an ordinal ("first") or a designation ("Tu-95MS"). */
  value: number | null;
}

const WORD = Object.keys({ ...UNITS, ...TENS, ...SCALES }).join("|");
const DENOMINATOR = Object.keys(DENOMINATORS).join("|");
const ORDINAL = Object.keys(ORDINALS).join("|");
const MENTION = new RegExp(
  [
    // a designation: letters, a hyphen, digits, maybe letters (Tu-95MS, An-12, F-16)
    String.raw`(?<designation>\b\p{Lu}[\p{L}]*-\d+[\p{L}\d]*)`,
    // "4th", "21st": an ordinal in digits names a place in a series, not a count.
    String.raw`(?<ordinal>(?<![\p{L}\d.,])\d+(?:st|nd|rd|th)\b)`,
    // "2 million", "3.5 billion": a numeral and its scale are one number, as a reader reads them.
    String.raw`(?<numeralScaled>(?<![\p{L}\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?[ \u00a0]+(?:thousand|million|billion|trillion)\b)`,
    String.raw`(?<numeral>(?<![\p{L}\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)|(?<![\p{L}\d.,])\d+(?:\.\d+)?(?![\d]))`,
    // "half a million", "a quarter of a million", "one and a half million": a share of a scale is one number.
    String.raw`(?<scaled>\b(?:(?:(?:${WORD}|a|an)[\s\u2010-]+)?(?:${DENOMINATOR}|half)|one[\s-]and[\s-]a[\s-]half)(?:\s+of)?(?:\s+an?)?\s+(?:thousand|million|billion|trillion)\b|\ban?\s+(?:hundred|thousand|million|billion|trillion)\b(?![\s-]+(?:and\s+)?(?:${WORD})\b))`,
    // "nearly half of the districts": half as a share, not "the second half".
    String.raw`(?<fraction>\b(?:${WORD}|a|an)[\s\u2010-]+(?:${DENOMINATOR})\b|(?<![\p{L}-])(?<!\b(?:first|second|third|last|latter|other|the|a|an|one)\s)half(?=\s+(?:of|the)\b))`,
    String.raw`(?<words>\b(?:${WORD})(?:[\s\u2010-]+(?:and[\s]+)?(?:${WORD}))*\b)`,
    String.raw`(?<wordOrdinal>\b(?:${ORDINAL})\b)`,
  ].join("|"),
  "giu",
);

/**
 * Every number a text mentions, in order: numerals, number words, fractions,
 * ordinals, and numbers inside designations (reported, so that coverage can
 * say why they are not figures).
 */
export function findMentions(text: string): Mention[] {
  const ascii = asciiDigits(text);
  if (ascii.offsets) {
    // Read with ASCII digits, reported in the text's own places and words.
    const at = ascii.offsets;
    return findMentions(ascii.text).map((m) => ({ ...m, start: at[m.start]!, end: at[m.end]!, text: text.slice(at[m.start]!, at[m.end]!) }));
  }
  const mentions: Mention[] = [];
  for (const m of text.matchAll(MENTION)) {
    const groups = m.groups!;
    const start = m.index;
    const raw = m[0];
    if (groups.designation !== undefined) {
      mentions.push({ text: raw, start, end: start + raw.length, kind: "designation", value: null });
    } else if (groups.numeralScaled !== undefined) {
      mentions.push({ text: raw, start, end: start + raw.length, kind: "numeral", value: parseNumber(raw) });
    } else if (groups.numeral !== undefined) {
      mentions.push({ text: raw, start, end: start + raw.length, kind: "numeral", value: parseNumber(raw) });
    } else if (groups.scaled !== undefined) {
      const value = parseNumber(raw);
      if (value !== null) mentions.push({ text: raw, start, end: start + raw.length, kind: "words", value });
      else pushOrdinalOrWords(mentions, raw, start);
    } else if (groups.fraction !== undefined) {
      const value = parseNumber(raw);
      // "a third" may be an ordinal ("a third round"): only a parsed fraction counts as one.
      if (value !== null) mentions.push({ text: raw, start, end: start + raw.length, kind: "fraction", value });
      else pushOrdinalOrWords(mentions, raw, start);
    } else if (groups.words !== undefined) {
      mentions.push({ text: raw, start, end: start + raw.length, kind: "words", value: parseNumber(raw) });
    } else if (groups.ordinal !== undefined || groups.wordOrdinal !== undefined) {
      mentions.push({ text: raw, start, end: start + raw.length, kind: "ordinal", value: null });
    }
  }
  return mentions;
}

function pushOrdinalOrWords(mentions: Mention[], raw: string, start: number): void {
  const first = /^[\p{L}]+/u.exec(raw)![0];
  const value = parseNumber(first);
  if (value !== null) mentions.push({ text: first, start, end: start + first.length, kind: "words", value });
}

const OTHER_DIGIT = /[^\P{Nd}0-9]/u;
const IS_DIGIT = /^\p{Nd}$/u;

/**
 * The text with every decimal digit of any script ("９", "٩", "𝟗") as its
 * ASCII digit, for a reader sees them as numbers; and, when any was replaced,
 * where each character of the result stands in the text (one more entry for
 * the end), since a digit outside the first plane is two code units.
 */
export function asciiDigits(text: string): { text: string; offsets: number[] | null } {
  if (!OTHER_DIGIT.test(text)) return { text, offsets: null };
  let out = "";
  const offsets: number[] = [];
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!;
    const char = String.fromCodePoint(code);
    offsets.push(i);
    out += code > 0x7f && IS_DIGIT.test(char) ? String(digitValue(code)) : char.length === 2 ? (offsets.push(i + 1), char) : char;
    i += char.length;
  }
  offsets.push(text.length);
  return { text: out, offsets };
}

/** A decimal digit's value: Unicode keeps each script's digits as runs of ten from zero, side by side. */
function digitValue(code: number): number {
  let start = code;
  while (IS_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return (code - start) % 10;
}

