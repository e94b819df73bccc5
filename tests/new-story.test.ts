// A new story from text to a published chart, the way the README's
// walkthrough does it, in a temporary copy of the project: new → figures →
// a ledger entry and a chart added by hand → build and check.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "./helpers/project.ts";
import { tempProject, type TempProject } from "./helpers/temp-project.ts";

// Written for this test: approximate figures, competing attributed claims, a range and a percentage.
const ARTICLE = `Flooding Forces Thousands From Homes in Alder Valley
March 14, 2026
By Staff Reporter

Heavy rain on Thursday pushed the Alder River over its banks, forcing roughly 4,200 residents from their homes, the county emergency office said.

Between 30 and 40 homes were destroyed, according to the regional fire service. Mayor Dana Whitfield said 12 homes were destroyed.

Rainfall reached 180 millimeters in 48 hours, about 60% of the average for the whole of March.

The Kestrel, Alder, and Birch counties declared emergencies.
`;
const SLUG = "2026-03-14-alder-valley-flood";
const lastLine = (s: string) => s.trimEnd().split("\n").at(-1);

describe("a new story, from article to published chart", () => {
  let project: TempProject;
  let articleFile: string;
  beforeAll(() => {
    project = tempProject();
    articleFile = join(project.dir, "..", `${SLUG}-article.tmp.txt`);
    writeFileSync(articleFile, ARTICLE);
  });
  afterAll(() => project.remove());

  it("new copies the article byte for byte and scaffolds a notebook that builds and passes check as it is", () => {
    const r = project.run("new", SLUG, "--seed", articleFile, "--publisher", "Valley Gazette");
    expect(r.status, r.stderr).toBe(0);
    expect(lastLine(r.stdout)).toBe(`new: seeds/${SLUG}.txt, seeds/${SLUG}.meta.json, notebooks/${SLUG}.ts written; 1 figure, 1 table, 1 chart; 6 numbers to review (npm run figures -- ${SLUG})`);
    expect(readFileSync(join(project.dir, "seeds", `${SLUG}.txt`), "utf8")).toBe(ARTICLE);
    const meta = JSON.parse(readFileSync(join(project.dir, "seeds", `${SLUG}.meta.json`), "utf8"));
    expect(meta.headline).toBe("Flooding Forces Thousands From Homes in Alder Valley");
    expect(meta.published).toMatchObject({ date: "2026-03-14", dateline: "March 14, 2026" });

    const check = project.run("check", SLUG, "--quiet");
    expect(check.status, check.stderr).toBe(0);
    expect(lastLine(check.stdout)).toBe("check: 1 notebook, 1 figure, 0 problems, 6 numbers not reviewed yet");
    const build = project.run("build", SLUG, "--format", "svg", "--quiet");
    expect(build.status, build.stderr).toBe(0);
    const svg = readFileSync(join(project.dir, "charts", `story-${SLUG}-lead.svg`), "utf8");
    expect(svg).toContain("Roughly 4,200 residents");
    expect(svg).toMatch(/County emergency office: as the article states it/i);
    expect(svg).toContain("≈4,200");
    // The scaffold is TypeScript the project's typecheck accepts, strict settings and all.
    const tsc = spawnSync(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "--noEmit", "-p", project.dir], { encoding: "utf8" });
    expect(tsc.stdout, tsc.stdout).toBe("");
    // It reaches the library through its one public entry only.
    const scaffold = readFileSync(join(project.dir, "notebooks", `${SLUG}.ts`), "utf8");
    const library = [...scaffold.matchAll(/from "([^"]+)"/g)].map((m) => m[1]).filter((s) => s!.startsWith("."));
    expect(library).toEqual(["../src/index.ts"]);
  });

  it("a dateline without its year is the dateline when --date gives that day: its day is not listed for review", () => {
    const file = join(project.dir, "..", "wire.tmp.txt");
    writeFileSync(file, "Rivers rise in Alder Valley\n\nALDER VALLEY, March 14 (Wire) - Police said at least 2 people were missing.\n");
    const r = project.run("new", "wire-story", "--seed", file, "--date", "2026-03-14");
    expect(r.status, r.stderr).toBe(0);
    const meta = JSON.parse(readFileSync(join(project.dir, "seeds", "wire-story.meta.json"), "utf8"));
    expect(meta.published.dateline).toBe("ALDER VALLEY, March 14 (Wire) -");
    expect(lastLine(r.stdout)).toContain("; 0 numbers to review");
    expect(readFileSync(join(project.dir, "notebooks", "wire-story.ts"), "utf8")).not.toContain('phrase: "14"');
    const check = project.run("check", "wire-story", "--quiet");
    expect(check.status, check.stderr).toBe(0);
    expect(lastLine(check.stdout)).toBe("check: 1 notebook, 1 figure, 0 problems");
  });

  it("new refuses to overwrite, and refuses a file that is not UTF-8 text", () => {
    const again = project.run("new", SLUG, "--seed", articleFile);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(`seeds/${SLUG}.txt: already exists, and new never overwrites`);
    const latin1 = join(project.dir, "..", "latin1.tmp.txt");
    writeFileSync(latin1, Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]));
    const bad = project.run("new", "cafe-story", "--seed", latin1, "--date", "2026-03-14");
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("latin1.tmp.txt: the file is not UTF-8 text");
    expect(lastLine(bad.stdout)).toBe("new: nothing written");
  });

  it("figures proposes each number with its unit, qualifier and claimant, and --ts entries to paste", () => {
    const table = project.run("figures", SLUG);
    expect(table.status, table.stderr).toBe(0);
    const row = (where: string) => table.stdout.split("\n").find((l) => l.startsWith(`${where} `)) ?? "";
    expect(row("5:79")).toMatch(/number\s+4,200\s+residents\s+approximate \(“roughly”\)\s+county emergency office/);
    expect(row("7:1")).toMatch(/range\s+30–40\s+homes\s+exact\s+regional fire service/);
    expect(row("7:107")).toMatch(/number\s+12\s+homes\s+exact\s+Mayor Dana Whitfield/);
    expect(row("9:53")).toMatch(/percent\s+60%\s+percent\s+approximate \(“about”\)\s+Valley Gazette \(own voice\)/);
    expect(row("11:1")).toMatch(/list\s+3 \(Kestrel, Alder, Birch\)\s+counties/);
    expect(lastLine(table.stdout)).toMatch(/^figures: 10 candidates in 2026-03-14-alder-valley-flood \(6 numbers, 1 vague quantity, 1 list, 2 dates\)/);

    const ts = project.run("figures", SLUG, "--ts");
    expect(ts.status).toBe(0);
    expect(ts.stdout).toContain(`kind: "stated", id: "homes-12", seed: SEED, quote: "Mayor Dana Whitfield said 12 homes were destroyed.", phrase: "12",`);
    expect(ts.stdout).toContain(`value: 12, unit: "homes", qualifier: "exact", claimant: "Mayor Dana Whitfield",`);
  });

  it("a figure pasted from --ts, filled in, and a chart of the competing claims build, check and publish standalone files", () => {
    const ts = project.run("figures", SLUG, "--ts").stdout;
    // The walkthrough: take the entries the story uses, fill in subject and measure.
    const entries = ts.split("\n  {").map((e) => `{${e}`).filter((e) => /id: "homes-(30|40|12)"/.test(e))
      .map((e) => e.replace(/\n\s*\],?[\s\S]*$/, "").trimEnd().replace(/,$/, "")
        .replace(`subject: "", measure: "", // fill in: what the number is about, and what is said of it`, `subject: "homes-destroyed", measure: "destroyed",`));
    expect(entries.length).toBe(3);
    const file = join(project.dir, "notebooks", `${SLUG}.ts`);
    let nb = readFileSync(file, "utf8");
    nb = nb.replace("  figures: [\n", `  figures: [\n${entries.map((e) => `    ${e.replace(/\n/g, "\n  ")},\n`).join("")}`);
    // Reviewed now: out of the unreviewed list.
    nb = nb.split("\n").filter((l) => !/^\s*\{ seed: SEED, quote: "(Between 30 and 40 homes|Mayor Dana Whitfield said 12)/.test(l)).join("\n");
    // The table and chart the README's walkthrough writes: a figure table of the claims, and a claims chart of it.
    nb = nb.replace("  tables: {\n", `  tables: {
    "homes-destroyed": figureTable({
      title: "Homes destroyed: the claims",
      description: "Each claim of homes destroyed, by who makes it.",
      figures: "homes-destroyed", value: ["homes", "Homes destroyed, as claimed"],
    }),
`);
    nb = nb.replace("  charts: {\n", `  charts: {
    "homes-destroyed": claimsChart({
      table: "homes-destroyed", value: "homes",
      headline: t\`Between \${"homes-30"} and \${"homes-40"} homes destroyed, or \${"homes-12"}: the claims differ\`,
      subtitle: "Homes destroyed in the Alder Valley floods, by who makes the claim",
    }),
`);
    writeFileSync(file, nb);

    const check = project.run("check", SLUG, "--quiet");
    expect(check.stderr).toBe("");
    expect(lastLine(check.stdout)).toBe("check: 1 notebook, 4 figures, 0 problems, 3 numbers not reviewed yet");
    const build = project.run("build", "--format", "svg");
    expect(build.status, build.stderr).toBe(0);
    expect(build.stdout).toMatch(/^written   homes-destroyed \(drawn, \d+ ms\)$/m);
    for (const name of ["homes-destroyed.svg", "homes-destroyed.mobile.svg", "homes-destroyed.html"]) {
      const content = readFileSync(join(project.dir, "charts", name), "utf8");
      if (name.endsWith(".svg")) {
        expect(content.startsWith("<svg") && content.includes('xmlns="http://www.w3.org/2000/svg"'), name).toBe(true);
        expect(content, name).not.toMatch(/(?:href|src)="(?:https?:)?\/\//);
        expect(content).toContain("Mayor Dana Whitfield");
        expect(content).toContain("regional fire service");
      }
    }
    const manifest = JSON.parse(readFileSync(join(project.dir, "charts", "manifest.json"), "utf8")) as { charts: { id: string }[] };
    // Beside the charts of the story already in the project (the tests' own).
    expect(manifest.charts.map((c) => c.id)).toEqual(expect.arrayContaining(["homes-destroyed", `story-${SLUG}-lead`, "death-claims"]));
  });
});
