// `storycharts build`: every notebook's tables and charts, or only those
// named. A failing notebook or chart is reported and leaves its published
// files exactly as they were; the others are still built.

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { buildKey, fingerprint, owned, statePath, type BuildState } from "./fingerprint.mjs";
import { join, relative, resolve } from "node:path";
import { articleOf, buildCharts, chartFileName, type ChartOutput } from "./draw-charts.ts";
import { NotebookCode, digest, libraryKey, loadDrawn, onDisk, reusable, saveDrawn, sha256, unchanged, type DrawnChart } from "./drawn.ts";
import { sharedSources, type Sources } from "./chart-code.ts";
import { dataReadme, rows as tableRows } from "../tables/index.ts";
import {
  contentHash, embedSnippet, galleryHtml, hashedFiles, loadPngInBackground, manifestJson, mergeManifest, parseManifest, removeStaleTemporaries,
  writeAllIfChanged, writeIfChanged, writeTables, type Manifest, type ManifestEntry, type ShardRecord, type StoryInfo, type WriteOutcome,
} from "../publish/index.ts";
import { loadChartDom, xmlSafe } from "../chart/index.ts";
import { heartbeat } from "./heartbeat.ts";
import { acquireLock, describeHolder, LockError, type Lock } from "./lock.ts";
import { shardManifestName, shardOf, type Shard } from "./shard.ts";
import { formatProblem, type Problem } from "../ledger/index.ts";
import type { Reporter } from "./progress.ts";
import { loadNotebooks, notebookFiles, type LoadedNotebook } from "./registry.ts";
import { plural, seconds } from "./report.ts";
import { chartOwners, tableClashes } from "./owners.ts";
import { runNotebook, type NotebookRun } from "./run.ts";

export type Format = "svg" | "png";

/** A chart whose files are written once its PNG is drawn. */
interface Settling {
  promise: Promise<void>;
  id: string;
}

/**
 * Charts drawn ahead of their PNGs: one PNG drawn on the thread pool while
 * this thread draws the next chart, on two cores, each picture held once
 * (a 19,000 px chart's pixels are hundreds of megabytes).
 */
const PNG_AHEAD = 1;

export interface BuildOptions {
  root: string;
  /** Notebook ids or chart ids; empty for everything. */
  names: string[];
  /** Where charts go, relative to root or absolute. */
  out: string;
  formats: Set<Format>;
  /** Aborting stops the build between two charts: nothing is left half written. */
  signal?: AbortSignal;
  /** Build only this shard's charts, and a shard manifest instead of the manifest and gallery. */
  shard?: Shard;
  /** Notebooks already imported, used instead of importing their files again: a notebook run on its own. */
  preloaded?: LoadedNotebook[];
  /** Record this build's inputs and outputs for the command line's "nothing changed" check (see src/bin.mjs); default true. */
  remember?: boolean;
  /** Told before each step that runs a notebook's code (load, tables, chart <id>), so a watch can say where a build stuck. */
  onStep?: (file: string, place: string) => void;
}

export interface ChartResult {
  id: string;
  notebook: string;
  status: "written" | "unchanged" | "failed";
  /** Drawn now; false when nothing it depends on changed and its published files were kept. */
  drawn: boolean;
  /** Its own files changed (not only its story's figures): a preview shows it anew. */
  changed: boolean;
  files: string[];
  ms: number;
  problems: string[];
}

export interface BuildReport {
  charts: ChartResult[];
  tables: { path: string; outcome: WriteOutcome }[];
  problems: string[];
  failedNotebooks: string[];
  /** Files in charts/ and data/ that no notebook made, moved to .cache/orphans/ by a complete build. */
  removed: string[];
  interrupted: boolean;
  ms: number;
  summary: string;
  exitCode: number;
}

export class NameError extends Error {}

