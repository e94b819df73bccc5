// What a build draws again: only the charts an edit can have changed. A
// chart's slice of its notebook's code (chart-code.ts), the ledger reads it
// made (ledger-reads.ts), and, in a temporary project of the fixture story,
// builds after edits that draw only what the edit reached and publish the
// same bytes as a first build of the edited project.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changesWhenCalled, chartSlices, notebookSources, preparedHeld, prepareSources, sharedSources, UNSEEN } from "../src/build/chart-code.ts";
import { readsHold, recordReads } from "../src/build/ledger-reads.ts";
import { resolveLedger, type FigureEntry } from "../src/ledger/index.ts";
import { tempProject, type TempProject } from "./helpers/temp-project.ts";

const MAIN = "notebooks/story.ts";
const CHARTS = "notebooks/story/charts.ts";
const HELPERS = "notebooks/story/helpers.ts";

/** A made-up notebook: three charts in a charts file, a helper file, and the notebook that passes them on. */
function sources(o: { charts?: string; main?: string; helpers?: string } = {}): Map<string, string> {
  return new Map([
    [MAIN, o.main ?? `import { notebook, runIfMain } from "../src/index.ts";
import { charts } from "./story/charts.ts";
const QUOTE = "Officials said 12 people died.";
const story = notebook({ id: "story", title: "Story", seeds: ["s"], figures: [{ id: "deaths", quote: QUOTE, value: 12 }], tables: {}, charts });
export default story;
await runIfMain(import.meta.url, story);
`],
    [CHARTS, o.charts ?? `import { barChart, t, type ChartSpec } from "../../src/index.ts";
import { shout } from "./helpers.ts";
const UNIT = "people";
const label = (d: { name: unknown }) => String(d.name);
export const charts: Record<string, ChartSpec> = {
  "deaths": barChart({ table: "deaths", value: "n", unit: UNIT, headline: t\`\${"deaths"} dead\`, label }),
  "injured": barChart({ table: "injured", value: "n", unit: UNIT, headline: "Injured", subtitle: shout("by town") }),
  "homes": barChart({ table: "homes", value: "n", headline: "Homes destroyed" }),
};
`],
    [HELPERS, o.helpers ?? `export const shout = (s: string) => s.toUpperCase();
`],
  ]);
}

const IDS = ["deaths", "injured", "homes"];

/** The charts whose slice differs between two versions of the sources. */
function changed(a: Map<string, string>, b: Map<string, string>): string[] {
  const before = chartSlices(a, IDS);
  const after = chartSlices(b, IDS);
  return IDS.filter((id) => before.get(id) !== after.get(id));
}

