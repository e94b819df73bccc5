// Dates in a chart's words are checked against the ledger: a date no event or
// figure holds, a day that is not on the calendar, or a wrong weekday stops
// the chart with the event to name instead; t`${{ event }}` prints an event's date.
import { describe, expect, it } from "vitest";
import { datesIn, untracedDates } from "../src/chart/dates-in-words.ts";
import { printWords, t, wordsOutline } from "../src/chart/words.ts";
import type { EventEntry, Figure, Ledger } from "../src/ledger/index.ts";

const event = (e: Partial<EventEntry> & Pick<EventEntry, "id" | "date">): EventEntry =>
  ({ label: e.id, precision: "day", basis: "external", source: "test", claimant: "Officials", ...e }) as EventEntry;
const events = [
  event({ id: "night-attack", date: "2025-06-01", from: "2025-05-31" }),
  event({ id: "talks", date: "2025-06-02" }),
  event({ id: "invasion", date: "2022-02-01", precision: "month" }),
];
const figures = [{ id: "toll", value: 40, as_of: "2025-05-20" } as Figure];
const ledger = { figures, events, places: [] } as unknown as Ledger;

describe("dates in words", () => {
  it("reads day-first, month-first, weekdays, months alone, and a range's year", () => {
    expect(datesIn("From Saturday 31 May to Sunday 1 June 2025").map((d) => [d.written, d.weekday, d.day, d.month, d.year])).toEqual([
      ["Saturday 31 May", 6, 31, 5, 2025],
      ["Sunday 1 June 2025", 0, 1, 6, 2025],
    ]);
    expect(datesIn("Talks on Monday, June 2, 2025 and in February 2022").map((d) => d.written)).toEqual(["Monday, June 2, 2025", "February 2022"]);
    // A year is not carried from a date a sentence away.
    expect(datesIn("Fighting on 31 May. Talks on 2 June 2025.")[0]!.year).toBeNull();
  });

  it("pass when an event, an event's first day or a figure's as-of date holds them", () => {
    expect(untracedDates("Overnight from Saturday 31 May to Sunday 1 June 2025", ledger)).toEqual([]);
    expect(untracedDates("Talks on 2 June 2025; the toll as of May 20; since February 2022", ledger)).toEqual([]);
  });

  it("fail a date no event holds, a wrong weekday, a day off the calendar, and a day known only to its month", () => {
    expect(untracedDates("Talks on 3 June 2025", ledger)).toEqual(['"3 June 2025", a date no event or figure of the ledger holds']);
    expect(untracedDates("Talks on Tuesday 2 June 2025", ledger)).toEqual(['"Tuesday 2 June 2025", but 2 June 2025 was a Monday']);
    expect(untracedDates("Talks on 31 June 2025", ledger)).toEqual(['"31 June 2025", which is not a day of the calendar']);
    expect(untracedDates("The invasion of 24 February 2022", ledger)).toEqual(['"24 February 2022", a day the ledger knows only to the month (event "invasion": February 2022)']);
    expect(untracedDates("Since March 2022", ledger)).toEqual(['"March 2022", a month in which no event or figure of the ledger is dated']);
  });

  it("print an event's date from the ledger, and say which events the words state", () => {
    const printed = printWords(t`Talks on ${{ event: "talks", as: "weekday" }}, after the night of ${{ event: "night-attack", as: "short" }}; war since ${{ event: "invasion" }}`, ledger, "the subtitle");
    expect(printed.text).toBe("Talks on Monday 2 June 2025, after the night of 1 June; war since February 2022");
    expect(printed.events).toEqual(["talks", "night-attack", "invasion"]);
    expect(wordsOutline(t`Talks on ${{ event: "talks" }}`)).toBe('Talks on ${{ event: "talks" }}');
    expect(() => printWords(t`on ${{ event: "tallks" }}`, ledger, "the headline")).toThrow(/the headline names the event "tallks", which the ledger does not hold/);
  });
});
