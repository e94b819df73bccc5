// What a desk publishes is safe to open: CSV cells a spreadsheet would run as
// formulas are escaped, and the manifest, snippet and gallery carry the words
// as the SVG does, without characters XML cannot hold.
import * as aq from "arquero";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toCsv } from "../src/tables/index.ts";
import { writeFixture } from "./helpers/fixture.ts";
import { tempProject, type TempProject } from "./helpers/temp-project.ts";

describe("published CSV", () => {
  it("gives a text cell a spreadsheet would run as a formula a leading apostrophe, and leaves numbers as numbers", () => {
    const t = aq.table({ label: ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-2+3", "@SUM(A1)", "\tx", "plain", "a=b"], value: [1, -5, 2, 3, 4, 5, -0.5] });
    expect(toCsv(t)).toBe([
      "label,value",
      "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",1", "'+1,-5", "'-2+3,2", "'@SUM(A1),3", "'\tx,4", "plain,5", "a=b,-0.5", "",
    ].join("\n"));
  });
});

describe("manifest, snippet and gallery", () => {
  let project: TempProject;
  beforeAll(() => {
    project = tempProject();
    writeFixture(project.dir, { notebook: (t) => t.replace('kind: "Bar chart",', 'kind: "Bar chart", alt: "Shot down\\u0007 over\\u001b[31m the border.",') });
  });
  afterAll(() => project.remove());

  it("hold no control characters the chart's words brought in", () => {
    const r = project.run("build", "fixture", "--format", "svg", "--quiet");
    expect(r.status, r.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(project.dir, "charts", "manifest.json"), "utf8"));
    const entry = manifest.charts.find((c: { id: string }) => c.id === "fixture-drones");
    expect(entry.alt).toContain("Shot down over[31m the border.");
    for (const file of ["manifest.json", "fixture-drones.html", "index.html", "fixture-drones.svg"]) {
      const text = readFileSync(join(project.dir, "charts", file), "utf8");
      expect(text, file).not.toMatch(/[\u0007\u001b]|\\u0007|\\u001b/);
    }
  });
});

describe("a value no scale can hold", () => {
  let project: TempProject;
  beforeAll(() => {
    project = tempProject();
    writeFixture(project.dir, { csv: "region,drones\nNorth,7\nSouth,1e308\nEast,5\n" });
  });
  afterAll(() => project.remove());

  it("fails the table, naming the row, instead of a chart that silently drops its bar", () => {
    const r = project.run("build", "fixture", "--format", "svg");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("notebooks/fixture.ts: table fixture-drones-by-region row 2 column drones: the value 1e+308 is too large for a chart's scale to hold (more than 1e300 in size). Check the value");
  });
});
