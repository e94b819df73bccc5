// The command line as compiled JavaScript, so that a start does not pay for
// TypeScript: loading the CLI through tsx's loader hooks costs about 0.4 s
// more than the same code compiled (measured here). The CLI and the project's
// notebooks are bundled together by esbuild into .cache/js/<stamp>/, one
// module graph, so a notebook and the CLI share each library module (one
// copy of the fonts, the registry, the error classes). The stamp is the name,
// size and time of every source file, so an edit to a notebook or to src/
// compiles again on the next start (about 0.2 s), and notebooks stay plain
// .ts files that a person edits. Plain JavaScript: this runs before anything
// can load TypeScript.
//
// Plot, d3, Arquero and topojson-client are some 600 ES module files, and
// jsdom some 1,100 CommonJS ones, which Node resolves, reads and compiles one
// by one on every start (about 0.5 s of a one-chart build here). They are
// bundled once per installed version into node_modules/.cache/storycharts/
// vendor-<stamp>/, which the compiled CLI and notebooks import: one copy
// each, shared by the library and every notebook, loaded as a few files
// (jsdom with V8's code cache).

import { createHash } from "node:crypto";
import { accessSync, constants, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { basename, dirname, join, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { files } from "./fingerprint.mjs";

/** @typedef {{ cli: string, dir: string }} Compiled the compiled CLI module, and the folder it and the notebooks are in */

const SOURCE = /(?<!\.d)\.(ts|mjs)$/;

/** The name each compiled module declares its own import.meta under (esbuild renames it apart per module). */
const META = "__storycharts_import_meta";

/**
 * The compiled CLI for a project whose src/ and notebooks/ are in root, or
 * null when it cannot be compiled (a notebook that does not parse, say): the
 * caller then loads the TypeScript itself, which reports the problem where it is.
 * @param {string} root
 * @returns {Promise<Compiled | null>}
 */
export async function compiled(root) {
  const sources = [...files("src", root), ...files("notebooks", root)].filter((f) => SOURCE.test(f));
  const stamp = createHash("sha256");
  // The compiled code holds the project's absolute paths: a project moved or copied elsewhere compiles anew.
  stamp.update(`${root}\n`);
  for (const file of sources) {
    const s = statSync(join(root, file));
    stamp.update(`${file}\0${s.size}\0${s.mtimeMs}\n`);
  }
  const cache = join(root, ".cache", "js");
  const packages = vendorStamp(root);
  const vendorDir = vendorHome(packages.modules, cache, packages.stamp);
  markUsed(vendorDir);
  stamp.update(`vendor\0${vendorDir}\n`);
  const dir = join(cache, stamp.digest("hex").slice(0, 16));
  const result = { cli: join(dir, "src", "cli", "index.mjs"), dir };
  if (existsSync(join(dir, "done")) && vendorIntact(dir)) return result;
  if (existsSync(`${dir}.failed`)) return null;

  const esbuild = await loadEsbuild();
  if (!esbuild) return null;
  // Without the vendor bundle (it failed to build), the packages are imported from node_modules as they are.
  const vendored = (await once(vendorDir, async (out) => {
    await buildVendor(esbuild, root, packages.names, out, vendorDir);
    removeUnused(vendorDir);
  })) ? vendorFiles(vendorDir) : {};
  // A compilation whose vendor folder is gone and could not be built again imports files that are not there: compile anew.
  if (!vendorIntact(dir)) rmSync(dir, { recursive: true, force: true });
  const built = await once(dir, async (out) => {
    await esbuild.build(options(root, ["src/cli/index.ts", ...notebookFiles(root).filter((f) => !unusableName(f))], out, dir, vendored));
    if (Object.keys(vendored).length > 0) writeFileSync(join(out, "vendor"), vendorDir);
  });
  removeOthers(cache, [dir, vendorDir]);
  return built ? result : null;
}

/**
 * Whether the vendor folder a compilation imports (named in its file
 * "vendor") is still whole: it can be removed after the compilation that
 * imports it (node_modules/.cache cleared by hand or by another tool).
 * @param {string} dir @returns {boolean}
 */
function vendorIntact(dir) {
  let vendor;
  try {
    vendor = readFileSync(join(dir, "vendor"), "utf8");
  } catch {
    return true; // imports nothing from a vendor folder (or is not compiled yet)
  }
  return existsSync(join(vendor, "done"));
}

/**
 * Builds into dir once: into a temporary folder renamed into place, so that a
 * process never reads half a build, and marked failed when the build throws.
 * @param {string} dir @param {(out: string) => Promise<unknown>} build
 * @returns {Promise<boolean>} whether dir holds a finished build
 */
async function once(dir, build) {
  if (existsSync(join(dir, "done"))) return true;
  if (existsSync(`${dir}.failed`)) return false;
  const temporary = `${dir}.tmp-${process.pid}`;
  try {
    rmSync(temporary, { recursive: true, force: true });
    await build(temporary);
    writeFileSync(join(temporary, "done"), "");
  } catch {
    try {
      rmSync(temporary, { recursive: true, force: true });
      mkdirSync(dirname(dir), { recursive: true });
      writeFileSync(`${dir}.failed`, "");
    } catch {
      // a folder this user cannot write: nothing is kept, and the next run tries again
    }
    return false;
  }
  try {
    renameSync(temporary, dir);
  } catch {
    // Another process compiled the same sources first: use its copy.
    rmSync(temporary, { recursive: true, force: true });
  }
  return existsSync(join(dir, "done"));
}

/** The module that loads a CommonJS bundle with V8's code cache. */
const LOADER = join(dirname(fileURLToPath(import.meta.url)), "code-cache.mjs");

/**
 * Packages bundled into the vendor folder, and how:
 * - "esm": ES modules, bundled together as ES modules. d3's own packages
 *   (d3-array, d3-time …) are added as entries too (see vendorStamp), so that
 *   a notebook's `import { utcMonth } from "d3-time"` is the d3-time Plot and
 *   d3 use: Plot marks d3-time's standard intervals as it loads;
 * - "exports as default": opentype.js and topojson-client have an ES module
 *   build, which the bundle takes, but Node loads their CommonJS build and
 *   gives an importer its exports as the default (`import topojson from
 *   "topojson-client"`): their bundle's default is their module's exports;
 * - "commonjs": jsdom, bundled as one CommonJS file loaded with V8's code
 *   cache (see code-cache.mjs), its named exports those its entry assigns.
 */
const VENDORED = new Map([["@observablehq/plot", "esm"], ["d3", "esm"], ["arquero", "esm"], ["topojson-client", "exports as default"], ["opentype.js", "exports as default"], ["jsdom", "commonjs"]]);

/**
 * Where the vendor folder is kept: beside the packages, in node_modules/.cache/
 * (as other tools keep theirs), so that every project and test folder using
 * one node_modules bundles them once; else, when that cannot be written, in
 * the project's own .cache/js/.
 * @param {string} modules node_modules, where it really is @param {string} cache the project's .cache/js @param {string} stamp
 */
function vendorHome(modules, cache, stamp) {
  try {
    accessSync(modules); // no node_modules: nothing is made where it would be
    const shared = join(modules, ".cache", "storycharts");
    const dir = join(shared, `vendor-${stamp}`);
    // Built already (by another user, say): read from where it is, whether or not this user could write there.
    if (existsSync(join(dir, "done"))) return dir;
    mkdirSync(shared, { recursive: true });
    accessSync(shared, constants.W_OK);
    return dir;
  } catch {
    return join(cache, `vendor-${stamp}`);
  }
}

/**
 * The vendored packages installed in the project's node_modules and a stamp of
 * their versions, where they are, esbuild's version, Node's, and the code
 * that loads the CommonJS bundles: any of those changed bundles anew.
 * @param {string} root @returns {{ modules: string, names: string[], stamp: string }}
 */
function vendorStamp(root) {
  let modules = join(root, "node_modules");
  try {
    modules = realpathSync(modules);
  } catch {
    // none: nothing is vendored
  }
  // The loader the folder copies, and this file, which makes the bundles: a change to either makes them anew.
  const stamp = createHash("sha256").update(`${process.version}\0${modules}\n`).update(readFileSync(LOADER)).update(readFileSync(fileURLToPath(import.meta.url)));
  // What npm installed, every package's version and place (a dependency of Plot's updated alone too).
  // A file in node_modules edited by hand, its version unchanged, is not seen: delete node_modules/.cache.
  try {
    stamp.update(readFileSync(join(modules, ".package-lock.json")));
  } catch {
    // installed by another tool: the packages' own versions below
  }
  /** @type {string[]} */
  const names = [];
  const wanted = [...VENDORED.keys(), "esbuild"];
  for (let i = 0; i < wanted.length; i++) {
    const name = wanted[i];
    let json;
    try {
      json = JSON.parse(readFileSync(join(modules, name, "package.json"), "utf8"));
    } catch {
      continue; // installed elsewhere, or not at all: Node finds it as before
    }
    stamp.update(`${name}\0${json.version}\n`);
    if (name !== "esbuild") names.push(name);
    if (name === "d3") wanted.push(...Object.keys(json.dependencies ?? {}).filter((d) => /^d3-[a-z-]+$/.test(d)).sort());
  }
  return { modules, names, stamp: stamp.digest("hex").slice(0, 16) };
}

/**
 * Each package bundled as one entry of the vendor folder, re-exporting all it
 * exports; the entries share chunks, so Plot and a notebook's d3 are one d3.
 * A package's ES module build is taken over its CommonJS one (flechette, in
 * Arquero, has both), as bundlers do; a package whose bundle names no exports
 * (CommonJS only) is left out, for Node to load as it is. vendored.json lists
 * the packages bundled.
 * @param {typeof import("esbuild")} esbuild @param {string} root @param {string[]} names
 * @param {string} outdir where esbuild writes @param {string} dir where the vendor folder will be read from
 */
async function buildVendor(esbuild, root, names, outdir, dir) {
  const modules = names.filter((name) => VENDORED.get(name) !== "commonjs");
  // jsdom's bundle, the longer job, alongside the ES modules'.
  const commonJs = Promise.all(names.filter((n) => VENDORED.get(n) === "commonjs").map(async (name) => ((await buildCommonJs(esbuild, root, name, outdir, dir)) ? [name] : [])));
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: modules.map((name) => ({ in: `vendor:${name}`, out: vendorName(name) })),
    outdir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    mainFields: ["module", "main"],
    target: "node20",
    metafile: true,
    logLevel: "silent",
    plugins: [{
      name: "vendor-entries",
      setup(build) {
        build.onResolve({ filter: /^vendor:/ }, (args) => ({ path: args.path.slice("vendor:".length), namespace: "vendor" }));
        build.onLoad({ filter: /.*/, namespace: "vendor" }, (args) => {
          const from = JSON.stringify(args.path);
          const asDefault = VENDORED.get(args.path) === "exports as default" ? `import * as all from ${from};\nexport default all;\n` : "";
          return { contents: `export * from ${from};\n${asDefault}`, resolveDir: root, loader: "js" };
        });
      },
    }],
  });
  const outputs = Object.values(result.metafile.outputs);
  const bundled = modules.filter((name) => outputs.some((o) => o.entryPoint === `vendor:${name}` && o.exports.length > 0));
  bundled.push(...(await commonJs).flat());
  writeFileSync(join(outdir, "vendored.json"), `${JSON.stringify(bundled)}\n`);
}

