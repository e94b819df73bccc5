// Article text that is not news — "1,1,1,…", "1 1 1 …", one sentence of
// 20,000 words — must cost time in proportion to its length in every pass
// (figures, new, check), and input past the limits must be refused at once,
// in one line that says what to do, with nothing written. Growth is measured
// as a ratio within one run (8× the input must take less than 20× the time:
// linear time takes 8×, the square 64×) or counted, never against a clock.
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Reporter } from "../src/build/progress.ts";
import { figures, figuresSource, figuresTable, type Article } from "../src/cli/commands/figures.ts";
import { newStory } from "../src/cli/commands/new.ts";
import { findCandidates } from "../src/ledger/candidates.ts";
import { checkEntries } from "../src/ledger/checks.ts";
import { coverage } from "../src/ledger/coverage.ts";
import type { FigureEntry, Unreviewed } from "../src/ledger/entries.ts";
import { findMentions } from "../src/ledger/numbers.ts";
import { ProblemError } from "../src/ledger/problems.ts";
import { loadSeed, nearestPassage, type Seed, type SeedMeta } from "../src/ledger/seeds.ts";
import { FIXTURE_SEED, writeFixture } from "./helpers/fixture.ts";
import { SEED, STORY_ROOT } from "./helpers/story.ts";
import { tempProject, type TempProject } from "./helpers/temp-project.ts";

