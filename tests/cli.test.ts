// The command line, run for real in a temporary copy of the project that
// holds the tests' own story (tests/fixtures/story/: notebooks/quake-toll.ts,
// 7 charts, 8 tables, 13 figures), never the user's stories.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BuildReport } from "../src/build/build.ts";
import { SEED, STORY_ROOT } from "./helpers/story.ts";
import { shardOf } from "../src/build/shard.ts";
import { ownNodeModules, tempProject, type TempProject } from "./helpers/temp-project.ts";

const lastLine = (s: string) => s.trimEnd().split("\n").at(-1);
const CHART_IDS = ["death-claims", "deaths-by-province", "province-map", "rescue-workers", "timeline", "locator-map", "distance-by-hand"];

function snapshot(dir: string, folders = ["data", "charts"]): Map<string, { bytes: string; mtime: number }> {
  const files = new Map<string, { bytes: string; mtime: number }>();
  for (const folder of folders) {
    for (const name of readdirSync(join(dir, folder)).sort()) {
      const path = join(dir, folder, name);
      files.set(`${folder}/${name}`, { bytes: readFileSync(path).toString("base64"), mtime: statSync(path).mtimeMs });
    }
  }
  return files;
}

describe("storycharts build, list and check", () => {
  let project: TempProject;
  beforeAll(() => {
    project = tempProject();
  });
  afterAll(() => project.remove());

  it("the project holds the tests' own story, byte for byte, and none of the user's stories in notebooks/", () => {
    for (const folder of ["notebooks", "notebooks/quake-toll", "seeds"]) {
      const names = readdirSync(join(STORY_ROOT, folder)).sort();
      expect(readdirSync(join(project.dir, folder)).sort(), folder).toEqual(names);
      for (const name of names.filter((n) => n.includes("."))) {
        expect(readFileSync(join(project.dir, folder, name)).equals(readFileSync(join(STORY_ROOT, folder, name))), `${folder}/${name}`).toBe(true);
      }
    }
    expect(readdirSync(join(project.dir, "notebooks")).sort()).toEqual(["quake-toll", "quake-toll.ts"]);
    expect(existsSync(join(project.dir, "notebooks", "istanbul-talks.ts"))).toBe(false);
    expect(existsSync(join(project.dir, "data"))).toBe(false);
    expect(existsSync(join(project.dir, "charts"))).toBe(false);
  });

  it("build writes every table and chart, one line per chart, then a summary", () => {
    const r = project.run("build");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    for (const id of CHART_IDS) expect(r.stdout).toMatch(new RegExp(`^written   ${id} \\(drawn, \\d+ ms\\)$`, "m"));
    expect(lastLine(r.stdout)).toMatch(/^build: 7 charts \(7 written, 0 unchanged, 0 failed\), 8 tables, 1 notebook built in \d+\.\d s$/);
    const charts = readdirSync(join(project.dir, "charts")).sort();
    // Each chart's artboards, PNG, embed code and data; the story's figures; the manifest and the gallery.
    expect(charts.length).toBe(7 * 5 + 1 + 2);
    for (const id of CHART_IDS) {
      for (const suffix of [".svg", ".mobile.svg", ".png", ".html", ".csv"]) expect(charts).toContain(`${id}${suffix}`);
    }
    expect(charts).toContain("quake-toll-figures.csv");
    // Another fresh copy, in another folder, builds the same bytes: nothing depends on the path or the moment.
    const other = tempProject();
    try {
      expect(other.run("build", "--quiet").status).toBe(0);
      for (const folder of ["charts", "data"]) {
        const names = readdirSync(join(project.dir, folder)).sort();
        expect(readdirSync(join(other.dir, folder)).sort(), folder).toEqual(names);
        for (const name of names) {
          expect(readFileSync(join(project.dir, folder, name)).equals(readFileSync(join(other.dir, folder, name))), `${folder}/${name}`).toBe(true);
        }
      }
    } finally {
      other.remove();
    }
  });

  it("an unchanged rebuild rewrites nothing: same bytes, same modification times", () => {
    const before = snapshot(project.dir);
    const r = project.run("build");
    expect(r.status).toBe(0);
    for (const id of CHART_IDS) expect(r.stdout).toMatch(new RegExp(`^unchanged ${id} \\(kept, \\d+ ms\\)$`, "m"));
    expect(lastLine(r.stdout)).toMatch(/^build: 7 charts \(0 written, 7 unchanged, 0 failed\), 8 tables, 1 notebook built in/);
    expect(snapshot(project.dir)).toEqual(before);
  });

  it("a build with nothing changed says so without loading the renderer; any change to inputs or outputs makes it build", () => {
    const quick = project.run("build");
    expect(lastLine(quick.stdout)).toMatch(/^build: 7 charts \(0 written, 7 unchanged, 0 failed\), 8 tables, 1 notebook built in \d+\.\d s \(nothing changed since the last build\)$/);
    // An edited seed metadata file is an input: the build runs and finds nothing to write.
    const meta = join(project.dir, "seeds", `${SEED}.meta.json`);
    writeFileSync(meta, `${readFileSync(meta, "utf8").trimEnd()}\n\n`);
    const edited = project.run("build");
    expect(lastLine(edited.stdout)).not.toContain("nothing changed");
    writeFileSync(meta, `${readFileSync(meta, "utf8").trimEnd()}\n`);
    // A published file removed by hand is an output: the build puts it back, as it was.
    const mobile = join(project.dir, "charts", "timeline.mobile.svg");
    const published = readFileSync(mobile, "utf8");
    rmSync(mobile);
    const restored = project.run("build");
    expect(restored.stdout).toMatch(/^written   timeline \(drawn, \d+ ms\)$/m);
    expect(readFileSync(mobile, "utf8")).toBe(published);
  });

  it("build <chart> builds that chart alone and keeps every other chart in the manifest", () => {
    const manifest = readFileSync(join(project.dir, "charts", "manifest.json"), "utf8");
    const r = project.run("build", "distance-by-hand", "--format", "svg");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^unchanged distance-by-hand \((?:drawn|kept), \d+ ms\)$/m);
    expect(r.stdout).not.toMatch(/^unchanged (?!distance-by-hand )/m);
    expect(lastLine(r.stdout)).toMatch(/^build: 1 chart \(0 written, 1 unchanged, 0 failed\)/);
    expect(readFileSync(join(project.dir, "charts", "manifest.json"), "utf8")).toBe(manifest);
  });

  it("build --json prints a machine-readable report and nothing else", () => {
    const r = project.run("build", "death-claims", "--json");
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as BuildReport;
    expect(report.charts.map((c) => [c.id, c.status, c.files])).toEqual([
      ["death-claims", "unchanged", ["death-claims.svg", "death-claims.mobile.svg", "death-claims.png", "death-claims.html", "death-claims.csv", "quake-toll-figures.csv"]],
    ]);
    expect(report.exitCode).toBe(0);
    expect(report.summary).toMatch(/^build: 1 chart/);
  });

  it("build --out DIR writes the charts elsewhere, each chart's data beside it so the folder can be published on its own", () => {
    const r = project.run("build", "--out", "public/graphics", "--format", "svg", "--quiet");
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split("\n").length).toBe(1);
    const manifest = JSON.parse(readFileSync(join(project.dir, "public", "graphics", "manifest.json"), "utf8")) as { charts: { data: string; files: { png: string | null } }[] };
    expect(manifest.charts[0]!.data).toBe("death-claims.csv");
    expect(readFileSync(join(project.dir, "public", "graphics", "death-claims.csv"), "utf8")).toBe(readFileSync(join(project.dir, "data", "death-claims.csv"), "utf8"));
    expect(readFileSync(join(project.dir, "public", "graphics", "death-claims.html"), "utf8")).toContain('<a href="death-claims.csv">Get the data</a>');
    expect(manifest.charts[0]!.files.png).toBeNull();
    expect(existsSync(join(project.dir, "public", "graphics", "death-claims.png"))).toBe(false);
  });

  it("the shards of build --shard i/n, copied together and merged, are the full build byte for byte", () => {
    const merged = join(project.dir, "charts-merged");
    mkdirSync(merged);
    const built: string[] = [];
    for (let i = 1; i <= 4; i++) {
      const out = `charts-shard-${i}`;
      const r = project.run("build", "--shard", `${i}/4`, "--out", out, "--quiet");
      expect(r.status, r.stderr).toBe(0);
      for (const name of readdirSync(join(project.dir, out))) {
        if (name.endsWith(".svg") && !name.includes(".mobile.")) built.push(name);
        cpSync(join(project.dir, out, name), join(merged, name));
      }
    }
    // Every chart is built by exactly one shard.
    expect(built.sort()).toEqual(CHART_IDS.map((id) => `${id}.svg`).sort());
    const m = project.run("merge", "--out", "charts-merged");
    expect(m.status, m.stderr).toBe(0);
    expect(lastLine(m.stdout)).toBe("merge: 7 charts from 4 shards into charts-merged/manifest.json and charts-merged/index.html");
    const full = join(project.dir, "charts");
    expect(readdirSync(merged).sort()).toEqual(readdirSync(full).sort());
    for (const name of readdirSync(merged)) {
      expect(readFileSync(join(merged, name)).equals(readFileSync(join(full, name))), name).toBe(true);
    }
  });

  it("merge refuses a shard whose build failed a chart, and merges once that shard is built again", () => {
    const folder = join(project.dir, "charts-short");
    mkdirSync(folder);
    const owner = shardOf("timeline", 2);
    for (const i of [1, 2]) {
      const out = `charts-short-${i}`;
      // The shard that owns the timeline cannot write its SVG: that chart fails, the others are built.
      const r = project.runWith(i === owner ? { STORYCHARTS_FAULT: "write:timeline.svg" } : {}, "build", "--shard", `${i}/2`, "--out", out, "--quiet");
      expect(r.status, r.stderr).toBe(i === owner ? 1 : 0);
      cpSync(join(project.dir, out), folder, { recursive: true });
    }
    const m = project.run("merge", "--out", "charts-short");
    expect(m.status).toBe(1);
    expect(m.stderr).toBe(`charts-short/manifest.shard-${owner}-of-2.json: merge: shard ${owner} of 2 is not whole: its charts timeline failed. ` +
      `Fix what its build printed and run build --shard ${owner}/2 again (nothing was merged)\n`);
    expect(lastLine(m.stdout)).toBe("merge: nothing written");
    expect(existsSync(join(folder, "manifest.json"))).toBe(false);
    expect(existsSync(join(folder, "index.html"))).toBe(false);
    // Built again without the fault, the shard is whole and the merge lists every chart.
    const again = project.run("build", "--shard", `${owner}/2`, "--out", `charts-short-${owner}`, "--quiet");
    expect(again.status, again.stderr).toBe(0);
    cpSync(join(project.dir, `charts-short-${owner}`), folder, { recursive: true });
    const merged = project.run("merge", "--out", "charts-short");
    expect(merged.status, merged.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(folder, "manifest.json"), "utf8")).charts.map((c: { id: string }) => c.id)).toEqual([...CHART_IDS].sort());
  });

  it("merge refuses shards that do not add up to one build: a shard twice, shards of different notebooks, a chart missing, files put over a shard's own", () => {
    // The four shards built by the byte-for-byte test, copied into a folder and changed one way each time.
    const attempt = (name: string, change: (folder: string) => void) => {
      const folder = join(project.dir, name);
      mkdirSync(folder);
      for (let i = 1; i <= 4; i++) cpSync(join(project.dir, `charts-shard-${i}`), folder, { recursive: true });
      change(folder);
      const m = project.run("merge", "--out", name);
      expect(m.status).toBe(1);
      expect(lastLine(m.stdout)).toBe("merge: nothing written");
      expect(existsSync(join(folder, "manifest.json"))).toBe(false);
      return m.stderr;
    };
    const shardHolding = (folder: string, id: string) => readdirSync(folder).find((n) => /^manifest\.shard-/.test(n) && readFileSync(join(folder, n), "utf8").includes(`"id": "${id}"`))!;
    const edit = (file: string, f: (m: { charts: { id: string }[]; shard: { declared: string[] } }) => void) => {
      const m = JSON.parse(readFileSync(file, "utf8"));
      f(m);
      writeFileSync(file, JSON.stringify(m));
    };
    expect(attempt("charts-twice", (folder) => cpSync(join(folder, "manifest.shard-1-of-4.json"), join(folder, "manifest.shard-01-of-4.json"))))
      .toContain("a merge needs every shard of one split, each once (1 to 4 of 4)");
    expect(attempt("charts-other-notebooks", (folder) => edit(join(folder, "manifest.shard-2-of-4.json"), (m) => m.shard.declared.push("a-chart-added-since"))))
      .toMatch(/^charts-other-notebooks: merge: manifest\.shard-1-of-4\.json and manifest\.shard-2-of-4\.json were built from different notebooks \(a-chart-added-since declared by one and not the other\)\. Build every shard again from the same sources\n$/);
    expect(attempt("charts-lacking", (folder) => {
      const file = join(folder, shardHolding(folder, "timeline"));
      edit(file, (m) => (m.charts = m.charts.filter((c) => c.id !== "timeline")));
    })).toMatch(/merge: shard \d of 4 does not list its charts timeline\. Run build --shard \d\/4 again\n$/);
    expect(attempt("charts-replaced", (folder) => writeFileSync(join(folder, "timeline.svg"), `${readFileSync(join(folder, "timeline.svg"), "utf8")}<!-- an older drawing -->\n`)))
      .toContain("charts-replaced: merge: the files of timeline here are not the ones their shard drew");
    expect(attempt("charts-path", (folder) => {
      const file = join(folder, shardHolding(folder, "timeline"));
      edit(file, (m) => ((m.charts.find((c) => c.id === "timeline") as unknown as { files: { data: string } }).files.data = "../../etc/passwd"));
    })).toContain("the shard manifests' entries for timeline are not as a build writes them");
  });

  it("merge refuses a shard manifest that does not say what its build left out", () => {
    const folder = join(project.dir, "charts-unsaid");
    mkdirSync(folder);
    writeFileSync(join(folder, "manifest.shard-1-of-1.json"), JSON.stringify({ generator: "storycharts", charts: [] }));
    const m = project.run("merge", "--out", "charts-unsaid");
    expect(m.status).toBe(1);
    expect(m.stderr).toContain("charts-unsaid/manifest.shard-1-of-1.json: merge: it does not say what its build left out");
    expect(m.stderr).toContain("Run build --shard 1/1 again");
    expect(existsSync(join(folder, "manifest.json"))).toBe(false);
  });

  it("list names every chart with its headline and files", () => {
    const r = project.run("list");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("  death-claims\n    About 1,200 dead, at least 1,500, or “hundreds” missing: the counts differ\n    charts/death-claims.svg  charts/death-claims.mobile.svg");
    expect(r.stdout).toContain("  distance-by-hand\n    About 80 km apart, says the article\n    charts/distance-by-hand.svg  charts/distance-by-hand.mobile.svg");
    expect(lastLine(r.stdout)).toBe("list: 7 charts in 1 notebook");
  });

  it("check prints the coverage table and passes", () => {
    const r = project.run("check");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("9:52    410     numeral  figure    deaths-kahramanmaras");
    expect(r.stdout).toContain("13:129  second  ordinal  skipped   names the second quake, dated by the event aftershock");
    expect(r.stdout).toContain("16 numbers in the seed: 9 used by figures, 1 by events, 2 in the dateline, 0 in names, 4 skipped with a reason, 0 unaccounted");
    expect(lastLine(r.stdout)).toBe("check: 1 notebook, 13 figures, 0 problems");
  });

  it("a notebook run on its own prints its checks and tables, and builds its charts (here, nothing new)", () => {
    const r = project.tsx("notebooks/quake-toll.ts");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("13 figures checked: 0 problems");
    expect(r.stdout).toContain("death-claims: Competing claims about the dead and missing");
    for (const id of CHART_IDS) expect(r.stdout).toMatch(new RegExp(`^unchanged ${id} \\(kept, \\d+ ms\\)$`, "m"));
    expect(lastLine(r.stdout)).toMatch(/^build: 7 charts \(0 written, 7 unchanged, 0 failed\), 8 tables, 1 notebook built in \d+\.\d s$/);
  });

  it("a quote not in the seed fails check and build with one line each, and every published file stays as it was", () => {
    const file = join(project.dir, "notebooks", "quake-toll.ts");
    const good = readFileSync(file, "utf8");
    const edited = good.replace("at least 1,500 people had died.", "at least 1,500 people had died!");
    expect(edited).not.toBe(good);
    writeFileSync(file, edited);
    try {
      const before = snapshot(project.dir);
      const check = project.run("check", "--quiet");
      expect(check.status).toBe(1);
      expect(check.stderr).toContain(`notebooks/quake-toll.ts: figure deaths-red-crescent: the quote is not in seeds/${SEED}.txt; the nearest passage is "The Turkish Red Crescent said at least 1,500 people had died."`);
      expect(lastLine(check.stdout)).toBe("check: 1 notebook, 13 figures, 1 problem");

      const build = project.run("build");
      expect(build.status).toBe(1);
      expect(build.stderr).toContain("notebooks/quake-toll.ts: failed with 1 problem; its published files are left as they were");
      expect(lastLine(build.stdout)).toMatch(/^build: 0 charts \(0 written, 0 unchanged, 0 failed\), 0 tables, 0 notebooks built, 1 failed in/);
      expect(snapshot(project.dir)).toEqual(before);
    } finally {
      writeFileSync(file, good);
    }
  });

  it("runs compiled JavaScript, compiles again after an edit, and builds the same bytes as the TypeScript", () => {
    const compiledDirs = () => readdirSync(join(project.dir, ".cache", "js")).filter((n) => existsSync(join(project.dir, ".cache", "js", n, "done")));
    const before = compiledDirs();
    expect(before.length).toBeGreaterThan(0);
    const charts = join(project.dir, "notebooks", "quake-toll", "charts.ts");
    const original = readFileSync(charts, "utf8");
    writeFileSync(charts, original.replace("people, the most of any province`", "people, more than any other province`"));
    try {
      const compiledRun = project.run("build", "deaths-by-province", "--out", "compiled", "--format", "svg");
      expect(compiledRun.status, compiledRun.stderr).toBe(0);
      expect(compiledDirs().filter((n) => !before.includes(n)).length).toBe(1);
      const tsRun = project.runWith({ STORYCHARTS_TYPESCRIPT: "1" }, "build", "deaths-by-province", "--out", "typescript", "--format", "svg");
      expect(tsRun.status, tsRun.stderr).toBe(0);
      const compiledSvg = readFileSync(join(project.dir, "compiled", "deaths-by-province.svg"), "utf8");
      expect(compiledSvg).toContain("Hatay lost 640 people, more than any other province");
      expect(readFileSync(join(project.dir, "typescript", "deaths-by-province.svg"), "utf8")).toBe(compiledSvg);
    } finally {
      writeFileSync(charts, original);
      rmSync(join(project.dir, "compiled"), { recursive: true, force: true });
      rmSync(join(project.dir, "typescript"), { recursive: true, force: true });
    }
  });

  it("the compiled CLI imports Plot, d3, Arquero, opentype.js and jsdom from one vendor folder, and without it builds the same bytes from node_modules", () => {
    const compiledCode = (dir: string) => {
      const cache = join(dir, ".cache", "js");
      const newest = readdirSync(cache).filter((n) => /^[0-9a-f]{16}$/.test(n) && existsSync(join(cache, n, "done"))).sort((a, b) => statSync(join(cache, b)).mtimeMs - statSync(join(cache, a)).mtimeMs)[0]!;
      return readdirSync(join(cache, newest)).filter((n) => n.endsWith(".mjs")).map((n) => readFileSync(join(cache, newest, n), "utf8")).join("\n");
    };
    const build = (dir: string) => spawnSync(process.execPath, [join(dir, "src", "bin.mjs"), "build", "deaths-by-province", "--out", "vendor-check", "--format", "svg"], { cwd: dir, encoding: "utf8" });
    expect(build(project.dir).status).toBe(0);
    const code = compiledCode(project.dir);
    // Kept beside the packages, so every project on one node_modules (and each test's folder) bundles them once.
    const plot = /from "file:\/\/(\/[^"]*\/node_modules\/\.cache\/storycharts\/vendor-[0-9a-f]{16})\/observablehq-plot\.mjs"/.exec(code);
    expect(plot, "Plot imported from the vendor folder").not.toBeNull();
    const vendor = plot![1]!;
    expect(JSON.parse(readFileSync(join(vendor, "vendored.json"), "utf8"))).toEqual(expect.arrayContaining(["@observablehq/plot", "d3", "arquero", "topojson-client", "opentype.js", "jsdom", "d3-time", "d3-array"]));
    expect(code).toContain(`"file://${vendor}/jsdom.mjs"`);
    expect(code).not.toMatch(/from "(@observablehq\/plot|d3|arquero|opentype\.js|jsdom)"/);
    const bundled = readFileSync(join(project.dir, "vendor-check", "deaths-by-province.svg"), "utf8");
    rmSync(join(project.dir, "vendor-check"), { recursive: true, force: true });

    // A project with a node_modules of its own (each package a link to the same files), whose vendor
    // folder failed to build: its compiled code imports the packages from node_modules, and draws the same bytes.
    const own = tempProject();
    try {
      const modules = ownNodeModules(own);
      const stamps = () => (existsSync(join(modules, ".cache", "storycharts")) ? readdirSync(join(modules, ".cache", "storycharts")) : []);
      expect(build(own.dir).status).toBe(0);
      const ownVendor = stamps().find((n) => /^vendor-[0-9a-f]{16}$/.test(n))!;
      expect(ownVendor, "a vendor folder beside its own packages").toBeDefined();
      rmSync(join(modules, ".cache", "storycharts", ownVendor), { recursive: true });
      writeFileSync(join(modules, ".cache", "storycharts", `${ownVendor}.failed`), "");
      // Its compiled code and its last build's record gone, as on a first build.
      rmSync(join(own.dir, ".cache"), { recursive: true });
      rmSync(join(own.dir, "vendor-check"), { recursive: true });
      const fallback = build(own.dir);
      expect(fallback.status, fallback.stderr).toBe(0);
      expect(compiledCode(own.dir)).toMatch(/from "@observablehq\/plot"/);
      expect(readFileSync(join(own.dir, "vendor-check", "deaths-by-province.svg"), "utf8")).toBe(bundled);
    } finally {
      own.remove();
    }
  });

  it("a notebook that throws is reported with its line, and the other notebooks still build", () => {
    const broken = join(project.dir, "notebooks", "broken.ts");
    writeFileSync(broken, 'export const ready = false;\nthrow new Error("the reporter is still typing");\n');
    try {
      const r = project.run("build", "--format", "svg");
      expect(r.status).toBe(1);
      expect(r.stderr).toContain("notebooks/broken.ts: line 2: the notebook failed to load: the reporter is still typing. Fix the error, then run the build again");
      expect(lastLine(r.stdout)).toMatch(/^build: 7 charts \(0 written, 7 unchanged, 0 failed\), 8 tables, 1 notebook built, 1 failed in/);
    } finally {
      rmSync(broken);
    }
  });

  it("one parser for every path: a missing value, a value for a switch and an impossible date exit 2, built or not", () => {
    // A build first, so that the quick "nothing changed" path would answer if it read the line differently.
    expect(project.run("build", "--format", "svg", "--quiet").status).toBe(0);
    const cases: [string[], string][] = [
      [["build", "--root"], "storycharts: --root needs a value"],
      [["build", "--out"], "storycharts: --out needs a value"],
      [["build", "--out", "--quiet"], "storycharts: --out needs a value"],
      [["build", "--quiet=no"], "storycharts: --quiet takes no value"],
      [["build", "--format", "svg", "--port", "1"], "storycharts: unknown option --port for build"],
      [["new", "x", "--seed", "a.txt", "--date", "2025-02-30"], 'storycharts: --date takes a day of the calendar as YYYY-MM-DD, not "2025-02-30"'],
    ];
    for (const [args, message] of cases) {
      const r = project.run(...args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr, args.join(" ")).toContain(message);
    }
    const version = project.run("--version");
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^storycharts \d+\.\d+\.\d+$/);
    expect(project.run("-v").stdout).toBe(version.stdout);
    const h = project.run("build", "-h");
    expect(h.status).toBe(0);
    expect(h.stdout).toContain("Usage: storycharts build");
  });

  it("unknown commands, options and names exit 2 with usage", () => {
    const command = project.run("publish");
    expect(command.status).toBe(2);
    expect(command.stderr).toContain('storycharts: unknown command "publish"');
    const option = project.run("build", "--fast");
    expect(option.status).toBe(2);
    expect(option.stderr).toContain("storycharts: unknown option --fast for build");
    expect(option.stderr).toContain("Usage: storycharts build");
    const format = project.run("build", "--format", "gif");
    expect(format.status).toBe(2);
    expect(format.stderr).toContain('--format takes svg or svg,png (SVG is always written), not "gif"');
    const name = project.run("build", "no-such-chart");
    expect(name.status).toBe(2);
    expect(name.stderr).toContain('storycharts: "no-such-chart" is neither a notebook nor a chart');
  });

  it("--help works on every command", () => {
    for (const command of ["build", "check", "list", "watch", "preview", "merge"]) {
      const r = project.run(command, "--help");
      expect(r.status, command).toBe(0);
      expect(r.stdout).toContain(`Usage: storycharts ${command}`);
    }
    expect(project.run("--help").stdout).toContain("Commands:");
  });
});

