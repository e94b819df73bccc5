// npm run bench: how fast storycharts is, as ratios measured in one run on
// one machine (timings here are noisy; ratios within a run are what hold).
// Writes tests/bench/RESULTS.md. Not part of npm test.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { cpus, freemem, totalmem, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const quick = process.argv.includes("--quick");
const SIZES = quick ? [1, 10, 100] : [1, 10, 100, 1000];
const REPEAT = quick ? 2 : 5;

interface Sample {
  ms: number;
  rssMiB: number;
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Runs a command, returning wall time and peak RSS (from GNU time). */
function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): Sample {
  const started = performance.now();
  const r = spawnSync("/usr/bin/time", ["-f", "__RSS__%M", cmd, ...args], { cwd, encoding: "utf8", env: { ...process.env, ...env } });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  const rss = Number(/__RSS__(\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024;
  return { ms, rssMiB: rss };
}

function stats(samples: Sample[]) {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const median = ms.length % 2 ? ms[(ms.length - 1) / 2]! : (ms[ms.length / 2 - 1]! + ms[ms.length / 2]!) / 2;
  return { median, min: ms[0]!, max: ms.at(-1)!, rss: Math.max(...samples.map((s) => s.rssMiB)), n: samples.length };
}

function repeat(n: number, before: () => void, f: () => Sample): ReturnType<typeof stats> {
  const samples: Sample[] = [];
  for (let i = 0; i < n; i++) {
    before();
    samples.push(f());
  }
  return stats(samples);
}

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), "storycharts-bench-"));
  for (const entry of ["src", "notebooks", "seeds", "package.json", "tsconfig.json"]) cpSync(join(root, entry), join(dir, entry), { recursive: true });
  // A node_modules of its own, each package a link: the vendor folder kept in node_modules/.cache/ is the bench's alone.
  mkdirSync(join(dir, "node_modules"));
  for (const name of readdirSync(join(root, "node_modules")).filter((n) => n !== ".cache")) symlinkSync(join(root, "node_modules", name), join(dir, "node_modules", name));
  mkdirSync(join(dir, "charts"));
  mkdirSync(join(dir, "data"));
  return dir;
}

/** Compiles a fresh project's CLI and notebooks (see compile.mjs) before its builds are timed. */
function compileFirst(dir: string): void {
  spawnSync(process.execPath, ["src/bin.mjs", "list"], { cwd: dir });
}

/**
 * No outputs and no build state; the compiled CLI stays, unless `compiled` is
 * false, and the vendor folder too, unless `vendor` is false (see compile.mjs).
 */
function clean(dir: string, compiled = true, vendor = true): void {
  for (const d of ["charts", "data", ".cache/build-state.json", ".cache/drawn", ".cache/build.lock"]) rmSync(join(dir, d), { recursive: true, force: true });
  if (!compiled) rmSync(join(dir, ".cache"), { recursive: true, force: true });
  if (!vendor) rmSync(join(dir, "node_modules", ".cache"), { recursive: true, force: true });
  mkdirSync(join(dir, "charts"));
  mkdirSync(join(dir, "data"));
}

const SEED = "2025-01-01-bench-report";
const ARTICLE = "Bench report\n\nOfficials said 12 drones were shot down overnight.\n";

