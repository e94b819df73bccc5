// What decides a build's output, as one hash: every file under notebooks/,
// seeds/ and src/, the lock file (the versions of Plot, d3, jsdom, the fonts),
// and the build's options. Plain JavaScript, so that the command line can ask
// "has anything changed?" before loading TypeScript, jsdom or Plot.

import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const INPUTS = ["notebooks", "seeds", "src"];

/**
 * Every file under dir (relative to base), sorted, leaving out our own temporaries.
 * @param {string} dir @param {string} base @returns {string[]}
 */
export function files(dir, base) {
  let names;
  try {
    names = readdirSync(join(base, dir), { withFileTypes: true });
  } catch {
    return [];
  }
  return names
    .filter((e) => !/\.tmp-\d+$/.test(e.name))
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name), base) : e.isFile() ? [join(dir, e.name)] : []))
    .sort();
}

/**
 * @param {string} root
 * @param {unknown} options the build options that shape its output
 * @returns {string}
 */
export function fingerprint(root, options) {
  const hash = createHash("sha256");
  hash.update(JSON.stringify(options));
  hashFiles(hash, root, [...INPUTS.flatMap((d) => files(d, root)), "package-lock.json"]);
  return hash.digest("hex");
}

/**
 * Adds each file's name and bytes to a hash ("missing" for one that is gone).
 * @param {import("node:crypto").Hash} hash @param {string} root @param {string[]} list
 */
export function hashFiles(hash, root, list) {
  for (const file of list) {
    hash.update(`\0${file}\0`);
    try {
      hash.update(readFileSync(join(root, file)));
    } catch {
      hash.update("missing");
    }
  }
}

/**
 * The options that shape a build's output, the same however they were typed.
 * @param {{ root: string, out: string, formats: string[], names: string[] }} o
 */
export function buildKey(o) {
  return { names: o.names, out: relative(o.root, resolve(o.root, o.out)), formats: [...o.formats].sort() };
}

/** @param {string} root */
export function statePath(root) {
  return join(root, ".cache", "build-state.json");
}

/**
 * @typedef {{ path: string, size: number, mtimeMs: number, sha256?: string }} Output
 * @typedef {{ fingerprint: string, outputs: Output[], folders: Record<string, string[]>, charts: string[], tables: number, notebooks: number }} BuildState
 */

/**
 * The state of the last successful build, when its inputs are the same as now
 * and every file it wrote is still there, untouched; otherwise null.
 * @param {string} root @param {unknown} options @returns {BuildState | null}
 */
export function unchangedSince(root, options) {
  /** @type {BuildState} */
  let state;
  try {
    state = JSON.parse(readFileSync(statePath(root), "utf8"));
  } catch {
    return null;
  }
  if (state.fingerprint !== fingerprint(root, options)) return null;
  // A temporary file means a build was killed half way: let a real build clean up.
  for (const dir of new Set(state.outputs.map((o) => dirname(o.path)))) {
    try {
      if (readdirSync(join(root, dir)).some((n) => /\.tmp-\d+$/.test(n))) return null;
    } catch {
      return null;
    }
  }
  // A file added to charts/ or data/ (a notebook writing there itself, say) is for a real build to sweep.
  for (const [dir, names] of Object.entries(state.folders ?? {})) {
    if (owned(join(root, dir)).join("\n") !== names.join("\n")) return null;
  }
  for (const o of state.outputs) {
    try {
      const path = join(root, o.path);
      const s = statSync(path);
      if (s.size !== o.size || s.mtimeMs !== o.mtimeMs) return null;
      // Contents too, where hashing is cheap: an edit that keeps the size and the time is still an edit.
      if (o.sha256 && createHash("sha256").update(readFileSync(path)).digest("hex") !== o.sha256) return null;
    } catch {
      return null;
    }
  }
  return state;
}

/**
 * The names in a folder the build owns (charts/, data/), sorted: everything
 * but dotfiles, the tests' *-changed.svg and our own temporaries.
 * @param {string} dir @returns {string[]}
 */
export function owned(dir) {
  try {
    return readdirSync(dir).filter((n) => !n.startsWith(".") && !/-changed\.svg$/.test(n) && !/\.tmp-\d+$/.test(n)).sort();
  } catch {
    return [];
  }
}