describe("a chart's slice of its notebook's code", () => {
  const base = sources();
  const charts = base.get(CHARTS)!;
  const edit = (file: string, from: string, to: string) => {
    const text = base.get(file)!;
    expect(text).toContain(from);
    return new Map([...base, [file, text.replace(from, to)]]);
  };

  it("an edit to one chart's entry changes that chart's slice alone", () => {
    expect(changed(base, edit(CHARTS, `headline: "Homes destroyed"`, `headline: "Homes lost"`))).toEqual(["homes"]);
    expect(changed(base, edit(CHARTS, `subtitle: shout("by town")`, `subtitle: shout("by district")`))).toEqual(["injured"]);
  });

  it("an edit to a declaration changes the charts that name it, directly or through another", () => {
    expect(changed(base, edit(CHARTS, `const UNIT = "people"`, `const UNIT = "persons"`))).toEqual(["deaths", "injured"]);
    expect(changed(base, edit(CHARTS, "String(d.name)", "String(d.name).trim()"))).toEqual(["deaths"]);
    // A helper in another file of the notebook, reached through an import.
    expect(changed(base, edit(HELPERS, "s.toUpperCase()", "s.toLowerCase()"))).toEqual(["injured"]);
  });

  it("the ledger, comments and other statements are not in any chart's slice", () => {
    expect(changed(base, edit(MAIN, "value: 12", "value: 13"))).toEqual([]);
    expect(changed(base, edit(CHARTS, `const UNIT = "people";`, `// The unit every count is in.\nconst UNIT = "people";`))).toEqual([]);
    expect(changed(base, edit(CHARTS, `const label =`, `const unused = 1;\nconst label =`))).toEqual([]);
  });

  it("a statement that changes at load what a chart names is in its slice", () => {
    const mutated = edit(CHARTS, `export const charts`, `const STYLE = { unit: "people" };\nSTYLE.unit = "persons";\nexport const charts`);
    const using = new Map([...mutated, [CHARTS, mutated.get(CHARTS)!.replace(`headline: "Homes destroyed"`, `headline: STYLE.unit`)]]);
    const again = new Map([...using, [CHARTS, using.get(CHARTS)!.replace(`STYLE.unit = "persons"`, `STYLE.unit = "households"`)]]);
    expect(changed(using, again)).toEqual(["homes"]);
    // The same from the notebook file, through the import.
    const exported = new Map([...using, [CHARTS, using.get(CHARTS)!.replace(`const STYLE`, `export const STYLE`).replace(`STYLE.unit = "persons";\n`, "")]]);
    const fromMain = (to: string) => new Map([...exported, [MAIN, exported.get(MAIN)!.replace(`import { charts }`, `import { charts, STYLE }`).replace(`const QUOTE`, `STYLE.unit = "${to}";\nconst QUOTE`)]]);
    expect(changed(fromMain("persons"), fromMain("households"))).toEqual(["homes"]);
  });

  it("a statement run at load counts in the order it is written, and as often", () => {
    const using = (effects: string) => edit(CHARTS, `export const charts`, `const STYLE = { n: 1 };\n${effects}\nexport const charts`);
    const slice = (effects: string) => {
      const s = using(effects);
      return chartSlices(new Map([...s, [CHARTS, s.get(CHARTS)!.replace(`headline: "Homes destroyed"`, `headline: String(STYLE.n)`)]]), IDS).get("homes");
    };
    const once = slice("STYLE.n += 3;\nSTYLE.n *= 2;");
    expect(slice("STYLE.n *= 2;\nSTYLE.n += 3;")).not.toBe(once);
    expect(slice("STYLE.n += 3;\nSTYLE.n *= 2;\nSTYLE.n *= 2;")).not.toBe(once);
    // Moved by an edit above it, the same code in the same order is the same slice.
    expect(slice("// A comment.\nSTYLE.n += 3;\nSTYLE.n *= 2;")).toBe(once);
  });

  it("code at load that changes the charts object, or the notebook, is in every chart's slice", () => {
    const after = (main: string, to: string) => new Map([...base, [MAIN, base.get(MAIN)!.replace("export default story;", `${main.replace("TO", to)}\nexport default story;`)]]);
    const viaCharts = `charts.homes!.plot = () => ({ marks: [], x: { label: "TO" } });`;
    expect(changed(after(viaCharts, "a"), after(viaCharts, "b"))).toEqual(IDS);
    const viaNotebook = `story.charts!.homes!.plot = () => ({ marks: [], x: { label: "TO" } });`;
    expect(changed(after(viaNotebook, "a"), after(viaNotebook, "b"))).toEqual(IDS);
  });

  it("a notebook whose functions change its own values when called is whole for every chart", () => {
    // A label that counts as it is called: what the next chart reads depends on which charts were drawn.
    const counting = edit(CHARTS, "const label = (d: { name: unknown }) => String(d.name);", "const seen = { n: 0 };\nconst label = (d: { name: unknown }) => (seen.n++, String(d.name));");
    expect(changesWhenCalled(counting)).toBe(true);
    expect(changed(counting, new Map([...counting, [MAIN, counting.get(MAIN)!.replace("value: 12", "value: 13")]]))).toEqual(IDS);
    for (const body of ["seen.list.push(d)", "Object.assign(seen, { d })", "delete seen.n", "[seen.n] = [1]"]) {
      expect(changesWhenCalled(edit(CHARTS, "String(d.name);", `(${body}, String(d.name));\nconst seen = { n: 0, list: [] as unknown[] };`)), body).toBe(true);
    }
    // A method of a top-level object, through this.
    expect(changesWhenCalled(edit(CHARTS, "const UNIT", "const seen = { n: 0, count() { this.n++; } };\nconst UNIT"))).toBe(true);
    // What a function builds in its own names changes nothing of the notebook's.
    expect(changesWhenCalled(base)).toBe(false);
    const local = edit(CHARTS, "String(d.name);", "{ const out: Record<string, unknown> = {}; out.name = d.name; const seen = [1]; seen.push(2); return String(out.name); };\nconst seen = { n: 0 };");
    expect(changesWhenCalled(local)).toBe(false);
  });

  it("a chart that cannot be cut out is the whole notebook: any edit changes it", () => {
    // Read from a let: another statement may assign it.
    const mutable = new Map([...base, [CHARTS, charts.replace(`const UNIT = "people"`, `let UNIT = "people"`)]]);
    expect(changed(mutable, new Map([...mutable, [MAIN, base.get(MAIN)!.replace("value: 12", "value: 13")]]))).toEqual(["deaths", "injured"]);
    // Built in a loop: no entry to find.
    const loop = new Map([...base, [CHARTS, `import { barChart } from "../../src/index.ts";
export const charts = Object.fromEntries(["deaths", "injured", "homes"].map((id) => [id, barChart({ table: id, value: "n", headline: id })]));
`]]);
    expect(changed(loop, new Map([...loop, [MAIN, base.get(MAIN)!.replace("value: 12", "value: 13")]]))).toEqual(IDS);
    // Code run by eval.
    const evaluated = new Map([...base, [CHARTS, charts.replace(`headline: "Homes destroyed"`, `headline: eval("'Homes'")`)]]);
    expect(changed(evaluated, new Map([...evaluated, [HELPERS, "export const shout = (s: string) => s;\n"]]))).toEqual(["homes", "injured"].sort((a, b) => IDS.indexOf(a) - IDS.indexOf(b)));
    // A file that does not parse.
    const broken = new Map([...base, [CHARTS, `${charts}\nconst = ;\n`]]);
    expect(new Set(chartSlices(broken, IDS).values()).size).toBe(1);
  });
});