/** A project whose only notebook has n charts: bar, dot and timeline in turn. */
function generated(n: number): string {
  const dir = project();
  rmSync(join(dir, "notebooks"), { recursive: true });
  mkdirSync(join(dir, "notebooks"));
  writeFileSync(join(dir, "seeds", `${SEED}.txt`), ARTICLE);
  const sha = spawnSync("sha256sum", [join(dir, "seeds", `${SEED}.txt`)], { encoding: "utf8" }).stdout.split(" ")[0];
  writeFileSync(join(dir, "seeds", `${SEED}.meta.json`), JSON.stringify({
    headline: "Bench report", publisher: "Bench", agency: null, byline: null, credit: "Bench", language: "en",
    published: { date: "2025-01-01", time: null, timezone: null, dateline: "Bench report" }, photo: null, sourceLine: null,
    origin: { file: "bench", sha256: sha },
  }));
  writeFileSync(join(dir, "notebooks", "generated.ts"), `import * as Plot from "@observablehq/plot";
import * as aq from "arquero";
import { notebook } from "../src/index.ts";
import type { ChartSpec } from "../src/index.ts";

const SEED = "${SEED}";
const kinds: ChartSpec["plot"][] = [
  (rows) => ({ marginLeft: 70, marks: [Plot.barX(rows, { x: "value", y: "label", fill: "#0072B2" })] }),
  (rows) => ({ marginLeft: 70, marks: [Plot.dot(rows, { x: "value", y: "label", fill: "#D55E00", r: 5 })] }),
  (rows) => ({ marginLeft: 20, marks: [Plot.ruleY([0]), Plot.dot(rows, { x: (d) => new Date(String(d.date)), y: 0, r: 5 }), Plot.text(rows, { x: (d) => new Date(String(d.date)), y: 0, text: "label", dy: -12 })] }),
];
const charts: Record<string, ChartSpec> = {};
for (let i = 0; i < ${n}; i++) {
  charts[\`gen-\${String(i + 1).padStart(4, "0")}\`] = {
    table: "bench-values", kind: "Chart", headline: \`Generated chart \${["bar", "dot", "timeline"][i % 3]}\`,
    subtitle: "A chart of the benchmark", height: { desktop: 220, mobile: 260 }, plot: kinds[i % 3]!,
  };
}
export default notebook({
  id: "generated", title: "Generated", seeds: [SEED],
  figures: [{ kind: "stated", id: "drones", seed: SEED, quote: "Officials said 12 drones were shot down overnight.", value: 12, unit: "drones", qualifier: "exact", claimant: "Officials", subject: "drones", measure: "shot down" }],
  tables: {
    "bench-values": {
      title: "Values", description: "Benchmark data.", columns: { label: "Label", value: "Value", date: "Date" },
      build: () => aq.table({
        label: ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel"],
        value: [8, 4, 1, 13, 41, 5, 6, 10],
        date: ["2025-05-16", "2025-05-22", "2025-05-30", "2025-06-01", "2025-06-02", "2025-06-05", "2025-06-10", "2025-06-20"],
      }),
    },
  },
  charts,
});
`);
  return dir;
}

const VL_SPECS = {
  bar: { mark: "bar", encoding: { x: { field: "value", type: "quantitative" }, y: { field: "label", type: "nominal" } } },
  dot: { mark: "point", encoding: { x: { field: "value", type: "quantitative" }, y: { field: "label", type: "nominal" } } },
  timeline: { layer: [{ mark: "point", encoding: { x: { field: "date", type: "temporal" } } }, { mark: { type: "text", dy: -12 }, encoding: { x: { field: "date", type: "temporal" }, text: { field: "label" } } }] },
};
const VALUES = [["Alpha", 8, "2025-05-16"], ["Bravo", 4, "2025-05-22"], ["Charlie", 1, "2025-05-30"], ["Delta", 13, "2025-06-01"], ["Echo", 41, "2025-06-02"], ["Foxtrot", 5, "2025-06-05"], ["Golf", 6, "2025-06-10"], ["Hotel", 10, "2025-06-20"]]
  .map(([label, value, date]) => ({ label, value, date }));

function vegaScripts(dir: string): { one: string; each: string } {
  const common = `import * as vega from "vega"; import * as vl from "vega-lite"; import { writeFileSync } from "node:fs";
const specs = ${JSON.stringify(VL_SPECS)}; const values = ${JSON.stringify(VALUES)};
async function draw(kind) {
  const spec = vl.compile({ width: 600, height: 220, data: { values }, ...specs[kind] }).spec;
  const svg = await new vega.View(vega.parse(spec), { renderer: "none" }).toSVG();
  writeFileSync(kind + ".svg", svg);
}`;
  writeFileSync(join(dir, "vl-one.mjs"), `${common}\nfor (const k of Object.keys(specs)) await draw(k);\n`);
  writeFileSync(join(dir, "vl-each.mjs"), `${common}\nawait draw(process.argv[2]);\n`);
  return { one: join(dir, "vl-one.mjs"), each: join(dir, "vl-each.mjs") };
}

