// The reference in docs/, written from the code and the notebooks so that it
// cannot drift: a page per chart kind (what its module says it draws, its
// options from the options interface, the notebook lines of every chart that
// uses it with the chart's picture, and the tests' own example), and an index
// with the ledger's entry types, the qualifier words and the chart spec.
// `npm run docs` writes it; a test fails when the committed docs differ.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { formatQualified, qualifierWords } from "../chart/index.ts";
import { QUALIFIERS } from "../ledger/index.ts";

interface Field { name: string; optional: boolean; type: string; doc: string }

interface Kind {
  name: string;
  file: string;
  summary: string;
  options: Field[];
  /** Charts of the notebooks drawn with it, and the lines that make each. */
  uses: { notebook: string; id: string; code: string }[];
  /** The tests' examples: each snapshot and the lines that make it. */
  examples: { picture: string; code: string }[];
}

/** The tests' snapshot of each kind (tests/kinds.test.ts), by the kind's function. */
const TEST_EXAMPLES: Record<string, string[]> = {
  claimsChart: ["claims"], barChart: ["bars-provinces", "bars-grouped", "bars-stacked"], unitChart: ["units"], timeSeries: ["time-series"],
  timelineChart: ["timeline"], locator: ["locator"], regionMap: ["region-map-values"], pointMap: ["point-map"], smallTable: ["small-table"],
};

/** The file's opening comment, as one paragraph. */
function headerOf(source: string): string {
  const lines: string[] = [];
  for (const line of source.split("\n")) {
    if (!line.startsWith("//")) break;
    lines.push(line.replace(/^\/\/ ?/, ""));
  }
  return lines.join(" ").trim();
}

/** The fields of an interface of this source, each with its doc comment, following `extends X` and `extends Omit<X, "a">`. */
function fieldsOf(source: string, name: string, sources: string[]): Field[] {
  const start = source.search(new RegExp(`(?:export )?interface ${name}\\b`));
  if (start === -1) {
    const elsewhere = sources.find((s) => new RegExp(`(?:export )?interface ${name}\\b`).test(s));
    return elsewhere ? fieldsOf(elsewhere, name, sources) : [];
  }
  const head = source.slice(start, source.indexOf("{", start));
  const body = source.slice(source.indexOf("{", start) + 1, source.indexOf("\n}", start));
  const fields: Field[] = [];
  const inherited = /extends (?:Omit<(\w+), ([^>]+)>|(\w+))/.exec(head);
  if (inherited) {
    const omitted = new Set([...(inherited[2] ?? "").matchAll(/"([^"]+)"/g)].map((m) => m[1]!));
    fields.push(...fieldsOf(source, inherited[1] ?? inherited[3]!, sources).filter((f) => !omitted.has(f.name)));
  }
  let doc = "";
  for (const raw of body.split("\n")) {
    const line = raw.trim();
    const oneLine = /^\/\*\*\s*(.*?)\s*\*\/$/.exec(line);
    if (oneLine) doc = oneLine[1]!;
    else if (line.startsWith("/**")) doc = line.replace(/^\/\*\*\s*/, "");
    else if (line.startsWith("*") && !line.startsWith("*/")) doc += ` ${line.replace(/^\*\s?/, "")}`;
    else if (/^\w+\??(:|\()/.test(line)) {
      // A property ("name?: type;") or a method ("name?(args): type;"), which is written as a function type.
      const m = /^(\w+)(\?)?:\s*(.*?);?$/.exec(line) ?? /^(\w+)(\?)?(\(.*\)):\s*(.*?);?$/.exec(line)!;
      const type = m[4] === undefined ? m[3]! : `${m[3]} => ${m[4]}`;
      const field = { name: m[1]!, optional: m[2] === "?", type, doc: doc.trim() };
      const i = fields.findIndex((f) => f.name === field.name);
      if (i >= 0) fields[i] = field.doc ? field : { ...field, doc: fields[i]!.doc };
      else fields.push(field);
      doc = "";
    }
  }
  return fields;
}

/** Past this a call is not read as an example: a notebook's chart spec is a few dozen lines. */
const LONGEST_CALL = 20_000;

/**
 * The text from `start` to its matching close bracket, counting brackets
 * outside strings and comments, or null when none closes it within
 * LONGEST_CALL characters: an unclosed call must not make every later one
 * read to the end of the file.
 */
function balanced(text: string, start: number): string | null {
  let depth = 0;
  const end = Math.min(text.length, start + LONGEST_CALL);
  for (let i = start; i < end; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'" || c === "`") {
      // A string: skip to its closing quote (a template's ${…} may hold brackets of its own, which balance).
      for (i++; i < end && text[i] !== c; i++) if (text[i] === "\\") i++;
      continue;
    }
    if (c === "/" && text[i + 1] === "/") {
      while (i < end && text[i] !== "\n") i++;
      continue;
    }
    if (c === "(" || c === "{" || c === "[") depth++;
    if (c === ")" || c === "}" || c === "]") {
      depth--;
      if (depth === 0) return text.slice(start, i + 1);
    }
  }
  return null;
}

/** Every call `key: fn({ … })` in these files: the key (a chart's id) and the call's lines, unindented. */
function callsOf(fn: string, files: { path: string; text: string }[]): { path: string; id: string; code: string }[] {
  const found: { path: string; id: string; code: string }[] = [];
  for (const { path, text } of files) {
    for (const m of text.matchAll(new RegExp(`\\n([ \\t]*)(?:"([\\w-]+)"|([\\w-]+)):\\s*${fn}\\(`, "g"))) {
      const indent = m[1]!;
      const inner = balanced(text, m.index! + m[0].length - 1);
      // A call that does not close is a notebook that does not build either: the rest of the file is not read for examples.
      if (inner === null) break;
      const call = `${fn}${inner}`;
      found.push({ path, id: m[2] ?? m[3]!, code: call.split("\n").map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l)).join("\n") });
    }
  }
  return found;
}

