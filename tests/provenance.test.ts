// Every figure of the story, checked one by one against the seed's own bytes.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseNumber } from "../src/ledger/numbers.ts";
import { coverageTotals } from "../src/ledger/coverage.ts";
import { istanbulTalks, root, SEED, storyRun } from "./helpers/project.ts";

const seedText = readFileSync(join(root, "seeds", `${SEED}.txt`), "utf8");

describe("the story's ledger", () => {
  it("passes every provenance check", () => {
    expect(storyRun.problems).toEqual([]);
  });

  const stated = istanbulTalks.figures.filter((f) => f.kind === "stated");
  it.each(stated.map((f) => [f.id, f] as const))("%s: quote is verbatim in the seed and states the value", (_id, f) => {
    expect(seedText.includes(f.quote)).toBe(true);
    expect(f.claimant.trim()).not.toBe("");
    expect(f.unit.trim()).not.toBe("");
    if (f.value === null) {
      expect(f.qualifier).toBe("unquantified");
      expect(f.quote).toMatch(/\bseveral\b/);
    } else {
      const phrase = f.phrase ?? f.quote.match(/\d[\d,]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b/)![0];
      expect(f.quote.includes(phrase)).toBe(true);
      expect(parseNumber(phrase)).toBeCloseTo(f.value, 12);
    }
  });

  it("keeps the article's qualifiers: approximately, roughly, just over, estimated", () => {
    const qualifier = (id: string) => storyRun.ledger!.figure(id).qualifier;
    expect(qualifier("russian-drones-launched")).toBe("approximate");
    expect(qualifier("bomber-fleet-share-destroyed")).toBe("approximate");
    expect(qualifier("kyiv-sumy-distance-stated")).toBe("at-least");
    expect(qualifier("russian-troops-north-of-sumy")).toBe("estimate");
    expect(qualifier("aircraft-destroyed")).toBe("exact");
    expect(qualifier("aircraft-lost-defense-ministry")).toBe("unquantified");
  });

  it("keeps competing claims about the aircraft losses as separate rows with their claimants", () => {
    const claims = storyRun.ledger!.figures.filter((f) => f.subject === "aircraft-losses");
    expect(claims.map((f) => [f.value, f.measure, f.claimant])).toEqual([
      [41, "destroyed", "teleSUR/EFE"],
      [null, "lost", "Russian Defense Ministry"],
      [13, "hit", "Rybar (Russian military blogger)"],
    ]);
  });

  it("derives the bomber fleet from 41 and one-third, says how, and stays approximate", () => {
    const fleet = storyRun.ledger!.figure("bomber-fleet-implied");
    expect(fleet).toMatchObject({
      kind: "derived", value: 123, qualifier: "approximate",
      derived_from: "aircraft-destroyed bomber-fleet-share-destroyed",
      formula: "aircraft-destroyed ÷ bomber-fleet-share-destroyed = 41 ÷ 1/3 = 123",
    });
  });

  it("counts the buffer zone's five regions from the list the article gives", () => {
    expect(storyRun.ledger!.figure("buffer-zone-regions")).toMatchObject({
      kind: "counted", value: 5, formula: "count of Kursk, Belgorod, Bryansk, Sumy, Kharkiv",
    });
  });

  it("finds the rounds 17 days apart, which the article calls two weeks", () => {
    expect(storyRun.ledger!.value("days-between-rounds")).toBe(17);
    expect(storyRun.ledger!.value("weeks-between-rounds")).toBe(2);
  });

  it("gives every external fact a source", () => {
    for (const p of storyRun.ledger!.places) expect(p.source).toMatch(/GeoNames/);
    for (const e of storyRun.ledger!.events) {
      if (e.basis === "external") expect(e.source.length).toBeGreaterThan(10);
    }
  });

  it("accounts for every number the seed mentions", () => {
    expect(coverageTotals(storyRun.coverage)).toEqual({
      mentions: 31, figure: 15, event: 5, metadata: 4, name: 3, skipped: 4, unreviewed: 0, unaccounted: 0,
    });
  });
});
