// The chart kinds a notebook writes in a few lines, on a made-up story of
// their own: each drawn on both artboards without clipping, compared byte for
// byte with tests/output/kinds/ (a mismatch writes <name>-changed.svg beside
// it), and checked for what the kind promises.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { t } from "../src/chart/words.ts";
import { barChart, claimsChart, locator, pointMap, regionMap, smallTable, timelineChart, timeSeries, unitChart } from "../src/chart/index.ts";
import { findRegion, regionsOf, regionsSource } from "../src/chart/regions.ts";
import type { ChartSpec } from "../src/chart/spec.ts";
import { ChartError } from "../src/chart/render.ts";
import { formatNumber } from "../src/chart/format.ts";
import { FALLBACK_ALLOWANCE, textWidth } from "../src/chart/text-metrics.ts";
import { ARTBOARDS as THEME_ARTBOARDS, type ArtboardName } from "../src/chart/theme.ts";
import { figureTable, placesTable, type TableSpec } from "../src/tables/index.ts";
import { fromRows } from "../src/tables/tables.ts";
import { drawKind, tableRows } from "./helpers/kinds-fixture.ts";
import { root } from "./helpers/project.ts";

const output = join(root, "tests", "output", "kinds");

const ARTBOARDS: ArtboardName[] = ["desktop", "mobile"];

const tolls = figureTable({ title: "Death tolls", description: "Each count of the dead, by who gives it.", figures: "deaths", value: ["deaths", "Deaths"], descending: true });
const provinces = figureTable({
  title: "Deaths by province", description: "The ministry's count by province.", figures: "deaths-by-province", value: ["deaths", "Deaths"],
  columns: {
    region: ["The province", (f) => f.measure.replace(/^killed in /, "")],
    country_code: ["ISO 3166-1 alpha-2", () => "TR"],
  },
});

const events: TableSpec = {
  title: "Events", description: "The dated events.",
  columns: { date: "ISO date", precision: "day or month", event: "What happened", basis: "How the date is known", event_id: "The ledger event" },
  build: (ledger) => fromRows(ledger.events.map((e) => ({ ...e, event: e.label, event_id: e.id })), ["date", "precision", "event", "basis", "event_id"]),
};

const overTime = figureTable({
  title: "The toll so far", description: "The ministry's toll, day by day.", figures: "toll-over-time", value: ["deaths", "Deaths so far"],
  columns: { date: ["The day the toll is for (ISO)", (f) => f.as_of] },
});

const byCity = figureTable({
  title: "Deaths by city", description: "The ministry's count in three cities.", figures: "deaths-by-province", value: ["deaths", "Deaths"],
  // Each province's toll at its capital: the ledger's place, by the id place() gave it.
  place: (f) => ({ Hatay: "antakya", Kahramanmaraş: "kahramanmaras", Gaziantep: "gaziantep", Malatya: "malatya" } as Record<string, string>)[f.measure.replace(/^killed in /, "")]!,
});

/** A table of these rows, and a function drawing the spec over it on the phone's artboard. */
const rowsTable = (rows: Record<string, unknown>[]): TableSpec => ({
  title: "t", description: "d", columns: Object.fromEntries(Object.keys(rows[0]!).map((c) => [c, c])),
  build: () => fromRows(rows, Object.keys(rows[0]!)),
});
const draws = (spec: ChartSpec, rows: Record<string, unknown>[], artboard: ArtboardName = "mobile") => () => drawKind("bad", spec, rowsTable(rows), artboard);

// Two counts of each march.
const crowds = rowsTable([
  { city: "Paris", counter: "Police", people: 20000, qualifier: "exact" }, { city: "Paris", counter: "Organisers", people: 150000, qualifier: "approximate" },
  { city: "Lyon, where the march crossed the river twice before the rain", counter: "Police", people: 8500, qualifier: "exact" },
  { city: "Lyon, where the march crossed the river twice before the rain", counter: "Organisers", people: null, qualifier: "unquantified" },
]);

// Buildings inspected in each province, by what the inspectors found.
const damage = rowsTable([
  { province: "Hatay", found: "Collapsed", buildings: 1200, qualifier: "exact" }, { province: "Hatay", found: "Badly damaged", buildings: 3400, qualifier: "approximate" },
  { province: "Hatay", found: "Lightly damaged", buildings: 5100, qualifier: "exact" },
  { province: "Kahramanmaraş, the province where the first earthquake's epicentre lay", found: "Collapsed", buildings: 800, qualifier: "exact" },
  { province: "Kahramanmaraş, the province where the first earthquake's epicentre lay", found: "Badly damaged", buildings: null, qualifier: "unquantified" },
  { province: "Gaziantep", found: "Collapsed", buildings: 150, qualifier: "at-least" }, { province: "Gaziantep", found: "Lightly damaged", buildings: 2600, qualifier: "exact" },
]);

