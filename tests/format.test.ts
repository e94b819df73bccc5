import { describe, expect, it } from "vitest";
import { formatDate, formatQualified } from "../src/chart/format.ts";
import { untracedNumbers } from "../src/chart/text-numbers.ts";
import { claimantColor, PALETTE } from "../src/chart/theme.ts";
import { storyRun } from "./helpers/project.ts";

describe("formatQualified", () => {
  it("formatQualified(value, qualifier) keeps the qualifier on the page", () => {
    expect(formatQualified(500, "approximate")).toBe("≈500");
    expect(formatQualified(300, "at-least")).toBe("300+");
    expect(formatQualified(300, "at-most")).toBe("≤300");
    expect(formatQualified(50000, "estimate")).toBe("est. 50,000");
    expect(formatQualified(41, "exact")).toBe("41");
    expect(formatQualified(null, "unquantified", "several")).toBe("“several”");
  });

  it("formatQualified(value) groups thousands and keeps one decimal at most", () => {
    expect(formatQualified(4896.2, "exact")).toBe("4,896.2");
    expect(formatQualified(1234567, "exact")).toBe("1,234,567");
  });
});

describe("formatDate", () => {
  it("formatDate(iso, precision) writes a day or a month", () => {
    expect(formatDate("2025-06-01", "day")).toBe("1 June 2025");
    expect(formatDate("2022-02-01", "month")).toBe("February 2022");
    expect(formatDate("2025-05-16", "day", true)).toBe("16 May 2025");
  });
});

describe("untracedNumbers", () => {
  const ledger = storyRun.ledger!;
  it("untracedNumbers(text, ledger) accepts numbers the ledger holds, rounded or in words", () => {
    expect(untracedNumbers("41 aircraft destroyed, 13 hit, roughly one-third of the fleet", ledger)).toEqual([]);
    expect(untracedNumbers("Sumy, 306 km from Kyiv; six towns in 10 days", ledger)).toEqual([]);
  });
  it("untracedNumbers(text, ledger) ignores dates", () => {
    expect(untracedNumbers("Overnight from Saturday 31 May to Sunday 1 June 2025; since February 2022", ledger)).toEqual([]);
  });
  it("untracedNumbers(text, ledger) returns a number no figure holds", () => {
    expect(untracedNumbers("Russia lost 44 aircraft, or a quarter of 176", ledger)).toEqual(["44", "a quarter", "176"]);
  });
  it("untracedNumbers(text, ledger, scales) accepts a declared drawing scale", () => {
    expect(untracedNumbers("each square is 1,000 soldiers", ledger)).toEqual(["1,000"]);
    expect(untracedNumbers("each square is 1,000 soldiers", ledger, [1000])).toEqual([]);
  });
});

describe("claimantColor", () => {
  it("claimantColor(claimant) gives each claimant one colour on every chart", () => {
    expect(claimantColor("Rybar (Russian military blogger)")).toBe("#D55E00");
    expect(claimantColor("teleSUR/EFE")).toBe("#0072B2");
    expect(claimantColor("A new claimant")).toBe(claimantColor("A new claimant"));
    expect(PALETTE).toContain(claimantColor("A new claimant"));
  });
});
