// Id renaming: every id becomes <prefix>-<n> and only real references follow
// it (url(#…), href="#…", aria id lists); colours and text that look like a
// reference stay as they are, and a chart keeps its accessible name.
import { JSDOM } from "jsdom";
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import { drawChart } from "../src/chart/draw-chart.ts";
import { prefixIds } from "../src/chart/ids.ts";
import { labelledBars } from "../src/chart/marks/labelled-bars.ts";
import type { ChartSpec } from "../src/chart/spec.ts";
import { ARTBOARDS } from "../src/chart/theme.ts";
import { resolveLedger } from "../src/ledger/entries.ts";

const SVG = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"';

/** The SVG text parsed as XML, renamed, and read back. */
function renamed(body: string, prefix = "c", rootAttrs = ""): { svg: Element; text: string; byId: (id: string) => Element | null } {
  const { window } = new JSDOM(`<svg ${SVG} ${rootAttrs}>${body}</svg>`, { contentType: "image/svg+xml" });
  const svg = window.document.documentElement;
  prefixIds(svg, prefix);
  return { svg, text: new window.XMLSerializer().serializeToString(svg), byId: (id) => svg.querySelector(`[id="${id.replace(/["\\]/g, "\\$&")}"]`) };
}

const attr = (svg: Element, selector: string, name: string) => svg.querySelector(selector)!.getAttribute(name);

