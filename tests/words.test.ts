// Chart words bound to figures: t`…` prints each figure's number from the
// ledger with the article's own qualifier, records which figures a line of
// words states, and leaves only what the notebook typed to the number check.
import * as Plot from "@observablehq/plot";
import { describe, expect, it } from "vitest";
import { drawChart } from "../src/chart/draw-chart.ts";
import { ARTBOARDS } from "../src/chart/theme.ts";
import { printWords, t, wordsOutline } from "../src/chart/words.ts";
import type { ChartSpec } from "../src/chart/spec.ts";
import type { Figure, Ledger } from "../src/ledger/index.ts";

function figure(f: Partial<Figure> & Pick<Figure, "id" | "value">): Figure {
  return {
    kind: "stated", seed: "s", quote: null, phrase: null, unit: "people", qualifier: "exact", low: null, high: null, claimant: "Officials",
    subject: "people", measure: "dead", as_of: null, derived_from: null, formula: null, note: null, ...f,
  } as Figure;
}

const figures = [
  figure({ id: "india-dead", value: 583, quote: "Chief secretary Vijay Bakaya said 583 people had died.", phrase: "583", claimant: "Chief secretary Vijay Bakaya" }),
  figure({ id: "pakistan-dead", value: 19136, quote: "So far 19,136 people have died, the minister said.", phrase: "19,136", claimant: "Interior Minister Aftab Sherpao" }),
  figure({ id: "distance", value: 300, unit: "km", quote: "Sumy lies just over 300 kilometers from Kyiv.", phrase: "300", qualifier: "at-least" }),
  figure({ id: "fleet-share", value: 1 / 3, unit: "share of fleet", quote: "roughly one-third of the bomber fleet", phrase: "one-third", qualifier: "approximate" }),
  figure({ id: "turnout-share", kind: "derived", value: 0.9137, unit: "share", seed: null, formula: "divide", qualifier: "exact" }),
  figure({ id: "turnout-percent", kind: "derived", value: 85.2, unit: "percent", seed: null, formula: "percent", qualifier: "exact" }),
];
const ledger = { figures, events: [], places: [], figure: (id: string) => figures.find((f) => f.id === id)! } as unknown as Ledger;

describe("t`…` words", () => {
  it("print each figure with the article's own qualifier words, and say which figures they state", () => {
    const printed = printWords(t`Pakistan counts ${"pakistan-dead"} dead, India ${"india-dead"}`, ledger, "the headline");
    expect(printed.text).toBe("Pakistan counts 19,136 dead, India 583");
    expect(printed.figures).toEqual(["pakistan-dead", "india-dead"]);
    expect(printWords(t`Kyiv to Sumy: ${"distance"} km`, ledger, "the headline").text).toBe("Kyiv to Sumy: just over 300 km");
    expect(printWords(t`${"fleet-share"} of the fleet`, ledger, "the headline").text).toBe("Roughly one-third of the fleet");
    expect(printWords(t`Losses: ${"fleet-share"}. ${"distance"} km away`, ledger, "the headline").text).toBe("Losses: roughly one-third. Just over 300 km away");
  });

  it("print a label's short form and a share as a percentage, its rounding said", () => {
    expect(printWords(t`${{ figure: "distance", as: "short" }} km`, ledger, "a note").text).toBe("300+ km");
    expect(printWords(t`${{ figure: "pakistan-dead", digits: 0 }} dead`, ledger, "a note").text).toBe("19,136 dead");
    expect(printWords(t`${{ figure: "turnout-share", digits: 2 }}`, ledger, "a note").text).toBe("About 0.91");
    expect(printWords(t`Turnout: ${{ figure: "turnout-share", as: "percent" }}`, ledger, "a note").text).toBe("Turnout: about 91%");
    expect(printWords(t`Turnout: ${{ figure: "turnout-share", as: "percent", digits: 2 }}`, ledger, "a note").text).toBe("Turnout: 91.37%");
    expect(printWords(t`Turnout: ${{ figure: "turnout-percent", as: "percent", digits: 1 }}`, ledger, "a note").text).toBe("Turnout: 85.2%");
    expect(printWords(t`Turnout: ${{ figure: "turnout-percent", as: "percent" }}`, ledger, "a note").text).toBe("Turnout: about 85%");
    expect(() => printWords(t`${{ figure: "india-dead", as: "percent" }}`, ledger, "the subtitle")).toThrow(/the subtitle prints "india-dead" \(583\) as a percentage, but it is not a share/);
  });

  it("refuse a figure the ledger does not hold, suggesting the nearest id", () => {
    expect(() => printWords(t`${"pakistan-deads"} dead`, ledger, "the headline")).toThrow(/the headline names the figure "pakistan-deads", which the ledger does not hold/);
    try {
      printWords(t`${"pakistan-deads"} dead`, ledger, "the headline");
    } catch (error) {
      expect((error as { fix: string }).fix).toMatch(/Did you mean "pakistan-dead"\?/);
    }
  });

  it("outline as the notebook wrote them, before any ledger", () => {
    expect(wordsOutline(t`Pakistan counts ${"pakistan-dead"} dead`)).toBe('Pakistan counts ${"pakistan-dead"} dead');
    expect(wordsOutline("plain words")).toBe("plain words");
  });
});