/**
 * A CommonJS package as one file, <name>.cjs, and <name>.mjs, the ES module
 * the compiled code imports, which loads it through code-cache.mjs and
 * exports what the package's entry assigns to exports.x, as Node would find
 * them. Each bundled file keeps its own import.meta, __dirname and
 * __filename, and a path it gives require.resolve stays a path on disk, so
 * what it reads beside itself (jsdom's default style sheet) is still found.
 * False, and nothing written, when its names cannot be read from its entry.
 * @param {typeof import("esbuild")} esbuild @param {string} root @param {string} name
 * @param {string} outdir where esbuild writes @param {string} dir where the vendor folder will be read from
 * @returns {Promise<boolean>}
 */
export async function buildCommonJs(esbuild, root, name, outdir, dir) {
  const entry = createRequire(join(root, "package.json")).resolve(name);
  const names = [...readFileSync(entry, "utf8").matchAll(/^exports\.([A-Za-z_$][\w$]*)\s*=/gm)].map((m) => m[1]);
  if (names.length === 0) return false;
  // A handful of jsdom's 1,100 files name their place, found by reading the packages first: a plugin
  // asked about every file costs esbuild a round trip to Node each, about 0.6 s of the first build.
  const scan = filesNamingPlaces(packageDir(entry, name));
  /** @param {RegExp} named the files to read @param {RegExp} resolved the relative paths to look at */
  const literal = literalEntry(entry);
  const make = (named, resolved) => esbuild.build({
    absWorkingDir: root,
    entryPoints: literal.entryPoints,
    outfile: join(outdir, `${vendorName(name)}.cjs`),
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    // A third less text for V8 to hold on each start. Only the spaces: keepNames, which the other
    // minifying needs to keep jsdom's names, redefines each function's name, and 1,000 charts drew 45% slower.
    minifyWhitespace: true,
    metafile: true,
    logLevel: "silent",
    // Optional native packages, tried and done without when absent, as in node_modules.
    external: ["canvas", "bufferutil", "utf-8-validate"],
    define: importMetaDefine(META),
    plugins: [literal.plugin, {
      name: "files-where-they-are",
      setup(build) {
        build.onResolve({ filter: resolved }, (args) => (args.kind === "require-resolve" ? { path: join(args.resolveDir, args.path), external: true } : undefined));
        build.onLoad({ filter: named }, async (args) => {
          const text = await readFile(args.path, "utf8");
          if (!NAMES_PLACE.test(text)) return undefined;
          // On the first line, as declareImportMeta puts it, so that line numbers stay the file's own.
          const own = `var __dirname = ${JSON.stringify(dirname(args.path))}, __filename = ${JSON.stringify(args.path)};`;
          const shebang = /^#!.*\n/.exec(text)?.[0] ?? "";
          return { contents: declareImportMeta(META, args.path, `${shebang}${own}${text.slice(shebang.length)}`).contents, loader: "js" };
        });
      },
    }],
  });
  const result = await make(exactly([...scan.hits]), exactly([...scan.resolved]));
  // A file the bundle took from outside the packages read (a dependency found some other way) is read
  // now; if it names its place or resolves a path, the bundle is made again asking about every file.
  // esbuild names them from the working folder's real path, as the packages read are named (a root reached through a symlink).
  const real = realpathSync(root);
  const unread = Object.keys(result.metafile.inputs).map((p) => join(real, p)).filter((p) => !scan.read.has(p) && /\.[cm]?js$/.test(p));
  const placed = (/** @type {string} */ text) => NAMES_PLACE.test(text) || RESOLVES.test(text);
  // A require.resolve path esbuild reads as a string the file's text does not hold as one ("./a" + ".js",
  // a comment before it, an escape in it) was not asked about: the plugin made every one it saw absolute.
  const missed = Object.values(result.metafile.inputs).some((i) => i.imports.some((m) => m.kind === "require-resolve" && m.path.startsWith(".")));
  if (missed || unread.some((p) => placed(readFileSync(p, "utf8")))) await make(/\.[cm]?js$/, /^\./);
  // The folder holds its own copy of the loader: it serves projects whose src/ may change or go.
  copyFileSync(LOADER, join(outdir, "code-cache.mjs"));
  const exported = names.map((n) => `export const ${n} = bundle.${n};\n`).join("");
  const bundle = join(dir, `${vendorName(name)}.cjs`);
  writeFileSync(join(outdir, `${vendorName(name)}.mjs`), `import { loadCommonJs } from "./code-cache.mjs";\nconst bundle = loadCommonJs(${JSON.stringify(bundle)});\nexport default bundle;\n${exported}`);
  return true;
}

