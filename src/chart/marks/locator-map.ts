// A locator map: Natural Earth country shapes (world-atlas, via
// topojson-client) fitted to the places, a dot and a label for each, and a
// great-circle line from the origin to each of the others.

import * as Plot from "@observablehq/plot";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import type { Row } from "../../tables/index.ts";
import * as d3 from "d3";
import { FALLBACK_ALLOWANCE, textWidth } from "../text-metrics.ts";
import { ChartError } from "../render.ts";
import { INK } from "../theme.ts";
import { inside, takeFirstClear, unlabelledList, type Box } from "../label-boxes.ts";

const atlases = new Map<string, FeatureCollection<Geometry, { name: string }>>();

export type Detail = "50m" | "110m";

/** Natural Earth countries at 1:50m or 1:110m, each read once per process. */
export function worldCountries(detail: Detail = "50m"): FeatureCollection<Geometry, { name: string }> {
  let countries = atlases.get(detail);
  if (!countries) {
    const path = createRequire(import.meta.url).resolve(`world-atlas/countries-${detail}.json`);
    const topology = JSON.parse(readFileSync(path, "utf8")) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    countries = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
    atlases.set(detail, countries);
  }
  return countries;
}

export interface LocatorOptions {
  width: number;
  /** Left out, Plot gives the map its projection's aspect ratio. */
  height?: number;
  fontSize: number;
  label: (row: Row) => string;
  /** The place every line starts from; without one, no lines are drawn. */
  origin: (row: Row) => boolean;
  /** Countries drawn a shade darker, by Natural Earth name. */
  highlight: string[];
  color: string;
  /** Names written across areas, such as countries: placed by the chart, in capitals. */
  areas?: { name: string; lon: number; lat: number }[];
  /** A circle's radius in pixels for each place, for a number drawn at it; without it, a dot. */
  radius?: (row: Row) => number;
  /** The circle's colour, by default the ink's. */
  fill?: (row: Row) => string;
  /** More marks drawn over the map, such as a key. */
  marks?: Plot.Markish[];
  marginBottom?: number;
}

export function locatorMap(rows: Row[], o: LocatorOptions): Plot.PlotOptions {
  for (const r of rows) {
    const [lat, lon] = [r.lat, r.lon];
    // A place off the globe is dropped by the projection, or drawn at 0,0: either way a reader would not see where it is.
    if (typeof lat !== "number" || typeof lon !== "number" || !(Math.abs(lat) < 90) || !(Math.abs(lon) <= 180)) {
      throw new ChartError(`the place "${o.label(r).slice(0, 60)}" has latitude ${String(lat)} and longitude ${String(lon)}, not a point on the map`, "Look the place up with place() from the gazetteer, or give lat within ±90 and lon within ±180");
    }
  }
  const points = rows.map((r) => ({
    lon: Number(r.lon), lat: Number(r.lat), label: o.label(r), origin: o.origin(r), r: o.radius?.(r) ?? 4, fill: o.fill?.(r) ?? INK.text,
  }));
  const origin = points.find((p) => p.origin);
  // Places on both sides of 180° (Fiji, Chukotka and Alaska) are one group east of 180°, not the whole world apart.
  const lons = points.map((p) => p.lon);
  const across = Math.max(...lons) - Math.min(...lons) > 180;
  const east = points.map((p) => ({ lat: p.lat, lon: across && p.lon < 0 ? p.lon + 360 : p.lon }));
  const centre = (Math.min(...east.map((p) => p.lon)) + Math.max(...east.map((p) => p.lon))) / 2;
  // A phone shows no more than 1:110m can draw; the finer map would only make the file heavier.
  const box = paddedBox(east);
  const world = near(worldCountries(o.width < 400 ? "110m" : "50m"), box);
  const shaded = world.features.filter((f: Feature<Geometry, { name: string }>) => o.highlight.includes(f.properties.name));
  const projection = { type: "conic-equal-area" as const, parallels: [50, 65] as [number, number], rotate: [-centre, 0] as [number, number] };
  const sides = labelSides(points, projection, box, o);
  // Under everything else in the bottom margin (a point map's key comes first): the places with no room for a label.
  const unlabelled = unlabelledList(points.filter((_, i) => sides[i] === null).map((p) => p.label), o.width, o.fontSize, o.marginBottom ?? 0);
  const halo = { fill: INK.text, stroke: "white", strokeWidth: 3, paintOrder: "stroke", fontWeight: 600 } as const;
  return {
    height: o.height === undefined ? undefined : o.height + unlabelled.height, margin: 0, marginBottom: (o.marginBottom ?? 0) + unlabelled.height,
    r: { type: "identity" },
    projection: {
      ...projection,
      // Fit a box around the places with room for their labels, then let the
      // map fill the whole frame rather than stop at an inset.
      domain: { type: "MultiPoint", coordinates: box },
    },
    marks: [
      Plot.geo(world, { fill: "#efefef", stroke: "white", strokeWidth: 0.75 }),
      Plot.geo(shaded, { fill: "#dedede", stroke: "white", strokeWidth: 0.75 }),
      Plot.text(o.areas ?? [], {
        x: "lon", y: "lat", text: (a: { name: string }) => a.name.toUpperCase(), fill: INK.muted, fontSize: o.fontSize - 1,
        fontWeight: 600, stroke: "#dedede", strokeWidth: 2, paintOrder: "stroke",
      }),
      origin ? Plot.link(points.filter((p) => !p.origin), {
        x1: origin.lon, y1: origin.lat, x2: "lon", y2: "lat", stroke: o.color, strokeWidth: 1.5, strokeDasharray: "4,3",
      }) : null,
      // The largest circles first, so that a small one is never hidden under a large one.
      o.radius
        ? Plot.dot([...points].sort((a, b) => b.r - a.r), { x: "lon", y: "lat", r: "r", fill: "fill", fillOpacity: 0.55, stroke: "fill", strokeWidth: 1.2 })
        : Plot.dot(points, { x: "lon", y: "lat", r: 4, fill: INK.text, stroke: "white", strokeWidth: 1 }),
      ...points.flatMap((p, i) => {
        const side = SIDES.find((s) => s.name === sides[i]);
        return side ? [Plot.text([p], {
          x: "lon", y: "lat", text: "label", textAnchor: side.anchor, dx: side.dx * (p.r + 4), dy: side.dy * (p.r + o.fontSize * 0.6), ...halo,
        })] : [];
      }),
      ...(o.marks ?? []),
      ...unlabelled.marks,
    ],
  };
}

