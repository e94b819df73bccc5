// A chart's own <style>: every rule, the dark-mode ones too, reaches only
// inside the root <svg> that carries the chart's class, so an SVG inlined into
// a page restyles nothing of the page (its icons, its text, its classes).

import { DARK_INK, INK } from "./theme.ts";

/**
 * The class on a chart's root <svg>, unique per chart and artboard as the
 * prefix is. "sc-chart-" keeps it apart from the chart's own sc-bg and
 * sc-muted, whatever the prefix.
 */
export function chartClass(prefix: string): string {
  if (prefix === "" || /[\t\n\f\r ]/.test(prefix)) throw new Error(`chart prefix "${prefix}" is empty or holds a space: it names the chart's class and ids`);
  return `sc-chart-${prefix}`;
}

/** A colour of the chart and the lighter shade a dark page shows instead (colour-check.ts). */
export interface DarkShade {
  attr: "fill" | "stroke";
  value: string;
  variant: string;
}

/** The text of the chart's <style>, each selector under the chart's root. */
export function chartStyle(prefix: string, shades: readonly DarkShade[] = []): string {
  const root = `svg.${cssIdentifier(chartClass(prefix))}`;
  const dark = shades.map((s) => `\n  ${root} [${s.attr}="${cssString(s.value)}"] { ${s.attr}: ${s.variant}; }`).join("");
  return `
${root} text { white-space: pre; }
${root} .sc-bg { fill: ${INK.background}; }
${root} .sc-bg-stroke { stroke: ${INK.background}; }
${root} .sc-muted { fill: ${INK.muted}; }
@media (prefers-color-scheme: dark) {
  ${root} { color: ${DARK_INK.text}; }
  ${root} .sc-bg { fill: ${DARK_INK.background}; }
  ${root} .sc-bg-stroke { stroke: ${DARK_INK.background}; }
  ${root} .sc-muted { fill: ${DARK_INK.muted}; }${dark}
}`;
}

/** The inside of a double-quoted CSS string. */
function cssString(s: string): string {
  return s.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);
}

/** An identifier that begins with a letter, escaped as CSS.escape would escape it. */
function cssIdentifier(s: string): string {
  return s.replace(/[^\w-]/gu, (c) => {
    const code = c.codePointAt(0)!;
    if (code >= 0x80) return c;
    if (code === 0) return "\uFFFD";
    return code < 0x20 || code === 0x7f ? `\\${code.toString(16)} ` : `\\${c}`;
  });
}
