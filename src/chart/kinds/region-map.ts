// A map of first-level regions (oblasts, states, provinces): the table's
// regions filled, in one colour or in bins of a number with a key, over their
// countries' other regions and the neighbouring countries, each labelled as
// the article names it. Boundaries are Natural Earth's (regions.ts).

import * as Plot from "@observablehq/plot";
import * as d3 from "d3";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { near, worldCountries } from "../marks/locator-map.ts";
import { findRegion, regionsOf, regionsSource, type Region } from "../regions.ts";
import type { ChartContext, ChartSpec } from "../spec.ts";
import { FALLBACK_ALLOWANCE, textWidth } from "../text-metrics.ts";
import { INK } from "../theme.ts";
import type { Row } from "../../tables/index.ts";
import { capitalize, formatNumber } from "../format.ts";
import { ChartError } from "../render.ts";
import { claimantColor, type Column, type KindBase, notesWith, number, read, text, valueWords, BASE_OPTIONS, checkOptions, type OptionNames } from "./rows.ts";
import { takeFirstClear, unlabelledList, type Box } from "../label-boxes.ts";

export interface RegionMapOptions extends KindBase {
  /** The region as the article names it, printed on the map: a column, by default `region`. */
  region?: Column<string>;
  /** What the region is looked up by when the dataset spells it otherwise ("Kiev" for Kyiv) or by its code ("UA.KV"): by default the region. */
  match?: Column<string>;
  /** The region's country, ISO 3166-1 alpha-2: by default the `country_code` column, or the start of an `iso_3166_2` code. */
  country?: Column<string>;
  /** A number to colour the regions by, in bins with a key. Without it the regions are filled in one colour. */
  value?: Column<number | null>;
  /** What the numbers count, for the key and the alt text: "deaths". */
  unit?: string;
  /** The one colour (without a value): by default the colour of the first row's claimant. */
  color?: string;
  /** What the one colour means, for the key: "Named in the article". */
  key?: string;
}

interface Drawn {
  row: Row;
  label: string;
  region: Region;
  value: number | null;
}

const countryName = (code: string) => new Intl.DisplayNames(["en"], { type: "region" }).of(code) ?? code;

export function regionMap(o: RegionMapOptions): ChartSpec {
  checkOptions("regionMap", o, REGION_MAP_OPTIONS);
  const regionsIn = (data: Row[], ctx: ChartContext): Drawn[] => {
    const drawn = data.map((row) => {
      const label = read(o.region ?? "region", row, ctx, text);
      const country = o.country ? read(o.country, row, ctx, text)
        : "iso_3166_2" in row && !("country_code" in row) ? text(row.iso_3166_2).slice(0, 2) : text(row.country_code);
      const value = o.value ? read(o.value, row, ctx, number) : null;
      return { row, label, value, region: findRegion(o.match ? read(o.match, row, ctx, text) : label, country) };
    });
    // A region is filled once: two rows for it would print two numbers over one colour.
    const seen = new Map<string, string>();
    for (const d of drawn) {
      const key = `${d.region.country}\u0000${d.region.code}\u0000${d.region.name}`;
      if (seen.has(key)) throw new ChartError(`the rows "${seen.get(key)}" and "${d.label}" are both the region ${d.region.name} (${d.region.code})`, "Give each region one row: sum the rows only if the ledger states the sum, or draw the counts with barChart");
      seen.set(key, d.label);
    }
    return drawn;
  };
  const binsOf = (drawn: Drawn[]) => bins(drawn.map((d) => d.value).filter((v): v is number => v !== null));
  return {
    table: o.table, kind: o.kind ?? "Map", headline: o.headline, subtitle: o.subtitle, alt: o.alt,
    sources: [regionsSource()],
    plot: (data, ctx) => draw(regionsIn(data, ctx), ctx, o, o.value ? binsOf(regionsIn(data, ctx)) : null),
    // A number's bins are keyed by Plot's threshold legend (drawn from the colour scale); swatches say the rest.
    legend: (data, ctx) => {
      const drawn = regionsIn(data, ctx);
      if (!o.value) return o.key ? [{ label: o.key, color: o.color ?? claimantColor(data[0], ctx) }] : [];
      return drawn.some((d) => d.value === null) ? [{ label: "No number given", color: INK.rule, shape: "outline" }] : [];
    },
    notes: (data) => notesWith(data, o.notes),
    describeRow: (row, ctx) => {
      const [d] = regionsIn([row], ctx);
      const where = `${d!.label} (${countryName(d!.region.country)})`;
      return o.value ? `${where}: ${valueWords(d!.value, row, o.unit)}` : where;
    },
  };
}