describe("storycharts watch and preview", () => {
  let project: TempProject;
  beforeAll(() => {
    project = tempProject();
    expect(project.run("build", "--format", "svg", "--quiet").status).toBe(0);
  });
  afterAll(() => project.remove());

  it("watch rebuilds a notebook on save, reports a syntax error and goes on, and recovers on the next good save", async () => {
    const watch = project.start("watch");
    try {
      await watch.waitFor(/waiting for changes/);
      const charts = join(project.dir, "notebooks", "quake-toll", "charts.ts");
      const notebook = join(project.dir, "notebooks", "quake-toll.ts");
      const good = readFileSync(notebook, "utf8");

      let from = watch.output().length;
      writeFileSync(charts, readFileSync(charts, "utf8").replace("people, the most of any province`", "people, more than any other province`"));
      const saved = Date.now();
      await watch.waitFor(/^build: .*$/m, 20_000, from);
      const latency = Date.now() - saved;
      expect(watch.output().slice(from)).toMatch(/^written   deaths-by-province \(drawn, \d+ ms\)$/m);
      // Only the chart the save touched is drawn: the others' files are kept as they are.
      for (const id of CHART_IDS.filter((c) => c !== "deaths-by-province")) expect(watch.output().slice(from)).toMatch(new RegExp(`^unchanged ${id} \\(kept, \\d+ ms\\)$`, "m"));
      expect(readFileSync(join(project.dir, "charts", "deaths-by-province.svg"), "utf8")).toContain("Hatay lost 640 people, more than any other province");
      console.log(`watch: save to charts written in ${latency} ms`);

      // The next save is built by the same warm process: a second edit to a file the notebook imports is seen too.
      from = watch.output().length;
      writeFileSync(charts, readFileSync(charts, "utf8").replace("people, more than any other province`", "people, the worst toll of any province`"));
      await watch.waitFor(/^build: .*$/m, 20_000, from);
      expect(readFileSync(join(project.dir, "charts", "deaths-by-province.svg"), "utf8")).toContain("Hatay lost 640 people, the worst toll of any province");

      from = watch.output().length;
      writeFileSync(notebook, `${good}\nconst broken = ;\n`);
      await watch.waitFor(/notebooks\/quake-toll\.ts: line \d+, column \d+: the notebook failed to load: syntax error: Unexpected ";"/, 20_000, from);
      await watch.waitFor(/waiting for changes/, 20_000, from);

      from = watch.output().length;
      writeFileSync(notebook, good);
      await watch.waitFor(/^build: 7 charts \(0 written, 7 unchanged, 0 failed\)/m, 20_000, from);
    } finally {
      expect(await watch.stop()).toBe(0);
    }
    expect(watch.output()).toContain("watch: stopped");
  });

  it("preview serves the gallery on 127.0.0.1 and tells the open page which charts a rebuild changed", async () => {
    const preview = project.start("preview", "--port", "0");
    try {
      const [, url] = await preview.waitFor(/preview: serving (http:\/\/127\.0\.0\.1:\d+\/charts\/)/);
      const page = await fetchText(url!);
      expect(page).toContain("<title>storycharts gallery</title>");
      expect(page).toContain('new EventSource("/__storycharts/events")');
      expect(await fetchText(`${url}death-claims.svg`)).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      expect(await fetchText(`${url}../data/places.csv`)).toMatch(/^place,lat,lon,km,figure_id\n/);

      const events = listen(new URL("/__storycharts/events", url).href);
      await events.connected;
      // One chart's words edited: the page is told to show that chart anew, and no other.
      const charts = join(project.dir, "notebooks", "quake-toll", "charts.ts");
      writeFileSync(charts, readFileSync(charts, "utf8").replace("People killed, by province, according", "People killed in each province, according"));
      expect(await events.message).toBe(JSON.stringify({ charts: ["deaths-by-province"] }));
      events.close();
    } finally {
      expect(await preview.stop()).toBe(0);
    }
  });
});

function fetchText(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      let body = "";
      res.on("data", (d: Buffer) => (body += d.toString()));
      res.on("end", () => (res.statusCode === 200 ? resolve(body) : reject(new Error(`${url}: HTTP ${res.statusCode}`))));
    }).on("error", reject);
  });
}

function listen(url: string) {
  let connected!: () => void;
  let told!: (data: string) => void;
  const result = {
    connected: new Promise<void>((r) => (connected = r)),
    /** The first event's data. */
    message: new Promise<string>((r) => (told = r)),
    close: () => request.destroy(),
  };
  const request = get(url, (res) => {
    res.on("data", (d: Buffer) => {
      const text = d.toString();
      if (text.includes(": connected")) connected();
      const data = /^data: (.*)$/m.exec(text);
      if (data) told(data[1]!);
    });
  });
  return result;
}
