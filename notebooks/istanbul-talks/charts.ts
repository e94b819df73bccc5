// The charts for "No Lull in Fighting as Russia-Ukraine Talks Resume in
// Istanbul". Each draws one of the notebook's tables. Headlines, subtitles and
// notes name their figures (t`… ${"figure-id"} …`), so each number is printed
// from the ledger with the article's own qualifier and cannot be mistyped.

import {
  barChart, claimsChart, COMPUTED_COLOR, formatDate, formatNumber, formatQualified, locatorMap, regionMap, t, timeline, unitRows, units,
  type ChartSpec, type Qualifier, type Row,
} from "../../src/index.ts";

const str = (v: unknown) => String(v);
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const ARTICLE = "teleSUR/EFE";

/** Squares per row, and each square's size, for a unit chart of `total` on this artboard. */
function grid(total: number, ctx: { width: number; artboard: { name: string } }, desktopColumns: number, mobileColumns: number) {
  const columns = Math.min(total, ctx.artboard.name === "desktop" ? desktopColumns : mobileColumns);
  return { columns, cell: Math.min(28, Math.floor(ctx.width / columns)) };
}

function unitHeight(total: number, width: number, desktop: boolean, desktopColumns: number, mobileColumns: number): number {
  const columns = Math.min(total, desktop ? desktopColumns : mobileColumns);
  return unitRows(total, columns) * Math.min(28, Math.floor(width / columns));
}

const inner = (artboard: { width: number; padding: number }) => artboard.width - 2 * artboard.padding;

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

  "bomber-fleet": {
    table: "bomber-fleet",
    kind: "Unit chart",
    headline: t`${"aircraft-destroyed"} aircraft: “${"bomber-fleet-share-destroyed"}” of Russia’s bomber fleet`,
    subtitle: t`If ${"aircraft-destroyed"} is ${"bomber-fleet-share-destroyed"}, the fleet was ${"bomber-fleet-implied"} bombers. The article gives no fleet size: the outlined squares are what its words imply`,
    height: (data, artboard) => unitHeight(sum(data, "aircraft"), inner(artboard), artboard.name === "desktop", 20, 10),
    plot: (data, ctx) => {
      const { columns, cell } = grid(sum(data, "aircraft"), ctx, 20, 10);
      const u = units(data.map((d) => ({
        count: num(d.aircraft)!,
        color: ctx.color(ARTICLE),
        shape: d.kind === "derived" ? "outline" as const : "solid" as const,
      })), columns, cell);
      return { ...u.options, marks: u.marks };
    },
    legend: (data, ctx) => data.map((d) => ({
      label: `${d.kind === "derived" ? "Rest of the fleet, implied" : "Destroyed"}: ${formatQualified(num(d.aircraft), str(d.qualifier) as Qualifier)}`,
      color: ctx.color(ARTICLE),
      shape: d.kind === "derived" ? "outline" as const : "solid" as const,
    })),
    notes: () => ["Each square is one aircraft. ≈ marks a number the article implies but does not state."],
  },

  "russian-drones-overnight": {
    table: "russian-drones-overnight",
    kind: "Unit chart",
    headline: t`Russia launched ${"russian-drones-launched"} drones at Ukraine in one night`,
    subtitle: "Drones launched overnight from Saturday 31 May to Sunday 1 June 2025, the night before Ukraine’s strike on Russian airfields",
    ...countInSquares({ column: "drones", per: 10, noun: "drones", label: "Drones" }),
    notes: () => [t`The article says “${"russian-drones-launched"}” and names no source for the count; ≈ marks an approximate number.`],
  },

  "troops-north-of-sumy": {
    table: "troop-estimates",
    kind: "Unit chart",
    headline: t`Zelenskyy estimates ${{ figure: "russian-troops-north-of-sumy", as: "number" }} Russian soldiers are massed north of Sumy`,
    subtitle: "Russian troops near the Ukrainian city of Sumy, by the estimate of Ukraine’s president, Volodymyr Zelenskyy",
    ...countInSquares({ column: "soldiers", per: 1000, noun: "soldiers", label: "Soldiers" }),
    notes: () => ["An estimate by one side in the war, which the article does not check. “est.” marks an estimate."],
  },

  "locator-map": {
    table: "locator-places",
    kind: "Map",
    headline: "Ukraine’s drones struck as far as Siberia",
    subtitle: "Kyiv, Sumy, and the cities where Russia’s Defense Ministry says it lost aircraft, with straight-line distances from Kyiv",
    height: { desktop: 380, mobile: 270 },
    plot: (data, ctx) => locatorMap(data, {
      width: ctx.width, height: ctx.height, fontSize: ctx.artboard.body.size,
      label: (d) => (d.km_from_kyiv === null ? str(d.place) : `${str(d.place)}, ${formatNumber(Math.round(num(d.km_from_kyiv)!))} km`),
      origin: (d) => d.km_from_kyiv === null,
      highlight: ["Ukraine", "Russia"],
      areas: [{ name: "Russia", lon: 76, lat: 62 }, { name: "Ukraine", lon: 33.6, lat: 47.6 }],
      color: COMPUTED_COLOR,
    }),
    notes: () => ["Distances are great circles between city centres, computed from GeoNames coordinates. The article says the drones were launched from truck trailers parked near the airfields."],
    describeRow: (d) => `${str(d.place)}: ${str(d.role)}`,
  },

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

  timeline: {
    table: "timeline",
    kind: "Timeline",
    headline: "From the invasion to the second round of talks in Istanbul",
    subtitle: "The events the article dates or that date what it describes, and how each date is known",
    height: (data, artboard) => timeline.height(data.map(timelineItem), inner(artboard), artboard.body.size),
    plot: (data, ctx) => timeline(data.map(timelineItem), { width: ctx.width, fontSize: ctx.artboard.body.size, color: ctx.color(ARTICLE) }),
    legend: (_data, ctx) => [
      { label: "Date stated or implied by the article", color: ctx.color(ARTICLE), symbol: "circle" },
      { label: "Date from another source", color: ctx.color(ARTICLE), shape: "outline", symbol: "circle" },
    ],
    notes: () => [t`The article says the rounds were ${"weeks-between-rounds"} weeks apart; their dates put them ${"days-between-rounds"} days apart.`],
  },

  "buffer-zone-regions": regionMap({
    table: "buffer-zone-regions",
    headline: t`Russia’s planned buffer zone would take in ${"buffer-zone-regions"} border regions`,
    subtitle: "The regions the article says the security buffer zone announced by Vladimir Putin would encompass, in Russia and Ukraine",
    color: "#0072B2", key: "Named by the article as part of the zone",
    notes: ["Reports of Putin’s announcement on 22 May 2025 say he did not name the regions; the list is the article’s."],
  }),

  "sumy-advance": {
    table: "sumy-advance",
    kind: "Unit chart",
    headline: t`${"towns-taken-sumy-region"} towns in the Sumy region in ${"towns-taken-period"} days`,
    subtitle: t`Towns Russian troops took in Ukraine’s Sumy region in the ${"towns-taken-period"} days to 2 June 2025, as the article reports it`,
    height: (data, artboard) => Math.min(40, Math.floor(inner(artboard) / num(data[0]!.towns)!)),
    plot: (data, ctx) => {
      const towns = num(data[0]!.towns)!;
      const cell = Math.min(40, Math.floor(ctx.width / towns));
      const u = units([{ count: towns, color: ctx.color(str(data[0]!.claimant)), shape: "solid" }], towns, cell);
      return u.options && { ...u.options, marks: u.marks };
    },
    legend: (data, ctx) => [
      { label: `Towns taken: ${formatNumber(num(data[0]!.towns)!)}`, color: ctx.color(str(data[0]!.claimant)) },
    ],
    notes: () => ["Each square is one town. The article uses Russia’s word, “liberated”, and names no source for the count."],
  },
};