/** The edit the watch and one-chart rebuild steps make: one chart's words in the story's notebook. */
const WATCH_EDIT = ['label: () => "Towns taken"', 'label: () => "Towns seized"'] as const;

async function watchLatency(dir: string, saves: number): Promise<ReturnType<typeof stats>> {
  const child = spawn(process.execPath, ["src/bin.mjs", "watch"], { cwd: dir });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const waitFor = (pattern: RegExp, from: number) => new Promise<void>((resolve, reject) => {
    const t0 = Date.now();
    const poll = () => (pattern.test(output.slice(from)) ? resolve() : Date.now() - t0 > 60_000 ? reject(new Error(`watch: no ${pattern}:\n${output}`)) : setTimeout(poll, 5));
    poll();
  });
  await waitFor(/waiting for changes/, 0);
  const file = join(dir, "notebooks", "istanbul-talks", "charts.ts");
  const original = readFileSync(file, "utf8");
  // One chart's words, changed and changed back: a save that must redraw that chart.
  const [before, after] = WATCH_EDIT;
  if (!original.includes(before)) throw new Error(`bench: the watch step edits ${before} in ${file}, which no longer has it: choose another chart's words`);
  const samples: Sample[] = [];
  for (let i = 0; i < saves; i++) {
    const from = output.length;
    writeFileSync(file, i % 2 ? original : original.replace(before, after));
    const t0 = performance.now();
    await waitFor(/^build: .*$/m, from);
    samples.push({ ms: performance.now() - t0, rssMiB: 0 });
    await waitFor(/waiting for changes/, from);
  }
  child.kill("SIGINT");
  writeFileSync(file, original);
  return stats(samples);
}

const fmt = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
const row = (name: string, s: ReturnType<typeof stats>, extra = "") =>
  `| ${name} | ${fmt(s.median)} | ${fmt(s.min)}–${fmt(s.max)} | ${s.n} | ${s.rss ? `${Math.round(s.rss)} MiB` : "—"} | ${extra} |`;

