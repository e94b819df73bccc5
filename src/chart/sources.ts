// Who the numbers in a chart come from: the figures and events its rows name.
// The source line and the alt text are written from these, never by hand.

import type { EventEntry, Figure, Ledger } from "../ledger/index.ts";
import type { Row } from "../tables/index.ts";

export interface Provenance {
  figures: Figure[];
  events: EventEntry[];
}

/** The figures and events a table's rows name, in row order, each once. */
export function provenance(rows: Row[], ledger: Ledger): Provenance {
  const figures = new Map<string, Figure>();
  const events = new Map<string, EventEntry>();
  for (const row of rows) {
    for (const [column, value] of Object.entries(row)) {
      if (typeof value !== "string") continue;
      if (column === "figure_id" || column.endsWith("_figure_id")) figures.set(value, ledger.figure(value));
      if (column === "event_id") events.set(value, ledger.event(value));
    }
  }
  return { figures: [...figures.values()], events: [...events.values()] };
}

/**
 * "Source: teleSUR/EFE, 2 June 2025; claims by Rybar (Russian military
 * blogger); coordinates: GeoNames …; dates: TASS …".
 */
export function sourceLine(p: Provenance, article: { credit: string; date: string }, extra: string[] = []): string {
  const claimants: string[] = [];
  const computed: string[] = [];
  for (const f of p.figures) {
    const list = f.kind === "derived" ? computed : claimants;
    if (f.claimant !== article.credit && !list.includes(f.claimant)) list.push(f.claimant);
  }
  const dated = [...new Set(p.events.filter((e) => e.basis === "external").map((e) => (e.basis === "external" ? e.source : "")))];
  const parts = [`${article.credit}, ${article.date}`];
  if (claimants.length > 0) parts.push(`claims by ${claimants.join(", ")} as the article reports them`);
  if (computed.length > 0) parts.push(`computed by storycharts from ${computed.join(", ")}`);
  if (dated.length > 0) parts.push(`dates from outside the article: ${dated.join("; ")}`);
  parts.push(...extra);
  return `Source: ${parts.join("; ")}`;
}