describe("sources made JavaScript ahead, on esbuild's service", () => {
  it("give the slices and the answer the same sources read afresh give; a file that does not parse is still the whole notebook", async () => {
    // Each a text no earlier test read, so that neither is a module already parsed.
    const unique = (tag: string, extra = "") => new Map([...sources()].map(([f, t]) => [f, `${t}${extra}\n// ${tag} ${Math.random()}\n`] as [string, string]));
    const prepared = unique("prepared");
    await prepareSources(prepared);
    const ahead = chartSlices(prepared, IDS);
    expect(changesWhenCalled(prepared)).toBe(false);
    expect([...ahead]).toEqual([...chartSlices(unique("afresh"), IDS)]);
    expect(new Set(ahead.values()).size).toBe(IDS.length);
    const broken = unique("broken", "\nconst = ;");
    await prepareSources(broken);
    expect(new Set(chartSlices(broken, IDS).values()).size).toBe(1);
    expect(changesWhenCalled(broken)).toBe(true);
  });

  it("are held up to a bound on their size, not only their number: a watch prepares every saved version of a large file", async () => {
    // A 2 MB source saved 40 times, as a watch would prepare it after each save.
    const big = `export const shapes = ${JSON.stringify(Array.from({ length: 40_000 }, (_, i) => ({ id: i, name: `place ${i}`, lon: i / 7 })))};\n`;
    expect(big.length).toBeGreaterThan(1_500_000);
    for (let v = 0; v < 40; v++) await prepareSources(new Map([["notebooks/big/shapes.ts", `${big}export const version = ${v};\n`]]));
    const held = preparedHeld();
    expect(held.entries).toBeLessThanOrEqual(64);
    expect(held.chars).toBeLessThanOrEqual(16 * 1024 * 1024);
    // The last version is held still, and its slices are those of the text read afresh.
    const last = new Map([["notebooks/big/shapes.ts", `${big}export const version = 39;\n`]]);
    expect(changesWhenCalled(last)).toBe(false);
  });
});

