import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ProblemError } from "../src/ledger/problems.ts";
import { findAll, loadSeed } from "../src/ledger/seeds.ts";
import { SEED, STORY_ROOT } from "./helpers/story.ts";

// The user's own seeds are checked by `storycharts check` (each against the
// sha256 in its metadata); these tests prove that mechanism on the fixture's seed.
describe("the fixture story's seed", () => {
  it("is the bytes its metadata's sha256 names, and loads", () => {
    const bytes = readFileSync(join(STORY_ROOT, "seeds", `${SEED}.txt`));
    const meta = JSON.parse(readFileSync(join(STORY_ROOT, "seeds", `${SEED}.meta.json`), "utf8"));
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(meta.origin.sha256);
    expect(loadSeed(STORY_ROOT, SEED, "test").text).toBe(bytes.toString("utf8"));
  });

  it("has metadata that quotes it truly", () => {
    const seed = loadSeed(STORY_ROOT, SEED, "test");
    expect(seed.meta).toMatchObject({
      headline: "Quake Toll Rises to About 1,200 as Rescuers Search Collapsed Buildings",
      publisher: "Example Wire", agency: null, credit: "Example Wire",
      published: { date: "2025-03-08", time: null, dateline: "March 8, 2025" },
      photo: null,
    });
    expect(seed.text.startsWith(`${seed.meta.headline}\n`)).toBe(true);
  });

  it("findAll(text, quote) finds each place the article repeats a passage", () => {
    const seed = loadSeed(STORY_ROOT, SEED, "test");
    expect(findAll(seed.text, "in Hatay").length).toBe(3);
    expect(findAll(seed.text, "on Friday").length).toBe(2);
    expect(findAll(seed.text, "in Adana")).toEqual([]);
  });
});

describe("loadSeed with a damaged seed", () => {
  let dir = "";
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function copy(): string {
    dir = mkdtempSync(join(tmpdir(), "storycharts-seed-"));
    cpSync(join(STORY_ROOT, "seeds"), join(dir, "seeds"), { recursive: true });
    return dir;
  }

  function messages(fn: () => unknown): string[] {
    try {
      fn();
    } catch (error) {
      if (error instanceof ProblemError) return error.problems.map((p) => `${p.file}: ${p.place}: ${p.message}`);
      throw error;
    }
    return [];
  }

  it("fails when one character of the article changed", () => {
    const d = copy();
    const file = join(d, "seeds", `${SEED}.txt`);
    writeFileSync(file, readFileSync(file, "utf8").replace("25,000", "26,000"));
    expect(messages(() => loadSeed(d, SEED, "notebooks/x.ts"))).toEqual([
      expect.stringMatching(new RegExp(`^seeds/${SEED}\\.meta\\.json: origin\\.sha256: the seed's bytes have changed`)),
    ]);
  });

  it("fails when the metadata misquotes the dateline", () => {
    const d = copy();
    const file = join(d, "seeds", `${SEED}.meta.json`);
    const meta = JSON.parse(readFileSync(file, "utf8"));
    meta.published.dateline = "March 9, 2025";
    writeFileSync(file, JSON.stringify(meta));
    expect(messages(() => loadSeed(d, SEED, "notebooks/x.ts"))).toEqual([
      `seeds/${SEED}.meta.json: published.dateline: "March 9, 2025" is not in the seed's text`,
    ]);
  });

  it("fails on a publication date that is no day of the calendar, and on a publisher that is not text", () => {
    const d = copy();
    const file = join(d, "seeds", `${SEED}.meta.json`);
    const meta = JSON.parse(readFileSync(file, "utf8"));
    for (const date of ["2025-13-45", "2025-02-30", "0000-00-00"]) {
      writeFileSync(file, JSON.stringify({ ...meta, published: { ...meta.published, date } }));
      expect(messages(() => loadSeed(d, SEED, "notebooks/x.ts")), date).toEqual([
        `seeds/${SEED}.meta.json: published.date: the publication date "${date}" is not a day of the calendar written YYYY-MM-DD`,
      ]);
    }
    writeFileSync(file, JSON.stringify({ ...meta, publisher: 5 }));
    expect(messages(() => loadSeed(d, SEED, "notebooks/x.ts"))).toEqual([`seeds/${SEED}.meta.json: publisher: the publisher is missing or not text`]);
  });

  it("fails when the metadata file is missing", () => {
    const d = copy();
    rmSync(join(d, "seeds", `${SEED}.meta.json`));
    expect(messages(() => loadSeed(d, SEED, "notebooks/x.ts"))).toEqual([
      `seeds/${SEED}.meta.json: metadata: the seed has no metadata file`,
    ]);
  });
});
