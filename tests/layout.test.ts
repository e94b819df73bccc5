// The layout of src/: one folder per stage of the pipeline, each importing only
// the stages before it, through their index.ts, with no circle of imports; and
// notebooks reaching the library through src/index.ts alone.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { notebookImportProblems } from "../src/build/notebook-imports.ts";
import { cycles, importEdges, layoutProblems, readSources, runtimePackages, STAGES } from "./helpers/import-graph.ts";
import { root } from "./helpers/project.ts";

const sources = readSources(root);

describe("src/ layout", () => {
  it("every stage imports only earlier stages, through their index.ts, and nothing imports in a circle", () => {
    expect(layoutProblems(sources)).toEqual([]);
  });

  it("has one folder per stage, each with an index.ts that opens with what the stage takes and gives", () => {
    for (const stage of STAGES) {
      const index = sources.get(`src/${stage}/index.ts`);
      expect(index, `src/${stage}/index.ts`).toBeDefined();
      const [first, second] = index!.split("\n");
      expect(`${first}\n${second}`, `src/${stage}/index.ts lines 1-2`).toMatch(new RegExp(`^// The ${stage} stage takes \\S.*\\n// .*|^// The ${stage} stage takes .*\\bgives\\b`));
      expect(`${first} ${second}`, `src/${stage}/index.ts lines 1-2`).toMatch(/\btakes\b.*\bgives\b/);
    }
  });

  it("opens every module with a comment saying its job", () => {
    const bare = [...sources].filter(([file, text]) => !/^(#!.*\n)?\/\//.test(text) && !file.endsWith(".d.mts")).map(([f]) => f);
    expect(bare).toEqual([]);
  });

  it("reads the real graph, type-only imports included", () => {
    const edges = importEdges(sources);
    expect(sources.size).toBeGreaterThan(50);
    expect(edges).toContainEqual(expect.objectContaining({ from: "src/build/run.ts", to: "src/ledger/index.ts" }));
    expect(edges).toContainEqual(expect.objectContaining({ from: "src/build/notebook.ts", to: "src/chart/index.ts" }));
  });
});

describe("packaging", () => {
  it("lists every package src/ loads at run time under dependencies, so npm ci --omit=dev gives a working command", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    const used = runtimePackages(sources);
    // The command compiles with esbuild and falls back to tsx: both are run-time needs, not development ones.
    expect([...used.keys()]).toEqual(expect.arrayContaining(["@observablehq/plot", "jsdom", "esbuild", "tsx"]));
    const missing = [...used].filter(([name]) => !(name in pkg.dependencies)).map(([name, files]) => `${name} (${files.join(", ")})`);
    expect(missing).toEqual([]);
  });
});

describe("the layout check fails on", () => {
  const fixture = (files: Record<string, string>) => new Map(Object.entries(files));

  it("an import that runs backwards, naming both files", () => {
    const problems = layoutProblems(fixture({
      "src/ledger/index.ts": '// x\nexport { n } from "./numbers.ts";\n',
      "src/ledger/numbers.ts": '// x\nimport { INK } from "../chart/index.ts";\nexport const n = 1;\n',
      "src/chart/index.ts": '// x\nexport const INK = 1;\n',
    }));
    expect(problems).toEqual([
      "src/ledger/numbers.ts:2 imports src/chart/index.ts: ledger comes before chart in the pipeline, so it must not import it",
    ]);
  });

  it("a type-only import that runs backwards as well", () => {
    const problems = layoutProblems(fixture({
      "src/tables/tables.ts": '// x\nimport type { NotebookSpec } from "../build/index.ts";\n',
      "src/build/index.ts": "// x\nexport type NotebookSpec = 1;\n",
    }));
    expect(problems).toEqual([
      "src/tables/tables.ts:2 imports src/build/index.ts: tables comes before build in the pipeline, so it must not import it",
    ]);
  });

  it("an import past a stage's index.ts", () => {
    const problems = layoutProblems(fixture({
      "src/chart/theme.ts": "// x\nexport const INK = 1;\n",
      "src/chart/index.ts": '// x\nexport { INK } from "./theme.ts";\n',
      "src/publish/gallery.ts": '// x\nimport { INK } from "../chart/theme.ts";\n',
    }));
    expect(problems).toEqual([
      "src/publish/gallery.ts:2 imports src/chart/theme.ts past the chart stage's public face: import it from src/chart/index.ts",
    ]);
  });

  it("a circle of imports inside a stage, and one through a dynamic import", () => {
    const problems = layoutProblems(fixture({
      "src/chart/a.ts": '// x\nimport { b } from "./b.ts";\nexport const a = 1;\n',
      "src/chart/b.ts": '// x\nexport const b = () => import("./c.ts");\n',
      "src/chart/c.ts": '// x\nimport type { a } from "./a.ts";\n',
    }));
    expect(problems).toEqual(["import cycle: src/chart/a.ts → src/chart/b.ts → src/chart/c.ts → src/chart/a.ts"]);
  });

  it("a module outside the stage folders, and an import of a file that does not exist", () => {
    const problems = layoutProblems(fixture({
      "src/helpers.ts": "// x\n",
      "src/build/x.ts": '// x\nimport "./gone.ts";\n',
    }));
    expect(problems).toEqual([
      "src/helpers.ts: not in a stage folder (ledger, tables, chart, publish, build, cli) nor a public entry",
      "src/build/x.ts:2 imports src/build/gone.ts, which does not exist",
    ]);
  });

  it("and ignores imports written in comments and strings", () => {
    expect(layoutProblems(fixture({
      "src/ledger/a.ts": '// import { x } from "../cli/index.ts";\nconst s = \'import { y } from "../build/index.ts"\';\n/** @type {import("../chart/index.ts")} */\nexport { s };\n',
    }))).toEqual([]);
  });

  it("finds a two-file circle once", () => {
    expect(cycles([{ from: "a", to: "b", line: 1 }, { from: "b", to: "a", line: 1 }, { from: "b", to: "c", line: 2 }])).toEqual([["a", "b"]]);
  });
});

describe("a notebook's imports", () => {
  it("may reach the library only through src/index.ts, in the notebook and in its helper files", () => {
    const dir = mkdtempSync(join(tmpdir(), "storycharts-imports-"));
    try {
      mkdirSync(join(dir, "notebooks", "story"), { recursive: true });
      writeFileSync(join(dir, "notebooks", "story.ts"), 'import { notebook } from "../src/index.ts";\nimport { charts } from "./story/charts.ts";\n');
      writeFileSync(join(dir, "notebooks", "story", "charts.ts"), '// charts\nimport * as Plot from "@observablehq/plot";\nimport { INK } from "../../src/chart/theme.ts";\nexport const charts = {};\n');
      expect(notebookImportProblems(dir, "notebooks/story.ts")).toEqual([{
        file: "notebooks/story/charts.ts", place: "line 3",
        message: "imports src/chart/theme.ts, a part of the library that may move",
        fix: 'Import it from "../../src/index.ts", the library\'s one public entry',
      }]);
      writeFileSync(join(dir, "notebooks", "story", "charts.ts"), '// charts\nimport { INK } from "../../src/index.ts";\nexport const charts = {};\n');
      expect(notebookImportProblems(dir, "notebooks/story.ts")).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
