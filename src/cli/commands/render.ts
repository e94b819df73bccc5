// `storycharts render <module>`: Plot options from any module (or a function
// of the artboard's width that returns them) drawn with the house finishing,
// to stdout or to files: the Plot counterpart of vega-cli's vl2svg.

import { existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { isBuiltin, SourceMap } from "node:module";
import { dirname, extname, isAbsolute, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type * as Plot from "@observablehq/plot";
import type { Message, OnLoadArgs, OnResolveArgs, Plugin } from "esbuild";
import { ARTBOARDS, ChartError, finishPlot, loadChartDom, type ArtboardName, type PlotWords } from "../../chart/index.ts";
import { loadPng, writeAllIfChanged } from "../../publish/index.ts";
import { declareImportMeta, importMetaDefine, literalEntry } from "../../build/compile.mjs";
import { COMPILED } from "../../build/index.ts";

export interface RenderOptions {
  /** The project folder: a module not found from the current folder is looked for there. */
  root: string;
  /** The module as the command line gives it. */
  module: string;
  exportName: string | null;
  artboard: ArtboardName | "both";
  /** FILE.svg, or null for stdout. */
  out: string | null;
  png: boolean;
  /** The source line from the command line, over the module's. */
  source: string | null;
}

/** A refusal, already one line: `<module>: <place>: what. What to do`. */
export class RenderError extends Error {}

const EXTENSIONS = [".ts", ".mts", ".js", ".mjs"];
const WORD_FIELDS = ["headline", "subtitle", "notes", "source", "alt", "id"];
/** The packages a module gets from the library's own node_modules, never its own copy: marks from a second Plot would not be the library's. */
const SHARED = /^(@observablehq\/plot|d3|d3-[a-z-]+)(\/.*)?$/;
/** A stack frame in Plot: installed, or in the compiled CLI's bundle of Plot and d3 (see compile.mjs). */
const PLOT_FRAME = /[\\/]@observablehq[\\/]plot[\\/]|[\\/]vendor-[0-9a-f]{16}[\\/]observablehq-plot\.mjs:/;
/** The name each bundled module declares its own import.meta under (as src/build/compile.mjs does). */
const META = "__storycharts_render_meta";

export async function render(o: RenderOptions): Promise<number> {
  // stdout carries only the SVG: whatever the module writes there, at load, in its function or from a timer, goes to stderr.
  const stdout = process.stdout.write;
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
  try {
    const written = await renderModule(o, (text) => stdout.call(process.stdout, text));
    process.stderr.write(`${written}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof RenderError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  } finally {
    process.stdout.write = stdout;
  }
}

/** Draws and writes; returns the summary line, or throws a RenderError. */
async function renderModule(o: RenderOptions, toStdout: (text: string) => void): Promise<string> {
  const file = locate(o.root, o.module);
  const name = o.module;
  const targets = o.out === null ? null : outputFiles(o.out, o.artboard, o.png);
  const loaded = await loadModule(file, name);
  const chart = pickExport(loaded.exports, name, o.exportName);
  const place = `${name}: ${chart}`;
  let words: PlotWords, heights: Partial<Record<ArtboardName, number>> | null;
  try {
    words = wordsFor(loaded.exports, chart, place, o.source);
    heights = heightOf(loaded.exports.height, place);
  } catch (error) {
    // A getter in the words that throws is the module's mistake, named like any other.
    throw loaded.failure(error, chart, "reading the words threw");
  }
  const artboards: ArtboardName[] = o.artboard === "both" ? ["desktop", "mobile"] : [o.artboard];

  const drawn: { artboard: ArtboardName; svg: string; notices: string[] }[] = [];
  for (const artboard of artboards) {
    const board = ARTBOARDS[artboard];
    const size = { width: board.width - 2 * board.padding, height: heights?.[artboard] };
    const options = await plotOptions(loaded, chart, size, place);
    const headline = words.headline || (typeof options.title === "string" ? options.title : "");
    if (headline.trim() === "") {
      throw new RenderError(`${place}: the chart has no headline. Give it one in the module's words (export const words = { headline: "…" }) or as Plot's title option`);
    }
    await loadChartDom();
    try {
      drawn.push({ artboard, ...(await loaded.quietly(() => finishPlot(options, words, artboard))) });
    } catch (error) {
      throw loaded.failure(error, chart, "drawing failed");
    }
  }
  for (const notice of notices(drawn)) process.stderr.write(`${place}: ${notice}\n`);

  const sizes = drawn.map((d) => `${d.artboard} ${svgSize(d.svg)}`).join(", ");
  if (!targets) {
    const svg = drawn[0]!.svg;
    toStdout(svg.endsWith("\n") ? svg : `${svg}\n`);
    return `render: ${name} → stdout (${sizes})`;
  }
  const files: [string, string | Buffer][] = drawn.map((d, i) => [targets.svgs[i]!, d.svg]);
  if (targets.png) files.push([targets.png, (await loadPng())(drawn[0]!.svg, 2)]);
  try {
    writeAllIfChanged(files.map(([path, content]) => [resolve(path), content]));
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    throw new RenderError(`${o.out}: cannot be written (${e.code ?? e.message}); nothing was written. Check that the folder is writable and has room`);
  }
  return `render: ${name} → ${files.map(([path]) => path).join(", ")} (${sizes})`;
}

/** The module's path: from the current folder, else from the project's. */
function locate(root: string, module: string): string {
  const found = [resolve(module), resolve(root, module)].find((f) => existsSync(f));
  if (!found) throw new RenderError(`${module}: no such file. Give the path of a .ts, .mts, .js or .mjs module that exports Plot options`);
  if (!statSync(found).isFile()) throw new RenderError(`${module}: is a folder. Give the path of one module (.ts, .mts, .js or .mjs)`);
  if (!EXTENSIONS.includes(extname(found).toLowerCase())) {
    throw new RenderError(`${module}: render reads a .ts, .mts, .js or .mjs module, not a ${extname(found) || "file without an extension"}. Give a module that exports Plot options`);
  }
  return found;
}

/** FILE.svg and its siblings, checked before anything is drawn so that a mistake costs nothing and leaves nothing. */
function outputFiles(out: string, artboard: RenderOptions["artboard"], png: boolean): { svgs: string[]; png: string | null } {
  const folder = dirname(resolve(out));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new RenderError(`${out}: the folder ${dirname(out)} does not exist. Create it first, or give --out a file in a folder that exists`);
  }
  if (existsSync(out) && statSync(out).isDirectory()) throw new RenderError(`${out}: is a folder. Give --out a file name such as chart.svg`);
  const base = out.replace(/\.svg$/i, "");
  return { svgs: artboard === "both" ? [out, `${base}.mobile.svg`] : [out], png: png ? `${base}.png` : null };
}

interface Loaded {
  exports: Record<string, unknown>;
  /** Runs module code with its console.log sent to stderr: stdout carries the SVG. */
  quietly<T>(run: () => T | Promise<T>): Promise<T>;
  /** An error from the module's code as one line naming its file and line, when a frame in it can be found. */
  failure(error: unknown, chart: string | null, what: string): RenderError;
}

let bundles = 0;

/**
 * The module's own files bundled by esbuild (TypeScript or JavaScript) and
 * imported from memory. Plot and d3 are imported from where the library
 * itself imports them, so the marks the module makes are the library's own
 * Plot's, wherever the module lives and whatever copy of Plot sits beside it.
 * Each file keeps its own import.meta, so it can read a data file beside itself.
 */
async function loadModule(file: string, name: string): Promise<Loaded> {
  const esbuild = await import("esbuild");
  const bundleName = `storycharts-render-${process.pid}-${++bundles}.mjs`;
  const shown = (path: string) => (resolve(path) === file ? name : displayPath(path));
  const library = libraryModules();
  // Which line of each file gained its import.meta, and how many characters, to give columns in the file's own terms.
  const prefixes = new Map<string, { line: number; length: number }>();
  const column = (path: string, line: number, col: number) => {
    const prefix = prefixes.get(path);
    return prefix?.line === line ? Math.max(1, col - prefix.length) : col;
  };
  const entry = literalEntry(file);
  let result;
  try {
    result = await esbuild.build({
      entryPoints: entry.entryPoints,
      absWorkingDir: dirname(file),
      outfile: resolve(dirname(file), bundleName),
      write: false,
      bundle: true,
      format: "esm",
      platform: "node",
      target: "node20",
      sourcemap: "external",
      sourcesContent: false,
      // A package the module imports that is not beside it comes from the library's node_modules.
      nodePaths: library.nodeModules ? [library.nodeModules] : [],
      define: importMetaDefine(META),
      plugins: [entry.plugin, packagesFromNode(library.resolve), ownImportMeta(prefixes)],
      logLevel: "silent",
    });
  } catch (error) {
    const first = (error as { errors?: Message[] }).errors?.[0];
    if (!first) throw error;
    const where = first.location && resolve(dirname(file), first.location.file);
    const at = where ? `${shown(where)}: line ${first.location!.line}, column ${column(where, first.location!.line, first.location!.column + 1)}` : name;
    throw new RenderError(`${at}: the module does not compile: ${sentence(first.text)}. Fix it and run render again`);
  }
  const code = result.outputFiles.find((f) => f.path.endsWith(".mjs"))!.text;
  const map = new SourceMap(JSON.parse(result.outputFiles.find((f) => f.path.endsWith(".map"))!.text) as ConstructorParameters<typeof SourceMap>[0]);
  const dir = dirname(file);

  /** The innermost stack frame in the module's own code (not a package it bundles), in its file's lines. */
  const origin = (error: unknown): { file: string; line: number; column: number } | null => {
    const stack = error instanceof Error ? error.stack ?? "" : "";
    for (const text of stack.split("\n")) {
      const frame = /[( ]([^()\s]+):(\d+):(\d+)\)?$/.exec(text.trim());
      if (!frame || frame[1] !== bundleName) continue;
      const o = map.findOrigin(Number(frame[2]), Number(frame[3]));
      if (!("fileName" in o) || /[\\/]node_modules[\\/]/.test(o.fileName)) continue;
      // esbuild's source map gives its sources percent-encoded (é as %C3%A9).
      const path = resolve(dir, decodedPath(o.fileName));
      return { file: path, line: o.lineNumber, column: column(path, o.lineNumber, o.columnNumber) };
    }
    return null;
  };
  const failure = (error: unknown, chart: string | null, what: string): RenderError => {
    if (error instanceof RenderError) return error;
    // A ChartError is a refusal of the options, whoever wrote them; its cause may still point into the module.
    const cause = error instanceof ChartError ? (error as Error & { cause?: unknown }).cause : error;
    const at = origin(cause) ?? origin(error);
    const where = at ? `${shown(at.file)}: line ${at.line}, column ${at.column}${chart ? ` (${chart})` : ""}` : `${name}${chart ? `: ${chart}` : ""}`;
    if (error instanceof ChartError) return new RenderError(`${where}: ${sentence(error.message)}. ${error.fix}`);
    const e = error instanceof Error ? `${error.name}: ${error.message}` : `it threw ${JSON.stringify(error) ?? String(error)}`;
    // Plot.plot(…) in the module looks for a document, which only the finishing has.
    const hint = /\bdocument is not defined\b|'documentElement'/.test(e) && PLOT_FRAME.test((error as Error).stack ?? "") ? ". Export Plot's options, not Plot.plot(…): render draws them" : ". Fix the module and run render again";
    return new RenderError(`${where}: ${what}: ${sentence(e.split("\n")[0]!)}${hint}`);
  };
  const quietly = async <T>(run: () => T | Promise<T>): Promise<T> => {
    const saved = { log: console.log, info: console.info, debug: console.debug };
    console.log = console.info = console.debug = (...args: unknown[]) => console.error(...args);
    try {
      return await run();
    } finally {
      Object.assign(console, saved);
    }
  };

  // Named for the stack frames, so that a throw can be traced back through the source map.
  const source = `${code}\n//# sourceURL=${bundleName}\n`;
  let exports: Record<string, unknown>;
  try {
    exports = await quietly(() => import(`data:text/javascript;base64,${Buffer.from(source).toString("base64")}`) as Promise<Record<string, unknown>>);
  } catch (error) {
    throw failure(error, null, "the module threw");
  }
  return { exports, quietly, failure };
}

/** Where the library gets Plot and d3 from: the same resolution as its own imports, hence the same module instances. */
function libraryModules(): { resolve(specifier: string): string | null; nodeModules: string | null } {
  const resolveInstalled = (specifier: string): string | null => {
    try {
      return import.meta.resolve(specifier);
    } catch {
      return null;
    }
  };
  // The compiled CLI has Plot and d3 from its vendor bundles, not from node_modules.
  const vendored = COMPILED?.vendored ?? {};
  const resolveShared = (specifier: string): string | null => (Object.hasOwn(vendored, specifier) ? vendored[specifier]! : resolveInstalled(specifier));
  const plot = resolveInstalled("@observablehq/plot");
  const path = plot?.startsWith("file:") ? fileURLToPath(plot) : null;
  const at = path?.lastIndexOf(`${sep}node_modules${sep}`) ?? -1;
  return { resolve: resolveShared, nodeModules: path && at >= 0 ? path.slice(0, at + "/node_modules".length) : null };
}

/**
 * Packages are not bundled but imported by Node from where they are: Plot and
 * d3 from where the library gets them, any other from beside the module or
 * else the project's node_modules, so that a CommonJS package's require works.
 */
function packagesFromNode(resolveShared: (specifier: string) => string | null): Plugin {
  return {
    name: "packages-from-node",
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args: OnResolveArgs) => {
        if (args.pluginData === "inner" || isBuiltin(args.path) || isAbsolute(args.path)) return undefined;
        const shared = SHARED.test(args.path) ? resolveShared(args.path) : null;
        if (shared) return { path: shared, external: true };
        const found = await build.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, importer: args.importer, pluginData: "inner" });
        // What does not resolve, esbuild reports at the import; a path alias to the module's own files is bundled.
        if (found.errors.length > 0 || !found.path.includes(`${sep}node_modules${sep}`)) return undefined;
        return { path: pathToFileURL(found.path).href, external: true };
      });
    },
  };
}

