// A small finished chart drawn by the library, with a headline, a subtitle and
// a note (the muted rules), for tests that need a real chart but no story.
import { drawChart } from "../../src/chart/draw-chart.ts";
import { labelledBars } from "../../src/chart/marks/labelled-bars.ts";
import type { ChartSpec } from "../../src/chart/spec.ts";
import { ARTBOARDS, type ArtboardName } from "../../src/chart/theme.ts";
import { resolveLedger } from "../../src/ledger/entries.ts";

const ledger = resolveLedger({
  figures: [{ kind: "stated", id: "f", seed: "none", quote: "none", value: 7, qualifier: "exact", unit: "drones", claimant: "Officials", subject: "drones", measure: "shot down" }],
  events: [], places: [],
});

const spec: ChartSpec = {
  table: "t", kind: "Bar chart", headline: "Drones shot down by region", subtitle: "Officials’ count, overnight", height: { desktop: 120, mobile: 140 },
  plot: (rows, ctx) => {
    const bars = labelledBars(rows, {
      label: (d) => String(d.label), value: (d) => Number(d.value), valueText: (d) => String(d.value),
      color: () => ctx.color("Officials"), width: ctx.width, fontSize: ctx.artboard.body.size,
    });
    return { ...bars.options, marks: bars.marks };
  },
  notes: () => ["Regions as the officials named them."],
  describeRow: (d) => `${String(d.label)}: ${String(d.value)}`,
};

/** The SVG text of a chart with this id on one artboard. */
export function smallChart(id: string, artboard: ArtboardName = "desktop"): string {
  return drawChart(
    { id, spec, rows: [{ label: "North", value: 7, figure_id: "f" }, { label: "South", value: 7, figure_id: "f" }], columns: ["label", "value", "figure_id"], ledger, article: { credit: "teleSUR/EFE", date: "2 June 2025" } },
    ARTBOARDS[artboard],
  ).svg;
}