describe("prefixIds", () => {
  it("leaves a colour #fed, and text reading #fed, alone when an id is fed", () => {
    const { svg } = renamed(`
      <defs><clipPath id="fed"><rect width="1" height="1"/></clipPath></defs>
      <rect class="r" fill="#fed" stroke="#FED" clip-path="url(#fed)" style="fill: #fed; clip-path: url(#fed)"/>
      <style>.r { fill: #fed; } #fed { stroke: #fed; }</style>
      <text aria-label="#fed and url(#fed)">#fed</text>`);
    expect(attr(svg, "clipPath", "id")).toBe("c-1");
    expect(attr(svg, ".r", "fill")).toBe("#fed");
    expect(attr(svg, ".r", "stroke")).toBe("#FED");
    expect(attr(svg, ".r", "clip-path")).toBe("url(#c-1)");
    expect(attr(svg, ".r", "style")).toBe("fill: #fed; clip-path: url(#c-1)");
    expect(svg.querySelector("style")!.textContent).toBe(".r { fill: #fed; } #fed { stroke: #fed; }");
    expect(attr(svg, "text", "aria-label")).toBe("#fed and url(#fed)");
    expect(svg.querySelector("text")!.textContent).toBe("#fed");
  });

  it("keeps a chart's title and description ids, and its aria-labelledby, when the prefix starts with plot-", () => {
    const { svg, byId } = renamed(`
      <title id="plot-sales-title">Sales</title><desc id="plot-sales-desc">Bars</desc>
      <defs><clipPath id="plot-clip-3"><rect/></clipPath><pattern id="plot-pattern-1"/></defs>
      <rect clip-path="url(#plot-clip-3)" fill="url(#plot-pattern-1)"/>`, "plot-sales", 'aria-labelledby="plot-sales-title plot-sales-desc"');
    const labels = svg.getAttribute("aria-labelledby")!;
    expect(labels.split(" ").map((id) => byId(id)?.localName)).toEqual(["title", "desc"]);
    expect(svg.getAttribute("aria-labelledby")).toBe("plot-sales-title plot-sales-desc");
    expect([...svg.querySelectorAll("[id]")].map((e) => e.id)).toEqual(["plot-sales-title", "plot-sales-desc", "plot-sales-1", "plot-sales-2"]);
    expect(attr(svg, "rect[fill]", "clip-path")).toBe("url(#plot-sales-1)");
    expect(attr(svg, "rect[fill]", "fill")).toBe("url(#plot-sales-2)");
  });

  it("a finished chart whose id starts with plot keeps its accessible name", () => {
    const ledger = resolveLedger({
      figures: [{ kind: "stated", id: "f", seed: "none", quote: "none", value: 1, qualifier: "exact", unit: "items", claimant: "Officials", subject: "s", measure: "m" }],
      events: [], places: [],
    });
    const spec: ChartSpec = {
      table: "t", kind: "Bar chart", headline: "Sales by region", height: { desktop: 120, mobile: 120 },
      plot: (rows, ctx) => {
        const bars = labelledBars(rows, { label: (d) => String(d.label), value: (d) => Number(d.value), valueText: (d) => String(d.value), color: () => ctx.color("Officials"), width: ctx.width, fontSize: ctx.artboard.body.size });
        return { ...bars.options, marks: bars.marks };
      },
      describeRow: (d) => String(d.label),
    };
    for (const id of ["plot", "plot-sales"]) {
      const { svg } = drawChart(
        { id, spec, rows: [{ label: "North", value: 1, figure_id: "f" }], columns: ["label", "value", "figure_id"], ledger, article: { credit: "teleSUR/EFE", date: "2 June 2025" } },
        ARTBOARDS.desktop,
      );
      const ids = new Map<string, string>();
      let labelledby = "";
      const parser = new SaxesParser();
      parser.on("opentag", (t) => {
        if (typeof t.attributes.id === "string") ids.set(t.attributes.id, t.name);
        if (t.name === "svg") labelledby = String(t.attributes["aria-labelledby"]);
      });
      parser.write(svg).close();
      expect(labelledby.split(" ").map((ref) => ids.get(ref)), id).toEqual(["title", "desc"]);
    }
  });

  it("rewrites url() in every CSS-valued attribute, href and xlink:href, and aria id lists", () => {
    const { svg, byId } = renamed(`
      <defs><linearGradient id="a"/><marker id="m"/><mask id="k"/><filter id="f"/><clipPath id="p"/></defs>
      <rect class="paint" fill="url(#a)" stroke="url('#a')" mask='url("#k")' filter="URL( #f )" clip-path="url(#p)" marker-start="url(#m)" marker-mid="url(#m)" marker-end="url(#m)"/>
      <rect class="missing" fill="url(#nowhere) #fed" stroke="url(#a-b)"/>
      <use class="u1" href="#a"/><use class="u2" xlink:href="#m"/><use class="u3" href="other.svg#a"/>
      <g class="aria" aria-labelledby="a  m" aria-describedby="k" aria-controls="f nowhere" aria-owns="p" aria-flowto="a" aria-activedescendant="m" aria-label="a m"/>`);
    expect([...svg.querySelectorAll("[id]")].map((e) => e.id)).toEqual(["c-1", "c-2", "c-3", "c-4", "c-5"]);
    const paint = svg.querySelector(".paint")!;
    expect(Object.fromEntries([...paint.attributes].map((a) => [a.name, a.value]))).toEqual({
      class: "paint", fill: "url(#c-1)", stroke: "url('#c-1')", mask: 'url("#c-3")', filter: "url(#c-4)", "clip-path": "url(#c-5)",
      "marker-start": "url(#c-2)", "marker-mid": "url(#c-2)", "marker-end": "url(#c-2)",
    });
    expect(attr(svg, ".missing", "fill")).toBe("url(#nowhere) #fed");
    expect(attr(svg, ".missing", "stroke")).toBe("url(#a-b)");
    expect(attr(svg, ".u1", "href")).toBe("#c-1");
    expect(svg.querySelector(".u2")!.getAttributeNS("http://www.w3.org/1999/xlink", "href")).toBe("#c-2");
    expect(attr(svg, ".u3", "href")).toBe("other.svg#a");
    const aria = svg.querySelector(".aria")!;
    expect(aria.getAttribute("aria-labelledby")).toBe("c-1  c-2");
    expect(aria.getAttribute("aria-describedby")).toBe("c-3");
    expect(aria.getAttribute("aria-controls")).toBe("c-4 nowhere");
    expect(aria.getAttribute("aria-owns")).toBe("c-5");
    expect(aria.getAttribute("aria-flowto")).toBe("c-1");
    expect(aria.getAttribute("aria-activedescendant")).toBe("c-2");
    expect(aria.getAttribute("aria-label")).toBe("a m");
    expect(byId("c-1")!.localName).toBe("linearGradient");
  });

  it("rewrites url() in style attributes and <style> text, not in CSS comments or strings", () => {
    const { svg } = renamed(`
      <clipPath id="clip"/><pattern id="hatch"/>
      <rect style="clip-path:url(#clip);fill:url( 'hatch' );stroke:url(&quot;#hatch&quot;);color:#fed"/>
      <style>.x { fill: url(#hatch); clip-path: url(#clip) } /* url(#clip) */ .y::after { content: "url(#clip)"; }</style>`);
    expect(attr(svg, "rect", "style")).toBe(`clip-path:url(#c-1);fill:url( 'hatch' );stroke:url("#c-2");color:#fed`);
    expect(svg.querySelector("style")!.textContent).toBe(`.x { fill: url(#c-2); clip-path: url(#c-1) } /* url(#clip) */ .y::after { content: "url(#clip)"; }`);
  });

  it("handles ids with dots, colons, spaces, regex and replacement characters, and CSS escapes", () => {
    const odd = ["a.b", "x:y", "with space", "$&", "(paren)", "a\\b", "#hash", "url(#a)", "a", "é-ü"];
    const defs = odd.map((id) => `<clipPath id="${id.replace(/&/g, "&amp;")}"/>`).join("");
    const { svg } = renamed(`<defs>${defs}</defs>
      <rect class="r1" clip-path="url(#a\\.b)" fill="url(&quot;#x:y&quot;)" stroke="url('#with space')"/>
      <rect class="r2" clip-path="url(&quot;#$&amp;&quot;)" fill="url(#\\(paren\\))" stroke="url('#a\\\\b')" mask="url(#\\23 hash)"/>
      <rect class="r3" clip-path="url(#a)" fill="url(#\\61)" stroke="url(#é-ü)" mask="url(#with%20space)"/>
      <use class="u" href="#with space"/><g class="g" aria-labelledby="a.b x:y $&amp;"/>`, "p");
    expect([...svg.querySelectorAll("clipPath")].map((e) => e.id)).toEqual(odd.map((_, i) => `p-${i + 1}`));
    const n = (id: string) => `p-${odd.indexOf(id) + 1}`;
    expect(attr(svg, ".r1", "clip-path")).toBe(`url(#${n("a.b")})`);
    expect(attr(svg, ".r1", "fill")).toBe(`url("#${n("x:y")}")`);
    expect(attr(svg, ".r1", "stroke")).toBe(`url('#${n("with space")}')`);
    expect(attr(svg, ".r2", "clip-path")).toBe(`url("#${n("$&")}")`);
    expect(attr(svg, ".r2", "fill")).toBe(`url(#${n("(paren)")})`);
    expect(attr(svg, ".r2", "stroke")).toBe(`url('#${n("a\\b")}')`);
    expect(attr(svg, ".r2", "mask")).toBe(`url(#${n("#hash")})`);
    expect(attr(svg, ".r3", "clip-path")).toBe(`url(#${n("a")})`);
    expect(attr(svg, ".r3", "fill")).toBe(`url(#${n("a")})`);
    expect(attr(svg, ".r3", "stroke")).toBe(`url(#${n("é-ü")})`);
    expect(attr(svg, ".r3", "mask")).toBe(`url(#${n("with space")})`);
    expect(attr(svg, ".u", "href")).toBe(`#${n("with space")}`);
    expect(attr(svg, ".g", "aria-labelledby")).toBe(`${n("a.b")} ${n("x:y")} ${n("$&")}`);
  });

  it("writes a new name that is not a bare CSS identifier as a quoted url()", () => {
    const { svg } = renamed(`<clipPath id="k"/><rect clip-path="url(#k)" fill="url('#k')"/>`, "odd (prefix)");
    expect(attr(svg, "rect", "clip-path")).toBe(`url("#odd (prefix)-1")`);
    expect(attr(svg, "rect", "fill")).toBe(`url('#odd (prefix)-1')`);
  });

  it("renames the root's own id and a repeated id's references to its first element; running twice changes nothing", () => {
    const body = `<g id="dup"/><g id="dup"/><rect fill="url(#dup)"/><rect fill="url(#top)"/>`;
    const once = renamed(body, "c", 'id="top"');
    expect(once.svg.id).toBe("c-1");
    expect([...once.svg.querySelectorAll("g")].map((g) => g.id)).toEqual(["c-2", "c-3"]);
    expect([...once.svg.querySelectorAll("rect")].map((r) => r.getAttribute("fill"))).toEqual(["url(#c-2)", "url(#c-1)"]);
    const { window } = new JSDOM(once.text, { contentType: "image/svg+xml" });
    prefixIds(window.document.documentElement, "c");
    expect(new window.XMLSerializer().serializeToString(window.document.documentElement)).toBe(once.text);
  });
});