/**
 * Each of the module's own files declares its import.meta on its first line,
 * (after a #! line), so that every line number stays the file's own; prefixes
 * records by how much that moves the columns of that line.
 */
function ownImportMeta(prefixes: Map<string, { line: number; length: number }>): Plugin {
  return {
    name: "own-import-meta",
    setup(build) {
      build.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, async (args: OnLoadArgs) => {
        if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
        const { contents, line, length } = declareImportMeta(META, args.path, await readFile(args.path, "utf8"));
        prefixes.set(args.path, { line, length });
        const ext = extname(args.path).toLowerCase();
        const loader = ext.endsWith("tsx") ? "tsx" : ext.endsWith("jsx") ? "jsx" : ext.includes("t") ? "ts" : "js";
        return { contents, loader };
      });
    },
  };
}

/** The export to draw: --export's, else the default, else the module's only chart. */
function pickExport(exports: Record<string, unknown>, name: string, wanted: string | null): string {
  const charts = Object.keys(exports).filter((k) => k !== "words" && k !== "height" && couldBeChart(exports[k])).sort((a, b) => (a === "default" ? -1 : b === "default" ? 1 : a.localeCompare(b)));
  const listed = charts.length > 0 ? `it exports ${charts.join(", ")}` : "it exports no Plot options or function";
  if (wanted !== null) {
    if (!(wanted in exports)) throw new RenderError(`${name}: ${wanted}: the module has no such export (${listed}). Pick one of those with --export NAME`);
    return wanted;
  }
  if ("default" in exports) return "default";
  if (charts.length === 1) return charts[0]!;
  throw new RenderError(`${name}: default: the module has no default export (${listed}). ${charts.length > 1 ? "Pick one with --export NAME" : "Export Plot options: export default { marks: [ … ] }"}`);
}

