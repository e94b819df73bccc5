// What every chart kind reads from a table's row the same way: a column or a
// function of the row, a number with its qualifier, the words a claim gave
// when it gave no number, and the marks' meaning in one note.

import { distance } from "fastest-levenshtein";
import { capitalize, formatQualified } from "../format.ts";
import { hiddenCharacters } from "../hidden-characters.ts";
import { ChartError } from "../render.ts";
import { COMPUTED_COLOR } from "../theme.ts";
import { QUALIFIERS, type Qualifier } from "../../ledger/index.ts";
import { PALETTE } from "../palette.ts";
import type { Row } from "../../tables/index.ts";
import type { ChartContext } from "../spec.ts";
import type { Words } from "../words.ts";

/** What every kind is given besides its own options. */
export interface KindBase {
  /** The notebook table the chart draws. */
  table: string;
  /** The headline: plain words, or t`…` words whose numbers are figures of the ledger. */
  headline: Words;
  /** The line under the headline, words as the headline's. */
  subtitle?: Words;
  /** Notes under the chart; the kind adds one line after them (its scale, what ≈, + and est. mean). */
  notes?: Words[];
  /** What a reader calls the chart ("Bar chart", "Map"): starts the alt text. Each kind has its own default. */
  kind?: string;
  /** A sentence added to the alt text. */
  alt?: string;
}

/**
 * Every option a kind takes, named once. A record over the options' keys:
 * the compiler says when one is missing or extra, so the list cannot drift.
 */
export type OptionNames<O> = Record<keyof O, true>;

export const BASE_OPTIONS: OptionNames<KindBase> = { table: true, headline: true, subtitle: true, notes: true, kind: true, alt: true };

/**
 * A kind's options as a notebook wrote them: an option the kind does not
 * take (a typo, another kind's option) is refused by name rather than
 * silently ignored, and the two it cannot draw without are asked for.
 */
export function checkOptions<O extends object>(kind: string, o: O, names: OptionNames<O>): void {
  const known = Object.keys(names);
  const usage = `Write ${kind}({ table: "…", headline: "…", … }) with its options: ${known.join(", ")} (docs/kinds/${kind}.md)`;
  if (typeof o !== "object" || o === null || Array.isArray(o)) throw new ChartError(`${kind}: its options must be an object`, usage);
  for (const key of Object.keys(o)) {
    if (Object.hasOwn(names, key)) continue;
    // "country_code" for "country": a name that begins another is the likeliest meant, then the nearest spelling.
    const lower = key.toLowerCase();
    const near = known.find((k) => lower.startsWith(k.toLowerCase()) || k.toLowerCase().startsWith(lower)) 
      // Of equally near spellings, one with the same first letter ("vaule": value, not table).
      ?? [...known].sort((a, b) => distance(lower, a.toLowerCase()) - distance(lower, b.toLowerCase()) || Number(a[0] !== key[0]) - Number(b[0] !== key[0]))[0]!;
    const hint = near.length >= 3 && (lower.startsWith(near.toLowerCase()) || distance(key, near) <= Math.max(2, Math.floor(key.length / 3))) ? `; did you mean "${near}"?` : "";
    throw new ChartError(`${kind}: there is no option "${key.slice(0, 60)}"${hint}`, usage);
  }
  const given = o as Partial<KindBase> & { unit?: unknown };
  if (given.table === undefined || given.table === "") throw new ChartError(`${kind}: table is missing: the name of the notebook table it draws`, usage);
  if (typeof given.table !== "string") throw new ChartError(`${kind}: table is ${JSON.stringify(given.table)}, not the name of a notebook table`, usage);
  if (given.headline === undefined || given.headline === null || (typeof given.headline === "string" && given.headline.trim() === "")) throw new ChartError(`${kind}: headline is missing`, usage);
  // Options of the wrong type would be read as something else: notes "hello" as five notes, a unit 5 as "5".
  if (given.notes !== undefined && !Array.isArray(given.notes)) throw new ChartError(`${kind}: notes must be a list of lines, ["…"]`, usage);
  if (given.unit !== undefined && typeof given.unit !== "string") throw new ChartError(`${kind}: unit must be words, such as "deaths"`, usage);
}

/** A column's name, or what to read from the row. */
export type Column<T> = string | ((row: Row, context: ChartContext) => T);

const KNOWN = new Set<string>(QUALIFIERS);

export function read<T>(column: Column<T>, row: Row, context: ChartContext, as: (v: unknown) => T): T {
  // What a function gives is read as a column's cell would be: a NaN from it is refused the same way.
  return as(typeof column === "function" ? column(row, context) : row[column]);
}

/**
 * A cell as the words a chart prints. A bidi control or an invisible
 * character in it ("‮34‬" reads "43") is refused, as in the headline.
 */
export function text(v: unknown): string {
  const s = v === null || v === undefined ? "" : String(v);
  const hidden = hiddenCharacters(s);
  if (hidden.length > 0) {
    const h = hidden[0]!;
    throw new ChartError(
      `the words ${JSON.stringify(s.slice(0, 40))} hold ${h.code} (${h.name}) at character ${h.position}: it changes what a reader sees without showing itself`,
      "Retype the words without it, or paste them as plain text",
    );
  }
  return s;
}

