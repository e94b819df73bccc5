// The command line's one option table and its one parser (node:util's
// parseArgs), shared by src/bin.mjs, which must decide before TypeScript loads
// whether a build can answer "nothing changed", and by the CLI itself. Plain
// JavaScript for that reason.

import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { isCalendarDate } from "../ledger/calendar.mjs";

const COMMON = `  --root DIR      the project folder (default: the current folder)
  -h, --help      show this help`;

/** @typedef {{ summary: string, usage: string, flags: string[], names: "any" | "one" | "none", details: string }} Command */

/** @type {Record<string, Command>} */
export const COMMANDS = {
  build: {
    summary: "build every table and chart, or those named",
    usage: "storycharts build [notebook-or-chart …] [--out DIR] [--format svg,png] [--shard i/n] [--quiet] [--json]",
    flags: ["out", "format", "shard", "quiet", "json"],
    names: "any",
    details: `Checks each notebook, writes its tables to data/ and its charts to the output folder:
<id>.svg (desktop), <id>.mobile.svg, <id>.png (2x desktop), <id>.html (embed snippet),
and manifest.json and index.html for all charts. Files whose bytes would not change
are not touched. A failing notebook or chart leaves its published files as they were.

  --out DIR       where charts go (default: charts)
  --format LIST   svg, png or svg,png (default: svg,png)
  --shard i/n     build only the i-th of n shards (a stable split by chart id), for a
                  CI matrix; then copy the shards' folders together and run merge
  --quiet         print only problems and the summary
  --json          print a machine-readable report instead`,
  },
  merge: {
    summary: "combine the manifests of a sharded build into manifest.json and the gallery",
    usage: "storycharts merge [--out DIR]",
    flags: ["out"],
    names: "none",
    details: "  --out DIR       the folder holding every shard's charts (default: charts)",
  },
  check: {
    summary: "run the provenance checks and print each seed's coverage table",
    usage: "storycharts check [notebook …] [--quiet]",
    flags: ["quiet"],
    names: "any",
    details: "  --quiet         print only problems and the summary",
  },
  list: {
    summary: "list every notebook, chart id, headline and output file",
    usage: "storycharts list [--out DIR]",
    flags: ["out"],
    names: "none",
    details: "  --out DIR       the charts folder to name (default: charts)",
  },
  new: {
    summary: "start a story: copy its article into seeds/ and scaffold a notebook",
    usage: "storycharts new <slug> --seed FILE [--date YYYY-MM-DD] [--publisher NAME]",
    flags: ["seed", "date", "publisher"],
    names: "one",
    details: `Copies the article (UTF-8 text) to seeds/<slug>.txt byte for byte, writes
seeds/<slug>.meta.json, and writes notebooks/<slug>.ts with one figure, one table
and one chart to edit, and the article's other numbers listed as not reviewed yet.
Refuses to overwrite anything, and refuses an article over 1 MB or one that
mentions more than 25,000 numbers.

  --seed FILE       the article, as a plain-text file
  --date DATE       the publication date, when the article's first lines do not give it
  --publisher NAME  who published it, for the chart's source line (default: the article's
                    dateline is not enough to tell; edit the metadata after)`,
  },
  figures: {
    summary: "list the numbers an article gives, as candidates for the ledger",
    usage: "storycharts figures <seed-or-file> [--ts] [--json] [--wide]",
    flags: ["ts", "json", "wide"],
    names: "one",
    details: `Prints each number with its unit, qualifier, claimant and quote (in a sentence
over 1,000 characters, the words around the number). Writes nothing: a person
decides what goes into a notebook. Refuses an article over 1 MB.

  --ts            print ledger entries to paste into a notebook
  --json          print the candidates as JSON (each with its value, unit, qualifier,
                  claimant, attribution words, inferred flag, quote, line and column)
  --wide          print each quote whole, not just the words around its number`,
  },
  render: {
    summary: "draw Plot options from any module as a finished chart (like vega-cli's vl2svg)",
    usage: "storycharts render <module> [--export NAME] [--artboard desktop|mobile|both] [--out FILE.svg] [--png] [--source TEXT]",
    flags: ["export", "artboard", "out", "png", "source"],
    names: "one",
    details: `Draws Plot options from a module (.ts, .mts, .js or .mjs, anywhere) with the house
style and finishing: headline, subtitle, notes and source line as SVG text, margins
that fit the labels, the allowlist checked. The module's export default is Plot
options or a function ({ width, height }) => options (width: the artboard's drawing
width); --export picks a named export. Its words are export const words = { headline,
subtitle, notes, source }, with words.<export> = { … } for one export's own; Plot's
title, subtitle and caption stand in for what words leave out. A chart needs a
source. Without --out, the SVG goes to stdout; notices and the summary go to stderr.

  --export NAME     the export to draw (default: the default export, or the one chart)
  --artboard NAME   desktop (640 px, the default), mobile (320 px) or both (needs --out)
  --out FILE.svg    write the SVG to FILE.svg; with both, the mobile one to FILE.mobile.svg
  --png             with --out, also FILE.png: the first artboard at 2x
  --source TEXT     the source line (over the one in the module's words)`,
  },
  watch: {
    summary: "rebuild what a save affects, until stopped",
    usage: "storycharts watch [--out DIR] [--format svg,png] [--timeout SECONDS]",
    flags: ["out", "format", "timeout"],
    names: "none",
    details: `Watches notebooks/, seeds/ and src/. A notebook that fails prints its error and
the watch goes on; one still running after the time limit is stopped.

  --out DIR       where charts go (default: charts)
  --format LIST   svg or svg,png (default: svg; build writes the PNGs)
  --timeout S     stop a build still running after S seconds (default: 60)`,
  },
  preview: {
    summary: "serve the gallery on 127.0.0.1, rebuilding and reloading on change",
    usage: "storycharts preview [--port N] [--out DIR] [--format svg,png] [--timeout SECONDS]",
    flags: ["port", "out", "format", "timeout"],
    names: "none",
    details: `  --port N        the port (default: 4173; 0 picks a free one)
  --out DIR       where charts go (default: charts)
  --format LIST   svg or svg,png (default: svg; build writes the PNGs)
  --timeout S     stop a build still running after S seconds (default: 60)`,
  },
};