function couldBeChart(value: unknown): boolean {
  try {
    return typeof value === "function" || isThenable(value) || (typeof value === "object" && value !== null && (Array.isArray((value as Plot.PlotOptions).marks) || isMark(value)));
  } catch {
    // A getter that throws: plotOptions reads it again, and names the module's line.
    return false;
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === "object" || typeof value === "function") && value !== null && typeof (value as { then?: unknown }).then === "function";
}

function isMark(value: unknown): boolean {
  return typeof value === "object" && value !== null && typeof (value as { plot?: unknown }).plot === "function";
}

/** The chart's options for one artboard: the export itself, or what its function returns for the artboard's size. */
async function plotOptions(loaded: Loaded, chart: string, size: { width: number; height: number | undefined }, place: string): Promise<Plot.PlotOptions> {
  try {
    return await optionsOf(loaded, chart, size, place);
  } catch (error) {
    // A getter of the export's that throws, as the options are read.
    throw loaded.failure(error, chart, "reading the chart threw");
  }
}

async function optionsOf(loaded: Loaded, chart: string, size: { width: number; height: number | undefined }, place: string): Promise<Plot.PlotOptions> {
  let value = loaded.exports[chart];
  const isFunction = typeof value === "function";
  if (isFunction) {
    try {
      value = await loaded.quietly(() => (value as (s: typeof size) => unknown)(size));
    } catch (error) {
      throw loaded.failure(error, chart, "the chart's function threw");
    }
  } else if (isThenable(value)) {
    // export default loadData().then(…): the options once they settle.
    try {
      value = await value;
    } catch (error) {
      throw loaded.failure(error, chart, "the chart's promise rejected");
    }
  }
  const from = isFunction ? "the function returns" : "the export is";
  // A mark (Plot.barY(…)) is a chart of one mark, as mark.plot() would draw it.
  if (isMark(value)) value = { marks: [value] };
  if (typeof value !== "object" || value === null || Array.isArray(value) || !isPlain(value)) {
    throw new RenderError(`${place}: ${from} ${describe(value)}, not Plot options. Export Plot's options ({ marks: [Plot.barY(data, { x: "name", y: "value" })] }) or a function ({ width, height }) => options`);
  }
  const options = { ...(value as Plot.PlotOptions) };
  if (!Array.isArray(options.marks)) {
    throw new RenderError(`${place}: ${from} an object without marks (${Object.keys(options).slice(0, 5).join(", ") || "empty"}), not Plot options. Give it marks: [ … ], the marks Plot draws`);
  }
  if (options.height === undefined && size.height !== undefined) options.height = size.height;
  return options;
}