interface Bins {
  thresholds: number[];
  colors: string[];
}

/** Up to five bins with round edges, never more bins than regions with a number. */
function bins(values: number[]): Bins {
  const max = Math.max(0, ...values);
  const count = Math.max(1, Math.min(5, new Set(values).size));
  const thresholds = d3.ticks(0, max, count).filter((t) => t > 0 && t < max);
  // The palest two blues of a scheme are lost against the grey of the regions around: start darker.
  const colors = [...d3.schemeBlues[Math.max(3, thresholds.length + 3)]!].slice(-(thresholds.length + 1));
  return { thresholds, colors };
}

function draw(drawn: Drawn[], ctx: ChartContext, o: RegionMapOptions, b: Bins | null): Plot.PlotOptions {
  const countries = [...new Set(drawn.map((d) => d.region.country))];
  const all = countries.flatMap(regionsOf);
  const filled = new Set(drawn.map((d) => d.region.code + d.region.name));
  const shapes: FeatureCollection = { type: "FeatureCollection", features: drawn.map((d) => d.region.shape) };
  const [[w, s], [e, n]] = d3.geoBounds(shapes);
  // Bounds across the antimeridian (Alaska's Aleutians, Chukotka, Fiji) run from w east past 180° to e.
  // A shape already cut at 180° (Fiji's Northern division) has bounds round the whole globe: centre on its centroid.
  const centre = w <= e ? (e - w > 180 ? d3.geoCentroid(shapes)[0] : (w + e) / 2) : ((w + e + 360) / 2 + 180) % 360 - 180;
  // Alaska or Hawaii among the states: the United States as its readers know it, the two moved beside the rest.
  const usa = drawn.every((d) => d.region.country === "US") && drawn.some((d) => ["AK", "HI", "US.AK", "US.HI"].includes(d.region.code));
  const one = o.color ?? claimantColor(drawn[0]?.row, ctx);
  const size = ctx.artboard.body.size;
  const halo = { stroke: "white", strokeWidth: 3, paintOrder: "stroke" } as const;
  // Wider than tall on a desktop, so that a tall group of regions shows its neighbours beside it rather than filling the page.
  const aspect = ctx.artboard.name === "desktop" ? 0.68 : 1.05;
  const inset = size * 2.5;
  const projection = () => (usa ? d3.geoAlbersUsa() : d3.geoConicEqualArea().parallels([s, n]).rotate([-centre, 0]));
  // No taller than the regions need at this width (a wide country on a phone leaves no empty band), nor than the aspect allows.
  const [[, top], [, bottom]] = d3.geoPath(projection().fitWidth(ctx.width - 2 * inset, shapes)).bounds(shapes);
  const height = Math.round(Math.max(ctx.width * 0.4, Math.min(ctx.width * aspect, bottom - top + 2 * inset)));
  // Where Plot will put each centroid: the same projection, fitted the same way.
  const extent: [[number, number], [number, number]] = [[inset, inset], [ctx.width - inset, height - inset]];
  const project = projection().fitExtent(extent, shapes);
  // The countries around, only those near what the frame shows: projecting the whole world's coastlines,
  // to be clipped away, was a fifth of a story's build.
  const view = frameBox(project, ctx.width, height, centre);
  const world = usa ? null : near(worldCountries("50m"), view);
  // Likewise the countries' other regions: Russia's reach from Kaliningrad to Chukotka.
  const others = near({ type: "FeatureCollection", features: all.filter((r) => !filled.has(r.code + r.name)).map((r) => r.shape) }, view).features;
  const placed = placeLabels(drawn.map((d) => ({
    name: d.label, number: b ? valueWords(d.value, d.row, undefined) : null,
    ...measured(d.region.shape),
    contains: (point: number[]) => {
      const back = project.invert?.(point as [number, number]);
      return back !== null && back !== undefined && d3.geoContains(d.region.shape, back);
    },
  })), (at) => project(at as [number, number]) ?? null, size, [ctx.width, height]);
  const labels = placed.filter((l) => l.moved !== null);
  // A label with no room on the map (small neighbours: Rhode Island, Delaware) is listed under it, never dropped.
  const unlabelled = unlabelledList(placed.filter((l) => l.moved === null).map((l) => (l.number === null ? l.name : `${l.name} ${l.number}`)), ctx.width, size);
  return {
    margin: 0, marginBottom: unlabelled.height, height: height + unlabelled.height,
    color: b ? { type: "threshold", domain: b.thresholds, range: b.colors, legend: true, label: o.unit ? capitalize(o.unit) : undefined, tickFormat: formatNumber } : undefined,
    projection: usa ? { type: "albers-usa", domain: shapes, inset } : {
      type: "conic-equal-area", parallels: [s, n], rotate: [-centre, 0],
      domain: shapes, inset,
    },
    marks: [
      // Albers USA has no place for the neighbours: the country alone, as on any map of its states.
      ...(world ? [Plot.geo(world, { fill: "#efefef", stroke: "white", strokeWidth: 0.75 })] : []),
      Plot.geo(others, { fill: "#e2e2e2", stroke: "white", strokeWidth: 0.75 }),
      b
        ? Plot.geo(drawn.filter((d) => d.value !== null).map((d) => ({ ...d.region.shape, properties: { value: d.value } })), {
          fill: (f: Feature<Geometry, { value: number }>) => f.properties.value, stroke: "white", strokeWidth: 1,
        })
        : Plot.geo(drawn.map((d) => d.region.shape), { fill: one, stroke: "white", strokeWidth: 1 }),
      // A region with no number: outlined, not coloured as if it had one.
      Plot.geo(drawn.filter((d) => b && d.value === null).map((d) => d.region.shape), { fill: "none", stroke: INK.rule, strokeDasharray: "3,2" }),
      // International borders over the regions' own.
      ...(world ? [Plot.geo(world, { fill: "none", stroke: INK.rule, strokeWidth: 1 })] : []),
      Plot.text(usa ? [] : countryLabels(countries, all, filled, [[w, s], [e, n]]), {
        x: (d: { at: number[] }) => d.at[0], y: (d: { at: number[] }) => d.at[1], text: "name",
        fill: INK.muted, fontSize: size - 1, fontWeight: 600, ...halo, stroke: "#e2e2e2",
      }),
      ...labels.map((l) => Plot.text([l], {
        x: (d: { at: number[] }) => d.at[0], y: (d: { at: number[] }) => d.at[1], text: "text", dx: l.moved!.dx, dy: l.moved!.dy, lineHeight: 1.2,
        fill: INK.text, fontWeight: 600, ...halo,
      })),
      ...unlabelled.marks,
    ],
  };
}

