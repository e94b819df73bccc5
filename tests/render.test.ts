// storycharts render, run for real in a temporary copy of the project: any
// module's Plot options drawn with the house finishing, to stdout or files.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkSvg } from "../src/chart/allowlist.ts";
import { ARTBOARDS } from "../src/chart/theme.ts";
import { tempProject, type TempProject } from "./helpers/temp-project.ts";

const lines = (s: string) => s.trimEnd().split("\n");
const drawingWidth = (a: keyof typeof ARTBOARDS) => ARTBOARDS[a].width - 2 * ARTBOARDS[a].padding;

const BARS = `import * as Plot from "@observablehq/plot";

const fruit = [
  { name: "Apples", count: 12 },
  { name: "Pears", count: 7 },
  { name: "Plums", count: 3 },
];
console.log("this goes to stderr, not into the SVG");

export const words = {
  source: "A made-up orchard survey",
  default: { headline: "Apples outnumber pears", subtitle: "Fruit counted, by kind" },
  squares: { headline: "Squares grow fast" },
};

export default {
  y: { grid: true },
  marks: [Plot.barY(fruit, { x: "name", y: "count", fill: "#0072B2", tip: true }), Plot.ruleY([0])],
};

export const squares = ({ width }: { width: number }) => ({
  marks: [Plot.lineY([0, 1, 2, 3].map((i) => ({ i, v: i * i })), { x: "i", y: "v" }), Plot.text([\`drawn \${width} wide\`], { frameAnchor: "top" })],
});

export const notChart = 42;
`;

