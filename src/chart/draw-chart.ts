// One chart on one artboard: the house style's Plot defaults, the chart's
// own options over them, Plot in jsdom, then finishing. Returns the SVG text
// and checks it against the allowlist before anyone can publish it.

import type * as Plot from "@observablehq/plot";
import { altText } from "./alt-text.ts";
import type { ChartContext, ChartSpec } from "./spec.ts";
import { checkSvg } from "./allowlist.ts";
import { finish } from "./finish.ts";
import type { Ledger } from "../ledger/index.ts";
import { asChartError, chartWindow, ChartError, guardRows, renderPlot } from "./render.ts";
import { provenance, sourceLine } from "./sources.ts";
import { geometryProblems } from "./geometry.ts";
import { hiddenCharacters } from "./hidden-characters.ts";
import { untracedNumbers } from "./text-numbers.ts";
import type { Row } from "../tables/index.ts";
import { claimantColor, THEME, type Artboard } from "./theme.ts";

export interface DrawInput {
  id: string;
  spec: ChartSpec;
  rows: Row[];
  columns: string[];
  ledger: Ledger;
  article: { credit: string; date: string };
}

export interface Drawn {
  svg: string;
  alt: string;
  /** The "Source: …" line the chart prints. */
  source: string;
  /** Who claims the numbers it draws, each once. */
  claimants: string[];
  width: number;
  height: number;
}

/** Plot defaults of the house style; the chart's options are spread over them. */
function houseDefaults(artboard: Artboard, width: number, height: number): Plot.PlotOptions {
  return {
    width, height,
    marginTop: 8, marginRight: 8, marginBottom: 28, marginLeft: 8,
    style: { fontFamily: THEME.fontStack, fontSize: `${artboard.body.size}px` },
    x: { grid: true, tickSize: 0, labelArrow: "none" },
    y: { tickSize: 0, labelArrow: "none" },
  } as Plot.PlotOptions;
}

// Characters XML 1.0 cannot carry (controls, lone surrogates, noncharacters):
// a label pasted from anywhere must not make the file unreadable.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDFFF]/gu;

/** The text as an XML file can carry it: line ends as LF (XML would turn CR into LF anyway), no forbidden characters. */
export function xmlSafe(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(NOT_XML, "");
}

export function drawChart(input: DrawInput, artboard: Artboard): Drawn {
  const { spec } = input;
  const width = artboard.width - 2 * artboard.padding;
  const height = typeof spec.height === "function" ? spec.height(input.rows, artboard) : spec.height[artboard.name];
  const context: ChartContext = { artboard, width, height, ledger: input.ledger, color: claimantColor };
  const defaults = houseDefaults(artboard, width, height);
  const rows = guardRows(input.rows);
  let own: Plot.PlotOptions;
  try {
    own = spec.plot(rows, context);
  } catch (error) {
    throw asChartError(error, spec.table, input.columns);
  }
  // Plot lets marginTop beat margin: a chart that sets margin means all four sides.
  if (own.margin !== undefined) for (const side of ["marginTop", "marginRight", "marginBottom", "marginLeft"] as const) delete defaults[side];
  const options: Plot.PlotOptions = {
    ...defaults, ...own,
    x: { ...(defaults.x as object), ...(own.x as object) },
    y: { ...(defaults.y as object), ...(own.y as object) },
    marks: (own.marks ?? []).flat(),
  };
  const plot = renderPlot(options, spec.table, input.columns);
  // Plot's defaults for an SVG: the house font and size instead.
  plot.setAttribute("font-family", THEME.fontStack);
  plot.setAttribute("font-size", String(artboard.body.size));
  plot.removeAttribute("style");

  const legend = spec.legend?.(input.rows, context) ?? [];
  const notes = spec.notes?.(input.rows, context) ?? [];
  const named: [string, string][] = [
    ["headline", spec.headline], ["subtitle", spec.subtitle ?? ""],
    ...notes.map((n, i): [string, string] => [`note ${i + 1}`, n]), ...legend.map((l, i): [string, string] => [`legend label ${i + 1}`, l.label]),
  ];
  const hidden = named.flatMap(([where, w]) => hiddenCharacters(w).map((h) => `the ${where} holds ${h.code} (${h.name}) at character ${h.position}`));
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
  const svg = finish({
    prefix: `${input.id}-${artboard.name}`,
    artboard,
    headline: spec.headline,
    subtitle: spec.subtitle ?? null,
    legend,
    notes,
    source,
    alt,
    plot,
    plotHeight: height,
  });
  const text = `${xmlSafe(new (chartWindow().XMLSerializer)().serializeToString(svg))}\n`;
  const impossible = geometryProblems(text);
  if (impossible.length > 0) {
    throw new ChartError(
      `the chart drew what no number can place: ${impossible.slice(0, 3).join("; ")}${impossible.length > 3 ? `; and ${impossible.length - 3} more` : ""}`,
      "Check the table's values (a value near ±1e308 overflows the scale; a missing value is not a number) and give marks constants where Plot takes constants",
    );
  }
  const problems = checkSvg(text);
  if (problems.length > 0) {
    throw new ChartError(`the finished SVG breaks the allowlist: ${problems.join("; ")}`, "Remove what the allowlist forbids; a published chart may carry nothing but a picture");
  }
  return {
    svg: text, alt, source, claimants: [...new Set(p.figures.map((f) => f.claimant))],
    width: artboard.width, height: Number(svg.getAttribute("height")),
  };
}