describe("a notebook's files", () => {
  let dir: string;
  const write = (path: string, text: string) => {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "storycharts-sources-"));
    mkdirSync(join(dir, "node_modules", "arquero"), { recursive: true });
    writeFileSync(join(dir, "node_modules", "arquero", "package.json"), "{}");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("are found as the compiler finds them: a .ts file for a .js name, no extension, a folder's index", () => {
    write("notebooks/n.ts", `import * as aq from "arquero";\nimport { readFileSync } from "node:fs";\nimport { a } from "./n/a.js";\nimport { b } from "./n/b";\nimport { c } from "./n/c";\nimport { d } from "../src/index.ts";\n`);
    write("notebooks/n/a.ts", "export const a = 1;\n");
    write("notebooks/n/b.ts", "export const b = 1;\n");
    write("notebooks/n/c/index.ts", "export const c = 1;\n");
    expect([...notebookSources(dir, "notebooks/n.ts").keys()].sort()).toEqual(["notebooks/n.ts", "notebooks/n/a.ts", "notebooks/n/b.ts", "notebooks/n/c/index.ts"]);
    // The slice follows the import into the file it resolves to.
    const sources = notebookSources(dir, "notebooks/n.ts");
    sources.set("notebooks/n.ts", `import { notebook } from "../src/index.ts";\nimport { a } from "./n/a.js";\nexport default notebook({ charts: { x: { headline: String(a) }, y: { headline: "y" } } });\n`);
    const edited = new Map([...sources, ["notebooks/n/a.ts", "export const a = 2;\n"]]);
    const [before, after] = [chartSlices(sources, ["x", "y"]), chartSlices(edited, ["x", "y"])];
    expect([before.get("x") === after.get("x"), before.get("y") === after.get("y")]).toEqual([false, true]);
  });

  it("that cannot be named from the text make every build draw the notebook's charts", () => {
    for (const [i, line] of ["const m = await import(`./n/${'a'}.ts`);", "const m = require(\"./n/a.cjs\");", "import { x } from \"#lib/x\";", "import { x } from \"../../outside.ts\";"].entries()) {
      write(`notebooks/u${i}.ts`, `${line}\n`);
      const first = notebookSources(dir, `notebooks/u${i}.ts`);
      expect(first.has(UNSEEN), line).toBe(true);
      expect(chartSlices(first, ["x"]).get("x"), line).not.toBe(chartSlices(notebookSources(dir, `notebooks/u${i}.ts`), ["x"]).get("x"));
    }
  });

  it("shared with another notebook bring that notebook's code along: it runs in the same build", () => {
    write("notebooks/shared.ts", "export const style = { w: 1 };\n");
    write("notebooks/one.ts", `import { style } from "./shared.ts";\nexport const w = style.w;\n`);
    write("notebooks/two.ts", `import { style } from "./shared.ts";\nstyle.w = 2;\n`);
    write("notebooks/three.ts", "export const z = 1;\n");
    const all = ["notebooks/one.ts", "notebooks/three.ts", "notebooks/two.ts"];
    expect([...sharedSources(dir, "notebooks/one.ts", all, new Map()).keys()]).toEqual(["notebooks/one.ts", "notebooks/shared.ts", "notebooks/two.ts"]);
    expect([...sharedSources(dir, "notebooks/three.ts", all, new Map()).keys()]).toEqual(["notebooks/three.ts"]);
  });
});

