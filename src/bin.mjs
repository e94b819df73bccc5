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

/**
 * The options of a plain `build`, or null for anything the full command line
 * should handle (other commands, --json, --help, a mistake to report).
 * @param {string[]} argv
 */
function plainBuild(argv) {
  if (argv[0] !== "build") return null;
  const o = { root: process.cwd(), out: "charts", formats: ["png", "svg"], names: /** @type {string[]} */ ([]), quiet: false };
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (!arg.startsWith("-")) o.names.push(arg);
    else if (flag === "--quiet") o.quiet = true;
    else if (flag === "--out") o.out = value() ?? "";
    else if (flag === "--root") o.root = resolve(value() ?? "");
    else if (flag === "--format") o.formats = [...new Set((value() ?? "").split(",").map((f) => f.trim()))].sort();
    else return null;
  }
  if (o.out === "" || !o.formats.includes("svg") || o.formats.some((f) => f !== "svg" && f !== "png")) return null;
  return o;
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
  if (!build.quiet && !process.stdout.isTTY) for (const id of state.charts) console.log(`unchanged ${id} (0 ms)`);
  const n = state.charts.length;
  console.log(`build: ${n} chart${n === 1 ? "" : "s"} (0 written, ${n} unchanged, 0 failed), ${state.tables} table${state.tables === 1 ? "" : "s"}, ${state.notebooks} notebook${state.notebooks === 1 ? "" : "s"} built in ${(performance.now() / 1000).toFixed(1)} s (nothing changed since the last build)`);
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
