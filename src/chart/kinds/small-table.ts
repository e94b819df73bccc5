// A small table, drawn as an SVG like every other chart: a header, a row per
// table row, numbers right-aligned with their qualifiers, text wrapped to its
// column, so that the numbers of a story that are better read than drawn
// still carry their source line and alt text.

import * as Plot from "@observablehq/plot";
import type { ChartContext, ChartSpec } from "../spec.ts";
import { FALLBACK_ALLOWANCE, textWidth, wrap } from "../text-metrics.ts";
import { INK } from "../theme.ts";
import type { Row } from "../../tables/index.ts";
import { type KindBase, notesWith, number, text, valueWords, BASE_OPTIONS, checkOptions, type OptionNames } from "./rows.ts";

export interface SmallTableOptions extends KindBase {
  /** The columns shown, in order: column → its header. A number column prints its qualifier ("≈500"). */
  columns: Record<string, string>;
  /** The number columns (printed with the row's qualifier, right-aligned): by default those whose values are all numbers or empty. */
  numbers?: string[];
  /** Printed after each number: "km". */
  unit?: string;
}

const GAP = 12;

interface Cell { x: number; y: number; text: string; anchor: "start" | "end"; header: boolean }

export function smallTable(o: SmallTableOptions): ChartSpec {
  checkOptions("smallTable", o, SMALL_TABLE_OPTIONS);
  const names = Object.keys(o.columns);
  const isNumber = (data: Row[], c: string) => o.numbers?.includes(c)
    ?? data.every((d) => d[c] === null || typeof d[c] === "number");
  const cellText = (data: Row[], d: Row, c: string) => (isNumber(data, c) ? valueWords(number(d[c]), d, o.unit) : text(d[c]));
  return {
    table: o.table, kind: o.kind ?? "Table", headline: o.headline, subtitle: o.subtitle, alt: o.alt,
    plot: (data, ctx) => layout(data, ctx, names, o.columns, (d, c) => cellText(data, d, c), (c) => isNumber(data, c)),
    notes: (data) => notesWith(data, o.notes),
    describeRow: (row) => names.map((c) => `${o.columns[c]}: ${cellText([row], row, c)}`).join(", "),
  };
}

function layout(data: Row[], ctx: ChartContext, names: string[], headers: Record<string, string>, cell: (d: Row, c: string) => string, numeric: (c: string) => boolean): Plot.PlotOptions {
  const size = ctx.artboard.body.size;
  const regular = { size, weight: "regular" as const };
  const bold = { size, weight: "semibold" as const };
  const measure = (s: string, style: typeof regular | typeof bold) => Math.max(0, ...s.split("\n").map((l) => textWidth(l, style))) * FALLBACK_ALLOWANCE;
  // Each column as wide as its widest cell. When the whole is too wide, a number column keeps at most
  // a third of the width (a claim in words wraps in it) and text columns share the rest in proportion.
  const natural = names.map((c) => Math.max(measure(headers[c]!, bold), ...data.map((d) => measure(cell(d, c), regular))));
  const gaps = GAP * (names.length - 1);
  const fits = natural.reduce((s, w) => s + w, 0) + gaps <= ctx.width;
  const numberWidths = names.map((c, i) => (numeric(c) ? (fits ? natural[i]! : Math.min(natural[i]!, ctx.width / 3)) : 0));
  // Text columns share what is left, the narrowest first: each takes its own width or its share, whichever is less.
  let rest = ctx.width - numberWidths.reduce((s, w) => s + w, 0) - gaps;
  const textColumns = names.map((c, i) => ({ i, c })).filter(({ c }) => !numeric(c)).sort((a, b) => natural[a.i]! - natural[b.i]!);
  const widths = [...numberWidths];
  textColumns.forEach(({ i }, k) => {
    widths[i] = Math.max(40, Math.min(natural[i]!, rest / (textColumns.length - k)));
    rest -= widths[i]!;
  });
  const lefts = widths.map((_, i) => widths.slice(0, i).reduce((s, w) => s + w + GAP, 0));
  const line = size * 1.3;
  const cells: Cell[] = [];
  const rules: number[] = [];
  let y = 0;
  const addRow = (texts: string[], header: boolean) => {
    const wrapped = texts.map((t, i) => (measure(t, header ? bold : regular) <= widths[i]! ? t : wrap(t, widths[i]! / FALLBACK_ALLOWANCE, header ? bold : regular).join("\n")));
    const lines = Math.max(...wrapped.map((t) => t.split("\n").length));
    wrapped.forEach((t, i) => cells.push({
      x: numeric(names[i]!) ? lefts[i]! + widths[i]! : lefts[i]!, y: y + 4, text: t, anchor: numeric(names[i]!) ? "end" : "start", header,
    }));
    y += lines * line + 8;
    rules.push(y);
  };
  addRow(names.map((c) => headers[c]!), true);
  for (const d of data) addRow(names.map((c) => cell(d, c)), false);
  const height = Math.ceil(y) + 2;
  const right = lefts.at(-1)! + widths.at(-1)!;
  return {
    height, width: ctx.width, margin: 0,
    x: { axis: null, grid: false, domain: [0, ctx.width], range: [0, ctx.width] },
    y: { axis: null, grid: false, domain: [0, height], range: [0, height] },
    marks: [
      Plot.ruleY(rules.slice(1, -1), { x1: 0, x2: right, stroke: INK.grid }),
      Plot.ruleY([rules[0]!], { x1: 0, x2: right, stroke: INK.rule }),
      ...(["start", "end"] as const).flatMap((anchor) => [true, false].map((header) => Plot.text(cells.filter((c) => c.anchor === anchor && c.header === header), {
        x: "x", y: "y", text: "text", textAnchor: anchor, lineAnchor: "top", lineHeight: 1.3,
        fontWeight: header ? 600 : 400, fontVariant: anchor === "end" ? "tabular-nums" : undefined,
      }))),
    ],
  };
}
const SMALL_TABLE_OPTIONS: OptionNames<SmallTableOptions> = { ...BASE_OPTIONS, columns: true, numbers: true, unit: true };