/** A cell as a number, or null when empty; a cell that is not a finite number ("1,200", "n/a") is refused, never drawn as NaN. */
export function number(v: unknown): number | null {
  if (v === null || v === undefined || v === "") return null;
  const n = typeof v === "number" ? v : typeof v === "string" && /^\s*-?\d+(\.\d+)?(e[+-]?\d+)?\s*$/i.test(v) ? Number(v) : NaN;
  if (!Number.isFinite(n)) {
    throw new ChartError(`a row's number is ${JSON.stringify(String(v).slice(0, 40))}, not a finite number`, "Give the column plain numbers (1200, not \"1,200\"), or leave the cell empty for a claim with no number");
  }
  return n;
}

/** A column a kind reads when the table has it: asking a drawn row for a missing column is an error. */
export const optional = (row: Row, column: string): unknown => (column in row ? row[column] : undefined);

/** The row's qualifier (its `qualifier` column), exact when it has none. */
export function qualifierOf(row: Row): Qualifier {
  const q = optional(row, "qualifier");
  if (q === undefined || q === null || q === "") return "exact";
  if (typeof q === "string" && KNOWN.has(q)) return q as Qualifier;
  // A misspelt qualifier read as exact would drop the "+" or "≈" the words gave.
  throw new ChartError(`a row's qualifier is ${JSON.stringify(String(q).slice(0, 40))}, not one of ${QUALIFIERS.join(", ")}`, "Write the qualifier as the ledger does, or leave the cell empty for an exact number");
}

/** The words a claim gave instead of a number ("several"): a `stated_as` or `phrase` column. */
export function statedAs(row: Row): string | null {
  const s = optional(row, "stated_as") ?? optional(row, "phrase");
  return typeof s === "string" && s !== "" ? s : null;
}

/** "≈500 drones", "300+ km"; for a claim without a number, "“several”, no number given". */
export function valueWords(value: number | null, row: Row, unit?: string, digits?: number): string {
  if (value === null) {
    const said = statedAs(row);
    return said ? `“${said}”, no number given` : "no number given";
  }
  const printed = formatQualified(value, qualifierOf(row), null, digits);
  return unit ? `${printed} ${unit}` : printed;
}

/** A bound ("just over", "up to") is drawn in outline: the words fix one end only. */
export const isBound = (row: Row) => ["at-least", "at-most"].includes(qualifierOf(row));

/** What the marks beside the numbers mean, for the qualifiers the rows use. */
export function qualifierNote(rows: Row[], outlined = false): string | null {
  const used = new Set(rows.map(qualifierOf));
  const parts: string[] = [];
  if (used.has("approximate")) parts.push("≈ marks an approximate number");
  if (used.has("estimate")) parts.push("“est.” marks an estimate");
  const outline = outlined ? ", drawn in outline" : "";
  if (used.has("at-least")) parts.push(`+ marks a minimum (“just over”, “at least”)${outline}`);
  if (used.has("at-most")) parts.push(`≤ marks a maximum (“up to”)${outline}`);
  if (parts.length === 0) return null;
  return `${capitalize(parts.join("; "))}.`;
}

/** A kind's notes: the notebook's, then one line of what the kind adds (its scale, what the qualifiers' marks mean). */
export function notesWith(rows: Row[], own: Words[] | undefined, more: (string | null)[] = [], outlined = false): Words[] {
  const added = [...more, qualifierNote(rows, outlined)].filter((m): m is string => m !== null);
  return [...(own ?? []), ...(added.length > 0 ? [added.join(" ")] : [])];
}

/** The colour of the row's claimant; the house's colour for what no claimant states. */
export function claimantColor(row: Row | undefined, context: ChartContext): string {
  const claimant = row ? optional(row, "claimant") : undefined;
  return typeof claimant === "string" ? context.color(claimant) : COMPUTED_COLOR;
}

/**
 * Each series' colour: a series named for a claimant, or whose rows are all
 * one claimant's (and no other series' are), takes the claimant's colour,
 * the same on every chart; any other the house palette's, in order, never a
 * colour a claimant of the story owns, so that a colour means one thing.
 */
export function seriesColors(rows: Row[], nameOf: (row: Row) => string, context: ChartContext): Map<string, string> {
  const claimants = new Set(context.ledger.figures.map((f) => f.claimant));
  const claimantsOf = new Map<string, Set<unknown>>();
  for (const row of rows) {
    const n = nameOf(row);
    claimantsOf.set(n, (claimantsOf.get(n) ?? new Set()).add(optional(row, "claimant")));
  }
  const soleClaimant = (n: string): string | null => {
    const own = [...claimantsOf.get(n)!];
    if (own.length !== 1 || typeof own[0] !== "string" || !claimants.has(own[0])) return null;
    // Not when another series has the claimant's rows too, or is named for the claimant itself.
    const shared = [...claimantsOf].some(([other, set]) => other !== n && (set.has(own[0]) || other === own[0]));
    return shared ? null : own[0];
  };
  const owned = new Set([...claimants].map((c) => context.color(c).toLowerCase()));
  const free = PALETTE.filter((c) => !owned.has(c.toLowerCase()));
  const palette = free.length > 0 ? free : PALETTE;
  let next = 0;
  return new Map([...claimantsOf.keys()].map((n) => {
    const claimant = claimants.has(n) ? n : soleClaimant(n);
    return [n, claimant !== null ? context.color(claimant) : palette[next++ % palette.length]!];
  }));
}
