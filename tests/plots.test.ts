// The registry of generic charts (tests/plots/), in the manner of Plot's own
// snapshot tests: each chart finished by finishPlot on both artboards, compared
// byte for byte with tests/output/, and audited. Uses no story of ours.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { checkSvg } from "../src/chart/allowlist.ts";
import { ARTBOARDS } from "../src/chart/index.ts";
import { ARTBOARD_NAMES, expectedWords, fileName, finished, legendScales, optionsFor, plots, snapshotName } from "./helpers/plots.ts";
import { root } from "./helpers/project.ts";

const SVG_NS = "http://www.w3.org/2000/svg";
const output = join(root, "tests", "output");
const CI = process.env.CI === "true";

/**
 * The notices a chart should get, by name or by "name (artboard)" (each notice matches one pattern,
 * each pattern one notice); every other chart gets none.
 */
const NOTICES: Record<string, RegExp[]> = {
  tips: [/\btips?\b/i],
  "tip-pointer": [/\btips?\b|pointer/i],
  crosshair: [/crosshair|pointer/i],
  "long-labels (mobile)": [/^the y-axis labels were wrapped onto up to \d lines/],
  "waffle (mobile)": [/^the x-axis labels were wrapped onto up to 2 lines to fit under their columns$/],
  "legend-quantile": [/^\d+ shapes in the colour ramp's lightest shades are outlined/],
  ...Object.fromEntries(["bars-vertical", "facets-grid", "legend-opacity", "line-markers", "percent-ticks", "text-wrapped"]
    .map((name) => [`${name} (mobile)`, [/^every second x-axis label is shown/]])),
};

const cases = plots.flatMap((plot) => ARTBOARD_NAMES.map((artboard) => ({ plot, artboard, label: `${plot.name} (${artboard})` })));

function parse(svg: string): Document {
  return new JSDOM(svg, { contentType: "image/svg+xml" }).window.document;
}

/** All the text a reader sees, one space between pieces: wrapped lines join back into their sentence. */
function visibleText(doc: Document): string {
  return [...doc.querySelectorAll("text")].map((t) => t.textContent ?? "").join(" ").replace(/\s+/g, " ");
}

/** The ids' common prefix, read from the root's title (finishPlot names it <prefix>-title). */
function prefixOf(doc: Document): string {
  const title = doc.documentElement.querySelector(":scope > title");
  const id = title?.getAttribute("id") ?? "";
  return id.replace(/-[^-]*$/, "");
}

describe("the chart registry", () => {
  it("holds at least 40 charts, every module in tests/plots/ under its own file name", () => {
    const files = readdirSync(join(root, "tests", "plots")).filter((f) => f.endsWith(".ts") && f !== "index.ts").map((f) => f.slice(0, -3)).sort();
    expect(plots.map((p) => p.name).sort()).toEqual(files);
    expect(plots.length).toBeGreaterThanOrEqual(40);
    expect(fileName("barsStackedVertical")).toBe("bars-stacked-vertical");
  });

  it("every module gives a source and a headline (its own or Plot's title)", () => {
    for (const plot of plots) {
      expect(typeof plot.module.words.source, plot.name).toBe("string");
      expect(expectedWords(plot, "desktop").length, plot.name).toBeGreaterThanOrEqual(2);
    }
  });
});

describe.each(cases)("$label", ({ plot, artboard }) => {
  const file = snapshotName(plot.name, artboard);

  it(`matches tests/output/${file}`, async () => {
    const { svg } = await finished(plot, artboard);
    const path = join(output, file);
    const changed = path.replace(/\.svg$/, "-changed.svg");
    if (!existsSync(path)) {
      if (CI) expect.fail(`tests/output/${file} is missing; run the test outside CI to write it, look at it (npx tsx tests/tools/look-plots.ts ${plot.name}) and commit it`);
      mkdirSync(output, { recursive: true });
      writeFileSync(path, svg);
      console.warn(`! wrote tests/output/${file}`);
      return;
    }
    if (readFileSync(path, "utf8") === svg) {
      rmSync(changed, { force: true });
      return;
    }
    writeFileSync(changed, svg);
    expect.fail(`tests/output/${file} differs from what finishPlot draws; see tests/output/${file.replace(/\.svg$/, "-changed.svg")}. If the change is intended, delete the snapshot and run the test again`);
  });

  it("is well-formed, inside the allowlist, on its artboard, with ids of its own", async () => {
    const { svg } = await finished(plot, artboard);
    expect(checkSvg(svg)).toEqual([]);
    const doc = parse(svg);
    const top = doc.documentElement;
    expect(top.namespaceURI).toBe(SVG_NS);
    expect(top.localName).toBe("svg");
    const width = ARTBOARDS[artboard].width;
    expect(top.getAttribute("width")).toBe(String(width));
    expect(top.getAttribute("viewBox")).toMatch(new RegExp(`^0 0 ${width} \\d+(\\.\\d+)?$`));
    const prefix = prefixOf(doc);
    expect(prefix, "the root's <title> has no id to take the prefix from").not.toBe("");
    const ids = [...doc.querySelectorAll("[id]")].map((e) => e.getAttribute("id")!);
    expect(ids.filter((id) => !id.startsWith(`${prefix}-`)), `ids without the prefix ${prefix}-`).toEqual([]);
    // A value JavaScript made by mistake (an object or a missing value turned into text) is no colour or length.
    const leftovers = [...svg.matchAll(/\s([a-z:-]+)="([^"]*(?:\[object |undefined|NaN|null)[^"]*)"/gi)].map((m) => `${m[1]}="${m[2]!.slice(0, 40)}"`);
    expect([...new Set(leftovers)], "attributes holding a JavaScript leftover").toEqual([]);
    // Every reference stays inside the file.
    const references = [...svg.matchAll(/url\(\s*['"]?#([^)'"\s]+)['"]?\s*\)|href="#([^"]+)"/g)].map((m) => m[1] ?? m[2]!);
    expect(references.filter((r) => !ids.includes(r)), "references to ids the file lacks").toEqual([]);
  });

  it("has a legend for each scale that asked for one", async () => {
    const options = optionsFor(plot, artboard);
    const asked = legendScales(options);
    const { svg } = await finished(plot, artboard);
    const doc = parse(svg);
    const legends = doc.querySelectorAll(".sc-legend");
    if (asked.length === 0) {
      expect(legends.length, "no scale asked for a legend, yet the SVG has one").toBe(0);
      return;
    }
    expect(legends.length, `${asked.join(", ")} asked for a legend; the SVG has none (no .sc-legend)`).toBeGreaterThan(0);
    expect([...legends].every((l) => l.querySelector("rect, circle, path") !== null), "a legend without a swatch, symbol or ramp").toBe(true);
    const text = visibleText(doc);
    for (const key of asked) {
      const scale = (options as Record<string, { label?: unknown; domain?: unknown; type?: string }>)[key]!;
      if (typeof scale.label === "string") expect(text, `the ${key} legend's label`).toContain(scale.label);
      const ordinal = !scale.type || ["ordinal", "categorical"].includes(scale.type);
      if (ordinal && Array.isArray(scale.domain) && scale.domain.every((d) => typeof d === "string")) {
        for (const entry of scale.domain as string[]) expect(text, `the ${key} legend's entry`).toContain(entry);
      }
    }
  });

  it("shows its words", async () => {
    const { svg } = await finished(plot, artboard);
    const text = visibleText(parse(svg));
    for (const words of expectedWords(plot, artboard)) expect(text).toContain(words.replace(/\s+/g, " "));
  });

  it("gets exactly the notices it should", async () => {
    const { notices } = await finished(plot, artboard);
    const patterns = NOTICES[`${plot.name} (${artboard})`] ?? NOTICES[plot.name] ?? [];
    expect(notices.filter((n) => !patterns.some((p) => p.test(n))), "unexpected notices").toEqual([]);
    expect(patterns.filter((p) => !notices.some((n) => p.test(n))).map(String), "expected notices missing").toEqual([]);
  });
});

describe("the registry as one page", () => {
  it("no id is shared between any two of its files", async () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const { plot, artboard } of cases) {
      const result = await finished(plot, artboard).catch(() => null);
      if (!result) continue;
      for (const [, id] of result.svg.matchAll(/\sid="([^"]+)"/g)) {
        const other = owner.get(id!);
        if (other) clashes.push(`${id} in ${other} and ${snapshotName(plot.name, artboard)}`);
        owner.set(id!, snapshotName(plot.name, artboard));
      }
    }
    expect(clashes).toEqual([]);
  });
});
