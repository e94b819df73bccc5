// The published charts in a real browser: Debian's Chromium, driven by
// playwright-core (never a downloaded browser). What is published is the
// fixture story's, built into a temporary folder as `storycharts build` builds
// it (never the user's charts/). Screenshots for a person to look at are
// written to .cache/screenshots/.
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Manifest } from "../src/publish/manifest.ts";
import { serve, type StaticServer } from "../src/cli/preview-server.ts";
import { root } from "./helpers/project.ts";
import { buildStory, type BuiltStory } from "./helpers/story-build.ts";
import { chromiumPath, RUN_BROWSER_TESTS } from "./helpers/chromium.ts";

const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const shots = join(root, ".cache", "screenshots");
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let browser: Browser;
let server: StaticServer;
let story: BuiltStory;
let manifest: Manifest;
/** A published file of the fixture story's build. */
const published = (file: string) => readFileSync(join(story.dir, "charts", file), "utf8");

/** A page that records console errors and failed requests. */
async function open(width: number, o: { bypassCSP?: boolean } = {}): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, bypassCSP: o.bypassCSP ?? false });
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`page: ${e.message}`));
  page.on("requestfailed", (r) => errors.push(`request failed: ${r.url()}`));
  page.on("response", (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return { page, errors };
}

async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join("; ")})`);
  });
  return result;
}

function inlinePage(): string {
  const svgs = manifest.charts.flatMap((c) => [c.files.desktop, c.files.mobile].map(published));
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Every chart inline</title></head>
<body><main><h1>Every chart inline</h1>${svgs.map((s) => `<figure>${s}</figure>`).join("\n")}</main></body></html>`;
}

