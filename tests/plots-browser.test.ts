// The registry's finished charts in Chromium (Debian's, driven by
// playwright-core): every text and shape lies inside the root <svg>'s viewBox,
// as laid out by a real browser with the shipped font, and with Arial's metrics
// for a reader whose page cannot load it.
import { readFileSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fontFile, type Weight } from "../src/chart/fonts.ts";
import { FONT_FAMILY } from "../src/chart/index.ts";
import { outside } from "./helpers/in-viewbox.ts";
import { ARTBOARD_NAMES, finished, plots, type Finished } from "./helpers/plots.ts";
import { chromiumPath, RUN_BROWSER_TESTS } from "./helpers/chromium.ts";

const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

const cases = plots.flatMap((plot) => ARTBOARD_NAMES.map((artboard) => ({ plot, artboard, label: `${plot.name} (${artboard})` })));
const results = new Map<string, Finished | Error>();

/** @font-face rules for the shipped font, so the page lays text out as the chart's own measurements assume. */
function fontFaces(): string {
  const weights: [Weight, number][] = [["regular", 400], ["semibold", 600], ["bold", 700]];
  return weights.map(([weight, number]) =>
    `@font-face { font-family: "${FONT_FAMILY}"; font-weight: ${number}; src: url(data:font/ttf;base64,${readFileSync(fontFile(weight)).toString("base64")}) format("truetype"); }`).join("\n");
}

async function openPage(withFont: boolean): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 800, height: 800 } });
  await page.setContent(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Chart</title><style>body { margin: 0; } ${withFont ? fontFaces() : ""}</style></head><body></body></html>`);
  if (withFont) {
    const loaded = await page.evaluate(async (family) => (await Promise.all([400, 600, 700].map((w) => document.fonts.load(`${w} 16px "${family}"`)))).every((faces) => faces.length > 0), FONT_FAMILY);
    if (!loaded) throw new Error(`Chromium did not load ${FONT_FAMILY} from its @font-face rules`);
  }
  return page;
}

let browser: Browser;
let withFont: Page;
let withoutFont: Page;

describe.runIf(RUN_BROWSER_TESTS)("the registry's charts in Chromium", () => {
  beforeAll(async () => {
    for (const { plot, artboard, label } of cases) {
      results.set(label, await finished(plot, artboard).catch((error: unknown) => error as Error));
    }
    browser = await chromium.launch({ executablePath: chromiumPath(), args: ARGS });
    withFont = await openPage(true);
    withoutFont = await openPage(false);
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
  });

  it("the audit finds a shape and a text past the viewBox, and not what a clip path hides", async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100">
      <defs><clipPath id="t-clip"><rect x="10" y="10" width="50" height="50"/></clipPath></defs>
      <rect x="-5" y="0" width="20" height="20"/>
      <g clip-path="url(#t-clip)"><rect x="0" y="0" width="500" height="500"/></g>
      <g transform="translate(150,0)" clip-path="url(#t-clip)"><rect x="0" y="0" width="500" height="500"/></g>
      <text x="150" y="50" font-size="20">Long text here</text></svg>`;
    const found = await outside(withFont, svg);
    expect(found).toHaveLength(3);
    expect(found[0]).toMatch(/^<rect> sticks out past the left 5\.0 px$/);
    expect(found[1]).toMatch(/^<rect> sticks out past the right 10\.0 px$/);
    expect(found[2]).toMatch(/^<text> "Long text here" sticks out past the right/);
  });

  it.each(cases)("$label: everything lies inside the viewBox, with the shipped font", async ({ label }) => {
    const result = results.get(label)!;
    if (result instanceof Error) throw result;
    expect(await outside(withFont, result.svg), label).toEqual([]);
  });

  it.each(cases)("$label: everything lies inside the viewBox, with Arial's metrics (the shipped font not loaded)", async ({ label }) => {
    const result = results.get(label)!;
    if (result instanceof Error) throw result;
    expect(await outside(withoutFont, result.svg), label).toEqual([]);
  });
});
