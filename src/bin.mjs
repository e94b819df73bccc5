#!/usr/bin/env node
// The storycharts command. When a build would change nothing (the same
// inputs and options as the last successful build, and every file it wrote
// still in place) it says so at once, without loading TypeScript, jsdom or
// Plot. Otherwise it runs the CLI compiled to JavaScript (see compile.mjs),
// compiling it first when a source has changed; and when that cannot be
// done, it registers tsx and runs the TypeScript as it is.
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { compiled } from "./build/compile.mjs";
import { buildKey, unchangedSince } from "./build/fingerprint.mjs";
import { supervise } from "./build/supervise.mjs";
import { parseCommandLine } from "./cli/options.mjs";

/**
 * The options of a plain `build`, or null for anything the full command line
 * should handle (other commands, --json, --help, a mistake to report).
 * @param {string[]} argv
 */
function plainBuild(argv) {
  let o;
  try {
    o = parseCommandLine(argv);
  } catch {
    return null;
  }
  if (o.command !== "build" || o.json || o.help || o.version || o.shard !== null) return null;
  return { root: o.root, out: o.out, formats: o.formats, names: o.names, quiet: o.quiet };
}

/**
 * Whether the command loads notebooks and so runs supervised; never in the
 * supervised child itself, nor for help or a mistake the CLI reports.
 * @param {string[]} argv
 */
function supervised(argv) {
  if (process.env.STORYCHARTS_CHILD === "1") return false;
  try {
    const o = parseCommandLine(argv);
    return ["build", "check", "list"].includes(o.command) && !o.help && !o.version;
  } catch {
    return false;
  }
}

// Output piped into `head` and cut short is not an error.
process.stdout.on("error", (error) => {
  if (/** @type {NodeJS.ErrnoException} */ (error).code === "EPIPE") process.exit(0);
  throw error;
});

const argv = process.argv.slice(2);
const build = plainBuild(argv);
const state = build && unchangedSince(build.root, buildKey(build));
if (build && state) {
  if (!build.quiet && !process.stdout.isTTY) for (const id of state.charts) console.log(`unchanged ${id} (kept, 0 ms)`);
  const n = state.charts.length;
  console.log(`build: ${n} chart${n === 1 ? "" : "s"} (0 written, ${n} unchanged, 0 failed), ${state.tables} table${state.tables === 1 ? "" : "s"}, ${state.notebooks} notebook${state.notebooks === 1 ? "" : "s"} built in ${(performance.now() / 1000).toFixed(1)} s (nothing changed since the last build)`);
} else if (supervised(argv)) {
  // Commands that load notebooks run in a watched child: see build/supervise.mjs.
  process.exitCode = await supervise(fileURLToPath(import.meta.url), argv);
} else {
  const cli = process.env.STORYCHARTS_TYPESCRIPT ? null : await compiled(dirname(dirname(fileURLToPath(import.meta.url))));
  if (cli) {
    await import(pathToFileURL(cli.cli).href);
  } else {
    const { register } = await import("tsx/esm/api");
    register();
    await import("./cli/index.ts");
  }
}
