// An article's sentences, each with its place in the text, so that a quote
// taken from one is verbatim. A full stop ends a sentence unless it closes an
// abbreviation ("U.N.", "Gen.", "Jan."); a line break always does.

export interface Sentence {
  text: string;
  start: number;
}

const ABBREVIATIONS = new Set([
  "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "capt", "maj", "adm", "rep", "sen", "gov", "pres", "prof",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  "no", "vs", "etc", "inc", "ltd", "co", "corp", "approx", "est", "fig", "p.m", "a.m",
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
    if (end < text.length && !/\s/.test(text[end]!)) continue; // "3.5", "U.N.", "example.com"
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
