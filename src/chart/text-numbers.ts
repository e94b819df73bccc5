// The words around a chart (headline, subtitle, notes, legend) may state
// numbers too, and those must trace to the ledger like any other: a number
// typed into a headline that no figure holds stops the build, and one that a
// figure holds must be named instead (t`… ${"id"} …`), so that the ledger
// prints it and a swapped or mistyped number cannot reach the page.

import { findMentions, type Ledger } from "../ledger/index.ts";
import { datesIn } from "./dates-in-words.ts";

/** Each number a reader sees in the text, as written, with the ids of the ledger figures that hold it (none: untraced). */
function numbersIn(text: string, ledger: Ledger, scales: number[]): { written: string; ids: string[] }[] {
  // Dates are checked against the ledger's events apart (dates-in-words); a year alone is no figure.
  const dates = [...datesIn(text).map((d) => [d.start, d.end] as const), ...[...text.matchAll(/\b\d{4}\b/g)].map((m) => [m.index, m.index + 4] as const)];
  const out: { written: string; ids: string[] }[] = [];
  for (const m of findMentions(text)) {
    if (m.value === null) continue;
    if (dates.some(([s, e]) => s <= m.start && m.end <= e)) continue;
    // A number the chart uses as its own drawing scale ("each square is 1,000") is the chart's, not a claim.
    if (scales.includes(m.value)) continue;
    // A figure printed rounded ("306 km" for 305.5) still traces.
    const ids = ledger.figures.filter((f) => f.value !== null && (Math.abs(f.value - m.value!) < 1e-9 || Math.round(f.value) === m.value)).map((f) => f.id);
    out.push({ written: m.text, ids });
  }
  return out;
}

/** Each number in the text that no ledger figure holds, as written. */
export function untracedNumbers(text: string, ledger: Ledger, scales: number[] = []): string[] {
  return numbersIn(text, ledger, scales).filter((n) => n.ids.length === 0).map((n) => n.written);
}

/** Each number typed into the text that ledger figures hold, with those figures' ids: it should name one of them instead. */
export function typedFigures(text: string, ledger: Ledger, scales: number[] = []): { written: string; ids: string[] }[] {
  // "in one night", "by one side": the word "one" is more often an article than a count; the numeral 1 is checked.
  return numbersIn(text, ledger, scales).filter((n) => n.ids.length > 0 && !/^one$/i.test(n.written));
}
