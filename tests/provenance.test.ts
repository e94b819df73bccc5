// Every figure of the fixture story, checked one by one against the seed's own bytes.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseNumber } from "../src/ledger/numbers.ts";
import { coverageTotals } from "../src/ledger/coverage.ts";
import { phraseOf } from "../src/ledger/entries.ts";
import { quakeToll, SEED, STORY_ROOT, storyRun } from "./helpers/story.ts";

const seedText = readFileSync(join(STORY_ROOT, "seeds", `${SEED}.txt`), "utf8");

describe("the fixture story's ledger", () => {
  it("passes every provenance check", () => {
    expect(storyRun.problems).toEqual([]);
  });

  const stated = quakeToll.figures.filter((f) => f.kind === "stated");
  it.each(stated.map((f) => [f.id, f] as const))("%s: quote is verbatim in the seed and states the value", (_id, f) => {
    expect(seedText.includes(f.quote)).toBe(true);
    expect(f.claimant.trim()).not.toBe("");
    expect(f.unit.trim()).not.toBe("");
    const phrase = phraseOf(f);
    if (phrase === null) return expect.fail(`${f.id}: the quote states no single number and the figure gives no phrase`);
    expect(f.quote.includes(phrase)).toBe(true);
    if (f.value === null) {
      expect(f.qualifier).toBe("unquantified");
      // A claim in words, with no number to read from it.
      expect(parseNumber(phrase)).toBeNull();
    } else {
      expect(parseNumber(phrase)).toBeCloseTo(f.value, 12);
    }
  });

  it("keeps the article's qualifiers: about, at least, more than", () => {
    const qualifier = (id: string) => storyRun.ledger!.figure(id).qualifier;
    expect(qualifier("deaths-ministry")).toBe("approximate");
    expect(qualifier("distance-stated")).toBe("approximate");
    expect(qualifier("deaths-red-crescent")).toBe("at-least");
    expect(qualifier("buildings-collapsed")).toBe("at-least");
    expect(qualifier("deaths-hatay")).toBe("exact");
    expect(qualifier("missing-hatay")).toBe("unquantified");
  });

  it("keeps competing claims about the dead and missing as separate rows with their claimants", () => {
    const claims = storyRun.ledger!.figures.filter((f) => f.subject === "deaths");
    expect(claims.map((f) => [f.value, f.measure, f.claimant])).toEqual([
      [1200, "killed", "Interior Ministry"],
      [1500, "killed", "Turkish Red Crescent"],
      [null, "missing", "Local officials in Hatay"],
    ]);
  });

  it("derives the provinces' total from 640, 410 and 150, says how, and it agrees with the ministry's toll", () => {
    expect(storyRun.ledger!.figure("deaths-by-province-total")).toMatchObject({
      kind: "derived", value: 1200, qualifier: "exact",
      derived_from: "deaths-hatay deaths-kahramanmaras deaths-gaziantep",
      formula: "deaths-hatay + deaths-kahramanmaras + deaths-gaziantep = 640 + 410 + 150 = 1200",
    });
    expect(storyRun.ledger!.value("deaths-ministry")).toBe(storyRun.ledger!.value("deaths-by-province-total"));
  });

  it("computes the great-circle distance from the gazetteer's coordinates, and says how it rounded", () => {
    expect(storyRun.ledger!.figure("distance-great-circle")).toMatchObject({
      kind: "derived", value: 71, qualifier: "exact", derived_from: "kahramanmaras gaziantep",
      formula: "great-circle distance Kahramanmaraş (37.5847, 36.92641) to Gaziantep (37.05944, 37.3825), Earth radius 6371.0088 km = 70.977598, rounded to 0 decimal places: 71",
    });
  });

  it("counts the three provinces from the list the article gives", () => {
    expect(storyRun.ledger!.figure("provinces-searched")).toMatchObject({
      kind: "counted", value: 3, formula: "count of Hatay, Kahramanmaras, Gaziantep",
    });
  });

  it("gives every external fact a source", () => {
    for (const p of storyRun.ledger!.places) expect(p.source).toMatch(/GeoNames/);
    const external = storyRun.ledger!.events.filter((e) => e.basis === "external");
    expect(external.length).toBe(1);
    for (const e of external) expect(e.source.length).toBeGreaterThan(10);
  });

  it("accounts for every number the seed mentions", () => {
    expect(coverageTotals(storyRun.coverage)).toEqual({
      mentions: 16, figure: 9, event: 1, metadata: 2, name: 0, skipped: 4, unreviewed: 0, unaccounted: 0,
    });
  });
});