const KINDS: Record<string, { spec: ChartSpec; table: TableSpec }> = {
  "bars-stacked": {
    table: damage,
    spec: barChart({ table: "damage", label: "province", value: "buildings", series: "found", stack: true, headline: "Most damaged buildings still stand", scales: [1200, 3400, 5100, 800, 150, 2600] }),
  },
  "bars-grouped": {
    table: crowds,
    spec: barChart({ table: "crowds", label: "city", value: "people", series: "counter", headline: "Police and organisers count the marchers differently", scales: [20000, 150000, 8500] }),
  },
  "point-map": {
    table: byCity,
    spec: pointMap({ table: "cities", value: "deaths", unit: "deaths", headline: "Deaths by city", subtitle: "The Interior Ministry’s count" }),
  },
  "small-table": {
    table: tolls,
    spec: smallTable({ table: "tolls", columns: { claimant: "Who", measure: "Claim", deaths: "Deaths" }, headline: "The counts of the dead differ" }),
  },
  "time-series": {
    table: overTime,
    spec: timeSeries({ table: "toll", value: "deaths", unit: "deaths", events: ["aftershock", "emergency"], headline: "The toll rose for days", subtitle: "Deaths so far, by the Interior Ministry’s count" }),
  },
  "time-columns": {
    table: overTime,
    spec: timeSeries({ table: "toll", value: "deaths", unit: "deaths", mark: "columns", headline: "The toll rose for days", subtitle: "Deaths so far, by the Interior Ministry’s count" }),
  },
  units: {
    table: tolls,
    spec: unitChart({ table: "tolls", value: "deaths", unit: "deaths", label: "claimant", headline: "The counts of the dead, in squares" }),
  },
  timeline: {
    table: events,
    spec: timelineChart({ table: "events", headline: "The earthquakes and the days after", subtitle: "Events as the wire dates them" }),
  },
  locator: {
    table: placesTable(),
    spec: locator({ table: "places", label: "name", headline: "Where the earthquakes struck", subtitle: "The cities the wire names" }),
  },
  claims: {
    table: tolls,
    spec: claimsChart({ table: "tolls", value: "deaths", headline: "The counts of the dead differ", subtitle: "Deaths in the earthquake, by who gives the count" }),
  },
  "bars-provinces": {
    table: provinces,
    spec: barChart({ table: "provinces", value: "deaths", label: "region", unit: "deaths", headline: "Deaths by province", subtitle: "The Interior Ministry’s count" }),
  },
  "region-map-values": {
    table: provinces,
    spec: regionMap({ table: "provinces", value: "deaths", unit: "deaths", match: (d) => (d.region === "Kahramanmaraş" ? "TR.KM" : String(d.region)), headline: "Deaths by province", subtitle: "The Interior Ministry’s count" }),
  },
};

const drawn = Object.entries(KINDS).flatMap(([name, k]) => ARTBOARDS.map((artboard) => {
  const d = drawKind(name, k.spec, k.table, artboard);
  return { name: artboard === "desktop" ? `${name}.svg` : `${name}.mobile.svg`, artboard, kind: name, drawn: d };
}));

const doc = (svg: string) => new JSDOM(svg, { contentType: "image/svg+xml" }).window.document;
// A wrapped text's lines are tspans: read with a space between them, as a reader does.
const texts = (svg: string) => [...doc(svg).querySelectorAll("text")].map((t) => {
  const lines = [...t.querySelectorAll("tspan")];
  return lines.length > 0 ? lines.map((l) => l.textContent ?? "").join(" ") : t.textContent ?? "";
});

