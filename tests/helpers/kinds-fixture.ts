// A made-up story for the chart kinds' tests (an earthquake with competing
// death tolls, counted by province): its own ledger and tables, so that the
// kinds are tested on nothing of a real story's and no story can break them.
import { drawChart, type Drawn } from "../../src/chart/draw-chart.ts";
import type { ChartSpec } from "../../src/chart/spec.ts";
import { ARTBOARDS, type ArtboardName } from "../../src/chart/theme.ts";
import { resolveLedger } from "../../src/ledger/entries.ts";
import { place, type FigureEntry, type Qualifier } from "../../src/ledger/index.ts";
import type { TableSpec } from "../../src/tables/index.ts";
import { rows } from "../../src/tables/index.ts";

const Q = "Made-up quote for a test.";
const stated = (id: string, value: number | null, qualifier: Qualifier, claimant: string, subject: string, measure: string, phrase?: string): FigureEntry =>
  ({ kind: "stated", id, seed: "none", quote: Q, phrase, value, qualifier, unit: "deaths", claimant, subject, measure });

export const KINDS_LEDGER = resolveLedger({
  figures: [
    stated("deaths-ministry", 1200, "approximate", "Interior Ministry", "deaths", "killed"),
    stated("deaths-red-cross", 1500, "at-least", "Turkish Red Crescent", "deaths", "killed"),
    stated("deaths-local", null, "unquantified", "Local officials in the affected provinces, speaking to reporters", "deaths", "killed", "hundreds"),
    stated("deaths-hatay", 640, "exact", "Interior Ministry", "deaths-by-province", "killed in Hatay"),
    stated("deaths-maras", 410, "exact", "Interior Ministry", "deaths-by-province", "killed in Kahramanmaraş"),
    stated("deaths-gaziantep", 150, "exact", "Interior Ministry", "deaths-by-province", "killed in Gaziantep"),
    stated("deaths-malatya", null, "unquantified", "Interior Ministry", "deaths-by-province", "killed in Malatya", "dozens"),
    ...([["2023-02-06", 2300, "exact"], ["2023-02-07", 5400, "approximate"], ["2023-02-08", 11200, "exact"], ["2023-02-09", null, "unquantified"], ["2023-02-10", 21000, "estimate"]] as const)
      .map(([day, value, qualifier]) => ({ ...stated(`toll-${day}`, value, qualifier, "Interior Ministry", "toll-over-time", "killed so far", value === null ? "thousands" : undefined), asOf: day })),
  ],
  events: [
    { id: "quake", label: "A magnitude 7.8 earthquake strikes southern Türkiye before dawn", date: "2023-02-06", precision: "day", basis: "stated", seed: "none", quote: Q, phrase: "6 February", claimant: "Example Wire" },
    { id: "aftershock", label: "A second large earthquake strikes the same region in the afternoon", date: "2023-02-06", precision: "day", basis: "implied", seed: "none", quote: Q, phrase: "Monday", claimant: "Example Wire" },
    { id: "emergency", label: "A three-month state of emergency is declared in ten provinces", date: "2023-02-07", precision: "day", basis: "external", source: "Official Gazette", claimant: "Government" },
  ],
  places: [place("Antakya", { country: "TR" }), place("Gaziantep", { country: "TR" }), place("Malatya", { country: "TR" }), place("Kahramanmaraş", { country: "TR" })],
});

/** The rows a table spec builds from the fixture's ledger. */
export function tableRows(spec: TableSpec) {
  const table = spec.build(KINDS_LEDGER);
  return { rows: rows(table), columns: table.columnNames() };
}

/** A kind's chart drawn on one artboard, as the build draws it. */
export function drawKind(id: string, spec: ChartSpec, table: TableSpec, artboard: ArtboardName): Drawn {
  const { rows: r, columns } = tableRows(table);
  return drawChart({ id, spec, rows: r, columns, ledger: KINDS_LEDGER, article: { credit: "Example Wire", date: "6 February 2023" } }, ARTBOARDS[artboard]);
}