export async function build(options: BuildOptions, report: Reporter, files = notebookFiles(options.root)): Promise<BuildReport> {
  let lock: Lock;
  try {
    lock = await acquireLock(options.root, {
      signal: options.signal,
      onWait: (holder) => report.item(`waiting for another build (${describeHolder(holder)}) to finish${options.signal ? "; Ctrl-C to stop waiting" : ""}`),
    });
  } catch (error) {
    if (error instanceof LockError) return notBuilt(error, report);
    throw error;
  }
  try {
    return await buildLocked(options, report, files);
  } finally {
    lock.release();
  }
}

/** A build that did not start: the lock was not ours, interrupted or after the wait limit. */
function notBuilt(error: LockError, report: Reporter): BuildReport {
  const interrupted = error.reason === "interrupted";
  const result: BuildReport = {
    charts: [], tables: [], problems: interrupted ? [] : [error.message], failedNotebooks: [], removed: [], interrupted, ms: 0,
    summary: interrupted ? `build: ${error.message}; nothing was built` : "build: nothing built", exitCode: interrupted ? 130 : 1,
  };
  if (!interrupted) report.problem(error.message);
  report.summary(result.summary);
  return result;
}

async function buildLocked(options: BuildOptions, report: Reporter, files: string[]): Promise<BuildReport> {
  const started = performance.now();
  const outDir = resolve(options.root, options.out);
  const result: BuildReport = { charts: [], tables: [], problems: [], failedNotebooks: [], removed: [], interrupted: false, ms: 0, summary: "", exitCode: 0 };
  for (const dir of [outDir, join(options.root, "data")]) removeStaleTemporaries(dir);
  // The inputs as they are before anything reads them: a file saved while the
  // build runs must not be recorded as built.
  const inputs = options.shard || options.remember === false ? null : fingerprint(options.root, buildKey({ ...options, formats: [...options.formats] }));
  const unwritable = probe(outDir);
  const fail = (p: Problem) => {
    const line = formatProblem(p);
    result.problems.push(line);
    report.problem(line);
  };

  // jsdom before the notebooks, as an import would have loaded it: loaded only for the first chart
  // drawn, after the notebooks' tables, a one-chart rebuild of the story took 60 ms more (measured
  // here, cause not found), against 170 ms saved by a build that keeps every chart.
  await loadChartDom();
  const preloaded = options.preloaded ?? [];
  const imported = await loadNotebooks(options.root, files.filter((f) => !preloaded.some((p) => p.file === f)), (file) => options.onStep?.(file, "load"));
  const loaded = [...preloaded, ...imported.loaded].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const loadProblems = imported.problems;
  loadProblems.forEach(fail);
  // The notebooks that failed, not the files their problems name: a syntax error in a helper file is reported in that file.
  result.failedNotebooks.push(...files.filter((f) => !loaded.some((l) => l.file === f)));
  // A name that is a notebook which failed to load has been reported already.
  const unloaded = new Set(result.failedNotebooks.map((f) => f.replace(/^notebooks\//, "").replace(/\.ts$/, "")));
  const named = options.names.filter((n) => !unloaded.has(n));
  // Asked only for notebooks that failed to load: there is nothing else to build.
  const selection = options.names.length > 0 && named.length === 0 ? new Map<string, "all">() : select(loaded, named);
  // resvg is a native module: load it only for a build that writes PNGs.
  const png = options.formats.has("png") ? await loadPngInBackground() : null;
  const owners = chartOwners(loaded, fail);
  // Tables two notebooks both declare: neither notebook writes anything, whichever comes first.
  const clashing = tableClashes(loaded, fail);
  result.failedNotebooks.push(...clashing);
  const entries: ManifestEntry[] = [];
  // Read before any chart is drawn: it vouches for the PNGs it lists (see keptPng), and is merged into after.
  const previous = readManifest(outDir);
  const published = new Map((previous.manifest?.charts ?? []).map((e) => [e.id, e]));
  const runs: NotebookRun[] = [];
  // What earlier builds drew into this folder: a chart nothing it depends on has changed for is not drawn again.
  const drawn = loadDrawn(options.root, relative(options.root, outDir), libraryKey(options.root));
  // Every notebook file this build imported, those that failed too: their code at load ran in this process.
  const notebookFilesLoaded = [...new Set([...files, ...loaded.map((l) => l.file)])].sort();
  const notebookSourceCache = new Map<string, Sources>();

  for (const { file, notebook } of loaded) {
    const wanted = selection.get(notebook.id);
    if (!wanted || result.interrupted || clashing.includes(file)) continue;
    heartbeat({ kind: "run", file });
    options.onStep?.(file, "tables");
    const run = runNotebook(options.root, file, notebook);
    if (run.problems.length > 0) {
      run.problems.forEach(fail);
      report.problem(`${file}: failed with ${plural(run.problems.length, "problem")}; its published files are left as they were`);
      result.failedNotebooks.push(file);
      continue;
    }
    runs.push(run);
    const story = storyInfo(run);
    try {
      for (const w of writeTables(options.root, run)) result.tables.push({ path: w.path, outcome: w.outcome });
    } catch (error) {
      fail({ file: "data", place: "write", message: `the tables cannot be written (${describeIoError(error)})`, fix: "Check that data/ is a folder you can write to and that the disk has room" });
      result.failedNotebooks.push(file);
      continue;
    }

    const ids = Object.keys(notebook.charts ?? {});
    const code = new NotebookCode(drawn, sharedSources(options.root, file, notebookFilesLoaded, notebookSourceCache), ids);
    const tableDigests = new Map<string, string>();
    const chosen = ids.filter((id) => (wanted === "all" || wanted.has(id)) && !(options.shard && shardOf(id, options.shard.count) !== options.shard.index));
    if (chosen.some((id) => drawn.charts[id])) await code.prepare();
    // Asked at most once a chart: reading and hashing a kept chart's files is the cost of keeping it.
    const keptAnswers = new Map<string, Map<string, string> | null>();
    const keptFiles = (id: string, inputs: string | null) => {
      if (keptAnswers.has(id)) return keptAnswers.get(id)!;
      const before = drawn.charts[id];
      const kept = inputs && before && code.same(before, id) ? reusable(before, { notebook: file, inputs, ledger: run.ledger! }, outDir) : null;
      keptAnswers.set(id, kept);
      return kept;
    };
    // A notebook whose functions change its own values when called (a label
    // that counts the charts drawn, a table's build that sets a colour): a
    // chart drawn alone could see other values than a first build's, so if
    // one is drawn, all are. Asked only when there is something to keep.
    const drawAll = chosen.some((id) => drawn.charts[id]) && code.changesWhenCalled()
      && chosen.some((id) => owners.get(id) === file && keptFiles(id, chartInputs(run, id, story, tableDigests)) === null);
    // A chart's PNG is drawn on the thread pool while the next charts are drawn here; its files are
    // written, and it is reported, once the PNG is done, each chart after the one before it, so the
    // order of the files, the report and the manifest is the order of the charts. At most
    // PNG_AHEAD charts wait so, which bounds what they hold.
    const waiting: Settling[] = [];
    // A failed PNG fails its chart alone (see settle); anything else thrown while a chart settles stops
    // the build naming that chart, whichever chart is being drawn when it arrives.
    const settled = async ({ promise, id }: Settling) => {
      try {
        await promise;
      } catch (error) {
        heartbeat({ kind: "chart", file, id });
        throw error;
      }
    };
    // Oldest first: a chart after a failed one fails with the same error, and the first is the one to name.
    const drain = async () => {
      for (const link of waiting.splice(0)) await settled(link);
    };
    for (const id of chosen) {
      const early: { job: { svg: string; png: Promise<Buffer> } | null } = { job: null };
      // Between two charts, let a Ctrl-C be heard; every file is whole at this point.
      await new Promise((r) => setImmediate(r));
      if (options.signal?.aborted) {
        result.interrupted = true;
        break;
      }
      heartbeat({ kind: "chart", file, id });
      let chartStarted = performance.now();
      /** Time spent on this chart before it waited for its PNG and the charts before it. */
      let busy = 0;
      let drawnNow = false;
      const done = (status: ChartResult["status"], written: string[], problems: string[], changed = false) => {
        const r: ChartResult = { id, notebook: notebook.id, status, drawn: drawnNow, changed, files: written, ms: Math.round(busy + performance.now() - chartStarted), problems };
        result.charts.push(r);
        report.item(`${status.padEnd(9)} ${id} (${status === "failed" ? "" : drawnNow ? "drawn, " : "kept, "}${r.ms} ms)`);
        return r;
      };
      if (owners.get(id) !== file) {
        await drain();
        done("failed", [], [`another notebook has a chart with the id ${id}`]);
        continue;
      }
      if (unwritable) {
        await drain();
        done("failed", [], [unwritable]);
        continue;
      }
      options.onStep?.(file, `chart ${id}`);
      const inputs = chartInputs(run, id, story, tableDigests);
      const before = drawn.charts[id];
      const reused = drawAll ? null : keptFiles(id, inputs);
      let chart: ChartOutput;
      if (reused && before) {
        chart = { id, spec: notebook.charts![id]!, ...before.words, files: reused, sizes: before.sizes, notices: before.notices, reads: before.reads };
      } else {
        delete drawn.charts[id];
        drawnNow = true;
        // The desktop picture's PNG starts while the mobile artboard is drawn.
        const { charts, problems } = buildCharts(run, [id], png ? (name, svg) => {
          if (name !== chartFileName(id, "desktop")) return;
          early.job = { svg, png: png(svg, 2) };
          // A chart that then fails has its PNG dropped, not left to fail unheard.
          early.job.png.catch(() => undefined);
        } : undefined);
        if (problems.length > 0) {
          await drain();
          // Its PNG, started from the desktop artboard, cannot be stopped: it waits in line as a chart's
          // would, so that a run of such charts never has more than PNG_AHEAD + 1 PNGs drawn at once.
          if (early.job) waiting.push({ promise: early.job.png.then(() => undefined, () => undefined), id });
          problems.forEach(fail);
          done("failed", [], problems.map((p) => p.message));
          continue;
        }
        chart = charts[0]!;
      }
      const entry = manifestEntry(chart, run, story, options);
      // A kept chart's pictures are on disk as they were drawn: not drawn, hashed or written again.
      const keptPngFile = reused && before?.png && entry.files.png ? unchanged(join(outDir, entry.files.png), before.png) : null;
      const desktop = chart.files.get(entry.files.desktop)!;
      const pngJob = png ? (keptPngFile ?? (early.job?.svg === desktop ? early.job.png : png(desktop, 2))) : null;
      // The chart before this one, if it still waits: this one's files follow its.
      const previous = waiting.at(-1)?.promise;
      busy = performance.now() - chartStarted;
      const settle = async () => {
        let pngBytes: Buffer | null = null;
        let pngError: { cause: unknown } | null = null;
        try {
          pngBytes = (await pngJob) ?? null;
        } catch (error) {
          pngError = { cause: error };
        }
        await previous;
        chartStarted = performance.now();
        // The chart alone fails, its files left as they were; the charts after it are built.
        if (pngError !== null) {
          const why = pngError.cause instanceof Error ? pngError.cause.message : String(pngError.cause);
          fail({ file, place: `chart ${id}`, message: `its PNG could not be drawn (resvg: ${why}); its published files are left as they were`, fix: "Build with --format svg to publish it without a PNG, or draw it smaller" });
          done("failed", [], [`its PNG could not be drawn (resvg: ${why})`]);
          return;
        }
        for (const notice of chart.notices) report.problem(`${file}: chart ${id}: ${notice}`);
        const outputs = chartFiles(chart, entry, run, pngBytes ?? null);
        const kept = keptPng(outDir, chart, options.formats, before, published.get(id), outputs);
        if (kept) entry.files.png = `${chart.id}.png`;
        const contents = new Map([...outputs, ...(kept ? [[entry.files.png!, kept] as const] : [])]);
        entry.hash = reused && before && before.entryPng === (entry.files.png !== null) ? before.entryHash
          : contentHash(hashedFiles(entry.files).map((f) => contents.get(f)!));
        const onDiskAlready = new Set(reused ? [...reused.keys(), ...(keptPngFile ? [entry.files.png!] : [])] : []);
        const writing = [...outputs].filter(([name]) => !onDiskAlready.has(name));
        let outcomes: WriteOutcome[];
        try {
          outcomes = writeAllIfChanged(writing.map(([name, content]) => [join(outDir, name), content]));
        } catch (error) {
          fail({ file: relative(options.root, join(outDir, `${id}.svg`)), place: `chart ${id}`, message: `the chart's files cannot be written (${describeIoError(error)}); its published files are left as they were`, fix: "Check that the output folder is writable and the disk has room, then build again" });
          done("failed", [], [describeIoError(error)]);
          return;
        }
        entries.push(entry);
        if (inputs) {
          const pngName = entry.files.png;
          const pngFile = pngName ? contents.get(pngName) : undefined;
          drawn.charts[id] = {
            notebook: file, inputs, ...code.record(id), reads: chart.reads,
            svgs: reused && before ? before.svgs : Object.fromEntries([...chart.files].map(([name, svg]) => [name, onDisk(svg)])),
            png: pngName && pngFile ? (reused && before?.png && (keptPngFile || kept) ? before.png : onDisk(pngFile)) : null,
            entryHash: entry.hash, entryPng: entry.files.png !== null,
            words: { alt: chart.alt, source: chart.source, claimants: chart.claimants, headline: chart.headline, subtitle: chart.subtitle, stated: chart.stated },
            sizes: chart.sizes, notices: chart.notices,
          };
        }
        const changed = outcomes.some((o, i) => o === "written" && writing[i]![0] !== entry.story.figures);
        done(outcomes.includes("written") ? "written" : "unchanged", [...outputs.keys()], [], changed);
      };
      const settling = { promise: settle(), id };
      // Handled here, thrown where it is awaited, as it would have been when drawn in turn.
      settling.promise.catch(() => undefined);
      waiting.push(settling);
      if (waiting.length > PNG_AHEAD) await settled(waiting.shift()!);
    }
    await drain();
  }

  saveDrawn(options.root, drawn);

  // The manifest and gallery list every chart: those built now, and those
  // whose notebook failed or was not asked for, as they were published.
  const rebuilt = new Set(entries.map((e) => e.id));
  const declaredIds = new Set(loaded.flatMap((l) => Object.keys(l.notebook.charts ?? {})));
  const keep = (id: string) => !rebuilt.has(id) && (declaredIds.has(id) || result.failedNotebooks.length > 0) && existsSync(join(outDir, `${id}.svg`));
  const manifest = mergeManifest(previous.manifest, entries, keep);
  // An unreadable manifest is written anew only by a build that rebuilt every chart it would have listed.
  const lost = previous.problem ? [...declaredIds].filter((id) => keep(id)) : [];
  if (previous.problem && lost.length > 0) {
    fail({
      file: relative(options.root, join(outDir, "manifest.json")), place: "read",
      message: `${previous.problem}, so the charts this build did not draw (${lost.slice(0, 3).join(", ")}${lost.length > 3 ? ", …" : ""}) cannot be kept in it; the manifest and gallery are left as they are`,
      fix: "Resolve the file (or delete it), then run a full build: npm run charts",
    });
  } else if (unwritable) fail({ file: relative(options.root, outDir) || ".", place: "output folder", message: unwritable, fix: "Point --out at a folder you can write to, or fix the folder's permissions" });
  else {
    try {
      if (options.shard) {
        const record: ShardRecord = {
          ...options.shard, declared: [...declaredIds].sort(), named: [...options.names], failed: result.charts.filter((c) => c.status === "failed").map((c) => c.id),
          failedNotebooks: [...result.failedNotebooks], interrupted: result.interrupted,
        };
        writeAllIfChanged([[join(outDir, shardManifestName(options.shard)), manifestJson({ ...mergeManifest(null, entries, () => false), shard: record })]]);
      }
      else writeAllIfChanged([[join(outDir, "manifest.json"), manifestJson(manifest)], [join(outDir, "index.html"), galleryHtml(manifest)]]);
    } catch (error) {
      fail({ file: relative(options.root, join(outDir, "manifest.json")), place: "write", message: `the manifest and gallery cannot be written (${describeIoError(error)})`, fix: "Check that the output folder is writable and the disk has room" });
    }
  }
  if (result.failedNotebooks.length === 0 && options.names.length === 0 && !result.interrupted) {
    result.tables.push({ path: "data/README.md", outcome: writeIfChanged(join(options.root, "data", "README.md"), dataReadme(runs)) });
  }
  // The build owns charts/ and data/: after a complete build, what no notebook made is moved out of them.
  const complete = !options.shard && options.names.length === 0 && !result.interrupted && result.failedNotebooks.length === 0 &&
    result.charts.every((c) => c.status !== "failed") && !unwritable && previous.problem === null;
  if (complete) {
    // Every file an entry lists, whatever it lists (an entry kept from an older build lists fewer), and its story's figures.
    const made = new Set([...manifest.charts.flatMap((e) => [...Object.values(e.files), e.story?.figures].filter((f): f is string => typeof f === "string")), "manifest.json", "index.html"]);
    const tables = new Set([...result.tables.map((t) => t.path.replace(/^data\//, ""))]);
    for (const [dir, keep] of [[outDir, made], [join(options.root, "data"), tables]] as const) {
      for (const moved of sweep(options.root, dir, keep)) {
        result.removed.push(moved.from);
        report.item(`removed   ${moved.from}: no notebook makes it (moved to ${moved.to})`);
      }
    }
  }

  const count = (s: ChartResult["status"]) => result.charts.filter((c) => c.status === s).length;
  const failed = count("failed") + result.failedNotebooks.length;
  result.ms = Math.round(performance.now() - started);
  result.exitCode = result.interrupted ? 130 : failed > 0 || result.problems.length > 0 ? 1 : 0;
  result.summary = `build: ${result.interrupted ? "interrupted; " : ""}${plural(result.charts.length, "chart")} (${count("written")} written, ${count("unchanged")} unchanged, ${count("failed")} failed), ` +
    `${plural(result.tables.filter((t) => t.path.endsWith(".csv")).length, "table")}, ${plural(runs.length, "notebook")} built${result.failedNotebooks.length ? `, ${result.failedNotebooks.length} failed` : ""}` +
    `${result.removed.length ? `, ${plural(result.removed.length, "file")} no notebook makes removed` : ""} in ${seconds(result.ms)}`;
  report.summary(result.summary);
  if (result.exitCode === 0 && inputs) recordState(options.root, inputs, outDir, result, runs.length);
  return result;
}

/**
 * After a clean, complete build: what its inputs were and what it wrote, so
 * that the next build with nothing changed can say so without loading the
 * renderer (see src/bin.mjs).
 */
function recordState(root: string, inputs: string, outDir: string, result: BuildReport, notebooks: number): void {
  const paths = [
    ...result.charts.flatMap((c) => c.files.map((f) => join(outDir, f))),
    join(outDir, "manifest.json"), join(outDir, "index.html"),
    ...result.tables.map((t) => join(root, t.path)),
  ];
  try {
    const outputs = paths.map((p) => {
      const s = statSync(p);
      // Text files are hashed, so that an edit keeping size and time is seen; PNGs, large and rarely edited by hand, are not.
      return { path: relative(root, p), size: s.size, mtimeMs: s.mtimeMs, ...(p.endsWith(".png") ? {} : { sha256: createHash("sha256").update(readFileSync(p)).digest("hex") }) };
    });
    const folders = Object.fromEntries([outDir, join(root, "data")].map((d) => [relative(root, d), owned(d)]));
    const state: BuildState = {
      fingerprint: inputs, outputs, folders, charts: result.charts.map((c) => c.id),
      tables: result.tables.filter((t) => t.path.endsWith(".csv")).length, notebooks,
    };
    writeIfChanged(statePath(root), `${JSON.stringify(state, null, 2)}\n`);
  } catch {
    // Without a state the next build simply does all its work.
  }
}

/**
 * Moves what the build did not make out of a folder it owns, into
 * .cache/orphans/<time>/: a renamed chart's old files, a deleted notebook's
 * tables, a file a notebook wrote there itself. Nothing is deleted, but
 * nothing is published that no notebook made. Only a folder inside the
 * project is swept: --out may name a folder the desk shares with other files.
 */
function sweep(root: string, dir: string, keep: Set<string>): { from: string; to: string }[] {
  const from = relative(root, dir);
  if (from === "" || from.startsWith("..") || resolve(root, from) !== dir) return [];
  const strays = owned(dir).filter((n) => !keep.has(n));
  if (strays.length === 0) return [];
  const shelf = join(root, ".cache", "orphans", new Date().toISOString().replace(/[:.]/g, "-"), from);
  mkdirSync(shelf, { recursive: true });
  return strays.map((name) => {
    renameSync(join(dir, name), join(shelf, name));
    return { from: `${from}/${name}`, to: relative(root, join(shelf, name)) };
  });
}

/** Which charts of which notebooks to build: "all", or a set of chart ids. */
function select(loaded: LoadedNotebook[], names: string[]): Map<string, "all" | Set<string>> {
  const selection = new Map<string, "all" | Set<string>>();
  if (names.length === 0) {
    for (const { notebook } of loaded) selection.set(notebook.id, "all");
    return selection;
  }
  for (const name of names) {
    const nb = loaded.find((l) => l.notebook.id === name);
    if (nb) {
      selection.set(name, "all");
      continue;
    }
    const owner = loaded.find((l) => name in (l.notebook.charts ?? {}));
    if (!owner) {
      const ids = loaded.flatMap((l) => [l.notebook.id, ...Object.keys(l.notebook.charts ?? {})]);
      throw new NameError(`"${name}" is neither a notebook nor a chart (there are: ${ids.join(", ")})`);
    }
    const current = selection.get(owner.notebook.id);
    if (current !== "all") selection.set(owner.notebook.id, new Set([...(current ?? []), name]));
  }
  return selection;
}

function manifestEntry(chart: ChartOutput, run: NotebookRun, story: StoryInfo, options: BuildOptions): ManifestEntry {
  // The words as the SVG carries them: what XML cannot hold is gone from the manifest, snippet and gallery too.
  return {
    id: chart.id,
    notebook: run.notebook.id,
    story,
    headline: xmlSafe(chart.headline),
    subtitle: chart.subtitle === null ? null : xmlSafe(chart.subtitle),
    alt: xmlSafe(chart.alt),
    source: xmlSafe(chart.source),
    claimants: chart.claimants.map(xmlSafe),
    stated: chart.stated,
    data: `${chart.id}.csv`,
    table: chart.spec.table,
    files: {
      desktop: `${chart.id}.svg`,
      mobile: `${chart.id}.mobile.svg`,
      png: options.formats.has("png") ? `${chart.id}.png` : null,
      embed: `${chart.id}.html`,
      data: `${chart.id}.csv`,
    },
    sizes: chart.sizes,
    hash: "",
  };
}

/** A chart's published files: its artboards, PNG, embed snippet, its table's CSV, and its story's figures beside them. */
function chartFiles(chart: ChartOutput, entry: ManifestEntry, run: NotebookRun, png: Buffer | null): Map<string, string | Buffer> {
  const files = new Map<string, string | Buffer>(chart.files);
  if (png) files.set(entry.files.png!, png);
  files.set(entry.files.embed, embedSnippet(entry));
  const csv = (name: string) => run.tables.find((t) => t.name === name)?.csv;
  files.set(entry.files.data, csv(entry.table) ?? "");
  if (entry.story.figures) files.set(entry.story.figures, csv(figuresTable(run)) ?? "");
  return files;
}

/** The ledger table every notebook publishes: each figure with its quote. */
function figuresTable(run: NotebookRun): string {
  return `${run.notebook.id}-figures`;
}

function storyInfo(run: NotebookRun): StoryInfo {
  const articles = run.notebook.seeds.flatMap((name) => {
    const seed = run.seeds.get(name);
    return seed ? [{ seed: name, headline: xmlSafe(seed.meta.headline), publisher: xmlSafe(seed.meta.publisher), date: seed.meta.published.date }] : [];
  });
  const figures = run.tables.some((t) => t.name === figuresTable(run)) ? `${figuresTable(run)}.csv` : null;
  return { notebook: run.notebook.id, title: xmlSafe(run.notebook.title), articles, figures };
}

/**
 * What a chart is drawn from besides code, as one hash: its spec's values,
 * its table's columns and rows, the article line, the claimants' styles and
 * the story. Null when the chart cannot be drawn (its table is missing).
 */
function chartInputs(run: NotebookRun, id: string, story: StoryInfo, tables: Map<string, string>): string | null {
  const spec = run.notebook.charts?.[id];
  const table = spec && run.tables.find((t) => t.name === spec.table);
  if (!spec || !table) return null;
  let rows = tables.get(table.name);
  if (rows === undefined) {
    rows = sha256(digest([table.table.columnNames(), tableRows(table.table)]));
    tables.set(table.name, rows);
  }
  return sha256(digest([id, spec, rows, articleOf(run), run.notebook.claimants ?? null, story]));
}

/**
 * Building SVG only leaves a published PNG in place; it stays in the manifest
 * while it still shows the chart, drawn or kept. Two things vouch for that:
 * this folder's record, when it says the PNG was drawn from the desktop SVG the
 * chart has now and it is still that PNG; or else the published manifest, when its
 * entry lists the PNG and its hash is that of the chart's files now with that
 * PNG (so a fresh clone built with --format svg keeps the PNGs committed with
 * its charts).
 * A PNG merely beside an unchanged SVG may be of an older drawing (an SVG-only
 * build rewrote the SVG and left the PNG), so without either none is kept.
 */
function keptPng(
  outDir: string, chart: ChartOutput, formats: Set<Format>, before: DrawnChart | undefined,
  published: ManifestEntry | undefined, outputs: Map<string, string | Buffer>,
): Buffer | null {
  if (formats.has("png")) return null;
  const desktop = chart.files.get(`${chart.id}.svg`);
  if (desktop === undefined) return null;
  const file = join(outDir, `${chart.id}.png`);
  const recorded = before?.png && before.svgs[`${chart.id}.svg`]?.sha256 === onDisk(desktop).sha256 ? unchanged(file, before.png) : null;
  // A record of another drawing (the sources were pulled or checked out since) does not outvote the manifest.
  if (recorded) return recorded;
  if (published?.files.png !== `${chart.id}.png`) return null;
  let png: Buffer;
  try {
    png = readFileSync(file);
  } catch {
    return null;
  }
  const now = hashedFiles(published.files).map((f) => (f === published.files.png ? png : outputs.get(f)));
  return now.every((c) => c !== undefined) && contentHash(now as (string | Buffer)[]) === published.hash ? png : null;
}

/** Why the output folder cannot take files, or null when it can. */
function probe(outDir: string): string | null {
  try {
    mkdirSync(outDir, { recursive: true });
    const test = join(outDir, `.write-test.tmp-${process.pid}`);
    writeFileSync(test, "");
    rmSync(test);
    return null;
  } catch (error) {
    return `the output folder cannot be written (${describeIoError(error)})`;
  }
}

function describeIoError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e.code ? `${e.code}: ${e.message.replace(/^[A-Z]+: /, "")}` : String(e.message ?? error);
}

/** The published manifest, null when there is none, or why it cannot be read. */
function readManifest(outDir: string): { manifest: Manifest | null; problem: string | null } {
  let text: string;
  try {
    text = readFileSync(join(outDir, "manifest.json"), "utf8");
  } catch {
    return { manifest: null, problem: null };
  }
  const parsed = parseManifest(text);
  return "manifest" in parsed ? { manifest: parsed.manifest, problem: null } : { manifest: null, problem: parsed.problem };
}
