// The compiled CLI's vendor folder (node_modules/.cache/storycharts/vendor-<stamp>/,
// see src/build/compile.mjs): what a newsroom's notebook imports must behave
// as it does from node_modules, and a folder that is gone must be built again.
// The project has a node_modules of its own, so that removing its vendor folder
// leaves the one the other tests share alone.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownNodeModules, tempProject, type TempProject } from "./helpers/temp-project.ts";

describe("the compiled CLI's vendor bundle", () => {
  let project: TempProject;
  let modules: string;
  beforeAll(() => {
    project = tempProject();
    modules = ownNodeModules(project);
  });
  afterAll(() => project.remove());

  const cache = () => join(modules, ".cache", "storycharts");
  /** Runs list once compile.mjs has changed (a change of how the bundles are made), checks, then puts it back. */
  const listWithCompileChanged = (check: () => void) => {
    const file = join(project.dir, "src", "build", "compile.mjs");
    const original = readFileSync(file, "utf8");
    try {
      writeFileSync(file, `${original}\n// a change to how the bundles are made, ${Date.now()}\n`);
      expect(project.run("list").status).toBe(0);
      check();
    } finally {
      writeFileSync(file, original);
    }
  };
  const svg = (out: string, id: string) => readFileSync(join(project.dir, out, `${id}.svg`), "utf8");

  it("a vendor folder removed after the compile (node_modules/.cache cleared by hand or by another tool) is built again, not imported from where it was", () => {
    const first = project.run("build", "deaths-by-province", "--out", "vendor-gone-1", "--format", "svg");
    expect(first.status, first.stderr).toBe(0);
    const vendor = readdirSync(cache()).find((n) => /^vendor-[0-9a-f]{16}$/.test(n))!;
    expect(vendor).toBeDefined();
    rmSync(join(cache(), vendor), { recursive: true });
    // The sources are unchanged: the compiled CLI from the first build is the one this run finds.
    const again = project.run("build", "deaths-by-province", "--out", "vendor-gone-2", "--format", "svg");
    expect(again.stderr).not.toMatch(/ERR_MODULE_NOT_FOUND/);
    expect(again.status, again.stderr).toBe(0);
    expect(svg("vendor-gone-2", "deaths-by-province")).toBe(svg("vendor-gone-1", "deaths-by-province"));
    const list = project.run("list");
    expect(list.status, list.stderr).toBe(0);
  });

  it("another install (npm's record of node_modules changed: a dependency of Plot's updated alone) bundles anew", () => {
    expect(project.run("build", "deaths-by-province", "--out", "vendor-install-1", "--format", "svg").status).toBe(0);
    const before = readdirSync(cache()).filter((n) => /^vendor-[0-9a-f]{16}$/.test(n));
    // The record is the project's own copy, not a link to the shared one.
    const record = join(modules, ".package-lock.json");
    const text = readFileSync(record, "utf8");
    rmSync(record);
    writeFileSync(record, text.replace(/"node_modules\/d3-array": \{\s*"version": "([^"]+)"/, (m, v: string) => m.replace(v, `${v}-patched`)));
    expect(readFileSync(record, "utf8")).not.toBe(text);
    expect(project.run("build", "deaths-by-province", "--out", "vendor-install-2", "--format", "svg").status).toBe(0);
    const after = readdirSync(cache()).filter((n) => /^vendor-[0-9a-f]{16}$/.test(n));
    expect(after.filter((n) => !before.includes(n))).toHaveLength(1);
    expect(svg("vendor-install-2", "deaths-by-province")).toBe(svg("vendor-install-1", "deaths-by-province"));
  });

  it("a change to the code that makes the bundles (compile.mjs) makes them anew", () => {
    expect(project.run("list").status).toBe(0);
    const vendors = () => readdirSync(cache()).filter((n) => /^vendor-[0-9a-f]{16}$/.test(n));
    const before = vendors();
    listWithCompileChanged(() => expect(vendors().filter((n) => !before.includes(n))).toHaveLength(1));
  });

  it("a new vendor folder removes those no run has used for a week, and keeps one in use", () => {
    expect(project.run("list").status).toBe(0);
    const vendors = () => readdirSync(cache()).filter((n) => n.startsWith("vendor-")).sort();
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3600_000);
    // Every folder so far last used long ago, until a run uses one again: that one is in use.
    const real = vendors().filter((n) => /^vendor-[0-9a-f]{16}$/.test(n));
    for (const name of real) utimesSync(join(cache(), name, "done"), eightDaysAgo, eightDaysAgo);
    expect(project.run("list").status).toBe(0);
    const inUse = real.filter((n) => statSync(join(cache(), n, "done")).mtimeMs > eightDaysAgo.getTime());
    expect(inUse).toHaveLength(1);
    const folder = (name: string, used: Date, done = true) => {
      mkdirSync(join(cache(), name), { recursive: true });
      if (done) writeFileSync(join(cache(), name, "done"), "");
      utimesSync(join(cache(), name, done ? "done" : ""), used, used);
    };
    folder("vendor-0000000000000002.tmp-99999999", eightDaysAgo, false);
    writeFileSync(join(cache(), "vendor-0000000000000003.failed"), "");
    utimesSync(join(cache(), "vendor-0000000000000003.failed"), eightDaysAgo, eightDaysAgo);
    // Used yesterday (another checkout or Node version sharing this node_modules), and a folder not storycharts' own.
    folder("vendor-0000000000000004", new Date(Date.now() - 24 * 3600_000));
    folder("vendor-notes-of-another-tool", eightDaysAgo);
    const before = vendors();
    listWithCompileChanged(() => {
      const made = vendors().filter((n) => !before.includes(n));
      expect(made).toHaveLength(1);
      expect(vendors()).toEqual([inUse[0]!, "vendor-0000000000000004", made[0]!, "vendor-notes-of-another-tool"].sort());
    });
    // The folder in use is still whole: the next run uses it as it was.
    expect(project.run("list").status).toBe(0);
    expect(vendors()).toContain(inUse[0]!);
    for (const fake of ["vendor-0000000000000004", "vendor-notes-of-another-tool"]) rmSync(join(cache(), fake), { recursive: true });
  });

  it("list and check never load jsdom, which only drawing needs; a build does", () => {
    // jsdom from node_modules, where a drawing nobody loaded it for would take it, stops the process too.
    const hook = join(project.dir, "no-jsdom.cjs");
    writeFileSync(hook, [
      'const Module = require("node:module");',
      "const load = Module._load;",
      'Module._load = function (request, ...rest) { if (request === "jsdom" || /node_modules[\\\\/]jsdom[\\\\/]/.test(request)) throw new Error("jsdom was loaded"); return load.call(this, request, ...rest); };',
      "",
    ].join("\n"));
    const guarded = (...args: string[]) => project.runWith({ NODE_OPTIONS: `--require ${hook}` }, ...args);
    expect(project.run("list").status).toBe(0);
    // Every vendor folder's: an earlier test made a second.
    const wrappers = readdirSync(cache()).filter((n) => /^vendor-[0-9a-f]{16}$/.test(n)).map((n) => join(cache(), n, "jsdom.mjs"));
    expect(wrappers.length).toBeGreaterThan(0);
    const originals = wrappers.map((w) => readFileSync(w, "utf8"));
    try {
      for (const w of wrappers) writeFileSync(w, 'throw new Error("jsdom was loaded");\n');
      for (const command of ["list", "check"]) {
        const r = guarded(command);
        expect(r.stderr, command).not.toContain("jsdom was loaded");
        expect(r.status, `${command}: ${r.stderr}`).toBe(0);
      }
      const build = project.run("build", "deaths-by-province", "--out", "vendor-no-jsdom", "--format", "svg");
      expect(build.status).not.toBe(0);
      expect(build.stderr).toContain("jsdom was loaded");
    } finally {
      wrappers.forEach((w, i) => writeFileSync(w, originals[i]!));
    }
  });

  it("d3's packages imported by name (d3-time's utcMonth) and topojson-client's default import work as they do from node_modules", () => {
    const file = join(project.dir, "notebooks", "quake-toll.ts");
    const original = readFileSync(file, "utf8");
    const edited = original
      .replace('import * as aq from "arquero";\n', [
        'import * as aq from "arquero";',
        'import * as Plot from "@observablehq/plot";',
        'import { utcMonth } from "d3-time";',
        'import topojson from "topojson-client";',
        "",
      ].join("\n"))
      .replace("  charts,\n", [
        "  charts: {",
        "    ...charts,",
        "    monthly: {",
        '      table: "monthly", kind: "Column chart", headline: "Counts by month", subtitle: "Count per month",',
        "      plot: (data) => ({",
        "        x: { interval: utcMonth, label: null }, y: { grid: true, label: null },",
        '        marks: [Plot.barY(data, { x: (d) => new Date(String(d.month)), y: "n", fill: "#0072B2" }), Plot.ruleY([0])],',
        "      }),",
        "    },",
        "  },",
        "",
      ].join("\n"))
      .replace("  tables: {\n", [
        "  tables: {",
        "    monthly: {",
        '      title: "Monthly", description: "Made up for the test",',
        '      columns: { month: "ISO date", n: "Count", feature: "topojson-client\'s feature, by its type" },',
        "      build: () => aq.from(Array.from({ length: 48 }, (_, i) => ({",
        "        month: new Date(Date.UTC(2021, i, 1)).toISOString().slice(0, 10), n: 10 + (i % 7), feature: typeof topojson.feature,",
        "      }))),",
        "    },",
        "",
      ].join("\n"));
    expect(edited).not.toBe(original);
    try {
      writeFileSync(file, edited);
      const compiled = project.run("build", "monthly", "--out", "vendor-compiled", "--format", "svg");
      expect(compiled.status, compiled.stdout + compiled.stderr).toBe(0);
      const typescript = project.runWith({ STORYCHARTS_TYPESCRIPT: "1" }, "build", "monthly", "--out", "vendor-typescript", "--format", "svg");
      expect(typescript.status, typescript.stdout + typescript.stderr).toBe(0);
      // Plot marks d3-time's own intervals on load; the notebook's utcMonth must be that same object.
      expect(svg("vendor-compiled", "monthly")).toBe(svg("vendor-typescript", "monthly"));
      expect(readFileSync(join(project.dir, "vendor-compiled", "monthly.csv"), "utf8")).toContain(",function\n");
    } finally {
      writeFileSync(file, original);
    }
  });
});

