import { describe, expect, it } from "vitest";
import { formatDate, formatQualified } from "../src/chart/format.ts";
import { untracedNumbers } from "../src/chart/text-numbers.ts";
import { claimantColors, claimantStyleProblems, contrast, PALETTE } from "../src/chart/palette.ts";
import { DARK_INK, INK } from "../src/chart/theme.ts";
import { storyRun } from "./helpers/story.ts";

describe("formatQualified", () => {
  it("formatQualified(value, qualifier) keeps the qualifier on the page", () => {
    expect(formatQualified(500, "approximate")).toBe("≈500");
    expect(formatQualified(300, "at-least")).toBe("300+");
    expect(formatQualified(300, "at-most")).toBe("≤300");
    expect(formatQualified(50000, "estimate")).toBe("est. 50,000");
    expect(formatQualified(41, "exact")).toBe("41");
    expect(formatQualified(null, "unquantified", "several")).toBe("“several”");
  });

  it("formatQualified(value) groups thousands and keeps one decimal at most; a round million is written as a desk writes it", () => {
    expect(formatQualified(4896.2, "exact")).toBe("4,896.2");
    expect(formatQualified(1234567, "exact")).toBe("1,234,567");
    expect(formatQualified(2e6, "approximate")).toBe("≈2 million");
    expect(formatQualified(1.5e6, "at-least")).toBe("1.5 million+");
    expect(formatQualified(2.5e9, "exact")).toBe("2.5 billion");
    expect(formatQualified(1.25e6, "exact")).toBe("1,250,000");
  });

  it("a number below one keeps two significant digits, and digits sets the decimals", () => {
    expect(formatQualified(0.04, "exact")).toBe("0.04");
    expect(formatQualified(0.333333, "approximate")).toBe("≈0.33");
    expect(formatQualified(1.2345, "exact", null, 3)).toBe("1.235");
    expect(formatQualified(-0, "exact")).toBe("0");
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
  // The fixture story's ledger: 1,200, 1,500, 640, 410, 150, 3,000, 25,000, 7.1, 80, 71 and a count of 3.
  const ledger = storyRun.ledger!;
  it("untracedNumbers(text, ledger) accepts numbers the ledger holds, rounded or in words", () => {
    expect(untracedNumbers("about 1,200 dead, at least 1,500, 640 of them in Hatay", ledger)).toEqual([]);
    expect(untracedNumbers("a magnitude 7 quake, 71 km from the city; three provinces, six hundred and forty dead", ledger)).toEqual([]);
  });
  it("untracedNumbers(text, ledger) ignores dates", () => {
    expect(untracedNumbers("Before dawn on Thursday 6 March 2025; the deadliest since February 2023", ledger)).toEqual([]);
  });
  it("untracedNumbers(text, ledger) returns a number no figure holds", () => {
    expect(untracedNumbers("The toll rose to 1,300, or a quarter of 5,200", ledger)).toEqual(["1,300", "a quarter", "5,200"]);
    // The sentence accepted above, each number changed: rounding and words accept only what the ledger holds.
    expect(untracedNumbers("a magnitude 8 quake, 72 km from the city; four provinces, six hundred and fifty dead", ledger)).toEqual(["8", "72", "four", "six hundred and fifty"]);
  });
  it("untracedNumbers reads a number written in millions as the number", () => {
    expect(untracedNumbers("each square is 2 million rescue workers", ledger, [2e6])).toEqual([]);
    expect(untracedNumbers("each square is 2 million rescue workers", ledger)).toEqual(["2 million"]);
  });
  it("untracedNumbers(text, ledger, scales) accepts a declared drawing scale", () => {
    expect(untracedNumbers("each square is 1,000 rescue workers", ledger)).toEqual(["1,000"]);
    expect(untracedNumbers("each square is 1,000 rescue workers", ledger, [1000])).toEqual([]);
  });
});

describe("claimant colours", () => {
  it("the notebook's colours first, then the palette's free colours in ledger order, then a stable colour by name", () => {
    const color = claimantColors(["Ministry", "Blogger", "Mayor"], { Blogger: { color: "#0072B2" } });
    expect(color("Blogger")).toBe("#0072B2");
    expect(color("Ministry")).toBe(PALETTE[1]);
    expect(color("Mayor")).toBe(PALETTE[2]);
    expect(color("Someone else")).toBe(color("Someone else"));
    expect(PALETTE).toContain(color("Someone else"));
  });

  it("every palette colour reaches 3:1 on the light and the dark background; house text reaches 4.5:1 on its own", () => {
    for (const c of PALETTE) {
      expect(contrast(c, INK.background)).toBeGreaterThanOrEqual(3);
      expect(contrast(c, DARK_INK.background)).toBeGreaterThanOrEqual(3);
    }
    for (const [ink, background] of [[INK.text, INK.background], [INK.muted, INK.background], [DARK_INK.text, DARK_INK.background], [DARK_INK.muted, DARK_INK.background]]) {
      expect(contrast(ink!, background!)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("a notebook colour that is not a colour, or too faint, is a problem naming the claimant and the contrast", () => {
    expect(claimantStyleProblems({ A: { color: "#F0E442" }, B: { color: "blurple" }, C: { color: "#0072B2" } })).toEqual([
      { claimant: "A", message: "the colour #F0E442 has 1.32:1 on the light background (#ffffff); a chart's colours need 3:1", fix: expect.stringContaining("#0072B2") },
      { claimant: "B", message: "the colour \"blurple\" is not a CSS colour", fix: expect.any(String) },
    ]);
  });
});
