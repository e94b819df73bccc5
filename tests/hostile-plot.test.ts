// finishPlot against hostile and unusual charts: nothing a chart's options
// say may hide its labels or let them run together without a refusal.
import * as Plot from "@observablehq/plot";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { finishPlot, type PlotWords } from "../src/index.ts";

const words: PlotWords = { headline: "Test chart", source: "storycharts tests" };
const rows = [{ name: "Apples", count: 12 }, { name: "Pears", count: 7 }];

function parse(svg: string): Element {
  return new JSDOM(svg, { contentType: "image/svg+xml" }).window.document.documentElement;
}

describe("many categories on a band x axis", () => {
  it("thins the tick labels to a readable few when a band is narrower than a pixel", async () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ name: `Category ${i}`, count: i }));
    const { svg, notices } = await finishPlot({ marks: [Plot.barY(many, { x: "name", y: "count" })] }, words);
    expect(notices).toEqual([expect.stringMatching(/^every \d+th x-axis label is shown, so that they do not run together$/)]);
    const labels = [...parse(svg).querySelectorAll("text")].filter((t) => /^Category \d+$/.test(t.textContent ?? ""));
    expect(labels.length).toBeGreaterThan(1);
    expect(labels.length).toBeLessThan(12);
  });
});

describe("the chart's classes cannot borrow the house's", () => {
  it.each(["sc-bg", "sc-bg-stroke"])("a mark whose className is %s is not painted in the background's colour by the house rule of that name", async (className) => {
    const { svg } = await finishPlot({ marks: [Plot.barY(rows, { x: "name", y: "count", fill: "#0072B2" }), Plot.text(rows, { x: "name", y: "count", text: "count", className })] }, words);
    const plot = parse(svg);
    // The house's classes belong to what finishing draws itself: the background.
    for (const e of plot.querySelectorAll(`[class~="${className}"]`)) {
      expect(e === plot || (e.localName === "rect" && e.parentElement === plot) ? "house" : e.outerHTML.slice(0, 80)).toBe("house");
    }
  });
});

describe("the chart's font size", () => {
  it.each(["0px", "0.5px"])("font-size %s, which would hide every label, is refused", async (fontSize) => {
    await expect(finishPlot({ style: `font-size: ${fontSize}`, marks: [Plot.barY(rows, { x: "name", y: "count" })] }, words)).rejects.toMatchObject({
      name: "ChartError", message: expect.stringMatching(/font size/),
    });
  });

  it("a text mark whose fontSize is 0 is refused, naming the mark", async () => {
    await expect(finishPlot({ marks: [Plot.barY(rows, { x: "name", y: "count" }), Plot.text(rows, { x: "name", y: "count", text: "count", fontSize: 0 })] }, words)).rejects.toMatchObject({
      name: "ChartError", message: expect.stringMatching(/text mark's font size is 0/),
    });
  });
});

describe("sizes past any page", () => {
  // Each of these ran Node out of memory (about 4 GB) or drew for a minute before it was refused.
  it.each([
    [{ height: 1e7 }, /the chart's height is 10000000 px, past the 20000 px a page can show/],
    [{ width: 1e9 }, /the chart's width is 1000000000 px, past the 4000 px any page can show/],
    [{ y: { ticks: 1e6 } }, /the y scale asks for 1000000 ticks, more than the 1000 a reader could tell apart/],
  ] as [Plot.PlotOptions, RegExp][])("%o is refused before drawing", async (options, message) => {
    await expect(finishPlot({ ...options, marks: [Plot.dot([{ x: 1, y: 2 }], { x: "x", y: "y" })] }, { headline: "Sizes", source: "Tests" })).rejects.toThrow(message);
  });
});