describe("the ledger reads a chart made", () => {
  const figure = (id: string, value: number, note?: string): FigureEntry => ({
    kind: "stated", id, seed: "s", quote: `The count was ${value}.`, phrase: String(value), value, unit: "people", qualifier: "exact",
    claimant: "Officials", subject: "toll", measure: id, ...(note ? { note } : {}),
  });
  const ledger = (figures: FigureEntry[]) => resolveLedger({ figures, events: [], places: [] });

  it("hold while nothing the chart read changed, and fail when it did", () => {
    const before = ledger([figure("a", 1), figure("b", 2, "A note")]);
    const recorded = recordReads(before);
    // What a chart does: print one figure, and colour by every claimant.
    expect(recorded.ledger.value("a")).toBe(1);
    expect(recorded.ledger.figure("a").qualifier).toBe("exact");
    expect(new Set(recorded.ledger.figures.map((f) => f.claimant))).toEqual(new Set(["Officials"]));
    const reads = recorded.reads();
    expect(readsHold(before, reads)).toBe(true);
    expect(readsHold(ledger([figure("a", 1), figure("b", 2, "Another note")]), reads)).toBe(true);
    expect(readsHold(ledger([figure("a", 1), figure("b", 3)]), reads)).toBe(true);
    expect(readsHold(ledger([figure("a", 5), figure("b", 2)]), reads)).toBe(false);
    expect(readsHold(ledger([figure("a", 1), { ...figure("b", 2), claimant: "Rescuers" }]), reads)).toBe(false);
    expect(readsHold(ledger([figure("a", 1), figure("b", 2), figure("c", 3)]), reads)).toBe(false);
    expect(readsHold(ledger([figure("b", 2), figure("a", 1)]), reads)).toBe(false);
    expect(readsHold(ledger([figure("b", 2)]), reads)).toBe(false);
  });

  it("record a lookup that failed, and fail once it would succeed", () => {
    const before = ledger([figure("a", 1)]);
    const recorded = recordReads(before);
    expect(() => recorded.ledger.figure("z")).toThrow();
    expect(readsHold(before, recorded.reads())).toBe(true);
    expect(readsHold(ledger([figure("a", 1), figure("z", 2)]), recorded.reads())).toBe(false);
  });
});

/** Every file of a folder, by name. */
function files(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir).filter((n) => !n.startsWith(".")).sort().map((n) => [n, readFileSync(join(dir, n))]));
}

/** The lines saying which charts a build drew and which it kept. */
function drawnAndKept(stdout: string): { drawn: string[]; kept: string[] } {
  const lines = [...stdout.matchAll(/^(?:written|unchanged) +(\S+) \((drawn|kept), \d+ ms\)$/gm)];
  return { drawn: lines.filter((m) => m[2] === "drawn").map((m) => m[1]!).sort(), kept: lines.filter((m) => m[2] === "kept").map((m) => m[1]!).sort() };
}

