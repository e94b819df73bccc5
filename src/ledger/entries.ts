// The figure ledger: every number a story uses, one row each, with the words
// it comes from and who says it. A notebook declares entries; resolveLedger
// computes what is derived, so that a derived number always carries the
// arithmetic that made it and can never disagree with its inputs.

import { geoDistance } from "d3";
import { findMentions } from "./numbers.ts";

export const QUALIFIERS = ["exact", "approximate", "at-least", "at-most", "estimate", "unquantified"] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

interface Common {
  /** The figure's id, which tables, charts and words name it by: "aircraft-destroyed". */
  id: string;
  /** What is counted or measured: "aircraft", "drones", "km", "weeks". */
  unit: string;
  /** Who asserts the number, as the article attributes it. */
  claimant: string;
  /** What the number is about; competing claims share a subject and stay separate rows. */
  subject: string;
  /** What is said of the subject: "destroyed", "hit", "launched". */
  measure: string;
  /** The date the number describes (ISO), when the article gives or implies one. */
  asOf?: string | null;
  note?: string;
}

/** A number the article states, in the words of its quote. */
export interface StatedEntry extends Common {
  kind: "stated";
  /** The article the quote comes from: seeds/<seed>.txt. */
  seed: string;
  /** Verbatim from the seed, typographic marks and all. */
  quote: string;
  /** The number's own words inside the quote, when the quote holds more than one number. */
  phrase?: string;
  /** The number the phrase states; null only for a vague quantity ("several"). */
  value: number | null;
  /** How the words qualify the number: exact, approximate, at-least, at-most, estimate, or unquantified (no number). */
  qualifier: Qualifier;
}

/** A number the article implies by listing things: five regions named in one sentence. */
export interface CountedEntry extends Common {
  kind: "counted";
  /** The article the quote comes from: seeds/<seed>.txt. */
  seed: string;
  /** The sentence that lists the things, verbatim from the seed. */
  quote: string;
  /** The things listed, each verbatim in the quote, in order. */
  items: string[];
}

export type Operation =
  | { op: "divide"; of: string; by: string }
  /** A figure times another, or times a constant (a unit's conversion: 1000 for thousands). */
  | { op: "multiply"; of: string; by: string | number }
  /** What share of `by` the figure `of` is, as a percentage: of ÷ by × 100. */
  | { op: "percent"; of: string; by: string }
  /** How much `to` rose or fell from `from`, as a percentage of `from`. */
  | { op: "percent-change"; from: string; to: string }
  | { op: "sum"; of: string[] }
  | { op: "subtract"; from: string; less: string }
  | { op: "distance"; from: string; to: string }
  | { op: "days-between"; from: string; to: string };

/** A number computed from other entries of the ledger. */
export interface DerivedEntry extends Common {
  kind: "derived";
  /** The arithmetic: { op: "sum", of: [ids] }, "subtract", "divide", "multiply", "percent", "percent-change", "distance" (between places) or "days-between" (events). */
  from: Operation;
  /** Decimal places kept, so that output is the same on every machine. */
  round?: number;
}

export type FigureEntry = StatedEntry | CountedEntry | DerivedEntry;

/** A place the story names, with coordinates from outside the article. */
export interface Place {
  id: string;
  name: string;
  country: string;
  lat: number;
  lon: number;
  source: string;
}

/**
 * How a date is known: printed in the article; implied by it ("on Sunday" in
 * a Monday article); or taken from outside it, with a source.
 */
export type DateBasis =
  | { basis: "stated"; seed: string; quote: string; phrase: string }
  | { basis: "implied"; seed: string; quote: string; phrase: string }
  | { basis: "external"; source: string; seed?: string; quote?: string; phrase?: string };

export type EventEntry = DateBasis & {
  id: string;
  label: string;
  /** ISO date; with precision "month", the first of the month. */
  date: string;
  /** For an event over a night or several days ("overnight from Saturday to Sunday"): its first day, before `date`. */
  from?: string;
  precision: "day" | "month";
  claimant: string;
  note?: string;
};

/** A number the seed mentions that no figure uses, and why. */
export interface Skip {
  seed: string;
  quote: string;
  phrase: string;
  reason: string;
}

/**
 * A number the seed mentions that nobody has reviewed yet: what `new` lists
 * for a story just started. check reports how many are left; each goes into
 * figures, events or skipped once a person has read it.
 */
export interface Unreviewed {
  seed: string;
  quote: string;
  phrase: string;
}