describe("a CommonJS package bundled into one file (jsdom's way)", () => {
  let dir: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "storycharts-cjs-"));
    write("package.json", "{}\n");
    write("node_modules/placed/package.json", JSON.stringify({ name: "placed", main: "index.js", dependencies: { helper: "1.0.0" } }));
    write("node_modules/placed/index.js", 'exports.own = require("./lib/own.js");\nexports.helper = require("helper");\nexports.worker = require.resolve("./lib/worker.js");\n');
    write("node_modules/placed/lib/own.js", "module.exports = __dirname;\n");
    write("node_modules/placed/lib/worker.js", "module.exports = 1;\n");
    write("node_modules/helper/package.json", JSON.stringify({ name: "helper", main: "h.js" }));
    write("node_modules/helper/h.js", "module.exports = __filename;\n");
    // Reached by a path out of its package, where reading the packages first does not look.
    write("node_modules/reaching/package.json", JSON.stringify({ name: "reaching", main: "index.js" }));
    write("node_modules/reaching/index.js", 'exports.beside = require("../../beside/where.js");\n');
    write("beside/where.js", "module.exports = __dirname;\n");
    // require.resolve paths esbuild reads as the string they make, which the text of the file does not hold as one.
    write("node_modules/folded/package.json", JSON.stringify({ name: "folded", main: "index.js" }));
    write("node_modules/folded/index.js", [
      'exports.joined = require.resolve("./lib/" + "worker.js");',
      'exports.commented = require.resolve(/* the worker */ "./lib/worker.js");',
      'exports.escaped = require.resolve("./lib/w\\x6frker.js");',
      "",
    ].join("\n"));
    write("node_modules/folded/lib/worker.js", "module.exports = 1;\n");
    // Files the bundle never takes that cannot be read as files: a link to nothing, a folder named like a script.
    write("node_modules/dangling/package.json", JSON.stringify({ name: "dangling", main: "index.js" }));
    write("node_modules/dangling/index.js", "exports.own = __dirname;\n");
    write("node_modules/dangling/lib/folder/x.txt", "");
    symlinkSync("nowhere.js", join(dir, "node_modules/dangling/lib/gone.js"));
    symlinkSync("folder", join(dir, "node_modules/dangling/lib/folder.js"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Bundled into one folder and read from another, deeper one, as a vendor folder is made beside its place and moved. */
  const bundled = async (name: string) => {
    const esbuild = await import("esbuild");
    const { buildCommonJs } = (await import("../src/build/compile.mjs")) as unknown as {
      buildCommonJs(esbuild: unknown, root: string, name: string, outdir: string, dir: string): Promise<boolean>;
    };
    const written = join(dir, `written-${name}`);
    const out = join(dir, "moved", "deeper", name);
    expect(await buildCommonJs(esbuild, dir, name, written, out)).toBe(true);
    mkdirSync(dirname(out), { recursive: true });
    renameSync(written, out);
    return createRequire(join(out, "x.js"))(join(out, `${name}.cjs`)) as Record<string, string>;
  };

  it("keeps each file's own __dirname and __filename, and a path given to require.resolve, where the files are", async () => {
    const real = realpathSync(dir);
    const placed = await bundled("placed");
    expect(placed.own).toBe(join(real, "node_modules", "placed", "lib"));
    expect(placed.helper).toBe(join(real, "node_modules", "helper", "h.js"));
    expect(placed.worker).toBe(join(real, "node_modules", "placed", "lib", "worker.js"));
  });

  it("keeps them for a file reached from outside the packages it read first, by bundling again", async () => {
    expect((await bundled("reaching")).beside).toBe(join(realpathSync(dir), "beside"));
  });

  it("bundles once for a project reached through a symlink, as for one reached by its own path", async () => {
    const esbuild = await import("esbuild");
    const { buildCommonJs } = (await import("../src/build/compile.mjs")) as unknown as {
      buildCommonJs(esbuild: unknown, root: string, name: string, outdir: string, dir: string): Promise<boolean>;
    };
    const link = join(dir, "..", `${basename(dir)}-link`);
    symlinkSync(dir, link, "dir");
    try {
      const builds: string[] = [];
      const counted = { build: (o: { absWorkingDir: string }) => (builds.push(o.absWorkingDir), esbuild.build(o as never)) };
      const out = join(dir, "written-linked");
      expect(await buildCommonJs(counted, link, "placed", out, out)).toBe(true);
      expect(builds).toEqual([link]);
      expect((createRequire(join(out, "x.js"))(join(out, "placed.cjs")) as Record<string, string>).own).toBe(join(realpathSync(dir), "node_modules", "placed", "lib"));
    } finally {
      rmSync(link);
    }
  });

  it("bundles a package that holds a link to nothing or a folder named like a script, which it does not take", async () => {
    expect((await bundled("dangling")).own).toBe(join(realpathSync(dir), "node_modules", "dangling"));
  });

  it("keeps a require.resolve path that is joined, has a comment before it or an escape in it where the file is", async () => {
    const worker = join(realpathSync(dir), "node_modules", "folded", "lib", "worker.js");
    expect(await bundled("folded")).toEqual({ joined: worker, commented: worker, escaped: worker });
  });
});