/** What a file uses to find files beside it, which a bundle moved elsewhere must keep pointing there. */
const NAMES_PLACE = /\bimport\.meta\b|\b__dirname\b|\b__filename\b/;
/** A path beside the file given to require.resolve, which must stay a path on disk. */
const RESOLVES = /\brequire\.resolve\s*\(\s*(["'`])(\.[^"'`]*)\1/;

/**
 * The folder of the package a resolved entry belongs to: the one holding
 * node_modules/<name>/ on the entry's path.
 * @param {string} entry @param {string} name
 */
function packageDir(entry, name) {
  const marker = `${sep}node_modules${sep}${name.split("/").join(sep)}${sep}`;
  const at = entry.lastIndexOf(marker);
  return at < 0 ? dirname(entry) : entry.slice(0, at + marker.length - 1);
}

/**
 * Every JavaScript file of a package and of the packages it depends on, as
 * Node finds them (node_modules folders up from each package), those of them
 * that name their place, and the relative paths given to require.resolve.
 * @param {string} top
 * @returns {{ read: Set<string>, hits: Set<string>, resolved: Set<string> }}
 */
function filesNamingPlaces(top) {
  /** @type {Set<string>} */
  const read = new Set();
  /** @type {Set<string>} */
  const hits = new Set();
  /** @type {Set<string>} */
  const resolved = new Set();
  const seen = new Set();
  const queue = [top];
  while (queue.length > 0) {
    const pkg = /** @type {string} */ (queue.pop());
    if (seen.has(pkg)) continue;
    seen.add(pkg);
    /** @type {{ dependencies?: Record<string, string>, optionalDependencies?: Record<string, string>, peerDependencies?: Record<string, string> }} */
    let manifest = {};
    try {
      manifest = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8"));
    } catch {
      // A folder without a manifest still has its files read.
    }
    for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies, ...manifest.peerDependencies })) {
      const found = findPackage(pkg, dep);
      if (found) queue.push(found);
    }
    const walk = (/** @type {string} */ d) => {
      let entries;
      try {
        entries = readdirSync(d, { withFileTypes: true });
      } catch {
        return; // a folder that cannot be listed: its files, if the bundle takes them, are read after it
      }
      for (const e of entries) {
        const path = join(d, e.name);
        if (e.isDirectory()) {
          if (e.name !== "node_modules") walk(path);
        } else if (/\.[cm]?js$/.test(e.name)) {
          let text;
          try {
            text = readFileSync(path, "utf8");
          } catch {
            // A link to nothing or to a folder: not read, so if the bundle takes what it names, that is read then.
            continue;
          }
          read.add(path);
          if (NAMES_PLACE.test(text)) hits.add(path);
          for (const m of text.matchAll(new RegExp(RESOLVES, "g"))) resolved.add(/** @type {string} */ (m[2]));
        }
      }
    };
    walk(pkg);
  }
  return { read, hits, resolved };
}

