// Dates a chart's words state must be dates the ledger holds: an event's day
// (or the first and last day of an event over a night or several days), its
// month, or the day a figure is counted as of. "Saturday 31 May" is checked
// against the calendar and the ledger, so a mistyped day, a wrong weekday or
// a date no quote supports stops the build with the event to name instead.

import { isCalendarDate, MONTHS, WEEKDAYS, type Ledger } from "../ledger/index.ts";
import { formatDate } from "./format.ts";

const MONTH = MONTHS.join("|");
const WEEKDAY = WEEKDAYS.join("|");
// "Saturday 31 May", "1 June 2025", "Sunday, June 1, 2025", "June 1st", "February 2022".
const DATE = new RegExp(
  String.raw`\b(?:(${WEEKDAY}),? )?(?:(\d{1,2}) (${MONTH})|(${MONTH}) (\d{1,2})(?:st|nd|rd|th)?)(?:,? (\d{4}))?\b|\b(${MONTH}) (\d{4})\b`,
  "gu",
);

/** A date the words state, as written, where it stands, and what it reads as. */
export interface WordDate {
  written: string;
  start: number;
  end: number;
  weekday: number | null;
  month: number;
  /** Null for a month alone ("February 2022"). */
  day: number | null;
  /** Null when the words give no year: the ledger's dates decide it. */
  year: number | null;
}

/** Every date the text states. A date without a year takes the year of the next one that has it: "31 May to 1 June 2025". */
export function datesIn(text: string): WordDate[] {
  const found: WordDate[] = [];
  for (const m of text.matchAll(DATE)) {
    if (m[7]) {
      found.push({ written: m[0], start: m.index, end: m.index + m[0].length, weekday: null, month: MONTHS.indexOf(m[7]) + 1, day: null, year: +m[8]! });
      continue;
    }
    found.push({
      written: m[0], start: m.index, end: m.index + m[0].length,
      weekday: m[1] ? WEEKDAYS.indexOf(m[1]) : null,
      month: MONTHS.indexOf((m[3] ?? m[4])!) + 1,
      day: +(m[2] ?? m[5])!,
      year: m[6] ? +m[6] : null,
    });
  }
  for (let i = found.length - 2; i >= 0; i--) {
    const next = found[i + 1]!;
    // Only across a short joining word ("to", "and", "–"), not from a date a sentence away.
    if (found[i]!.year === null && next.year !== null && /^\s*(?:to|and|until|till|through|[-–—])\s*(?:(?:on|the night of) )?$/u.test(text.slice(found[i]!.end, next.start).replace(new RegExp(`^(?:,? ?(?:${WEEKDAY}))`), ""))) {
      found[i]!.year = next.year;
    }
  }
  return found;
}

/** A day the ledger dates something to, and what. */
interface LedgerDay {
  iso: string;
  precision: "day" | "month";
  what: string;
  /** The event's id, when it is an event's day. */
  event?: string;
}

/** Every date the ledger holds: events' days (and first days), and the days figures are counted as of. */
function ledgerDays(ledger: Ledger): LedgerDay[] {
  const days: LedgerDay[] = [];
  for (const e of ledger.events) {
    days.push({ iso: e.date, precision: e.precision, what: `event "${e.id}"`, event: e.id });
    if (e.from) days.push({ iso: e.from, precision: "day", what: `event "${e.id}" (its first day)`, event: e.id });
  }
  for (const f of ledger.figures) if (f.as_of && isCalendarDate(f.as_of)) days.push({ iso: f.as_of, precision: "day", what: `figure "${f.id}" (as of)` });
  return days;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The weekday of a calendar day, 0 for Sunday. */
export function weekdayOf(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

/** What is wrong with one date the words state, or null when the ledger holds it. */
function problemWith(date: WordDate, days: LedgerDay[]): string | null {
  const { written } = date;
  if (date.day === null) {
    const month = `${date.year}-${pad(date.month)}`;
    return days.some((d) => d.iso.startsWith(month)) ? null : `"${written}", a month in which no event or figure of the ledger is dated`;
  }
  const monthDay = `${pad(date.month)}-${pad(date.day)}`;
  if (date.year !== null && !isCalendarDate(`${date.year}-${monthDay}`)) return `"${written}", which is not a day of the calendar`;
  if (date.year === null && !isCalendarDate(`2024-${monthDay}`)) return `"${written}", which is not a day of the calendar`;
  const same = days.filter((d) => d.precision === "day" && d.iso.slice(5) === monthDay && (date.year === null || d.iso.startsWith(`${date.year}-`)));
  if (same.length === 0) {
    const month = days.find((d) => d.precision === "month" && d.iso.slice(5, 7) === pad(date.month) && (date.year === null || d.iso.startsWith(`${date.year}-`)));
    if (month) return `"${written}", a day the ledger knows only to the month (${month.what}: ${formatDate(month.iso, "month")})`;
    return `"${written}", a date no event or figure of the ledger holds`;
  }
  if (date.weekday !== null && !same.some((d) => weekdayOf(d.iso) === date.weekday)) {
    const iso = same[0]!.iso;
    return `"${written}", but ${formatDate(iso, "day")} was a ${WEEKDAYS[weekdayOf(iso)]}`;
  }
  return null;
}

/** Each date in the text that the ledger does not hold, and why; empty when every one traces. */
export function dateProblems(text: string, ledger: Ledger): { date: WordDate; problem: string }[] {
  const days = ledgerDays(ledger);
  return datesIn(text).flatMap((date) => {
    const problem = problemWith(date, days);
    return problem === null ? [] : [{ date, problem }];
  });
}

/** Why each date in the text that the ledger does not hold fails; empty when every one traces. */
export function untracedDates(text: string, ledger: Ledger): string[] {
  return dateProblems(text, ledger).map((p) => p.problem);
}

/** The events dated nearest a written date, for the hint: "1 June 2025 (event "russian-drone-attack")". */
export function nearestEvents(date: WordDate, ledger: Ledger): { id: string; text: string }[] {
  const days = ledgerDays(ledger).filter((d) => d.event !== undefined);
  // A date without a year is measured against each event in the event's own year.
  const away = (d: LedgerDay) => {
    const [y, m, day] = d.iso.split("-").map(Number) as [number, number, number];
    return Math.abs(Date.UTC(y, m - 1, day) - Date.UTC(date.year ?? y, date.month - 1, date.day ?? 1));
  };
  return days.sort((a, b) => away(a) - away(b)).slice(0, 3).map((d) => ({ id: d.event!, text: `${formatDate(d.iso, d.precision)} (${d.what})` }));
}
