// Hostile text through rendering and finishing. Labels, headlines, notes and
// claimants come from people and from articles: whatever they hold, the
// published SVG must parse, keep text as text, stay inside the allowlist,
// keep its ids unique, and be the same bytes when drawn twice.
//
// FC_RUNS sets the number of cases (1,000 by default; the longer run in the
// README uses 20,000). FC_SEED replays a failure fast-check reports.
import fc from "fast-check";
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import { checkSvg } from "../src/chart/allowlist.ts";
import type { ChartSpec } from "../src/chart/spec.ts";
import { drawChart, xmlSafe } from "../src/chart/draw-chart.ts";
import { formatNumber } from "../src/chart/format.ts";
import { resolveLedger } from "../src/ledger/entries.ts";
import { labelledBars } from "../src/chart/marks/labelled-bars.ts";
import { findMentions } from "../src/ledger/numbers.ts";
import { ChartError } from "../src/chart/render.ts";
import { ARTBOARDS } from "../src/chart/theme.ts";

const RUNS = Number(process.env.FC_RUNS ?? 1000);
const SEED = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);

const nasty = fc.constantFrom(
  "<script>alert(1)</script>", "</svg><script>", "]]>", "&amp; & &lt;", `"' \``, "<!-- -->", "<![CDATA[x]]>",
  "javascript:alert(1)", "url(https://example.com/x.png)", "<a href='https://example.com'>x</a>",
  "مرحبا بالعالم", "שלום עולם", "\u202Eevil\u202C", "👩‍👩‍👧‍👦🇺🇦", "e\u0301\u0301\u0301\u0301", "Z̷̧̛a̸l̵g̴o̶",
  "\u0000\u0001\u0008\u000B\u001F\u007F", "\uD800 lone", "tab\tand\nnewline", "  spaced   out  ", "",
);
const giant = fc.constantFrom("x".repeat(10_000), "مرحبا ".repeat(1700), "😀".repeat(3000), "<b>".repeat(2500));
const text = fc.oneof(
  { weight: 40, arbitrary: fc.string({ unit: "grapheme", maxLength: 60 }) },
  { weight: 20, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 30, arbitrary: nasty },
  // A 10,000-character label now and then: a few cases in a hundred.
  { weight: 1, arbitrary: giant },
);
// Numbers in a chart's words must trace to the ledger; most cases leave digits out so they draw.
const words = fc.oneof({ weight: 4, arbitrary: text.map((s) => s.replace(/[0-9]/g, "")) }, { weight: 1, arbitrary: text });
const number = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 1e308, -1e308, 5e-324, 1e-300, 123456789.123),
  fc.integer({ min: -1000, max: 1000 }),
);
const row = fc.record({ label: text, value: number });

interface Case {
  headline: string;
  subtitle: string;
  note: string;
  legend: string;
  claimant: string;
  measure: string;
  rows: { label: string; value: number }[];
  mobile: boolean;
}

const cases = fc.record<Case>({
  headline: words, subtitle: words, note: words, legend: words, claimant: text, measure: text,
  rows: fc.array(row, { minLength: 1, maxLength: 8 }), mobile: fc.boolean(),
});

/** The SVG as an XML reader sees it: its title, description, text elements and element names. */
function readBack(svg: string): { title: string; desc: string; texts: string[]; elements: Set<string> } {
  const out = { title: "", desc: "", texts: [] as string[], elements: new Set<string>() };
  const parser = new SaxesParser({ xmlns: true });
  const open: string[] = [];
  parser.on("opentag", (t) => {
    open.push(t.local);
    out.elements.add(t.local);
    if (t.local === "text") out.texts.push("");
  });
  parser.on("closetag", () => open.pop());
  parser.on("text", (t) => {
    const inside = open.at(-1);
    if (inside === "title" && open.length === 2) out.title += t;
    else if (inside === "desc" && open.length === 2) out.desc += t;
    else if (open.includes("text")) out.texts[out.texts.length - 1] += t;
  });
  parser.write(svg).close();
  return out;
}

function draw(c: Case) {
  const ledger = resolveLedger({
    figures: [{ kind: "stated", id: "hostile", seed: "none", quote: "none", value: 1, qualifier: "exact", unit: "items", claimant: c.claimant, subject: "s", measure: c.measure }],
    events: [], places: [],
  });
  const spec: ChartSpec = {
    table: "hostile", kind: "Bar chart", headline: c.headline, subtitle: c.subtitle, height: { desktop: 200, mobile: 240 },
    plot: (rows, ctx) => {
      const bars = labelledBars(rows, {
        label: (d) => String(d.label), value: (d) => Number(d.value), valueText: (d) => formatNumber(Number(d.value)),
        color: () => ctx.color(c.claimant), width: ctx.width, fontSize: ctx.artboard.body.size,
      });
      return { ...bars.options, marks: bars.marks };
    },
    legend: () => [{ label: c.legend, color: "#0072B2" }],
    notes: () => [c.note],
    describeRow: (d) => String(d.label),
  };
  const rows = c.rows.map((r) => ({ ...r, figure_id: "hostile" }));
  return drawChart(
    { id: "hostile-chart", spec, rows, columns: ["label", "value", "figure_id"], ledger, article: { credit: "teleSUR/EFE", date: "2 June 2025" } },
    ARTBOARDS[c.mobile ? "mobile" : "desktop"],
  );
}

