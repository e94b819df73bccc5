// Numbers as a chart prints them, carrying what the words said about them:
// "≈500" for approximately 500, "300+" for just over 300, "est. 50,000" for an
// estimate. A qualifier is never dropped on the way to the page.

import type { Figure, Qualifier } from "../ledger/index.ts";

const grouped = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
// A number below one keeps two significant digits: 0.04 is not "0", nor 0.05 "0.1".
const small = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 2 });
const withDigits = new Map<number, Intl.NumberFormat>();

/** "1,200", "305.5", "0.04", "2 million". One argument only, so that it serves as Plot's tickFormat. */
export function formatNumber(value: number): string {
  const v = Object.is(value, -0) ? 0 : value;
  // Millions and billions as a desk writes them ("nearly 2 million", not "≈2,000,000"), when that says the number exactly.
  for (const [scale, word] of [[1e9, "billion"], [1e6, "million"]] as const) {
    if (Math.abs(v) >= scale && Number.isInteger((v / scale) * 10) && Math.abs(v) < 1e15) return `${grouped.format(v / scale)} ${word}`;
  }
  return v !== 0 && Math.abs(v) < 1 ? small.format(v) : grouped.format(v);
}

/** With `digits`, that many decimals at most ("0.25" for 2); without, as formatNumber. */
export function formatDigits(value: number, digits?: number): string {
  if (digits === undefined) return formatNumber(value);
  if (!withDigits.has(digits)) withDigits.set(digits, new Intl.NumberFormat("en-US", { maximumFractionDigits: digits }));
  return withDigits.get(digits)!.format(Object.is(value, -0) ? 0 : value);
}

export function formatQualified(value: number | null, qualifier: Qualifier, stated?: string | null, digits?: number): string {
  if (value === null) return stated ? `“${stated}”` : "no number given";
  const n = formatDigits(value, digits);
  switch (qualifier) {
    case "exact": return n;
    case "approximate": return `≈${n}`;
    case "at-least": return `${n}+`;
    case "at-most": return `≤${n}`;
    case "estimate": return `est. ${n}`;
    case "unquantified": return stated ? `“${stated}”` : "no number given";
  }
}

/** "≈500 drones", "300+ km". */
export function formatFigure(figure: Figure): string {
  const value = figure.unit.startsWith("share") && figure.value !== null && figure.phrase
    ? `${figure.qualifier === "approximate" ? "≈" : ""}${figure.phrase}`
    : formatQualified(figure.value, figure.qualifier, figure.phrase);
  return figure.value === null || figure.unit.startsWith("share") ? value : `${value} ${figure.unit}`;
}

/** The words with their first letter in capitals, for a sentence's start. */
export const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The qualifier in words, for alt text and notes. */
export function qualifierWords(qualifier: Qualifier): string {
  switch (qualifier) {
    case "exact": return "";
    case "approximate": return "approximately";
    case "at-least": return "at least";
    case "at-most": return "at most";
    case "estimate": return "an estimated";
    case "unquantified": return "an unquantified";
  }
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "1 June 2025", or "February 2022" for a month; "1 Jun 2025" short. */
export function formatDate(iso: string, precision: "day" | "month", short = false): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const month = (short ? SHORT : MONTHS)[m - 1]!;
  return precision === "month" ? `${month} ${y}` : `${d} ${month} ${y}`;
}
