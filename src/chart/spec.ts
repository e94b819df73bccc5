// What a notebook declares for a chart: the table it draws, its words, and a
// function from the table's rows to Plot options, in the manner of Observable
// Framework's chart functions. The house style fills in what the chart
// leaves out; what the chart sets, wins.

import type * as Plot from "@observablehq/plot";
import type { LegendItem } from "./legends.ts";
import type { Ledger } from "../ledger/index.ts";
import type { Row } from "../tables/index.ts";
import type { Artboard, ArtboardName } from "./theme.ts";
import type { Words } from "./words.ts";

export interface ChartContext {
  /** The artboard drawn on: its name ("desktop" or "mobile"), width, padding and type sizes. */
  artboard: Artboard;
  /** Width of Plot's area: the artboard less its padding. */
  width: number;
  /** The chart's height as the spec gives it; undefined when Plot sizes the chart (facets, bands, a map's aspect ratio). */
  height: number | undefined;
  /** The notebook's ledger: its figures, events and places. */
  ledger: Ledger;
  /** The claimant's colour, the same on every chart: the notebook's, or the house palette's. */
  color(claimant: string): string;
  /** The claimant's short name as the notebook gives it, or the full name. */
  short(claimant: string): string;
}

export interface ChartSpec {
  /** The table the chart draws (a name in the notebook's tables, or a ledger table). */
  table: string;
  /** What a reader calls it: "Bar chart", "Map", "Timeline". Starts the alt text. */
  kind: string;
  /** Plain words, or t`…` words whose numbers are figures: t`Russia launched ${"drones"} drones`. */
  headline: Words;
  /** The line under the headline, words as the headline's. */
  subtitle?: Words;
  /** Per artboard, or from the rows; left out, Plot sizes the chart and the words follow it. */
  height?: Record<ArtboardName, number> | ((data: Row[], artboard: Artboard) => number);
  /** Observable Plot's options for the table's rows on one artboard; the house style fills in what they leave out. */
  plot(data: Row[], context: ChartContext): Plot.PlotOptions;
  /** Swatches for what colours and shapes mean, drawn above the chart (Plot's own legends are kept too). */
  legend?(data: Row[], context: ChartContext): LegendItem[];
  /** Lines under the chart, words as the headline's; every number in them must be a figure or one of the scales. */
  notes?(data: Row[], context: ChartContext): Words[];
  /** One sentence per row for the alt text, from the row's own values. */
  describeRow?(row: Row, context: ChartContext): string;
  /**
   * Numbers the chart uses as its own drawing scale ("each square is a
   * thousand soldiers"): the only numbers its words may state that are not in
   * the ledger.
   */
  scales?: number[] | ((data: Row[], context: ChartContext) => number[]);
  /** Added to the generated alt text. */
  alt?: string;
  /** Where what the chart draws besides the ledger's figures comes from ("boundaries: Natural Earth …"): added to its source line. */
  sources?: string[];
}
