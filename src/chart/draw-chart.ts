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
import { typedFigures, untracedNumbers } from "./text-numbers.ts";
import { dateProblems, nearestEvents } from "./dates-in-words.ts";
import { printWords, type PrintedWords, type Words } from "./words.ts";
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

/** Which figures the headline, the subtitle and each note state, by id. */
export interface StatedFigures {
  headline: string[];
  subtitle: string[];
  notes: string[][];
  /** The events whose dates the words print, in the order of headline, subtitle and notes. */
  events: string[];
  /** The figures the chart draws: its rows' values, in marks and their labels. */
  drawn: string[];
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
  /** The headline and subtitle as printed, figures in their places. */
  headline: string;
  subtitle: string | null;
  /** The figures each line of words states by name, in order. */
  stated: StatedFigures;
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
  const notesWords = spec.notes?.(input.rows, context) ?? [];
  const scales = typeof spec.scales === "function" ? spec.scales(input.rows, context) : spec.scales;
  const { headline, subtitle, notes: printedNotes } = checkChartWords({ ...spec, scales }, notesWords, legend.map((l) => l.label), input.ledger);
  const notes = printedNotes.map((n) => n.text);
  const p = provenance(input.rows, input.ledger);
  const source = sourceLine(p, input.article, spec.sources);
  const alt = altText(spec.kind, headline.text, p, spec.describeRow ? input.rows.map((r) => spec.describeRow!(r, context)) : [], spec.alt);
  const finished = finishChart({
    options: own,
    artboard,
    prefix: `${input.id}-${artboard.name}`,
    headline: headline.text,
    subtitle: subtitle?.text ?? null,
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
    headline: headline.text, subtitle: subtitle?.text ?? null,
    stated: {
      headline: headline.figures, subtitle: subtitle?.figures ?? [], notes: printedNotes.map((n) => n.figures),
      events: [...new Set([headline, subtitle, ...printedNotes].flatMap((w) => w?.events ?? []))],
      drawn: [...new Set(p.figures.map((f) => f.id))],
    },
    width: finished.width, height: finished.height, notices: finished.notices,
  };
}

const QUALIFYING = /^(at least|at most|more than|fewer than|less than|just over|just under|over|under|about|approximately|roughly|around|nearly|almost|some|up to|as many as|an estimated|estimated|≈|~)\b/i;

/** Where the typed words end in qualifying words and the figure after them begins with its own. */
function doubledQualifiers(words: PrintedWords, place: string): string[] {
  const found: string[] = [];
  for (const [from, to] of words.spans) {
    const figure = words.text.slice(from, to);
    // Its own qualifier in words ("at least 1,500") or in a mark ("1,500+", "≈500", "≤20", "est. 500").
    if (!QUALIFYING.test(figure) && !/\+$|^(≈|≤|est\.)/.test(figure)) continue;
    const typed = /(?:^|[\s,;:(])((?:at least|at most|more than|fewer than|less than|just over|just under|over|under|about|approximately|roughly|around|nearly|almost|some|up to|as many as|an estimated|estimated|~|≈))[\s,]*$/i.exec(words.text.slice(0, from));
    if (typed) found.push(`${place} types "${typed[1]}" before a figure that prints "${words.text.slice(from, to)}"`);
  }
  return found;
}

/** The text with the figures' own numbers blanked: what is left is what the notebook typed. */
function blank(text: string, spans: [number, number][]): string {
  let out = text;
  for (const [from, to] of spans) out = out.slice(0, from) + " ".repeat(to - from) + out.slice(to);
  return out;
}

/**
 * A chart's words printed and checked against the ledger: figures named in
 * them (t`…`) printed from it; nothing hidden; no number typed as text that a
 * figure holds (it must be named) or that no figure holds (unless it is one
 * of the chart's scales). Throws the first problem as a ChartError. `check`
 * runs it on the headline and subtitle, which need no rows; the build on
 * every line.
 */
export function checkChartWords(spec: Pick<ChartSpec, "headline" | "subtitle"> & { scales?: number[] }, notesWords: Words[], legendLabels: string[], ledger: Ledger): {
  headline: PrintedWords; subtitle: PrintedWords | null; notes: PrintedWords[];
} {
  const headline = printWords(spec.headline, ledger, "the headline");
  const subtitle = spec.subtitle === undefined ? null : printWords(spec.subtitle, ledger, "the subtitle");
  const notes = notesWords.map((n, i) => printWords(n, ledger, `note ${i + 1}`));
  // Only what the notebook typed is checked for numbers: a figure's own number was printed from the ledger.
  const typed = [headline, subtitle ?? { text: "", spans: [] }, ...notes].map((w) => blank(w.text, w.spans));
  const named: [string, string][] = [
    ["headline", headline.text], ["subtitle", subtitle?.text ?? ""],
    ...notes.map((n, i): [string, string] => [`note ${i + 1}`, n.text]), ...legendLabels.map((l, i): [string, string] => [`legend label ${i + 1}`, l]),
  ];
  const hidden = hiddenInWords(named);
  if (hidden.length > 0) {
    throw new ChartError(
      `${hidden.join("; ")}: it changes what a reader sees without showing itself, so the numbers in the words cannot be checked as read`,
      "Retype the words without it, or paste them as plain text",
    );
  }
  // A qualifier typed before a figure that prints its own: "At least ${"toll"}" would read "At least at least 40,000".
  const doubled = [headline, subtitle, ...notes].flatMap((w, i) => (w ? doubledQualifiers(w, ["the headline", "the subtitle", ...notes.map((_, n) => `note ${n + 1}`)][i]!) : []));
  if (doubled.length > 0) {
    throw new ChartError(`${doubled.join("; ")}: the figure prints its own qualifier`, "Delete the typed words before the figure; the ledger prints the article's own (\"at least\", \"about\")");
  }
  // A number a figure holds, typed into the headline, subtitle or a note: the figure must be named, so the ledger prints it.
  const places = ["the headline", "the subtitle", ...notes.map((_, i) => `note ${i + 1}`)];
  const typedFigure = typed.flatMap((text, i) => typedFigures(text, ledger, spec.scales).map((t) => ({ ...t, place: places[i]! })));
  if (typedFigure.length > 0) {
    const first = typedFigure[0]!;
    throw new ChartError(
      `${typedFigure.map((t) => `${t.place} types "${t.written}"`).join("; ")} as text, where a figure of the ledger holds it`,
      `Name the figure instead, so the ledger prints its number and qualifier: t\`… \${"${first.ids[0]}"} …\`${first.ids.length > 1 ? ` (or ${first.ids.slice(1, 3).map((id) => `"${id}"`).join(", ")})` : ""}, with the t tag from src/index.ts`,
    );
  }
  // A date typed into the words must be one the ledger holds, on the calendar and on its weekday.
  const wrongDates = [...typed.map((text, i) => [places[i]!, text] as const), ...legendLabels.map((l, i) => [`legend label ${i + 1}`, l] as const)]
    .flatMap(([place, text]) => dateProblems(text, ledger).map((p) => ({ ...p, problem: `${place} states ${p.problem}` })));
  if (wrongDates.length > 0) {
    const near = nearestEvents(wrongDates[0]!.date, ledger);
    throw new ChartError(
      wrongDates.map((p) => p.problem).join("; "),
      `Name the event instead, so the ledger prints its date: t\`… \${{ event: "${near[0]?.id ?? "event-id"}" }} …\`${near.length > 0 ? ` (the ledger's nearest dates: ${near.map((n) => n.text).join(", ")})` : ""}, or add the event to the ledger with the quote that dates it`,
    );
  }
  const untraced = [...typed, ...legendLabels].flatMap((w) => untracedNumbers(w, ledger, spec.scales));
  if (untraced.length > 0) {
    throw new ChartError(
      `the chart's words state ${untraced.map((n) => `"${n}"`).join(", ")}, which no figure in the ledger holds`,
      "Add the figure to the ledger (stated, or derived with its arithmetic), or correct the number",
    );
  }
  return { headline, subtitle, notes };
}
