// A table of ledger figures in the shape the chart kinds read: one row per
// figure with who claims it, what, the number, its qualifier, the words a
// number-less claim used and the quote, every number traced to its figure.
// Most of a story's tables are this with a choice of figures.

import type { Figure, Ledger } from "../ledger/index.ts";
import type { TableSpec } from "./spec.ts";
import { fromRows, type Row } from "./tables.ts";

export interface FigureTableOptions {
  title: string;
  description: string;
  /** Which figures, in this order: a subject ("aircraft-losses"), a list of ids, or a test. */
  figures: string | string[] | ((figure: Figure) => boolean);
  /** The number's column: its name (by default `value`) and what it holds ("Aircraft hit (count)"). */
  value?: [name: string, description: string];
  /** More columns, each from the figure: name → [what it holds, how to read it]. */
  columns?: Record<string, [description: string, read: (figure: Figure, ledger: Ledger) => unknown]>;
  /** Largest number first (claims with no number last), rather than the order chosen. */
  descending?: boolean;
  /**
   * The ledger place each figure is at, by the id `place()` gave it ("paris"): adds the columns `place`
   * (its name), `lat` and `lon`, which pointMap and locator read.
   */
  place?: (figure: Figure) => string;
}

const PLACE_COLUMNS = {
  place: "The place the number is at, as the article names it",
  lat: "Latitude, decimal degrees north (from the gazetteer, not the article)",
  lon: "Longitude, decimal degrees east (from the gazetteer, not the article)",
};

export function figureTable(o: FigureTableOptions): TableSpec {
  const [valueName, valueDescription] = o.value ?? ["value", "The number, as the figure gives it; empty when the claim gives none"];
  const extra = Object.entries(o.columns ?? {});
  const columns: Record<string, string> = {
    claimant: "Who makes the claim, as the article attributes it",
    measure: "What is claimed",
    [valueName]: valueDescription,
    qualifier: "exact, approximate, at-least, at-most, estimate, or unquantified (no number given)",
    stated_as: "The claim's own words for the number",
    ...(o.place ? PLACE_COLUMNS : {}),
    ...Object.fromEntries(extra.map(([name, [description]]) => [name, description])),
    figure_id: "The ledger figure the row comes from",
    quote: "The article's words, verbatim; empty for a computed figure",
  };
  return {
    title: o.title,
    description: o.description,
    columns,
    traces: [{ figure: "figure_id", value: valueName }],
    build: (ledger) => {
      let chosen = choose(ledger, o.figures);
      if (o.descending) chosen = [...chosen].sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity));
      const rows: Row[] = chosen.map((f) => ({
        claimant: f.claimant, measure: f.measure, [valueName]: f.value, qualifier: f.qualifier, stated_as: f.phrase,
        ...(o.place ? placeOf(ledger, o.place(f)) : {}),
        ...Object.fromEntries(extra.map(([name, [, read]]) => [name, read(f, ledger)])),
        figure_id: f.id, quote: f.quote,
      }));
      return fromRows(rows, Object.keys(columns));
    },
  };
}

function choose(ledger: Ledger, which: FigureTableOptions["figures"]): Figure[] {
  if (typeof which === "function") return ledger.figures.filter(which);
  if (typeof which === "string") return ledger.figures.filter((f) => f.subject === which);
  return which.map((id) => ledger.figure(id));
}

function placeOf(ledger: Ledger, id: string): Row {
  const p = ledger.place(id);
  return { place: p.name, lat: p.lat, lon: p.lon };
}