/** Time of the fastest of `runs` calls, in ms. */
function fastest(run: () => unknown, runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** How much larger the large input is than the small one. */
const SCALE = 8;
/** Linear time grows as the input does (8×), its square 64×: between them, and far from both. */
const LINEAR = 20;

/**
 * How many times longer `run` takes on SCALE× the input than on 1×, in this
 * process. Each measure repeats the pass until the 1× measure lasts long
 * enough for the clock (repeating both alike leaves the ratio as it is), and
 * is the fastest of five on 1× and of up to five on SCALE×, cut short once
 * the ratio is clearly linear or clearly not.
 */
function growth(run: (scale: number) => unknown): number {
  run(1);
  run(1);
  let repeats = 1;
  const measure = (scale: number) => () => {
    for (let i = 0; i < repeats; i++) run(scale);
  };
  while (fastest(measure(1), 2) < 80 && repeats < 4096) repeats *= 2;
  const one = fastest(measure(1), 5);
  let large = Infinity;
  for (let i = 0; i < 5 && (i === 0 || (large / one >= LINEAR && large / one < 3 * LINEAR)); i++) large = Math.min(large, fastest(measure(SCALE), 1));
  return large / one;
}

/** One sentence of `words` words, every fifth a number, each number different. */
function longSentence(words: number): string {
  const filler = ["officials", "said", "that", "troops", "moved", "near", "the", "river", "while", "drones", "were", "seen", "over"];
  return Array.from({ length: words }, (_, i) => (i % 5 === 2 ? String(10_000 + i) : filler[i % filler.length])).join(" ");
}

const article = (text: string): Article => ({ name: "probe", file: "probe.txt", text, meta: { published: { date: "2025-06-02", time: null, timezone: null, dateline: null } } });

const silent: Reporter = { item: () => {}, problem: () => {}, summary: () => {} };

function seedOf(name: string, text: string): Seed {
  const meta: SeedMeta = {
    headline: "Probe", publisher: "Example", agency: null, byline: null, credit: "Example", language: "en",
    published: { date: "2025-06-02", time: null, timezone: null, dateline: null }, photo: null, sourceLine: null,
    origin: { file: "tests", sha256: createHash("sha256").update(text).digest("hex") },
  };
  return { name, file: `seeds/${name}.txt`, text, meta };
}

describe("figures on text that is not news takes time in proportion to its length", () => {
  const passes = (text: string) => {
    const a = article(text);
    const result = figures(a);
    figuresTable(a, result);
    figuresSource(a, result);
  };

  it.each([
    ["1,1,1,…", (scale: number) => "1,".repeat(3_000 * scale)],
    ["1 1 1 …", (scale: number) => "1 ".repeat(2_500 * scale)],
    ["one sentence of words and numbers", (scale: number) => longSentence(1_000 * scale)],
    ["one sentence of many speakers", (scale: number) => Array.from({ length: 300 * scale }, (_, i) => `the ministry said ${1_000 + i}, he told reporters, according to Police Chief Ana Ruiz`).join(", ")],
    ["one sentence of participles, gaps and passives", (scale: number) => Array.from({ length: 300 * scale }, (_, i) => `the unions counted ${i} and the prefecture ${i + 1}, projecting ${i}%, quoted the bank as saying ${i + 2} was reported to be ${i + 3} and ${i + 4} for the Interior Ministry`).join(", according to the CGT, ")],
    ["one sentence of capitalised words and no company suffix", (scale: number) => `${"Alpha Beta & ".repeat(1_500 * scale)}said 5 died, the company said.`],
    ["one long described speaker and no new clause", (scale: number) => `The ${"big ".repeat(2_000 * scale)}company said 5 died, according to the ministry.`],
    ["one sentence of relative clauses a thousand deep", (scale: number) => `The official, ${"who said that the man who, ".repeat(250 * scale)}said 5 people died.`],
  ])("%s: 8× the text takes less than 20× the time", (_, text) => {
    const inputs = new Map([1, SCALE].map((s) => [s, text(s)]));
    expect(growth((s) => passes(inputs.get(s)!))).toBeLessThan(LINEAR);
  });

  it("a candidate in a sentence of 20,000 words quotes the words around its number, verbatim, not the whole sentence", () => {
    const text = longSentence(20_000);
    const candidates = findCandidates(text, { published: "2025-06-02" });
    expect(candidates.length).toBe(4_000);
    for (const c of candidates) {
      // 200 characters either side of the number, cut at whole words.
      expect(c.quote.length).toBeLessThanOrEqual(400 + c.phrase.length);
      expect(c.quote.slice(c.offset, c.offset + c.phrase.length)).toBe(c.phrase);
      expect(text.slice(c.start - c.offset, c.start - c.offset + c.quote.length)).toBe(c.quote);
    }
    // What the quotes add up to is counted, not timed: in proportion to the article, not to its square.
    const total = candidates.reduce((sum, c) => sum + c.quote.length, 0);
    expect(total / candidates.length).toBeLessThan(450);
  });
});

describe("new and check on text that is not news take time in proportion to its length", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const scaffold = (text: string): string => {
    const dir = mkdtempSync(join(tmpdir(), "storycharts-limits-"));
    dirs.push(dir);
    writeFileSync(join(dir, "article.txt"), text);
    const code = newStory({ root: dir, slug: "probe", seedFile: join(dir, "article.txt"), date: "2025-06-02", publisher: null }, silent);
    expect(code).toBe(0);
    return readFileSync(join(dir, "notebooks", "probe.ts"), "utf8");
  };

  it("new on 1 1 1 …: 8× the text takes less than 20× the time", () => {
    const inputs = new Map([1, SCALE].map((s) => [s, `Probe\n\n${"1 ".repeat(1_250 * s)}\n`]));
    expect(growth((s) => scaffold(inputs.get(s)!))).toBeLessThan(LINEAR);
  });

  it("new on one long sentence writes a notebook that grows as the article does, not as its square", () => {
    // Counted: the notebook's bytes. Quoting the whole sentence for each of its numbers would make 4× the article 16× the notebook.
    const small = scaffold(`Probe\n\n${longSentence(1_500)}\n`).length;
    const large = scaffold(`Probe\n\n${longSentence(6_000)}\n`).length;
    expect(large / small).toBeLessThan(5);
  });

  it("check of a notebook listing every number of one long sentence: 8× the text takes less than 20× the time", () => {
    const inputs = new Map([1, SCALE].map((s) => {
      const text = longSentence(5_000 * s);
      const words = text.split(" ");
      // Each number quoted with the words either side, as a desk would.
      const unreviewed: Unreviewed[] = words.flatMap((w, i) => (/^\d+$/.test(w) ? [{ seed: "probe", quote: `${words[i - 1]} ${w} ${words[i + 1]}`, phrase: w }] : []));
      return [s, { text, unreviewed }];
    }));
    const check = (s: number) => {
      const { text, unreviewed } = inputs.get(s)!;
      const input = { file: "notebooks/probe.ts", seeds: new Map([["probe", seedOf("probe", text)]]), figures: [] as FigureEntry[], events: [], places: [], skipped: [], unreviewed, agreements: [] };
      expect(checkEntries(input)).toEqual([]);
      expect(coverage(input).filter((r) => r.status !== "unreviewed")).toEqual([]);
    };
    expect(growth(check)).toBeLessThan(LINEAR);
  });
});

describe("the nearest passage to a quote that is not in its seed", () => {
  // The tests' own article, from its first paragraph: 115 characters of it, and 8 × 115.
  const text = readFileSync(join(STORY_ROOT, "seeds", `${SEED}.txt`), "utf8");
  const start = text.indexOf("The death toll from Thursday's earthquake");
  const length = 115;

  it("8× the quote takes less than 20× the time, and the passage is the one meant", () => {
    expect(start).toBeGreaterThan(0);
    expect(text.length - start).toBeGreaterThanOrEqual(length * SCALE);
    const quotes = new Map([1, SCALE].map((s) => {
      const passage = text.slice(start, start + length * s).replace(/\s\S*$/, "");
      return [s, { passage, quote: passage.replace("rose to about", "rose to roughly") }];
    }));
    for (const { passage, quote } of quotes.values()) expect(quote).not.toBe(passage);
    for (const { passage, quote } of quotes.values()) expect(nearestPassage(text, quote).passage).toBe(passage);
    expect(growth((s) => nearestPassage(text, quotes.get(s)!.quote))).toBeLessThan(LINEAR);
  });
});

