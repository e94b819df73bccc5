// A seed is an article kept byte for byte in seeds/<name>.txt, with what we
// know about it in seeds/<name>.meta.json. Loading one also proves that the
// text is still the text we copied and that the metadata quotes it truly.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
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
    bytes = readFileSync(join(root, file));
  } catch {
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
  if (!/^\d{4}-\d{2}-\d{2}$/.test(meta.published?.date ?? "")) {
    problems.push({
      file: metaFile, place: "published.date", message: "the publication date is not an ISO date (YYYY-MM-DD)",
      fix: "Write the date the dateline gives, as YYYY-MM-DD",
    });
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

// Typographic marks that people retype as plain ones.
const LOOKALIKES: [RegExp, string, string][] = [
  [/[\u2018\u2019\u02bc]/g, "'", "’"],
  [/[\u201c\u201d]/g, '"', "“ ”"],
  [/[\u2013\u2014]/g, "-", "— or –"],
  [/\u00a0/g, " ", "a no-break space"],
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

/** The passage of the text most like the quote, for a message that says what was meant. */
export function nearestPassage(text: string, quote: string): Nearest {
  const folded = fold(quote);
  const words = [...text.matchAll(/\S+/g)];
  const span = Math.max(1, quote.split(/\s+/).filter(Boolean).length);
  let best = { distance: Infinity, start: 0, end: 0 };
  for (let i = 0; i < words.length; i++) {
    for (const n of [span - 1, span, span + 1]) {
      const last = words[i + n - 1];
      if (n < 1 || last === undefined) continue;
      const start = words[i]!.index;
      const end = last.index + last[0].length;
      const distance = levenshtein(folded, fold(text.slice(start, end)));
      if (distance < best.distance) best = { distance, start, end };
    }
  }
  const passage = text.slice(best.start, best.end);
  return { passage, hint: best.distance === 0 ? lookalikeHint(passage, quote) : null };
}

function lookalikeHint(passage: string, quote: string): string {
  for (const [pattern, plain, typographic] of LOOKALIKES) {
    pattern.lastIndex = 0;
    if (pattern.test(passage) && quote.includes(plain)) return `the seed has ${typographic} where the quote has ${plain}`;
  }
  return "the quote differs from the seed only in case or spacing";
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}