describe("a build after an edit", () => {
  let project: TempProject;
  let fresh: TempProject;
  const ALL = ["death-claims", "deaths-by-province", "distance-by-hand", "locator-map", "province-map", "rescue-workers", "timeline"];
  const chartsFile = () => join(project.dir, "notebooks", "quake-toll", "charts.ts");
  const notebookFile = () => join(project.dir, "notebooks", "quake-toll.ts");
  const replace = (file: string, from: string, to: string) => {
    const text = readFileSync(file, "utf8");
    expect(text).toContain(from);
    writeFileSync(file, text.replace(from, to));
  };
  /** The edited project's charts/ is what a first build of the same sources publishes, byte for byte. */
  const sameAsFirstBuild = () => {
    for (const dir of ["notebooks", "seeds", "src"]) {
      rmSync(join(fresh.dir, dir), { recursive: true, force: true });
      cpSync(join(project.dir, dir), join(fresh.dir, dir), { recursive: true });
    }
    rmSync(join(fresh.dir, "charts"), { recursive: true, force: true });
    rmSync(join(fresh.dir, ".cache"), { recursive: true, force: true });
    expect(fresh.run("build", "--quiet").status).toBe(0);
    const got = files(join(project.dir, "charts"));
    const want = files(join(fresh.dir, "charts"));
    expect([...got.keys()]).toEqual([...want.keys()]);
    for (const [name, bytes] of want) expect(got.get(name)?.equals(bytes), name).toBe(true);
  };
  const build = () => {
    const r = project.run("build");
    expect(r.status, r.stderr).toBe(0);
    return drawnAndKept(r.stdout);
  };

  beforeAll(() => {
    project = tempProject();
    fresh = tempProject();
    expect(drawnAndKept(project.run("build").stdout).drawn).toEqual(ALL);
  }, 120_000);
  afterAll(() => {
    project.remove();
    fresh.remove();
  });

  it("to one chart's words draws that chart alone, PNG and all", () => {
    const pngTimes = () => Object.fromEntries(ALL.map((id) => [id, statSync(join(project.dir, "charts", `${id}.png`)).mtimeMs]));
    const before = pngTimes();
    replace(chartsFile(), "People killed, by province, according", "People killed in each province, according");
    expect(build()).toEqual({ drawn: ["deaths-by-province"], kept: ALL.filter((id) => id !== "deaths-by-province") });
    const after = pngTimes();
    expect(ALL.filter((id) => after[id] !== before[id])).toEqual(["deaths-by-province"]);
    sameAsFirstBuild();
  }, 120_000);

  it("to the ledger draws the charts that read what changed, and keeps the others", () => {
    // A figure's note that no chart prints: nothing is drawn, and the figures' table is still written anew.
    replace(notebookFile(), `note: "Missing, not dead: the officials give no number."`, `note: "Missing, not counted among the dead: the officials give no number."`);
    expect(build()).toEqual({ drawn: [], kept: ALL });
    expect(readFileSync(join(project.dir, "charts", "quake-toll-figures.csv"), "utf8")).toContain("Missing, not counted among the dead");
    sameAsFirstBuild();
    // An event's words: the timeline draws it; no other chart reads them.
    replace(notebookFile(), `"A second, smaller quake strikes in the afternoon"`, `"A second, smaller quake strikes that afternoon"`);
    expect(build()).toEqual({ drawn: ["timeline"], kept: ALL.filter((id) => id !== "timeline") });
    sameAsFirstBuild();
  }, 120_000);

  it("to a published SVG by hand draws that chart again; to the library's theme, every chart", () => {
    const svg = join(project.dir, "charts", "timeline.svg");
    writeFileSync(svg, readFileSync(svg, "utf8").replace("</svg>", "<!-- edited --></svg>"));
    expect(build().drawn).toEqual(["timeline"]);
    replace(join(project.dir, "src", "chart", "theme.ts"), "// ", "// (edited) ");
    expect(build().drawn).toEqual(ALL);
    sameAsFirstBuild();
  }, 180_000);

  it("to a helper imported by its .js name draws the chart that uses it", () => {
    writeFileSync(join(project.dir, "notebooks", "quake-toll", "labels.ts"), `export const LONGITUDE = "Longitude (°E)";\n`);
    replace(chartsFile(), `import * as Plot`, `import { LONGITUDE } from "./labels.js";\nimport * as Plot`);
    replace(chartsFile(), `x: { label: "Longitude (°E)" }`, `x: { label: LONGITUDE }`);
    build();
    replace(join(project.dir, "notebooks", "quake-toll", "labels.ts"), "Longitude (°E)", "Longitude, °E");
    expect(build().drawn).toEqual(["distance-by-hand"]);
    sameAsFirstBuild();
  }, 120_000);

  it("to a notebook whose labels count the charts drawn draws every chart", () => {
    // The locator's label counts its calls; the chart drawn after it prints the count.
    replace(chartsFile(), `export const charts`, `const drawnSoFar = { labels: 0 };\nexport const charts`);
    replace(chartsFile(), `label: (d) => (d.km === null`, `label: (d) => (drawnSoFar.labels++, d.km === null`);
    replace(chartsFile(), `x: { label: LONGITUDE }`, `x: { label: \`\${LONGITUDE} (\${drawnSoFar.labels})\` }`);
    build();
    // Drawn alone, the second chart would print a count of 0.
    replace(chartsFile(), `"Drawn with Plot by hand: each city’s longitude"`, `"Drawn with Plot by hand: the longitude of each city"`);
    expect(build().drawn).toEqual(ALL);
    sameAsFirstBuild();
  }, 120_000);
});