function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return `an object of class ${(value as object).constructor?.name ?? "unknown"}`;
  return `a ${typeof value} (${String(value).slice(0, 40)})`;
}

/**
 * The chart's words: the module's `words` export, whose headline, subtitle,
 * notes, source (and alt text and id prefix) serve every chart in it, with `words[<export>]` (an object
 * of the same fields) over them for that export; --source over both.
 */
function wordsFor(exports: Record<string, unknown>, chart: string, place: string, source: string | null): PlotWords {
  const all = exports.words;
  if (all !== undefined && (typeof all !== "object" || all === null || Array.isArray(all))) {
    throw new RenderError(`${place}: the words export is ${describe(all)}. Export an object: export const words = { headline: "…", source: "…" }`);
  }
  const shared = (all ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(shared)) {
    if (WORD_FIELDS.includes(key) || key in exports) continue;
    throw new RenderError(`${place}: words.${key} is neither a field of the words (${WORD_FIELDS.join(", ")}) nor an export of the module. Rename or remove it`);
  }
  const own = shared[chart];
  if (own !== undefined && (typeof own !== "object" || own === null || Array.isArray(own))) {
    throw new RenderError(`${place}: words.${chart} is ${describe(own)}. Give it an object: { headline: "…", source: "…" }`);
  }
  const merged: Record<string, unknown> = {};
  for (const field of WORD_FIELDS) merged[field] = (own as Record<string, unknown> | undefined)?.[field] ?? shared[field];
  for (const field of ["headline", "subtitle", "source", "alt", "id"]) {
    if (merged[field] !== undefined && typeof merged[field] !== "string") throw new RenderError(`${place}: the words' ${field} is ${describe(merged[field])}. Give it as text`);
  }
  const notes = typeof merged.notes === "string" ? [merged.notes] : merged.notes;
  if (notes !== undefined && (!Array.isArray(notes) || notes.some((n) => typeof n !== "string"))) {
    throw new RenderError(`${place}: the words' notes are ${describe(notes)}. Give them as text, or a list of texts`);
  }
  const line = source ?? (merged.source as string | undefined);
  if (line === undefined || line.trim() === "") {
    throw new RenderError(`${place}: the chart has no source line, and a published chart needs one. Add it to the module's words (export const words = { source: "…" }) or give --source TEXT`);
  }
  const words: PlotWords = { headline: (merged.headline as string | undefined) ?? "", source: line };
  for (const field of ["subtitle", "alt", "id"] as const) if (merged[field] !== undefined) words[field] = merged[field] as string;
  if (notes !== undefined) words.notes = notes as string[];
  return words;
}