const SIDES = [
  { name: "right", anchor: "start", dx: 1, dy: 0 },
  { name: "left", anchor: "end", dx: -1, dy: 0 },
  { name: "above", anchor: "middle", dx: 0, dy: -1 },
  { name: "below", anchor: "middle", dx: 0, dy: 1 },
  // Corners: beside the dot and clear of it above or below, for a dot with neighbours on every side.
  { name: "above-right", anchor: "start", dx: 0.7, dy: -1 },
  { name: "below-right", anchor: "start", dx: 0.7, dy: 1 },
  { name: "above-left", anchor: "end", dx: -0.7, dy: -1 },
  { name: "below-left", anchor: "end", dx: -0.7, dy: 1 },
] as const;

type Side = (typeof SIDES)[number]["name"];

/**
 * Each label's side of its dot, chosen place by place so that no label lies
 * on another or on a dot, and none leaves the frame: the side away from the
 * map's middle first (the origin's label above its dot), then the others.
 * Positions come from the projection Plot will draw with, fitted the same way.
 */
function labelSides(
  points: { lon: number; lat: number; label: string; origin: boolean; r: number }[],
  projection: { parallels: [number, number]; rotate: [number, number] },
  box: [number, number][], o: LocatorOptions,
): (Side | null)[] {
  const height = (o.height ?? o.width) - (o.marginBottom ?? 0);
  const project = d3.geoConicEqualArea().parallels(projection.parallels).rotate(projection.rotate)
    .fitExtent([[0, 0], [o.width, height]], { type: "MultiPoint", coordinates: box });
  const at = points.map((p): [number, number] => project([p.lon, p.lat]) ?? [0, 0]);
  const style = { size: o.fontSize, weight: "semibold" as const };
  const meanX = d3.mean(at, (a) => a[0]) ?? o.width / 2;
  const taken: Box[] = at.map(([x, y], i) => [x - points[i]!.r - 1, y - points[i]!.r - 1, x + points[i]!.r + 1, y + points[i]!.r + 1]);
  return points.map((p, i) => {
    const [x, y] = at[i]!;
    const w = textWidth(p.label, style) * FALLBACK_ALLOWANCE;
    const h = o.fontSize * 1.2;
    const [gap, lift] = [p.r + 4, p.r + o.fontSize * 0.6];
    // The box a label covers at its anchor, as the side's text will be drawn (its dx and dy, its text anchor).
    const boxFor = (side: Side): Box => {
      const s = SIDES.find((d) => d.name === side)!;
      const [cx, cy] = [x + s.dx * gap, y + s.dy * lift];
      const left = s.anchor === "start" ? cx : s.anchor === "end" ? cx - w : cx - w / 2;
      return [left, cy - h / 2, left + w, cy + h / 2];
    };
    const away: Side = x > meanX ? "left" : "right";
    const near: Side = away === "left" ? "right" : "left";
    const corners: Side[] = [`above-${away}`, `below-${away}`, `above-${near}`, `below-${near}`];
    const order: Side[] = p.origin ? ["above", away, near, "below", ...corners] : [away, near, "above", "below", ...corners];
    const frame: [number, number] = [o.width, height];
    // A label above or below its own dot touches the dot's box by design: only the others' count.
    const others = taken.filter((_, k) => k !== i);
    const clear = takeFirstClear(order.map(boxFor), others, frame);
    if (clear >= 0) {
      taken.push(boxFor(order[clear]!));
      return order[clear]!;
    }
    // No clear side: the side on the map that covers least of the other dots and labels, if that is a sliver
    // (a few pixels of a circle's edge); otherwise the label is listed under the map, never piled on another.
    const covered = (b: Box) => others.reduce((sum, t) => sum + Math.max(0, Math.min(b[2], t[2]) - Math.max(b[0], t[0])) * Math.max(0, Math.min(b[3], t[3]) - Math.max(b[1], t[1])), 0);
    const onMap = order.filter((s) => inside(boxFor(s), frame));
    const side = onMap.length > 0 ? onMap.reduce((best, s) => (covered(boxFor(s)) < covered(boxFor(best)) ? s : best)) : null;
    if (side === null || covered(boxFor(side)) > 0.1 * w * h) return null;
    taken.push(boxFor(side));
    return side;
  });
}

