// Coverage: every number the seed mentions is either used (by a figure or a
// dated event), part of the article's metadata or of a name, or skipped with a
// reason. Nothing in the article is left unaccounted for without a person
// having said why.

import { placesIn, type Seed } from "./seeds.ts";
import { lineIndex } from "./sentences.ts";
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
    const covering = coveringSpan(spansFor(seed, input));
    const where = lineIndex(seed.text);
    for (const m of findMentions(seed.text)) {
      const span = covering(m);
      const { line, column } = where(m.start);
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

/** Every span, in the order the entries give them: the first that covers a number accounts for it. */
function spansFor(seed: Seed, input: CoverageInput): Span[] {
  const spans: Span[] = [];
  // Entries that share a quote and a phrase cover the same numbers, and only the first of them counts:
  // a notebook that lists thousands of numbers, each quoted alone, must not search the article once for each.
  const seen = new Set<string>();
  const add = (quote: string, phrase: string | null, status: Span["status"], by: string) => {
    if (phrase === null) return;
    const key = `${quote}\u0000${phrase}`;
    if (seen.has(key)) return;
    seen.add(key);
    const inQuote = quote.indexOf(phrase);
    if (inQuote === -1) return;
    for (const at of placesIn(seed, quote)) {
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

/**
 * For mentions taken in the text's order, the first span (in `spans`' order)
 * that holds each: spans are swept in by where they start, and kept in a heap
 * by their order. A span that ends before a mention ends holds no later one
 * either (mentions do not overlap, so their ends only grow), so it leaves the
 * heap for good: n log n, not every span for every mention.
 */
function coveringSpan(spans: Span[]): (m: Mention) => Span | undefined {
  const byStart = spans.map((_, i) => i).sort((a, b) => spans[a]!.start - spans[b]!.start || a - b);
  const heap: number[] = [];
  let next = 0;
  return (m) => {
    while (next < byStart.length && spans[byStart[next]!]!.start <= m.start) heapPush(heap, byStart[next++]!);
    while (heap.length > 0 && spans[heap[0]!]!.end < m.end) heapPop(heap);
    return heap.length > 0 ? spans[heap[0]!] : undefined;
  };
}

function heapPush(heap: number[], value: number): void {
  let i = heap.push(value) - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heap[parent]! <= value) break;
    heap[i] = heap[parent]!;
    i = parent;
  }
  heap[i] = value;
}

function heapPop(heap: number[]): void {
  const last = heap.pop()!;
  if (heap.length === 0) return;
  let i = 0;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= heap.length) break;
    const child = left + 1 < heap.length && heap[left + 1]! < heap[left]! ? left + 1 : left;
    if (heap[child]! >= last) break;
    heap[i] = heap[child]!;
    i = child;
  }
  heap[i] = last;
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
