// Coverage: every number the seed mentions is either used (by a figure or a
// dated event), part of the article's metadata or of a name, or skipped with a
// reason. Nothing in the article is left unaccounted for without a person
// having said why.

import { findAll, type Seed } from "./seeds.ts";
import { findMentions, type Mention } from "./numbers.ts";
import { phraseOf, type EventEntry, type FigureEntry, type Skip, type Unreviewed } from "./entries.ts";

export type CoverageStatus = "figure" | "event" | "metadata" | "name" | "skipped" | "unreviewed" | "unaccounted";

export interface CoverageRow {
  seed: string;
  line: number;
  column: number;
  text: string;
  kind: Mention["kind"];
  status: CoverageStatus;
  /** The figure or event id, or the reason it is skipped. */
  by: string;
  context: string;
}

interface Span {
  start: number;
  end: number;
  status: Exclude<CoverageStatus, "unaccounted">;
  by: string;
}

export interface CoverageInput {
  seeds: Map<string, Seed>;
  figures: FigureEntry[];
  events: EventEntry[];
  skipped: Skip[];
  unreviewed?: Unreviewed[];
}

export function coverage(input: CoverageInput): CoverageRow[] {
  const rows: CoverageRow[] = [];
  for (const seed of input.seeds.values()) {
    const spans = spansFor(seed, input);
    for (const m of findMentions(seed.text)) {
      const span = spans.find((s) => s.start <= m.start && m.end <= s.end);
      const { line, column } = position(seed.text, m.start);
      rows.push({
        seed: seed.name, line, column, text: m.text, kind: m.kind,
        status: span?.status ?? (m.kind === "designation" ? "name" : "unaccounted"),
        by: span?.by ?? (m.kind === "designation" ? `part of the name ${m.text}` : ""),
        context: context(seed.text, m),
      });
    }
  }
  return rows;
}

function spansFor(seed: Seed, input: CoverageInput): Span[] {
  const spans: Span[] = [];
  const add = (quote: string, phrase: string | null, status: Span["status"], by: string) => {
    if (phrase === null) return;
    const inQuote = quote.indexOf(phrase);
    if (inQuote === -1) return;
    for (const at of findAll(seed.text, quote)) {
      spans.push({ start: at + inQuote, end: at + inQuote + phrase.length, status, by });
    }
  };
  for (const f of input.figures) {
    if (f.kind === "stated" && f.seed === seed.name && f.value !== null) add(f.quote, phraseOf(f), "figure", f.id);
  }
  for (const e of input.events) {
    if (e.seed === seed.name && e.quote !== undefined) add(e.quote, e.phrase ?? null, "event", e.id);
  }
  for (const s of input.skipped) {
    if (s.seed === seed.name) add(s.quote, s.phrase, "skipped", s.reason);
  }
  for (const u of input.unreviewed ?? []) {
    if (u.seed === seed.name) add(u.quote, u.phrase, "unreviewed", "not reviewed yet");
  }
  const dateline = seed.meta.published.dateline;
  if (dateline) add(dateline, dateline, "metadata", "the publication dateline (seed metadata)");
  return spans;
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

function context(text: string, m: Mention): string {
  const start = Math.max(0, m.start - 30);
  const end = Math.min(text.length, m.end + 30);
  return `${start > 0 ? "…" : ""}${text.slice(start, end).replace(/\s+/g, " ")}${end < text.length ? "…" : ""}`;
}

export function coverageTotals(rows: CoverageRow[]): Record<CoverageStatus, number> & { mentions: number } {
  const totals = { mentions: rows.length, figure: 0, event: 0, metadata: 0, name: 0, skipped: 0, unreviewed: 0, unaccounted: 0 };
  for (const r of rows) totals[r.status]++;
  return totals;
}
