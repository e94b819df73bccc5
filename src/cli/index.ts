// The cli stage takes a command line (build, check, figures, new, watch, …)
// and gives the command run: it reads the arguments, prints help, and turns
// usage mistakes into exit 2. Each command lives in src/cli/commands/.

import { resolve } from "node:path";
import { build, type Format, NameError, notebookFiles, parseShard, reporter, type Shard } from "../build/index.ts";
import { check } from "./commands/check.ts";
import { list } from "./commands/list.ts";
import { merge } from "./commands/merge.ts";
import { ArticleError, figures, figuresSource, figuresTable, readArticle, type Article } from "./commands/figures.ts";
import { newStory } from "./commands/new.ts";
import { startWatch } from "./commands/watch.ts";
import { serve } from "./preview-server.ts";

interface Command {
  summary: string;
  usage: string;
  flags: string[];
  details: string;
}

const COMMON = `  --root DIR      the project folder (default: the current folder)
  --help          show this help`;

const COMMANDS: Record<string, Command> = {
  build: {
    summary: "build every table and chart, or those named",
    usage: "storycharts build [notebook-or-chart …] [--out DIR] [--format svg,png] [--shard i/n] [--quiet] [--json]",
    flags: ["--out", "--format", "--shard", "--quiet", "--json", "--root"],
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
    flags: ["--out", "--root"],
    details: "  --out DIR       the folder holding every shard's charts (default: charts)",
  },
  check: {
    summary: "run the provenance checks and print each seed's coverage table",
    usage: "storycharts check [notebook …] [--quiet]",
    flags: ["--quiet", "--root"],
    details: "  --quiet         print only problems and the summary",
  },
  list: {
    summary: "list every notebook, chart id, headline and output file",
    usage: "storycharts list [--out DIR]",
    flags: ["--out", "--root"],
    details: "  --out DIR       the charts folder to name (default: charts)",
  },
  new: {
    summary: "start a story: copy its article into seeds/ and scaffold a notebook",
    usage: "storycharts new <slug> --seed FILE [--date YYYY-MM-DD] [--publisher NAME]",
    flags: ["--seed", "--date", "--publisher", "--root"],
    details: `Copies the article (UTF-8 text) to seeds/<slug>.txt byte for byte, writes
seeds/<slug>.meta.json, and writes notebooks/<slug>.ts with one figure, one table
and one chart to edit, and the article's other numbers listed as not reviewed yet.
Refuses to overwrite anything.

  --seed FILE       the article, as a plain-text file
  --date DATE       the publication date, when the article's first lines do not give it
  --publisher NAME  who published it, for the chart's source line (default: the article's
                    dateline is not enough to tell; edit the metadata after)`,
  },
  figures: {
    summary: "list the numbers an article gives, as candidates for the ledger",
    usage: "storycharts figures <seed-or-file> [--ts] [--json]",
    flags: ["--ts", "--json", "--root"],
    details: `Prints each number with its unit, qualifier, claimant and quote. Writes nothing:
a person decides what goes into a notebook.

  --ts            print ledger entries to paste into a notebook
  --json          print the candidates as JSON`,
  },
  watch: {
    summary: "rebuild what a save affects, until stopped",
    usage: "storycharts watch [--out DIR] [--format svg,png]",
    flags: ["--out", "--format", "--root"],
    details: `Watches notebooks/, seeds/ and src/. A notebook that fails prints its error and
the watch goes on.

  --out DIR       where charts go (default: charts)
  --format LIST   svg or svg,png (default: svg; build writes the PNGs)`,
  },
  preview: {
    summary: "serve the gallery on 127.0.0.1, rebuilding and reloading on change",
    usage: "storycharts preview [--port N] [--out DIR] [--format svg,png]",
    flags: ["--port", "--out", "--format", "--root"],
    details: `  --port N        the port (default: 4173; 0 picks a free one)
  --out DIR       where charts go (default: charts)
  --format LIST   svg or svg,png (default: svg; build writes the PNGs)`,
  },
};

