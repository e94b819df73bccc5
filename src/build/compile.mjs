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

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join, sep } from "node:path";
import { pathToFileURL } from "node:url";
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
  const dir = join(cache, stamp.digest("hex").slice(0, 16));
  const result = { cli: join(dir, "src", "cli", "index.mjs"), dir };
  if (existsSync(join(dir, "done"))) return result;
  if (existsSync(`${dir}.failed`)) return null;

  const esbuild = await loadEsbuild();
  if (!esbuild) return null;
  const temporary = `${dir}.tmp-${process.pid}`;
  rmSync(temporary, { recursive: true, force: true });
  try {
    await esbuild.build(options(root, ["src/cli/index.ts", ...notebookFiles(root)], temporary, dir));
  } catch {
    rmSync(temporary, { recursive: true, force: true });
    mkdirSync(cache, { recursive: true });
    writeFileSync(`${dir}.failed`, "");
    return null;
  }
  writeFileSync(join(temporary, "done"), "");
  try {
    renameSync(temporary, dir);
  } catch {
    // Another process compiled the same sources first: use its copy.
    rmSync(temporary, { recursive: true, force: true });
  }
  removeOthers(cache, dir);
  return existsSync(join(dir, "done")) ? result : null;
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
      const wanted = notebookFiles(root);
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
function options(root, entryPoints, outdir, dir) {
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
      STORYCHARTS_COMPILED: JSON.stringify({ root, dir }),
      // Each module's own import.meta, declared at its top by keepImportMeta; esbuild replaces only
      // the expressions, never the same words inside a string or a comment.
      ...importMetaDefine(META),
    },
    plugins: [keepImportMeta()],
    logLevel: "silent",
  };
}

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
 * @param {string} cache @param {string} keep
 */
function removeOthers(cache, keep) {
  const minuteAgo = Date.now() - 60_000;
  for (const name of readdirSafe(cache)) {
    const path = join(cache, name);
    if (path === keep || path === `${keep}.failed` || name === "watch") continue;
    try {
      if (statSync(path).mtimeMs < minuteAgo) rmSync(path, { recursive: true, force: true });
    } catch {
      // gone already
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
