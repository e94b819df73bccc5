// A build process kept warm for `watch`: it imports the library, jsdom, Plot
// and the fonts before any change happens, then waits for one job, builds,
// reports and exits. Every job gets a process that has never imported a
// notebook, so an edited notebook (and anything it imports) is always read fresh.

import * as Plot from "@observablehq/plot";
import type { ChartSpec } from "./chart.ts";
import { build, type BuildOptions, type Format } from "./commands/build.ts";
import { drawChart } from "./draw-chart.ts";
import { resolveLedger } from "./ledger.ts";
import { ARTBOARDS } from "./theme.ts";
import { font } from "./fonts.ts";
import { worldCountries } from "./marks/locator-map.ts";
import { reporter } from "./progress.ts";

export interface Job {
  root: string;
  names: string[];
  out: string;
  formats: Format[];
}

export interface JobDone {
  exitCode: number;
  summary: string;
  ms: number;
}

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

process.once("message", (job: Job) => {
  const options: BuildOptions = { root: job.root, names: job.names, out: job.out, formats: new Set(job.formats) };
  build(options, reporter({ tty: false }))
    .then((r) => ({ exitCode: r.exitCode, summary: r.summary, ms: r.ms }))
    .catch((error: unknown) => {
      console.error(`watch: the build crashed: ${(error as Error).stack ?? String(error)}`);
      return { exitCode: 1, summary: "build: crashed", ms: 0 };
    })
    .then((done: JobDone) => process.send!(done, () => process.exit(0)));
});
process.send!("ready");
