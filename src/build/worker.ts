// A build process kept warm for `watch`: it imports the library, jsdom, Plot
// and the fonts before any change happens, then waits for a job, builds and
// reports. Run as TypeScript it exits after one job, so that every job gets a
// process that has never imported a notebook (tsx would hand it the old copy
// of a file the notebook imports). Compiled (see compile.mjs), it stays for
// the next job: each import of a compiled notebook is a new module, with
// everything it imports from notebooks/ bundled in, while the library stays
// loaded and warm.

import * as Plot from "@observablehq/plot";
import { ARTBOARDS, type ChartSpec, drawChart, font, loadChartDom, worldCountries } from "../chart/index.ts";
import { build, type BuildOptions, type Format } from "./build.ts";
import { resolveLedger } from "../ledger/index.ts";
import { reporter } from "./progress.ts";

export interface Job {
  root: string;
  names: string[];
  out: string;
  formats: Format[];
  /** Wait for another job after this one, instead of exiting. */
  again: boolean;
}

export interface JobDone {
  exitCode: number;
  summary: string;
  ms: number;
  /** The charts whose files the job changed: what a preview shows anew. */
  charts: string[];
}

/** What the worker tells the watch: it is ready, it is at a step of a job (a notebook's code runs next), or the job is done. */
export type WorkerMessage = { kind: "ready" } | { kind: "step"; file: string; place: string } | ({ kind: "done" } & JobDone);

const tell = (message: WorkerMessage, then: () => void = () => undefined) => process.send!(message, then);

await loadChartDom();
font("regular");
font("bold");
worldCountries("50m");
worldCountries("110m");
warmUp();

/** Draws a throwaway chart, so that the first real one runs on compiled code. */
function warmUp(): void {
  const ledger = resolveLedger({ figures: [], events: [], places: [] });
  const spec: ChartSpec = {
    table: "warm-up", kind: "Bar chart", headline: "Warm-up", subtitle: "Not published", height: { desktop: 80, mobile: 80 },
    plot: (rows) => ({ marks: [Plot.barX(rows, { x: "n", y: "label" }), Plot.text(rows, { x: "n", y: "label", text: "label" })] }),
  };
  for (const artboard of Object.values(ARTBOARDS)) {
    drawChart({ id: "warm-up", spec, rows: [{ label: "a", n: 1 }, { label: "b", n: 2 }], columns: ["label", "n"], ledger, article: { credit: "", date: "" } }, artboard);
  }
}

process.on("message", (job: Job) => {
  // A step is sent before the notebook's code runs: a notebook that never returns leaves the watch knowing where it is.
  const options: BuildOptions = {
    root: job.root, names: job.names, out: job.out, formats: new Set(job.formats),
    // A watch's builds are of one notebook at a time: the command line's check is for whole builds, which record it themselves.
    remember: job.names.length === 0,
    onStep: (file, place) => tell({ kind: "step", file, place }),
  };
  build(options, reporter({ tty: false }))
    .then((r) => ({ exitCode: r.exitCode, summary: r.summary, ms: r.ms, charts: r.charts.filter((c) => c.changed).map((c) => c.id) }))
    .catch((error: unknown) => {
      console.error(`watch: the build crashed: ${(error as Error).stack ?? String(error)}`);
      return { exitCode: 1, summary: "build: crashed", ms: 0, charts: [] };
    })
    .then((done: JobDone) => tell({ kind: "done", ...done }, () => {
      if (!job.again) process.exit(0);
    }));
});
tell({ kind: "ready" });
