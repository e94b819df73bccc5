// The registry of generic charts (tests/plots/) as the tests see it: each
// chart's file name, its words, its Plot options for an artboard, and its
// finished SVG, drawn once per test file.
import type * as Plot from "@observablehq/plot";
import { ARTBOARDS, type ArtboardName } from "../../src/chart/index.ts";
import { finishPlot } from "../../src/index.ts";
import * as registry from "../plots/index.ts";

export interface Words { headline: string; subtitle?: string; notes?: string[]; source: string }

/** What a chart module exports: the format the render command reads. */
export interface PlotModule {
  /** The headline may be left to Plot's own title option. */
  words: Omit<Words, "headline"> & { headline?: string };
  default: ((size: { width: number; height?: number }) => Plot.PlotOptions) | Plot.PlotOptions;
}

export interface RegisteredPlot { name: string; module: PlotModule }

export const ARTBOARD_NAMES: ArtboardName[] = ["desktop", "mobile"];

/** The registry exports camelCase names; files and snapshots are kebab-case. */
export function fileName(exportName: string): string {
  return exportName.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

export const plots: RegisteredPlot[] = Object.entries(registry).map(([key, module]) => ({ name: fileName(key), module: module as unknown as PlotModule }));

/** The snapshot's file name in tests/output/. */
export function snapshotName(name: string, artboard: ArtboardName): string {
  return artboard === "desktop" ? `${name}.svg` : `${name}.mobile.svg`;
}

/** The chart's options as drawn on an artboard: it is offered the artboard's width less its padding. */
export function optionsFor(plot: RegisteredPlot, artboard: ArtboardName): Plot.PlotOptions {
  const { width, padding } = ARTBOARDS[artboard];
  const chart = plot.module.default;
  return typeof chart === "function" ? chart({ width: width - 2 * padding }) : chart;
}

/** The words a reader must find on the chart: the module's, or else Plot's title, subtitle and caption. */
export function expectedWords(plot: RegisteredPlot, artboard: ArtboardName): string[] {
  const { words } = plot.module;
  const options = optionsFor(plot, artboard) as { title?: unknown; subtitle?: unknown; caption?: unknown };
  const headline = words.headline ?? (typeof options.title === "string" ? options.title : undefined);
  const subtitle = words.subtitle ?? (typeof options.subtitle === "string" ? options.subtitle : undefined);
  const notes = words.notes ?? (typeof options.caption === "string" ? [options.caption] : []);
  return [headline, subtitle, ...notes, words.source].filter((w): w is string => typeof w === "string" && w.length > 0);
}

/** The scales whose options ask for a legend. */
export function legendScales(options: Plot.PlotOptions): string[] {
  return (["color", "opacity", "symbol"] as const).filter((key) => {
    const scale = (options as Record<string, unknown>)[key];
    return typeof scale === "object" && scale !== null && Boolean((scale as { legend?: unknown }).legend);
  });
}

export interface Finished { svg: string; notices: string[] }

const cache = new Map<string, Promise<Finished>>();

/** finishPlot's answer for a chart on an artboard, once per run; a refusal rejects with its message and fix. */
export function finished(plot: RegisteredPlot, artboard: ArtboardName): Promise<Finished> {
  const key = `${plot.name}/${artboard}`;
  const known = cache.get(key);
  if (known) return known;
  const result = finishPlot(optionsFor(plot, artboard), plot.module.words as Words, artboard).catch((error: unknown) => {
    const e = error as Error & { fix?: string };
    throw new Error(`${plot.name} (${artboard}) was refused: ${e.message}${e.fix ? `. ${e.fix}` : ""}`);
  });
  cache.set(key, result);
  return result;
}