describe("chart kinds", () => {
  it.each(drawn.map((d) => [d.name]))("%s matches its committed snapshot", (name) => {
    const svg = drawn.find((d) => d.name === name)!.drawn.svg;
    const path = join(output, name);
    const changed = path.replace(/\.svg$/, "-changed.svg");
    const committed = existsSync(path) ? readFileSync(path, "utf8") : null;
    if (committed === svg) {
      rmSync(changed, { force: true });
      return;
    }
    if (committed === null && process.env.CI !== "true") {
      writeFileSync(path, svg);
      return;
    }
    writeFileSync(changed, svg);
    expect.fail(`tests/output/kinds/${name} differs from what the code draws; see ${changed.slice(root.length)}. If the change is intended, delete the snapshot and run the test again`);
  });

  it("claims: one bar a number, the number-less claim in its own words, each labelled with who claims what", () => {
    for (const { drawn: d } of drawn.filter((x) => x.kind === "claims")) {
      const t = texts(d.svg).join(" | ");
      expect(t).toContain("Interior Ministry: killed");
      expect(t).toContain("Turkish Red Crescent: killed");
      expect(t).toContain("≈1,200");
      expect(t).toContain("1,500+");
      expect(t).toContain("“hundreds”, no number given");
      expect(t).toContain("≈ marks an approximate number");
      // Two bars: the claim in words has none.
      expect(doc(d.svg).querySelectorAll("rect:not(.sc-bg)").length).toBe(2);
    }
  });

  it("a long label wraps to the width, and a claim in words takes no room from the bars", () => {
    const mobile = drawn.find((x) => x.name === "claims.mobile.svg")!.drawn.svg;
    // The local officials' label is too long for 296 px: it is set on more than one line.
    const label = [...doc(mobile).querySelectorAll("text")].find((t) => (t.textContent ?? "").startsWith("Local officials"))!;
    expect(label.querySelectorAll("tspan").length).toBeGreaterThan(1);
    // The longest bar reaches most of the width: only the bars' own numbers are kept room for at the right.
    for (const { drawn: d, artboard } of drawn.filter((x) => x.kind === "claims")) {
      const widths = [...doc(d.svg).querySelectorAll("rect:not(.sc-bg)")].map((r) => Number(r.getAttribute("width")));
      const inner = artboard === "desktop" ? 600 : 296;
      expect(Math.max(...widths) / inner, artboard).toBeGreaterThan(0.75);
    }
  });

  it("the alt text says what each label says", () => {
    const alt = drawn.find((x) => x.name === "bars-provinces.svg")!.drawn.alt;
    for (const province of ["Hatay: 640 deaths", "Kahramanmaraş: 410 deaths", "Gaziantep: 150 deaths", "Malatya: “dozens”, no number given"]) expect(alt).toContain(province);
  });

  it("region map: the provinces in bins with a key, the province with no number outlined and keyed, the boundaries' source in the source line", () => {
    for (const { drawn: d } of drawn.filter((x) => x.kind === "region-map-values")) {
      const t = texts(d.svg).join(" | ");
      for (const province of ["Hatay", "Kahramanmaraş", "Gaziantep", "Malatya", "No number given"]) expect(t).toContain(province);
      expect(d.source).toContain(regionsSource());
      expect(d.alt).toContain("Hatay (Türkiye): 640 deaths");
    }
  });

  it("figureTable: a row a figure in the order asked, or largest first, every number traced", () => {
    const { rows, columns } = tableRows(tolls);
    expect(columns).toEqual(["claimant", "measure", "deaths", "qualifier", "stated_as", "figure_id", "quote"]);
    expect(rows.map((r) => r.figure_id)).toEqual(["deaths-red-cross", "deaths-ministry", "deaths-local"]);
    expect(tolls.traces).toEqual([{ figure: "figure_id", value: "deaths" }]);
  });
});

describe("chart kinds, each with its defaults", () => {
  it("units: each square a round number of the unit, keyed, the scale said in a note; a number-less claim draws nothing", () => {
    for (const { drawn: d } of drawn.filter((x) => x.kind === "units")) {
      const t = texts(d.svg).join(" | ");
      expect(t).toContain("Turkish Red Crescent: 1,500+ deaths");
      expect(t).toContain("Interior Ministry: ≈1,200 deaths");
      expect(t).toContain("Each square is 10 deaths.");
      // 150 + 120 squares, no more: "hundreds" has no number to draw.
      expect(doc(d.svg).querySelectorAll("rect:not(.sc-bg)").length - 2).toBe(270);
    }
  });

  it("timeline: every event with its date, the one dated outside the article keyed as such", () => {
    const d = drawn.find((x) => x.name === "timeline.mobile.svg")!.drawn;
    const t = texts(d.svg).join(" | ");
    for (const words of ["6 February 2023", "7 February 2023", "Date stated or implied by the article", "Date from another source"]) expect(t).toContain(words);
    expect(d.alt).toContain("dated by Official Gazette");
  });

  it("locator: a dot and a label a place, the map's source in the source line", () => {
    for (const { drawn: d } of drawn.filter((x) => x.kind === "locator")) {
      const t = texts(d.svg).join(" | ");
      for (const city of ["Antakya", "Gaziantep", "Malatya"]) expect(t).toContain(city);
      expect(d.source).toContain("Natural Earth");
    }
  });
});

describe("numbers below one and decimals", () => {
  it("print as given, never rounded to 0 or up to 0.1; digits prints that many decimals", () => {
    const rows = [{ l: "A", value: 0.25 }, { l: "B", value: 0.04 }, { l: "C", value: 0.05 }, { l: "D", value: 1.2345 }];
    const plain = texts(draws(barChart({ table: "t", label: "l", headline: "h" }), rows)().svg);
    expect(plain).toEqual(expect.arrayContaining(["0.25", "0.04", "0.05", "1.2"]));
    const two = draws(barChart({ table: "t", label: "l", headline: "h", digits: 2 }), rows)();
    expect(texts(two.svg)).toEqual(expect.arrayContaining(["0.25", "0.04", "0.05", "1.23"]));
    expect(two.alt).toContain("B: 0.04");
  });
});

