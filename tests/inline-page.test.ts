// A finished chart inlined into a page changes nothing else on it: the page's
// own SVG icon (currentColor, a <text>), an element that happens to use the
// chart's class names, and its paragraph look pixel-for-pixel the same with
// and without the chart, light and dark; the chart keeps its own styling.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DARK_INK, INK } from "../src/chart/theme.ts";
import { root } from "./helpers/project.ts";
import { chromiumPath, RUN_BROWSER_TESTS } from "./helpers/chromium.ts";
import { smallChart } from "./helpers/small-chart.ts";

const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const shots = join(root, ".cache", "screenshots");

// The page does not follow the colour scheme itself: whatever changes in dark mode came from the chart.
const OWN = `<div id="own">
  <svg id="icon" width="160" height="40" viewBox="0 0 160 40" aria-hidden="true"><circle cx="20" cy="20" r="14" fill="currentColor"/><path d="M40 8h20v24H40z" fill="none" stroke="currentColor" stroke-width="2"/><text x="64" y="26" font-size="16" fill="currentColor">  a    b   c</text></svg>
  <svg id="badge" width="120" height="40" viewBox="0 0 120 40" aria-hidden="true"><rect class="sc-bg" width="120" height="40" fill="#ffcc00"/><text class="sc-muted" x="8" y="26" font-size="16" fill="#003366">New  here</text></svg>
  <p id="para">The page’s own paragraph,   with a <code>#fed</code> in it.</p>
</div>`;

function page(charts: string[]): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Host page</title>
<style>body { margin: 0; padding: 8px; background: #ffffff; color: #333333; font: 16px/1.4 sans-serif; } #own { width: 600px; }</style></head>
<body>${OWN}${charts.map((c) => `<figure>${c}</figure>`).join("\n")}</body></html>`;
}

const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;

let browser: Browser;

describe.runIf(RUN_BROWSER_TESTS)("a chart inlined into a page", () => {
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath(), args: ARGS });
    mkdirSync(shots, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const colorScheme of ["light", "dark"] as const) {
    it(`changes nothing of the page's own icon, classes and text (${colorScheme})`, async () => {
      const charts = [smallChart("inline-check", "desktop"), smallChart("inline-check", "mobile")];
      const p = await browser.newPage({ viewport: { width: 700, height: 1200 } });
      await p.emulateMedia({ colorScheme });
      const shot = async (html: string, name: string) => {
        await p.setContent(html, { waitUntil: "load" });
        const own = await p.locator("#own").screenshot();
        writeFileSync(join(shots, `inline-own-${colorScheme}-${name}.png`), own);
        return own;
      };
      const without = await shot(page([]), "without");
      const withChart = await shot(page(charts), "with");
      expect(withChart.equals(without), `the page's own elements changed: compare .cache/screenshots/inline-own-${colorScheme}-*.png`).toBe(true);

      // The chart itself: its text keeps its spaces, and its colours follow the scheme.
      const ink = colorScheme === "dark" ? DARK_INK : INK;
      const chart = await p.evaluate(() => [...document.querySelectorAll("figure > svg")].map((svg) => ({
        color: getComputedStyle(svg).color,
        whiteSpace: [...new Set([...svg.querySelectorAll("text")].map((t) => getComputedStyle(t).whiteSpace))],
        background: getComputedStyle(svg.querySelector(".sc-bg")!).fill,
        muted: [...new Set([...svg.querySelectorAll(".sc-muted text")].map((t) => getComputedStyle(t).fill))],
      })));
      expect(chart).toEqual(charts.map(() => ({ color: rgb(ink.text), whiteSpace: ["pre"], background: rgb(ink.background), muted: [rgb(ink.muted)] })));
      await p.screenshot({ path: join(shots, `inline-page-${colorScheme}.png`), fullPage: true });
      await p.close();
    });
  }
});
