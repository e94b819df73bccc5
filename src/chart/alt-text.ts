// Alt text written from the chart's data: every number with its qualifier
// in words and its claimant, every event with how its date is known. A
// notebook may add a sentence; it never has to type the numbers.

import { capitalize, formatDate, formatNumber, qualifierWords } from "./format.ts";
import type { EventEntry, Figure } from "../ledger/index.ts";
import type { Provenance } from "./sources.ts";

export function altText(kind: string, headline: string, p: Provenance, rowSentences: string[], extra?: string): string {
  const sentences = [`${kind}: ${stripEnd(headline)}.`];
  const byClaimant = new Map<string, Figure[]>();
  for (const f of p.figures) {
    const who = f.kind === "derived" && !p.figures.some((g) => g.kind !== "derived" && g.claimant === f.claimant)
      ? `Computed by storycharts from ${f.claimant}` : f.claimant;
    byClaimant.set(who, [...(byClaimant.get(who) ?? []), f]);
  }
  // A number the rows' own sentences say (a label and its number) is said once, there, when one claimant
  // gives them all and is named; with several, each number stays beside its claimant, which the rows may not say.
  const said = rowSentences.join(" ");
  const oneClaimant = new Set(p.figures.filter((f) => f.kind !== "derived").map((f) => f.claimant)).size === 1;
  const inRows = (f: Figure) => oneClaimant && f.kind !== "derived" &&
    (f.value !== null ? saysNumber(said, formatNumber(f.value)) : f.phrase !== undefined && said.includes(`“${f.phrase}”`));
  for (const [claimant, figures] of byClaimant) {
    const rest = figures.filter((f) => !inRows(f));
    sentences.push(rest.length > 0 ? `${claimant}: ${rest.map(describeFigure).join("; ")}.` : `Figures from ${claimant}.`);
  }
  // Likewise an event the rows' sentences tell (a timeline's), with its date.
  const untold = p.events.filter((e) => !said.includes(`${e.label} (${howDated(e)})`));
  if (untold.length > 0) sentences.push(`${untold.map(describeEvent).join("; ")}.`);
  sentences.push(...rowSentences.map((s) => `${stripEnd(s)}.`));
  const marks = new Set(p.figures.map((f) => f.qualifier));
  const legend: string[] = [];
  if (marks.has("approximate")) legend.push("≈ marks an approximate number");
  if (marks.has("at-least")) legend.push("+ marks a number the article gives as a minimum (“just over”)");
  if (marks.has("estimate")) legend.push("“est.” marks an estimate");
  if (legend.length > 0) sentences.push(`${capitalize(legend.join("; "))}.`);
  if (extra) sentences.push(extra);
  return sentences.join(" ");
}

export function describeFigure(f: Figure): string {
  if (f.value === null) return `${f.measure}: “${f.phrase ?? "unspecified"}” ${f.unit}, no number given`;
  const words = qualifierWords(f.qualifier);
  const value = f.unit.startsWith("share") && f.phrase ? f.phrase : formatNumber(f.value);
  const unit = f.unit.startsWith("share") ? `of ${f.unit.replace(/^share of /, "")}` : f.unit;
  // "a ÷ b = 41 ÷ 1/3 = 123": the middle part says it in numbers.
  const parts = f.formula?.split(" = ") ?? [];
  const how = f.kind !== "derived" ? "" : parts.length === 3 ? ` (computed: ${parts[1]})` : "";
  return `${f.measure}: ${words ? `${words} ` : ""}${value} ${unit}${how}`;
}

/** Whether the text has the number as a number of its own: "8" in "Tu-95MS: 8", not in "18" or "8.5". */
function saysNumber(text: string, number: string): boolean {
  for (let at = text.indexOf(number); at !== -1; at = text.indexOf(number, at + 1)) {
    const before = text[at - 1] ?? " ";
    const after = text.slice(at + number.length, at + number.length + 2);
    if (!/[\d.,]/.test(before) && !/^(\d|[.,]\d)/.test(after)) return true;
  }
  return false;
}

/** How an event's date is known: "dated by TASS", "date implied by the article". */
export function howDated(e: EventEntry): string {
  return e.basis === "external" ? `dated by ${e.source}` : e.basis === "implied" ? "date implied by the article" : "date stated by the article";
}

function describeEvent(e: EventEntry): string {
  return `${formatDate(e.date, e.precision)}: ${e.label} (${howDated(e)})`;
}

/** The text without its closing full stops and spaces, trimmed from the end by hand: /[.\s]+$/ is quadratic on a long run of spaces inside. */
function stripEnd(s: string): string {
  let end = s.length;
  while (end > 0 && (s[end - 1] === "." || /\s/.test(s[end - 1]!))) end--;
  return s.slice(0, end);
}
