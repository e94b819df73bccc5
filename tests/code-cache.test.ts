// code-cache.mjs: a CommonJS bundle loaded with V8's code cache. Each case runs
// in its own Node process, as a build does: the cache is written when a
// process exits, taken by the next, and refused (then written anew) when it
// does not fit the file or Node's flags.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const loader = fileURLToPath(new URL("../src/build/code-cache.mjs", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "storycharts-code-cache-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bundle = join(dir, "bundle.cjs");
writeFileSync(bundle, [
  "const path = require(\"node:path\");",
  "function area(w, h) { return w * h; }",
  "exports.area = area;",
  "exports.where = path.basename(__dirname) + \"/\" + path.basename(__filename);",
  "exports.line = new Error().stack.split(\"\\n\")[1].match(/:(\\d+):\\d+\\)?$/)[1];",
  "module.exports.same = module.exports === exports;",
].join("\n"));

/** Loads the bundle in a new process; what it exported, and whether V8 took the cache. */
function load(flags: string[] = []): { exports: Record<string, unknown>; caches: string[] } {
  const script = `import { loadCommonJs } from ${JSON.stringify(`file://${loader}`)};
const m = loadCommonJs(${JSON.stringify(bundle)});
console.log(JSON.stringify({ area: m.area(3, 4), where: m.where, line: m.line, same: m.same }));`;
  const r = spawnSync(process.execPath, [...flags, "--input-type=module", "-e", script], { encoding: "utf8" });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return { exports: JSON.parse(r.stdout) as Record<string, unknown>, caches: readdirSync(dir).filter((n) => n.endsWith(".cache")).sort() };
}

describe("a CommonJS bundle loaded with V8's code cache", () => {
  it("runs as Node runs it: its require, exports, module, __dirname, __filename and line numbers", () => {
    const first = load();
    expect(first.exports).toEqual({ area: 12, where: `${dir.split("/").pop()}/bundle.cjs`, line: "5", same: true });
  });

  it("writes a cache as the first process exits, and the next takes it without writing again", () => {
    const { caches } = load();
    expect(caches).toHaveLength(1);
    const cache = join(dir, caches[0]!);
    const written = readFileSync(cache);
    expect(written.length).toBeGreaterThan(0);
    // V8 takes the cache: the process does not write it again, so the file is the same bytes and time.
    const before = readdirSync(dir).length;
    expect(load().exports.area).toBe(12);
    expect(readFileSync(cache)).toEqual(written);
    expect(readdirSync(dir).length).toBe(before);
  });

  it("a damaged cache is refused, the file still loads, and a good cache is written in its place", () => {
    const { caches } = load();
    const cache = join(dir, caches[0]!);
    const good = readFileSync(cache);
    writeFileSync(cache, Buffer.from("not a cache at all"));
    expect(load().exports.area).toBe(12);
    expect(readFileSync(cache).length).toBe(good.length);
  });

  it("a cache damaged past V8's header (which V8 does not check) is not run: the file loads, and a good cache is written in its place", () => {
    const { caches } = load();
    const cache = join(dir, caches[0]!);
    const good = readFileSync(cache);
    // Every byte after the first 64 inverted, the length kept: V8's header (version, flags, source length) still fits.
    const damaged = Buffer.from(good);
    for (let i = 64; i < damaged.length; i++) damaged[i] = damaged[i]! ^ 0xff;
    writeFileSync(cache, damaged);
    // Given to V8, Node dies in its deserializer (a fatal error, or a segmentation fault) on every start.
    expect(load().exports.area).toBe(12);
    expect(readFileSync(cache)).not.toEqual(damaged);
    expect(load().exports.area).toBe(12);
  });

  it("another set of Node flags (a heap size) keeps a cache of its own, since V8 refuses one made under other flags", () => {
    const before = load().caches;
    const after = load(["--max-old-space-size=1024"]).caches;
    expect(after.length).toBe(before.length + 1);
    expect(load(["--max-old-space-size=1024"]).caches).toEqual(after);
  });

  it("a bundle edited to the same length is not run from its old cache (V8 checks only the length)", () => {
    load();
    writeFileSync(bundle, readFileSync(bundle, "utf8").replace("return w * h;", "return w + h;"));
    expect(load().exports.area).toBe(7);
  });
});
