// Observable Plot in a jsdom document. The document is passed to Plot
// explicitly and no global window is ever set, so the command line and the
// tests draw the same bytes. Whatever Plot would only whisper about (a
// warning in the console, a ⚠️ in the corner, a column that is not there) is
// turned into an error that stops the chart.

import { createRequire } from "node:module";
import * as Plot from "@observablehq/plot";
import type * as Jsdom from "jsdom";
import type { Row } from "../tables/index.ts";

export class ChartError extends Error {
  constructor(message: string, readonly fix: string) {
    super(message);
    this.name = "ChartError";
  }
}

let jsdom: typeof Jsdom | null = null;
let shared: Jsdom.JSDOM | null = null;

/**
 * Loads jsdom ahead of the first drawing, so that a command that draws
 * nothing (list, check) never pays for it.
 * Compiled, this is jsdom's bundle in the vendor folder (see compile.mjs);
 * a drawing that nobody loaded it for requires it from node_modules.
 */
export async function loadChartDom(): Promise<void> {
  jsdom ??= (await import("jsdom")) as typeof Jsdom;
}

/** One document for a whole build: creating a JSDOM costs more than drawing a chart. */
export function chartWindow(): Jsdom.DOMWindow {
  jsdom ??= createRequire(import.meta.url)("jsdom") as typeof Jsdom;
  shared ??= new jsdom.JSDOM("<!DOCTYPE html><html><body></body></html>");
  return shared.window;
}

class MissingColumn extends Error {
  constructor(readonly column: string) {
    super(column);
  }
}

/**
 * Rows that throw when Plot reads a column they lack: Plot itself would
 * silently draw nothing for it.
 */
export function guardRows(rows: Row[]): Row[] {
  return rows.map((row) => new Proxy(row, {
    get(target, prop, receiver) {
      if (typeof prop === "string" && !(prop in target)) throw new MissingColumn(prop);
      return Reflect.get(target, prop, receiver);
    },
  }));
}

/** A missing column, or any other failure while drawing, as one clear error. */
export function asChartError(error: unknown, table: string, columns: string[]): ChartError {
  if (error instanceof ChartError) return error;
  if (error instanceof MissingColumn) {
    return new ChartError(
      `the chart uses the column "${error.column}", which table ${table} does not have (it has ${columns.join(", ")})`,
      "Use one of the table's columns, or add the column to the table",
    );
  }
  // A ledger id the chart's code asked for and the ledger does not hold: say which, as a table's build does.
  if (error instanceof Error && error.name === "LedgerError") {
    const id = (error as Error & { id?: unknown }).id;
    return Object.assign(new ChartError(`uses "${String(id)}", which ${error.message}`, "Use the id of one of the notebook's figures, events or places, as the ledger writes it"), { cause: error });
  }
  // The cause keeps the stack, so that a caller can name the line of the function that threw.
  return Object.assign(new ChartError(`drawing failed: ${(error as Error).message}`, "Fix the chart's plot function"), { cause: error });
}

export function renderPlot(options: Plot.PlotOptions, table: string, columns: string[]): SVGSVGElement {
  const document = chartWindow().document;
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(" "));
  let result: SVGSVGElement | HTMLElement;
  try {
    result = Plot.plot({ ...options, document });
  } catch (error) {
    throw asChartError(error, table, columns);
  } finally {
    console.warn = warn;
  }
  if (warnings.length > 0) {
    throw new ChartError(`Plot warned: ${warnings[0]!.replace(/^Warning: /, "").replace(/\.$/, "")}`, "Fix what Plot warns about; a warning would print ⚠️ on the published chart");
  }
  if (result.tagName.toLowerCase() !== "svg") {
    throw new ChartError(
      "Plot returned an HTML figure instead of an SVG (a title, subtitle, caption or legend option was passed to Plot)",
      "Give the headline, subtitle, notes and legend to the chart spec, which draws them as SVG",
    );
  }
  return result as SVGSVGElement;
}

/** What a drawing says of its scales, as Plot's figure.scale(name) gives it. */
export interface ScaleReader {
  scale(name: string): Plot.Scale | undefined;
}

/**
 * The scales Plot makes for these options, with the marks not drawn: what a
 * chart's drawing says of its scales before the house settles its colours,
 * at a fraction of a drawing's cost. Each mark is read through a stand-in
 * whose render draws nothing; data, channels, transforms and initializers,
 * which make the scales, are its own. The axes are drawn as Plot would:
 * they set the default margins, hence the frame's size, and a scale made
 * in pixels (a hexbin's counts) depends on it. Null when Plot refuses the
 * options: the full drawing then says why.
 */
export function plotScales(options: Plot.PlotOptions): ScaleReader | null {
  const silent = (mark: unknown): unknown => {
    if (Array.isArray(mark)) return mark.map(silent);
    if (typeof mark === "function") return null; // a render function makes no scale
    if (mark !== null && typeof mark === "object" && typeof (mark as { render?: unknown }).render === "function") return Object.create(mark, { render: { value: () => null } });
    return mark;
  };
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    return Plot.plot({ ...options, marks: silent(options.marks ?? []) as Plot.Markish[], document: chartWindow().document }) as unknown as ScaleReader;
  } catch {
    return null;
  } finally {
    console.warn = warn;
  }
}

