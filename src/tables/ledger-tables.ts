// The tables every notebook publishes about its own sourcing: the resolved
// figure ledger, the places it measures between, and the coverage report. A
// reader who downloads the data gets the provenance with it.

import * as aq from "arquero";
import type { CoverageRow, Ledger } from "../ledger/index.ts";
import type { TableSpec } from "./spec.ts";
import { fromRows, type Row } from "./tables.ts";

const FIGURE_COLUMNS: Record<string, string> = {
  id: "The figure's id, used by every table and chart that carries the number",
  kind: "stated (the article gives the number), counted (the article lists the things counted) or derived (computed from other figures or places)",
  seed: "The article the quote comes from: seeds/<seed>.txt",
  quote: "The passage, verbatim from the seed",
  phrase: "The number's own words within the quote",
  value: "The number the words state (a fraction as a decimal); empty for a vague claim such as \"several\"",
  unit: "What the number counts or measures",
  qualifier: "exact, approximate (\"approximately\", \"roughly\"), at-least (\"just over\"), at-most (\"up to\"), estimate (\"estimated\") or unquantified (no number given)",
  low: "The least the words allow (\"just over 300\": 300); empty when they set no bound",
  high: "The most the words allow; empty when they set no bound",
  claimant: "Who asserts the number, as the article attributes it; the article's own voice is teleSUR/EFE",
  subject: "What the number is about; competing claims share a subject and stay separate rows",
  measure: "What is claimed of the subject",
  as_of: "The date the number describes (ISO), when the article gives or implies one",
  derived_from: "For a derived figure, the ids of the figures, places or events it is computed from",
  formula: "For a derived or counted figure, the arithmetic, with its inputs' values",
  note: "What a reader should know about the figure",
};

export function figuresTable(notebookId: string): TableSpec {
  return {
    title: "The figure ledger",
    description: `Every number the ${notebookId} notebook uses, one row per figure, with the verbatim quote it comes from and who claims it.`,
    columns: FIGURE_COLUMNS,
    build: (ledger: Ledger) => fromRows(ledger.figures as unknown as Row[], Object.keys(FIGURE_COLUMNS)),
  };
}

const PLACE_COLUMNS: Record<string, string> = {
  id: "The place's id, used by derived distances",
  name: "The place as the article names it",
  country: "ISO 3166-1 alpha-2 code of the country the place is in",
  lat: "Latitude, decimal degrees north (WGS 84)",
  lon: "Longitude, decimal degrees east (WGS 84)",
  source: "Where the coordinates come from (not the article)",
};

export function placesTable(): TableSpec {
  return {
    title: "Places and their coordinates",
    description: "The places the story measures between. The coordinates come from outside the article; each row names its source.",
    columns: PLACE_COLUMNS,
    build: (ledger: Ledger) => fromRows(ledger.places as unknown as Row[], Object.keys(PLACE_COLUMNS)),
  };
}

const COVERAGE_COLUMNS: Record<string, string> = {
  seed: "The article: seeds/<seed>.txt",
  line: "Line of the seed (1-based)",
  column: "Column of the seed (1-based, in UTF-16 code units)",
  text: "The number as the article writes it",
  kind: "numeral, words, fraction, ordinal, or designation (a number inside a name such as Tu-95MS)",
  status: "figure or event (used), metadata (the dateline), name (part of a designation), skipped (not used, with a reason), unreviewed (a story just started: not read yet) or unaccounted (a check failure)",
  by: "The figure or event that uses it, or why it is not used",
  context: "The words around it",
};

export function coverageTable(notebookId: string, rows: CoverageRow[]): TableSpec {
  return {
    title: "Coverage of the article's numbers",
    description: `Every number the ${notebookId} notebook's seeds mention, and what became of it.`,
    columns: COVERAGE_COLUMNS,
    build: () => (rows.length > 0 ? fromRows(rows as unknown as Row[], Object.keys(COVERAGE_COLUMNS)) : aq.table({})),
  };
}