async function main(): Promise<void> {
  const node = process.execPath;
  const bin = ["src/bin.mjs"];
  const story = project();
  log("bench: floors");
  const floor = repeat(REPEAT, () => undefined, () => run(node, ["-e", "0"], root));
  const importFloor = repeat(REPEAT, () => undefined, () => run(node, ["--input-type=module", "-e", "await import('jsdom'); await import('@observablehq/plot');"], root));
  log("bench: the story");
  const coldInstall = repeat(Math.min(REPEAT, 3), () => clean(story, false, false), () => run(node, [...bin, "build", "--format", "svg", "--quiet"], story));
  const coldCompile = repeat(REPEAT, () => clean(story, false), () => run(node, [...bin, "build", "--format", "svg", "--quiet"], story));
  const coldSvg = repeat(REPEAT, () => clean(story), () => run(node, [...bin, "build", "--format", "svg", "--quiet"], story));
  const coldPng = repeat(REPEAT, () => clean(story), () => run(node, [...bin, "build", "--quiet"], story));
  const unchanged = repeat(REPEAT, () => undefined, () => run(node, [...bin, "build", "--quiet"], story));
  const list = repeat(REPEAT, () => undefined, () => run(node, [...bin, "list"], story));
  const nb = join(story, "notebooks", "istanbul-talks.ts");
  const nbText = readFileSync(nb, "utf8");
  let edits = 0;
  const edited = repeat(REPEAT, () => writeFileSync(nb, `${nbText}\n// edit ${++edits}\n`), () => run(node, [...bin, "build", "--quiet"], story));
  writeFileSync(nb, nbText);
  // One chart's words, changed and changed back, as the watch step does: that chart is drawn, the nine others kept.
  const chartsFile = join(story, "notebooks", "istanbul-talks", "charts.ts");
  const chartsText = readFileSync(chartsFile, "utf8");
  let flips = 0;
  const oneChart = repeat(REPEAT, () => writeFileSync(chartsFile, ++flips % 2 ? chartsText.replace(WATCH_EDIT[0], WATCH_EDIT[1]) : chartsText), () => run(node, [...bin, "build", "--quiet"], story));
  writeFileSync(chartsFile, chartsText);
  log("bench: watch");
  const watch = await watchLatency(story, quick ? 3 : 7);

  log("bench: generated charts");
  const sizes: { n: number; s: ReturnType<typeof stats> }[] = [];
  for (const n of SIZES) {
    const dir = generated(n);
    compileFirst(dir);
    sizes.push({ n, s: repeat(n >= 1000 ? 2 : n >= 100 ? 3 : REPEAT, () => clean(dir), () => run(node, [...bin, "build", "--format", "svg", "--quiet"], dir)) });
    rmSync(dir, { recursive: true, force: true });
    log(`bench: ${n} charts done`);
  }
  log("bench: two processes on two cores");
  const parallelN = quick ? 100 : 300;
  const pdir = generated(parallelN);
  compileFirst(pdir);
  const oneProcess = repeat(2, () => clean(pdir), () => run(node, [...bin, "build", "--format", "svg", "--quiet"], pdir));
  // Two shards of the same build, started together, one per core.
  const twoSamples: Sample[] = [];
  for (let i = 0; i < 2; i++) {
    clean(pdir);
    const started = performance.now();
    await Promise.all([1, 2].map((k) => new Promise<void>((resolve, reject) => {
      const c = spawn(node, [...bin, "build", "--format", "svg", "--quiet", "--shard", `${k}/2`, "--out", `charts-${k}`], { cwd: pdir });
      c.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`shard ${k} exited ${code}`))));
    })));
    twoSamples.push({ ms: performance.now() - started, rssMiB: 0 });
  }
  const two = stats(twoSamples);
  rmSync(pdir, { recursive: true, force: true });

  log("bench: Vega-Lite");
  const three = generated(3);
  compileFirst(three);
  const vl = vegaScripts(three);
  const vlOne = repeat(REPEAT, () => undefined, () => run(node, [vl.one], three));
  const vlEach = repeat(REPEAT, () => undefined, () => {
    let ms = 0;
    let rss = 0;
    for (const k of Object.keys(VL_SPECS)) {
      const s = run(node, [vl.each, k], three);
      ms += s.ms;
      rss = Math.max(rss, s.rssMiB);
    }
    return { ms, rssMiB: rss };
  });
  const scOne = repeat(REPEAT, () => clean(three), () => run(node, [...bin, "build", "--format", "svg", "--quiet"], three));
  const scEach = repeat(REPEAT, () => clean(three), () => {
    let ms = 0;
    let rss = 0;
    for (const id of ["gen-0001", "gen-0002", "gen-0003"]) {
      const s = run(node, [...bin, "build", id, "--format", "svg", "--quiet"], three);
      ms += s.ms;
      rss = Math.max(rss, s.rssMiB);
    }
    return { ms, rssMiB: rss };
  });
  rmSync(three, { recursive: true, force: true });
  rmSync(story, { recursive: true, force: true });

  const r = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  const largest = sizes.at(-1)!;
  const perChart = (largest.s.median - importFloor.median) / largest.n;
  const lines = [
    "# Benchmark results",
    "",
    `Written by \`npm run bench\`${quick ? " --quick" : ""} on ${new Date().toISOString().slice(0, 10)}. Medians of repeated runs with min–max, peak RSS from GNU time,`,
    "and ratios measured within this one run (absolute times on these machines are noisy).",
    "",
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB (${(freemem() / 2 ** 30).toFixed(0)} GiB free), Node ${process.version}, ${process.platform}.`,
    "",
    "| what | median | min–max | runs | peak RSS | ratio |",
    "| --- | --- | --- | --- | --- | --- |",
    row("`node -e 0`", floor, "1 (the process floor)"),
    row("import floor: a Node process that imports jsdom and Plot", importFloor, `${r(importFloor.median, floor.median)} node`),
    row("story, cold build, SVG (10 charts × 2 artboards)", coldSvg, `${r(coldSvg.median, importFloor.median)} import floor (target ≤ 1.5×)`),
    row("story, cold build, SVG, nothing compiled yet (compiling the CLI and notebook first)", coldCompile, `${r(coldCompile.median, importFloor.median)} import floor`),
    row("story, first build after `npm ci`, SVG (bundling Plot, d3, Arquero and jsdom too, once an install)", coldInstall, `${r(coldInstall.median, importFloor.median)} import floor`),
    row("story, cold build, SVG and PNG", coldPng, `${r(coldPng.median, importFloor.median)} import floor (target ≤ 2×)`),
    row("story, unchanged rebuild", unchanged, `${r(unchanged.median, floor.median)} node (target ≤ 6×)`),
    row("story, `list` (loads the notebook, draws nothing, loads no jsdom)", list, `${r(list.median, importFloor.median)} import floor`),
    row("story, rebuild after an edit to the notebook that no chart reads (all 10 kept)", edited, `${r(edited.median, importFloor.median)} import floor`),
    row("story, rebuild after editing one chart's words (1 drawn, 9 kept), SVG and PNG", oneChart, `${r(oneChart.median, importFloor.median)} import floor`),
    row("watch: save of one chart's words to all files written (1 chart drawn, 9 kept)", watch, "target ≤ 100 ms"),
    ...sizes.map(({ n, s }) => row(`${n} generated chart${n === 1 ? "" : "s"}, one build, SVG`, s, `${fmt((s.median - importFloor.median) / n)} a chart beyond the import floor`)),
    row(`${parallelN} generated charts, one process`, oneProcess, "1"),
    row(`${parallelN} generated charts, two shard processes started at once (they take turns: one build at a time per project)`, two, `${r(two.median, oneProcess.median)} one process`),
    row("3 charts (bar, dot, timeline), storycharts, one process", scOne, "1"),
    row("the same 3 charts, Vega-Lite toSVG, one process", vlOne, `${r(vlOne.median, scOne.median)} storycharts`),
    row("3 charts, storycharts, one process per chart", scEach, "1"),
    row("the same 3 charts, Vega-Lite, one process per chart (as vl2svg)", vlEach, `${r(vlEach.median, scEach.median)} storycharts`),
    "",
    "## Against the targets",
    "",
    `- Cold build (SVG): ${r(coldSvg.median, importFloor.median)} the import floor; with PNG ${r(coldPng.median, importFloor.median)}.`,
    `- Unchanged rebuild: ${r(unchanged.median, floor.median)} \`node -e 0\`: it loads neither TypeScript, jsdom nor Plot.`,
    `- Watch: ${fmt(watch.median)} median from save to written (the build's summary line), for an edit to one chart's words in a notebook of 10 charts.`,
    `- ${largest.n} charts: ${fmt(perChart)} a chart beyond the import floor; peak RSS ${Math.round(largest.s.rss)} MiB (${sizes.map(({ n, s }) => `${n}: ${Math.round(s.rss)} MiB`).join(", ")}).`,
    `- Two shard processes started together: ${r(two.median, oneProcess.median)} the time of one; they take turns at the project's build lock, so shards pay off on separate machines (CI), not on one.`,
    `- Against Vega-Lite: one process ${r(vlOne.median, scOne.median)}, one process per chart ${r(vlEach.median, scEach.median)} (above 1× means storycharts is faster). storycharts draws two artboards per chart and finishes them; Vega-Lite draws one.`,
    "",
  ];
  writeFileSync(join(root, "tests", "bench", "RESULTS.md"), lines.join("\n"));
  console.log(lines.join("\n"));
  console.log(`bench: wrote tests/bench/RESULTS.md (${sizes.length + 14} measurements)`);
}

await main();
