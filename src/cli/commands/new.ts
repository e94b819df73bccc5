// `storycharts new <slug> --seed FILE`: starts a story. The article is copied
// into seeds/ byte for byte, with a metadata stub that the checks accept, and
// a notebook is scaffolded with one figure, one table and one chart to edit.
// Every other number in the article is listed as not reviewed yet, so that
// check passes from the start and says how much reading is left. An article
// past the limits (src/ledger/limits.ts) is refused before any of this.

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import {
  articleTooBig, entrySource, findCandidates, findDateline, findMentions, templateText, formatProblem, idMaker, passageAround, quoteFor, sentences,
  stringLiteral, tooManyNumbers, type Candidate, type SeedMeta,
} from "../../ledger/index.ts";
import { plural, type Reporter } from "../../build/index.ts";
import { writeIfChanged } from "../../publish/index.ts";
import { ArticleError, decodeText } from "./figures.ts";

export interface NewOptions {
  root: string;
  slug: string;
  seedFile: string;
  date: string | null;
  publisher: string | null;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_SLUG = 120;

export function newStory(o: NewOptions, report: Reporter): number {
  const fail = (message: string) => {
    report.problem(message);
    report.summary(`new: nothing written`);
    return 1;
  };
  if (!SLUG.test(o.slug)) return fail(`${o.slug}: a slug is lower-case words and digits joined by hyphens, such as 2025-06-02-istanbul-talks. Choose one of that form`);
  // It names files (seeds/<slug>.meta.json, a temporary name beside it) that must fit a file system's 255 bytes.
  if (o.slug.length > MAX_SLUG) return fail(`${o.slug.slice(0, 40)}…: the slug is ${o.slug.length} characters long, more than ${MAX_SLUG}. Choose a shorter one`);
  const files = { seed: `seeds/${o.slug}.txt`, meta: `seeds/${o.slug}.meta.json`, notebook: `notebooks/${o.slug}.ts` };
  for (const file of Object.values(files)) {
    if (existsSync(join(o.root, file))) return fail(`${file}: already exists, and new never overwrites. Choose another slug, or remove the file first`);
  }
  let bytes: Buffer;
  try {
    // Refuse an oversized file before reading it.
    const tooBig = articleTooBig(o.seedFile, statSync(o.seedFile).size);
    if (tooBig) return fail(formatProblem(tooBig));
    bytes = readFileSync(o.seedFile);
  } catch {
    return fail(`${o.seedFile}: the article cannot be read. Give the path of a plain-text file holding the article`);
  }
  let text: string;
  try {
    text = decodeText(bytes, o.seedFile);
  } catch (error) {
    if (error instanceof ArticleError) return fail(error.message);
    throw error;
  }
  const headline = text.split("\n").map((l) => l.trim()).find((l) => l !== "");
  if (!headline) return fail(`${o.seedFile}: the file is empty. Copy the article's text into it`);
  // The notebook lists every number for review: counting them first is cheap, listing too many is not.
  const tooMany = tooManyNumbers(o.seedFile, findMentions(text).length);
  if (tooMany) return fail(formatProblem(tooMany));

  const dateline = findDateline(text, o.date ?? null);
  const date = o.date ?? dateline?.date ?? null;
  if (!date) return fail(`${o.seedFile}: no publication date in the article's first lines. Give it with --date YYYY-MM-DD`);
  const publisher = o.publisher ?? "unknown publisher";
  const meta: SeedMeta = {
    headline, publisher, agency: null, byline: null, credit: publisher, language: "en",
    published: { date, time: null, timezone: null, dateline: dateline && dateline.date === date ? dateline.line : null },
    photo: null, sourceLine: null,
    // The file's name only: the path would put a person's home folder in a committed file.
    origin: { file: basename(o.seedFile), sha256: createHash("sha256").update(bytes).digest("hex"), note: "Copied byte for byte by storycharts new." },
  };

  const candidates = findCandidates(text, { published: date });
  const dated = lineSpan(text, meta.published.dateline);
  // The first number that says what it counts ("nine workers", not a headline's bare "Nine"): a figure check accepts as it is.
  const numbers = candidates.filter((c) => c.kind === "number" && c.value !== null && !within(c.start, dated));
  const lead = numbers.find((c) => c.unit !== null) ?? numbers[0];
  if (!lead) return fail(`${o.seedFile}: the article gives no number to start a chart from. storycharts charts sourced numbers; start from an article that has some`);

  const notebook = scaffold(o.slug, meta, text, lead);
  const written: string[] = [];
  try {
    for (const [file, content] of [[files.seed, bytes], [files.meta, `${JSON.stringify(meta, null, 2)}\n`], [files.notebook, notebook.source]] as const) {
      const path = join(o.root, file);
      mkdirSync(dirname(path), { recursive: true });
      writeIfChanged(path, content);
      written.push(file);
      report.item(`written   ${file}`);
    }
  } catch (error) {
    // All or nothing: a story half written would make the next `new` refuse to overwrite it.
    for (const file of written) rmSync(join(o.root, file), { force: true });
    for (const file of Object.values(files)) rmSync(join(o.root, `${file}.tmp-${process.pid}`), { force: true });
    return fail(`${o.root}: writing the story failed (${(error as Error).message}); what was written is removed again. Check that the folders are writable and the disk has room`);
  }
  report.summary(`new: ${written.join(", ")} written; 1 figure, 1 table, 1 chart; ${plural(notebook.unreviewed, "number")} to review (npm run figures -- ${o.slug})`);
  return 0;
}

/** Where the dateline stands in the text, found once rather than for each number. */
function lineSpan(text: string, line: string | null): [number, number] | null {
  const at = line ? text.indexOf(line) : -1;
  return at === -1 ? null : [at, at + line!.length];
}

function within(offset: number, span: [number, number] | null): boolean {
  return span !== null && offset >= span[0] && offset < span[1];
}

/** The notebook for a new story: the lead number as its one figure, and every other number as not reviewed yet. */
function scaffold(slug: string, meta: SeedMeta, text: string, lead: Candidate): { source: string; unreviewed: number } {
  const id = idMaker();
  // A number that names nothing it counts still needs a unit for check: "count", which the note asks the writer to confirm.
  const entry = entrySource(lead, { seed: "SEED", article: "ARTICLE" }, id)[0]!
    .replace(/unit: "",/, 'unit: "count",')
    .replace(`subject: "", measure: "", // fill in: what the number is about, and what is said of it`,
      `subject: ${stringLiteral(lead.unit ?? "figure")}, measure: "as the article states it",\n  note: "Drafted by storycharts new from the article’s first number: check the claimant, and say what the number is about in the subject and measure.",`);
  const figureId = /id: "([^"]+)"/.exec(entry)![1]!;
  const unreviewed = unreviewedEntries(text, meta.published.dateline, lead);
  const indent = (s: string, n: number) => s.split("\n").map((l) => (l === "" ? l : " ".repeat(n) + l)).join("\n");
  // Nothing from the article or the command line reaches the notebook but as a string literal.
  const q = stringLiteral;
  // A chart id starts with a letter (it prefixes the ids inside the SVG); a slug may start with a date.
  const table = /^[a-z]/.test(slug) ? `${slug}-lead` : `story-${slug}-lead`;
  // The headline names the figure, so the ledger prints it with the article's own qualifying words: "Roughly 4,200 residents".
  const headline = `t\`\${${q(figureId)}}${lead.unit ? ` ${templateText(lead.unit)}` : ""}\``;
  const tableTitle = `${lead.qualifierWords ? `${lead.qualifierWords} ` : ""}${lead.value!.toLocaleString("en-US")}${lead.unit ? ` ${lead.unit}` : ""}`;
  const source = `// A story started with \`storycharts new\` from seeds/${slug}.txt: its headline,
// publisher and date are in seeds/${slug}.meta.json and in the notebook's title.
//
// Next: read the numbers listed under \`unreviewed\` (\`npm run figures -- ${slug}\` shows
// them as candidates; with --ts, as ledger entries to paste). Move the ones the story
// uses into figures or events, put the others in skipped with the reason, and edit the
// table and the chart. \`npm run check\` says how many are left to review.
//
// Run alone: npx tsx notebooks/${slug}.ts

import { claimsChart, figureTable, notebook, runIfMain, t } from "../src/index.ts";

const SEED = ${q(slug)};
/** The article's own voice: numbers it states without naming a source. */
export const ARTICLE = ${q(meta.credit)};

const story = notebook({
  id: ${q(slug)},
  title: ${q(meta.headline)},
  seeds: [SEED],

  figures: [
${indent(entry, 4)}
  ],

  tables: {
    // A row per figure, with who claims it, what, the number and its qualifier: what the chart kinds read.
    // Competing claims about one thing share a subject: figures: "the-subject" takes them all.
    ${q(table)}: figureTable({
      title: ${q(tableTitle)},
      description: "The story's first figure, as the article gives it.",
      figures: [${q(figureId)}],
    }),
  },

  charts: {
    // One bar per claim, labelled with who claims what. Other kinds: barChart, unitChart, timeSeries,
    // timelineChart, locator, pointMap, regionMap and smallTable (docs/README.md).
    ${q(table)}: claimsChart({
      table: ${q(table)},
      // A number in a chart's words names its figure: t\`… \${"figure-id"} …\` prints it from the ledger.
      headline: ${headline},
      subtitle: "A first chart of the story’s lead figure: edit its words in this notebook",
    }),
  },

  // Numbers the article gives that nobody has reviewed yet.
  unreviewed: [
${unreviewed.map((u) => `    { seed: SEED, quote: ${q(u.quote)}, phrase: ${q(u.phrase)} },`).join("\n")}
  ],
});

export default story;

await runIfMain(import.meta.url, story);
`;
  return { source, unreviewed: unreviewed.length };
}

/** Every number coverage will ask about, but the lead figure's and the dateline's, with a quote in which it stands once. */
function unreviewedEntries(text: string, dateline: string | null, lead: Candidate): { quote: string; phrase: string }[] {
  const out: { quote: string; phrase: string }[] = [];
  const dated = lineSpan(text, dateline);
  for (const sentence of sentences(text)) {
    for (const m of findMentions(sentence.text)) {
      const start = sentence.start + m.start;
      if (m.kind === "designation" || start === lead.start || within(start, dated)) continue;
      // In a very long sentence, the words around the number: a quote for each number that holds the whole sentence would make the notebook grow as its square.
      const passage = passageAround(sentence.text, m.start, m.end);
      out.push({ quote: quoteFor(passage.text, m.text, m.start - passage.start), phrase: m.text });
    }
  }
  return out;
}