// A region's centroid and area are the same on every artboard and chart: measured once (Russia has 83 regions),
// and each only when asked for: the country labels need the area only of the regions whose centroid is in view.
const centroids = new WeakMap<object, [number, number]>();
const areas = new WeakMap<object, number>();
function centroidOf(shape: Feature<Geometry, { name: string }>): [number, number] {
  let at = centroids.get(shape);
  if (!at) centroids.set(shape, (at = d3.geoCentroid(shape)));
  return at;
}
function areaOf(shape: Feature<Geometry, { name: string }>): number {
  let area = areas.get(shape);
  if (area === undefined) areas.set(shape, (area = d3.geoArea(shape)));
  return area;
}
function measured(shape: Feature<Geometry, { name: string }>): { at: [number, number]; area: number } {
  return { at: centroidOf(shape), area: areaOf(shape) };
}

/**
 * The longitudes and latitudes the frame shows, read back from points along
 * its edges (longitudes unwrapped round the map's centre, so a view across
 * 180° stays one box).
 */
function frameBox(project: d3.GeoProjection, width: number, height: number, centre: number): [number, number][] {
  const points: [number, number][] = [];
  for (let i = 0; i <= 20; i++) {
    for (const [x, y] of [[(width * i) / 20, 0], [(width * i) / 20, height], [0, (height * i) / 20], [width, (height * i) / 20]] as const) {
      const at = project.invert?.([x, y]);
      if (at && Number.isFinite(at[0]) && Number.isFinite(at[1])) points.push([centre + ((((at[0] - centre) % 360) + 540) % 360) - 180, at[1]]);
    }
  }
  return points;
}

