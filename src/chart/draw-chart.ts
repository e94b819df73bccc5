// One chart of a notebook on one artboard: the chart's Plot options from its
// table's rows, its words checked against the ledger, its source line and alt
// text written from the figures it draws, then the finishing every Plot chart
// takes (finish-plot.ts).

import type * as Plot from "@observablehq/plot";
import { altText } from "./alt-text.ts";
import type { ChartContext, ChartSpec } from "./spec.ts";
import type { Ledger } from "../ledger/index.ts";
import { finishChart } from "./finish-plot.ts";
import { asChartError, ChartError, guardRows } from "./render.ts";
import { provenance, sourceLine } from "./sources.ts";
import { hiddenInWords } from "./hidden-characters.ts";
import { untracedNumbers } from "./text-numbers.ts";
import type { Row } from "../tables/index.ts";
import { claimantColors, type ClaimantStyle } from "./palette.ts";
import type { Artboard } from "./theme.ts";

export { xmlSafe } from "./finish-plot.ts";

export interface DrawInput {
  id: string;
  spec: ChartSpec;
  rows: Row[];
  columns: string[];
  ledger: Ledger;
  article: { credit: string; date: string };
  /** The notebook's colours and short names for its claimants. */
  claimants?: Record<string, ClaimantStyle>;
}

export interface Drawn {
  svg: string;
  alt: string;
  /** What finishing dropped or changed (an interactive mark, a style), one sentence each. */
  notices: string[];
  /** The "Source: …" line the chart prints. */
  source: string;
  /** Who claims the numbers it draws, each once. */
  claimants: string[];
  width: number;
  height: number;
}

export function drawChart(input: DrawInput, artboard: Artboard): Drawn {
  const { spec } = input;
  const width = artboard.width - 2 * artboard.padding;
  const height = typeof spec.height === "function" ? spec.height(input.rows, artboard) : spec.height?.[artboard.name];
  const styles = input.claimants ?? {};
  const color = claimantColors([...new Set(input.ledger.figures.map((f) => f.claimant))], styles);
  const context: ChartContext = { artboard, width, height, ledger: input.ledger, color, short: (c) => styles[c]?.short ?? c };
  const rows = guardRows(input.rows);
  let own: Plot.PlotOptions;
  try {
    own = spec.plot(rows, context);
  } catch (error) {
    throw asChartError(error, spec.table, input.columns);
  }
  const legend = spec.legend?.(input.rows, context) ?? [];
  const notes = spec.notes?.(input.rows, context) ?? [];
  const named: [string, string][] = [
    ["headline", spec.headline], ["subtitle", spec.subtitle ?? ""],
    ...notes.map((n, i): [string, string] => [`note ${i + 1}`, n]), ...legend.map((l, i): [string, string] => [`legend label ${i + 1}`, l.label]),
  ];
  const hidden = hiddenInWords(named);
  if (hidden.length > 0) {
    throw new ChartError(
      `${hidden.join("; ")}: it changes what a reader sees without showing itself, so the numbers in the words cannot be checked as read`,
      "Retype the words without it, or paste them as plain text",
    );
  }
  const words = named.map(([, w]) => w);
  const untraced = words.flatMap((w) => untracedNumbers(w, input.ledger, spec.scales));
  if (untraced.length > 0) {
    throw new ChartError(
      `the chart's words state ${untraced.map((n) => `"${n}"`).join(", ")}, which no figure in the ledger holds`,
      "Add the figure to the ledger (stated, or derived with its arithmetic), or correct the number",
    );
  }
  const p = provenance(input.rows, input.ledger);
  const source = sourceLine(p, input.article);
  const alt = altText(spec.kind, spec.headline, p, spec.describeRow ? input.rows.map((r) => spec.describeRow!(r, context)) : [], spec.alt);
  const finished = finishChart({
    options: own,
    artboard,
    prefix: `${input.id}-${artboard.name}`,
    headline: spec.headline,
    subtitle: spec.subtitle ?? null,
    legend,
    notes,
    source,
    alt,
    height,
    table: spec.table,
    columns: input.columns,
  });
  return {
    svg: finished.svg, alt, source, claimants: [...new Set(p.figures.map((f) => f.claimant))],
    width: finished.width, height: finished.height, notices: finished.notices,
  };
}
