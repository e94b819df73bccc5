import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ProblemError } from "../src/ledger/problems.ts";
import { findAll, loadSeed } from "../src/ledger/seeds.ts";
import { root, SEED } from "./helpers/project.ts";

// The hash of shared/seeds/000_4ed232a197e59f57.txt as delivered: the seed must stay those bytes.
const ORIGIN_SHA256 = "bef8cfbe52ddecdbfa9f7d91f9e2ce9cfe7ae190301919f5b17354604c796cdc";

describe("the story's seed", () => {
  it("is the delivered article byte for byte", () => {
    const bytes = readFileSync(join(root, "seeds", `${SEED}.txt`));
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(ORIGIN_SHA256);
  });

  it("has metadata that quotes it truly", () => {
    const seed = loadSeed(root, SEED, "test");
    expect(seed.meta).toMatchObject({
      headline: "No Lull in Fighting as Russia-Ukraine Talks Resume in Istanbul",
      publisher: "teleSUR", agency: "EFE", credit: "teleSUR/EFE",
      published: { date: "2025-06-02", time: "08:22", dateline: "June 2, 2025 Hour: 8:22 am" },
      photo: { credit: "X/ @sumlenny" },
    });
    expect(seed.text.startsWith(`${seed.meta.headline}\n`)).toBe(true);
  });

  it("findAll(text, quote) finds the standfirst sentence the article repeats in its body", () => {
    const seed = loadSeed(root, SEED, "test");
    expect(findAll(seed.text, "On Sunday, Ukrainian forces attacked five airfields").length).toBe(2);
  });
});

describe("loadSeed with a damaged seed", () => {
  let dir = "";
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function copy(): string {
    dir = mkdtempSync(join(tmpdir(), "storycharts-seed-"));
    cpSync(join(root, "seeds"), join(dir, "seeds"), { recursive: true });
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
    writeFileSync(file, readFileSync(file, "utf8").replace("50,000", "60,000"));
    expect(messages(() => loadSeed(d, SEED, "notebooks/x.ts"))).toEqual([
      expect.stringMatching(new RegExp(`^seeds/${SEED}\\.meta\\.json: origin\\.sha256: the seed's bytes have changed`)),
    ]);
  });

  it("fails when the metadata misquotes the dateline", () => {
    const d = copy();
    const file = join(d, "seeds", `${SEED}.meta.json`);
    const meta = JSON.parse(readFileSync(file, "utf8"));
    meta.published.dateline = "June 2, 2025 Hour: 8:23 am";
    writeFileSync(file, JSON.stringify(meta));
    expect(messages(() => loadSeed(d, SEED, "notebooks/x.ts"))).toEqual([
      `seeds/${SEED}.meta.json: published.dateline: "June 2, 2025 Hour: 8:23 am" is not in the seed's text`,
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