const USAGE = `Usage: storycharts <command> [options]

Commands:
${Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(9)} ${c.summary}`).join("\n")}

Run storycharts <command> --help for a command's options.`;

function help(name: string): string {
  const c = COMMANDS[name]!;
  return `Usage: ${c.usage}\n\n${c.summary[0]!.toUpperCase()}${c.summary.slice(1)}.\n\n${c.details}\n${COMMON}`;
}

class UsageError extends Error {
  constructor(message: string, readonly command?: string) {
    super(message);
  }
}

interface Options {
  command: string;
  names: string[];
  root: string;
  out: string;
  formats: Format[];
  quiet: boolean;
  json: boolean;
  port: number;
  shard: Shard | undefined;
  help: boolean;
  ts: boolean;
  seed: string | null;
  date: string | null;
  publisher: string | null;
}

function parse(argv: string[]): Options {
  const o: Options = { command: "", names: [], root: process.cwd(), out: "charts", formats: ["svg", "png"], quiet: false, json: false, port: 4173, shard: undefined, help: false, ts: false, seed: null, date: null, publisher: null };
  const rest: string[] = [];
  let formatGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("-")) {
      if (o.command === "") o.command = arg;
      else rest.push(arg);
      continue;
    }
    const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v.startsWith("--")) throw new UsageError(`${flag} needs a value`, o.command);
      return v;
    };
    if (flag === "--help" || flag === "-h") {
      o.help = true;
      continue;
    }
    if (o.command !== "" && COMMANDS[o.command] && !COMMANDS[o.command]!.flags.includes(flag!)) {
      throw new UsageError(`unknown option ${flag} for ${o.command}`, o.command);
    }
    switch (flag) {
      case "--root": o.root = resolve(value()); break;
      case "--out": o.out = value(); break;
      case "--shard": {
        const v = value();
        o.shard = parseShard(v) ?? undefined;
        if (!o.shard) throw new UsageError(`--shard takes i/n with 1 ≤ i ≤ n, such as 2/4, not "${v}"`, o.command);
        break;
      }
      case "--quiet": o.quiet = true; break;
      case "--json": o.json = true; break;
      case "--ts": o.ts = true; break;
      case "--seed": o.seed = value(); break;
      case "--publisher": o.publisher = value(); break;
      case "--date": {
        const v = value();
        if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) throw new UsageError(`--date takes a date as YYYY-MM-DD, not "${v}"`, o.command);
        o.date = v;
        break;
      }
      case "--port": {
        const v = value();
        o.port = Number(v);
        if (!/^\d+$/.test(v) || o.port > 65535) throw new UsageError(`--port takes a port number, not "${v}"`, o.command);
        break;
      }
      case "--format": {
        formatGiven = true;
        const formats = value().split(",").map((f) => f.trim());
        const bad = formats.filter((f) => f !== "svg" && f !== "png");
        if (bad.length > 0 || !formats.includes("svg")) throw new UsageError(`--format takes svg or svg,png (SVG is always written), not "${formats.join(",")}"`, o.command);
        o.formats = formats as Format[];
        break;
      }
      default: throw new UsageError(`unknown option ${flag}`, o.command);
    }
  }
  if (o.command !== "" && !COMMANDS[o.command]) throw new UsageError(`unknown command "${o.command}"`);
  o.names = rest;
  // While editing, PNGs would cost a tenth of a second a chart; build writes them.
  if (!formatGiven && (o.command === "watch" || o.command === "preview")) o.formats = ["svg"];
  if (rest.length > 0 && !["build", "check", "figures", "new"].includes(o.command)) throw new UsageError(`${o.command} takes no names (got ${rest.join(" ")})`, o.command);
  if ((o.command === "figures" || o.command === "new") && rest.length !== 1 && !o.help) throw new UsageError(`${o.command} takes one ${o.command === "new" ? "slug" : "seed or file"}${rest.length > 1 ? ` (got ${rest.join(" ")})` : ""}`, o.command);
  if (o.command === "new" && o.seed === null && !o.help) throw new UsageError("new needs --seed FILE: the article's text", o.command);
  return o;
}

