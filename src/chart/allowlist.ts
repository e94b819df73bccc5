// What a published chart may contain: a picture and its words, nothing that
// runs, loads or links. Checked on the file's text with a strict XML parser,
// so a change to the theme or to Plot cannot ship a script, an event
// handler or an outside reference, and a malformed file cannot ship at all.

import { SaxesParser } from "saxes";

export const SVG_NS = "http://www.w3.org/2000/svg";

const ELEMENTS = new Set([
  "svg", "g", "title", "desc", "style", "defs", "clipPath", "pattern", "marker", "mask",
  "linearGradient", "radialGradient", "stop",
  "text", "tspan", "rect", "line", "path", "circle", "ellipse", "polyline", "polygon",
]);

const ATTRIBUTES = new Set([
  "xmlns", "id", "class", "role", "aria-label", "aria-labelledby", "aria-hidden", "aria-description",
  "width", "height", "viewBox", "preserveAspectRatio", "x", "y", "x1", "x2", "y1", "y2", "dx", "dy",
  "cx", "cy", "r", "rx", "ry", "d", "points", "transform",
  "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-dasharray",
  "stroke-dashoffset", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "opacity", "color",
  "font-family", "font-size", "font-weight", "font-style", "font-variant", "text-anchor",
  "dominant-baseline", "paint-order", "clip-path", "clipPathUnits", "patternUnits", "patternTransform",
  "shape-rendering", "letter-spacing", "vector-effect", "mix-blend-mode",
  // Markers, gradients and masks: drawn from the file's own definitions.
  "marker-start", "marker-mid", "marker-end", "markerWidth", "markerHeight", "markerUnits", "refX", "refY", "orient",
  "offset", "stop-color", "stop-opacity", "gradientUnits", "gradientTransform", "spreadMethod", "fx", "fy", "fr",
  "mask", "maskUnits", "maskContentUnits", "isolation", "filter", "visibility",
]);

/** Every reason the SVG text may not be published; empty when it may. */
export function checkSvg(text: string): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const parser = new SaxesParser({ xmlns: true, position: true });
  let depth = 0;
  let inStyle = false;
  let style = "";
  parser.on("opentag", (tag) => {
    if (depth === 0 && (tag.local !== "svg" || tag.uri !== SVG_NS)) problems.push("its root is not an <svg> in the SVG namespace");
    depth++;
    if (tag.uri !== SVG_NS || !ELEMENTS.has(tag.local)) {
      problems.push(`element <${tag.name}> is not allowed`);
      return;
    }
    for (const attr of Object.values(tag.attributes)) {
      const name = attr.name;
      if (!ATTRIBUTES.has(name)) problems.push(`attribute ${name} on <${tag.local}> is not allowed`);
      else if (!safeValue(attr.value)) problems.push(`attribute ${name} on <${tag.local}> refers outside the file`);
      if (name === "id") {
        if (ids.has(attr.value)) problems.push(`id "${attr.value}" is used twice`);
        ids.add(attr.value);
      }
    }
    inStyle = tag.local === "style";
    style = "";
  });
  parser.on("text", (t) => {
    if (inStyle) style += t;
  });
  parser.on("cdata", (t) => {
    if (inStyle) style += t;
  });
  parser.on("closetag", (tag) => {
    depth--;
    if (tag.local === "style" && (/@import/i.test(style) || !safeValue(style))) problems.push("a <style> loads something from outside the file");
    inStyle = false;
  });
  parser.on("processinginstruction", () => problems.push("a processing instruction is not allowed"));
  parser.on("doctype", () => problems.push("a DOCTYPE is not allowed"));
  try {
    parser.write(text).close();
  } catch (error) {
    return [`it is not well-formed XML (${(error as Error).message.split("\n")[0]})`];
  }
  if (depth !== 0) problems.push("it is not well-formed XML (unclosed element)");
  return problems;
}

/** Only references to the file's own ids: url(#…); no script or data URLs. */
function safeValue(value: string): boolean {
  if (/javascript:|data:/i.test(value)) return false;
  for (const m of value.matchAll(/url\(\s*(['"]?)([^)'"]*)\1\s*\)/gi)) {
    if (!m[2]!.startsWith("#")) return false;
  }
  return true;
}
