// The charts for "No Lull in Fighting as Russia-Ukraine Talks Resume in
// Istanbul". Each draws one of the notebook's tables. Headlines, subtitles and
// notes name their figures (t`… ${"figure-id"} …`), so each number is printed
// from the ledger with the article's own qualifier and cannot be mistyped.

import {
  barChart, claimsChart, COMPUTED_COLOR, formatNumber, locator, regionMap, t, timelineChart, unitChart, type ChartSpec,
} from "../../src/index.ts";

const str = (v: unknown) => String(v);
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const ARTICLE = "teleSUR/EFE";

export const charts: Record<string, ChartSpec> = {
  "aircraft-hit-by-type": barChart({
    table: "aircraft-hit-by-type", value: "aircraft",
    headline: t`Rybar counts ${"aircraft-hit-rybar"} Russian aircraft hit, ${"bombers-hit-rybar"} of them bombers`,
    subtitle: "Aircraft hit in Ukraine’s drone attacks on 1 June 2025, by type, according to the Russian military blogger Rybar",
    label: (d) => `${str(d.type)}, ${d.role === "transport" ? "transport aircraft" : str(d.role_source).split(": ")[1]}`,
    shape: (d) => (d.role === "transport" ? "faint" : "solid"),
    legend: (data, ctx) => [
      { label: "Bomber", color: ctx.color(str(data[0]!.claimant)) },
      { label: "Transport", color: ctx.color(str(data[0]!.claimant)), shape: "faint" },
    ],
    notes: [t`The article calls all ${"aircraft-hit-rybar"} aircraft “bombers”; the An-12 is a military transport.`],
  }),

  "aircraft-loss-claims": claimsChart({
    table: "aircraft-loss-claims", value: "aircraft",
    headline: t`${"aircraft-destroyed"} aircraft destroyed, ${"aircraft-hit-rybar"} hit, or ${"aircraft-lost-defense-ministry"} lost: the claims differ`,
    subtitle: "Russian aircraft lost to Ukraine’s drone attacks on 1 June 2025, by who makes the claim",
    notes: [
      t`The article states ${"aircraft-destroyed"} in its own voice and names no source. Rybar counts aircraft hit, not destroyed. The Russian Defense Ministry gives no number for its losses in Irkutsk and Murmansk.`,
    ],
  }),

  "bomber-fleet": unitChart({
    table: "bomber-fleet", value: "aircraft", unit: "aircraft", per: 1, columns: { desktop: 20, mobile: 10 },
    headline: t`${"aircraft-destroyed"} aircraft: “${"bomber-fleet-share-destroyed"}” of Russia’s bomber fleet`,
    subtitle: t`If ${"aircraft-destroyed"} is ${"bomber-fleet-share-destroyed"}, the fleet was ${"bomber-fleet-implied"} bombers. The article gives no fleet size: the outlined squares are what its words imply`,
    label: (d) => (d.kind === "derived" ? "Rest of the fleet, implied" : "Destroyed"),
  }),

  "russian-drones-overnight": unitChart({
    table: "russian-drones-overnight", value: "drones", unit: "drones", per: 10, label: () => "Drones",
    headline: t`Russia launched ${"russian-drones-launched"} drones at Ukraine in one night`,
    subtitle: "Drones launched overnight from Saturday 31 May to Sunday 1 June 2025, the night before Ukraine’s strike on Russian airfields",
    notes: [t`The article says “${"russian-drones-launched"}” and names no source for the count.`],
  }),

  "troops-north-of-sumy": unitChart({
    table: "troop-estimates", value: "soldiers", unit: "soldiers", per: 1000, label: () => "Soldiers",
    headline: t`Zelenskyy estimates ${{ figure: "russian-troops-north-of-sumy", as: "number" }} Russian soldiers are massed north of Sumy`,
    subtitle: "Russian troops near the Ukrainian city of Sumy, by the estimate of Ukraine’s president, Volodymyr Zelenskyy",
    notes: ["An estimate by one side in the war, which the article does not check."],
  }),

  "locator-map": locator({
    table: "locator-places",
    headline: "Ukraine’s drones struck as far as Siberia",
    subtitle: "Kyiv, Sumy, and the cities where Russia’s Defense Ministry says it lost aircraft, with straight-line distances from Kyiv",
    label: (d) => (d.km_from_kyiv === null ? str(d.place) : `${str(d.place)}, ${formatNumber(Math.round(num(d.km_from_kyiv)!))} km`),
    origin: (d) => d.km_from_kyiv === null, highlight: ["Ukraine", "Russia"],
    areas: [{ name: "Russia", lon: 76, lat: 62 }, { name: "Ukraine", lon: 33.6, lat: 47.6 }],
    notes: ["Distances are great circles between city centres, computed from GeoNames coordinates. The article says the drones were launched from truck trailers parked near the airfields."],
  }),

  distances: barChart({
    table: "distances", value: "km", unit: "km", digits: 0,
    headline: t`Kyiv to Sumy: “${"kyiv-sumy-distance-stated"} kilometers”. To Irkutsk: ${{ figure: "kyiv-irkutsk-distance-great-circle", digits: 0 }} km`,
    subtitle: "Distances from Kyiv: the article’s figure, and straight-line distances between city centres",
    label: (d) => (d.method === "great-circle" ? `${str(d.to)}, in a straight line` : `${str(d.to)}, as the article puts it`),
    color: (d, ctx) => (d.method === "great-circle" ? COMPUTED_COLOR : ctx.color(str(d.claimant))),
    legend: (_data, ctx) => [
      { label: "The article (a minimum: “just over”)", color: ctx.color(ARTICLE), shape: "outline" },
      { label: "Computed from coordinates", color: COMPUTED_COLOR },
    ],
    notes: ["The article does not say whether it means by road or in a straight line. Whole kilometres: city-centre coordinates are no more precise."],
  }),

  timeline: timelineChart({
    table: "timeline", color: "#0072B2",
    headline: "From the invasion to the second round of talks in Istanbul",
    subtitle: "The events the article dates or that date what it describes, and how each date is known",
    notes: [t`The article says the rounds were ${"weeks-between-rounds"} weeks apart; their dates put them ${"days-between-rounds"} days apart.`],
  }),

  "buffer-zone-regions": regionMap({
    table: "buffer-zone-regions",
    headline: t`Russia’s planned buffer zone would take in ${"buffer-zone-regions"} border regions`,
    subtitle: "The regions the article says the security buffer zone announced by Vladimir Putin would encompass, in Russia and Ukraine",
    color: "#0072B2", key: "Named by the article as part of the zone",
    notes: ["Reports of Putin’s announcement on 22 May 2025 say he did not name the regions; the list is the article’s."],
  }),

  "sumy-advance": unitChart({
    table: "sumy-advance", value: "towns", unit: "towns", per: 1, label: () => "Towns taken",
    headline: t`${"towns-taken-sumy-region"} towns in the Sumy region in ${"towns-taken-period"} days`,
    subtitle: t`Towns Russian troops took in Ukraine’s Sumy region in the ${"towns-taken-period"} days to 2 June 2025, as the article reports it`,
    notes: ["The article uses Russia’s word, “liberated”, and names no source for the count."],
  }),
};
