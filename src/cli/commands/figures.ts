// `storycharts figures <seed>`: the numbers an article gives, as candidates
// for the ledger, on the terminal or (--ts) as entries to paste. It writes
// nothing: what goes into a notebook is a person's decision.

import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import {
  articleTooBig, entrySource, findCandidates, findDateline, findMentions, formatProblem, idMaker, stringLiteral, type Candidate, type SeedMeta,
} from "../../ledger/index.ts";
import { plural } from "../../build/index.ts";

export interface Article {
  /** The seed's name: its file name without .txt. */
  name: string;
  file: string;
  text: string;
  meta: Partial<SeedMeta> | null;
}

export class ArticleError extends Error {}

/** An article by path, or by seed name (seeds/<name>.txt), read as UTF-8 text. */
export function readArticle(root: string, seed: string): Article {
  const candidates = [resolve(seed), resolve(root, seed), join(root, "seeds", `${seed}.txt`)];
  const found = candidates.find((f) => existsSync(f));
  if (found && !statSync(found).isFile()) {
    throw new ArticleError(`${seed}: is a folder, not an article. Give the path of one article's text file, or the name of a seed such as ${exampleSeed(root)}`);
  }
  const file = found;
  if (!file) throw new ArticleError(`${seed}: no such file, and no seed seeds/${seed}.txt. Give the path of the article's text, or the name of a seed`);
  // Refuse an oversized file before reading it.
  const tooBig = articleTooBig(file, statSync(file).size);
  if (tooBig) throw new ArticleError(formatProblem(tooBig));
  const text = decodeText(readFileSync(file), file);
  const metaFile = file.replace(/\.txt$/, ".meta.json");
  let meta: Partial<SeedMeta> | null = null;
  if (metaFile !== file && existsSync(metaFile)) {
    try {
      meta = JSON.parse(readFileSync(metaFile, "utf8")) as Partial<SeedMeta>;
    } catch {
      meta = null;
    }
  }
  return { name: basename(file).replace(/\.txt$/, ""), file, text, meta };
}

function exampleSeed(root: string): string {
  try {
    return readdirSync(join(root, "seeds")).find((f) => f.endsWith(".txt"))?.replace(/\.txt$/, "") ?? "2025-06-02-istanbul-talks";
  } catch {
    return "2025-06-02-istanbul-talks";
  }
}

/** The bytes as text, or an error naming the file when they are not UTF-8 text. */
export function decodeText(bytes: Buffer, file: string): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ArticleError(`${file}: the file is not UTF-8 text. Save the article as UTF-8 plain text (in most editors: Save As, encoding UTF-8) and try again`);
  }
  // Control characters other than tabs and line breaks mean a binary file: a PDF, a Word document.
  const binary = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.exec(text);
  if (binary) {
    const line = text.slice(0, binary.index).split("\n").length;
    throw new ArticleError(`${file}: line ${line}: the file holds binary data, not plain text. Copy the article's text into a plain-text file (a PDF or Word file cannot be read)`);
  }
  return text;
}

export interface FiguresResult {
  candidates: Candidate[];
  /** Numbers the coverage check will ask about that are not candidates: ordinals and designations. */
  notListed: { ordinals: number; designations: number };
  summary: string;
}

export function figures(article: Article): FiguresResult {
  // A raw article's date is on one of its first lines: read it as `new` does, and leave that line's own date out.
  const dateline = article.meta?.published?.date ? null : findDateline(article.text);
  const published = article.meta?.published?.date ?? dateline?.date ?? null;
  const datedAt = dateline ? article.text.indexOf(dateline.line) : -1;
  const candidates = findCandidates(article.text, { published })
    .filter((c) => !(c.kind === "date" && datedAt !== -1 && c.start >= datedAt && c.start < datedAt + dateline!.line.length));
  const mentions = findMentions(article.text);
  const notListed = {
    ordinals: mentions.filter((m) => m.kind === "ordinal").length,
    designations: mentions.filter((m) => m.kind === "designation").length,
  };
  const count = (k: Candidate["kind"]) => candidates.filter((c) => c.kind === k).length;
  const parts = [
    plural(count("number") + count("percent") + count("money") + count("range"), "number"),
    plural(count("vague"), "vague quantity", "vague quantities"),
    plural(count("list"), "list"),
    plural(count("date"), "date"),
  ];
  const summary = `figures: ${plural(candidates.length, "candidate")} in ${article.name} (${parts.join(", ")}); ` +
    `${plural(notListed.ordinals, "ordinal")} and ${plural(notListed.designations, "designation")} not listed`;
  return { candidates, notListed, summary };
}

/** The article's own voice, as a chart's source line would name it. */
export function articleVoice(article: Article): string {
  return article.meta?.credit ?? "the article";
}

/**
 * The candidates as a table a person can check against the article: the
 * claimant in full (a cut name hides who is claiming), and the quote trimmed
 * to the words around the number (whole with `wide`).
 */
