// Draws every chart of a notebook run on both artboards. A chart that fails
// becomes a problem naming it; the others are still drawn.

import { type ArtboardName, ARTBOARDS, ChartError, type ChartSpec, drawChart, formatDate, type StatedFigures } from "../chart/index.ts";
import type { Problem } from "../ledger/index.ts";
import type { NotebookRun } from "./run.ts";
import { rows } from "../tables/index.ts";
import { recordReads, type Read } from "./ledger-reads.ts";

/** The words a chart's files carry besides its SVG: what the manifest and gallery list. */
export interface ChartWords {
  alt: string;
  source: string;
  claimants: string[];
  /** The headline and subtitle as printed, and the figures its words state by name. */
  headline: string;
  subtitle: string | null;
  stated: StatedFigures;
}

export interface ChartOutput extends ChartWords {
  id: string;
  spec: ChartSpec;
  /** File name in charts/ → SVG text. */
  files: Map<string, string>;
  sizes: Record<ArtboardName, { width: number; height: number }>;
  /** What finishing dropped or changed, each once ("on mobile" when only that artboard). */
  notices: string[];
  /** What drawing read of the ledger (see ledger-reads.ts). */
  reads: Read[];
}

export function chartFileName(id: string, artboard: ArtboardName): string {
  return artboard === "desktop" ? `${id}.svg` : `${id}.${artboard}.svg`;
}

/** The article line every chart of a run carries. */
export function articleOf(run: NotebookRun): { credit: string; date: string } {
  const seed = run.seeds.get(run.notebook.seeds[0]!)!;
  return { credit: seed.meta.credit, date: formatDate(seed.meta.published.date, "day") };
}

export function buildCharts(
  run: NotebookRun, only?: ((id: string) => boolean) | string[],
  /** Told each artboard's file as soon as it is finished, before the chart's next artboard is drawn. */
  onFile?: (file: string, svg: string) => void,
): { charts: ChartOutput[]; problems: Problem[] } {
  const charts: ChartOutput[] = [];
  const problems: Problem[] = [];
  if (run.ledger === null) return { charts, problems };
  const article = articleOf(run);
  const all = run.notebook.charts ?? {};
  // A build draws its charts one call each: given their ids, a call does not walk every chart of the notebook.
  const ids = Array.isArray(only) ? only.filter((id) => Object.hasOwn(all, id)) : Object.keys(all).filter((id) => !only || only(id));
  for (const id of ids) {
    const spec = all[id]!;
    const place = `chart ${id}`;
    if (!/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(id)) {
      problems.push({ file: run.file, place, message: "the chart id is not lower-case words joined by hyphens, starting with a letter", fix: "Rename it: the id names its files and prefixes every id inside them" });
      continue;
    }
    const table = run.tables.find((t) => t.name === spec.table);
    if (!table) {
      problems.push({ file: run.file, place, message: `the chart draws table "${spec.table}", which the notebook does not build`, fix: `Use one of: ${run.tables.map((t) => t.name).join(", ")}` });
      continue;
    }
    try {
      const recorded = recordReads(run.ledger);
      const input = { id, spec, rows: rows(table.table), columns: table.table.columnNames(), ledger: recorded.ledger, article, claimants: run.notebook.claimants };
      const files = new Map<string, string>();
      const sizes = {} as ChartOutput["sizes"];
      // Words, source and alt text are the same on both artboards; the last drawn supplies them.
      let words: ChartWords = {
        alt: "", source: "", claimants: [], headline: "", subtitle: null, stated: { headline: [], subtitle: [], notes: [], events: [], drawn: [] },
      };
      const noticed = new Map<string, ArtboardName[]>();
      for (const artboard of Object.values(ARTBOARDS)) {
        const drawn = drawChart(input, artboard);
        for (const n of drawn.notices) noticed.set(n, [...(noticed.get(n) ?? []), artboard.name]);
        files.set(chartFileName(id, artboard.name), drawn.svg);
        onFile?.(chartFileName(id, artboard.name), drawn.svg);
        sizes[artboard.name] = { width: drawn.width, height: drawn.height };
        words = { alt: drawn.alt, source: drawn.source, claimants: drawn.claimants, headline: drawn.headline, subtitle: drawn.subtitle, stated: drawn.stated };
      }
      const notices = [...noticed].map(([n, on]) => (on.length === Object.keys(ARTBOARDS).length ? n : `${n} (on ${on.join(", ")})`));
      charts.push({ id, spec, ...words, files, sizes, notices, reads: recorded.reads() });
    } catch (error) {
      if (!(error instanceof ChartError)) throw error;
      problems.push({ file: run.file, place, message: error.message, fix: error.fix });
    }
  }
  return { charts, problems };
}