describe("point map", () => {
  it("a long unit stacks the key rather than failing; its two circles are the largest round number and about a quarter of it", () => {
    const rows = [{ place: "Paris", lat: 48.86, lon: 2.35, value: 400000 }, { place: "Rennes", lat: 48.11, lon: -1.68, value: 20000 }, { place: "Marseille", lat: 43.3, lon: 5.37, value: 170000 }];
    for (const artboard of ["mobile", "desktop"] as const) {
      const d = draws(pointMap({ table: "t", unit: "demonstrators in the streets", headline: "Marchers" }), rows, artboard)();
      const t = texts(d.svg);
      expect(t).toEqual(expect.arrayContaining(["400,000 demonstrators in the streets", "100,000 demonstrators in the streets"]));
    }
  });
});

describe("a point map of small numbers", () => {
  it("keys circles no larger than the largest number, however small, and keys nothing when all are zero", () => {
    const small = texts(draws(pointMap({ table: "t", unit: "tonnes", headline: "h" }), [{ place: "Paris", lat: 48.86, lon: 2.35, value: 0.4 }, { place: "Rennes", lat: 48.11, lon: -1.68, value: 0.05 }])().svg);
    expect(small).toEqual(expect.arrayContaining(["Paris, 0.4", "Rennes, 0.05", "0.4 tonnes", "0.1 tonnes"]));
    expect(small).not.toContain("1 tonnes");
    const zero = texts(draws(pointMap({ table: "t", unit: "tonnes", headline: "h" }), [{ place: "Paris", lat: 48.86, lon: 2.35, value: 0 }])().svg);
    expect(zero.some((x) => x.endsWith(" tonnes"))).toBe(false);
  });
});

describe("places crowded in one city", () => {
  it("each is labelled with its number on the map or listed under it, with its number", () => {
    const names = Array.from({ length: 30 }, (_, i) => `Quarter ${String.fromCharCode(65 + (i % 26))}${i >= 26 ? i : ""}`);
    const rows = names.map((place, i) => ({ place, lat: 48.85 + Math.sin(i) * 0.08, lon: 2.35 + Math.cos(1.7 * i) * 0.12, value: (i + 1) * 1000 }));
    for (const artboard of ["mobile", "desktop"] as const) {
      const d = draws(pointMap({ table: "t", headline: "h" }), rows, artboard)();
      const t = texts(d.svg);
      const list = t.find((x) => x.startsWith("Not labelled on the map: "))?.replace("Not labelled on the map: ", "").split(" · ") ?? [];
      const onMap = t.filter((x) => /^Quarter \w+, [\d,]+$/.test(x));
      expect([...onMap, ...list].sort()).toEqual(rows.map((r) => `${r.place}, ${formatNumber(r.value)}`).sort());
      // Too many for the map: some are listed, and some still labelled on it.
      expect(list.length).toBeGreaterThan(0);
      expect(onMap.length).toBeGreaterThan(3);
    }
  });
});

describe("places either side of 180°", () => {
  it("are drawn as one group, each with its label and number", () => {
    const rows = [{ place: "Suva", lat: -18.14, lon: 178.44, value: 50 }, { place: "Labasa", lat: -16.43, lon: 179.38, value: 20 }, { place: "Taveuni", lat: -16.8, lon: -179.95, value: 9 }];
    for (const artboard of ["mobile", "desktop"] as const) {
      const t = texts(draws(pointMap({ table: "t", headline: "h" }), rows, artboard)().svg);
      expect(t).toEqual(expect.arrayContaining(["Suva, 50", "Labasa, 20", "Taveuni, 9"]));
    }
  });
});

describe("alt text", () => {
  it("says a number once, beside its label, when one claimant gives them all; beside each claimant when several do", () => {
    const one = drawn.find((x) => x.name === "bars-provinces.svg")!.drawn.alt;
    expect(one).toContain("Figures from Interior Ministry. Hatay: 640 deaths.");
    expect(one.match(/640/g)?.length).toBe(1);
    expect(one.match(/dozens/g)?.length).toBe(1);
    const several = drawn.find((x) => x.name === "units.svg")!.drawn.alt;
    expect(several).toContain("Interior Ministry: killed: approximately 1,200 deaths");
    expect(several).toContain("Turkish Red Crescent: killed: at least 1,500 deaths");
  });
});