/** The tests' example named `key` (an entry `"key": { table, spec: fn({ … }) }` of tests/kinds.test.ts). */
function exampleIn(files: { path: string; text: string }[], key: string, fn: string): { code: string } | undefined {
  for (const { text } of files) {
    const at = text.search(new RegExp(`\\n\\s*"?${key}"?: \\{\\n`));
    if (at === -1) continue;
    const entry = balanced(text, text.indexOf("{", at));
    return entry === null ? undefined : callsOf(fn, [{ path: "", text: entry }]).find((c) => c.id === "spec");
  }
  return undefined;
}

function sourcesIn(dir: string): { path: string; text: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => join(e.parentPath, e.name)).sort()
    .map((path) => ({ path, text: readFileSync(path, "utf8") }));
}

export function kinds(root: string): Kind[] {
  const dir = join(root, "src", "chart", "kinds");
  const files = readdirSync(dir).filter((f) => f.endsWith(".ts") && f !== "rows.ts").sort();
  const sources = files.map((f) => readFileSync(join(dir, f), "utf8"));
  // The options every kind shares are declared beside the helpers.
  const lookup = [...sources, readFileSync(join(dir, "rows.ts"), "utf8")];
  const notebooks = sourcesIn(join(root, "notebooks"));
  const testSource = sourcesIn(join(root, "tests")).filter((s) => s.path.endsWith("kinds.test.ts"));
  const out: Kind[] = [];
  files.forEach((file, i) => {
    const source = sources[i]!;
    for (const m of source.matchAll(/export function (\w+)\(o: (\w+)\): ChartSpec/g)) {
      const [, name, options] = m as unknown as [string, string, string];
      const doc = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export function (\w+)/g;
      const own = [...source.matchAll(doc)].find((d) => d[2] === name)?.[1]?.replace(/\n\s*\*\s?/g, " ").trim();
      const uses = callsOf(name, notebooks).map((c) => ({ notebook: relative(root, c.path), id: c.id, code: c.code }));
      const examples = (TEST_EXAMPLES[name] ?? []).flatMap((picture) => {
        const example = exampleIn(testSource, picture, name);
        return example ? [{ picture: `tests/output/kinds/${picture}.svg`, code: example.code }] : [];
      });
      out.push({
        name, file: `src/chart/kinds/${file}`, summary: own ?? headerOf(source), options: fieldsOf(source, options, lookup), uses,
        examples,
      });
    }
  });
  return out;
}

/** Code in a fence longer than any run of backticks inside it, so a template string cannot close it. */
function fenced(code: string): string[] {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return [`${fence}ts`, code, fence];
}

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\s+/g, " ").trim();

