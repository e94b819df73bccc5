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

/**
 * The compiled CLI for a project whose src/ and notebooks/ are in root, or
 * null when it cannot be compiled (a notebook that does not parse, say): the
 * caller then loads the TypeScript itself, which reports the problem where it is.
 * @param {string} root
 * @returns {Promise<Compiled | null>}
 */
export async function compiled(root) {
  const notebooks = readdirSafe(join(root, "notebooks")).filter((n) => n.endsWith(".ts") && !n.startsWith("_")).sort();
  const sources = [...files("src", root), ...files("notebooks", root)].filter((f) => SOURCE.test(f));
  const stamp = createHash("sha256");
  for (const file of sources) {
    const s = statSync(join(root, file));
    stamp.update(`${file}\0${s.size}\0${s.mtimeMs}\n`);
  }
  const cache = join(root, ".cache", "js");
  const dir = join(cache, stamp.digest("hex").slice(0, 16));
  const result = { cli: join(dir, "src", "cli.mjs"), dir };
  if (existsSync(join(dir, "done"))) return result;
  if (existsSync(`${dir}.failed`)) return null;

  let esbuild;
  try {
    esbuild = await import("esbuild");
  } catch {
    return null; // installed without dev dependencies: run the TypeScript as it is
  }
  const temporary = `${dir}.tmp-${process.pid}`;
  rmSync(temporary, { recursive: true, force: true });
  try {
    await esbuild.build({
      absWorkingDir: root,
      entryPoints: ["src/cli.ts", ...notebooks.map((n) => `notebooks/${n}`)],
      outdir: temporary,
      outbase: ".",
      outExtension: { ".js": ".mjs" },
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "node",
      target: "node20",
      packages: "external",
      define: { STORYCHARTS_COMPILED: JSON.stringify({ root, dir }) },
      plugins: [keepImportMeta],
      logLevel: "silent",
    });
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
 * Each file keeps its own import.meta.url (and dirname, filename), as if it
 * ran where it is written: a notebook reads its CSVs, and the library finds
 * its fonts and its worker, relative to itself.
 * @type {import("esbuild").Plugin}
 */
const keepImportMeta = {
  name: "keep-import-meta",
  setup(build) {
    build.onLoad({ filter: /\.(ts|mjs)$/ }, async (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
      const text = await readFile(args.path, "utf8");
      const meta = { url: pathToFileURL(args.path).href, dirname: dirname(args.path), filename: args.path };
      const contents = text.replace(/\bimport\.meta\.(url|dirname|filename)\b/g, (_, key) => JSON.stringify(meta[/** @type {"url" | "dirname" | "filename"} */ (key)]));
      return { contents, loader: args.path.endsWith(".ts") ? "ts" : "js" };
    });
  },
};

/**
 * Earlier compilations, once they are a minute old (a process started a moment ago may still load from one).
 * @param {string} cache @param {string} keep
 */
function removeOthers(cache, keep) {
  const minuteAgo = Date.now() - 60_000;
  for (const name of readdirSafe(cache)) {
    const path = join(cache, name);
    if (path === keep || path === `${keep}.failed`) continue;
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