describe("grouped bars", () => {
  it("a label a group, a bar a series named beside its number, in the series' colours", () => {
    for (const { drawn: d } of drawn.filter((x) => x.kind === "bars-grouped")) {
      const t = texts(d.svg);
      expect(t.filter((x) => x === "Paris").length).toBe(1);
      expect(t).toEqual(expect.arrayContaining(["Police: 20,000", "Organisers: ≈150,000", "Police: 8,500"]));
      const fills = new Set([...doc(d.svg).querySelectorAll("rect:not(.sc-bg)")].map((r) => r.getAttribute("fill")));
      expect(fills.size).toBe(2);
      // Police and organisers are no claimants of the story: they take none of the claimants' colours.
      // The claims chart draws each claimant's bar in the claimant's colour, filled or outlined.
      const claims = doc(drawn.find((x) => x.name === "claims.svg")!.drawn.svg);
      const claimantColours = new Set([...claims.querySelectorAll("rect:not(.sc-bg)")].flatMap((r) => [r.getAttribute("fill"), r.getAttribute("stroke")]).filter((c) => c && c !== "none"));
      expect(claimantColours.size).toBeGreaterThanOrEqual(2);
      for (const f of fills) expect(claimantColours.has(f), f!).toBe(false);
      expect(d.alt).toContain("Paris, Organisers: ≈150,000");
    }
  });
});

