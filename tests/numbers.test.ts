import { describe, expect, it } from "vitest";
import { findMentions, parseNumber, parseOrdinal } from "../src/ledger/numbers.ts";

describe("parseNumber", () => {
  it("parseNumber(numeral) reads plain numerals and decimals", () => {
    expect(parseNumber("41")).toBe(41);
    expect(parseNumber("300")).toBe(300);
    expect(parseNumber("2.5")).toBe(2.5);
  });

  it("parseNumber(numeral) reads thousands separators", () => {
    expect(parseNumber("50,000")).toBe(50000);
    expect(parseNumber("1,234,567")).toBe(1234567);
  });

  it("parseNumber(numeral) refuses misplaced separators", () => {
    expect(parseNumber("50,00")).toBeNull();
    expect(parseNumber("5,0000")).toBeNull();
    expect(parseNumber("1.2.3")).toBeNull();
  });

  it("parseNumber(words) reads number words", () => {
    expect(parseNumber("one")).toBe(1);
    expect(parseNumber("four")).toBe(4);
    expect(parseNumber("five")).toBe(5);
    expect(parseNumber("six")).toBe(6);
    expect(parseNumber("eight")).toBe(8);
    expect(parseNumber("Eight")).toBe(8);
    expect(parseNumber("thirteen")).toBe(13);
  });

  it("parseNumber(words) reads compounds and scales", () => {
    expect(parseNumber("twenty-five")).toBe(25);
    expect(parseNumber("forty one")).toBe(41);
    expect(parseNumber("three hundred")).toBe(300);
    expect(parseNumber("two thousand five hundred")).toBe(2500);
    expect(parseNumber("fifty thousand")).toBe(50000);
    expect(parseNumber("3.5 million")).toBe(3_500_000);
  });

  it("parseNumber(fraction) reads fractions", () => {
    expect(parseNumber("one-third")).toBe(1 / 3);
    expect(parseNumber("one third")).toBe(1 / 3);
    expect(parseNumber("a third")).toBe(1 / 3);
    expect(parseNumber("two-thirds")).toBe(2 / 3);
    expect(parseNumber("three quarters")).toBe(3 / 4);
    expect(parseNumber("half")).toBe(1 / 2);
    expect(parseNumber("one\u2010third")).toBe(1 / 3);
  });

  it("an ordinal in digits (“4th”, “21st”) is an ordinal, not a count", () => {
    const found = findMentions("The 4th Infantry Division lost 21 men on the 21st day.");
    expect(found.map((m) => [m.text, m.kind, m.value])).toEqual([["4th", "ordinal", null], ["21", "numeral", 21], ["21st", "ordinal", null]]);
  });

  it("parseNumber reads a share of a scale as one number: “half a million” is 500,000, never a million", () => {
    expect(parseNumber("half a million")).toBe(500_000);
    expect(parseNumber("a quarter of a million")).toBe(250_000);
    expect(parseNumber("one and a half million")).toBe(1_500_000);
    expect(parseNumber("two-thirds of a billion")).toBeCloseTo(666_666_666.67, 1);
    const found = findMentions("An estimated half a million people; the second half of the match; nearly half of the districts.");
    expect(found.filter((m) => m.value !== null).map((m) => [m.text, m.value])).toEqual([["half a million", 500_000], ["half", 0.5]]);
  });

  it("parseNumber(fraction) refuses ungrammatical fractions", () => {
    expect(parseNumber("one thirds")).toBeNull();
    expect(parseNumber("two third")).toBeNull();
  });

  it("parseNumber(text) returns null for words that are not numbers", () => {
    expect(parseNumber("several")).toBeNull();
    expect(parseNumber("drones")).toBeNull();
    expect(parseNumber("")).toBeNull();
    expect(parseNumber("first")).toBeNull();
  });
});

describe("parseOrdinal", () => {
  it("parseOrdinal(word) reads ordinals", () => {
    expect(parseOrdinal("first")).toBe(1);
    expect(parseOrdinal("Second")).toBe(2);
    expect(parseOrdinal("one")).toBeNull();
  });
});

describe("findMentions", () => {
  it("reads a numeral and its scale as one number: 2 million, 3.5 billion, 1,200 thousand", () => {
    const found = findMentions("Nearly 2 million marched; the plan costs 3.5 billion euros and 1,200\u00a0thousand more. In 2 months, 40 thousands.").map((m) => [m.text, m.value]);
    expect(found).toEqual([["2 million", 2e6], ["3.5 billion", 3.5e9], ["1,200\u00a0thousand", 1.2e6], ["2", 2], ["40", 40]]);
  });

  const kinds = (text: string) => findMentions(text).map((m) => [m.text, m.kind, m.value]);

  it("findMentions(text) finds numerals, words and fractions with their values", () => {
    expect(kinds("The drones destroyed 41 aircraft—roughly one-third of the fleet—at four airfields.")).toEqual([
      ["41", "numeral", 41],
      ["one-third", "fraction", 1 / 3],
      ["four", "words", 4],
    ]);
  });

  it("findMentions(text) keeps a separated numeral whole", () => {
    expect(kinds("estimated that 50,000 soldiers")).toEqual([["50,000", "numeral", 50000]]);
  });

  it("findMentions(text) reports numbers inside designations as names", () => {
    expect(kinds("eight Tu-95MS, four Tu-22M, and one An-12")).toEqual([
      ["eight", "words", 8],
      ["Tu-95MS", "designation", null],
      ["four", "words", 4],
      ["Tu-22M", "designation", null],
      ["one", "words", 1],
      ["An-12", "designation", null],
    ]);
  });

  it("findMentions(text) reports ordinals without a value", () => {
    expect(kinds("the first and second rounds")).toEqual([
      ["first", "ordinal", null],
      ["second", "ordinal", null],
    ]);
  });

  it("findMentions(text) reads a date as separate numbers and a clock time as two", () => {
    expect(kinds("June 2, 2025 Hour: 8:22 am")).toEqual([
      ["2", "numeral", 2],
      ["2025", "numeral", 2025],
      ["8", "numeral", 8],
      ["22", "numeral", 22],
    ]);
  });

  it("findMentions(text) does not find numbers inside other words", () => {
    expect(kinds("someone often once tone")).toEqual([]);
  });

  it("findMentions(text) gives offsets that slice back to the mention", () => {
    const text = "about twenty-five drones and 3 jets";
    for (const m of findMentions(text)) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});

describe("digits of every script", () => {
  it("reads full-width, Arabic-Indic, Devanagari and mathematical digits, in the text's own places", () => {
    expect(findMentions("Roughly ９９９ residents")).toEqual([{ text: "９９９", start: 8, end: 11, kind: "numeral", value: 999 }]);
    expect(findMentions("٩٩ dead, ५०० hurt")).toMatchObject([{ text: "٩٩", start: 0, end: 2, value: 99 }, { text: "५००", start: 9, end: 12, value: 500 }]);
    // Outside the first plane a digit is two code units: places still point into the text.
    const text = "x 𝟗𝟗𝟗,𝟎𝟎𝟎 y 😀 7";
    const found = findMentions(text);
    expect(found.map((m) => [m.value, text.slice(m.start, m.end)])).toEqual([[999000, "𝟗𝟗𝟗,𝟎𝟎𝟎"], [7, "7"]]);
    expect(parseNumber("１２")).toBe(12);
  });
});