/**
 * Each region's label at its centroid, largest regions first, moved down or
 * up by its own height when it would lie on a label placed before it or off
 * the map: small neighbouring regions otherwise print their names on top of
 * each other. A label with no such place is not moved but left out (null).
 */
function placeLabels(labels: { name: string; number: string | null; at: number[]; area: number; contains: (point: number[]) => boolean }[], project: (at: number[]) => number[] | null, size: number, [width, height]: [number, number]) {
  const taken: Box[] = [];
  const style = { size, weight: "semibold" as const };
  const moved = new Map<number, { dx: number; dy: number } | null>();
  const order = labels.map((l, i) => ({ l, i })).sort((a, b) => b.l.area - a.l.area);
  for (const { l, i } of order) {
    const point = project(l.at);
    if (!point) {
      moved.set(i, null);
      continue;
    }
    const [x, y] = point as [number, number];
    const lines = l.number === null ? [l.name] : [l.name, l.number];
    const w = Math.max(...lines.map((t) => textWidth(t, style))) * FALLBACK_ALLOWANCE;
    const h = lines.length * size * 1.2;
    const box = ([dx, dy]: number[]): Box => [x + dx! - w / 2, y + dy! - h / 2, x + dx! + w / 2, y + dy! + h / 2];
    // Moved, a label must still sit on its own region: one over a neighbour would name the neighbour.
    const onItsRegion = ([dx, dy]: number[]) => (dx === 0 && dy === 0) || l.contains([x + dx!, y + dy!]);
    // Nearest first: half a label's height or a third of its width, then a whole height, then both.
    const moves = [[0, 0], [0, h / 2], [0, -h / 2], [w / 3, 0], [-w / 3, 0], [0, h], [0, -h], [w / 3, h / 2], [-w / 3, h / 2], [w / 3, -h / 2], [-w / 3, -h / 2], [0, 2 * h], [0, -2 * h]];
    const k = takeFirstClear(moves.map(box), taken, [width, height], (m) => onItsRegion(moves[m]!));
    moved.set(i, k >= 0 ? { dx: moves[k]![0]!, dy: moves[k]![1]! } : null);
  }
  return labels.map((l, i) => ({ ...l, text: l.number === null ? l.name : `${l.name}\n${l.number}`, moved: moved.get(i) ?? null }));
}

/**
 * Each country's name, in capitals, on its largest region in view that the
 * table does not fill: on the country, off the regions being shown.
 */
function countryLabels(countries: string[], all: Region[], filled: Set<string>, box: [[number, number], [number, number]]) {
  const [[w, s], [e, n]] = box;
  // Within the shown regions' bounds, which the map always shows whatever its shape.
  const inView = ([x, y]: number[]) => x! > w && x! < e && y! > s && y! < n;
  return countries.flatMap((country) => {
    const candidates = all.filter((r) => r.country === country && !filled.has(r.code + r.name))
      .map((r) => ({ r, at: centroidOf(r.shape) }))
      .filter((c) => inView(c.at))
      .map((c) => ({ ...c, area: areaOf(c.r.shape) }))
      .sort((a, b) => b.area - a.area);
    const best = candidates[0];
    return best ? [{ name: countryName(country).toUpperCase(), at: best.at }] : [];
  });
}
const REGION_MAP_OPTIONS: OptionNames<RegionMapOptions> = { ...BASE_OPTIONS, region: true, match: true, country: true, value: true, unit: true, color: true, key: true };