describe("stacked bars", () => {
  it("a bar a label, its parts end to end in the series' colours with a key, listed under it by name and number, and no total printed", () => {
    for (const { drawn: d } of drawn.filter((x) => x.kind === "bars-stacked")) {
      const t = texts(d.svg);
      expect(t.filter((x) => x === "Hatay").length).toBe(1);
      const lists = t.join(" ");
      for (const part of ["Collapsed: 1,200 · Badly damaged: ≈3,400 · Lightly damaged: 5,100", "Collapsed: 800 · Badly damaged: no number given", "Collapsed: 150+"]) expect(lists).toContain(part);
      // 9,700 and 3,400 + 1,200 … : the sums are numbers nobody gave.
      expect(lists).not.toMatch(/9,700|2,750|800\b.*total/);
      const svg = doc(d.svg);
      // The parts: Plot's rects with an opacity; the key's swatches have none.
      const bars = [...svg.querySelectorAll("rect[fill-opacity]")];
      const hatay = bars.filter((r) => Math.abs(Number(r.getAttribute("y")) - Number(bars[0]!.getAttribute("y"))) < 0.01);
      expect(hatay.length).toBe(3);
      // End to end: each part starts where the one before it ends, less the hairline between them.
      const xs = hatay.map((r) => ({ start: Number(r.getAttribute("x")), end: Number(r.getAttribute("x")) + Number(r.getAttribute("width")) }));
      for (let i = 1; i < xs.length; i++) expect(xs[i]!.start - xs[i - 1]!.end).toBeCloseTo(1, 1);
      expect(t).toEqual(expect.arrayContaining(["Collapsed", "Badly damaged", "Lightly damaged"]));
      expect(d.alt).toContain("Hatay, Badly damaged: ≈3,400");
    }
  });

  it("refuses a stack with no series, two parts of one series in a bar, and a negative bar", () => {
    expect(() => barChart({ table: "t", label: "l", stack: true, headline: "h" })).toThrow(/stack needs series/);
    expect(draws(barChart({ table: "t", label: "l", series: "s", stack: true, headline: "h" }), [{ l: "A", s: "Police", value: 4 }, { l: "A", s: "Police", value: 5 }]))
      .toThrow(/the stacked bar "A" has two parts for the series "Police"/);
    expect(draws(barChart({ table: "t", label: "l", headline: "h" }), [{ l: "A", value: -4 }])).toThrow(/the bar "A" has the number -4: a bar's length cannot be negative/);
    expect(() => barChart({ table: "t", label: "l", headline: "h", digits: 150 })).toThrow(/digits is 150, not a whole number from 0 to 12/);
  });
});

describe("a region map of every US state", () => {
  const states = regionsOf("US");
  const rows = states.map((r, i) => ({ region: r.name, match: r.code, country_code: "US", value: (i * 37) % 100 }));
  it.each(["desktop", "mobile"] as const)("on %s: each state named once, on the map or in the list under it, no label on another, Alaska and Hawaii beside the rest", (artboard) => {
    const d = draws(regionMap({ table: "t", value: "value", match: "match", unit: "cases", headline: "Cases by state" }), rows, artboard)();
    const t = texts(d.svg);
    const list = t.find((x) => x.startsWith("Not labelled on the map: ")) ?? "";
    const listed = list.replace("Not labelled on the map: ", "").split(" · ").map((x) => x.replace(/ \d+$/, ""));
    const onMap = t.filter((x) => /\d+$/.test(x) && states.some((r) => x.startsWith(`${r.name} `))).map((x) => x.replace(/ \d+$/, ""));
    expect([...listed, ...onMap].sort()).toEqual(states.map((r) => r.name).sort());
    expect(onMap.length, "most of the big states are labelled on the map").toBeGreaterThan(artboard === "desktop" ? 20 : 5);
    expect(onMap).toEqual(expect.arrayContaining(["Alaska", "Texas", "California"]));
    // Albers USA: no neighbour is drawn, so no country is named.
    expect(t.some((x) => /^(CANADA|MEXICO|RUSSIA)$/.test(x))).toBe(false);
  });
});

describe("time series", () => {
  it("the time axis's labels never run into each other, however many weeks, months or years", () => {
    const spans: [string, number, number][] = [["2023-01-02", 7, 20], ["2023-01-02", 7, 40], ["2023-01-01", 1, 30], ["2020-01-01", 30, 40], ["1990-01-01", 365, 35]];
    for (const [start, step, count] of spans) {
      const rows = Array.from({ length: count }, (_, i) => ({ date: new Date(Date.parse(start) + i * step * 864e5).toISOString().slice(0, 10), value: 10 + (i % 5) }));
      for (const artboard of ["mobile", "desktop"] as const) {
        const d = draws(timeSeries({ table: "t", headline: "h" }), rows, artboard)();
        // The time axis's labels: hung below their ticks (y 0.71em), as Plot draws a bottom axis.
        const ticks = [...doc(d.svg).querySelectorAll('text[y="0.71em"]')].map((t) => {
          const x = Number(/translate\(([\d.]+)/.exec(t.getAttribute("transform") ?? "")![1]);
          const half = (textWidth(t.textContent ?? "", { size: THEME_ARTBOARDS[artboard].body.size, weight: "regular" }) * FALLBACK_ALLOWANCE) / 2;
          return { from: x - half, to: x + half, text: t.textContent };
        });
        expect(ticks.length, `${count}×${step} days on ${artboard}`).toBeGreaterThan(1);
        for (let i = 1; i < ticks.length; i++) expect(ticks[i]!.from, `${ticks[i - 1]!.text} and ${ticks[i]!.text}, ${count}×${step} days on ${artboard}`).toBeGreaterThan(ticks[i - 1]!.to);
      }
    }
  });

  it("a line with its events marked and keyed in a note, rough numbers as open dots, the day with no number said", () => {
    for (const { drawn: d } of drawn.filter((x) => x.kind === "time-series")) {
      const t = texts(d.svg).join(" | ");
      expect(t).toContain("A second large");
      expect(t).toContain("An open dot marks a number given only roughly.");
      expect(t).toContain("9 February 2023: “thousands”, no number given.");
      expect(d.alt).toContain("10 February 2023: est. 21,000 deaths");
      // Two dots open (approximate, estimate) of four with a number.
      const dots = [...doc(d.svg).querySelectorAll("circle")];
      expect(dots.length).toBe(4);
      expect(dots.filter((c) => c.getAttribute("fill") === "white").length).toBe(2);
    }
  });

  it("columns span their day", () => {
    for (const { drawn: d } of drawn.filter((x) => x.kind === "time-columns")) {
      expect(doc(d.svg).querySelectorAll("rect:not(.sc-bg)").length).toBe(4);
    }
  });
});

describe("words a kind is given", () => {
  it("a qualifier typed before a figure that prints its own is refused, naming both", () => {
    const spec = claimsChart({ table: "tolls", value: "deaths", headline: t`At least ${"deaths-red-cross"} killed`, subtitle: t`Roughly ${"deaths-ministry"}, the ministry says` });
    expect(() => drawKind("doubled", spec, tolls, "desktop")).toThrow(/the headline types "At least" before a figure that prints "at least 1,500"; the subtitle types "Roughly" before a figure that prints "about 1,200": the figure prints its own qualifier/);
    // In a mark, after a comma or a line break, or as "~": still its own qualifier twice.
    expect(() => drawKind("short", claimsChart({ table: "tolls", value: "deaths", headline: t`At least, ${{ figure: "deaths-red-cross", as: "short" }} killed` }), tolls, "desktop"))
      .toThrow(/types "At least" before a figure that prints "1,500\+"/);
    expect(() => drawKind("tilde", claimsChart({ table: "tolls", value: "deaths", headline: t`Killed: ~${"deaths-ministry"}` }), tolls, "desktop")).toThrow(/types "~" before a figure that prints "about 1,200"/);
    // The words the figure does not print are the notebook's to type.
    expect(() => drawKind("fine", claimsChart({ table: "tolls", value: "deaths", headline: t`Killed: ${"deaths-red-cross"}, or ${"deaths-ministry"}` }), tolls, "desktop")).not.toThrow();
  });
});

describe("bad input to a kind: one clear error, never NaN, a hang or a number dropped", () => {

  it("an option a kind does not take is refused by name, with the nearest it does take; table and headline are asked for", () => {
    const loose = (fn: (o: never) => ChartSpec, o: Record<string, unknown>) => () => fn(o as never);
    expect(loose(regionMap, { table: "t", headline: "h", country_code: "PK" })).toThrow(/regionMap: there is no option "country_code"; did you mean "country"\?/);
    expect(loose(claimsChart, { table: "t", headline: "h", vaule: "deaths" })).toThrow(/claimsChart: there is no option "vaule"; did you mean "value"\?/);
    expect(loose(unitChart, { table: "t", headline: "h", unit: "x", colour: "red" })).toThrow(/unitChart: there is no option "colour"; did you mean "color"\?/);
    expect(loose(timeSeries, { table: "t", headline: "h", height: 300 })).toThrow(/timeSeries: there is no option "height"$/);
    expect(loose(barChart, { label: "l", headline: "h" })).toThrow(/barChart: table is missing/);
    expect(loose(locator, { table: "t" })).toThrow(/locator: headline is missing/);
    try {
      loose(pointMap, { table: "t", headline: "h", size: "deaths" })();
    } catch (e) {
      expect((e as ChartError).fix).toMatch(/^Write pointMap\(\{ table: "…", headline: "…", … \}\) with its options: table, headline, subtitle, notes, kind, alt, label, value, unit, color, highlight \(docs\/kinds\/pointMap\.md\)$/);
    }
    expect.assertions(7);
  });

  it("from a hostile check: a region twice, an empty bar label, one colour for two stacked series, options of the wrong type, a negative circle", () => {
    expect(draws(regionMap({ table: "t", headline: "h", value: "value" }), [{ region: "Texas", country_code: "US", value: 3 }, { region: "Texas", country_code: "US", value: 10 }]))
      .toThrow(/the rows "Texas" and "Texas" are both the region Texas/);
    expect(draws(barChart({ table: "t", label: "l", series: "s", stack: true, headline: "h" }), [{ l: "A", s: "x", value: 3 }, { l: "", s: "y", value: 4 }]))
      .toThrow(/a row of the table has no label \(its number is 4\)/);
    expect(draws(barChart({ table: "t", label: "l", series: "s", stack: true, headline: "h", color: () => "#ff0000" }), [{ l: "A", s: "x", value: 3 }, { l: "A", s: "y", value: 4 }]))
      .toThrow(/the stacked series "x" and "y" have one colour, #ff0000/);
    const loose = (fn: (o: never) => ChartSpec, o: Record<string, unknown>) => () => fn(o as never);
    expect(loose(barChart, { table: "t", label: "l", headline: "h", series: "s", stack: "false" })).toThrow(/stack is "false", not true or false/);
    expect(loose(timeSeries, { table: "t", headline: "h", mark: "area" })).toThrow(/mark is "area", not "line" or "columns"/);
    expect(loose(timeSeries, { table: "t", headline: "h", events: "quake" })).toThrow(/events must be a list/);
    expect(loose(timeSeries, { table: "t", headline: "h", events: ["quake", "quake"] })).toThrow(/names one event twice/);
    expect(loose(unitChart, { table: "t", headline: "h", unit: 5 })).toThrow(/unit must be words/);
    expect(loose(barChart, { table: "t", label: "l", headline: "h", notes: "hello" })).toThrow(/notes must be a list of lines/);
    expect(loose(barChart, { table: "t", label: "l", headline: "   " })).toThrow(/headline is missing/);
    expect(loose(barChart, { table: 5, label: "l", headline: "h" })).toThrow(/table is 5, not the name of a notebook table/);
    expect(draws(pointMap({ table: "t", headline: "h" }), [{ place: "Paris", lat: 48.86, lon: 2.35, value: -500 }])).toThrow(/the place "Paris" has the number -500/);
  });

  it("a series named for a claimant keeps the claimant's colour to itself", () => {
    const d = draws(barChart({ table: "t", label: "l", series: "s", stack: true, headline: "h" }), [
      { l: "A", s: "Interior Ministry", value: 3, claimant: "Turkish Red Crescent" }, { l: "A", s: "Others", value: 4, claimant: "Interior Ministry" },
    ])();
    expect(new Set([...doc(d.svg).querySelectorAll("rect[fill-opacity]")].map((r) => r.getAttribute("fill"))).size).toBe(2);
  });

  it("too many rows, or an event the ledger does not hold, say so rather than blame a height or a plot function", () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ l: `Row ${i}`, value: i }));
    expect(draws(barChart({ table: "t", label: "l", headline: "h" }), many)).toThrow(/^the chart's height is \d+ px, past the 20000 px a page can show$/);
    expect(draws(timeSeries({ table: "t", headline: "h", events: ["quak"] }), [{ date: "2023-02-06", value: 3 }]))
      .toThrow(/^timeSeries: events names "quak", which is not an event of the ledger$/);
  });

  it("a number written with a comma or as words, or a misspelt qualifier, is refused", () => {
    expect(draws(barChart({ table: "t", label: "l", headline: "h" }), [{ l: "Paris", value: "1,200" }])).toThrow(/a row's number is "1,200", not a finite number/);
    expect(draws(barChart({ table: "t", label: "l", headline: "h", value: () => Number.NaN }), [{ l: "Paris" }])).toThrow(/not a finite number/);
    expect(draws(barChart({ table: "t", label: "l", headline: "h" }), [{ l: "Paris", value: 3, qualifier: "EXACT" }])).toThrow(/a row's qualifier is "EXACT", not one of exact, approximate/);
  });

  it("units: a per of 0, a count below half a square, a negative count or too many squares are refused", () => {
    expect(() => unitChart({ table: "t", unit: "u", per: 0, headline: "h" })).toThrow(/per is 0, not a positive number/);
    expect(draws(unitChart({ table: "t", unit: "people", per: 50, headline: "h" }), [{ value: 4 }, { value: 500 }])).toThrow(/4 is less than half a square of 50/);
    expect(draws(unitChart({ table: "t", unit: "people", headline: "h" }), [{ value: -3 }])).toThrow(/none below zero/);
    expect(draws(unitChart({ table: "t", unit: "people", per: 1, headline: "h" }), [{ value: 1e9 }])).toThrow(/would draw 1 billion squares/);
  });

  it("time: a day not on the calendar, two numbers for one day, or columns of several series are refused", () => {
    const spec = timeSeries({ table: "t", headline: "h" });
    expect(draws(spec, [{ date: "2023-13-01", value: 1 }])).toThrow(/"2023-13-01", not a day of the calendar/);
    expect(draws(spec, [{ date: "2023-02-30", value: 1 }])).toThrow(/"2023-02-30", not a day of the calendar/);
    expect(draws(spec, [{ date: "2023-02-01", value: 1 }, { date: "2023-02-01", value: 2 }])).toThrow(/two rows give a number for 2023-02-01/);
    expect(draws(timeSeries({ table: "t", headline: "h", mark: "columns", series: "s" }), [{ date: "2023-02-01", value: 5, s: "Police" }, { date: "2023-02-01", value: 9, s: "Organisers" }]))
      .toThrow(/would stack into sums nobody claimed/);
    expect(draws(timelineChart({ table: "t", headline: "h" }), [{ date: "2023-02-45", event: "e" }])).toThrow(/an event's date is "2023-02-45"/);
  });

  it("a label holding a bidi control or an invisible character is refused, as the headline's words are", () => {
    expect(draws(barChart({ table: "t", label: "l", headline: "h" }), [{ l: "Paris \u202E34\u202C", value: 3 }])).toThrow(/hold U\+202E \(RIGHT-TO-LEFT OVERRIDE\) at character 7/);
    expect(draws(barChart({ table: "t", label: "l", headline: "h" }), [{ l: "tab\tand\nline", value: 3 }])).not.toThrow();
  });

  it("a place off the globe is refused by name rather than dropped or drawn at 0,0", () => {
    expect(draws(locator({ table: "t", headline: "h" }), [{ place: "Nowhere", lat: 95, lon: 10 }])).toThrow(/the place "Nowhere" has latitude 95/);
    expect(draws(pointMap({ table: "t", headline: "h" }), [{ place: "Null Island", lat: null, lon: 0, value: 3 }])).toThrow(/the place "Null Island, 3" has latitude null/);
  });
});

describe("regions", () => {
  it("finds a region as articles write it: with its kind, without accents or apostrophes, or by code", () => {
    expect(findRegion("Sumy", "UA").code).toBe("UA.SM");
    expect(findRegion("Sumy Oblast", "UA").code).toBe("UA.SM");
    expect(findRegion("the Kharkiv region", "UA").code).toBe("UA.KK");
    expect(findRegion("Lviv", "UA").name).toBe("L'viv");
    expect(findRegion("Texas", "US").code).toBe("TX");
    expect(findRegion("TR.KM", "TR").name).toBe("K. Maras");
    expect(regionsOf("RU").length).toBeGreaterThan(80);
    // Countries whose regions carry no code of their own, or an old one.
    for (const country of ["MT", "TL", "XK"]) expect(regionsOf(country).length, country).toBeGreaterThan(4);
  });

  it("an unknown region lists the nearest names with their codes; an unknown country or a bad code says so", () => {
    expect(() => findRegion("Kyiv", "UA")).toThrow(/no region "Kyiv" in UA; the nearest names are Kiev \(UA\.KV\)/);
    expect(() => findRegion("Bavaria", "DE")).toThrow(/Bayern \(DE\.BY\)/);
    expect(() => regionsOf("SS")).toThrow(/no regions for the country "SS"/);
    expect(() => regionsOf("Ukraine")).toThrow(/not an ISO 3166-1 alpha-2 code/);
    expect(() => findRegion("", "UA")).toThrow(/not a region's name/);
  });
});