describe("a chart with t`…` words", () => {
  const rows = [{ country: "Pakistan", dead: 19136, figure_id: "pakistan-dead" }, { country: "India", dead: 583, figure_id: "india-dead" }];
  const spec = (headline: ChartSpec["headline"], notes: ChartSpec["notes"] = undefined): ChartSpec => ({
    table: "dead", kind: "Bar chart", headline, notes,
    plot: (data) => ({ marginLeft: 80, marks: [Plot.barX(data, { x: "dead", y: "country" })] }),
  });
  const draw = (s: ChartSpec) => drawChart({ id: "dead", spec: s, rows, columns: ["country", "dead", "figure_id"], ledger, article: { credit: "Example", date: "1 January 2025" } }, ARTBOARDS.desktop);

  it("prints the figures into the SVG and the alt text, and records which figures each line states", () => {
    const drawn = draw(spec(t`Pakistan counts ${"pakistan-dead"} dead, India ${"india-dead"}`, () => [t`India's count: ${"india-dead"}`]));
    expect(drawn.headline).toBe("Pakistan counts 19,136 dead, India 583");
    expect(drawn.svg).toContain("Pakistan counts 19,136 dead, India 583");
    expect(drawn.alt).toContain("Pakistan counts 19,136 dead, India 583");
    expect(drawn.stated).toEqual({ headline: ["pakistan-dead", "india-dead"], subtitle: [], notes: [["india-dead"]], events: [], drawn: ["pakistan-dead", "india-dead"] });
  });

  it("refuses a number a figure holds typed as text: a swapped headline cannot build", () => {
    expect(() => draw(spec("Pakistan counts 583 dead, India 19,136"))).toThrow(
      'the headline types "583"; the headline types "19,136" as text, where a figure of the ledger holds it',
    );
    try {
      draw(spec("Pakistan counts 583 dead, India 19,136"));
    } catch (error) {
      expect((error as { fix: string }).fix).toBe('Name the figure instead, so the ledger prints its number and qualifier: t`… ${"india-dead"} …`, with the t tag from src/index.ts');
    }
    expect(() => draw(spec("A quake in the north", () => ["India's count is 583."]))).toThrow(/note 1 types "583" as text/);
    // Dates (checked against the ledger's events instead), the word "one" and the chart's own scales are not figures to name.
    const dated = { ...ledger, events: [{ id: "count-day", label: "Counts", date: "2025-06-02", precision: "day", basis: "external", source: "test", claimant: "Officials" }] } as unknown as Ledger;
    const chart = drawChart({ id: "dead", spec: { ...spec("Counts from 2 June 2025, one country at a time"), scales: [10] }, rows, columns: ["country", "dead", "figure_id"], ledger: dated, article: { credit: "Example", date: "1 January 2025" } }, ARTBOARDS.desktop);
    expect(chart.headline).toBe("Counts from 2 June 2025, one country at a time");
  });

  it("still checks what the notebook typed: a number outside the figures fails", () => {
    expect(() => draw(spec(t`Pakistan counts ${"pakistan-dead"} dead, India 580`))).toThrow(/the chart's words state "580", which no figure in the ledger holds/);
  });
});
