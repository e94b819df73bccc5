// One reader of dates: a day that is not on the calendar (30 February) is
// refused by the checks, the article reader, CSV date columns and --date alike.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findCandidates, isCalendarDate } from "../src/ledger/index.ts";
import { readImpliedDate, readStatedDate } from "../src/ledger/checks.ts";
import { readCsv } from "../src/tables/index.ts";

describe("dates", () => {
  it("a month and a day with no year: the latest such day on or before publication, read alike by figures and check", () => {
    expect(readImpliedDate("June 8", "2025-06-10")).toEqual({ date: "2025-06-08", precision: "day" });
    expect(readImpliedDate("Sept. 3", "2025-06-10")).toEqual({ date: "2024-09-03", precision: "day" });
    expect(readImpliedDate("8 June", "2025-06-10")).toEqual({ date: "2025-06-08", precision: "day" });
    expect(readImpliedDate("February 30", "2025-06-10")).toBeNull();
    expect(readImpliedDate("Smarch 3", "2025-06-10")).toBeNull();
    // 2025-06-10 is a Tuesday: "on Tuesday" in that day's paper is the same day, "last Tuesday" the week before.
    expect(readImpliedDate("on Tuesday", "2025-06-10")?.date).toBe("2025-06-10");
    expect(readImpliedDate("Tuesday", "2025-06-10")?.date).toBe("2025-06-10");
    expect(readImpliedDate("last Tuesday", "2025-06-10")?.date).toBe("2025-06-03");
    expect(readImpliedDate("Monday", "2025-06-10")?.date).toBe("2025-06-09");
    const days = findCandidates("Police said last Tuesday that 5 died; on Tuesday 3 more died.", { published: "2025-06-10" }).filter((c) => c.kind === "date");
    expect(days.map((c) => [c.phrase, c.date?.iso])).toEqual([["last Tuesday", "2025-06-03"], ["Tuesday", "2025-06-10"]]);
    // What figures proposes is what check reads back.
    for (const c of findCandidates("Rain fell on Jan. 25 and 3 March.", { published: "2025-06-10" }).filter((x) => x.kind === "date")) {
      expect(readImpliedDate(c.phrase, "2025-06-10")?.date).toBe(c.date?.iso);
    }
  });


  it("are days of the calendar", () => {
    expect(["2025-02-28", "2024-02-29", "2025-12-31"].map(isCalendarDate)).toEqual([true, true, true]);
    expect(["2025-02-29", "2025-02-30", "2025-04-31", "2025-13-01", "2025-00-10", "2025-1-1", "30 February"].map(isCalendarDate)).toEqual(Array(7).fill(false));
  });

  it("an article's 'February 30, 2025' is not read as 2 March", () => {
    expect(readStatedDate("February 30, 2025")).toBeNull();
    expect(readStatedDate("February 28, 2025")).toEqual({ date: "2025-02-28", precision: "day" });
    expect(findCandidates("The vote was held on February 30, 2025.", { published: "2025-03-05" }).filter((c) => c.kind === "date" && c.date?.iso === "2025-03-02")).toEqual([]);
  });

  it("a CSV date column refuses 30 February with the file, line and column", () => {
    const dir = mkdtempSync(join(tmpdir(), "storycharts-dates-"));
    try {
      const file = join(dir, "events.csv");
      writeFileSync(file, "date,label\n2025-02-28,ok\n2025-02-30,bad\n");
      expect(() => readCsv(file, { date: "date", label: "string" })).toThrow(/events\.csv: row 2 \(line 3\), column date: "2025-02-30" is not a day of the calendar\. Write dates as YYYY-MM-DD, a day that exists/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