export function figuresTable(article: Article, result: FiguresResult, width = 120, wide = false): string {
  const voice = articleVoice(article);
  const rows = result.candidates.map((c) => [
    `${c.line}:${c.column}`,
    c.kind,
    shown(c),
    c.unit ?? "—",
    c.qualifierWords ? `${c.qualifier} (“${c.qualifierWords}”)` : c.qualifier,
    c.claimant === null ? `${voice} (own voice)` : c.inferred ? `${c.claimant} (inferred from “${c.attribution}”)` : c.claimant,
  ]);
  const head = ["where", "kind", "value", "unit", "qualifier", "claimant", "quote"];
  // Short columns are capped; the claimant never is. A loop, not Math.max(...rows): a long article's rows overflow the stack.
  const caps = [12, 8, 28, 20, 32, Infinity];
  const widths = caps.map((cap, i) => Math.min(cap, rows.reduce((w, r) => Math.max(w, r[i]!.length), head[i]!.length)));
  const fixed = widths.reduce((a, b) => a + b + 2, 0);
  const quoteWidth = Math.max(40, width - fixed);
  const line = (r: string[], quote: string) => [...r.map((cell, i) => clip(cell, widths[i]!).padEnd(widths[i]!)), quote].join("  ").trimEnd();
  return [
    line(head.slice(0, -1), head.at(-1)!),
    ...rows.map((r, i) => {
      const c = result.candidates[i]!;
      return line(r, wide ? c.quote : around(c.quote, c.offset, c.phrase.length, quoteWidth));
    }),
  ].join("\n");
}

/** The words of `quote` around the number at `offset`, in at most `width` characters, cut at word boundaries and marked with "…". */
export function around(quote: string, offset: number, length: number, width: number): string {
  if (quote.length <= width) return quote;
  const room = Math.max(0, width - length - 2);
  let from = Math.max(0, offset - Math.floor(room / 2));
  let to = Math.min(quote.length, from + length + room);
  from = Math.max(0, to - length - room);
  // Whole words only: move each cut to the nearest space inside the window.
  if (from > 0) {
    const space = quote.indexOf(" ", from);
    if (space !== -1 && space < offset) from = space + 1;
  }
  if (to < quote.length) {
    const space = quote.lastIndexOf(" ", to);
    if (space > offset + length) to = space;
  }
  return `${from > 0 ? "…" : ""}${quote.slice(from, to)}${to < quote.length ? "…" : ""}`;
}

function shown(c: Candidate): string {
  if (c.kind === "date") return c.date?.iso ?? `${c.phrase} (date unknown)`;
  if (c.kind === "range") return `${c.value}–${c.high}`;
  if (c.kind === "vague") return `“${c.phrase}”`;
  if (c.kind === "list") return `${c.value} (${c.items!.join(", ")})`;
  if (c.kind === "money") return `${c.value!.toLocaleString("en-US")} ${c.currency}`;
  if (c.kind === "percent") return `${c.value}%`;
  // A decimal as the article writes it ("7.6"); a fraction's long expansion to three places ("0.333").
  const value = c.value === null ? "" : Number.isInteger(c.value) ? c.value.toLocaleString("en-US") : /^-?\d+\.\d{1,4}$/.test(String(c.value)) ? String(c.value) : c.value.toFixed(3);
  return /^[\d,.]+$/.test(c.phrase) ? value : `${value} (“${c.phrase}”)`;
}

function clip(s: string, width: number): string {
  return s.length <= width ? s : `${s.slice(0, width - 1)}…`;
}

/** Ledger entries for every candidate, to paste into a notebook that declares SEED and ARTICLE. */
export function figuresSource(article: Article, result: FiguresResult): string {
  const id = idMaker();
  const names = { seed: "SEED", article: "ARTICLE" };
  // A sentence the article prints twice (a standfirst repeated in the body) needs one entry: its quote covers both.
  const seen = new Set<string>();
  const once = result.candidates.filter((c) => {
    const key = `${c.kind}\0${c.quote}\0${c.offset}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  const figures = once.filter((c) => c.kind !== "date").flatMap((c) => entrySource(c, names, id));
  const events = once.filter((c) => c.kind === "date").flatMap((c) => entrySource(c, names, id));
  const indent = (s: string) => s.split("\n").map((l) => `  ${l}`).join("\n");
  return [
    `// Candidates from ${article.name}, proposed by \`storycharts figures\`: keep the ones the story uses,`,
    `// fill in each subject and measure (check fails until you do), and check every claimant against the text.`,
    `// In a notebook that declares:`,
    `//   const SEED = ${stringLiteral(article.name)};`,
    `//   const ARTICLE = ${stringLiteral(articleVoice(article))}; // the article's own voice`,
    "figures: [",
    ...figures.map(indent),
    "],",
    "events: [",
    ...events.map(indent),
    "],",
  ].join("\n");
}
