// storycharts command line: `build` writes every table (and, later, chart);
// `check` runs the provenance checks and prints the coverage table.

import { resolve } from "node:path";
import { dataReadme } from "./data-docs.ts";
import { writeIfChanged } from "./files.ts";
import { formatProblem, type Problem } from "./problems.ts";
import { buildCharts } from "./build-charts.ts";
import { writeCharts, writeTables } from "./publish-data.ts";
import { loadNotebooks, notebookFiles } from "./registry.ts";
import { coverageReport, coverageSummary, plural, seconds } from "./report.ts";
import { checkNotebook, runNotebook, type NotebookRun } from "./run.ts";

const USAGE = `Usage: storycharts <command> [options]

Commands:
  build [notebook …]   check every notebook (or those named), write its tables to data/ and its charts to charts/
  check [notebook …]   run the provenance checks and print each seed's coverage table

Options:
  --root DIR   the project folder (default: the current folder)
  --quiet      print only problems and the closing summary
  --help       show this help`;

interface Options {
  command: string;
  names: string[];
  root: string;
  quiet: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Options | "help" {
  const options: Options = { command: "", names: [], root: process.cwd(), quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--help" || arg === "-h") return "help";
    else if (arg === "--quiet") options.quiet = true;
    else if (arg === "--root") {
      const value = argv[++i];
      if (value === undefined) throw new UsageError("--root needs a folder");
      options.root = resolve(value);
    } else if (arg.startsWith("-")) throw new UsageError(`unknown option ${arg}`);
    else if (options.command === "") options.command = arg;
    else options.names.push(arg);
  }
  if (options.command === "") return "help";
  if (!["build", "check"].includes(options.command)) throw new UsageError(`unknown command "${options.command}"`);
  return options;
}

async function load(options: Options) {
  const all = notebookFiles(options.root);
  const wanted = options.names.map((n) => `notebooks/${n.replace(/^notebooks\//, "").replace(/\.ts$/, "")}.ts`);
  const unknown = wanted.filter((w) => !all.includes(w));
  if (unknown.length > 0) throw new UsageError(`no notebook ${unknown.join(", ")} (there are: ${all.join(", ") || "none"})`);
  return loadNotebooks(options.root, wanted.length > 0 ? wanted : all);
}

function printProblems(problems: Problem[]): void {
  for (const p of problems) console.error(formatProblem(p));
}

async function build(options: Options): Promise<number> {
  const started = performance.now();
  const { loaded, problems } = await load(options);
  printProblems(problems);
  let failed = problems.length > 0 ? problems.length : 0;
  const runs: NotebookRun[] = [];
  const owners = new Map<string, string>();
  const chartOwners = new Map<string, string>();
  const counts = { written: 0, unchanged: 0 };
  for (const { file, notebook } of loaded) {
    const run = runNotebook(options.root, file, notebook);
    for (const t of run.tables) {
      const owner = owners.get(t.name);
      if (owner) run.problems.push({ file, place: `table ${t.name}`, message: `${owner} already writes data/${t.name}.csv`, fix: "Give the table a name of its own" });
      else owners.set(t.name, file);
    }
    if (run.problems.length > 0) {
      printProblems(run.problems);
      console.error(`${file}: failed with ${plural(run.problems.length, "problem")}; its published files are left as they were`);
      failed++;
      continue;
    }
    const { charts, problems: chartProblems } = buildCharts(run);
    for (const c of charts) {
      const owner = chartOwners.get(c.id);
      if (owner) chartProblems.push({ file, place: `chart ${c.id}`, message: `${owner} already has a chart with this id`, fix: "Give the chart an id of its own: the id names its files" });
      else chartOwners.set(c.id, file);
    }
    runs.push(run);
    for (const w of writeTables(options.root, run)) {
      counts[w.outcome]++;
      if (!options.quiet) console.log(`${w.outcome.padEnd(9)} ${w.path} (${plural(w.rows, "row")})`);
    }
    // A failed chart keeps its published files; the notebook's other charts are written.
    const failedIds = new Set(chartProblems.map((p) => p.place.replace(/^chart /, "")));
    for (const w of writeCharts(options.root, charts.filter((c) => !failedIds.has(c.id)))) {
      counts[w.outcome]++;
      if (!options.quiet) console.log(`${w.outcome.padEnd(9)} ${w.path}`);
    }
    if (chartProblems.length > 0) {
      printProblems(chartProblems);
      console.error(`${file}: ${plural(failedIds.size, "chart")} failed; ${failedIds.size === 1 ? "its" : "their"} published files are left as they were`);
      failed++;
    }
  }
  if (failed === 0 && options.names.length === 0) {
    const outcome = writeIfChanged(resolve(options.root, "data/README.md"), dataReadme(runs));
    counts[outcome]++;
    if (!options.quiet) console.log(`${outcome.padEnd(9)} data/README.md`);
  }
  const tables = counts.written + counts.unchanged;
  console.log(
    `build: ${plural(runs.length, "notebook")} built, ${failed} failed; ${plural(tables, "file")} (${counts.written} written, ${counts.unchanged} unchanged) in ${seconds(performance.now() - started)}`,
  );
  return failed > 0 ? 1 : 0;
}

async function check(options: Options): Promise<number> {
  const { loaded, problems } = await load(options);
  const all = [...problems];
  let figures = 0;
  for (const { file, notebook } of loaded) {
    const run = checkNotebook(options.root, file, notebook);
    figures += notebook.figures.length;
    if (!options.quiet && run.coverage.length > 0) {
      for (const seed of run.seeds.values()) {
        const rows = run.coverage.filter((r) => r.seed === seed.name);
        console.log(`\n${file} — coverage of ${seed.file}\n\n${coverageReport(rows)}\n\n${coverageSummary(rows)}\n`);
      }
    }
    all.push(...run.problems);
  }
  printProblems(all);
  console.log(`check: ${plural(loaded.length, "notebook")}, ${plural(figures, "figure")}, ${plural(all.length, "problem")}`);
  return all.length > 0 ? 1 : 0;
}

export async function main(argv: string[]): Promise<number> {
  let options: Options | "help";
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`storycharts: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options === "help") {
    console.log(USAGE);
    return 0;
  }
  try {
    return options.command === "build" ? await build(options) : await check(options);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`storycharts: ${error.message}`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