/** Two figures that must be equal, such as a total and the sum of its parts. */
export interface Agreement {
  left: string;
  right: string;
  why: string;
}

/** One resolved figure: the tidy row written to data/<notebook>-figures.csv. */
export interface Figure {
  id: string;
  kind: FigureEntry["kind"];
  seed: string | null;
  quote: string | null;
  phrase: string | null;
  value: number | null;
  unit: string;
  qualifier: Qualifier;
  /** Bounds the words allow: "just over 300" has low 300 and no high. */
  low: number | null;
  high: number | null;
  claimant: string;
  subject: string;
  measure: string;
  as_of: string | null;
  derived_from: string | null;
  formula: string | null;
  note: string | null;
}

export interface LedgerInput {
  figures: FigureEntry[];
  events: EventEntry[];
  places: Place[];
}

export interface Ledger {
  figures: Figure[];
  events: EventEntry[];
  places: Place[];
  figure(id: string): Figure;
  value(id: string): number;
  place(id: string): Place;
  event(id: string): EventEntry;
}

/** Mean Earth radius (IUGG), the usual choice for great-circle distances. */
export const EARTH_RADIUS_KM = 6371.0088;

// The least certain input decides how certain a derived number is.
const UNCERTAINTY: Qualifier[] = ["exact", "at-least", "at-most", "approximate", "estimate"];

export class LedgerError extends Error {
  constructor(readonly id: string, message: string) {
    super(message);
    this.name = "LedgerError";
  }
}

export function resolveLedger(input: LedgerInput): Ledger {
  const figures = new Map<string, Figure>();
  const entries = new Map(input.figures.map((e) => [e.id, e]));
  const places = new Map(input.places.map((p) => [p.id, p]));
  const events = new Map(input.events.map((e) => [e.id, e]));

  const resolve = (id: string, trail: string[]): Figure => {
    const done = figures.get(id);
    if (done) return done;
    const entry = entries.get(id);
    if (!entry) throw new LedgerError(trail.at(-1) ?? id, `uses "${id}", which is not a figure in the ledger`);
    if (trail.includes(id)) throw new LedgerError(id, `is derived from itself (${[...trail, id].join(" → ")})`);
    const figure = toFigure(entry, (ref) => resolve(ref, [...trail, id]), places, events);
    figures.set(id, figure);
    return figure;
  };
  for (const entry of input.figures) resolve(entry.id, []);

  const ordered = input.figures.map((e) => figures.get(e.id)!);
  return {
    figures: ordered,
    events: input.events,
    places: input.places,
    figure: (id) => figures.get(id) ?? missing("figure", id),
    value: (id) => {
      const v = (figures.get(id) ?? missing("figure", id)).value;
      if (v === null) throw new LedgerError(id, "has no number (it is a vague claim) and cannot be used as one");
      return v;
    },
    place: (id) => places.get(id) ?? missing("place", id),
    event: (id) => events.get(id) ?? missing("event", id),
  };
}

function missing(kind: string, id: string): never {
  throw new LedgerError(id, `is not ${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind} in the ledger`);
}

function toFigure(
  entry: FigureEntry,
  get: (id: string) => Figure,
  places: Map<string, Place>,
  events: Map<string, EventEntry>,
): Figure {
  const base = {
    id: entry.id, unit: entry.unit, claimant: entry.claimant, subject: entry.subject,
    measure: entry.measure, as_of: entry.asOf ?? null, note: entry.note ?? null,
  };
  switch (entry.kind) {
    case "stated":
      return {
        ...base, kind: "stated", seed: entry.seed, quote: entry.quote, phrase: phraseOf(entry),
        value: entry.value, qualifier: entry.qualifier, ...bounds(entry.value, entry.qualifier),
        derived_from: null, formula: null,
      };
    case "counted":
      return {
        ...base, kind: "counted", seed: entry.seed, quote: entry.quote, phrase: null,
        value: entry.items.length, qualifier: "exact", low: entry.items.length, high: entry.items.length,
        derived_from: null, formula: `count of ${entry.items.join(", ")}`,
      };
    case "derived": {
      if (entry.round !== undefined && !(Number.isInteger(entry.round) && entry.round >= 0 && entry.round <= 12)) {
        throw new LedgerError(entry.id, `is rounded to ${String(entry.round)} decimal places: give round a whole number from 0 to 12`);
      }
      const { value, qualifier, from, formula } = compute(entry, get, places, events);
      if (!Number.isFinite(value)) throw new LedgerError(entry.id, `works out to ${String(value)} (${formula}), not a number a chart can print`);
      const rounded = entry.round === undefined ? value : roundTo(value, entry.round);
      return {
        ...base, kind: "derived", seed: null, quote: null, phrase: null,
        value: rounded, qualifier, ...bounds(rounded, qualifier),
        // The rounding is part of the arithmetic: said whenever it changes the number.
        derived_from: from.join(" "),
        formula: Math.abs(rounded - value) > 1e-12 ? `${formula} = ${formatPlain(value)}, rounded to ${entry.round} decimal place${entry.round === 1 ? "" : "s"}: ${formatPlain(rounded)}` : `${formula} = ${formatPlain(rounded)}`,
      };
    }
  }
}