describe.runIf(RUN_BROWSER_TESTS)("in Chromium", () => {
  beforeAll(async () => {
    story = await buildStory();
    manifest = JSON.parse(published("manifest.json")) as Manifest;
    browser = await chromium.launch({ executablePath: chromiumPath(), args: ARGS });
    server = await serve({ root: story.dir, out: "charts", port: 0, live: false });
    mkdirSync(shots, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    story?.remove();
  });

  it("the fixture's build published all seven charts", () => {
    expect(manifest.charts.map((c) => c.id).sort()).toEqual([
      "death-claims", "deaths-by-province", "distance-by-hand", "locator-map", "province-map", "rescue-workers", "timeline",
    ]);
  });

  it("the gallery loads with no console error or failed request, every chart visible", async () => {
    for (const width of [360, 1280]) {
      const { page, errors } = await open(width);
      await page.goto(server.url, { waitUntil: "networkidle" });
      const images = await page.$$eval(".artboards img", (imgs) =>
        imgs.map((img) => ({ src: img.getAttribute("src"), natural: (img as HTMLImageElement).naturalWidth, box: img.getBoundingClientRect().width })));
      expect(images.length).toBe(manifest.charts.length * 2);
      for (const img of images) {
        expect(img.natural, `${img.src} did not load`).toBeGreaterThan(0);
        expect(img.box, `${img.src} has no size`).toBeGreaterThan(0);
      }
      expect(errors).toEqual([]);
      await page.screenshot({ path: join(shots, `gallery-${width}.png`), fullPage: true });
      await page.close();
    }
  });

  it("under the preview's content security policy the gallery's live-reload script runs and reloads the page", async () => {
    const live = await serve({ root: story.dir, out: "charts", port: 0, live: true });
    const { page, errors } = await open(1280);
    try {
      // Not networkidle: the open event stream keeps the network busy.
      await page.goto(live.url, { waitUntil: "load" });
      const scripts = await page.$$eval("script", (s) => s.map((e) => e.textContent ?? ""));
      expect(scripts.length).toBe(1);
      expect(scripts[0]).toMatch(/^new EventSource\("\/__storycharts\/events"\)\.onmessage = /);
      // The stream may not be connected yet: ask again until the page reloads.
      const reloaded = page.waitForEvent("load");
      const asking = setInterval(() => live.reload(), 100);
      await reloaded.finally(() => clearInterval(asking));
      // A reload cuts the event stream (and a second reload the first): those requests fail by design.
      // A blocked script shows as a console error.
      expect(errors.filter((e) => !e.startsWith("request failed:"))).toEqual([]);
    } finally {
      await page.close();
      await live.close();
    }
  });

  it("told which charts a build changed, the live gallery swaps in just those charts, without reloading the page", async () => {
    const live = await serve({ root: story.dir, out: "charts", port: 0, live: true });
    const { page, errors } = await open(1280);
    try {
      await page.goto(live.url, { waitUntil: "load" });
      // Marks that a reload, or a section swapped in, would not carry.
      await page.evaluate(() => {
        (window as unknown as { kept: boolean }).kept = true;
        for (const s of document.querySelectorAll("[data-chart]")) s.setAttribute("data-mark", "before");
      });
      const swapped = page.waitForFunction(() => document.querySelector('[data-chart="timeline"]')?.getAttribute("data-mark") === null);
      const asking = setInterval(() => live.reload(["timeline"]), 100);
      await swapped.finally(() => clearInterval(asking));
      const after = await page.evaluate(() => ({
        kept: (window as unknown as { kept?: boolean }).kept === true,
        marked: [...document.querySelectorAll("[data-chart]")].filter((s) => s.getAttribute("data-mark") === "before").map((s) => s.getAttribute("data-chart")),
        timeline: [...document.querySelectorAll('[data-chart="timeline"] img')].map((i) => i.getAttribute("src")),
      }));
      expect(after.kept).toBe(true);
      expect(after.marked.sort()).toEqual(manifest.charts.map((c) => c.id).filter((id) => id !== "timeline").sort());
      for (const src of after.timeline) expect(src).toMatch(/^timeline(\.mobile)?\.svg\?v=\d+$/);
      await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('[data-chart="timeline"] img')].every((i) => i.complete && i.naturalWidth > 0));
      expect(errors.filter((e) => !e.startsWith("request failed:"))).toEqual([]);
    } finally {
      await page.close();
      await live.close();
    }
  });

  it("a page inlining every chart's SVG has no duplicate id and no console error", async () => {
    const { page, errors } = await open(1280);
    await page.setContent(inlinePage(), { waitUntil: "load" });
    const { count, duplicates, labelled } = await page.evaluate(() => {
      const ids = [...document.querySelectorAll("[id]")].map((e) => e.id);
      const svgs = [...document.querySelectorAll("main svg[role=img]")];
      return {
        count: svgs.length,
        duplicates: ids.filter((id, i) => ids.indexOf(id) !== i),
        // Every chart's accessible name resolves to its own title and description.
        labelled: svgs.every((s) => s.getAttribute("aria-labelledby")!.split(" ").every((id) => document.getElementById(id)?.closest("svg") === s)),
      };
    });
    expect(count).toBe(manifest.charts.length * 2);
    expect(duplicates).toEqual([]);
    expect(labelled).toBe(true);
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(shots, "inline.png"), fullPage: true });
    await page.close();
  });

  it("an inlined chart switches to its dark colours on a dark page", async () => {
    const page = await browser.newPage({ viewport: { width: 700, height: 900 }, colorScheme: "dark" });
    const svg = published("death-claims.svg");
    await page.setContent(`<!DOCTYPE html><html lang="en"><head><title>Dark</title></head><body style="background:#161616;margin:0">${svg}</body></html>`);
    const colours = await page.evaluate(() => ({
      background: getComputedStyle(document.querySelector(".sc-bg")!).fill,
      headline: getComputedStyle(document.querySelector("svg > g text")!).fill,
      muted: getComputedStyle(document.querySelector(".sc-muted text")!).fill,
    }));
    expect(colours).toEqual({ background: "rgb(22, 22, 22)", headline: "rgb(240, 240, 240)", muted: "rgb(179, 179, 179)" });
    await page.screenshot({ path: join(shots, "dark.png") });
    await page.close();
  });

  it("an embed snippet shows the mobile artboard at 360 px and the desktop one at 1024 px", async () => {
    const chart = manifest.charts.find((c) => c.id === "death-claims")!;
    const snippet = published(chart.files.embed);
    const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><base href="${server.url}"><title>Story</title></head><body><main><h1>Story</h1><p>Text.</p>${snippet}</main></body></html>`;
    for (const [width, shown, hidden] of [[360, chart.files.mobile, chart.files.desktop], [1024, chart.files.desktop, chart.files.mobile]] as const) {
      const { page, errors } = await open(width);
      await page.setContent(html, { waitUntil: "networkidle" });
      const state = await page.$$eval("figure.storychart img", (imgs) =>
        Object.fromEntries(imgs.map((img) => [img.getAttribute("src")!.split("/").pop(), img.getBoundingClientRect().width > 0 && (img as HTMLImageElement).naturalWidth > 0])));
      expect(state[shown], `${shown} should show at ${width} px`).toBe(true);
      expect(state[hidden], `${hidden} should be hidden at ${width} px`).toBe(false);
      expect(errors).toEqual([]);
      await page.screenshot({ path: join(shots, `embed-${width}.png`), fullPage: true });
      await page.close();
    }
  });

  it("axe finds no accessibility violation in the gallery or the inlined page", async () => {
    // The preview's content security policy would block axe's injected script, which is no part of the page.
    const gallery = await open(1280, { bypassCSP: true });
    await gallery.page.goto(server.url, { waitUntil: "networkidle" });
    expect(await axe(gallery.page)).toEqual([]);
    await gallery.page.close();
    const inline = await open(1280);
    await inline.page.setContent(inlinePage(), { waitUntil: "load" });
    expect(await axe(inline.page)).toEqual([]);
    await inline.page.close();
  });
});
