// Loads a CommonJS bundle with V8's code cache. jsdom is some 1,100 files that
// Node would find, read and compile one by one on every start (about 0.45 s
// here); bundled into one file (see compile.mjs) and loaded with the code V8
// compiled last time, the same package starts in about 0.2 s. The cache is
// V8's own format: V8 checks it against its version, its flags and the
// source's length, and refuses one that does not match, when the file is
// compiled as it would be without a cache and a new cache is written as the
// process exits. Plain JavaScript: the compiled CLI imports it from where it is.

import { createHash } from "node:crypto";
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { Script } from "node:vm";

/**
 * The module.exports of the CommonJS file, run as Node would run it (its own
 * require, module, __filename and __dirname), compiled from the code cache
 * beside it when V8 accepts that.
 * @param {string} file
 * @returns {unknown}
 */
export function loadCommonJs(file) {
  const source = readFileSync(file, "utf8");
  const cacheFile = `${file}.${cacheKey(file)}.cache`;
  /** @type {Buffer | undefined} */
  let cached;
  try {
    cached = readFileSync(cacheFile);
  } catch {
    cached = undefined; // the first start with these flags: written when this process exits
  }
  // The wrapper opens on the file's first line, so that every line number in a stack is the file's own.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData: cached });
  if (cached === undefined || script.cachedDataRejected) {
    // At exit, the functions this run compiled are in the cache too, not only the file's top level.
    process.once("exit", () => writeCache(cacheFile, script));
  }
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}

/**
 * The file's size and time, Node's version and the flags it runs with. V8
 * checks a cache against the source's length, not its text, so a file edited
 * to the same length must not find its old cache; and V8 refuses a cache made
 * under other flags (a heap size among them), so each set keeps its own.
 * @param {string} file
 */
function cacheKey(file) {
  const { size, mtimeMs } = statSync(file);
  return createHash("sha256").update(`${size}\0${mtimeMs}\0${process.version}\0${process.arch}\0${process.execArgv.join("\0")}\0${process.env.NODE_OPTIONS ?? ""}`).digest("hex").slice(0, 12);
}

/** @param {string} file @param {Script} script */
function writeCache(file, script) {
  const temporary = `${file}.tmp-${process.pid}`;
  try {
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, file);
  } catch {
    // A read-only or full disk: the next start compiles as this one did.
    rmSync(temporary, { force: true });
  }
}