interface Computed {
  value: number;
  qualifier: Qualifier;
  from: string[];
  formula: string;
}

function compute(
  entry: DerivedEntry,
  get: (id: string) => Figure,
  places: Map<string, Place>,
  events: Map<string, EventEntry>,
): Computed {
  const wrong = operationProblem(entry.from);
  if (wrong) throw new LedgerError(entry.id, wrong);
  const op = entry.from;
  const number = (id: string): Figure => {
    const f = get(id);
    if (f.value === null) throw new LedgerError(entry.id, `is derived from "${id}", which has no number`);
    return f;
  };
  switch (op.op) {
    case "divide": {
      const a = number(op.of);
      const b = number(op.by);
      if (b.value === 0) throw new LedgerError(entry.id, `divides by "${op.by}", which is zero`);
      return {
        value: a.value! / b.value!, qualifier: leastCertain([a, b]), from: [a.id, b.id],
        formula: `${a.id} ÷ ${b.id} = ${formatPlain(a.value!)} ÷ ${formatPlain(b.value!)}`,
      };
    }
    case "multiply": {
      const a = number(op.of);
      if (typeof op.by === "number") {
        if (!Number.isFinite(op.by)) throw new LedgerError(entry.id, `multiplies by ${op.by}, which is not a number`);
        return { value: a.value! * op.by, qualifier: a.qualifier, from: [a.id], formula: `${a.id} × ${formatPlain(op.by)} = ${formatPlain(a.value!)} × ${formatPlain(op.by)}` };
      }
      const b = number(op.by);
      return {
        value: a.value! * b.value!, qualifier: leastCertain([a, b]), from: [a.id, b.id],
        formula: `${a.id} × ${b.id} = ${formatPlain(a.value!)} × ${formatPlain(b.value!)}`,
      };
    }
    case "percent": {
      const a = number(op.of);
      const b = number(op.by);
      if (b.value === 0) throw new LedgerError(entry.id, `is a percentage of "${op.by}", which is zero`);
      return {
        value: (a.value! / b.value!) * 100, qualifier: leastCertain([a, b]), from: [a.id, b.id],
        formula: `${a.id} ÷ ${b.id} × 100 = ${formatPlain(a.value!)} ÷ ${formatPlain(b.value!)} × 100`,
      };
    }
    case "percent-change": {
      const a = number(op.from);
      const b = number(op.to);
      if (a.value === 0) throw new LedgerError(entry.id, `is a change from "${op.from}", which is zero`);
      return {
        value: ((b.value! - a.value!) / a.value!) * 100, qualifier: leastCertain([a, b]), from: [a.id, b.id],
        formula: `(${b.id} − ${a.id}) ÷ ${a.id} × 100 = (${formatPlain(b.value!)} − ${formatPlain(a.value!)}) ÷ ${formatPlain(a.value!)} × 100`,
      };
    }
    case "sum": {
      const parts = op.of.map(number);
      return {
        value: parts.reduce((s, f) => s + f.value!, 0), qualifier: leastCertain(parts), from: op.of,
        formula: `${op.of.join(" + ")} = ${parts.map((f) => formatPlain(f.value!)).join(" + ")}`,
      };
    }
    case "subtract": {
      const a = number(op.from);
      const b = number(op.less);
      return {
        value: a.value! - b.value!, qualifier: leastCertain([a, b]), from: [a.id, b.id],
        formula: `${a.id} − ${b.id} = ${formatPlain(a.value!)} − ${formatPlain(b.value!)}`,
      };
    }
    case "distance": {
      const a = places.get(op.from);
      const b = places.get(op.to);
      if (!a || !b) throw new LedgerError(entry.id, `measures from "${op.from}" to "${op.to}", but ${!a ? op.from : op.to} is not a place in the ledger`);
      const km = geoDistance([a.lon, a.lat], [b.lon, b.lat]) * EARTH_RADIUS_KM;
      return {
        value: km, qualifier: "exact", from: [a.id, b.id],
        formula: `great-circle distance ${a.name} (${a.lat}, ${a.lon}) to ${b.name} (${b.lat}, ${b.lon}), Earth radius ${EARTH_RADIUS_KM} km`,
      };
    }
    case "days-between": {
      const a = events.get(op.from);
      const b = events.get(op.to);
      if (!a || !b) throw new LedgerError(entry.id, `counts days from "${op.from}" to "${op.to}", but ${!a ? op.from : op.to} is not an event in the ledger`);
      if (a.precision !== "day" || b.precision !== "day") {
        throw new LedgerError(entry.id, "counts days between events that are not dated to the day");
      }
      const days = (Date.parse(b.date) - Date.parse(a.date)) / 86_400_000;
      return { value: days, qualifier: "exact", from: [a.id, b.id], formula: `${b.date} − ${a.date} in days` };
    }
  }
}

