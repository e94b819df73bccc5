// What a published chart may contain: a picture and its words, nothing that
// runs, loads or links. Checked on the parsed file, so a change to the theme
// or to Plot cannot ship a script, an event handler or an outside reference.

import { JSDOM } from "jsdom";
import { SVG_NS } from "./finish.ts";

const ELEMENTS = new Set([
  "svg", "g", "title", "desc", "style", "defs", "clipPath", "pattern",
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
]);

/** Every reason the SVG text may not be published; empty when it may. */
export function checkSvg(text: string): string[] {
  let document: Document;
  try {
    document = new JSDOM(text, { contentType: "image/svg+xml" }).window.document;
  } catch (error) {
    return [`it is not well-formed XML (${(error as Error).message.split("\n")[0]})`];
  }
  const root = document.documentElement;
  if (root.localName !== "svg" || root.namespaceURI !== SVG_NS) return ["its root is not an <svg> in the SVG namespace"];
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const e of [root, ...root.querySelectorAll("*")]) {
    if (e.namespaceURI !== SVG_NS || !ELEMENTS.has(e.localName)) {
      problems.push(`element <${e.tagName}> is not allowed`);
      continue;
    }
    for (const attr of e.attributes) {
      if (!ATTRIBUTES.has(attr.name)) problems.push(`attribute ${attr.name} on <${e.localName}> is not allowed`);
      else if (!safeValue(attr.value)) problems.push(`attribute ${attr.name} on <${e.localName}> refers outside the file`);
    }
    const id = e.getAttribute("id");
    if (id !== null) {
      if (ids.has(id)) problems.push(`id "${id}" is used twice`);
      ids.add(id);
    }
    if (e.localName === "style" && (/@import/i.test(e.textContent ?? "") || !safeValue(e.textContent ?? ""))) {
      problems.push("a <style> loads something from outside the file");
    }
  }
  return problems;
}

/** Only references to the file's own ids: url(#…). */
function safeValue(value: string): boolean {
  if (/javascript:|data:/i.test(value)) return false;
  for (const m of value.matchAll(/url\(\s*(['"]?)([^)'"]*)\1\s*\)/gi)) {
    if (!m[2]!.startsWith("#")) return false;
  }
  return true;
}