function kindPage(k: Kind): string {
  const lines = [
    `# \`${k.name}\``, "",
    `<!-- Written by npm run docs from ${k.file}, the notebooks and tests/kinds.test.ts: edit those, not this. -->`, "",
    k.summary, "",
    "## Options", "",
    "| Option | Type | What it is |", "| --- | --- | --- |",
    ...k.options.map((f) => `| \`${f.name}\`${f.optional ? "" : " (required)"} | \`${cell(f.type)}\` | ${cell(f.doc)} |`),
    "",
  ];
  if (k.uses.length > 0) {
    lines.push("## In the stories", "");
    for (const u of k.uses) {
      lines.push(`### \`${u.id}\` (${u.notebook})`, "", `![${u.id}](../../charts/${u.id}.svg)`, "", ...fenced(`"${u.id}": ${u.code},`), "");
    }
  } else {
    lines.push("## In the stories", "", "No story uses it yet.", "");
  }
  if (k.examples.length > 0) {
    lines.push(`## The tests' example${k.examples.length > 1 ? "s" : ""}`, "", "Drawn on a made-up story of the tests' own (tests/helpers/kinds-fixture.ts):", "");
    for (const e of k.examples) lines.push(`![${k.name}](../../${e.picture})`, "", ...fenced(e.code), "");
  }
  return lines.join("\n");
}

function index(all: Kind[], root: string): string {
  const entries = readFileSync(join(root, "src", "ledger", "entries.ts"), "utf8");
  const spec = readFileSync(join(root, "src", "chart", "spec.ts"), "utf8");
  const sources = [entries, spec];
  const common = new Set(fieldsOf(entries, "Common", sources).map((f) => f.name));
  const own = (name: string) => fieldsOf(entries, name, sources).filter((f) => f.name !== "kind" && !common.has(f.name));
  const table = (fields: Field[]) => [
    "| Field | Type | What it is |", "| --- | --- | --- |",
    ...fields.map((f) => `| \`${f.name}\`${f.optional ? "" : " (required)"} | \`${cell(f.type)}\` | ${cell(f.doc)} |`),
  ];
  return [
    "# storycharts reference", "",
    "<!-- Written by npm run docs from src/ and the notebooks: edit those, not this. -->", "",
    "## Chart kinds", "",
    "Each kind is a function from a few options to a chart spec; a page each, with its options, the stories' charts that use it and the tests' example.", "",
    "| Kind | What it draws | Used by |", "| --- | --- | --- |",
    ...all.map((k) => `| [\`${k.name}\`](kinds/${k.name}.md) | ${cell(k.summary.split(/(?<=\.)\s/)[0]!)} | ${k.uses.map((u) => `\`${u.id}\``).join(", ") || "the tests' example"} |`),
    "",
    "## The figure ledger", "",
    "A notebook's `figures` are entries of three kinds; each resolves to a figure with its value, qualifier, bounds and source.", "",
    "Every entry has:", "", ...table(fieldsOf(entries, "Common", sources)), "",
    "A `stated` entry (a number the article states):", "", ...table(own("StatedEntry")), "",
    "A `counted` entry (a number the article implies by listing things):", "", ...table(own("CountedEntry")), "",
    "A `derived` entry (computed from other entries: divide, multiply, percent, percent-change, sum, subtract, distance, days-between):", "",
    ...table(own("DerivedEntry")), "",
    "## Qualifiers", "",
    "How the article's words qualify a number, and how a chart prints it:", "",
    "| Qualifier | In words | 500 printed as |", "| --- | --- | --- |",
    ...QUALIFIERS.map((q) => `| \`${q}\` | ${qualifierWords(q) || "(none)"} | ${formatQualified(q === "unquantified" ? null : 500, q, q === "unquantified" ? "several" : null)} |`),
    "",
    "## The chart spec", "",
    "What a kind returns, and what a notebook writes for a chart no kind draws:", "",
    ...table(fieldsOf(spec, "ChartSpec", sources)), "",
    "`plot(data, context)` receives:", "", ...table(fieldsOf(spec, "ChartContext", sources)), "",
  ].join("\n");
}

/** Every file of docs/, by its path under the root. */
export function renderDocs(root: string): Map<string, string> {
  const all = kinds(root);
  const files = new Map<string, string>([["docs/README.md", index(all, root)]]);
  for (const k of all) files.set(`docs/kinds/${k.name}.md`, kindPage(k));
  return files;
}
