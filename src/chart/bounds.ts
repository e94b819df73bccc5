// Where everything an SVG draws lands, in the root's coordinates: each text
// line measured with the shipped font (and the fallback allowance), each shape
// from its geometry, through every transform and clip path. Margins are fitted
// with it, and a finished chart is audited with it, without a browser.

import { svgPathBbox } from "svg-path-bbox";
import { FALLBACK_ALLOWANCE, textWidth } from "./text-metrics.ts";
import { descendants } from "./elements.ts";

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Placed {
  element: Element;
  box: Box;
  /** The line's words for text; empty for a shape. */
  text: string;
  /** The aria-label of the nearest mark group ("y-axis tick label", "dot"), or "". */
  mark: string;
  /** Text set upright rather than along the line (rotated by more than 45°). */
  turned: boolean;
}

type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

interface Inherited {
  matrix: Matrix;
  fontSize: number;
  bold: boolean;
  anchor: string;
  mark: string;
  clip: Box | null;
}

// Elements that draw nothing where they stand: definitions, referenced or
// read by assistive technology only.
const UNDRAWN = new Set(["defs", "clippath", "marker", "pattern", "lineargradient", "radialgradient", "mask", "title", "desc", "style", "symbol", "metadata"]);

// Source Sans 3 sets capitals and accents within about 0.8 em above the
// baseline and descenders within 0.25 em below it.
const ASCENT = 0.8;
const DESCENT = 0.25;

/**
 * Every text line and shape the SVG draws, with its box in root coordinates.
 * `fontSize` is the root's size when a style sets it over the root's attribute.
 */
export function layout(root: Element, fontSize?: number): Placed[] {
  const placed: Placed[] = [];
  const ids = new Map<string, Element>();
  for (const e of descendants(root)) {
    const id = e.getAttribute("id");
    if (id !== null) ids.set(id, e);
  }
  const state = inherit(root, { matrix: IDENTITY, fontSize: 16, bold: false, anchor: "start", mark: "", clip: null }, ids);
  visit(root, fontSize === undefined ? state : { ...state, fontSize }, placed, ids);
  return placed;
}

function visit(element: Element, state: Inherited, placed: Placed[], ids: Map<string, Element>): void {
  for (const child of childElements(element)) {
    const tag = child.localName.toLowerCase();
    if (UNDRAWN.has(tag) || child.getAttribute("display") === "none" || child.getAttribute("visibility") === "hidden") continue;
    const own = inherit(child, state, ids);
    if (tag === "text") {
      const turned = Math.abs(own.matrix[1]) > Math.abs(own.matrix[0]);
      for (const line of textLines(child, own)) placed.push({ element: child, box: clipped(line.box, own.clip), text: line.text, mark: own.mark, turned });
      continue;
    }
    const local = shapeBox(child);
    if (local) placed.push({ element: child, box: clipped(transformBox(own.matrix, local), own.clip), text: "", mark: own.mark, turned: false });
    if (tag === "g" || tag === "svg" || tag === "a" || tag === "switch") visit(child, own, placed, ids);
  }
}

function inherit(e: Element, parent: Inherited, ids: Map<string, Element>): Inherited {
  const size = e.getAttribute("font-size");
  const weight = e.getAttribute("font-weight");
  const anchor = e.getAttribute("text-anchor");
  const label = e.getAttribute("aria-label");
  const transform = e.getAttribute("transform");
  const matrix = transform ? multiply(parent.matrix, parseTransform(transform)) : parent.matrix;
  let clip = parent.clip;
  const reference = /url\(\s*['"]?#([^)'"]+)['"]?\s*\)/.exec(e.getAttribute("clip-path") ?? "");
  const clipPath = reference ? ids.get(reference[1]!) : undefined;
  if (clipPath) {
    // A clip path's shapes are in the user space of the element it clips.
    const boxes = childElements(clipPath).map((c) => {
      const b = shapeBox(c);
      const t = c.getAttribute("transform");
      return b && transformBox(t ? multiply(matrix, parseTransform(t)) : matrix, b);
    }).filter((b): b is Box => b !== null);
    if (boxes.length > 0) clip = intersect(union(boxes), clip);
  }
  return {
    matrix,
    fontSize: size !== null && Number.isFinite(parseFloat(size)) ? length(size, parent.fontSize) : parent.fontSize,
    bold: weight !== null ? weight === "bold" || weight === "bolder" || Number(weight) >= 600 : parent.bold,
    anchor: anchor ?? parent.anchor,
    mark: label ?? parent.mark,
    clip,
  };
}

