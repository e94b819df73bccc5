// Finishing, in the manner of bbplot's finalise_plot: Plot's drawing becomes
// one standalone SVG with the headline, subtitle, legend, notes, source and
// credit drawn around it as SVG text, a title and description for screen
// readers, and ids that belong to this chart alone.

import { FALLBACK_ALLOWANCE, wrap, type TextStyle } from "./text-metrics.ts";
import { swatchLegend, type LegendItem } from "./legends.ts";
import { INK, THEME, type Artboard } from "./theme.ts";

import { SVG_NS } from "./allowlist.ts";
import { chartClass, chartStyle, type DarkShade } from "./chart-style.ts";
import { prefixIds } from "./ids.ts";

export interface FinishInput {
  /** Unique among all charts, and the prefix of every id in the file. */
  prefix: string;
  artboard: Artboard;
  headline: string;
  subtitle: string | null;
  legend: LegendItem[];
  /** Colours the chart's dark-mode style lightens (colour-check.ts). */
  darkShades?: DarkShade[];
  /** Legends drawn from Plot's scales (legends.ts), placed below the house legend. */
  plotLegends?: { g: Element; height: number } | null;
  notes: string[];
  source: string;
  alt: string;
  plot: SVGSVGElement;
  plotHeight: number;
}

export function finish(input: FinishInput): SVGSVGElement {
  const { artboard, prefix } = input;
  const document = input.plot.ownerDocument;
  const el = (name: string, attrs: Record<string, string | number> = {}, text?: string) => {
    const e = document.createElementNS(SVG_NS, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const inner = artboard.width - 2 * artboard.padding;
  const svg = el("svg") as SVGSVGElement;
  const title = el("title", { id: `${prefix}-title` }, input.headline);
  const desc = el("desc", { id: `${prefix}-desc` }, input.alt);
  const background = el("rect", { class: "sc-bg", width: artboard.width, height: 0, fill: INK.background });
  svg.append(title, desc, el("style", {}, chartStyle(prefix, input.darkShades)), background);

  let y = artboard.padding;
  const block = (text: string, style: TextStyle & { lineHeight: number }, attrs: Record<string, string | number> = {}) => {
    const lines = wrap(text, inner / FALLBACK_ALLOWANCE, style);
    const g = el("g", { "font-size": style.size, ...(style.weight !== "regular" ? { "font-weight": style.weight === "bold" ? 700 : 600 } : {}), ...attrs });
    lines.forEach((line, i) => {
      g.append(el("text", { x: artboard.padding, y: round(y + style.size * (0.92 + style.lineHeight * i)) }, line));
    });
    y += style.size * style.lineHeight * lines.length;
    svg.append(g);
  };

  block(input.headline, artboard.headline, { "aria-hidden": "true" });
  if (input.subtitle) {
    y += 4;
    block(input.subtitle, artboard.subtitle, { class: "sc-muted", fill: INK.muted, "aria-hidden": "true" });
  }
  y += artboard.name === "desktop" ? 14 : 10;
  if (input.legend.length > 0) {
    const swatches = swatchLegend(input.legend, { document, artboard, y });
    svg.append(swatches.g);
    y = swatches.bottom + 8;
  }
  if (input.plotLegends) {
    input.plotLegends.g.setAttribute("transform", `translate(${artboard.padding},${round(y)})`);
    svg.append(input.plotLegends.g);
    y += input.plotLegends.height + 8;
  }

  // Inside role="img" the drawing is presentational: the title and description
  // speak for it, and Plot's aria-labels on plain groups are not allowed there.
  // (finish-plot.ts removes them once the audit has named marks by them.)
  const plot = el("g", { transform: `translate(${artboard.padding},${round(y)})`, "aria-hidden": "true" });
  for (const name of ["fill", "font-family", "font-size", "text-anchor"]) {
    const value = input.plot.getAttribute(name);
    if (value !== null) plot.setAttribute(name, value);
  }
  // Listed by siblings before any moves: jsdom's childNodes list, spread, is rebuilt and indexed node by node.
  const children: ChildNode[] = [];
  for (let c = input.plot.firstChild; c; c = c.nextSibling) children.push(c);
  for (const child of children) {
    if ((child as Element).tagName?.toLowerCase() !== "style") plot.append(child);
  }
  svg.append(plot);
  y += input.plotHeight + (artboard.name === "desktop" ? 12 : 10);

  for (const note of input.notes) {
    block(note, artboard.notes, { class: "sc-muted", fill: INK.muted });
    y += 4;
  }
  block(input.source, artboard.notes, { class: "sc-muted", fill: INK.muted });
  block(THEME.credit, artboard.notes, { class: "sc-muted", fill: INK.muted });
  const height = Math.ceil(y + artboard.padding);

  background.setAttribute("height", String(height));
  // The serializer writes xmlns for an element made in the SVG namespace.
  for (const [k, v] of Object.entries({
    class: chartClass(prefix), width: artboard.width, height, viewBox: `0 0 ${artboard.width} ${height}`,
    role: "img", "aria-labelledby": `${prefix}-title ${prefix}-desc`,
    "font-family": THEME.fontStack, fill: "currentColor", color: INK.text,
  })) svg.setAttribute(k, String(v));
  prefixIds(svg, prefix);
  return svg;
}

const round = (n: number) => Math.round(n * 100) / 100;