describe("hostile text", () => {
  it(`survives rendering and finishing (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(cases, (c) => {
        let drawn: ReturnType<typeof draw>;
        try {
          drawn = draw(c);
        } catch (error) {
          // The two refusals allowed: words holding a character a reader cannot see (a bidi control,
          // a zero-width or control character, a mark over a digit), and words stating a number the ledger does not hold.
          expect(error).toBeInstanceOf(ChartError);
          const message = (error as ChartError).message;
          const wordsOf = [c.headline, c.subtitle, c.note, c.legend];
          if (/drew what no number can place/.test(message)) {
            // Values whose spread no double can hold (±1e308), or whose printed value is wider than the
            // artboard leaves for the bars: refused, never drawn with every bar wrong.
            const values = c.rows.map((r) => r.value);
            expect(Math.max(...values) - Math.min(...values) > 1e300 || values.some((v) => formatNumber(v).length > 12)).toBe(true);
          } else if (/runs past the (left|right) edge|lies [\d,]+ px outside the chart's width|its labels need [\d,]+ px of margins/.test(message)) {
            // A negative value draws its bar left of the axis, off the artboard; a label wider than the
            // artboard cannot fit either. Refused, never published cut off.
            expect(c.rows.some((r) => r.value < 0 || r.label.length > 20)).toBe(true);
          } else if (/changes what a reader sees/.test(message)) {
            expect(wordsOf.some((w) => /[\p{Cf}\p{Zl}\p{Zp}\p{Co}\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\p{Nd}\p{M}/u.test(w))).toBe(true);
          } else {
            // A number typed into the words: one no figure holds, or one a figure holds, which must be named instead.
            expect(message).toMatch(/which no figure in the ledger holds|as text, where a figure of the ledger holds it/);
            expect(wordsOf.some((w) => findMentions(w).some((m) => m.value !== null))).toBe(true);
          }
          return;
        }
        const svg = drawn.svg;
        // Parses, stays inside the allowlist, unique ids, nothing from outside the file.
        expect(checkSvg(svg)).toEqual([]);
        const doc = readBack(svg);
        // Text stays text: the title is the headline, character for character, less what XML cannot carry.
        expect(doc.title).toBe(xmlSafe(c.headline));
        expect(doc.desc).toContain(xmlSafe(c.claimant));
        for (const tag of ["script", "a", "foreignObject", "image", "use", "iframe"]) expect(doc.elements.has(tag)).toBe(false);
        // Every label drawn is in the file as text, whatever it holds.
        const drawnText = doc.texts.join("\n");
        for (const r of c.rows) {
          const label = xmlSafe(r.label).split("\n")[0]!.trim();
          if (label !== "" && label.length < 200) expect(drawnText).toContain(label);
        }
        // The same input draws the same bytes.
        expect(draw(c).svg).toBe(svg);
      }),
      { numRuns: RUNS, seed: SEED, verbose: 1 },
    );
  }, 600_000);
});

describe("chart words are read as a reader sees them", () => {
  const base: Case = { headline: "", subtitle: "", note: "", legend: "", claimant: "county office", measure: "residents", rows: [{ label: "a", value: 1 }], mobile: false };
  const refusal = (c: Partial<Case>) => {
    try {
      draw({ ...base, ...c });
    } catch (error) {
      expect(error).toBeInstanceOf(ChartError);
      return (error as ChartError).message;
    }
    return null;
  };

  it("refuses bidi controls, zero-width and control characters, and marks over digits, naming the words and the character", () => {
    expect(refusal({ headline: "Roughly \u202e005\u202c residents" })).toBe(
      "the headline holds U+202E (RIGHT-TO-LEFT OVERRIDE) at character 9; the headline holds U+202C (POP DIRECTIONAL FORMATTING) at character 13: it changes what a reader sees without showing itself, so the numbers in the words cannot be checked as read",
    );
    expect(refusal({ subtitle: "5\u200b0\u200b0 residents" })).toMatch(/^the subtitle holds U\+200B \(ZERO WIDTH SPACE\) at character 2; /);
    expect(refusal({ note: "1\u2066 residents" })).toMatch(/^the note 1 holds U\+2066 \(LEFT-TO-RIGHT ISOLATE\)/);
    expect(refusal({ legend: "1\u0336 resident" })).toMatch(/^the legend label 1 holds U\+0336 \(a combining mark drawn over a digit\)/);
    expect(refusal({ headline: "One\u0085resident" })).toMatch(/U\+0085 \(a control character\)/);
    // Emoji sequences, accents and keycaps draw as what they are: the keycap is read as the number 1, which the ledger
    // holds, so it must be named like any typed figure; nothing is refused as hidden.
    expect(refusal({ headline: "Families 👩‍👩‍👧‍👦, café, 1️⃣ resident" })).toBe('the headline types "1" as text, where a figure of the ledger holds it');
    expect(refusal({ headline: "Families 👩‍👩‍👧‍👦, café, résidents" })).toBeNull();
  });

  it("reads digits of every script, so a number the ledger does not hold cannot pass in other digits", () => {
    for (const headline of ["Roughly ９９９ residents", "٩٩ residents", "𝟗𝟗 residents", "५०० residents"]) {
      expect(refusal({ headline }), headline).toMatch(/which no figure in the ledger holds/);
    }
    // The ledger's figure is 1: written in full-width or Arabic-Indic digits, it is read as that figure, to be named.
    expect(refusal({ headline: "１ resident" })).toBe('the headline types "１" as text, where a figure of the ledger holds it');
    expect(refusal({ headline: "١ resident" })).toBe('the headline types "١" as text, where a figure of the ledger holds it');
  });
});

describe("values a scale cannot hold", () => {
  it("are refused, naming what was drawn, instead of a bar chart with every bar wrong", () => {
    const c: Case = { headline: "Values", subtitle: "", note: "", legend: "", claimant: "c", measure: "m", rows: [{ label: "a", value: 1e308 }, { label: "b", value: -1e308 }, { label: "c", value: 5 }], mobile: false };
    expect(() => draw(c)).toThrow(/the chart drew what no number can place: <rect> has a negative width \(-\d+\)/);
  });
});