/** Every option of every command, for parseArgs; which command takes which is in COMMANDS. */
const OPTIONS = /** @type {const} */ ({
  root: { type: "string" }, out: { type: "string" }, format: { type: "string" }, shard: { type: "string" },
  quiet: { type: "boolean" }, json: { type: "boolean" }, ts: { type: "boolean" }, wide: { type: "boolean" },
  seed: { type: "string" }, date: { type: "string" }, publisher: { type: "string" }, port: { type: "string" }, timeout: { type: "string" },
  export: { type: "string" }, artboard: { type: "string" }, png: { type: "boolean" }, source: { type: "string" },
  help: { type: "boolean", short: "h" }, version: { type: "boolean", short: "v" },
});

export const USAGE = `Usage: storycharts <command> [options]

Commands:
${Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(9)} ${c.summary}`).join("\n")}

  -h, --help      show this help; storycharts <command> --help for a command's options
  -v, --version   print the version`;

/** @param {string} name */
export function help(name) {
  const c = COMMANDS[name];
  if (!c) return USAGE;
  return `Usage: ${c.usage}\n\n${c.summary[0]?.toUpperCase()}${c.summary.slice(1)}.\n\n${c.details}\n${COMMON}`;
}

/** The version in package.json, read where this file is. */
export function version() {
  return JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version;
}

export class UsageError extends Error {
  /** @param {string} message @param {string} [command] */
  constructor(message, command) {
    super(message);
    this.command = command;
  }
}

/**
 * @typedef {{
 *   command: string, names: string[], root: string, out: string, formats: ("svg" | "png")[], formatGiven: boolean,
 *   quiet: boolean, json: boolean, ts: boolean, wide: boolean, port: number, timeout: number | null, shard: string | null, seed: string | null,
 *   date: string | null, publisher: string | null, help: boolean, version: boolean,
 *   outGiven: boolean, exportName: string | null, artboard: "desktop" | "mobile" | "both", png: boolean, source: string | null
 * }} Options
 */

/**
 * The command line read into options, or a UsageError naming what is wrong.
 * @param {string[]} argv
 * @returns {Options}
 */
export function parseCommandLine(argv) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    const command = argv.find((a) => !a.startsWith("-") && COMMANDS[a]);
    throw new UsageError(describe(/** @type {Error} */ (error), command), command);
  }
  const [command = "", ...names] = parsed.positionals;
  const v = parsed.values;
  if (command !== "" && !COMMANDS[command]) throw new UsageError(`unknown command "${command}"`);
  const c = COMMANDS[command];
  if (c) {
    for (const token of parsed.tokens ?? []) {
      if (token.kind !== "option" || ["root", "help", "version"].includes(token.name)) continue;
      if (!c.flags.includes(token.name)) throw new UsageError(`unknown option ${token.rawName} for ${command}`, command);
    }
  }
  /** @type {Options} */
  const o = {
    command, names, root: resolve(v.root ?? process.cwd()), out: v.out ?? "charts", formats: ["svg", "png"], formatGiven: v.format !== undefined,
    quiet: v.quiet ?? false, json: v.json ?? false, ts: v.ts ?? false, wide: v.wide ?? false, port: 4173, timeout: null, shard: v.shard ?? null,
    seed: v.seed ?? null, date: v.date ?? null, publisher: v.publisher ?? null, help: v.help ?? false, version: v.version ?? false,
    outGiven: v.out !== undefined, exportName: v.export ?? null, artboard: "desktop", png: v.png ?? false, source: v.source ?? null,
  };
  if (o.help || o.version) return o;
  if (v.out !== undefined && v.out.trim() === "") throw new UsageError(`--out needs a ${command === "render" ? "file" : "folder"}`, command);
  if (v.format !== undefined) {
    const formats = [...new Set(v.format.split(",").map((f) => f.trim()))].sort();
    if (formats.some((f) => f !== "svg" && f !== "png") || !formats.includes("svg")) {
      throw new UsageError(`--format takes svg or svg,png (SVG is always written), not "${v.format}"`, command);
    }
    o.formats = /** @type {("svg" | "png")[]} */ (formats);
  } else if (command === "watch" || command === "preview") {
    // While editing, PNGs would cost a tenth of a second a chart; build writes them.
    o.formats = ["svg"];
  }
  if (v.port !== undefined) {
    o.port = Number(v.port);
    if (!/^\d+$/.test(v.port) || o.port > 65535) throw new UsageError(`--port takes a port number, not "${v.port}"`, command);
  }
  if (v.timeout !== undefined) {
    o.timeout = Number(v.timeout);
    if (!/^\d+(\.\d+)?$/.test(v.timeout) || !(o.timeout > 0)) throw new UsageError(`--timeout takes a number of seconds, such as 60, not "${v.timeout}"`, command);
  }
  if (v.date !== undefined && !isCalendarDate(v.date)) throw new UsageError(`--date takes a day of the calendar as YYYY-MM-DD, not "${v.date}"`, command);
  if (command === "render") renderOptions(o, v);
  if (c?.names === "none" && names.length > 0) throw new UsageError(`${command} takes no names (got ${names.join(" ")})`, command);
  if (c?.names === "one" && names.length !== 1) {
    const what = { new: "slug", render: "module (a .ts, .mts, .js or .mjs file)" }[command] ?? "seed or file";
    throw new UsageError(`${command} takes one ${what}${names.length > 1 ? ` (got ${names.join(" ")})` : ""}`, command);
  }
  if (command === "new" && o.seed === null) throw new UsageError("new needs --seed FILE: the article's text", command);
  return o;
}

/**
 * render's options: what can be told from the command line alone.
 * @param {Options} o @param {{ out?: string, export?: string, artboard?: string, source?: string }} v
 */
function renderOptions(o, v) {
  if (v.artboard !== undefined) {
    if (v.artboard !== "desktop" && v.artboard !== "mobile" && v.artboard !== "both") throw new UsageError(`--artboard takes desktop, mobile or both, not "${v.artboard}"`, "render");
    o.artboard = v.artboard;
  }
  if (v.export !== undefined && v.export.trim() === "") throw new UsageError("--export needs the name of one of the module's exports", "render");
  if (v.source !== undefined && v.source.trim() === "") throw new UsageError('--source needs the chart\'s source, such as "Eurostat"', "render");
  if (v.out !== undefined && !/\.svg$/i.test(v.out)) throw new UsageError(`--out takes an SVG file name, such as chart.svg, not "${v.out}"`, "render");
  // stdout carries one SVG, and a PNG is not for a terminal.
  if (v.out === undefined && o.artboard === "both") throw new UsageError("--artboard both writes two files: give --out FILE.svg (the mobile artboard goes to FILE.mobile.svg)", "render");
  if (v.out === undefined && o.png) throw new UsageError("--png writes a file: give --out FILE.svg (the PNG goes beside it as FILE.png)", "render");
}

/** parseArgs's error in the words of the rest of the command line. @param {Error} error @param {string | undefined} command */
function describe(error, command) {
  const flag = /'(-{1,2}[^' <]+)/.exec(error.message)?.[1] ?? "";
  const code = /** @type {NodeJS.ErrnoException} */ (error).code;
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `unknown option ${flag}${command ? ` for ${command}` : ""}`;
  if (/does not take an argument/.test(error.message)) return `${flag} takes no value`;
  if (/argument missing|ambiguous/.test(error.message)) return `${flag} needs a value`;
  return error.message.split("\n")[0] ?? "the command line cannot be read";
}