function paddedBox(points: { lon: number; lat: number }[]): [number, number][] {
  const lons = points.map((p) => p.lon);
  const lats = points.map((p) => p.lat);
  // Places in one city (under a degree apart) get a city's margin, not a country's: they would be one blot.
  const spread = Math.max(Math.max(...lons) - Math.min(...lons), Math.max(...lats) - Math.min(...lats));
  const [padLon, padLat] = spread < 1 ? [Math.max(spread, 0.1) * 0.6, Math.max(spread, 0.1) * 0.45] : [4, 3];
  const [w, e, s, n] = [Math.min(...lons) - padLon, Math.max(...lons) + padLon, Math.min(...lats) - padLat, Math.max(...lats) + padLat];
  return [[w, s], [w, n], [e, s], [e, n], [(w + e) / 2, s], [(w + e) / 2, n]];
}

const bounds = new WeakMap<object, [[number, number], [number, number]]>();

/**
 * The least and greatest longitude and latitude of a shape's vertices. Coarser
 * than d3's spherical geoBounds (an edge may bulge past its ends, and a country
 * across the antimeridian, like Russia, spans every longitude), which only
 * lets in a country or two more; the 15° margin dwarfs the bulge. A tenth of
 * geoBounds's cost, which was most of drawing the map.
 */
function vertexBounds(geometry: Geometry | null): [[number, number], [number, number]] {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    const a = c as number[] | unknown[];
    if (typeof a[0] === "number") {
      const [lon, lat] = a as number[];
      if (lon! < w) w = lon!;
      if (lon! > e) e = lon!;
      if (lat! < s) s = lat!;
      if (lat! > n) n = lat!;
    } else for (const x of a) visit(x);
  };
  if (geometry?.type === "GeometryCollection") for (const g of geometry.geometries) visit(vertexBounds(g));
  else if (geometry) visit(geometry.coordinates);
  return [[w, s], [e, n]];
}

/**
 * Only the countries whose bounds come within 15° of the view: the rest would
 * be clipped away anyway, after costing the time to project them.
 */
export function near(all: FeatureCollection<Geometry, { name: string }>, box: [number, number][]): FeatureCollection<Geometry, { name: string }> {
  const lons = box.map((p) => p[0]);
  const lats = box.map((p) => p[1]);
  const [w, e, s, n] = [Math.min(...lons) - 15, Math.max(...lons) + 15, Math.min(...lats) - 15, Math.max(...lats) + 15];
  const features = all.features.filter((f) => {
    let b = bounds.get(f);
    if (!b) bounds.set(f, (b = vertexBounds(f.geometry)));
    const [[fw, fs], [fe, fn]] = b;
    // A box past 180° (places either side of it) meets countries a turn of the globe away.
    return fn >= s && fs <= n && [-360, 0, 360].some((turn) => fe + turn >= w && fw + turn <= e);
  });
  return { type: "FeatureCollection", features };
}