/** A text's lines (itself, or its tspans), each placed at its baseline and anchored. */
function textLines(text: Element, state: Inherited): { text: string; box: Box }[] {
  const em = state.fontSize;
  let x = length(first(text.getAttribute("x")), em) + length(first(text.getAttribute("dx")), em);
  let y = length(first(text.getAttribute("y")), em) + length(first(text.getAttribute("dy")), em);
  const lines: { text: string; x: number; y: number; size: number; bold: boolean; anchor: string }[] = [];
  const spans = childElements(text).filter((c) => c.localName.toLowerCase() === "tspan");
  if (spans.length === 0) {
    // A <title> inside the text is its tooltip (Plot's textOverflow keeps the whole text there), not drawn.
    // Walked by siblings: jsdom's childNodes list, spread, is rebuilt and indexed node by node.
    let drawn = "";
    for (let n = text.firstChild; n; n = n.nextSibling) if (n.nodeType === 3) drawn += n.textContent;
    lines.push({ text: drawn, x, y, size: em, bold: state.bold, anchor: state.anchor });
  } else {
    for (const span of spans) {
      const s = inherit(span, { ...state, matrix: IDENTITY }, new Map());
      const sx = span.getAttribute("x");
      const sy = span.getAttribute("y");
      if (sx !== null) x = length(first(sx), s.fontSize);
      if (sy !== null) y = length(first(sy), s.fontSize);
      x += length(first(span.getAttribute("dx")), s.fontSize);
      y += length(first(span.getAttribute("dy")), s.fontSize);
      lines.push({ text: span.textContent ?? "", x, y, size: s.fontSize, bold: s.bold, anchor: s.anchor });
    }
  }
  return lines.filter((l) => l.text.trim() !== "").map((l) => {
    const width = textWidth(l.text, { size: l.size, weight: l.bold ? "bold" : "regular" }) * FALLBACK_ALLOWANCE;
    const x1 = l.anchor === "middle" ? l.x - width / 2 : l.anchor === "end" ? l.x - width : l.x;
    const box = { x1, y1: l.y - ASCENT * l.size, x2: x1 + width, y2: l.y + DESCENT * l.size };
    return { text: l.text, box: transformBox(state.matrix, box) };
  });
}

/** A shape's box in its own coordinates, or null for what draws no shape. */
function shapeBox(e: Element): Box | null {
  const n = (name: string) => length(e.getAttribute(name), 0);
  switch (e.localName.toLowerCase()) {
    case "rect": {
      const [x, y, w, h] = [n("x"), n("y"), n("width"), n("height")];
      return { x1: x, y1: y, x2: x + w, y2: y + h };
    }
    case "circle": {
      const [cx, cy, r] = [n("cx"), n("cy"), n("r")];
      return { x1: cx - r, y1: cy - r, x2: cx + r, y2: cy + r };
    }
    case "ellipse": {
      const [cx, cy, rx, ry] = [n("cx"), n("cy"), n("rx"), n("ry")];
      return { x1: cx - rx, y1: cy - ry, x2: cx + rx, y2: cy + ry };
    }
    case "line": {
      const [x1, y1, x2, y2] = [n("x1"), n("y1"), n("x2"), n("y2")];
      return { x1: Math.min(x1, x2), y1: Math.min(y1, y2), x2: Math.max(x1, x2), y2: Math.max(y1, y2) };
    }
    case "path": {
      const d = e.getAttribute("d");
      if (!d || !/\d/.test(d)) return null;
      const polyline = polylineBox(d);
      if (polyline) return polyline;
      try {
        const [x1, y1, x2, y2] = svgPathBbox(d);
        return Number.isFinite(x1) ? { x1, y1, x2, y2 } : null;
      } catch {
        return null;
      }
    }
    case "polygon":
    case "polyline": {
      const values = (e.getAttribute("points") ?? "").trim().split(/[\s,]+/).map(Number);
      if (values.length < 2) return null;
      const xs = values.filter((_, i) => i % 2 === 0);
      const ys = values.filter((_, i) => i % 2 === 1);
      return { x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) };
    }
    default:
      return null;
  }
}

// A path of absolute moves and lines only, as d3-geo and Plot's straight marks write it: "M1,2L3,4Z".
// Its box is its vertices' least and greatest, what svgPathBbox finds, without building its segments:
// the region map's paths made svgPathBbox a sixth of a cold build's drawing.
const NUMBER = String.raw`-?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?`;
const POLYLINE = new RegExp(String.raw`^M${NUMBER},${NUMBER}(?:[ML]${NUMBER},${NUMBER}|Z)*$`);
const COORDINATE = new RegExp(String.raw`(${NUMBER}),(${NUMBER})`, "g");

/** The box of a path written as absolute moves and lines, or null for any other path. */
function polylineBox(d: string): Box | null {
  if (!POLYLINE.test(d)) return null;
  let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const m of d.matchAll(COORDINATE)) {
    const x = parseFloat(m[1]!);
    const y = parseFloat(m[2]!);
    if (x < x1) x1 = x;
    if (x > x2) x2 = x;
    if (y < y1) y1 = y;
    if (y > y2) y2 = y;
  }
  return { x1, y1, x2, y2 };
}

function first(value: string | null): string | null {
  return value === null ? null : value.trim().split(/[\s,]+/)[0] ?? null;
}

/** A length in user units: "12", "0.32em", "12px". */
function length(value: string | null, em: number): number {
  if (value === null || value === "") return 0;
  const n = parseFloat(value);
  if (!Number.isFinite(n)) return 0;
  return /em$/.test(value.trim()) ? n * em : n;
}

