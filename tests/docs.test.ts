// The reference docs/ is written from the code (src/publish/docs.ts): every
// chart kind the public entry exports has a page, every option of every kind
// says what it is, and every picture a page shows is a file. Whether the
// committed docs/ is what the code writes is CI's to check, as for charts/.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import * as api from "../src/index.ts";
import { kinds, renderDocs } from "../src/publish/docs.ts";
import { root } from "./helpers/project.ts";

const all = kinds(root);
const pages = renderDocs(root);

describe("the reference", () => {
  it("has a page for every chart kind the public entry exports, and an index linking each", () => {
    const exported = ["barChart", "claimsChart", "locator", "pointMap", "regionMap", "smallTable", "timelineChart", "timeSeries", "unitChart"];
    for (const name of exported) expect(typeof (api as Record<string, unknown>)[name], name).toBe("function");
    expect(all.map((k) => k.name).sort()).toEqual([...exported].sort());
    for (const name of exported) {
      expect(pages.has(`docs/kinds/${name}.md`), name).toBe(true);
      expect(pages.get("docs/README.md")).toContain(`(kinds/${name}.md)`);
    }
  });

  it("says what every option of every kind is, the shared ones included", () => {
    for (const k of all) {
      expect(k.options.map((o) => o.name), k.name).toEqual(expect.arrayContaining(["table", "headline", "subtitle", "notes", "kind", "alt"]));
      for (const o of k.options) expect(o.doc, `${k.name}.${o.name}`).not.toBe("");
    }
  });

  it("shows each kind drawn by the tests, with the lines that draw it", () => {
    for (const k of all) {
      expect(k.examples.length, k.name).toBeGreaterThan(0);
      for (const e of k.examples) expect(e.code, k.name).toMatch(new RegExp(`^${k.name}\\(\\{`));
    }
  });

  it("links only pictures that exist once the charts are built and the tests have drawn the kinds", () => {
    for (const [path, text] of pages) {
      for (const m of text.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)) {
        const target = join(root, dirname(path), m[1]!);
        expect(existsSync(target), `${path} → ${m[1]}`).toBe(true);
      }
    }
  });

  it("lists the ledger's entry fields and prints every qualifier as a chart does", () => {
    const index = pages.get("docs/README.md")!;
    for (const words of ["`claimant` (required)", "`quote` (required)", "`items` (required)", "`from` (required)", "| `approximate` | approximately | ≈500 |", "| `at-least` | at least | 500+ |", "`plot` (required)"]) {
      expect(index).toContain(words);
    }
  });

  it("reads no example from a notebook whose call does not close, and still writes every page", () => {
    const dir = mkdtempSync(join(tmpdir(), "storycharts-docs-"));
    try {
      for (const part of ["src/chart/kinds", "src/ledger", "src/chart/spec.ts"]) cpSync(join(root, part), join(dir, part), { recursive: true });
      mkdirSync(join(dir, "notebooks"));
      // 200,000 calls left open: each is read no further than its bound, and the file no further than the first.
      writeFileSync(join(dir, "notebooks", "broken.ts"), '\n  "a": barChart(({['.repeat(200_000) + '\n  "b": barChart({ table: "t" }),\n');
      const written = renderDocs(dir);
      expect(written.size).toBe(pages.size);
      expect(written.get("docs/kinds/barChart.md")).toContain("No story uses it yet.");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