/** The module's `height` export: one plot height, or one per artboard. */
function heightOf(value: unknown, place: string): Partial<Record<ArtboardName, number>> | null {
  if (value === undefined) return null;
  if (typeof value === "number" && value > 0) return { desktop: value, mobile: value };
  const h = value as Partial<Record<ArtboardName, unknown>> | null;
  if (typeof h === "object" && h !== null && Object.values(h).every((v) => typeof v === "number" && v > 0) && Object.keys(h).every((k) => k === "desktop" || k === "mobile")) {
    return h as Partial<Record<ArtboardName, number>>;
  }
  throw new RenderError(`${place}: the height export is ${describe(value)}. Give the plot's height in pixels (export const height = 400) or one per artboard ({ desktop: 400, mobile: 480 })`);
}

/** Each notice once; one that only some artboards gave names them. */
function notices(drawn: { artboard: ArtboardName; notices: string[] }[]): string[] {
  const seen = new Map<string, ArtboardName[]>();
  for (const d of drawn) for (const n of d.notices) seen.set(n, [...(seen.get(n) ?? []), d.artboard]);
  return [...seen].map(([n, boards]) => (drawn.length > 1 && boards.length < drawn.length ? `${boards.join(", ")}: ${n}` : n));
}

function svgSize(svg: string): string {
  const tag = /<svg\b[^>]*>/.exec(svg)?.[0] ?? "";
  const width = /\swidth="([\d.]+)"/.exec(tag)?.[1] ?? "?";
  const height = /\sheight="([\d.]+)"/.exec(tag)?.[1] ?? "?";
  return `${width}×${height}`;
}

function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith("..") || isAbsolute(rel) ? path : rel;
}

/** A message as the middle of a sentence: no trailing period. */
function sentence(text: string): string {
  return text.trim().replace(/\.+$/, "");
}