// A chart repeats a few transforms over and over (each tick's translate): each is parsed once. The
// matrices are never changed in place; the cache is emptied when it grows, so a build of many charts
// holds no more than a few thousand.
const parsedTransforms = new Map<string, Matrix>();

export function parseTransform(text: string): Matrix {
  let m = parsedTransforms.get(text);
  if (m === undefined) {
    if (parsedTransforms.size >= 4096) parsedTransforms.clear();
    parsedTransforms.set(text, (m = parsedTransform(text)));
  }
  return m;
}

function parsedTransform(text: string): Matrix {
  let m: Matrix = IDENTITY;
  for (const [, name, args] of text.matchAll(/(\w+)\s*\(([^)]*)\)/g)) {
    const a = args!.trim().split(/[\s,]+/).map(Number);
    switch (name) {
      case "translate": m = multiply(m, [1, 0, 0, 1, a[0] ?? 0, a[1] ?? 0]); break;
      case "scale": m = multiply(m, [a[0] ?? 1, 0, 0, a[1] ?? a[0] ?? 1, 0, 0]); break;
      case "rotate": {
        const r = ((a[0] ?? 0) * Math.PI) / 180;
        const [cx, cy] = [a[1] ?? 0, a[2] ?? 0];
        m = multiply(m, [1, 0, 0, 1, cx, cy]);
        m = multiply(m, [Math.cos(r), Math.sin(r), -Math.sin(r), Math.cos(r), 0, 0]);
        m = multiply(m, [1, 0, 0, 1, -cx, -cy]);
        break;
      }
      case "skewX": m = multiply(m, [1, 0, Math.tan(((a[0] ?? 0) * Math.PI) / 180), 1, 0, 0]); break;
      case "skewY": m = multiply(m, [1, Math.tan(((a[0] ?? 0) * Math.PI) / 180), 0, 1, 0, 0]); break;
      case "matrix": m = multiply(m, [a[0] ?? 1, a[1] ?? 0, a[2] ?? 0, a[3] ?? 1, a[4] ?? 0, a[5] ?? 0]); break;
    }
  }
  return m;
}

function multiply(p: Matrix, q: Matrix): Matrix {
  return [
    p[0] * q[0] + p[2] * q[1], p[1] * q[0] + p[3] * q[1],
    p[0] * q[2] + p[2] * q[3], p[1] * q[2] + p[3] * q[3],
    p[0] * q[4] + p[2] * q[5] + p[4], p[1] * q[4] + p[3] * q[5] + p[5],
  ];
}

function transformBox(m: Matrix, b: Box): Box {
  if (m === IDENTITY) return b;
  const corners = [[b.x1, b.y1], [b.x2, b.y1], [b.x1, b.y2], [b.x2, b.y2]].map(([x, y]) => [m[0] * x! + m[2] * y! + m[4], m[1] * x! + m[3] * y! + m[5]]);
  const xs = corners.map((c) => c[0]!);
  const ys = corners.map((c) => c[1]!);
  return { x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) };
}

export function union(boxes: Box[]): Box {
  return boxes.reduce((a, b) => ({ x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1), x2: Math.max(a.x2, b.x2), y2: Math.max(a.y2, b.y2) }));
}

function intersect(a: Box, b: Box | null): Box {
  return b === null ? a : { x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1), x2: Math.min(a.x2, b.x2), y2: Math.min(a.y2, b.y2) };
}

/** What the clip leaves of a box; an empty intersection collapses onto the clip, where it shows nothing. */
function clipped(box: Box, clip: Box | null): Box {
  if (clip === null) return box;
  const b = intersect(box, clip);
  return b.x1 <= b.x2 && b.y1 <= b.y2 ? b : { x1: clip.x1, y1: clip.y1, x2: clip.x1, y2: clip.y1 };
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

const px = (n: number) => `${Math.round(n * 10) / 10} px`;

/** What runs past the edges of a width × height artboard, one phrase each: `"1,250,000" (x-axis tick label) runs past the right edge by 12.4 px`. */
export function outsideArtboard(placed: Placed[], width: number, height: number, tolerance = 0.5): string[] {
  return placed.filter((p) => p.box.x1 < -tolerance || p.box.y1 < -tolerance || p.box.x2 > width + tolerance || p.box.y2 > height + tolerance).map((p) => {
    const name = p.text ? `"${p.text}"` : `a <${p.element.localName}>`;
    const where = p.box.x1 < -tolerance ? `left edge by ${px(-p.box.x1)}`
      : p.box.x2 > width + tolerance ? `right edge by ${px(p.box.x2 - width)}`
      : p.box.y1 < -tolerance ? `top edge by ${px(-p.box.y1)}`
      : `bottom edge by ${px(p.box.y2 - height)}`;
    return `${name}${p.mark ? ` (${p.mark})` : ""} runs past the ${where}`;
  });
}

/**
 * An element's child elements. jsdom looks up each index of `children` (a live
 * HTMLCollection) by scanning the collection, which made a chart of 10,000
 * dots take half a minute to measure; walking the siblings is linear.
 */
function childElements(e: Element): Element[] {
  const out: Element[] = [];
  for (let c = e.firstElementChild; c; c = c.nextElementSibling) out.push(c);
  return out;
}