describe("input past the limits is refused at once, in one line, with nothing written", () => {
  let project: TempProject;
  let outside = "";
  beforeAll(() => {
    project = tempProject();
    outside = mkdtempSync(join(tmpdir(), "storycharts-limits-"));
  });
  afterAll(() => {
    project.remove();
    rmSync(outside, { recursive: true, force: true });
  });
  const listing = () => ["seeds", "notebooks"].flatMap((d) => readdirSync(join(project.dir, d)).map((f) => `${d}/${f}`)).sort();
  /** An article of exactly `bytes` bytes that would otherwise be quick to read: a date, a number, then words. */
  const bigArticle = (bytes: number) => {
    const head = "Drones over the border\nJune 2, 2025\n\nOfficials said 12 drones were shot down overnight.\n";
    return head + "x ".repeat((bytes - head.length) / 2).padEnd(bytes - head.length, "x");
  };

  it("figures refuses an article over 1 MB", () => {
    const file = join(outside, "big.txt");
    writeFileSync(file, bigArticle(1_000_001));
    const r = project.run("figures", file);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(`${file}: size: the article is 1,000,001 bytes, more than the limit of 1,000,000 bytes (1 MB; a long news article is under 100 KB). Give the text of one article, without the rest of the page it came from`);
    expect(r.stdout.trim()).toBe("figures: nothing read");
  });

  it("new refuses an article over 1 MB, and writes nothing", () => {
    const file = join(outside, "big-new.txt");
    writeFileSync(file, bigArticle(1_000_001));
    const before = listing();
    const r = project.run("new", "2025-06-02-big", "--seed", file);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(`${file}: size: the article is 1,000,001 bytes, more than the limit of 1,000,000 bytes (1 MB; a long news article is under 100 KB). Give the text of one article, without the rest of the page it came from`);
    expect(r.stdout.trim()).toBe("new: nothing written");
    expect(listing()).toEqual(before);
  });

  it("new refuses an article that mentions more than 25,000 numbers, and writes nothing", () => {
    const file = join(outside, "numbers.txt");
    writeFileSync(file, `Drones over the border\nJune 2, 2025\n\nOfficials said 12 drones were shot down overnight.\n${"first\n".repeat(25_000)}`);
    const before = listing();
    const r = project.run("new", "2025-06-02-numbers", "--seed", file);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(`${file}: numbers: the article mentions 25,003 numbers, more than the limit of 25,000 (a news article gives at most a few thousand). Give the text of one article; a table of data belongs in a CSV the notebook reads`);
    expect(listing()).toEqual(before);
  });

  it("check and build refuse a seed over 1 MB, naming the seed", () => {
    const text = bigArticle(1_000_001);
    writeFixture(project.dir);
    writeFileSync(join(project.dir, "seeds", `${FIXTURE_SEED}.txt`), text);
    const metaFile = join(project.dir, "seeds", `${FIXTURE_SEED}.meta.json`);
    const meta = JSON.parse(readFileSync(metaFile, "utf8"));
    writeFileSync(metaFile, JSON.stringify({ ...meta, origin: { ...meta.origin, sha256: createHash("sha256").update(text).digest("hex") } }));
    const message = `seeds/${FIXTURE_SEED}.txt: size: the article is 1,000,001 bytes, more than the limit of 1,000,000 bytes (1 MB; a long news article is under 100 KB). Give the text of one article, without the rest of the page it came from`;
    try {
      const check = project.run("check", "fixture", "--quiet");
      expect(check.status).toBe(1);
      expect(check.stderr.trim()).toBe(message);
      expect(() => loadSeed(project.dir, FIXTURE_SEED, "notebooks/fixture.ts")).toThrow(ProblemError);
    } finally {
      writeFixture(project.dir);
    }
  });

  it("check refuses a quote over 2,000 characters, even one that is in its seed", () => {
    const text = `Probe\n\n${longSentence(600)}.\n`;
    const quote = text.slice(7, 2_107);
    const phrase = findMentions(quote)[0]!.text;
    const figure: FigureEntry = {
      kind: "stated", id: "long-quote", seed: "probe", quote, phrase, value: Number(phrase), unit: "drones", qualifier: "exact",
      claimant: "Example", subject: "drones", measure: "seen",
    };
    const problems = checkEntries({ file: "notebooks/probe.ts", seeds: new Map([["probe", seedOf("probe", text)]]), figures: [figure], events: [], places: [], skipped: [], agreements: [] });
    expect(problems).toEqual([{
      file: "notebooks/probe.ts", place: "figure long-quote",
      message: "the quote is 2,100 characters, more than the limit of 2,000", fix: "Quote only the sentence that gives the number",
    }]);
  });
});