/**
 * One count as squares of `per` units each, 25 to a row on desktop and 10 on
 * mobile, its qualifier in the legend ("≈500", "est. 50,000").
 */
function countInSquares(o: { column: string; per: number; noun: string; label: string }): Pick<ChartSpec, "height" | "plot" | "scales" | "legend"> {
  const squares = (data: Row[]) => Math.round(num(data[0]![o.column])! / o.per);
  return {
    height: (data, artboard) => unitHeight(squares(data), inner(artboard), artboard.name === "desktop", 25, 10),
    plot: (data, ctx) => {
      const { columns, cell } = grid(squares(data), ctx, 25, 10);
      const u = units([{ count: squares(data), color: ctx.color(str(data[0]!.claimant)), shape: "solid" }], columns, cell);
      return { ...u.options, marks: u.marks };
    },
    scales: [o.per],
    legend: (data, ctx) => [{
      label: `${o.label}: ${formatQualified(num(data[0]![o.column]), str(data[0]!.qualifier) as Qualifier)}; each square is ${formatNumber(o.per)} ${o.noun}`,
      color: ctx.color(str(data[0]!.claimant)),
    }],
  };
}

function sum(data: Row[], column: string): number {
  return data.reduce((s, d) => s + (num(d[column]) ?? 0), 0);
}

function timelineItem(d: Row) {
  return {
    date: formatDate(str(d.date), d.precision === "month" ? "month" : "day"),
    label: str(d.event),
    external: d.basis === "external",
  };
}
