// Loads a CommonJS bundle with V8's code cache. jsdom is some 1,100 files that
// Node would find, read and compile one by one on every start (about 0.45 s
// here); bundled into one file (see compile.mjs) and loaded with the code V8
// compiled last time, the same package starts in about 0.2 s. The cache is
// V8's own format: V8 checks it against its version, its flags and the
// source's length, and refuses one that does not match, when the file is
// compiled as it would be without a cache and a new cache is written as the
// process exits. V8 does not check the rest (its checksum is checked only in
// V8's debug builds): a cache damaged past its header is run as it is, and
// Node dies in V8 (a fatal error or a segmentation fault) on every start until
// the file is deleted. So the file begins with the CRC-32 of V8's bytes, and a
// cache whose bytes do not match it is not given to V8: it is written anew.
// Plain JavaScript: the compiled CLI imports it from where it is.

import { createHash } from "node:crypto";
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { Script } from "node:vm";
import { crc32 } from "node:zlib";

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
    cached = checked(readFileSync(cacheFile));
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

/** Bytes before V8's: the CRC-32 of V8's bytes. */
const CHECK = 4;

/**
 * V8's bytes of a cache file, or undefined when they are not the bytes that
 * were written (a damaged disk, a copy cut short, an edit).
 * @param {Buffer} file @returns {Buffer | undefined}
 */
function checked(file) {
  if (file.length <= CHECK) return undefined;
  const data = file.subarray(CHECK);
  return file.readUInt32BE(0) === crc32(data) ? data : undefined;
}

/** @param {string} file @param {Script} script */
function writeCache(file, script) {
  const temporary = `${file}.tmp-${process.pid}`;
  try {
    const data = script.createCachedData();
    const check = Buffer.alloc(CHECK);
    check.writeUInt32BE(crc32(data), 0);
    writeFileSync(temporary, Buffer.concat([check, data]));
    renameSync(temporary, file);
  } catch {
    // A read-only or full disk: the next start compiles as this one did.
    rmSync(temporary, { force: true });
  }
}