describe("storycharts render", () => {
  let project: TempProject;
  let outside: string;
  const write = (name: string, text: string, dir?: string) => {
    const path = join(dir ?? project.dir, name);
    mkdirSync(join(path, ".."), { recursive: true });
    writeFileSync(path, text);
    return path;
  };
  beforeAll(() => {
    project = tempProject();
    outside = mkdtempSync(join(tmpdir(), "storycharts-render-outside-"));
    write("plots/bars.ts", BARS);
  });
  afterAll(() => {
    project.remove();
    rmSync(outside, { recursive: true, force: true });
  });

  it("draws a module's default export as one SVG on stdout that passes the allowlist, with the summary on stderr", () => {
    const r = project.run("render", "plots/bars.ts");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.startsWith("<svg")).toBe(true);
    expect(r.stdout.trimEnd().endsWith("</svg>")).toBe(true);
    expect(checkSvg(r.stdout)).toEqual([]);
    expect(r.stdout).toContain("Pears");
    expect(r.stdout).not.toContain("this goes to stderr");
    const err = lines(r.stderr);
    expect(err).toContain("this goes to stderr, not into the SVG");
    // finishPlot's notices, one line each, naming the module and export.
    expect(err.filter((l) => /^plots\/bars\.ts: default: the tip mark was dropped\b/.test(l))).toHaveLength(1);
    expect(err.at(-1)).toMatch(/^render: plots\/bars\.ts → stdout \(desktop 640×\d+\)$/);
  });

  it("draws a module whose folder and file name hold a * (a pattern to esbuild, a name here)", () => {
    const file = write("draft*s/bars*.ts", BARS, outside);
    // A file a pattern would also match: drawing it instead, or both, would be wrong.
    write("draft*s/bars-other.ts", "export default { marks: [] };\n", outside);
    const r = project.run("render", file);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.startsWith("<svg")).toBe(true);
    expect(r.stdout).toContain("Pears");
  });

  it("--export picks a named export; an unknown name lists the exports", () => {
    const named = project.run("render", "plots/bars.ts", "--export", "squares");
    expect(named.status, named.stderr).toBe(0);
    expect(named.stdout).toContain(`drawn ${drawingWidth("desktop")} wide`);
    expect(named.stdout).not.toContain("Pears");
    expect(checkSvg(named.stdout)).toEqual([]);

    const unknown = project.run("render", "plots/bars.ts", "--export", "apples");
    expect(unknown.status).toBe(1);
    expect(unknown.stdout).toBe("");
    expect(lines(unknown.stderr).at(-1)).toBe("plots/bars.ts: apples: the module has no such export (it exports default, squares). Pick one of those with --export NAME");
  });

  it("a function export receives the artboard's drawing width, and the module's height when it exports one", () => {
    write("plots/sized.ts", `import * as Plot from "@observablehq/plot";
export const words = { headline: "Sized", source: "Test" };
export const height = { desktop: 210, mobile: 330 };
export default ({ width, height }: { width: number; height?: number }) => ({
  marks: [Plot.text([\`width \${width} height \${height}\`], { frameAnchor: "middle" })],
});
`);
    write("plots/unsized.mjs", `import * as Plot from "@observablehq/plot";
export const words = { headline: "Unsized", source: "Test" };
export default ({ width, height }) => ({ marks: [Plot.text([\`width \${width} height \${height}\`], { frameAnchor: "middle" })] });
`);
    const desktop = project.run("render", "plots/sized.ts");
    expect(desktop.status, desktop.stderr).toBe(0);
    expect(desktop.stdout).toContain(`width ${drawingWidth("desktop")} height 210`);
    const mobile = project.run("render", "plots/sized.ts", "--artboard", "mobile");
    expect(mobile.status, mobile.stderr).toBe(0);
    expect(mobile.stdout).toContain(`width ${drawingWidth("mobile")} height 330`);
    expect(lines(mobile.stderr).at(-1)).toMatch(/^render: plots\/sized\.ts → stdout \(mobile 320×\d+\)$/);
    const unsized = project.run("render", "plots/unsized.mjs");
    expect(unsized.status, unsized.stderr).toBe(0);
    expect(unsized.stdout).toContain(`width ${drawingWidth("desktop")} height undefined`);
  });

  it("--artboard both --out x.svg --png writes the two artboards and the PNG, and nothing else", () => {
    const dir = join(project.dir, "out-both");
    mkdirSync(dir);
    const r = project.run("render", "plots/bars.ts", "--artboard", "both", "--out", "out-both/x.svg", "--png");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe("");
    expect(readdirSync(dir).sort()).toEqual(["x.mobile.svg", "x.png", "x.svg"]);
    const desktop = readFileSync(join(dir, "x.svg"), "utf8");
    const mobile = readFileSync(join(dir, "x.mobile.svg"), "utf8");
    expect(checkSvg(desktop)).toEqual([]);
    expect(checkSvg(mobile)).toEqual([]);
    expect(desktop).toMatch(/^<svg[^>]*\swidth="640"/);
    expect(mobile).toMatch(/^<svg[^>]*\swidth="320"/);
    expect(readFileSync(join(dir, "x.png")).subarray(1, 4).toString()).toBe("PNG");
    // A notice both artboards give is printed once.
    expect(lines(r.stderr).filter((l) => l.includes("the tip mark was dropped"))).toHaveLength(1);
    expect(lines(r.stderr).at(-1)).toMatch(/^render: plots\/bars\.ts → out-both\/x\.svg, out-both\/x\.mobile\.svg, out-both\/x\.png \(desktop 640×\d+, mobile 320×\d+\)$/);
  });

  it("--out into a missing folder fails in one line and creates nothing", () => {
    const r = project.run("render", "plots/bars.ts", "--out", "no-such-folder/x.svg", "--png");
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(lines(r.stderr)).toEqual(["no-such-folder/x.svg: the folder no-such-folder does not exist. Create it first, or give --out a file in a folder that exists"]);
    expect(existsSync(join(project.dir, "no-such-folder"))).toBe(false);
  });

  it("a module that throws is named with the line it threw at, at load or in its function", () => {
    write("plots/throws.ts", `import * as Plot from "@observablehq/plot";

type Row = { value: number };
const rows: Row[] = JSON.parse("[]");
if (rows.length === 0) throw new Error("the data is not in yet.");
export default { marks: [Plot.dot(rows, { x: "value" })] };
`);
    const load = project.run("render", "plots/throws.ts");
    expect(load.status).toBe(1);
    expect(load.stdout).toBe("");
    expect(lines(load.stderr)).toEqual(["plots/throws.ts: line 5, column 30: the module threw: Error: the data is not in yet. Fix the module and run render again"]);

    write("plots/throws-later.ts", `import * as Plot from "@observablehq/plot";
export const words = { headline: "Late", source: "Test" };
export default ({ width }: { width: number }) => {
  const table = new Map<string, number[]>();
  return { width, marks: [Plot.dot(table.get("missing")!.map((v) => ({ v })), { x: "v" })] };
};
`);
    const call = project.run("render", "plots/throws-later.ts");
    expect(call.status).toBe(1);
    expect(lines(call.stderr)).toEqual([expect.stringMatching(/^plots\/throws-later\.ts: line 5, column \d+ \(default\): the chart's function threw: TypeError: Cannot read properties of undefined \(reading 'map'\)\. Fix the module and run render again$/)]);

    // A channel function that throws while Plot draws.
    write("plots/throws-drawing.mjs", `import * as Plot from "@observablehq/plot";
export const words = { headline: "Drawing", source: "Test" };
const rows = [{ a: { b: 1 } }, { a: null }];
export default { marks: [Plot.dot(rows, { x: (d) => d.a.b })] };
`);
    const drawing = project.run("render", "plots/throws-drawing.mjs");
    expect(drawing.status).toBe(1);
    expect(lines(drawing.stderr)).toEqual([expect.stringMatching(/^plots\/throws-drawing\.mjs: line 4, column \d+ \(default\): drawing failed: Cannot read properties of null \(reading 'b'\)\. /)]);
  });

  it("a module that does not compile is named with its line and column", () => {
    write("plots/broken.ts", `import * as Plot from "@observablehq/plot";
export const words = { headline: "Broken", source: "Test" };
export default { marks: [Plot.dot([1], { x: (d: number) => d }) };
`);
    const r = project.run("render", "plots/broken.ts");
    expect(r.status).toBe(1);
    expect(lines(r.stderr)).toEqual(['plots/broken.ts: line 3, column 65: the module does not compile: Expected "]" but found "}". Fix it and run render again']);
    write("plots/missing-package.mjs", 'import thing from "no-such-package";\nexport default thing;\n');
    const missing = project.run("render", "plots/missing-package.mjs");
    expect(missing.status).toBe(1);
    expect(lines(missing.stderr)).toEqual(['plots/missing-package.mjs: line 1, column 19: the module does not compile: Could not resolve "no-such-package". Fix it and run render again']);
  });

  it("a mark on its own is drawn as a chart of that mark", () => {
    write("plots/mark.mjs", `import * as Plot from "@observablehq/plot";\nexport const words = { headline: "One mark", source: "Test" };\nexport default Plot.barX([3, 5, 8], { x: (d) => d, y: (d) => \`row \${d}\` });\n`);
    const r = project.run("render", "plots/mark.mjs");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("row 8");
    expect(checkSvg(r.stdout)).toEqual([]);
  });

  it("a module that is not Plot options is refused in one line saying what it is", () => {
    write("plots/array.mjs", `export const words = { headline: "A list", source: "Test" };\nexport default [1, 2, 3];\n`);
    const array = project.run("render", "plots/array.mjs");
    expect(array.status).toBe(1);
    expect(lines(array.stderr)).toEqual([expect.stringMatching(/^plots\/array\.mjs: default: the export is an array, not Plot options\. Export Plot's options \(/)]);

    write("plots/no-marks.mjs", `export const words = { headline: "Empty", source: "Test" };\nexport default { x: { grid: true } };\n`);
    const empty = project.run("render", "plots/no-marks.mjs");
    expect(empty.status).toBe(1);
    expect(lines(empty.stderr)).toEqual(["plots/no-marks.mjs: default: the export is an object without marks (x), not Plot options. Give it marks: [ … ], the marks Plot draws"]);

    write("plots/drawn.mjs", `import * as Plot from "@observablehq/plot";\nexport const words = { headline: "Drawn", source: "Test" };\nexport default Plot.plot({ marks: [Plot.dot([1, 2], { x: (d) => d })] });\n`);
    const drawn = project.run("render", "plots/drawn.mjs");
    expect(drawn.status).toBe(1);
    expect(lines(drawn.stderr)).toEqual([expect.stringMatching(/^plots\/drawn\.mjs: line 3, column \d+: the module threw: .*\. Export Plot's options, not Plot\.plot\(…\): render draws them$/)]);
  });

  it("a chart without a source is refused; --source gives it one", () => {
    write("plots/unsourced.mjs", `import * as Plot from "@observablehq/plot";\nexport default { title: "Dots", marks: [Plot.dot([1, 2], { x: (d) => d })] };\n`);
    const refused = project.run("render", "plots/unsourced.mjs");
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe("");
    expect(lines(refused.stderr)).toEqual([
      'plots/unsourced.mjs: default: the chart has no source line, and a published chart needs one. Add it to the module\'s words (export const words = { source: "…" }) or give --source TEXT',
    ]);
    const sourced = project.run("render", "plots/unsourced.mjs", "--source", "The test suite");
    expect(sourced.status, sourced.stderr).toBe(0);
    expect(checkSvg(sourced.stdout)).toEqual([]);
  });

  it("a module outside the project gets the library's own Plot and d3, never a copy beside it, and its other packages from beside it", () => {
    // A second Plot and d3 where ordinary resolution would find them first: loading either fails the render.
    for (const name of ["@observablehq/plot", "d3"]) {
      write(`node_modules/${name}/package.json`, JSON.stringify({ name, version: "0.0.0", type: "module", exports: "./index.js" }), outside);
      write(`node_modules/${name}/index.js`, `throw new Error("a second copy of ${name} was loaded");\n`, outside);
    }
    // A CommonJS package of its own, which requires a Node module: it is loaded by Node, not bundled.
    write("node_modules/label-maker/package.json", JSON.stringify({ name: "label-maker", version: "1.0.0", main: "index.cjs" }), outside);
    write("node_modules/label-maker/index.cjs", 'const { basename } = require("node:path");\nexports.label = (file) => `file ${basename(file, ".csv")}`;\n', outside);
    const module = write("elsewhere/chart.mts", `import * as Plot from "@observablehq/plot";
import * as d3 from "d3";
import { label } from "label-maker";
export const words = { headline: "Squares", source: "Arithmetic" };
export default {
  marks: [
    Plot.barY(d3.range(5).map((i) => ({ i, v: i * i })), { x: "i", y: "v" }),
    Plot.text([\`sum \${d3.sum([1, 2, 3])}, \${label("/data/squares.csv")}\`], { frameAnchor: "top" }),
  ],
};
`, outside);
    const r = project.run("render", module);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("sum 6, file squares");
    expect(checkSvg(r.stdout)).toEqual([]);
    expect(lines(r.stderr).at(-1)).toBe(`render: ${module} → stdout (desktop 640×${/^<svg[^>]*\sheight="(\d+)"/.exec(r.stdout)?.[1]})`);
  });

  it("an export that is a Promise of options is drawn once it settles, default or named; one that rejects is named in one line", () => {
    write("plots/promised.mjs", `import * as Plot from "@observablehq/plot";
export const words = { headline: "Promised", source: "Test" };
export default Promise.resolve({ marks: [Plot.text(["settled default"], { frameAnchor: "middle" })] });
`);
    const settled = project.run("render", "plots/promised.mjs");
    expect(settled.status, settled.stderr).toBe(0);
    expect(settled.stdout).toContain("settled default");
    expect(checkSvg(settled.stdout)).toEqual([]);

    write("plots/promised-named.mjs", `import * as Plot from "@observablehq/plot";
export const words = { headline: "Promised", source: "Test" };
export const later = new Promise((done) => setTimeout(() => done({ marks: [Plot.text(["settled named"], { frameAnchor: "middle" })] }), 10));
`);
    const named = project.run("render", "plots/promised-named.mjs");
    expect(named.status, named.stderr).toBe(0);
    expect(named.stdout).toContain("settled named");

    write("plots/promise-rejects.mjs", `export const words = { headline: "Promised", source: "Test" };
export default Promise.reject(new Error("the feed is down"));
`);
    const rejects = project.run("render", "plots/promise-rejects.mjs");
    expect(rejects.status).toBe(1);
    expect(lines(rejects.stderr)).toEqual([expect.stringMatching(/^plots\/promise-rejects\.mjs: line 2, column \d+ \(default\): the chart's promise rejected: Error: the feed is down\. Fix the module and run render again$/)]);
  });

  it("an export whose getter throws is named in one line, not a stack trace", () => {
    write("plots/getter.mjs", `export const words = { headline: "Getter", source: "Test" };
export default { get marks() { throw new Error("not loaded yet"); } };
`);
    const r = project.run("render", "plots/getter.mjs");
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/^plots\/getter\.mjs: line 2, column \d+ \(default\): reading the chart threw: Error: not loaded yet\. Fix the module and run render again$/)]);

    write("plots/words-getter.mjs", `import * as Plot from "@observablehq/plot";
export const words = { source: "Test", get headline() { throw new Error("no headline yet"); } };
export default { marks: [Plot.dot([1, 2], { x: (d) => d })] };
`);
    const words = project.run("render", "plots/words-getter.mjs");
    expect(words.status).toBe(1);
    expect(lines(words.stderr)).toEqual([expect.stringMatching(/^plots\/words-getter\.mjs: line 2, column \d+ \(default\): reading the words threw: Error: no headline yet\. Fix the module and run render again$/)]);
  });

  it("stdout carries only the SVG when the module writes to process.stdout, at load or in its function", () => {
    write("plots/chatty.mjs", `import * as Plot from "@observablehq/plot";
export const words = { headline: "Chatty", source: "Test" };
process.stdout.write("loading the data\\n");
export default async () => {
  process.stdout.write("drawing\\n");
  await new Promise((done) => setTimeout(done, 20));
  console.table([{ a: 1 }]);
  return { marks: [Plot.dot([1, 2], { x: (d) => d })] };
};
`);
    const r = project.run("render", "plots/chatty.mjs");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.startsWith("<svg")).toBe(true);
    expect(r.stdout.trimEnd().endsWith("</svg>")).toBe(true);
    expect(r.stderr).toContain("loading the data\n");
    expect(r.stderr).toContain("drawing\n");
  });

  it("a module whose path has spaces, accents or CJK characters is drawn, and named by its real path when it throws", () => {
    write("my plots/été 中文/chart é.ts", `import * as Plot from "@observablehq/plot";
export const words = { headline: "Accents", source: "Test" };
export default { marks: [Plot.dot([1, 2], { x: (d: number) => d })] };
export const broken = () => { throw new Error("boom"); };
`);
    const drawn = project.run("render", "my plots/été 中文/chart é.ts");
    expect(drawn.status, drawn.stderr).toBe(0);
    expect(lines(drawn.stderr).at(-1)).toMatch(/^render: my plots\/été 中文\/chart é\.ts → stdout \(desktop 640×\d+\)$/);
    const thrown = project.run("render", "my plots/été 中文/chart é.ts", "--export", "broken");
    expect(thrown.status).toBe(1);
    expect(lines(thrown.stderr)).toEqual([expect.stringMatching(/^my plots\/été 中文\/chart é\.ts: line 4, column \d+ \(broken\): the chart's function threw: Error: boom\. /)]);
  });

  it("mistakes on the command line exit 2 with the usage; --help describes the command", () => {
    const both = project.run("render", "plots/bars.ts", "--artboard", "both");
    expect(both.status).toBe(2);
    expect(both.stderr).toContain("storycharts: --artboard both writes two files: give --out FILE.svg");
    const artboard = project.run("render", "plots/bars.ts", "--artboard", "tablet");
    expect(artboard.status).toBe(2);
    expect(artboard.stderr).toContain('storycharts: --artboard takes desktop, mobile or both, not "tablet"');
    const png = project.run("render", "plots/bars.ts", "--png");
    expect(png.status).toBe(2);
    const none = project.run("render");
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("storycharts: render takes one module");
    const help = project.run("render", "--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Usage: storycharts render <module>");
  });
});