/** What each operation needs, by its keys: an id, a list of ids, or an id or a number. */
const OPERANDS: Record<Operation["op"], Record<string, "id" | "ids" | "id-or-number">> = {
  divide: { of: "id", by: "id" }, multiply: { of: "id", by: "id-or-number" }, percent: { of: "id", by: "id" },
  "percent-change": { from: "id", to: "id" }, sum: { of: "ids" }, subtract: { from: "id", less: "id" },
  distance: { from: "id", to: "id" }, "days-between": { from: "id", to: "id" },
};

/**
 * Why a derived entry's `from` cannot be computed, in words a notebook's
 * author can act on; null when it can. A notebook is untrusted input: its
 * arithmetic is checked before it is read, not left to throw a TypeError.
 */
function operationProblem(from: unknown): string | null {
  const example = 'from: { op: "sum", of: ["figure-id", "figure-id"] }';
  const op = typeof from === "object" && from !== null ? (from as Record<string, unknown>).op : undefined;
  if (typeof op !== "string" || !Object.hasOwn(OPERANDS, op)) {
    return `is derived, but its from is ${from === undefined ? "missing" : `not an operation (op ${JSON.stringify(op) ?? "missing"})`}: give ${example}, with op one of ${Object.keys(OPERANDS).join(", ")}`;
  }
  for (const [key, wants] of Object.entries(OPERANDS[op as Operation["op"]])) {
    const v = (from as Record<string, unknown>)[key];
    const ok = wants === "ids" ? Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "string")
      : typeof v === "string" || (wants === "id-or-number" && typeof v === "number" && Number.isFinite(v));
    if (!ok) return `is derived by ${op}, which needs ${key}: ${wants === "ids" ? "a list of figure ids" : wants === "id-or-number" ? "a figure id or a number" : "an id"}`;
  }
  return null;
}

function leastCertain(figures: Figure[]): Qualifier {
  let worst = 0;
  for (const f of figures) worst = Math.max(worst, UNCERTAINTY.indexOf(f.qualifier));
  return UNCERTAINTY[worst]!;
}

function bounds(value: number | null, qualifier: Qualifier): { low: number | null; high: number | null } {
  if (value === null) return { low: null, high: null };
  switch (qualifier) {
    case "exact": return { low: value, high: value };
    case "at-least": return { low: value, high: null };
    case "at-most": return { low: null, high: value };
    default: return { low: null, high: null };
  }
}

/** The number's words in a stated figure's quote: given, or the quote's only number. */
export function phraseOf(entry: { quote: string; phrase?: string }): string | null {
  if (entry.phrase !== undefined) return entry.phrase;
  const numbers = findMentions(entry.quote).filter((m) => m.value !== null);
  return numbers.length === 1 ? numbers[0]!.text : null;
}

export function roundTo(value: number, places: number): number {
  const f = 10 ** places;
  return Math.round(value * f) / f;
}

/** A number as plain text for formulas: no separators, fractions kept short. */
export function formatPlain(value: number): string {
  if (Number.isInteger(value)) return String(value);
  // A short decimal stays a decimal (305.5); only a repeating one becomes a fraction (1/3).
  if (Math.abs(roundTo(value, 3) - value) < 1e-12) return String(roundTo(value, 3));
  for (const d of [2, 3, 4, 5, 6, 8, 10]) {
    const n = Math.round(value * d);
    if (Math.abs(n / d - value) < 1e-12) return `${n}/${d}`;
  }
  return String(roundTo(value, 6));
}
