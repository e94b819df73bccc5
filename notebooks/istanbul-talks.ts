// "No Lull in Fighting as Russia-Ukraine Talks Resume in Istanbul"
// teleSUR, 2 June 2025 (source: EFE). Every number the article gives, with
// the words it comes from and who claims it, and the tables the charts draw.
//
// Run alone: npx tsx notebooks/istanbul-talks.ts

import * as aq from "arquero";
import { op } from "arquero";
import { figureTable, gazetteerSource, notebook, place, runIfMain, type Ledger } from "../src/index.ts";
import { charts } from "./istanbul-talks/charts.ts";

const SEED = "2025-06-02-telesur-no-lull-in-fighting-istanbul-talks";
/** The article's own voice: numbers it states without naming a source. */
const ARTICLE = "teleSUR/EFE";
const RYBAR = "Rybar (Russian military blogger)";
const DEFENSE_MINISTRY = "Russian Defense Ministry";
const ZELENSKYY = "Volodymyr Zelenskyy (President of Ukraine)";

const AIRFIELDS_QUOTE = "On Sunday, Ukrainian forces attacked five airfields across Russia’s European region and Siberia.";
const DESTROYED_QUOTE = "The drones destroyed 41 aircraft—roughly one-third of Russia’s bomber fleet—at four airfields.";
const RYBAR_QUOTE = "Ukraine succeeded in hitting 13 bombers: eight Tu-95MS, four Tu-22M, and one An-12, according to military blogger Rybar.";
const TOWNS_QUOTE = "Russian troops have liberated six towns in the Sumy region over the past 10 days";
const ROUNDS_QUOTE = "The two weeks between the first and second rounds of negotiations between Russia and Ukraine in Istanbul";
const BUFFER_QUOTE = "would encompass the Kursk, Belgorod, Bryansk, Sumy, and Kharkiv regions";

const GEONAMES = gazetteerSource();

// What each type is: the article does not say, and calls all 13 "bombers".
const AIRCRAFT_TYPES = [
  { type: "Tu-95MS", role: "bomber", role_source: "Tupolev Tu-95MS: turboprop strategic bomber" },
  { type: "Tu-22M", role: "bomber", role_source: "Tupolev Tu-22M: long-range supersonic bomber" },
  { type: "An-12", role: "transport", role_source: "Antonov An-12: four-engine military transport aircraft" },
];

// Why each place is on the map, in the article's terms.
const PLACE_ROLES: Record<string, string> = {
  kyiv: "Ukraine’s capital",
  sumy: "capital of the Sumy region, where Zelenskyy says 50,000 Russian soldiers are massed to the north",
  murmansk: "where the Russian Defense Ministry says it lost aircraft",
  irkutsk: "Siberian city where the Russian Defense Ministry says it lost aircraft",
};

// Which country each listed region is in, with its ISO 3166-2 code.
const REGIONS = [
  { region: "Kursk", country: "Russia", iso_3166_2: "RU-KRS" },
  { region: "Belgorod", country: "Russia", iso_3166_2: "RU-BEL" },
  { region: "Bryansk", country: "Russia", iso_3166_2: "RU-BRY" },
  { region: "Sumy", country: "Ukraine", iso_3166_2: "UA-59" },
  { region: "Kharkiv", country: "Ukraine", iso_3166_2: "UA-63" },
];