/**
 * Where Node would find package `name` from inside folder `from`.
 * @param {string} from @param {string} name
 */
function findPackage(from, name) {
  for (let d = from; ; d = dirname(d)) {
    const candidate = join(d, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return realpathSync(candidate);
    if (dirname(d) === d) return null;
  }
}

/**
 * An esbuild filter matching exactly these strings, or nothing for none.
 * @param {string[]} strings
 */
function exactly(strings) {
  if (strings.length === 0) return /^\b$/;
  return new RegExp(`^(?:${strings.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})$`);
}

/** @param {string} name */
const vendorName = (name) => name.replace(/^@/, "").replace(/[^a-z0-9.-]/gi, "-");

/**
 * The file URL of each package's bundle in the vendor folder.
 * @param {string} dir @returns {Record<string, string>}
 */
function vendorFiles(dir) {
  /** @type {string[]} */
  const names = JSON.parse(readFileSync(join(dir, "vendored.json"), "utf8"));
  return Object.fromEntries(names.map((name) => [name, pathToFileURL(join(dir, `${vendorName(name)}.mjs`)).href]));
}

/**
 * For `watch`: the build worker and the notebooks compiled into
 * .cache/js/watch/, in two parts. The library (the worker, and src/index.ts,
 * the entry notebooks import) is compiled when the watch starts and again only
 * when src/ changes; the watch then starts a new worker for it. The notebooks
 * are compiled on each save in a few milliseconds, each bundled with its own
 * helper files, importing the library's compiled entry rather than a copy of
 * it: a worker that imports a notebook again after a save gets the notebook
 * anew but the library modules it already holds, warm.
 * @param {string} root
 * @returns {Promise<{ worker: string, rebuild(library?: boolean): Promise<boolean>, dispose(): Promise<void> } | null>}
 */
export async function watchCompiler(root) {
  const esbuild = await loadEsbuild();
  if (!esbuild) return null;
  const dir = join(root, ".cache", "js", "watch");
  const entry = pathToFileURL(join(dir, "src", "index.mjs")).href;
  /** @type {import("esbuild").BuildContext | null} */
  let library = null;
  /** @type {import("esbuild").BuildContext | null} */
  let notebooks = null;
  let entries = "";
  /** The library's entry, as the compiled library has it: a notebook imports that, not a copy. @type {import("esbuild").Plugin} */
  const libraryOutside = {
    name: "library-outside",
    setup(build) {
      build.onResolve({ filter: /(^|\/)index\.ts$/ }, (args) => {
        const path = join(args.resolveDir, args.path);
        return path === join(root, "src", "index.ts") ? { path: entry, external: true } : undefined;
      });
    },
  };
  return {
    worker: join(dir, "src", "build", "worker.mjs"),
    async rebuild(changedLibrary = false) {
      const wanted = notebookFiles(root).filter((f) => !unusableName(f));
      // A notebook added or removed changes the entry points, which a context cannot.
      if (notebooks && wanted.join("\n") !== entries) {
        await notebooks.dispose();
        notebooks = null;
      }
      try {
        if (!library || changedLibrary) {
          library ??= await esbuild.context(options(root, ["src/build/worker.ts", "src/index.ts"], dir, dir));
          await library.rebuild();
        }
        if (wanted.length > 0) {
          notebooks ??= await esbuild.context({ ...options(root, wanted, dir, dir), splitting: false, plugins: [libraryOutside, keepImportMeta()] });
          entries = wanted.join("\n");
          await notebooks.rebuild();
        }
        return true;
      } catch {
        return false;
      }
    },
    async dispose() {
      await library?.dispose();
      await notebooks?.dispose();
    },
  };
}

/**
 * The project's notebooks, notebooks/<id>.ts, sorted; a file named _*.ts is a
 * helper, not a notebook. Here rather than in registry.ts because compiling
 * needs the list before TypeScript can load.
 * @param {string} root @returns {string[]}
 */
export function notebookFiles(root) {
  return readdirSafe(join(root, "notebooks")).filter((n) => n.endsWith(".ts") && !n.startsWith("_")).sort().map((n) => `notebooks/${n}`);
}

/** What a notebook's file name cannot hold: esbuild reads `*` as a wildcard and writes `?`, `:` and the like in a compiled file's name as `_`, and several systems allow none of them in a file name. */
const UNUSABLE = /[*?:<>|"\\\x00-\x1f]+/g;

/**
 * Why a notebook's file name cannot be used (see UNUSABLE), or null.
 * @param {string} file @returns {string | null}
 */
export function unusableName(file) {
  const bad = basename(file).match(UNUSABLE)?.[0]?.[0];
  return bad ? `the file name holds ${JSON.stringify(bad)}, which a notebook's name cannot (esbuild reads * as a pattern, and ? : < > | " \\ are not allowed in file names on every system)` : null;
}

/**
 * The name to suggest instead of one unusableName refuses.
 * @param {string} file @returns {string}
 */
export function usableName(file) {
  return join(dirname(file), basename(file).replace(UNUSABLE, "-"));
}

async function loadEsbuild() {
  try {
    return await import("esbuild");
  } catch {
    return null; // installed without dev dependencies: run the TypeScript as it is
  }
}

/**
 * @param {string} root @param {string[]} entryPoints @param {string} outdir where esbuild writes
 * @param {string} dir where the output will be read from
 * @returns {import("esbuild").BuildOptions}
 */
function options(root, entryPoints, outdir, dir, vendored = {}) {
  return {
    absWorkingDir: root,
    entryPoints,
    outdir,
    outbase: ".",
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    define: {
      STORYCHARTS_COMPILED: JSON.stringify({ root, dir, vendored }),
      // Each module's own import.meta, declared at its top by keepImportMeta; esbuild replaces only
      // the expressions, never the same words inside a string or a comment.
      ...importMetaDefine(META),
    },
    plugins: [keepImportMeta(), fromVendor(vendored)],
    logLevel: "silent",
  };
}

/**
 * A vendored package's bare name imports its bundle (a subpath, such as
 * "arquero/dist/x", is left to Node).
 * @param {Record<string, string>} vendored @returns {import("esbuild").Plugin}
 */
const fromVendor = (vendored) => ({
  name: "from-vendor",
  setup(build) {
    build.onResolve({ filter: /^[@a-z]/ }, (args) => (Object.hasOwn(vendored, args.path) ? { path: vendored[args.path], external: true } : undefined));
  },
});

/**
 * Each file keeps its own import.meta.url (and dirname, filename), as if it
 * ran where it is written: a notebook reads its CSVs, and the library finds
 * its fonts and its worker, relative to itself.
 * @returns {import("esbuild").Plugin}
 */
const keepImportMeta = () => ({
  name: "keep-import-meta",
  setup(build) {
    // A watch compiles again on every save: a file whose time and size are the same is not read again.
    /** @type {Map<string, { key: string, contents: string }>} */
    const seen = new Map();
    build.onLoad({ filter: /\.(ts|mjs)$/ }, async (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
      const loader = args.path.endsWith(".ts") ? "ts" : "js";
      const s = statSync(args.path);
      const key = `${s.size}/${s.mtimeMs}`;
      const known = seen.get(args.path);
      if (known?.key === key) return { contents: known.contents, loader };
      const { contents } = declareImportMeta(META, args.path, await readFile(args.path, "utf8"));
      seen.set(args.path, { key, contents });
      return { contents, loader };
    });
  },
});

/**
 * esbuild's define that points a module's import.meta at the variable `name`
 * (only the expressions, never the same words inside a string or a comment).
 * @param {string} name @returns {Record<string, string>}
 */
export function importMetaDefine(name) {
  return { "import.meta.url": `${name}.url`, "import.meta.dirname": `${name}.dirname`, "import.meta.filename": `${name}.filename` };
}

/**
 * One file as esbuild's entry point, its path never read as a pattern: esbuild
 * takes a `*` in an entry point for a wildcard, and a project may sit in a
 * folder, or a module given to render in a file, whose name holds one.
 * @param {string} path an absolute path
 * @returns {{ entryPoints: string[], plugin: import("esbuild").Plugin }}
 */
export function literalEntry(path) {
  const name = "storycharts:entry";
  return {
    entryPoints: [name],
    plugin: { name: "literal-entry", setup: (build) => build.onResolve({ filter: /^storycharts:entry$/ }, (args) => (args.kind === "entry-point" ? { path } : undefined)) },
  };
}

/**
 * The file's text with its own import.meta declared as `name` on its first
 * line (after a #! line), so that every line number in an error stays the
 * file's own; `line` and `length` say which line moved and by how much.
 * @param {string} name @param {string} path @param {string} text
 * @returns {{ contents: string, line: number, length: number }}
 */
export function declareImportMeta(name, path, text) {
  const meta = { url: pathToFileURL(path).href, dirname: dirname(path), filename: path };
  const declaration = `var ${name} = ${JSON.stringify(meta)};`;
  const shebang = /^#!.*\n/.exec(text)?.[0] ?? "";
  return { contents: `${shebang}${declaration}${text.slice(shebang.length)}`, line: shebang ? 2 : 1, length: declaration.length };
}

/**
 * Earlier compilations, once they are a minute old (a process started a moment ago may still load from one).
 * @param {string} cache @param {string[]} keep
 */
function removeOthers(cache, keep) {
  const minuteAgo = Date.now() - 60_000;
  for (const name of readdirSafe(cache)) {
    const path = join(cache, name);
    if (keep.some((k) => path === k || path === `${k}.failed`) || name === "watch") continue;
    try {
      if (statSync(path).mtimeMs < minuteAgo) rmSync(path, { recursive: true, force: true });
    } catch {
      // gone already
    }
  }
}

/** A vendor folder no run has used for this long is removed when another is built. */
const UNUSED_MS = 7 * 24 * 3600_000;

/**
 * Notes that a run uses this vendor folder (the time of its "done" file), so
 * that removeUnused leaves it alone while any project or Node version sharing
 * this node_modules still uses it.
 * @param {string} vendorDir
 */
function markUsed(vendorDir) {
  try {
    const now = new Date();
    utimesSync(join(vendorDir, "done"), now, now);
  } catch {
    // not built yet, or not this user's to touch
  }
}

/**
 * The vendor folders beside this one that no run has used for a week, with
 * their failure marks and leftover temporaries. Each upgrade of storycharts or
 * of Node makes a new folder of 15 to 20 MB in node_modules/.cache, which only
 * npm ci would clear; one still in use (another checkout, another Node) stays.
 * @param {string} vendorDir the one just built
 */
function removeUnused(vendorDir) {
  const home = dirname(vendorDir);
  const before = Date.now() - UNUSED_MS;
  for (const name of readdirSafe(home)) {
    const path = join(home, name);
    if (!/^vendor-[0-9a-f]{16}(\.failed|\.tmp-\d+)?$/.test(name) || path === vendorDir || name.startsWith(`${basename(vendorDir)}.`)) continue;
    try {
      const used = existsSync(join(path, "done")) ? join(path, "done") : path;
      if (statSync(used).mtimeMs < before) rmSync(path, { recursive: true, force: true });
    } catch {
      // gone already, or not this user's to remove
    }
  }
}

/** @param {string} dir @returns {string[]} */
function readdirSafe(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