function filesFor(root: string, names: string[]): string[] {
  const all = notebookFiles(root);
  if (names.length === 0) return all;
  const wanted = names.map((n) => `notebooks/${n.replace(/^notebooks\//, "").replace(/\.ts$/, "")}.ts`);
  const unknown = wanted.filter((w) => !all.includes(w));
  if (unknown.length > 0) throw new UsageError(`no notebook ${unknown.join(", ")} (there are: ${all.join(", ") || "none"})`, "check");
  return wanted;
}

async function waitForStop(): Promise<void> {
  await new Promise<void>((done) => {
    process.once("SIGINT", done);
    process.once("SIGTERM", done);
  });
}

export async function main(argv: string[]): Promise<number> {
  let o: Options;
  try {
    o = parse(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`storycharts: ${error.message}\n\n${error.command && COMMANDS[error.command] ? help(error.command) : USAGE}`);
    return 2;
  }
  if (o.command === "" || o.help) {
    console.log(o.command === "" ? USAGE : help(o.command));
    return 0;
  }
  const report = reporter({ quiet: o.quiet, json: o.json });
  try {
    switch (o.command) {
      case "build": {
        // Ctrl-C stops the build between two charts, so no file is left half written.
        const abort = new AbortController();
        const interrupt = () => abort.abort();
        process.once("SIGINT", interrupt);
        process.once("SIGTERM", interrupt);
        const result = await build({ root: o.root, names: o.names, out: o.out, formats: new Set(o.formats), signal: abort.signal, shard: o.shard }, report);
        process.off("SIGINT", interrupt);
        process.off("SIGTERM", interrupt);
        if (o.json) console.log(JSON.stringify(result, null, 2));
        return result.exitCode;
      }
      case "check":
        return await check(o.root, filesFor(o.root, o.names), report, !o.quiet);
      case "merge":
        return merge(o.root, o.out, report);
      case "new":
        return newStory({ root: o.root, slug: o.names[0]!, seedFile: resolve(o.seed!), date: o.date, publisher: o.publisher }, report);
      case "figures": {
        let article: Article;
        try {
          article = readArticle(o.root, o.names[0]!);
        } catch (error) {
          if (!(error instanceof ArticleError)) throw error;
          report.problem(error.message);
          report.summary("figures: nothing read");
          return 1;
        }
        const result = figures(article);
        if (o.json) console.log(JSON.stringify({ seed: article.name, candidates: result.candidates, notListed: result.notListed }, null, 2));
        else {
          console.log(o.ts ? figuresSource(article, result) : figuresTable(article, result, process.stdout.columns || 120));
          // Pasted along with the entries, the summary stays a comment.
          report.summary(o.ts ? `// ${result.summary}` : result.summary);
        }
        return 0;
      }
      case "list":
        return await list(o.root, notebookFiles(o.root), o.out, report);
      case "watch": {
        const watcher = startWatch({ root: o.root, out: o.out, formats: o.formats });
        await waitForStop();
        await watcher.close();
        console.log("watch: stopped");
        return 0;
      }
      case "preview": {
        const server = await serve({ root: o.root, out: o.out, port: o.port, live: true });
        const watcher = startWatch({ root: o.root, out: o.out, formats: o.formats, onBuilt: () => server.reload() });
        await watcher.ready;
        console.log(`preview: serving ${server.url} (Ctrl-C to stop)`);
        await waitForStop();
        await watcher.close();
        await server.close();
        console.log("preview: stopped");
        return 0;
      }
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof NameError) {
      console.error(`storycharts: ${error.message}`);
      return 2;
    }
    throw error;
  }
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