const istanbulTalks = notebook({
  id: "istanbul-talks",
  title: "No Lull in Fighting as Russia-Ukraine Talks Resume in Istanbul",
  seeds: [SEED],
  // Each claimant keeps one colour on every chart, so a reader learns it once.
  claimants: {
    [ARTICLE]: { color: "#0072B2", short: "The article (teleSUR/EFE)" },
    [RYBAR]: { color: "#D55E00", short: "Rybar" },
    [ZELENSKYY]: { color: "#009E73", short: "Zelenskyy" },
    [DEFENSE_MINISTRY]: { color: "#CC79A7", short: "Russian Defense Ministry" },
  },

  figures: [
    {
      kind: "stated", id: "airfields-attacked", seed: SEED, quote: AIRFIELDS_QUOTE,
      value: 5, unit: "airfields", qualifier: "exact", claimant: ARTICLE,
      subject: "airfields", measure: "attacked by Ukrainian forces", asOf: "2025-06-01",
      note: "The article states this sentence twice, as its standfirst and in its body.",
    },
    {
      kind: "stated", id: "airfields-with-aircraft-destroyed", seed: SEED, quote: DESTROYED_QUOTE, phrase: "four",
      value: 4, unit: "airfields", qualifier: "exact", claimant: ARTICLE,
      subject: "airfields", measure: "where aircraft were destroyed", asOf: "2025-06-01",
    },
    {
      kind: "stated", id: "aircraft-destroyed", seed: SEED, quote: DESTROYED_QUOTE, phrase: "41",
      value: 41, unit: "aircraft", qualifier: "exact", claimant: ARTICLE,
      subject: "aircraft-losses", measure: "destroyed", asOf: "2025-06-01",
      note: "The article states 41 in its own voice and names no source for it. Rybar’s 13 and the Russian Defense Ministry’s “several” are competing claims about the same losses.",
    },
    {
      kind: "stated", id: "bomber-fleet-share-destroyed", seed: SEED, quote: DESTROYED_QUOTE, phrase: "one-third",
      value: 1 / 3, unit: "share of Russia’s bomber fleet", qualifier: "approximate", claimant: ARTICLE,
      subject: "bomber-fleet", measure: "share destroyed", asOf: "2025-06-01",
    },
    {
      kind: "derived", id: "bomber-fleet-implied", from: { op: "divide", of: "aircraft-destroyed", by: "bomber-fleet-share-destroyed" },
      round: 0, unit: "aircraft", claimant: ARTICLE, subject: "bomber-fleet", measure: "fleet size implied", asOf: "2025-06-01",
      note: "Not stated: the size of the bomber fleet that “41 aircraft—roughly one-third” implies. Approximate because “roughly” is.",
    },
    {
      kind: "derived", id: "bomber-fleet-rest-implied", from: { op: "subtract", from: "bomber-fleet-implied", less: "aircraft-destroyed" },
      unit: "aircraft", claimant: ARTICLE, subject: "bomber-fleet", measure: "rest of the fleet implied", asOf: "2025-06-01",
      note: "Not stated: the bombers left if 41 was roughly one-third of the fleet.",
    },
    {
      kind: "stated", id: "aircraft-lost-defense-ministry", seed: SEED,
      quote: "The Russian Defense Ministry confirmed it had lost several aircraft in the Siberian city of Irkutsk and in Murmansk.",
      phrase: "several", value: null, qualifier: "unquantified", unit: "aircraft", claimant: DEFENSE_MINISTRY,
      subject: "aircraft-losses", measure: "lost", asOf: "2025-06-01",
      note: "The ministry gives no number: “several”.",
    },
    {
      kind: "stated", id: "aircraft-hit-rybar", seed: SEED, quote: RYBAR_QUOTE, phrase: "13",
      value: 13, unit: "aircraft", qualifier: "exact", claimant: RYBAR,
      subject: "aircraft-losses", measure: "hit", asOf: "2025-06-01",
      note: "The article calls all 13 “bombers”, but one is an An-12, a transport aircraft. Rybar counts aircraft hit, the article’s 41 counts aircraft destroyed.",
    },
    {
      kind: "stated", id: "tu-95ms-hit-rybar", seed: SEED, quote: RYBAR_QUOTE, phrase: "eight",
      value: 8, unit: "aircraft", qualifier: "exact", claimant: RYBAR,
      subject: "aircraft-hit-by-type", measure: "Tu-95MS hit", asOf: "2025-06-01",
    },
    {
      kind: "stated", id: "tu-22m-hit-rybar", seed: SEED, quote: RYBAR_QUOTE, phrase: "four",
      value: 4, unit: "aircraft", qualifier: "exact", claimant: RYBAR,
      subject: "aircraft-hit-by-type", measure: "Tu-22M hit", asOf: "2025-06-01",
    },
    {
      kind: "stated", id: "an-12-hit-rybar", seed: SEED, quote: RYBAR_QUOTE, phrase: "one",
      value: 1, unit: "aircraft", qualifier: "exact", claimant: RYBAR,
      subject: "aircraft-hit-by-type", measure: "An-12 hit", asOf: "2025-06-01",
    },
    {
      kind: "derived", id: "aircraft-hit-rybar-by-type-total",
      from: { op: "sum", of: ["tu-95ms-hit-rybar", "tu-22m-hit-rybar", "an-12-hit-rybar"] },
      unit: "aircraft", claimant: RYBAR, subject: "aircraft-hit-by-type", measure: "all types hit", asOf: "2025-06-01",
      note: "Checks that Rybar’s types add up to Rybar’s total.",
    },
    {
      kind: "derived", id: "bombers-hit-rybar",
      from: { op: "sum", of: ["tu-95ms-hit-rybar", "tu-22m-hit-rybar"] },
      unit: "aircraft", claimant: RYBAR, subject: "aircraft-hit-by-type", measure: "bombers hit (Tu-95MS and Tu-22M)", asOf: "2025-06-01",
      note: "Rybar’s count less the An-12, a transport aircraft: the bombers among the 13.",
    },
    {
      kind: "stated", id: "russian-drones-launched", seed: SEED,
      quote: "Overnight from Saturday to Sunday, Russia launched an attack on Ukrainian territory using approximately 500 drones.",
      value: 500, unit: "drones", qualifier: "approximate", claimant: ARTICLE,
      subject: "russian-drone-attack", measure: "launched at Ukraine overnight", asOf: "2025-06-01",
      note: "Overnight from Saturday 31 May to Sunday 1 June 2025. The article names no source for the count.",
    },
    {
      kind: "stated", id: "towns-taken-sumy-region", seed: SEED, quote: TOWNS_QUOTE, phrase: "six",
      value: 6, unit: "towns", qualifier: "exact", claimant: ARTICLE,
      subject: "sumy-advance", measure: "taken by Russian troops (the article says “liberated”)", asOf: "2025-06-02",
      note: "“Liberated” is Russia’s word for it; the article states the count in its own voice and names no source.",
    },
    {
      kind: "stated", id: "towns-taken-period", seed: SEED, quote: TOWNS_QUOTE, phrase: "10",
      value: 10, unit: "days", qualifier: "exact", claimant: ARTICLE,
      subject: "sumy-advance", measure: "period", asOf: "2025-06-02",
    },
    {
      kind: "stated", id: "russian-troops-north-of-sumy", seed: SEED,
      quote: "Ukrainian President Volodymyr Zelenskyy estimated that 50,000 Russian soldiers are massed north of Sumy",
      value: 50000, unit: "soldiers", qualifier: "estimate", claimant: ZELENSKYY,
      subject: "troops-north-of-sumy", measure: "Russian soldiers massed", asOf: "2025-06-02",
    },
    {
      kind: "stated", id: "kyiv-sumy-distance-stated", seed: SEED,
      quote: "whose capital lies just over 300 kilometers from Kyiv",
      value: 300, unit: "km", qualifier: "at-least", claimant: ARTICLE,
      subject: "distance-kyiv-sumy", measure: "distance from Kyiv to the city of Sumy",
      note: "The article does not say whether it means by road or in a straight line.",
    },
    {
      kind: "derived", id: "kyiv-sumy-distance-great-circle", from: { op: "distance", from: "kyiv", to: "sumy" },
      round: 1, unit: "km", claimant: GEONAMES, subject: "distance-kyiv-sumy", measure: "great-circle distance from Kyiv to Sumy",
    },
    {
      kind: "derived", id: "kyiv-murmansk-distance-great-circle", from: { op: "distance", from: "kyiv", to: "murmansk" },
      round: 1, unit: "km", claimant: GEONAMES, subject: "distance-kyiv-murmansk", measure: "great-circle distance from Kyiv to Murmansk",
      note: "Murmansk is where the Russian Defense Ministry says aircraft were lost; the article gives no distance.",
    },
    {
      kind: "derived", id: "kyiv-irkutsk-distance-great-circle", from: { op: "distance", from: "kyiv", to: "irkutsk" },
      round: 1, unit: "km", claimant: GEONAMES, subject: "distance-kyiv-irkutsk", measure: "great-circle distance from Kyiv to Irkutsk",
      note: "Irkutsk, in Siberia, is where the Russian Defense Ministry says aircraft were lost; the article gives no distance.",
    },
    {
      kind: "stated", id: "weeks-between-rounds", seed: SEED, quote: ROUNDS_QUOTE, phrase: "two",
      value: 2, unit: "weeks", qualifier: "exact", claimant: ARTICLE,
      subject: "talks-interval", measure: "between the first and second Istanbul rounds",
      note: "The rounds were 17 days apart (16 May and 2 June 2025): “two weeks” is a round figure.",
    },
    {
      kind: "derived", id: "days-between-rounds", from: { op: "days-between", from: "first-istanbul-round", to: "second-istanbul-round" },
      unit: "days", claimant: ARTICLE, subject: "talks-interval", measure: "between the first and second Istanbul rounds",
      note: "From the dates of the two rounds; the first round’s date comes from outside the article.",
    },
    {
      kind: "counted", id: "buffer-zone-regions", seed: SEED, quote: BUFFER_QUOTE,
      items: ["Kursk", "Belgorod", "Bryansk", "Sumy", "Kharkiv"],
      unit: "regions", claimant: ARTICLE, subject: "buffer-zone", measure: "regions the zone would encompass",
      note: "The article lists the regions without a number. Reports of Putin’s 22 May announcement say he did not name them (Ukrainska Pravda, 22 May 2025).",
    },
  ],

  agreements: [
    { left: "aircraft-hit-rybar-by-type-total", right: "aircraft-hit-rybar", why: "Rybar’s three types must add up to Rybar’s 13" },
  ],

  places: [
    place("Kyiv", { country: "UA" }),
    place("Sumy", { country: "UA" }),
    place("Murmansk", { country: "RU" }),
    place("Irkutsk", { country: "RU" }),
  ],

  events: [
    {
      id: "full-scale-invasion", label: "Russia’s full-scale invasion of Ukraine", date: "2022-02-01", precision: "month",
      basis: "stated", seed: SEED, quote: "Ukraine carried out its boldest sabotage operation since February 2022.", phrase: "February 2022",
      claimant: ARTICLE, note: "The article gives the month; the invasion began on 24 February 2022.",
    },
    {
      id: "moskva-sunk", label: "The cruiser Moskva, flagship of Russia’s Black Sea Fleet, sinks", date: "2022-04-14", precision: "day",
      basis: "external", source: "Russian Defence Ministry statement of 14 April 2022, as reported by TASS",
      seed: SEED, quote: "during the first year of the war", phrase: "first",
      claimant: DEFENSE_MINISTRY, note: "The article says only “during the first year of the war”.",
    },
    {
      id: "first-istanbul-round", label: "First round of Russia-Ukraine talks in Istanbul", date: "2025-05-16", precision: "day",
      basis: "external", source: "TASS, 30 May 2025 (“The first round of talks between Russia and Ukraine was held in Istanbul on May 16”)",
      seed: SEED, quote: ROUNDS_QUOTE, phrase: "first",
      claimant: "TASS", note: "The article does not date the first round.",
    },
    {
      id: "buffer-zone-announced", label: "Putin announces a security buffer zone along the border", date: "2025-05-22", precision: "day",
      basis: "external", source: "Ukrainska Pravda, 22 May 2025, citing RIA Novosti and TASS",
      claimant: "Vladimir Putin (President of Russia)", note: "The article says “shortly after the first Istanbul meeting”.",
    },
    {
      id: "nebenzya-security-council", label: "Nebenzya at the UN Security Council: Russia will fight “as long as it takes”", date: "2025-05-30", precision: "day",
      basis: "implied", seed: SEED, quote: "he warned on Friday during a U.N. Security Council session", phrase: "Friday",
      claimant: ARTICLE,
    },
    {
      id: "russian-drone-attack", label: "Russia attacks Ukraine with about 500 drones overnight", date: "2025-06-01", from: "2025-05-31", precision: "day",
      basis: "implied", seed: SEED, quote: "Overnight from Saturday to Sunday, Russia launched an attack", phrase: "Sunday",
      claimant: ARTICLE, note: "Overnight from Saturday 31 May to Sunday 1 June.",
    },
    {
      id: "airfield-strikes", label: "Ukrainian drones attack five airfields in Russia", date: "2025-06-01", precision: "day",
      basis: "stated", seed: SEED, quote: "Ukrainian drone attack on a Russian aviation airbase. June 1, 2025.", phrase: "June 1, 2025",
      claimant: ARTICLE, note: "Dated by the article’s photo caption; the text says “on Sunday”.",
    },
    {
      id: "second-istanbul-round", label: "Second round of talks opens in Istanbul", date: "2025-06-02", precision: "day",
      basis: "implied", seed: SEED, quote: "will present them only once the meeting in the Turkish city begins today", phrase: "today",
      claimant: ARTICLE,
    },
  ],

  skipped: [
    { seed: SEED, quote: "between the two sides", phrase: "two", reason: "“the two sides” are Russia and Ukraine, not a quantity" },
    { seed: SEED, quote: "between the first and second rounds", phrase: "second", reason: "names the second round, dated by the event second-istanbul-round" },
    { seed: SEED, quote: "For the first time, Ukrainian drones struck targets in Siberia.", phrase: "first", reason: "“for the first time” is a claim of novelty, not a count" },
    { seed: SEED, quote: "Shortly after the first Istanbul meeting", phrase: "first", reason: "names the first round, dated by the event first-istanbul-round" },
  ],

  charts,

  tables: {
    "aircraft-hit-by-type": figureTable({
      title: "Aircraft hit, by type, according to Rybar",
      description: "Rybar’s count of the aircraft hit on 1 June 2025, by type. The article calls all 13 “bombers”; the An-12 is a transport aircraft.",
      figures: (f) => f.subject === "aircraft-hit-by-type" && f.kind === "stated", value: ["aircraft", "Aircraft of this type hit (count)"], descending: true,
      columns: {
        type: ["Aircraft type as the article writes it", (f) => aircraftType(f).type],
        role: ["bomber or transport (not from the article; see role_source)", (f) => aircraftType(f).role],
        role_source: ["What the type is, from its manufacturer’s designation", (f) => aircraftType(f).role_source],
      },
    }),
    "aircraft-loss-claims": figureTable({
      title: "Competing claims about Russia’s aircraft losses",
      description: "Each claim stays its own row: they count different things (destroyed, hit, lost) and come from different sides.",
      figures: "aircraft-losses", value: ["aircraft", "Number of aircraft; empty when the claimant gives no number"], descending: true,
    }),
    "bomber-fleet": figureTable({
      title: "Russia’s bomber fleet, as “roughly one-third” implies it",
      description: "The 41 aircraft destroyed and the rest of the fleet that “41 aircraft—roughly one-third of Russia’s bomber fleet” implies. The article gives no fleet size: the second row is derived and approximate.",
      figures: ["aircraft-destroyed", "bomber-fleet-rest-implied"], value: ["aircraft", "Aircraft"],
      columns: { kind: ["stated by the article, or derived from its figures", (f) => f.kind] },
    }),
    "locator-places": {
      title: "The places on the locator map",
      description: "Kyiv, Sumy, and the two cities where the Russian Defense Ministry says aircraft were lost, with their great-circle distance from Kyiv.",
      columns: {
        place: "The place as the article names it",
        role: "Why it is on the map, from the article",
        lat: "Latitude, decimal degrees north (GeoNames)",
        lon: "Longitude, decimal degrees east (GeoNames)",
        km_from_kyiv: "Great-circle distance from Kyiv, km; empty for Kyiv",
        figure_id: "The ledger figure for the distance",
      },
      traces: [{ figure: "figure_id", value: "km_from_kyiv" }],
      build: (ledger: Ledger) =>
        aq.from(ledger.places.map((p) => {
          const figure = ledger.figures.find((f) => f.subject === `distance-kyiv-${p.id}` && f.kind === "derived");
          return { place: p.name, role: PLACE_ROLES[p.id] ?? null, lat: p.lat, lon: p.lon, km_from_kyiv: figure?.value ?? null, figure_id: figure?.id ?? null };
        })),
    },
    "russian-drones-overnight": figureTable({
      title: "Drones Russia launched at Ukraine, night of 31 May to 1 June 2025",
      description: "The article’s approximate count; it names no source.",
      figures: ["russian-drones-launched"], value: ["drones", "Drones launched (approximate)"],
      columns: { night_of: ["The night, as the first and second dates", () => "2025-05-31/2025-06-01"] },
    }),
    "troop-estimates": figureTable({
      title: "Russian troops massed north of Sumy",
      description: "Zelenskyy’s estimate, the only troop figure in the article.",
      figures: ["russian-troops-north-of-sumy"], value: ["soldiers", "Russian soldiers (an estimate)"],
      columns: { location: ["Where the troops are", () => "north of Sumy"], as_of: ["Date of the article", (f) => f.as_of] },
    }),
    distances: figureTable({
      title: "Distances from Kyiv",
      description: "The article’s “just over 300 kilometers” to Sumy beside great-circle distances computed with d3.geoDistance from GeoNames coordinates.",
      figures: (f) => f.subject.startsWith("distance-"), value: ["km", "Kilometres; for the stated row, the least the article’s words allow"],
      columns: {
        to: ["From Kyiv to", (f, ledger) => ledger.place(f.subject.replace(/^distance-kyiv-/, "")).name],
        method: ["stated by the article, or great-circle (computed)", (f) => (f.kind === "stated" ? "stated by the article" : "great-circle")],
      },
    }),
    timeline: {
      title: "Timeline of the dated events",
      description: "Every event the article dates or implies a date for, from the full-scale invasion to the second Istanbul round.",
      columns: {
        date: "ISO date; with precision month, the first of the month",
        precision: "day or month",
        event: "What happened",
        basis: "stated (the article prints the date), implied (“on Friday” in an article of Monday 2 June 2025) or external (dated by another source)",
        source: "Who dates it: the article, or the outside source named",
        quote: "The article’s words about the event, verbatim, where it mentions it",
        event_id: "The ledger event",
      },
      build: (ledger: Ledger) =>
        aq.from(ledger.events.map((e, order) => ({ ...e, order, source: e.basis === "external" ? e.source : ARTICLE, quote: e.quote ?? null })))
          .orderby("date", "order")
          .select({ date: "date", precision: "precision", label: "event", basis: "basis", source: "source", quote: "quote", id: "event_id" }),
    },
    "buffer-zone-regions": {
      title: "The regions of the proposed buffer zone",
      description: "The five regions the article says the zone would encompass, in the article’s order, with the country each is in.",
      columns: {
        order: "Position in the article’s list",
        region: "The region as the article names it",
        country: "The country the region is in (not from the article)",
        iso_3166_2: "The region’s ISO 3166-2 code",
        figure_id: "The ledger figure that counts the regions",
      },
      build: (ledger: Ledger) => {
        const count = ledger.figure("buffer-zone-regions");
        return aq.from(REGIONS)
          .derive({ order: aq.escape((d: { region: string }) => BUFFER_QUOTE.indexOf(d.region)), figure_id: aq.escape(() => count.id) })
          .orderby("order")
          .derive({ order: () => op.row_number() })
          .select("order", "region", "country", "iso_3166_2", "figure_id");
      },
    },
    "sumy-advance": {
      title: "Towns taken in the Sumy region",
      description: "Six towns in ten days, as the article states it in its own voice with Russia’s word “liberated”.",
      columns: {
        region: "Region",
        towns: "Towns taken by Russian troops",
        days: "Over how many days",
        claimant: "Who states it",
        towns_figure_id: "The ledger figure for the towns",
        days_figure_id: "The ledger figure for the days",
      },
      traces: [{ figure: "towns_figure_id", value: "towns" }, { figure: "days_figure_id", value: "days" }],
      build: (ledger: Ledger) =>
        aq.table({
          region: ["Sumy"],
          towns: [ledger.value("towns-taken-sumy-region")],
          days: [ledger.value("towns-taken-period")],
          claimant: [ledger.figure("towns-taken-sumy-region").claimant],
          towns_figure_id: ["towns-taken-sumy-region"],
          days_figure_id: ["towns-taken-period"],
        }),
    },
  },
});

/** What Rybar's type is: the article names it and says no more. */
function aircraftType(f: { measure: string }) {
  return AIRCRAFT_TYPES.find((t) => `${t.type} hit` === f.measure)!;
}

export default istanbulTalks;

await runIfMain(import.meta.url, istanbulTalks);
